"""Round 85 (fitted on the round's first wave, eval338–339 and conv313–315, after their first runs
on 0ddd5fd, and on the round-84 held-out wave once it had been measured; the second wave, eval340
and conv316–317, is held out and only measured): a job noun of the member's making ("the
immunization trainer" of an Immunization Delivery Training Instructor) or a title's own last word
after its own word ("the hurricane planner") names the role; a word of the role's own and more of
its title before "job" or "role" ("the event pharmacy role") does too; a voice note's "um" and "uh"
are no words; "the last thing they do" and "what time do they do the records" ask for the day; a
page's other name after "The coordinator, often called …," or between dashes is read; "never
heard of it", "could you confirm what it is" ask what a certification is, and so does a question
the member reports ("she asked me what CPEQR validates. What should I tell her?"); the hours or
the travel of a role, and what an interview will ask, are refused; "who checks …" describes the
job asked for; "from driver to pharmacist" names the profession, not the one title ending in it;
a certification named by its full name in the asking sentence is asked about; "my mentee, who is
heading into HR" tells; a past comparison of one role asks no comparison; "dreads", "uneasy about"
and "uncomfortable with" tell a dislike; "which career spotlights do you hold" lists the roles; "the
person at a pharmacy school who …" describes the job sought; in a conversation, "she also hates …"
keeps what she was said to love, "she actually loves …" is her like, "I don't have CPEAL yet, I'm
registered for it next month" means CPEAL ("next month" orders nothing), "I have that from my old
job" holds the step just shown, "and the sliding fee side?" after a certification asked by topic
asks for another by topic, "where does it sit on the … path?" and "is CPOM on that path too?" keep
the order (the one just shown), "any other role?" after a card is the other role whose path has
it, and "which step is it?" after a step's card, or "which step is it there" after its role, says
where the step stands. Later in the round: "CRPEC or CTPLP - which one covers dosing diaries" chooses
between certifications (no clinical request); the part asked in the question ("… in the morning.
What are the main responsibilities again?") wins over a time told; "which role's path is that on",
"is that also on another role's path?", "the second one in that order", "what's after it on
there", "has that one already. and the one after?" after a step's card; "the trackside job" (a
page's other name) orders nothing; "same interest" and "X's dream job is …, same question" carry
what was said or asked; "its path" is the role talked about ("what I really want is …" says what
the member likes); "what time does the MAR chart person
begin" is the day; "we both have interviews tomorrow" orders no step about interviews. Last: "Ed
(reporting pharmacist) wants ambassador lead. … Start with Ed.": a name, the job they do now in a
few words, then what they want.

Each test is worded apart from the blind sets' questions and failed on 0ddd5fd, but the guards
(noted in their docstrings)."""

from __future__ import annotations

import pytest

from bot.engine.index import called_names

try:
    from engine_kb import talk, with_pages
except ImportError:  # tests/ became a package
    from tests.engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
TRAINER = "immunization-delivery-training-instructor"  # conv311
HAND_RUB = "alcohol-based-hand-rub-production-pharmacist"  # conv311
MAR = "home-care-mar-chart-coordinator"  # CMARC, CDCMS, CCWTF, CMSO
EXEMPTION = "prescription-exemption-checking-officer"  # CPECA, CHBDV, CPCFR
COMPENSATION = "pharmacy-compensation-analyst"  # CJEVS, CPCMA, CPOM, CPEQR
ALUMNI = "pharmacy-alumni-relations-director"  # CAEDP, CMNPL, CADSA
MENS = "mens-health-pharmacy-service-lead"  # CMHPS, CPHSC, CMHOE, CMSO
AMBASSADOR = "pharmacy-patient-ambassador-program-lead"  # CPEAL, CSRPP, CPOM, CHFA
HEALTH_CENTER = "community-health-center-pharmacy-manager"  # CCHPM, CPACS, CPOM, CDPPC
INHALATION = "inhalation-product-development-pharmacist"  # CIPDS, CAPTA, CDCRS, CPSCM
TRACKSIDE = "motorsport-circuit-medical-centre-pharmacist"  # CEVMP, CTRMS, CMSO, CCDCK
DISSOLUTION = "dissolution-testing-laboratory-supervisor"  # CDRTA, CLDIR, CPLQS, CPOM
APQR = "annual-product-quality-review-coordinator"  # CPQRS, CQTRA, CCAPE, CMSO
SPEAKER = "pharmaceutical-speaker-program-compliance-manager"  # CPEMS, CTSRA, CFMVA


