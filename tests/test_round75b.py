"""Round 75, part 2 (fitted on the five sets of wave 2 after their first runs on 8290741, and on
what wave 1 still missed on part 1): whether a role would suit someone, asked after it; "does that
change where I start" after what the member tells of themselves; a held certification corrected
("she doesn't have X, it's Y she has"); "go back to the first cert you said"; "no wait, the one
before" of roles; "who has the most left"; "how do I get it" after a role described; a step on a
path named by a word of its page; "actually no, X. same q"; "y tho", "moar"; "her?" alone after the
other person; "define CODE", the roles the bot can speak about, a job no page has asked with its
duties and pathway; and three importer mends found by writers (a capitals title beside the
council's full name, an order word alone above a step, a dash between letters in a duty's name).

Each test is worded apart from the blind sets' questions and failed on e4d8a50 (part 1)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
JOURNAL = "pharmacy-journal-club-coordinator"  # CPTPS, CPLAP, CHPOP
TRIGGER = "adverse-event-trigger-tool-pharmacist"  # CMSO, CTTRA, CSCBP, CPOM
ANTIBIOGRAM = "antibiogram-and-resistance-surveillance-analyst"  # CARSA, CCMDS, CHDVS, CMSO
TRANSITION = "adolescent-and-young-adult-transition-clinic-pharmacy-coordinator"  # CYATP, CSMCE, CMSO, CPOM
FACULTY = "joint-faculty-practice-pharmacist"  # CAPED, CEXPS, CPOM
SHELTER = "animal-shelter-medication-program-coordinator"  # CASMC, CPSCM, CVCSK
REFINERY = "petrochemical-plant-medical-station-pharmacist"  # COHPS, CIAKM, CMSO, CPSCM
VASCULAR = "vascular-access-team-pharmacy-coordinator"  # CVAPL, CHPOP, CCLPS, CMSO


def test_whether_a_role_would_suit_someone_asked_after_it() -> None:
    e = with_pages("conv260")
    _, survive = talk("what's the ops director's day like", "could a shy person who dreads meetings survive that", e=e)
    assert (survive.intent, survive.role) == ("role", OPS)
    _, quiet = talk("what does a journal club coordinator do all day", "would that suit a very quiet tech", e=e)
    assert (quiet.intent, quiet.role) == ("role", JOURNAL)


def test_does_that_change_where_i_start() -> None:
    e = with_pages("conv260")
    _, changed = talk("path to journal club coordinator please", "ugh I hate leading discussions, does that change where I start?", e=e)
    assert (changed.intent, changed.role) == ("pathway", JOURNAL)  # the pathway again, read with what was told (not a refusal)


def test_a_held_certification_corrected() -> None:
    e = with_pages("conv258")
    _, fixed = talk("my resident wants the antibiogram analyst job and already has CMSO. what's left", "oops, correction: she doesn't have CMSO, it's CPOM she has", e=e)
    assert (fixed.intent, fixed.role) == ("pathway", ANTIBIOGRAM) and "CMSO" in fixed.certifications
    _, swapped = talk("my PGY2 has CSMCE and wants the transition clinic job, what's left", "no wait, it's CYATP he holds, not CSMCE", e=e)
    assert (swapped.intent, swapped.role) == ("pathway", TRANSITION) and "CSMCE" in swapped.certifications and "CYATP" not in swapped.certifications


def test_go_back_to_the_first_cert_you_said() -> None:
    e = with_pages("conv259")
    *_, first = talk("how do i become a shelter meds coordinator", "and the last one?", "no wait go back to the first cert you said", e=e)
    assert (first.intent, first.certifications[:1]) == ("certification", ("CASMC",))


def test_the_role_before() -> None:
    e = with_pages("conv259")
    *_, before = talk("what's the refinery pharmacist's day like", "and the shelter meds coordinator?", "hmm not that one, the one before. which certs do they need", e=e)
    assert (before.intent, before.role) == ("pathway", REFINERY)


def test_who_has_the_most_left_and_the_longest_path() -> None:
    e = with_pages("conv258")
    _, most = talk("Ana: has CARSA and CCMDS, wants antibiogram analyst. Ben: nothing yet, wants the transition clinic job. start with Ana", "and who has the most left?", e=e)
    assert (most.intent, most.role) == ("pathway", TRANSITION)


def test_how_do_i_get_it_after_a_role_described() -> None:
    e = with_pages("conv259")
    _, way = talk("is there a job where you keep antidote kits ready for chemical exposures at a plant", "ok how do i get it", e=e)
    assert (way.intent, way.role) == ("pathway", REFINERY)


def test_a_step_on_a_path_named_by_a_word_of_its_page() -> None:
    e = with_pages("conv259")
    *_, step = talk("how do i become a vascular access team pharmacy coordinator", "what was step 2", "and step 3 on the refinery path?", e=e)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CMSO",))


def test_same_question_of_a_role_named_by_a_word_of_its_page() -> None:
    e = with_pages("conv259")
    _, same = talk("how do i become a vascular access team pharmacy coordinator", "hmm no, refinery. same question", e=e)
    assert (same.intent, same.role) == ("pathway", REFINERY)


def test_why_and_more_typed_short() -> None:
    e = with_pages("conv259")
    _, why = talk("how do i become a vascular access team pharmacy coordinator", "y tho", e=e)
    assert why.intent != "none"
    _, more = talk("tell me about the vascular access team pharmacy coordinator", "moar pls", e=e)
    assert (more.intent, more.role) == ("role", VASCULAR) and more.section != "overview"


def test_her_alone_after_the_other_person() -> None:
    e = with_pages("conv258")
    _, her = talk("Lena is aiming for antibiogram analyst and holds CARSA; Tom is aiming for joint faculty. Tom first", "her?", e=e)
    assert (her.intent, her.role) == ("pathway", ANTIBIOGRAM) and "CARSA" not in her.certifications


def test_define_a_code_list_what_you_can_talk_about_and_a_job_no_page_has() -> None:
    e = with_pages("eval295")
    (defined,) = talk("please define CCPLS for me", e=e)
    assert (defined.intent, defined.certifications[:1]) == ("certification", ("CCPLS",))
    (listed,) = talk("Jobs you can speak about? Give me the exhaustive list.", e=e)
    assert listed.intent == "list_roles"
    (vp,) = talk("Regional pharmacy vice president officer: duties and cert pathway?", e=e)
    assert vp.intent == "none"


def test_a_capitals_title_beside_the_councils_full_name_is_cased() -> None:
    # Importer mend found by a wave 3 writer: the title line's own capitals were read as acronyms.
    from bot.knowledge.page import parse_page

    page = parse_page(
        "STONE CLINIC PHARMACIST – Council on Pharmacy Standards\n\nKeep kidney stones away.\n\nKey Responsibilities\n- Visits: See patients in clinic.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\n9:00 AM – Clinic. You see patients.\n"
    )
    assert page.title == "Stone Clinic Pharmacist"


def test_an_order_word_alone_above_a_step_is_no_text() -> None:
    # Importer mend found by a wave 2 writer: "FIRST" alone on its line was glued to the text before it.
    from bot.knowledge.page import parse_page

    page = parse_page(
        "Stone Clinic Pharmacist\n\nKeep kidney stones away.\n\nKey Responsibilities\n- Visits: See patients in clinic.\n\n"
        "Your Certification Pathway\nThe council suggests this order.\n\nFIRST\nCPSCM - Certified Pharmacy Supply Chain Manager\nShows supply chain basics.\n\n"
        "SECOND\nCMSO - Certified Medication Safety Officer\nShows safety basics.\n\n"
        "A Day in the Life\n9:00 AM – Clinic. You see patients.\n"
    )
    assert [(c.code, c.description) for c in page.certifications] == [("CPSCM", "Shows supply chain basics."), ("CMSO", "Shows safety basics.")]


def test_a_dash_between_letters_is_part_of_a_duty_name() -> None:
    # Importer mend found by a wave 1 writer: "**ED–Inpatient Handoff Design** — …" was refused as a duty with no description.
    from bot.knowledge.page import parse_page

    page = parse_page(
        "Stone Clinic Pharmacist\n\nKeep kidney stones away.\n\nKey Responsibilities\n- **Clinic–Lab Handoffs** — Passing results between the clinic and the lab.\n- **Visits** — Seeing patients in clinic.\n\n"
        "Your Certification Pathway\nCPSCM\nCertified Pharmacy Supply Chain Manager\nSupply chain basics.\n\n"
        "A Day in the Life\n9:00 AM – Clinic. You see patients.\n"
    )
    assert page.responsibilities[0] == ("Clinic–Lab Handoffs", "Passing results between the clinic and the lab.")
