"""Round 59: roles named by a word only their title has, or by a word of their page, beside another
role; a job named whose head is no title's; a cue read out of a title's own words; a question
asked beside what the member tells (a code, a list, help, a writing task); judgements of which
employer is better, who a role reports to; walking through a day; radiopharmaceutical doses;
"the whole path".

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine of the session's start (ab32613)."""

from __future__ import annotations

from engine_kb import talk, with_pages

HOSPICE = "hospice-and-palliative-pharmacy-services-manager"
JAIL = "correctional-health-pharmacy-manager"
MAIL = "mail-order-pharmacy-fulfillment-manager"
INFUSION = "home-infusion-operations-manager"
NUCLEAR = "nuclear-pharmacy-operations-lead"
ANALYTICS = "pharmacy-data-analytics-manager"


def test_a_word_only_one_title_has_then_its_job_noun_names_that_role_beside_another() -> None:
    a, b = talk("torn between the fulfillment manager and the hospice manager. what's the first one about?", "and the second one?", e=with_pages("conv102"))
    assert (a.intent, a.role) == ("role", MAIL)
    assert (b.intent, b.role) == ("role", HOSPICE)


def test_a_word_of_one_page_names_its_role_beside_another() -> None:
    (a,) = talk("jail pharmacy manager vs mail order fulfillment manager, which certs do they have in common", e=with_pages("conv102"))
    assert a.intent in ("pathway", "none") and a.reason in ("", "nothing_shared"), (a.intent, a.reason)
    (b,) = talk("which of them starts work earlier, the jail pharmacy manager or the hospice pharmacy manager", e=with_pages("conv102"))
    assert (b.intent, b.role, b.section) == ("role", JAIL, "day_in_the_life")


def test_a_job_no_title_fits_is_not_read_from_a_page() -> None:
    (a,) = talk("what does a neonatal pharmacy operations lead do", e=with_pages("conv102"))
    assert (a.intent, a.reason) == ("none", "unknown_role")


def test_another_job_to_become_is_no_pathway() -> None:
    (a,) = talk("I love our hot lab. How would I become a nuclear medicine physician?", e=with_pages("eval173"))
    assert a.intent == "none"


def test_a_code_asked_beside_a_job_told_is_its_card() -> None:
    (a,) = talk("I manage a campus health center pharmacy at a state university. A friend at another school has CCHPM after her name. What is it?", e=with_pages("eval171"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CCHPM",))


def test_radiopharmaceutical_doses_are_clinical() -> None:
    (a,) = talk("how many mCi of FDG would a 50 kg kid get", e=with_pages("eval173"))
    assert (a.intent, a.reason) == ("none", "clinical")


def test_which_employer_is_better_and_whom_a_role_reports_to_are_refused() -> None:
    e = with_pages("eval173")
    for q in (
        "Two hospitals offered me a home infusion operations manager job. Which hospital is nicer to work for?",
        "The long-term care pharmacy services director sounds great. Any idea who they report to, the owner or a VP?",
    ):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q


def test_help_asked_beside_a_workplace_told() -> None:
    (a,) = talk("hey, what can you help me with? my supervisor at the nuclear pharmacy sent everyone here", e=with_pages("eval173"))
    assert a.intent == "help"


def test_a_list_of_certifications_asked_beside_a_workplace_told() -> None:
    (a,) = talk("We're putting together a career development binder for the pharmacists at our LTC pharmacy. What certifications do you have?", e=with_pages("eval173"))
    assert a.intent == "list_certifications"


def test_a_writing_task_told_is_not_the_question() -> None:
    (a,) = talk("I'm trying to write a job description for a home infusion operations manager. What does the council list as its duties?", e=with_pages("eval173"))
    assert (a.intent, a.role, a.section) == ("role", INFUSION, "responsibilities")


def test_walk_me_through_a_shift() -> None:
    (a,) = talk("Could you walk me through a day as a home infusion operations manager? Retail for 10 years here, I like predictable hours and I'm job hunting.", e=with_pages("eval173"))
    assert (a.intent, a.role, a.section) == ("role", INFUSION, "day_in_the_life")


def test_a_day_asked_of_two_roles_named_is_their_day() -> None:
    (a,) = talk("how do the nuclear lead and the home infusion operations manager differ day to day", e=with_pages("eval173"))
    assert (a.intent, a.section) == ("role", "day_in_the_life")


def test_the_whole_path_is_the_role_talked_about() -> None:
    a, b = talk("what does the data analytics manager do", "ok show me the whole path", e=with_pages("conv103"))
    assert (b.intent, b.role) == ("pathway", ANALYTICS)


def test_a_title_verb_track_is_no_pathway() -> None:  # near-miss guard
    (a,) = talk("what numbers does the data analytics manager track", e=with_pages("conv103"))
    assert a.intent == "role"