def test_a_job_noun_made_from_a_title_word_names_the_role() -> None:
    """Guard: a word the title writes itself ("center", "meter") makes no job noun of the member's."""
    e = with_pages("conv311")
    (a,) = talk("which records does the immunization trainer keep each week", e=e)
    assert (a.intent, a.role) == ("role", TRAINER)
    (b,) = talk("what's the best glucometer brand for a hospital ward", e=with_pages("eval262"))
    assert b.intent == "none"


def test_a_role_named_by_its_own_word_and_more_of_its_title_then_job() -> None:
    e = with_pages("eval207")
    (a,) = talk("between the allergy cleanup job and the practice agreement job, which one spends more time in the EHR", e=e)
    assert (a.intent, a.role) == ("role", "penicillin-allergy-delabeling-program-coordinator")


def test_um_and_uh_are_no_words() -> None:
    e = with_pages("conv311")
    _, a = talk("what does the ops director do in the morning", "uh and the hand rub guy, same question", e=e)
    assert (a.intent, a.role, a.section) == ("role", HAND_RUB, "day_in_the_life")


def test_the_last_thing_they_do_and_what_time_they_do_something_are_the_day() -> None:
    e = with_pages("conv311")
    (a,) = talk("what's the last thing the immunization delivery training instructor does before going home", e=e)
    assert (a.intent, a.section) == ("role", "day_in_the_life")
    _, b = talk("tell me about the immunization delivery training instructor", "what time do they do the paperwork", e=e)
    assert (b.intent, b.section) == ("role", "day_in_the_life")


@pytest.mark.parametrize(
    "title, sentence, names",
    [
        ("Home Care MAR Chart Coordinator", "The coordinator, often called the MAR chart technician, produces the charts.", ["MAR chart technician"]),
        ("Inhalation Product Development Pharmacist", "An Inhalation Product Development Pharmacist — often called a respiratory formulation scientist — works in industry.", ["respiratory formulation scientist"]),
    ],
)
def test_other_names_after_the_role_and_a_comma_or_between_dashes(title: str, sentence: str, names: list[str]) -> None:
    assert called_names(title, sentence) == names


def test_a_pages_other_name_between_dashes_names_the_role() -> None:
    e = with_pages("conv314")
    (a,) = talk("how do i become a respiratory formulation scientist", e=e)
    assert (a.intent, a.role) == ("pathway", INHALATION)
    (b,) = talk("what does a MAR chart technician do all day", e=with_pages("eval338"))
    assert (b.intent, b.role) == ("role", MAR)


def test_never_heard_of_it_and_confirm_what_it_is_ask_what_a_certification_is() -> None:
    e = with_pages("eval337")
    for said in ("my manager keeps mentioning CPLSP, never heard of it", "A mentee of mine listed CPLSP in her development plan; could you confirm what it is before I approve it?"):
        (a,) = talk(said, e=e)
        assert (a.intent, a.certifications[:1]) == ("certification", ("CPLSP",)), said


def test_a_question_the_member_reports_is_the_one_asked() -> None:
    e = with_pages("eval339")
    (a,) = talk("My mentee Ruth, who has been eyeing a move into pay and rewards work, asked me what CPEQR actually proves. How should I answer?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPEQR",))


