"""Round 75, part 1 (fitted on the six sets of wave 1, and the known misses of round 74, after
their first runs on 8290741): a step of the other role's pathway ("and step two on the other
one?", "step 2 on the ops one", "the ops one's step 3", "and on the ops one?" after a step's
card); several people (a goal told after a comma, "same goal", a name then "the new grad", a wish
that names a title in part, "the new one", "who's closest to done" by what each holds, "and her?"
when the other is "he", "and him?" of two); a role described by its day, then "what's that job";
"is that its own job"; "the audit part?" after a role; "whoever deals with …"; "the suggestion
board person"; a code picked by its place among those typed; "what else for the X job"; a title
word used as a verb ("I lead the day shift"); the person holding a post at a place; a clinical
question after "quick q"; a residency asked as a requirement; "would CODE be worthwhile";
"working day"; certifications besides a path's; a role in a field no page writes; a held code
whose story says "paid for"; "is that the … one"; what the bot can actually do; a resume bullet;
experience that counts; an unknown code asked first; how much more someone would make.

Each test is worded apart from the blind sets' questions and failed on 8290741."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
BMT = "stem-cell-transplant-unit-pharmacy-coordinator"  # CSCTP, CMSO, CTCCS, CHPOP
INNOVATION = "pharmacy-innovation-program-manager"  # CPOM, CPIPM, CHTEV
METABOLIC = "metabolic-genetics-clinic-pharmacy-coordinator"  # CRDAC, CMFSP, CPSCM
LITHIUM = "lithium-monitoring-clinic-pharmacist"  # CBHPP, CTLMS, CPRSC, CMSO
CUSTODY = "patient-belongings-medication-custody-coordinator"  # CPMCS, CMIDT, CCSRK
RECOGNITION = "pharmacy-staff-recognition-program-coordinator"  # CERPD, CPEEA, CCEVP, CPOM
CHIEF = "pharmacy-department-chief-of-staff"
HOSPITALIST = "hospital-medicine-team-pharmacist"
PROTON = "proton-therapy-center-pharmacy-coordinator"
ROBOT = "iv-compounding-robot-recipe-coordinator"
IDEAS = "pharmacy-frontline-idea-program-coordinator"  # CSIPL, CPTME, CPCCL, CPOM
SHORT_SHIP = "wholesaler-order-exception-lead"
TAKE_HOME = "emergency-department-take-home-medication-pharmacist"  # CEDTP, CDMAC, CPSCM, CMSO
MIGRATION = "pharmacy-data-migration-lead"


def test_a_step_of_the_other_roles_pathway() -> None:
    e = with_pages("conv257")
    *_, step = talk("path to the metabolic genetics clinic pharmacy coordinator", "and for the ops director?", "what is step two on the other one", e=e)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CMFSP",))
    *_, first = talk("show me the innovation program manager path", "ok now the BMT coordinator path", "first cert on the other one's path?", e=e)
    assert first.certifications[:1] == ("CPOM",)


def test_a_step_on_a_role_described_by_a_word_of_its_title() -> None:
    e = with_pages("conv257")
    _, step = talk("lay out the BMT coordinator and ops director paths", "what's step 3 on the ops one", e=e)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CMSO",))
    _, own = talk("what does a BMT pharmacy coordinator do", "the ops one's step 2?", e=e)
    assert (own.intent, own.certifications[:1]) == ("certification", ("CPOM",))
    *_, again = talk("bmt coordinator path please", "what's step three", "and on the ops one?", e=e)
    assert (again.intent, again.certifications[:1]) == ("certification", ("CMSO",))


def test_a_goal_told_after_a_comma_and_the_same_goal() -> None:
    e = with_pages("conv255")
    _, tom = talk("Ana: records, wants the custody coordinator job. Tom: mentoring, also wants the recognition coordinator job. start with Ana", "now Tom", e=e)
    assert (tom.intent, tom.role) == ("pathway", RECOGNITION)
    _, sam = talk("Ana: loves events, wants to be a recognition coordinator. Sam: great with surveys, same goal. start with Ana", "and Sam?", e=e)
    assert (sam.intent, sam.role) == ("pathway", RECOGNITION)


def test_a_wish_that_names_a_title_in_part_and_the_new_one() -> None:
    e = with_pages("conv255")
    first, new = talk("Ravi already has CPMCS and wants to lead our belongings custody program, Dee is new and likes the lithium clinic. Ravi first", "and the new one?", e=e)
    assert (first.intent, first.role) == ("pathway", CUSTODY) and "CPMCS" not in first.certifications
    assert (new.intent, new.role) == ("pathway", LITHIUM)


def test_a_name_then_what_they_are() -> None:
    e = with_pages("conv255")
    _, devin = talk("kira the lead tech wants the custody coordinator job. devin the new grad wants the lithium clinic job. kira first", "now devin", e=e)
    assert (devin.intent, devin.role) == ("pathway", LITHIUM)


def test_who_is_closest_to_done_by_what_each_holds() -> None:
    e = with_pages("conv255")
    (closest,) = talk("Lu has CPMCS and CMIDT and wants the custody coordinator job. Bo has CBHPP and wants the lithium clinic. who's nearest to finishing?", e=e)
    assert (closest.intent, closest.role, closest.certifications) == ("pathway", CUSTODY, ("CCSRK",))
    _, later = talk("Lu wants the lithium clinic, she holds CBHPP and CTLMS. Bo wants the recognition coordinator job and has CERPD. start with Bo", "ok which of them is closer", e=e)
    assert (later.intent, later.role) == ("pathway", LITHIUM)


def test_her_when_the_other_is_he_and_him_of_two() -> None:
    e = with_pages("conv255")
    _, her = talk("Ike wants the ops director job, he loves purchasing. Mae wants the lithium clinic and loves lab values. start with him", "and her?", e=e)
    assert (her.intent, her.role) == ("pathway", LITHIUM)
    _, him = talk("Jo and Al both want the lithium clinic job. Jo has CBHPP, Al loves the recall calls. Jo first", "and him?", e=e)
    assert (him.intent, him.role) == ("pathway", LITHIUM) and "CBHPP" in him.certifications


def test_which_of_the_two_is_the_one_about_a_topic() -> None:
    e = with_pages("conv255")
    *_, which = talk("ops director path, i already have CPOM and CMSO", "ok which of the two is the supply chain one", e=e)
    assert (which.intent, which.certifications[:1]) == ("certification", ("CPSCM",))


def test_a_role_told_by_its_day_then_what_is_that_job() -> None:
    e = with_pages("conv256")
    (told,) = talk("the pharmacist who counts the controlled drugs in the sedation bay after lunch and then places the weekly order - what's that job called?", e=e)
    assert (told.intent, told.role, told.section) == ("role", PROTON, "overview")
    (own,) = talk("the pharmacist who leads the student topic discussions over lunch, is that its own job", e=e)
    assert (own.role, own.section) == (HOSPITALIST, "overview")


def test_a_part_of_the_work_after_a_role() -> None:
    e = with_pages("conv256")
    _, part = talk("what does a rounding pharmacist do", "and the admissions part?", e=e)
    assert (part.role, part.section) == (HOSPITALIST, "responsibilities")


def test_all_their_certs_after_a_topic_asked() -> None:
    e = with_pages("conv256")
    *_, all_of_them = talk("what does a pharmacy chief of staff do", "is there a cert for the audit part", "and what certs would he have overall", e=e)
    assert (all_of_them.intent, all_of_them.role) == ("pathway", CHIEF)


def test_whoever_does_it_and_the_person_by_a_kind() -> None:
    e = with_pages("eval291")
    (whoever,) = talk("whoever sorts out the truck when the order shows up short, what's that job in a nutshell", e=e)
    assert whoever.role == SHORT_SHIP
    (kind,) = talk("the suggestion board person, what does their afternoon look like", e=e)
    assert (kind.role, kind.section) == (IDEAS, "day_in_the_life")


def test_a_code_picked_by_its_place_among_those_typed() -> None:
    e = with_pages("eval291")
    (second,) = talk("my manager mentioned CSIPL and CPTME, I know the first one, but what is the second?", e=e)
    assert second.certifications[:1] == ("CPTME",)


def test_what_else_for_a_job_named_by_its_other_name() -> None:
    e = with_pages("eval291")
    (rest,) = talk("got CSIPL last year, what else for the idea box job", e=e)
    assert (rest.intent, rest.role) == ("pathway", IDEAS) and "CSIPL" not in rest.certifications


def test_a_title_word_used_as_a_verb_names_no_role() -> None:
    e = with_pages("eval291")
    (path,) = talk("I mostly lead the evening shift and keep everyone on task. path for the idea box role?", e=e)
    assert (path.intent, path.role) == ("pathway", IDEAS)


def test_the_person_holding_a_post_at_a_place() -> None:
    e = with_pages("eval291")
    (who,) = talk("who's the robot room coordinator over at mercy west, i want to meet her", e=e)
    assert who.intent == "none"


def test_a_clinical_question_after_quick_q() -> None:
    e = with_pages("eval291")
    (sub,) = talk("want the short ship desk job eventually but quick question, can we sub dalteparin when enoxaparin is out", e=e)
    assert (sub.intent, sub.reason) == ("none", "clinical")


def test_a_residency_asked_as_a_requirement() -> None:
    e = with_pages("eval293")
    (residency,) = talk("does the data migration lead role require a fellowship?", e=e)
    assert residency.intent == "none"


def test_worthwhile_asks_of_the_card() -> None:
    e = with_pages("eval293")
    (worth,) = talk("Would CPDMS be worthwhile for a student who wants to work on system conversions one day?", e=e)
    assert (worth.intent, worth.certifications[:1]) == ("certification", ("CPDMS",))


def test_a_working_day() -> None:
    e = with_pages("eval293")
    (day,) = talk("Describe the working day of a pharmacy data migration lead.", e=e)
    assert (day.role, day.section) == (MIGRATION, "day_in_the_life")


def test_certifications_besides_those_on_a_path() -> None:
    e = with_pages("eval293")
    (rest,) = talk("Which certifications exist besides the ones on the data migration lead's path? Please list them all.", e=e)
    assert rest.intent == "list_certifications"
    (steps,) = talk("besides CPDMS, what other certs would a data migration lead need", e=e)
    assert (steps.intent, steps.role) == ("pathway", MIGRATION)


def test_a_role_in_a_field_no_page_writes() -> None:
    e = with_pages("eval293")
    (sales,) = talk("Is there a role for pharmacists in pharmaceutical advertising, and what certification would it require?", e=e)
    assert sales.intent == "none"


def test_a_held_code_whose_story_says_how_it_was_paid() -> None:
    e = with_pages("eval294")
    (left,) = talk("already have my CMSO from a program the district paid for, what is left for the ED take home pharmacist", e=e)
    assert (left.intent, left.role) == ("pathway", TAKE_HOME) and "CMSO" not in left.certifications
    (nxt,) = talk("have CHPOP from a per diem job - ops director path, what comes next", e=e)
    assert (nxt.intent, nxt.role) == ("pathway", OPS)


def test_is_that_the_one_about() -> None:
    e = with_pages("eval294")
    (which,) = talk("CDMAC is that the copay card one?", e=e)
    assert (which.intent, which.certifications[:1]) == ("certification", ("CDMAC",))


def test_requests_and_facts_of_a_retail_story() -> None:
    e = with_pages("eval294")
    (helped,) = talk("what can this bot really do for a burnt out retail pharmacist", e=e)
    assert helped.intent == "help"
    (bullet,) = talk("turn 'ran a 300-script-a-day store' into a resume line for the ops director job", e=e)
    assert (bullet.intent, bullet.stage) == ("none", "task_request")
    (counts,) = talk("does community pharmacy experience count for the ED take home job", e=e)
    assert counts.intent == "none"


def test_an_unknown_code_asked_first() -> None:
    e = with_pages("eval295")
    (unknown,) = talk("What's CBPXL? My friend says it's a council credential for bypass pharmacists.", e=e)
    assert (unknown.intent, unknown.reason) == ("none", "unknown_cert")


def test_how_much_more_someone_would_make() -> None:
    e = with_pages("conv255")
    _, pay = talk("Ike wants the lithium clinic job, where does he start", "how much more would he make in that job than he does now", e=e)
    assert pay.intent == "none"


def test_a_clipped_surgery_word_is_no_operations() -> None:
    e = with_pages("eval292")
    (path,) = talk("pre-op clinic pharmacist path?", e=e)
    assert path.intent == "none"
