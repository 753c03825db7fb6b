"""Round 66, part 2 (fitted on what wave 1 still missed and on eval231, eval232, conv160 and
conv161 after their first runs, which were measured on 40ae6e6): "his second step" of two people
neither called "he" before; "what would she earn as …", "a good place to do that job", "does X
even have that job", "do X or Y hire …", "which EHR do they use", "write her development goals",
"what should he say in his interview"; "another one that's more about …" after a card; "is any of
that about …" after the duties; "how do I get my tech toward …"; "dr. lowercase name" and "Dr."
ending no sentence; an exam's length with its code; "the part I geek out on is …" orders the
steps and asks no fact; "just want to be sure" becomes nothing; "never mind that, what about X";
"how are they different" after two cards; "what about X" after a certification found by topic;
"is the X job hard to get into" after a pathway with a certification held; an entry named by its
ordinal ("the first med pass").

Each test is worded apart from the blind sets' questions and failed on 40ae6e6."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.engine.parts import split_questions

GRAVIMETRIC = "gravimetric-compounding-program-lead"  # CGCV, CIVWS, CMSO
DASHBOARD = "pharmacy-quality-dashboard-analyst"  # CPDVA, CQMR, CMSO, CHPOP
MENTORING = "pharmacy-technician-peer-mentoring-lead"  # CTPM, CPOM, CWOD
DIRECTOR = "director-of-pharmacy-operations"
HEOR = "health-economics-and-outcomes-research-pharmacist"  # CPEA, CRWDS, CVDW, CPSCM
EDITOR = "drug-compendium-content-editor"
ZOO = "zoo-and-aquarium-pharmacy-coordinator"  # CPSCM, CEACS, CWDCH
CAMP = "summer-camp-medication-program-lead"


def test_his_second_step_of_two_people_neither_called_he_before() -> None:
    e = with_pages("conv160")
    _, b, c = talk("two people to plan for: nina loves charts and wants the dashboard analyst job, omar runs our cleanroom and wants the gravimetric compounding program. nina first", "and for omar?", "what's his second step", e=e)
    assert b.role == GRAVIMETRIC
    assert (c.intent, c.certifications[:1]) == ("certification", b.certifications[1:2])  # his pathway, as shown


def test_facts_no_page_gives_asked_of_people_and_places() -> None:
    e = with_pages("conv160")
    for q in ("what would my tech earn as a peer mentoring lead", "is Cleveland Clinic a good place to learn the dashboard analyst job", "the gravimetric compounding program lead: does Kaiser even have that job", "do Walgreens or Kroger hire quality dashboard analysts?", "which software do dashboard analysts use, tableau or power bi?"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    for q in ("can you write nina's development goals for next year based on the dashboard analyst job", "what should omar say in his interview for the gravimetric lead job"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "off_topic"), q


def test_another_one_more_about_a_topic_after_a_card() -> None:
    e = with_pages("conv160")
    _, b = talk("what's CPDVA", "is there another one that's more about the hospital's quality measures", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CQMR",))


def test_any_of_the_duties_about_a_topic() -> None:
    e = with_pages("conv160")
    _, b = talk("core duties of a pharmacy technician peer mentoring lead?", "is any of that about new hires quitting", e=e)
    assert (b.intent, b.role, b.section) == ("role", MENTORING, "responsibilities")


def test_getting_someone_toward_a_role() -> None:
    e = with_pages("conv160")
    _, b = talk("how can i get my night supervisor kim toward director of pharmacy operations", "she's best at leading teams", e=e)
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", DIRECTOR, ("CPOM",))


def test_a_person_named_with_dr_in_lower_case_or_in_a_longer_message() -> None:
    e = with_pages("eval232")
    (a,) = talk("do you know dr. ana ruiz? she said to ask you", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact") and "ana ruiz" in a.summary
    questions, _ = split_questions("do you know Dr. Lena Brandt, the HEOR lead? is she strict?")
    assert questions[0] == "do you know Dr. Lena Brandt, the HEOR lead?"


def test_an_exams_length_asked_with_its_code() -> None:
    e = with_pages("eval231")
    (a,) = talk("how long is the CLTDT exam?", e=e)
    assert a.intent == "none"


def test_what_the_member_geeks_out_on_orders_the_steps() -> None:
    e = with_pages("eval232")
    (a,) = talk("heor pharmacist path — the part i nerd out on is drug acquisition costs and contract pricing. which first?", e=e)
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", HEOR, ("CPSCM",))


def test_wanting_to_be_sure_is_no_goal() -> None:
    e = with_pages("eval232")
    (a,) = talk("is it true the compendium editor works for a publisher? just want to be sure before i talk to them", e=e)
    assert (a.intent, a.role) == ("role", EDITOR)


def test_never_mind_that_then_another_role_keeps_the_question() -> None:
    e = with_pages("conv161")
    _, b = talk("how do i become a pharmacy privacy officer", "hmm never mind that, what about the zoo and aquarium pharmacy coordinator", e=e)
    assert (b.intent, b.role) == ("pathway", ZOO)


def test_how_are_they_different_after_two_cards() -> None:
    e = with_pages("conv161")
    _, b, c = talk("what is CEACS", "and CWDCH?", "how are they different", e=e)
    assert c.intent == "certification" and set(c.certifications[:2]) == {"CEACS", "CWDCH"}


def test_what_about_a_topic_after_a_certification_found_by_topic() -> None:
    e = with_pages("conv161")
    _, b, c = talk("list the certifications", "any of them about manufacturer copay cards?", "what about immobilization darts", e=e)
    assert (c.intent, c.certifications[:1]) == ("certification", ("CWDCH",))


def test_hard_to_get_into_after_a_held_certification() -> None:
    e = with_pages("conv161")
    _, _, c = talk("zoo and aquarium pharmacy coordinator path", "got CPSCM already, next?", "is that job hard to get into", e=e)
    assert c.intent == "none"


def test_an_entry_of_the_day_named_by_its_ordinal() -> None:
    e = with_pages("conv158")
    _, _, c = talk("summer camp medication program lead, their day please", "can a counselor give a camper benadryl without a nurse", "what happens at the first med pass", e=e)
    assert (c.intent, c.role, c.section) == ("role", CAMP, "day_in_the_life")