def test_a_person_who_is_heading_somewhere_tells_no_way_asked() -> None:
    e = with_pages("eval339")
    (a,) = talk("Does CMSO only suit safety officers? I noticed it on the men's health service lead pathway, and my trainee, who is heading into community work, was puzzled.", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_hours_travel_and_interview_questions_are_refused() -> None:
    e = with_pages("conv315")
    _, a = talk("what does the speaker program compliance manager do", "and their hours?", e=e)
    assert a.intent == "none"
    _, b = talk("what does the speaker program compliance manager do", "travel a lot?", e=e)
    assert b.intent == "none"
    (c,) = talk("what questions will they ask at interview for the APQR coordinator job", e=e)
    assert c.intent == "none"


def test_who_and_what_the_job_does_describes_the_job_asked_for() -> None:
    e = with_pages("eval338")
    (a,) = talk("who checks whether people really qualify for free prescriptions", e=e)
    assert (a.intent, a.role) == ("role", EXEMPTION)


def test_the_profession_itself_is_no_title_that_ends_in_it() -> None:
    e = with_pages("eval338")
    (a,) = talk("how do i get from cashier to pharmacist", e=e)
    assert a.intent == "none"


def test_a_certification_named_by_its_full_name_in_the_asking_sentence() -> None:
    e = with_pages("eval339")
    (a,) = talk("Is there a 'Certified Pharmacy Health Screening Coordinator', and what does it say about the person who holds it?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPHSC",))


def test_a_past_comparison_of_one_role_asks_no_comparison() -> None:
    e = with_pages("eval339")
    (a,) = talk("She adores salary benchmarking (at her old job she would compare our pay against every other chain) and wants to become a compensation analyst; which certification first?", e=e)
    assert (a.intent, a.role) == ("pathway", COMPENSATION)


def test_dreads_uneasy_about_and_uncomfortable_with_tell_a_dislike() -> None:
    e = with_pages("eval339")
    (a,) = talk("He is after the alumni relations director job but dreads planning reunions and events; which certification first?", e=e)
    assert (a.intent, a.role) == ("pathway", ALUMNI) and a.certifications[0] != "CAEDP"
    (b,) = talk("She wants the men's health pharmacy service lead job but feels uneasy about consultations; which cert first?", e=e)
    assert (b.intent, b.role) == ("pathway", MENS) and b.certifications[0] != "CMHPS"


def test_which_career_spotlights_do_you_hold_lists_the_roles() -> None:
    e = with_pages("eval339")
    (a,) = talk("Which career spotlights do you currently hold? I want to show my students the full range at our next session.", e=e)
    assert a.intent == "list_roles"


def test_the_person_at_a_place_who_does_something_describes_the_job_sought() -> None:
    e = with_pages("eval339")
    (a,) = talk("How do I become the person at a university pharmacy school who keeps alumni connected via chapters, mentoring and outcome surveys? Which certifications?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", ALUMNI, "CAEDP")


def test_she_also_hates_keeps_what_she_loves() -> None:
    e = with_pages("conv314")
    _, a = talk("my wife wants the inhalation development job and she adores lab testing", "she also hates writing regulatory dossiers, does that change anything?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", INHALATION, "CAPTA")


