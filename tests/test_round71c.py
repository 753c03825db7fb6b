"""Round 71, part 3 (fitted on wave 3, eval268 and conv217-218, after their first runs on 28770be,
and on what waves 1 and 2 still missed): a first and last name asked about; "can I sit X if …";
"any of them to do with farms?" after the roles; "which of the remaining ones is about …";
"is any of them a good step up" refused; "which of CVFDS or CADRA is more about withdrawal times"
(the topic of a choice, not a clinical request); "I thought CPOM covered that?", "I thought CHPOP
was on there too?", "are you sure …? I'm way more of a supply chain person"; "is CPOM on another
path too?" is no FAQ; "ok what IS on it" after "is BCOP on its path?"; "ok and whose day starts
earlier", "whose morning starts first"; "now the second's", "same for the third" after a role's
part; "doubled up on their lisinopril"; "of those, which one …" after the roles a certification
is on.

Each test is worded apart from the blind sets' questions and failed on 28770be."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
LIVESTOCK = "livestock-feed-medication-compliance-pharmacist"  # CVFDS, CPSCM, CADRA
FATIGUE = "pharmacy-shift-fatigue-risk-program-lead"  # CPOM, CWFRM, CMSO, CEWPS
AMBULANCE = "ambulance-service-controlled-drugs-officer"  # CPCDA, CMSO, CPSCM (day from Dawn)
TUMOR = "tumor-board-pharmacy-liaison"  # CORSP, CMDCF, CMSO, CCTEP (day from 7:00 AM)
HELP_DESK = "pharmacy-systems-help-desk-lead"  # CPSHD, CPIIT, CPOM (day from 11:00 AM)
CHURCH = "faith-community-health-ministry-pharmacist"  # CCMOP, CMSO, CHMPC, CVHE


def test_a_first_and_last_name_asked_about_is_refused() -> None:
    e = with_pages("eval266")
    for q in ("is Harold Nguyen still on the council's exam committee?", "do you know if Rosa Delgado runs the certification board now"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_whether_one_may_sit_a_certification_if_is_eligibility() -> None:
    e = with_pages("eval266")
    (a,) = talk("can she sit CMAC if she's been out for years, or does she need a refresher course first?", e=e)
    assert a.intent == "none"


def test_choices_among_a_list_shown() -> None:
    e = with_pages("conv216")
    _, a = talk("list the roles you cover", "any of them to do with cattle feed?", e=e)
    assert (a.intent, a.role) == ("role", LIVESTOCK)
    _, b = talk("my pharmacist already has CHPOP and CPOM and wants ops director, what's left", "which of the remaining ones covers purchasing", e=e)
    assert (b.intent, b.certifications[0]) == ("certification", "CPSCM")
    _, c = talk("list the roles you cover", "is any of them a good step up from retail?", e=e)
    assert c.intent == "none"


def test_the_topic_of_a_choice_between_two_codes_is_no_clinical_request() -> None:
    e = with_pages("conv216")
    (a,) = talk("CVFDS or CADRA, which is more about withdrawal times", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CADRA")


def test_i_thought_is_a_doubt() -> None:
    e = with_pages("conv215")
    _, a = talk("which cert on the ops director path is about purchasing", "hmm I thought CPOM covered that?", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CPOM")
    _, b = talk("show me the fatigue lead's path", "wait I thought CHPOP was on it too?", e=e)
    assert (b.intent, b.role) == ("pathway", FATIGUE)
    _, c = talk("i hold CHPOP and CPOM, what's left for ops director", "are you sure CMSO is next? I'm way more of a purchasing person", e=e)
    assert (c.intent, c.certifications[0]) == ("pathway", "CPSCM")


def test_a_code_asked_on_another_path_is_no_faq() -> None:
    e = with_pages("conv5")
    (a,) = talk("is CPOM on another path too?", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CPOM")


def test_what_is_on_its_path_after_asking_about_an_unknown_cert_on_it() -> None:
    e = with_pages("conv217")
    first, a = talk("is BCPS on the help desk lead path?", "ok so what IS on it", e=e)
    assert first.intent == "none"
    assert (a.intent, a.role) == ("pathway", HELP_DESK)


def test_whose_day_starts_earlier_with_two_leading_words() -> None:
    e = with_pages("conv217")
    _, a = talk("ambulance controlled drugs officer vs tumor board liaison, which deals with paramedics", "ok and whose day starts earlier", e=e)
    assert (a.intent, a.role, a.section) == ("role", AMBULANCE, "day_in_the_life")
    _, b = talk("tumor board liaison or help desk lead, which has more meetings", "whose morning starts first", e=e)
    assert (b.intent, b.role, b.section) == ("role", TUMOR, "day_in_the_life")


def test_the_same_part_of_the_second_and_third_role() -> None:
    e = with_pages("conv217")
    _, a, b = talk("help desk lead, tumor board liaison and ops director: the first one's duties please", "now the second's", "same for the third", e=e)
    assert (a.intent, a.role, a.section) == ("role", TUMOR, "responsibilities")
    assert (b.intent, b.role, b.section) == ("role", OPS, "responsibilities")


def test_a_drug_doubled_up_on_is_clinical() -> None:
    e = with_pages("conv218")
    _, a = talk("what does a church pharmacist do", "what do I say to someone who doubled up on their metoprolol", e=e)
    assert (a.intent, a.reason) == ("none", "clinical")


def test_which_of_the_roles_a_certification_is_on() -> None:
    e = with_pages("conv218")
    *_, b = talk("is there a cert about med safety", "what jobs use it", "out of those, which one works with congregations", e=e)
    assert (b.intent, b.role) == ("role", CHURCH)
