"""Round 57: certifications named by their words and "one"; a knowledge topic that is no clinical
question; two pathways with nothing in common answered, not refused; "forget it" and "X
instead"; a title's head followed by "of" another field; a page word a phone would "correct";
people's goals and "first step if …"; facts no page gives (an hour's pay, weekends, employers,
what a role must know).

Each test is worded apart from the blind sets' questions; each failed on the engine before."""

from __future__ import annotations

from engine_kb import talk, with_pages

ANALYTICS = "pharmacy-analytics-manager"
WORKFORCE = "pharmacy-workforce-and-scheduling-manager"
CLINIC = "ambulatory-clinic-pharmacy-operations-manager"
LTC = "long-term-care-pharmacy-operations-manager"
ONCOLOGY = "oncology-infusion-pharmacy-operations-manager"
STEWARDSHIP = "antimicrobial-stewardship-program-manager"
RESIDENCY = "pharmacy-residency-program-coordinator"
REVENUE = "pharmacy-revenue-cycle-manager"
OPS = "director-of-pharmacy-operations"


# --- certifications by their words --------------------------------------------------------------------


def test_a_name_without_its_last_noun_then_one_names_the_certification() -> None:
    e = with_pages("eval157")  # "Certified Radiation Safety Practitioner", "Certified Medication Packaging Specialist"
    a = e.ask("the radiation safety one, what's that about")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRSP",))
    b = e.ask("tell me about the medication packaging one")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CMPS",))


def test_one_after_a_titles_words_is_still_the_role() -> None:
    # guards the rule above: words that are a role's title, then "one", name the role
    a = with_pages("eval157").ask("what does the long term care pharmacy operations one do all day")
    assert (a.intent, a.role) == ("role", LTC)


def test_what_a_certification_validates_and_in_plain_words() -> None:
    e = with_pages("eval157")
    a = e.ask("the certified diversion prevention specialist, what it validates?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CDPS",))
    b = e.ask("CRSP in simple terms please, i'm from finance")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CRSP",))


def test_why_a_code_asks_for_its_card() -> None:
    a = with_pages("conv88").ask("why CPOM in the middle")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))


# --- a knowledge topic is no clinical question --------------------------------------------------------


def test_a_word_that_names_a_certification_is_no_clinical_wording() -> None:
    e = with_pages("conv88")  # "Certified Vaccine and Cold Chain Steward"
    _, a = talk("whats CVCCS", "is that the vaccine one", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CVCCS",))
    _, b = talk("list the certifications", "any of them about vaccines", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CVCCS",))


def test_a_clinical_word_no_name_holds_is_still_refused() -> None:
    # guards the rule above: the shipped pages name no vaccine certification
    a = with_pages("eval156").ask("any about vaccines")
    assert (a.intent, a.reason) == ("none", "clinical")
    b = with_pages("conv88").ask("is the shingles vaccine safe for someone on chemo")
    assert b.intent == "none"


# --- two pathways with nothing in common ------------------------------------------------------------


def test_two_pathways_with_nothing_in_common_is_an_answer() -> None:
    e = with_pages("conv88")
    a = e.ask("does the clinic pharmacy ops manager share any certs with the workforce and scheduling manager")
    assert (a.intent, a.reason) == ("pathway", "nothing_shared")
    assert a.role in (CLINIC, WORKFORCE) and {"CACPM", "CPWSP"} <= set(a.certifications)
    assert "share no certification" in a.summary


# --- forget it, X instead ----------------------------------------------------------------------------


def test_forget_it_then_another_role_instead_keeps_the_question() -> None:
    _, a = talk("how do i become the analytics manager", "nah forget it, the clinic pharmacy ops manager instead, i like vaccine storage", e=with_pages("conv88"))
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", CLINIC, ("CVCCS",))


def test_forget_that_then_a_certification_topic_borrows_no_role() -> None:
    _, a = talk("what is CPOM", "ok forget that. data visualization cert?", e=with_pages("conv88"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPMDV",))


# --- titles, page words, people ----------------------------------------------------------------------


def test_a_job_noun_followed_by_of_another_field_is_another_job() -> None:
    a = with_pages("eval157").ask("who calls the director of nursing back when a med cart is short")
    assert (a.intent, a.role) == ("role", LTC)


def test_who_does_a_word_of_one_title_and_its_page() -> None:
    a = with_pages("conv88").ask("who does the scheduling around here")
    assert (a.intent, a.role) == ("role", WORKFORCE)


def test_the_x_ones_day_is_that_roles_day() -> None:
    _, a = talk("the clinic ops manager or the analytics manager, which one meets vendors", "whats the analytics one's day", e=with_pages("conv88"))
    assert (a.intent, a.role, a.section) == ("role", ANALYTICS, "day_in_the_life")


def test_those_folks_after_a_pathway_are_the_people_in_the_role() -> None:
    _, a = talk("analytics manager path", "when do those people start their day", e=with_pages("conv88"))
    assert (a.intent, a.role, a.section) == ("role", ANALYTICS, "day_in_the_life")


def test_path_for_it_if_i_do_something_is_the_role_talked_about() -> None:
    _, a = talk("what does the workforce and scheduling manager do", "and the path for it if im already doing data analysis all day", e=with_pages("conv88"))
    assert (a.intent, a.role) == ("pathway", WORKFORCE)


def test_first_step_if_someone_likes_something_is_their_pathway_in_their_order() -> None:
    *_, a = talk(
        "lena wants to coordinate our residency program and omar wants to run antibiotic stewardship. start with lena",
        "now omar",
        "and omar's first step if he's more of a data and dashboards person",
        e=with_pages("conv87"),
    )
    assert (a.intent, a.role) == ("pathway", STEWARDSHIP)


def test_a_new_person_wanting_another_goal_gets_their_own_pathway() -> None:
    _, a = talk("my daughter wants to coordinate a residency program someday, where to start", "and my coworker wants to get into stewardship data work, where does she start", e=with_pages("conv87"))
    assert (a.intent, a.role) == ("pathway", STEWARDSHIP)


def test_any_of_them_in_a_place_after_the_roles() -> None:
    _, a = talk("what roles do you have", "any of them in a cancer center", e=with_pages("conv87"))
    assert (a.intent, a.role) == ("role", ONCOLOGY)


def test_going_into_a_document_is_no_pathway() -> None:
    a = with_pages("eval158").ask("revenue cycle manager duties? going into our job posting")
    assert (a.intent, a.role, a.section) == ("role", REVENUE, "responsibilities")


# --- facts no page gives -----------------------------------------------------------------------------


def test_facts_no_page_gives_are_refused() -> None:
    e = with_pages("conv87")
    for q in (
        "what does a residency coordinator make an hr",
        "how many residents does a coordinator usually precept",
        "does the oncology infusion ops manager come in on weekends",
        "which cancer centers have a stewardship program manager",
        "to whom reports the stewardship manager",
        "is a pharmd enough for the residency coordinator job",
        "do stewardship managers need to know sql",
    ):
        assert e.ask(q).intent == "none", q


def test_whats_told_of_ones_own_weekends_is_no_schedule_question() -> None:
    # guards the rule above: the member's own weekend work, then a pathway
    a = with_pages("conv87").ask("i do all the chemo checks on weekends, how do i become the oncology infusion ops manager")
    assert (a.intent, a.role) == ("pathway", ONCOLOGY)