def test_she_actually_loves_is_her_like() -> None:
    e = with_pages("conv314")
    _, a = talk("how does someone become a dissolution testing laboratory supervisor", "ignore that, she actually loves investigating failed results", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", DISSOLUTION, "CPLQS")


def test_registered_for_it_next_month_is_the_one_just_named() -> None:
    e = with_pages("conv313")
    _, a = talk("I already have CPEAL and CPOM. what's left on the ambassador lead path?", "correction: I don't hold CPEAL yet, I'm booked in for it next month", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", AMBASSADOR, "CPEAL")


def test_i_have_that_from_my_old_job_holds_the_step_just_shown() -> None:
    e = with_pages("conv313")
    _, _, a = talk("health center pharmacy manager certification pathway", "step 3?", "I have that from my last supervisor job. so where do I start?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", HEALTH_CENTER, "CCHPM") and "CPOM" not in a.certifications


def test_and_the_other_side_after_a_certification_asked_by_topic() -> None:
    e = with_pages("conv313")
    _, a = talk("which cert covers 340B", "and the sliding fee side?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPACS",))


def test_where_does_it_sit_and_is_it_on_that_path_too_keep_the_order() -> None:
    e = with_pages("conv313")
    _, a = talk("what is CPOM", "where does it sit on the health center manager path?", e=e)
    assert (a.intent, a.role, a.certifications[0], a.focus) == ("pathway", HEALTH_CENTER, "CCHPM", "CPOM")
    _, b = talk("ops director certs? stock and inventory are what I enjoy most", "is CPOM on that path too?", e=e)
    assert (b.intent, b.role, b.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_which_step_is_it_after_a_steps_card_or_its_role() -> None:
    e = with_pages("conv314")
    _, a = talk("what's the first cert on the trackside pharmacist path?", "and the resus one, which step is it?", e=e)
    assert (a.intent, a.role) == ("pathway", TRACKSIDE)
    e = with_pages("conv315")
    _, b, c = talk("is CMSO only for ops directors?", "any other role?", "which step is it there", e=e)
    assert (b.intent, b.role) == ("role", APQR)
    assert (c.intent, c.role, c.certifications[0], c.focus) == ("pathway", APQR, "CPQRS", "CMSO")


def test_which_one_is_about_a_clinical_word_chooses_between_certifications() -> None:
    e = with_pages("conv313")
    (a,) = talk("CRPEC or CTPLP - which one covers dosing diaries", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRPEC",))


def test_the_part_asked_in_the_question_wins_over_a_time_told() -> None:
    e = with_pages("conv315")
    (a,) = talk("I'm interviewing for the ops director job in the morning. What are the main responsibilities again?", e=e)
    assert (a.intent, a.section) == ("role", "responsibilities")


def test_on_which_roles_path_and_on_another_roles_path_after_a_card() -> None:
    e = with_pages("conv315")
    _, a = talk("what is CTSRA", "which role's path is that on", e=e)
    assert (a.intent, a.role) == ("pathway", SPEAKER)
    _, b = talk("which cert covers the inventory part of the ops director job", "is that also on another role's path?", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPSCM",))


def test_the_second_one_in_that_order_and_whats_after_it_on_there() -> None:
    e = with_pages("conv315")
    _, a = talk("emergency supply lead - I'm great with GPs and referrals. cert order?", "and the second one in that order?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CUMSP",))
    e = with_pages("conv313")
    _, _, b = talk("what is CPEAL", "whose path is that on", "and what's after it on there", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CSRPP",))


def test_has_that_one_already_and_the_one_after() -> None:
    e = with_pages("conv314")
    *_, a = talk("what is CTRMS", "whose path is it on?", "what comes after it on that path?", "Priya has that one already. and the one after?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CCDCK",))


def test_a_roles_other_name_before_job_is_no_interest() -> None:
    e = with_pages("conv314")
    _, a = talk("Ines holds CIPDS and is after inhalation product development. Tom holds CMSO and wants the trackside job", "and Tom's next step?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", TRACKSIDE, "CEVMP")


def test_same_interest_and_same_question_for_another_role() -> None:
    e = with_pages("conv314")
    _, _, a = talk("show me the ops director path", "I love the inventory side", "now the inhalation development job, same interest", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", INHALATION, "CPSCM")
    _, b = talk("what's the motorsport circuit medical centre pharmacist's race day like?", "and Ines's dream job is the dissolution testing laboratory supervisor, same question", e=e)
    assert (b.intent, b.role, b.section) == ("role", DISSOLUTION, "day_in_the_life")


def test_its_path_is_the_role_talked_about_whatever_the_wish_describes() -> None:
    e = with_pages("conv313")
    _, a = talk("what does a community health center pharmacy manager do", "Ten years of order-set builds, but what I really want is sitting down with people and explaining their costs. so for someone like me, where do I begin on its path?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", HEALTH_CENTER, "CPACS")


def test_what_time_does_the_role_person_begin_is_the_day() -> None:
    e = with_pages("eval338")
    (a,) = talk("what time does the MAR chart person begin", e=e)
    assert (a.intent, a.role, a.section) == ("role", MAR, "day_in_the_life")


def test_a_job_interview_is_the_occasion_not_an_interest() -> None:
    """Guard: "interviewing patients" is still work the member speaks of (the cue's near misses)."""
    e = with_pages("conv315")
    (a,) = talk("we have both got interviews tomorrow; my friend is going for the APQR coordinator post, which certs should she bring up?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", APQR, "CPQRS")


def test_a_name_then_their_job_in_a_few_words_then_what_they_want() -> None:
    e = with_pages("conv313")
    (a,) = talk("Three of my analysts want out of screens. Di (Willow builder) wants the trial participant liaison job. Ed (reporting pharmacist) wants ambassador lead. Fi (interface tech) wants health center manager. Start with Ed.", e=e)
    assert (a.intent, a.role) == ("pathway", AMBASSADOR)
