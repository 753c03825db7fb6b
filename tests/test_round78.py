"""Round 78, part 1 (fitted on the round's first wave after its first runs on 148024f): a role
called by its pathway's length; what a person is into or good at, told after their pathway;
everyday and second-language wording ("certificates", "want be", "what else i need", "where i
start"); a job described by what it does, asked what it is or does; all the roles weighed by
length; a roster name with an aside; ranks and everyday words that are no interest; a council's
legal name for a role and a title's initials.

Each test is worded apart from the blind sets' questions and failed on 148024f."""

from __future__ import annotations

from engine_kb import talk, with_pages

HOSPITALIST = "hospitalist-team-pharmacist"  # CHMTP, CTRDP, CCTP
TOX = "medical-toxicology-consult-pharmacist"  # CTOXP, CADSM, CMSO, CCTP
FLEET = "pharmacy-handheld-device-fleet-coordinator"  # CBSTS, CMDFC, CDTT, CPOM
OWED = "owed-medication-follow-up-coordinator"  # CPFTS, CPSCM, CPPCS
ROOM = "consultation-room-appointment-coordinator"  # CAPDM, CPPCS, CCRST, CPOM
CLAIMS = "prescription-submission-and-endorsement-coordinator"  # CPENS, CPCRA, CPRK
OFF_LABEL = "off-label-use-review-pharmacist"  # COLER, CRMGP, CMSO
SECOND = "medication-second-opinion-service-lead"  # CSOCP, CSDMF, COLER, CPOM
HUDDLE = "pharmacy-tiered-huddle-and-escalation-lead"  # CHUDL, CPOM, CESRP, CMSO
STEPDOWN = "telemetry-and-step-down-unit-pharmacy-coordinator"  # CTSUP, CLCTC, CMSO, CIPRF
BATCH = "batch-certification-pharmacist"  # CGMPA, CQDI, CPQP, CPSCM
GP = "general-practice-clinical-pharmacist"  # CPCPH, CSMRV, CMSO
LECTURER = "pharmacy-practice-lecturer"  # CPHED, CCSKE, CSMRV
TEST_TREAT = "community-pharmacy-test-and-treat-pharmacist"  # CPOCT, CTTP, CMSO
ARTWORK = "medication-packaging-artwork-proofing-pharmacist"  # CRLS, CPAR, CQDOC, CMSO


def test_a_role_called_by_its_pathways_length() -> None:
    e = with_pages("conv276")
    *_, asked, longer, shorter, day = talk("hospitalist team pharmacist, what is it", "vs the toxicology consult pharmacist?", "which of them has the shorter path", "ok and the longer one's first cert", "the shorter one's last step?", "how does the longer one spend the day", e=e)
    assert (asked.intent, asked.role) == ("pathway", HOSPITALIST)  # (the shorter path asked is still a comparison)
    assert (longer.intent, longer.certifications[:1]) == ("certification", ("CTOXP",))
    assert (shorter.intent, shorter.certifications[:1]) == ("certification", ("CCTP",))
    assert (day.intent, day.role, day.section) == ("role", TOX, "day_in_the_life")


def test_what_a_person_is_into_told_after_their_pathway_reorders_it() -> None:
    e = with_pages("conv276")
    *_, again = talk("Ana wants to become a handheld device fleet coordinator, where should she begin", "she's really into teaching people, is it still the same first step?", e=e)
    assert (again.intent, again.role, again.certifications[:1]) == ("pathway", FLEET, ("CDTT",))


def test_certificates_asked_for_a_job_described() -> None:
    e = with_pages("eval313")
    (a,) = talk("what certificates for the person who posts the month's prescriptions off for payment?", e=e)
    assert (a.intent, a.role) == ("pathway", CLAIMS)


def test_second_language_wording_of_a_way_in() -> None:
    e = with_pages("eval313")
    wish, held, start = talk("i want be the month-end clerk. certs?", "// i have CPENS. what else i need for month-end clerk?", "// month-end clerk, i like keeping papers filed neat. where i start?", e=e)
    assert (wish.intent, wish.role) == ("pathway", CLAIMS)
    assert (held.intent, held.role) == ("pathway", CLAIMS) and "CPENS" not in held.certifications
    assert (start.intent, start.role) == ("pathway", CLAIMS)


def test_talking_to_people_and_keeping_things_clean_reorder_a_pathway() -> None:
    e = with_pages("eval313")
    chatty, tidy = talk("the booking desk lead path for me? i love chatting with customers", "// booking desk lead path for me? i keep everything clean and tidy", e=e)
    assert chatty.certifications[:1] == ("CPPCS",)
    assert tidy.certifications[:1] == ("CCRST",)


def test_a_job_described_by_its_work_then_asked_what_it_does() -> None:
    e = with_pages("eval313")
    (a,) = talk("that job where you check the monthly payment statement against your own count of scripts, what do they actually do?", e=e)
    assert (a.intent, a.role, a.section) == ("role", CLAIMS, "overview")


def test_a_hyphenated_term_describes_a_job() -> None:
    e = with_pages("eval313")
    (a,) = talk("which person count the no-shows and report to the manager?", e=e)
    assert (a.intent, a.role) == ("role", ROOM)


def test_all_the_roles_weighed_by_length() -> None:
    e = with_pages("eval314")
    (a,) = talk("of every role you cover, which pathway is the shortest?", e=e)
    assert a.intent == "pathway" and a.role in (OFF_LABEL, "pharmacist-prescribing-program-lead")


def test_a_role_nearer_with_what_is_held() -> None:
    e = with_pages("eval314")
    (a,) = talk("If I hold CPOM, which of them am I nearer to: the second opinion lead or the operations director?", e=e)
    assert (a.intent, a.role) == ("pathway", SECOND)  # (three left on each: the one named first)
    assert "CPOM" not in a.certifications


