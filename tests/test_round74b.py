"""Round 74, part 2 (fitted on wave 3, eval288-289 and conv251-252, after their first runs on
a40d49a, and on what waves 1-2 still missed): what a member holds said beside their own job ("I'm
a preceptor, hold CMSO already"), codes listed before "already", what a person told of holds
("Eli (new tech) has CPOM too"); "and his day" after a person's pathway; a rhetorical "what's even
the point" and "a cash grab" are venting; a religious title before a name asks about a person;
"what jobs can I look up here"; "the X's second step" is that step; a "who" question beside a way
only told is a role asked for; what the member told of themselves beside a list asked for tailors
the pathway asked next.

Each test is worded apart from the blind sets' questions and failed on 3902259."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
DELIRIUM = "delirium-prevention-pharmacy-coordinator"  # CMSO, CDPPC, CGMR, CHPOP
SAFE = "safe-space-pharmacy-program-lead"  # CTIPP, CSGRL, CPCO, CPOM
SENSORY = "sensory-friendly-pharmacy-services-coordinator"  # CSFPS, CNICP, CPOM
FLOW = "pharmacy-patient-flow-and-capacity-liaison"  # CPFCL, CHPOP, CDTCP
FLUIDS = "large-volume-iv-fluid-supply-coordinator"
CONVENT = "religious-community-infirmary-medication-coordinator"


def test_held_beside_ones_own_job_and_listed_before_already() -> None:
    e = with_pages("conv251")
    (mine,) = talk("I'm a staff pharmacist, got CMSO already, what's left for the delirium prevention coordinator", e=e)
    assert (mine.intent, mine.role) == ("pathway", DELIRIUM) and "CMSO" not in mine.certifications
    (both,) = talk("CTIPP, CPOM already done. safe space program lead - what remains?", e=e)
    assert (both.intent, both.role) == ("pathway", SAFE) and not {"CTIPP", "CPOM"} & set(both.certifications)


def test_what_a_person_told_of_holds_when_their_turn_comes() -> None:
    e = with_pages("conv251")
    *_, eli = talk("Ada (P3) wants the safe space lead job. Eli (new tech) has CPOM too and wants the sensory coordinator job. Ada first", "Eli's path now", e=e)
    assert (eli.intent, eli.role) == ("pathway", SENSORY) and "CPOM" not in eli.certifications


def test_his_day_after_a_persons_pathway() -> None:
    e = with_pages("conv251")
    _, day = talk("my tech Rafi dreams of becoming a director of pharmacy operations, how does he get there", "and his day, if he makes it?", e=e)
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")


def test_rhetorical_venting_is_refused() -> None:
    e = with_pages("eval288")
    answers = talk("four years of night shifts and still a staff pharmacist, whats even the point", e=e) + talk("these council certs are just a money grab tbh", e=e)
    assert [a.intent for a in answers] == ["none", "none"]


def test_a_religious_title_before_a_name_asks_about_a_person() -> None:
    e = with_pages("eval289")
    (a,) = talk("is Sister Ruth Okafor still the convent pharmacist at St Clare's?", e=e)
    assert a.intent == "none"


def test_what_jobs_can_i_look_up() -> None:
    e = with_pages("eval288")
    (a,) = talk("what jobs can i look up here, just joined", e=e)
    assert a.intent == "list_roles"


def test_a_titles_second_step() -> None:
    e = with_pages("conv252")
    *_, a = talk("tell me about the self-med coordinator", "and the bed huddle pharmacist?", "which path is shorter", "the other one's second step?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CIMES",))


def test_who_beside_a_way_only_told_is_a_role() -> None:
    e = with_pages("conv250")
    (a,) = talk("who orders the pallets of saline for the whole hospital? might move into that someday", e=e)
    assert (a.intent, a.role) == ("role", FLUIDS)


def test_what_was_told_beside_a_list_tailors_the_next_pathway() -> None:
    e = with_pages("conv251")
    *_, path = talk("i'm a staff pharmacist who runs our med safety huddles. which jobs could i look at", "tell me about the delirium one", "what's the path for someone like me", e=e)
    assert (path.intent, path.role, path.certifications[0]) == ("pathway", DELIRIUM, "CMSO")


def test_an_order_word_in_capitals_is_never_a_certification_code(tmp_path) -> None:
    """A blind writer's page wrote its pathway "FIRST - CDIVS (Certified …)" with the sentence on
    the next line; the importer made certifications FIRST, SECOND and THIRD of it (and validate
    passed). Round 74 refused the page; since round 76 the order word is read as the step's
    order and "CODE (Certified …)" as its code and name, the sentence below as its text."""
    import shutil
    from pathlib import Path

    import yaml
    from knowledge_helpers import FIXTURE

    from bot.knowledge.importer import import_page

    kdir = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, kdir)
    import_page(Path(__file__).parent / "fixtures" / "pages_ordered" / "order-words-as-codes.txt", kdir)
    names = {p.stem for p in (kdir / "certifications").iterdir()}
    assert not names & {"FIRST", "SECOND", "THIRD"}
    role = yaml.safe_load((kdir / "roles" / "controlled-substance-detection-canine-program-coordinator.yaml").read_text())
    assert [s["certification"] for s in role["pathway"]["steps"]] == ["CDIVS", "CCSTA", "CMSO"]
    assert role["pathway"]["steps"][1]["why"].startswith("Covers the registration, storage")
