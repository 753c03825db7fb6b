"""Steps along a pathway, choices between two things in view, what two pathways share, and yes/no
questions the pages cannot answer (round 49).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on a blind set's pages as that set is scored (with_pages)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
NUCLEAR = "nuclear-pharmacy-operations-manager"
DELIVERY = "pharmacy-delivery-logistics-manager"
ACCREDITATION = "pharmacy-accreditation-readiness-lead"
REPACKAGING = "pharmacy-repackaging-operations-supervisor"
TELEPHARMACY = "telepharmacy-network-manager"


# --- along a pathway -----------------------------------------------------------------------------


def test_after_a_step_picked_from_the_page_order_the_next_step_is_its_card() -> None:
    kb = with_pages("conv69")
    *_, second, after = talk("how do i become director of pharmacy operations", "the second cert", "whats after that", e=kb)
    assert (second.intent, second.certifications[:1]) == ("certification", ("CPOM",))
    assert (after.intent, after.certifications[:1]) == ("certification", ("CMSO",))
    *_, nxt = talk("pharmacy emergency preparedness coordinator pathway, step by step", "first one, tell me more", "what's the next one", e=kb)
    assert (nxt.intent, nxt.certifications[:1]) == ("certification", ("CPSCM",))


def test_after_a_step_of_a_pathway_ordered_for_the_member_the_pathway_goes_on() -> None:
    *_, why, after = talk("im a buyer tech at a hospital and want to move toward the ops director role eventually, what certs", "why that one first", "ok and after that?", e=with_pages("conv69"))
    assert why.intent in ("certification", "pathway") and why.read_as.startswith(f"why {why.certifications[0]} first")  # why that step comes first: its card, or (since round 74) the pathway with it first and the reason
    assert (after.intent, after.role) == ("pathway", OPS)


def test_the_path_after_a_step_only_says_where_it_is() -> None:
    *_, after = talk("what's a pharmacy repackaging operations supervisor", "ok, is there a cert that covers beyond-use dating", "what's after it on the path", e=with_pages("conv69"))
    assert (after.intent, after.certifications[:1]) == ("certification", ("CPOM",))


def test_another_part_after_one_card_for_a_role_is_among_that_roles_steps() -> None:
    *_, part, after = talk(
        "is there a job thats all about keeping fridge meds cold while shipping them to patients homes",
        "whats the cert for that part",
        "and for the route planning part",
        "what comes after that one on the path",
        e=with_pages("conv70"),
    )
    assert (part.intent, part.certifications[:1]) == ("certification", ("CPDLM",))
    assert (after.intent, after.certifications[:1]) == ("certification", ("CCCTS",))


def test_a_topic_asked_again_after_a_choice_among_steps_is_among_them_again() -> None:
    kb = with_pages("conv69")
    *_, equipment = talk("what's a pharmacy repackaging operations supervisor", "is there a cert for the label and barcode part", "and the equipment part", e=kb)
    assert (equipment.intent, equipment.certifications[:1]) == ("certification", ("CUDPS",))
    *_, chain = talk("hey is there a cert about cleanroom air and surface sampling", "what about one for med histories at admission", e=with_pages("conv49"))
    assert chain.certifications[:1] != ("CMSO",)  # no role was asked about: any certification, not one of a role's steps


def test_the_one_about_a_topic_picks_among_the_steps_shown() -> None:
    *_, one = talk("telepharmacy network manager path? i'm a remote verification pharmacist", "fwiw I've never managed anyone", "the one about leading teams?", e=with_pages("conv69"))
    assert (one.intent, one.certifications[:1]) == ("certification", ("CPOM",))
    *_, whose = talk("what certs do you have", "the one about pumps, which role is it on", e=with_pages("conv40"))
    assert whose.intent != "list_roles"


def test_which_of_a_long_titled_roles_certs_is_about_a_topic_is_one_step() -> None:
    *_, one = talk("ok then just tell me what the hot lab manager does", "which of its certs is about running production", e=with_pages("conv70"))
    assert (one.intent, one.certifications[:1]) == ("certification", ("CRPOM",))


def test_a_word_of_the_eligibility_list_that_one_step_covers_is_a_topic() -> None:
    *_, one = talk("ok then what do nuclear pharmacy ops managers do", "is there a cert for the license part", e=with_pages("conv70"))
    assert (one.intent, one.certifications[:1]) == ("certification", ("CRMLC",))


# --- choices between two things in view ------------------------------------------------------------


def test_which_of_two_roles_starts_earlier_is_read_off_their_days_clock_times() -> None:
    *_, earlier = talk("what does a nuclear pharmacy ops manager actually do", "how is that different from the delivery logistics manager", "which of the two has the earlier mornings", e=with_pages("conv70"))
    assert (earlier.intent, earlier.role) == ("role", NUCLEAR)


def test_the_two_after_two_roles_pathways_are_those_roles() -> None:
    *_, chosen = talk("what job uses CCCTS and CPOM", "and which job has both CASRP and CMSO", "which one of the two is more about shipping", e=with_pages("conv70"))
    assert (chosen.intent, chosen.role) == ("role", DELIVERY)


def test_which_is_more_after_two_cards_chooses_between_them() -> None:
    *_, chosen = talk("what does CPOM cover", "and CHPOP?", "which is more for hospital pharmacy specifically", e=with_pages("conv70"))
    assert (chosen.intent, chosen.certifications[:1]) == ("certification", ("CHPOP",))


def test_of_two_certifications_the_one_a_named_role_needs_is_the_one_on_its_pathway() -> None:
    *_, chosen = talk("which cert is about temperature controlled shipping", "how's that different from CPSCM", "which of the two would an ops director need", e=with_pages("conv70"))
    assert (chosen.intent, chosen.certifications[:1]) == ("certification", ("CPSCM",))


def test_a_pathway_chosen_between_two_half_named_roles_is_the_one_that_fits_the_member() -> None:
    a = with_pages("eval139").ask("torn between the waste compliance and telepharmacy paths. i'm really into the tech side, video and verification systems. which fits me and what's the path")
    assert (a.intent, a.role) == ("pathway", TELEPHARMACY)


# --- what two pathways share -----------------------------------------------------------------------


def test_what_two_roles_share_when_one_is_half_named() -> None:
    a = with_pages("conv70").ask("which cert do the ops director and the nuclear manager share")
    assert (a.intent, a.certifications) == ("certification", ("CMSO",))
    b = with_pages("conv69").ask("ops director vs repackaging supervisor, im a central pharmacy manager. what certs do they share")
    assert (b.intent, set(b.certifications)) == ("certification", {"CPOM", "CHPOP"})


def test_do_those_two_paths_overlap_after_two_pathways() -> None:
    *_, shared = talk("how do i become a director of pharmacy operations", "and for the delivery manager path", "do those two paths overlap at all", e=with_pages("conv70"))
    assert (shared.intent, shared.reason, set(shared.certifications[:2])) == ("pathway", "in_common", {"CPOM", "CPSCM"})  # both pathways, what they share first


# --- switches and sections -------------------------------------------------------------------------


def test_the_one_named_like_another_roles_title_after_a_pathway_is_that_roles_pathway() -> None:
    _, other = talk("whats the nuclear pharmacy ops manager path", "hmm what about the accreditation one", e=with_pages("conv70"))
    assert (other.intent, other.role) == ("pathway", ACCREDITATION)


def test_a_certification_named_like_no_title_after_a_pathway_is_still_that_certification() -> None:
    *_, card = talk(
        "who's the person at a hospital pharmacy that fixes charge codes and figures out why dispensing doesnt match billing",
        "how would i get into that, im a pharmacy tech who does a lot of charge reconciliation",
        "what does the charge capture one cover",
        e=with_pages("conv25"),
    )
    assert (card.intent, card.certifications[:1]) == ("certification", ("CPCA",))


def test_when_in_the_day_and_what_time_they_start_ask_for_the_day() -> None:
    kb = with_pages("conv70")
    assert kb.ask("when in the day does the ops director meet the vendors").section == "day_in_the_life"
    _, start, other = talk("delivery logistics manager day in the life", "what time do they start", "and the nuclear one?", e=kb)
    assert (start.role, start.section) == (DELIVERY, "day_in_the_life")
    assert (other.role, other.section) == (NUCLEAR, "day_in_the_life")
    assert kb.ask("what time does the ops director usually start").section != "day_in_the_life"  # a usual schedule, which no page gives


def test_a_day_asked_in_other_words_after_a_role() -> None:
    kb = with_pages("conv69")
    *_, day = talk("roadmap to pharmacy emergency preparedness coordinator? 10 yrs hospital pharmacist", "ok what's the coordinator's day actually like", e=kb)
    assert (day.intent, day.section) == ("role", "day_in_the_life")


def test_going_back_to_the_job_overview_after_a_card() -> None:
    *_, back = talk("telepharmacy network manager, what certs? i'm a hub pharmacist verifying orders for 6 remote clinics", "why that one first", "go back a sec, what's the actual job overview", e=with_pages("conv69"))
    assert (back.intent, back.role, back.section) == ("role", TELEPHARMACY, "overview")


def test_the_goal_named_first_and_the_members_job_after_it() -> None:
    a = with_pages("conv69").ask("director of pharmacy operations is the goal. i'm currently a repackaging supervisor. what's my path")
    assert (a.intent, a.role) == ("pathway", OPS)


def test_a_title_without_its_head_names_the_role_though_the_member_names_their_own_job() -> None:
    a = with_pages("eval138").ask("im the hospital ops rph running the iv room workflows, want to move into the smart pump program role, what order for certs")
    assert (a.intent, a.role) == ("pathway", "smart-pump-program-pharmacist")


# --- questions of a card ---------------------------------------------------------------------------


def test_a_step_confirmed_then_asked_about_is_its_card() -> None:
    *_, card = talk("walk me thru the repackaging ops supervisor certification pathway step by step pls", "step 2", "and step 4 is chpop right? what's that cover", e=with_pages("conv69"))
    assert (card.intent, card.certifications[:1]) == ("certification", ("CHPOP",))


def test_what_a_code_stands_for_and_a_cert_only_for_a_role() -> None:
    assert with_pages("conv70").ask("CCCTS stand for what").certifications[:1] == ("CCCTS",)
    a = with_pages("eval139").ask("is CHPOP only for ops directors or do other roles use it too")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CHPOP",))


def test_a_cert_sought_by_what_it_proves_then_does_that_exist() -> None:
    a = with_pages("eval139").ask("need a cert that proves i know the video and imaging verification systems remote pharmacies run on. does that exist")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRPTS",))
    assert with_pages("eval139").ask("what certs exist").intent == "list_certifications"


def test_a_plural_and_its_singular_read_alike() -> None:
    *_, one = talk("list all the certifications", "which of those is about emergencies", e=with_pages("conv69"))
    assert (one.intent, one.certifications[:1]) == ("certification", ("CEPRX",))


# --- what no page answers --------------------------------------------------------------------------


def test_yes_no_questions_of_an_amount_openings_perks_or_the_fields_future_are_refused() -> None:
    kb = with_pages("conv70")
    for q in ("do ops directors make 200k?", "do delivery logistics managers get a company car", "is nuclear pharmacy a dying field", "does cvs even have nuclear pharmacy ops manager jobs"):
        assert kb.ask(q).intent == "none", q
    assert kb.ask("does the ops director meet with vendors").intent == "role"  # a yes/no question its page answers


def test_a_claim_continued_with_an_amount_is_refused_and_the_role_kept() -> None:
    _, claim, day = talk("is it true the ops director meets vendors about new tech?", "and that they make 200k?", "lol ok what do they do tho", e=with_pages("conv69"))
    assert claim.intent == "none"
    assert (day.intent, day.role) == ("role", OPS)


def test_becoming_one_of_a_job_just_named_that_no_page_has_is_refused() -> None:
    _, other = talk("i want to be a repackaging supervisor, ive been a unit dose tech for 3 years", "or maybe a nurse practitioner, how do i become one of those", e=with_pages("conv69"))
    assert (other.intent, other.reason) == ("none", "unknown_role")
    _, own = talk("how do i become a director of pharmacy ops", "i'm the med safety lead on our unit rn, where do i start", e=with_pages("conv5"))
    assert (own.intent, own.role) == ("pathway", OPS)


# --- round 50 ----------------------------------------------------------------------------------------

FLOAT = "pharmacy-float-pool-manager"
ASSISTANCE = "pharmacy-patient-assistance-coordinator"
FACILITIES = "pharmacy-facilities-project-manager"


def test_a_role_described_by_what_the_member_wishes_to_become() -> None:
    kb = with_pages("eval141")
    a = kb.ask("new grad, zero experience, but i want to be the pharmacist who plans for disasters eventually. which certs would get me there")
    assert (a.intent, a.role) == ("pathway", "pharmacy-emergency-preparedness-coordinator")
    day = kb.ask("what's a normal day look like for whoever runs the refill factory")
    assert (day.intent, day.role, day.section) == ("role", "central-fill-pharmacy-operations-manager", "day_in_the_life")


def test_a_choice_between_two_titles_counts_a_title_word_said_again_apart() -> None:
    a = with_pages("conv72").ask("torn between the float pool manager job and the patient assistance coordinator one. which is more with patients?")
    assert (a.intent, a.role) == ("role", ASSISTANCE)
    b = with_pages("conv70").ask("i meant which is more about radiation, nuclear manager or accreditation lead")
    assert (b.intent, b.role) == ("role", NUCLEAR)


def test_three_roles_named_then_which_one_does_something() -> None:
    first, second = talk("three jobs im looking at: the float pool one, the facilities one and ops director. which one is about moving the IV room into a new space", "and which does vendor demos for new machines", e=with_pages("conv72"))
    assert (first.intent, first.role) == ("role", FACILITIES)
    assert (second.intent, second.role) == ("role", OPS)


def test_the_other_one_after_what_two_roles_share() -> None:
    *_, other = talk("facilities project manager vs ops director, which one is more about construction", "do they share any cert?", "whats the other one's day like", e=with_pages("conv72"))
    assert (other.intent, other.role, other.section) == ("role", OPS, "day_in_the_life")


def test_the_one_that_does_something_is_a_role_described() -> None:
    _, other = talk("is there a job where you basically get free meds for patients who cant afford them", "and the one that builds cleanrooms?", e=with_pages("conv72"))
    assert (other.intent, other.role) == ("role", FACILITIES)


def test_which_fits_better_then_the_path_is_ordered_for_what_they_said() -> None:
    _, path = talk("i'm a tech who trains all our new hires and writes the orientation checklists. float pool manager or ops director, which fits better", "path for it then", e=with_pages("conv72"))
    assert (path.intent, path.role, path.certifications[:1]) == ("pathway", FLOAT, ("CSOTL",))
    a = with_pages("conv72").ask("my tech wants to move into either float pool work or patient assistance, she loves helping patients with paperwork and insurance. which role")
    assert (a.intent, a.role) == ("pathway", ASSISTANCE)


def test_one_cert_on_a_path_about_a_topic_and_a_step_by_its_number() -> None:
    kb = with_pages("conv72")
    a = kb.ask("which cert on the ops director path is about inventory")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPSCM",))
    *_, step = talk("which pays better, float pool manager or patient assistance coordinator", "ok which one is more about insurance then", "what's step 2 of its path", e=kb)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CPSCM",))


def test_after_a_code_on_the_pathway_talked_about() -> None:
    *_, after = talk("how do i become a float pool manager", "whats after CPOM on it", e=with_pages("conv72"))
    assert (after.intent, after.certifications[:1]) == ("certification", ("CSOTL",))


def test_never_mind_then_a_question_of_its_own() -> None:
    kb = with_pages("conv71")
    _, a = talk("do they need a license for it", "nvm. what is a pharmacy technician apprenticeship director", e=kb)
    assert (a.intent, a.role) == ("role", "pharmacy-technician-apprenticeship-director")
    *_, one = talk("list all the certs you know", "which one covers temperature excursions", "what about the one for accreditation", e=kb)
    assert (one.intent, one.certifications[:1]) == ("certification", ("CPARS",))


def test_the_first_one_of_two_roles_just_named() -> None:
    first, second = talk("deciding between transitions of care pharmacist and sterile compounding supervisor. overview of the first one?", "and the second one's day?", e=with_pages("conv36"))
    assert (first.intent, first.role) == ("role", "transitions-of-care-pharmacist")
    assert (second.role, second.section) == ("sterile-compounding-supervisor", "day_in_the_life")