def test_a_held_certification_told_beside_a_role_asked_about() -> None:
    e = with_pages("eval314")
    duties, day = talk("I hold COLER. what does the second opinion lead actually do?", "// I hold COLER. what's the second opinion lead's day like?", e=e)
    assert (duties.intent, duties.role) == ("role", SECOND)
    assert (day.intent, day.role, day.section) == ("role", SECOND, "day_in_the_life")


def test_an_ability_a_certification_shows_is_no_request_to_write() -> None:
    e = with_pages("eval314")
    (a,) = talk("which certification proves you can write a consult note a doctor can use?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CSOCP",))


def test_a_clock_time_with_dots_is_part_of_the_day() -> None:
    e = with_pages("eval314")
    (a,) = talk("what is the off-label reviewer doing at 3 p.m.?", e=e)
    assert (a.intent, a.role, a.section) == ("role", OFF_LABEL, "day_in_the_life")


def test_an_outside_credential_pointed_at_is_refused() -> None:
    e = with_pages("eval314")
    (a,) = talk("A friend keeps pushing BCACP. Would that help for the off-label reviewer or the second opinion lead?", e=e)
    assert a.intent == "none"


def test_a_good_evening_is_no_part_of_a_day() -> None:
    (a,) = talk("Good evening! how does this assistant work?")
    assert a.intent == "help"


def test_asking_to_make_a_nickname_official_is_a_task() -> None:
    (a,) = talk("could you add 'rota boss' as an official alias for the ops director?")
    assert (a.intent, a.reason) == ("none", "off_topic")


def test_a_roster_name_with_an_aside_then_a_wish() -> None:
    e = with_pages("conv278")
    _, b, c = talk("Ines (float pharmacist) wants to be our huddle lead, Bo (new hire) is eyeing the step-down coordinator job. start with Bo", "and Ines?", "her first step?", e=e)
    assert (b.intent, b.role) == ("pathway", HUDDLE)
    assert b.certifications[:1] == ("CHUDL",)


def test_a_person_described_as_one_of_my_staff_is_no_second_person() -> None:
    e = with_pages("conv278")
    *_, b = talk("Lea is one of my ward pharmacists, wants the step-down pharmacist job. she is big on teaching", "how do tele units titrate heparin drips", "ok fair. what's her second step then", e=e)
    assert b.intent == "certification" and b.certifications[:1] in (("CTSUP",), ("CLCTC",))  # (her pathway's second, as shown)


def test_what_someone_is_good_at_reorders_a_pathway() -> None:
    e = with_pages("conv278")
    (good,) = talk("my lead tech wants the huddle lead path, he's pretty good at the escalation side", e=e)
    assert good.certifications[:1] == ("CESRP",)


def test_a_legal_name_and_its_initials_name_the_role() -> None:
    e = with_pages("conv279")
    a, b = talk("what does the qualified person do", "// QP path?", e=e)
    assert (a.intent, a.role) == ("role", BATCH)
    assert (b.intent, b.role) == ("pathway", BATCH)


def test_three_roles_named_then_picked_by_place() -> None:
    e = with_pages("conv279")
    a, b = talk("weighing the practice pharmacist, the batch certification pharmacist and the lecturer. the second one's duties?", "and the last one's day", e=e)
    assert (a.intent, a.role, a.section) == ("role", BATCH, "responsibilities")
    assert (b.intent, b.role, b.section) == ("role", LECTURER, "day_in_the_life")


def test_a_title_called_by_its_initials_in_a_conversation() -> None:
    e = with_pages("conv279")
    *_, b = talk("what is CMSO", "which step is it on the GP one?", e=e)
    assert b.role == GP or GP in (b.role or "")


def test_did_get_is_held() -> None:
    e = with_pages("conv280")
    *_, b = talk("how do i become a test and treat pharmacist", "I did get CPOCT years ago, where do I start now?", e=e)
    assert (b.intent, b.role) == ("pathway", TEST_TREAT) and "CPOCT" not in b.certifications


def test_a_new_interest_then_does_that_change_it() -> None:
    e = with_pages("conv280")
    *_, b = talk("artwork proofing pharmacist path?", "I'm also kinda into regulations, does that change it?", e=e)
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", ARTWORK, ("CRLS",))


def test_part_time_is_a_fact_no_page_gives() -> None:
    e = with_pages("conv280")
    (a,) = talk("could the artwork checker job be done part time?", e=e)
    assert a.intent == "none"


def test_what_if_it_is_more_a_side_they_enjoy() -> None:
    e = with_pages("conv279")
    *_, b = talk("path to pharmacy practice lecturer?", "hmm what if it's more the OSCE station side i like", e=e)
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", LECTURER, ("CCSKE",))


def test_what_they_share_with_nothing_named_asks_for_context() -> None:
    e = with_pages("conv279")
    (a,) = talk("which certs do they have in common", e=e)
    assert (a.intent, a.reason) == ("none", "needs_context")


def test_drafting_a_plan_for_someone_spoken_of_is_a_task() -> None:
    e = with_pages("conv278")
    *_, b = talk("Noor wants the huddle lead job, where does she start", "write her dev plan for me, half a page, I'll paste it into her record", e=e)
    assert b.intent == "none"


def test_a_licence_still_valid_and_an_employer_hiring_are_facts_no_page_gives() -> None:
    e = with_pages("conv280")
    licence, employer = talk("after a long break is my licence still valid?", "// which hospital chain hires the most tender analysts?", e=e)
    assert licence.intent == "none" and employer.intent == "none"
