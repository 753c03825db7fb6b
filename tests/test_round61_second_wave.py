"""Round 61, second part: a list asked after a story that mentions other lists; a judgement of a
job asked last, after a story that tells the way in; a code the knowledge lacks asked about
itself; "is going to be" is no pathway; "the tech side" is no person; the next person of several,
told with only a role; a page that plays a thing down ("little patient contact") in a choice of
the most or the least of it; a price word that says what kind of thing ("expensive drugs").

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine of the round's first part (2b808b3)."""

from __future__ import annotations

from engine_kb import talk, with_pages

COST = "pharmacy-cost-containment-manager"
SAFETY = "hospital-medication-safety-officer"
INTERFACE = "pharmacy-interface-integration-analyst"
TRANSPORT = "medication-transport-systems-supervisor"
LOCKER = "pharmacy-pickup-locker-program-manager"
ADHERENCE = "medication-adherence-outreach-coordinator"


def test_the_list_asked_last_after_a_story_about_other_lists() -> None:
    (a,) = talk("My cohort keeps saying there are only two careers, retail or clinical. I want to see which jobs exist outside those two. Which roles do you cover?", e=with_pages("eval186"))
    assert a.intent == "list_roles"
    for q, intent in (("every council cert pls", "list_certifications"), ("which roles are loaded at the moment?", "list_roles"), ("which certifications are in your knowledge?", "list_certifications")):
        (b,) = talk(q, e=with_pages("eval186"))
        assert b.intent == intent, q


def test_a_judgement_asked_after_a_story_that_tells_the_way_in() -> None:
    e = with_pages("eval186")
    for q in (
        "I've worked nights on the floor for ten years and I'm looking at moving into medication safety. I'd miss my patients though. Is it worth leaving the floor for the hospital medication safety officer job?",
        "My director says automation will take over half of finance work soon and cost containment is mostly spreadsheets. Is the pharmacy cost containment manager job safe from AI?",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    (b,) = talk("I'm looking at moving into medication safety. Which certs should I take first to become a hospital medication safety officer?", e=e)  # near-miss guard: the way asked
    assert (b.intent, b.role) == ("pathway", SAFETY)


def test_a_code_the_knowledge_lacks_asked_about_itself_is_refused() -> None:
    (a,) = talk("Someone told me BCPS is the standard credential for clinical pharmacists and I might study for it next year. What does the BCPS cover?", e=with_pages("eval186"))
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_going_to_be_is_no_way_into_a_job() -> None:
    (a,) = talk("I'm terrible at spreadsheets and I'm scared CPCA is going to be all math. How hard is CPCA really?", e=with_pages("eval186"))
    assert a.intent == "none"
    (b,) = talk("i'm going to be a pharmacy cost containment manager one day, which cert first", e=with_pages("eval186"))  # near-miss guard
    assert (b.intent, b.role) == ("pathway", COST)


def test_the_tech_side_is_a_part_of_the_work_not_a_person() -> None:
    (a,) = talk("Dana wants interface integration analyst. which cert first if she cares more about medication safety than the tech side", e=with_pages("conv115"))
    assert (a.intent, a.role) == ("pathway", INTERFACE)


def test_the_next_person_told_with_only_a_role_gets_the_same_question() -> None:
    e = with_pages("conv115")
    a, b = talk("two interns: Priya likes systems, Omar likes logistics. Priya wants pharmacy interface integration analyst, what's her path", "and Omar, medication transport systems supervisor", e=e)
    assert (a.intent, a.role) == ("pathway", INTERFACE)
    assert (b.intent, b.role) == ("pathway", TRANSPORT)
    _, c = talk("two interns: Priya likes systems, Omar likes logistics. Priya wants pharmacy interface integration analyst, what's her path", "and Omar, what does a medication transport systems supervisor do", e=e)  # near-miss guard: an ask of its own
    assert (c.intent, c.role) == ("role", TRANSPORT)


def test_a_page_that_plays_a_thing_down_has_the_least_of_it() -> None:
    e = with_pages("conv116")
    _, a = talk("what roles do you cover", "which of those has the most patient contact", e=e)
    assert (a.intent, a.role) == ("role", ADHERENCE)  # not the page that says "little direct patient contact"
    _, b = talk("what roles do you cover", "which of those has the least contact with patients", e=e)  # near-miss guard: the least of it
    assert (b.intent, b.role) == ("role", LOCKER)


def test_a_price_word_that_says_what_kind_of_thing_asks_no_price() -> None:
    e = with_pages("eval187")
    (a,) = talk("which role tracks rebates on pricey specialty drugs", e=e)
    assert a.reason != "missing_fact"
    (b,) = talk("is CDPA pricey", e=e)  # near-miss guard: a price asked
    assert (b.intent, b.reason) == ("none", "missing_fact")



def test_first_time_posting_asks_what_the_bot_does() -> None:
    (a,) = talk("hey all, first time posting here, been lurking a while", e=with_pages("eval187"))
    assert a.intent == "help"
