"""What a member tells of their own background, words typed short, and "IT" (round 55).

Each test is a question (or a conversation) the engine got wrong before, or one that reading short
forms by their meaning got wrong on the way (the background tests keep those right); what it
asserts is the behaviour a member expects, on a blind set's pages as that set is scored."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
CONTINUITY = "pharmacy-downtime-and-continuity-planner"
INFORMATICS = "pharmacy-informatics-manager"
TECH_EDUCATION = "pharmacy-technician-education-coordinator"
SUBSTANCES = "controlled-substance-coordinator"
COMPLIANCE = "pharmacy-regulatory-compliance-manager"


# --- "IT" ------------------------------------------------------------------------------------------------


def test_it_in_capitals_is_the_department_not_the_pronoun() -> None:
    e = with_pages("eval147")
    a = e.ask("forecasting analyst or continuity planner, which one works more with IT")
    assert (a.intent, a.role) == ("role", CONTINUITY)  # the only page that works with IT
    b = e.ask("which role works the most with IT")
    assert (b.intent, b.role) == ("role", CONTINUITY)
    assert e.ask("WHAT IS IT").intent == "none"  # shouted: the pronoun, with nothing to refer to


# --- the member's own background -------------------------------------------------------------------------


def test_a_list_asked_for_by_a_member_who_tells_where_they_come_from() -> None:
    a = with_pages("eval24").ask("show me all the roles, im new here and coming from IT")
    assert a.intent == "list_roles"
    assert with_pages("eval32").ask("new here, what jobs can i ask about?").intent == "list_roles"


def test_the_job_a_member_comes_from_does_not_order_the_steps() -> None:
    a = with_pages("eval24").ask("i already have CPIP from my old hospital IT job. whats next if i want to be a pharmacy informatics manager")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", INFORMATICS, ("CPAS",))  # the page's next step


def test_who_the_member_is_orders_the_steps_it_names_no_other_role() -> None:
    _, a = talk("how do i become director of pharmacy operations", "which first if i already lead a team of 20 techs", e=with_pages("conv42"))
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CPOM",))
    *_, b = talk("ops director certs pls", "i'm a pharmacy manager leading a team of 20 techs, which would u start with", e=with_pages("conv7"))
    assert (b.intent, b.role) == ("pathway", OPS)


def test_im_the_senior_tech_is_told_of_the_member_not_asked() -> None:
    _, a = talk(
        "who's the person that handles the narcotic vault counts and the discrepancies on the floors",
        "thats basically my job already lol, im the senior tech in central. what do they do in the morning",
        e=with_pages("conv40"),
    )
    assert (a.intent, a.role, a.section) == ("role", SUBSTANCES, "day_in_the_life")


def test_work_just_told_and_referred_to_describes_the_role() -> None:
    a = with_pages("conv82").ask("i'm the tech who always gets stuck doing the c2 counts and reconciling the vault and weirdly i like it. what job uses that")
    assert (a.intent, a.role) == ("role", COMPLIANCE)


# --- words typed short -----------------------------------------------------------------------------------


def test_a_word_typed_short_between_two_words_of_a_title() -> None:
    e = with_pages("eval149")
    a = e.ask("just passed CPTE whats next toward tech ed coordinator")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", TECH_EDUCATION, ("CSTI",))  # "ed" is no emergency department here
    b = e.ask("what time does the tech education coordinator start? early?")
    assert (b.intent, b.role, b.section) == ("role", TECH_EDUCATION, "day_in_the_life")


def test_a_short_form_rare_in_pages_weighs_no_more_than_what_it_means() -> None:
    e = with_pages("conv81")
    for q in ("is there a role that builds career ladders for techs", "who's the person that trains new techs when they start"):
        a = e.ask(q)
        assert (a.intent, a.role) == ("role", TECH_EDUCATION), q  # not the one page that writes "tech"
