"""Round 77 (fitted on waves 1 and 2 of round 77, after their first runs on da4d35d, and on
round 76's known misses): the page's other name for a role said beside a title word is no
interest ("wants limb salvage"); a title's own word amid a certification's name ("a PFT lab
pharmacist") names the role; choosing a person for an open slot, "give her the job over him";
"how much is CODE" beside a described team; "count it toward"; "'certified X Y'" without its job
noun; "admin" for administrative; "union or not"; what someone else loves ("she's all about
leading people"), in the title's own words; a title shortened to its own two words ("territory
sales"); "direct supervisor", "what degree does … require", "recertification"; "which
responsibility covers"; a fact asked "vs" another role; burnout; a held certification taken back;
a job asked for by what it does with "their certification exams"; "(new hire)" of a roster; words
of the trade for equipment, collections and calendars; a nickname after "is a pharmacy
technician, often called …"; "what is that job called" after a story.

Each test is worded apart from the blind sets' questions and failed on da4d35d."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
LIMB = "limb-preservation-center-pharmacy-coordinator"  # CDFCE, CLPPC, CPSCM, CMSO
PFT = "pulmonary-function-lab-pharmacist"  # CPFTP, CBCAS, CMSO
CRISIS = "mobile-crisis-team-pharmacist"  # CMCTP, CCSPP, CPOM
ADMIN = "pharmacy-department-administrative-coordinator"  # CPOAS, CPCRM, CPOM
SUPPLIES = "pharmacy-non-drug-supplies-coordinator"  # CPWOS, CPETS, CPSCM
CHARGES = "pharmacy-house-charge-accounts-specialist"  # CPARS, CPCCS, CPBCS
WARD = "ward-pharmacy-technician-team-lead"  # CWMTS, CDMRT, CPSCM, CPOM
SALES = "pharmaceutical-territory-sales-specialist"  # CPHSR, CPCS, CPSCM, CKAMP
UX = "pharmacy-user-experience-researcher"  # CPUXR, CHFDS, CMSO
ASTHMA = "pediatric-asthma-clinic-pharmacy-coordinator"
BOAT = "river-clinic-boat-pharmacy-coordinator"
DRIPS = "continuous-infusion-refill-scheduler"  # CTIVP, CIRS, CPSCM, CPOM
RENAL = "renal-dose-adjustment-pharmacist"
SCANNING = "prescription-hardcopy-scanning-supervisor"  # CPRIS, CRRM, CPOM, CMSO
PROCTOR = "pharmacy-exam-proctoring-lead"  # CEXPR, CTSAM, CPOM
NEURO = "neurocritical-care-pharmacist"
EAR = "community-pharmacy-ear-care-service-lead"  # CECSP, CPCSM, CPOM


def test_the_pages_other_name_beside_a_title_word_is_no_interest() -> None:
    e = with_pages("conv269")
    (a,) = talk("Noor wants limb salvage and holds CMSO already, what comes next for her", e=e)
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", LIMB, ("CDFCE",))


def test_a_title_word_amid_a_certification_name_names_the_role() -> None:
    e = with_pages("conv269")
    (a,) = talk("I want to be a PFT lab pharmacist and already have CMSO, what first", e=e)
    assert (a.intent, a.role, a.held) == ("pathway", PFT, ("CMSO",))
    assert a.certifications[:1] == ("CPFTP",)


def test_choosing_a_person_for_an_open_slot_is_their_managers_decision() -> None:
    (a,) = talk("of my two techs, which one do I choose for the empty lead spot")
    assert a.intent == "none"
    (b,) = talk("should I offer Lena the ops director job over Sam")
    assert b.intent == "none"


def test_a_fee_of_a_named_code_beside_a_described_team() -> None:
    e = with_pages("eval304")
    (a,) = talk("how much is CMCTP? asking since i just joined the crisis team", e=e)
    assert (a.intent, a.reason, a.certifications) == ("none", "missing_fact", ("CMCTP",))


def test_whether_a_board_counts_another_credential_toward_a_path() -> None:
    (a,) = talk("I hold BCPS, would the council count it toward the ops director path")
    assert (a.intent, a.reason) == ("none", "missing_fact")


def test_a_certification_name_shortened_after_certified() -> None:
    e = with_pages("eval304")
    (a,) = talk("her badge says 'certified patient hearing education', what is that", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CPHES",))


def test_admin_is_read_as_administrative() -> None:
    e = with_pages("eval305")
    (a,) = talk("what does the admin coordinator do after lunch", e=e)
    assert (a.intent, a.role, a.section) == ("role", ADMIN, "day_in_the_life")


def test_union_or_not_is_no_fact_of_a_page() -> None:
    (a,) = talk("is the ops director usually a union role or not")
    assert a.intent == "none"


def test_what_someone_else_loves_in_other_forms_of_the_title_words() -> None:
    e = with_pages("conv270")
    (a,) = talk("my tech wants the ward tech lead job, she's all about leading people. which cert first", e=e)
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", WARD, ("CPOM",))
    (b,) = talk("my two techs both want the ward tech lead job. one is all about leading people, the other loves ordering. path for the first?", e=e)
    assert (b.intent, b.role) == ("pathway", WARD) and b.focus != "CPOM"  # (whose love it is, the message must say)


def test_a_title_shortened_to_its_own_words() -> None:
    e = with_pages("conv271")
    (a,) = talk("ok so territory sales - what do they actually do?", e=e)
    assert (a.intent, a.role) == ("role", SALES)


def test_facts_of_employment_no_page_gives() -> None:
    e = with_pages("eval309")
    (a,) = talk("who is the boat coordinator's immediate boss", e=e)
    assert a.intent == "none"
    (b,) = talk("what license does the asthma clinic coordinator job require", e=e)
    assert b.intent == "none"
    (c,) = talk("how does recertification work for CMSO")
    assert (c.intent, c.reason) == ("none", "missing_fact")


def test_which_responsibility_covers_a_duty_is_the_roles_page() -> None:
    (a,) = talk("For the ops director, which responsibility covers the budget?")
    assert (a.intent, a.role, a.section) == ("role", OPS, "responsibilities")


def test_a_fact_asked_versus_another_role_is_still_that_fact() -> None:
    e = with_pages("conv271")
    _, b = talk("tell me about the territory sales specialist", "whats the salary range for that vs the curriculum coordinator", e=e)
    assert b.intent == "none"


def test_burnout_is_no_fact_of_a_page() -> None:
    (a,) = talk("does the ops director job burn people out")
    assert a.intent == "none"


def test_a_held_certification_taken_back_shows_the_pathway_with_it() -> None:
    e = with_pages("conv274")
    _, b = talk("how do i become a prescription hardcopy scanning supervisor, i hold CPOM and CPRIS", "wait no, i don't have CPOM yet, still studying for it", e=e)
    assert (b.intent, b.role) == ("pathway", SCANNING)
    assert "CPOM" in b.certifications and b.held == ("CPRIS",)


def test_a_job_described_by_peoples_certification_exams() -> None:
    e = with_pages("conv274")
    (a,) = talk("is there a job where you sign people in and watch them sit their certification exams", e=e)
    assert (a.intent, a.role) == ("role", PROCTOR)


def test_a_new_hire_of_a_roster_is_who_they_are() -> None:
    e = with_pages("conv270")
    (a,) = talk("how do I become the ear clinic lead (new hire)", e=e)
    assert (a.intent, a.role, a.focus) == ("pathway", EAR, None)


def test_words_of_the_trade_for_equipment_and_collections() -> None:
    e = with_pages("eval305")
    (a,) = talk("whenever a machine in the back breaks i'm the one who gets it going again. path to supplies coordinator?", e=e)
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", SUPPLIES, ("CPETS",))
    (b,) = talk("my coworker is great at getting people to settle what they owe without a fight. she wants the house charge accounts specialist job, what order", e=e)
    assert (b.intent, b.role, b.certifications[:1]) == ("pathway", CHARGES, ("CPCCS",))


def test_a_nickname_after_is_a_pharmacy_technician_often_called() -> None:
    e = with_pages("conv272")
    (a,) = talk("what does a drip tracker do", e=e)
    assert (a.intent, a.role) == ("role", DRIPS)


def test_what_that_job_is_called_after_a_story() -> None:
    e = with_pages("conv272")
    (a,) = talk("during my rotation there was this pharmacist who sat with the overnight labs every morning recalculating creatinine clearance, then called the doctors to change doses. what is that job called", e=e)
    assert (a.intent, a.role, a.section) == ("role", RENAL, "overview")


def test_a_certification_asked_by_a_dosing_topic_is_no_clinical_request() -> None:
    e = with_pages("eval306")
    (a,) = talk("what cert covers dose limits for the smart pumps", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CIPLM",))
    (b,) = talk("quick one before I study for CMSO: max conc of potassium through a peripheral line?")
    assert (b.intent, b.reason) == ("none", "clinical")


def test_a_certification_brought_from_another_job_is_held() -> None:
    (a,) = talk("she brought her CMSO over from her last hospital, what's next toward ops director")
    assert (a.intent, a.held) == ("pathway", ("CMSO",))


def test_eyeing_a_certification_then_asking_what_it_covers() -> None:
    e = with_pages("eval308")
    (a,) = talk("my new grad is eyeing CPTLE, what does it even cover", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CPTLE",))


def test_what_someone_is_getting_into_asks_no_way_in() -> None:
    (a,) = talk("what does a normal day look like for an ops director? my pgy1 wants to know what she's getting into")
    assert (a.intent, a.section) == ("role", "day_in_the_life")


def test_whats_her_job_after_a_story_of_her_day() -> None:
    (a,) = talk("my manager ran the 7am huddle on missed doses and cabinet stockouts, then spent the afternoon at a vendor demo for a new packager. what's her job")
    assert (a.intent, a.role, a.section) == ("role", OPS, "overview")
