"""Round 65, part 4 (fitted on eval226, eval227, conv155 and conv156 after their first runs, which
were measured on a5cd197): a certification found by words of the trade related to the one asked
("teaching": "instructor", "lesson plans"); "which certification on their pathway would cover …";
"which of the steps is the one about …"; "its main responsibilities" after the job a certification
is on; "X and Y both want …" and "Y wants it too"; "now Tom, who loves leading teams" after two
people's goals were told in a question about what they share.

Each test is worded apart from the blind sets' questions and failed on a5cd197."""

from __future__ import annotations

from engine_kb import talk, with_pages

ENDOSCOPY = "endoscopy-suite-pharmacy-coordinator"  # CPAPC, CEMLS, CMSO, CPSCM
PHASE_I = "phase-i-research-unit-pharmacy-manager"  # CEPRM, CDEPS, CPOM, CMSO
EMU = "epilepsy-monitoring-unit-pharmacy-coordinator"  # CSRMC, CMSO, CNUPL
OPS = "director-of-pharmacy-operations"


def test_a_certification_found_by_related_words_of_the_trade() -> None:
    e = with_pages("conv156")
    (a,) = talk("is there a cert about teaching?", e=e)
    assert a.intent == "certification" and a.certifications[:1] in (("CALCD",), ("CPSLI",))
    (b,) = talk("is there a cert about willow builds?", e=e)  # near-miss guard: a word with no relation
    assert b.intent == "none"


def test_which_certification_on_their_pathway_would_cover_a_part() -> None:
    e = with_pages("conv156")
    _, b = talk("what does an endoscopy suite pharmacy coordinator do", "which certification on their pathway would help with the forecasting part?", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CEMLS",))


def test_which_of_the_steps_is_the_one_about() -> None:
    e = with_pages("conv156")
    _, b = talk("how do i become a director of pharmacy operations", "which of the steps is about managing people?", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPOM",))


def test_its_responsibilities_after_the_job_a_certification_is_on() -> None:
    e = with_pages("conv156")
    _, b = talk("what job are CEMLS and CMSO both on?", "what are its main responsibilities?", e=e)
    assert (b.intent, b.role) == ("role", ENDOSCOPY)


def test_two_people_wanting_one_job() -> None:
    e = with_pages("conv155")
    a, b = talk("ana and raj both want the phase 1 research unit manager job. ana loves leading teams, raj is big on med safety. start with raj", "and ana", e=e)
    assert (a.role, a.certifications[:1]) == (PHASE_I, ("CMSO",))
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", PHASE_I, ("CPOM",))
    c, d = talk("my two techs: kim wants the EMU coordinator track and loves stocking rescue kits, lou wants it too. start with kim", "now lou", e=e)
    assert c.role == EMU
    assert (d.intent, d.role) == ("pathway", EMU)


def test_now_tom_who_loves_leading_teams() -> None:
    e = with_pages("conv156")
    _, _, c = talk("Two mentees: Mia wants the endoscopy suite coordinator job and Tom wants to be a director of pharmacy operations. Do their pathways share anything?", "Start with Mia, she is great at forecasting.", "Now Tom, who loves leading teams.", e=e)
    assert (c.intent, c.role, c.certifications[:1]) == ("pathway", OPS, ("CPOM",))
