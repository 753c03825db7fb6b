"""Round 61, first part: the way to a job or field outside the knowledge ("becoming a nurse
practitioner", "go into nursing instead"), also in a conversation about a role; judgements of
one's own job ("should I quit", "is it being automated away"); a role abbreviated by the initials
of its title's leading words ("the LDD manager"); a step about "vaccination" put first for a
member big on "vaccines"; several people told in one message, one wanting "the same job";
"holds" and "she has" as certifications held; the word "order" read as an order of steps
only where it asks for one ("mail order" does not); "no clue what it is" asks what it is.

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine at the round's start (5fb68c3)."""

from __future__ import annotations

from engine_kb import talk, with_pages

STORE = "hospital-outpatient-pharmacy-store-manager"
LDD = "limited-distribution-drug-program-manager"
VAN = "mobile-pharmacy-unit-supervisor"
ASC = "ambulatory-surgery-center-pharmacy-coordinator"


def test_the_way_to_a_job_no_page_is_about_is_refused_though_the_member_worked_in_a_known_one() -> None:
    (a,) = talk("twelve years in hospital pharmacy, most of it behind our outpatient counter. i'm seriously thinking about becoming a physician assistant. how would i get started?", e=with_pages("eval184"))
    assert (a.intent, a.reason) == ("none", "unknown_role")
    assert "physician assistant" in a.summary
    (b,) = talk("i'm a staff pharmacist and want to become a store manager at our outpatient pharmacy, what certs", e=with_pages("eval184"))  # near-miss guard: a job the page has
    assert (b.intent, b.role) == ("pathway", STORE)


def test_the_way_into_a_field_outside_pharmacy_is_refused_and_said_without_an_article() -> None:
    for q in ("my lead tech wants to switch to nursing eventually, what's the path for that", "would any of these help me get into dental school"):
        (a,) = talk(q, e=with_pages("eval184"))
        assert (a.intent, a.reason) == ("none", "unknown_role"), q
    (a,) = talk("my lead tech wants to switch to nursing eventually, what's the path for that", e=with_pages("eval184"))
    assert "spotlight for nursing " in a.summary
    (b,) = talk("which certs for a consultant moving into nursing homes", e=with_pages("eval184"))  # near-miss guard: a setting, not a field
    assert b.reason != "unknown_role"


def test_a_job_no_page_has_a_word_of_borrows_no_subject_in_a_conversation() -> None:
    a, b, c = talk("tell me about the outpatient store manager", "what about becoming a dentist instead", "ok so what certs for the store manager", e=with_pages("eval184"))
    assert (a.intent, a.role) == ("role", STORE)
    assert (b.intent, b.reason) == ("none", "unknown_role") and not b.read_as
    assert (c.intent, c.role) == ("pathway", STORE)  # the conversation goes on


def test_after_a_refused_way_into_another_field_a_role_alone_asks_the_way_there() -> None:
    """A guard: this held on the round's start too, and the new refusal keeps it."""
    a, b = talk("my lead tech is thinking about going into nursing instead. what's the path?", "ok then for the outpatient store manager", e=with_pages("eval184"))
    assert (a.intent, a.reason) == ("none", "unknown_role")
    assert (b.intent, b.role) == ("pathway", STORE)  # the way there, not nursing again
    _, c = talk("my lead tech is thinking about going into nursing instead. what's the path?", "what does the outpatient store manager do", e=with_pages("eval184"))  # near-miss guard
    assert (c.intent, c.role) == ("role", STORE)


def test_a_judgement_of_ones_own_job_is_refused_however_long_the_story() -> None:
    e = with_pages("eval184")
    for q in (
        "I've run our outpatient store for six years and the last few months have been brutal, short staffed every weekend. Should I quit and go back to bench work? Somebody just tell me.",
        "my regional director keeps saying mail order will eat us alive. is the outpatient store manager role being automated away?",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    (b,) = talk("what does the outpatient store manager handle on a normal day", e=e)  # near-miss guard
    assert (b.intent, b.role) == ("role", STORE)


def test_mail_order_is_no_order_of_steps() -> None:
    (a,) = talk("everyone says mail order is the future. is the outpatient store manager job dying?", e=with_pages("eval184"))
    assert a.intent == "none"
    (b,) = talk("certs for the outpatient store manager in the right order", e=with_pages("eval184"))  # near-miss guard: an order asked
    assert (b.intent, b.role) == ("pathway", STORE)


def test_a_role_called_by_the_initials_of_its_titles_leading_words() -> None:
    e = with_pages("eval185")
    (a,) = talk("what does the LDD manager do when a manufacturer asks for data", e=e)
    assert (a.intent, a.role) == ("role", LDD)
    (b,) = talk("how would a specialty buyer become an LDD program manager", e=e)
    assert (b.intent, b.role) == ("pathway", LDD)


def test_a_step_about_vaccination_comes_first_for_someone_big_on_vaccines() -> None:
    (a,) = talk("i'd like to be a mobile pharmacy unit supervisor, i'm really into vaccines. where do i begin", e=with_pages("conv112"))
    assert (a.intent, a.role, a.focus) == ("pathway", VAN, "CIMSP")


def test_the_second_of_two_people_wanting_the_same_job_gets_their_own_order() -> None:
    e = with_pages("conv112")
    a, b, c = talk("ana wants to be a mobile pharmacy unit supervisor and loves giving vaccines, tomas wants the same job but is all about stock counts. start with ana", "now tomas", "back to ana, what's her second step", e=e)
    assert (a.role, a.focus) == (VAN, "CIMSP")
    assert (b.intent, b.role, b.focus) == ("pathway", VAN, "CPSCM")
    assert c.intent == "certification" and c.certifications[:1] == a.certifications[1:2]  # her order, not his


def test_holds_and_she_has_are_certifications_held() -> None:
    e = with_pages("conv113")
    (a,) = talk("my pharmacist holds CMSO and CPOM and wants to be the surgery center coordinator, what's left for her", e=e)
    assert (a.intent, a.role) == ("pathway", ASC) and not {"CMSO", "CPOM"} & set(a.certifications)
    (b,) = talk("my tech has CPIT, which role has CPSCM on it", e=e)  # near-miss guard: a role has it
    assert "CPSCM" not in b.held


def test_no_clue_what_it_is_asks_what_it_is() -> None:
    (a,) = talk("my manager wrote CPLPI on my goals sheet and i have no clue what it is, i mostly do purchasing", e=with_pages("eval184"))
    assert a.intent == "certification" and a.certifications[:1] == ("CPLPI",)
