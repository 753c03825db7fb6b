"""Round 69, part 1 (fitted on the six sets of wave 1 after their first runs on e351530): a title
written out only with the member's own job; titles shortened to their last words ("the field
auditor", "the trainer"), a job noun no list knows among them, told apart by the asking sentence
and remembered for the next message; "forget the ops director"; a fact word only a certification's
name has ("Certified Remote Vault Inspector" holds no remote work); "what it pays", "is that job
full time", "how many … jobs are there"; "worth it?" after a card; a step by "cert 3?" or a bare
"4?"; "what time they start"; "which of the two starts earlier" after the certifications two
roles share; the shortest hours of three.

Each test is worded apart from the blind sets' questions and failed on e351530."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
TECH_OPS = "pharmacy-technician-operations-manager"  # CTWL, CPOM, CSIRP
AUDITOR = "multi-site-controlled-substance-field-auditor"  # CSDA, CMSO, CRVIN, CPSCM; from 6:15 AM
DESK = "refill-authorization-desk-lead"  # CPRQM, CPOM, CPHCL; from 8:00 AM
TRAINER = "group-home-medication-aide-trainer"  # CMAIN, CMSO, CCRSE
UPTIME = "pharmacy-automation-uptime-manager"  # CPARS, CHPOP, CDTRL, CATTR
QUEUE = "pharmacy-order-verification-queue-manager"  # CPOM, COVPL, CTATS, CMSO


def test_a_title_written_out_only_with_the_members_own_job_is_not_the_goal() -> None:
    e = with_pages("eval252")
    (a,) = talk("senior tech here, i manage the vault counts. what's the route to director of pharmacy operations?", e=e)
    assert (a.intent, a.role) == ("pathway", OPS)
    (b,) = talk("how do i become a pharmacy technician operations manager", e=e)
    assert (b.intent, b.role) == ("pathway", TECH_OPS)


def test_two_shortened_titles_are_told_apart_by_the_sentence_that_asks() -> None:
    e = with_pages("conv187")
    first, other = talk("I keep reading about the desk lead job and the field auditor job. what are the field auditor's main duties?", "and the other one's?", e=e)
    assert (first.intent, first.role, first.section) == ("role", AUDITOR, "responsibilities")
    assert (other.intent, other.role, other.section) == ("role", DESK, "responsibilities")


def test_a_choice_between_two_shortened_titles_is_made_by_their_pages() -> None:
    e = with_pages("conv187")
    (a,) = talk("field auditor or aide trainer: which of them reconciles the waste records at clinics?", e=e)
    assert (a.intent, a.role) == ("role", AUDITOR)


def test_the_last_word_of_one_title_names_it_when_no_list_knows_that_job_noun() -> None:
    e = with_pages("conv187")
    (a,) = talk("what are the trainer's responsibilities", e=e)
    assert (a.intent, a.role, a.section) == ("role", TRAINER, "responsibilities")


def test_a_role_the_member_says_to_forget_is_not_the_subject() -> None:
    e = with_pages("conv187")
    (a,) = talk("forget the ops director. which certs does the desk lead need?", e=e)
    assert (a.intent, a.role) == ("pathway", DESK)


def test_a_fact_word_only_a_certifications_name_has_is_not_on_the_page() -> None:
    e = with_pages("conv187")  # the auditor's pathway has the Certified Remote Vault Inspector
    (a,) = talk("how about the field auditor, remote ok?", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_pay_full_time_and_job_counts_are_refused() -> None:
    e = with_pages("conv190")
    *_, pay = talk("what's CPDAN", "and what it pays, roughly?", e=e)
    assert (pay.intent, pay.reason) == ("none", "missing_fact")
    (full,) = talk("is the take-back program manager job full time", e=e)
    assert full.intent == "none"
    (count,) = talk("how many drug take-back manager jobs are there in oregon", e=e)
    assert count.intent == "none"


def test_worth_it_after_a_card_is_that_card() -> None:
    e = with_pages("conv188")
    *_, a = talk("what is CPARS", "worth it?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPARS",))
    *_, b = talk("what is CPARS", "worth it for someone who already fixes our robots?", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPARS",))


def test_a_step_by_cert_and_its_number_or_a_bare_number() -> None:
    e = with_pages("conv188")
    _, third, fourth = talk("automation uptime manager certifications", "cert 3?", "4?", e=e)
    assert (third.intent, third.certifications) == ("certification", ("CDTRL",))
    assert (fourth.intent, fourth.certifications) == ("certification", ("CATTR",))
    *_, walk = talk("go through the uptime manager certs one by one", e=e)
    assert walk.intent == "pathway"


def test_what_time_they_start_is_their_day() -> None:
    e = with_pages("conv188")
    *_, a = talk("what does the queue manager do", "what time they start?", e=e)
    assert (a.intent, a.role, a.section) == ("role", QUEUE, "day_in_the_life")


def test_which_of_the_two_starts_earlier_after_their_shared_certifications() -> None:
    e = with_pages("conv187")
    *_, a = talk("the desk lead and the field auditor, which certs do they have in common", "which of the two begins their day earlier", e=e)
    assert (a.intent, a.role, a.section) == ("role", AUDITOR, "day_in_the_life")


def test_the_shortest_hours_of_three_is_refused() -> None:
    e = with_pages("conv187")
    (a,) = talk("field auditor, desk lead or ops director, which one has the shortest hours?", e=e)
    assert a.intent == "none"


INTERN = "pharmacy-intern-program-coordinator"  # CELC, CPOM, CPPDS
ANALYST = "infusion-chair-utilization-analyst"  # CPDAN, CICSA, CPOM, CHPOP


def test_what_someone_holds_is_told_and_what_should_she_get_is_the_rest_of_the_path() -> None:
    e = with_pages("conv190")
    *_, a = talk("what does the intern program coordinator do", "my friend already holds CPOM, what should she get", e=e)
    assert (a.intent, a.role) == ("pathway", INTERN) and "CPOM" not in a.certifications


def test_the_job_of_someone_in_the_members_life_is_not_the_one_asked_about() -> None:
    e = with_pages("conv190")
    (a,) = talk("my cousin is a retail tech and wants to run a medicine take-back program one day, what path?", e=e)
    assert (a.intent, a.role) == ("pathway", "community-drug-take-back-program-manager")


def test_a_refused_question_about_another_named_role_moves_the_talk_to_it() -> None:
    e = with_pages("conv190")
    *_, a = talk("can the intern program coordinator job be done from home", "what about the infusion chair utilization analyst, remote ok?", "fine, what does the analyst do then", e=e)
    assert (a.intent, a.role) == ("role", ANALYST)
