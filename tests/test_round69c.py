"""Round 69, part 3 (fitted on conv194-195 after their first runs on a8f1b3d, which were measured
before anything was fitted on them): "the other's full name", "the other's first cert"; "and the
shortest?" after pathways weighed by length; "ok and the afternoon?" is no greeting; facts no page
gives: a code's name in another language, one's own DEA registration, a seasonal job, on call
all summer, a job still around.

Each test is worded apart from the blind sets' questions and failed on a8f1b3d."""

from __future__ import annotations

from engine_kb import talk, with_pages

HEAT = "extreme-heat-medication-safety-coordinator"  # CMSO, CHRMC, CSTCM
LAB = "laboratory-animal-research-pharmacy-supervisor"  # CPOM, CLARP, CRCSA, CMSO
COLD = "pharmacy-cold-room-operations-supervisor"  # CTMAP, CPSCM, CCSRM


def test_the_others_name_and_first_step() -> None:
    e = with_pages("conv195")
    *_, a = talk("CHRMC or CSTCM, which one is about backup power?", "and the other's full name?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CHRMC",))
    *_, b = talk("heat coordinator or the vivarium supervisor, which needs fewer certs?", "and the other's first cert?", e=e)
    assert b.certifications[:1] == ("CPOM",) and (b.intent, b.stage) == ("certification", "nth_step")  # that step's card (round 74: "the X one's first cert" is the step, not the whole pathway)


def test_and_the_shortest_after_pathways_weighed_by_length() -> None:
    e = with_pages("conv194")
    *_, a = talk("packaging engineer, cold room supervisor or ops director: whose cert path is longest?", "and the shortest?", e=e)
    assert (a.intent, a.role) == ("pathway", COLD)


def test_a_part_of_the_day_asked_with_nothing_before_is_no_greeting() -> None:
    e = with_pages("conv194")
    (a,) = talk("ok and the evening?", e=e)
    assert a.intent == "none"
    (b,) = talk("good evening everyone", e=e)
    assert b.intent == "help"


def test_facts_no_page_gives_are_refused() -> None:
    e = with_pages("conv195")
    for q in ("what does CLARP stand for in spanish", "is the heat coordinator job seasonal?", "is it true the fleet pharmacist is on call all winter", "is the fishing fleet pharmacist job even around anymore"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
