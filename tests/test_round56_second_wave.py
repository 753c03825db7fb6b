"""Round 56, second wave: duties asked of a role that sound clinical, a held certification beside a
goal, "and X too" among what is held, lists asked after a role, cold "their certs", facts no page
gives (bonuses, patients a day) and the words around them.

Each test is worded apart from the blind sets' questions; each failed on the engine before."""

from __future__ import annotations

from engine_kb import talk, with_pages

COMPOUNDING = "sterile-compounding-supervisor"
LTC = "long-term-care-pharmacy-operations-manager"
PROGRAM_340B = "340b-program-manager"


def test_a_duty_that_sounds_clinical_asked_as_who_does_it() -> None:
    e = with_pages("eval154")
    a = e.ask("who is in charge of setting beyond-use dating for the batched syringes")
    assert (a.intent, a.role) == ("role", COMPOUNDING)
    assert e.ask("who decides the max dose for my patient").intent == "none"  # a case, not a duty
    assert e.ask("who can tell me the beyond use date of cefazolin syringes").intent == "none"  # a drug's value


def test_a_job_noun_inside_a_duty_is_no_other_title() -> None:
    a = with_pages("eval153").ask("who talks with directors of nursing")
    assert (a.intent, a.role) == ("role", LTC)


def test_what_is_held_is_no_goal_and_what_asks_is_no_goal_word() -> None:
    a = with_pages("eval154").ask("already got CMSO, i want to run a cleanroom someday. what's left for me")
    assert (a.intent, a.role) == ("pathway", COMPOUNDING)
    assert "CMSO" not in a.certifications


def test_and_another_code_too_is_held_as_well() -> None:
    *_, a = talk("how do i become a 340B program manager", "i hold CCEPA already", "plus CPSCM too. what remains", e=with_pages("conv85"))
    assert (a.intent, a.role, a.certifications) == ("pathway", PROGRAM_340B, ("CPRAU",))


def test_a_list_of_everything_asked_after_a_role_is_the_list() -> None:
    _, a = talk("what is a 340B program manager", "show me all the certifications you have", e=with_pages("conv85"))
    assert a.intent == "list_certifications"


def test_their_certs_with_nothing_before_asks_back_then_takes_the_role() -> None:
    a, b = talk("ok so their certs?", "the sterile compounding supervisor i mean", e=with_pages("conv85"))
    assert (a.intent, a.reason) == ("none", "needs_context")
    assert (b.intent, b.role) == ("pathway", COMPOUNDING)


def test_bonuses_and_patients_a_day_are_facts_no_page_gives() -> None:
    e = with_pages("conv85")
    assert e.ask("does the 340B program manager get a yearly bonus").intent == "none"
    assert e.ask("how many patients does a transitions of care pharmacist see per shift").intent == "none"
    a = e.ask("i stayed home to raise my kids for years, what does a 340B program manager do")
    assert (a.intent, a.role) == ("role", PROGRAM_340B)  # "raise" of kids is no pay


def test_anything_more_on_a_certification_is_its_card() -> None:
    a = with_pages("conv85").ask("is there anything more on CPRAU?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPRAU",))


def test_a_money_word_that_is_the_work_is_a_topic() -> None:
    a = with_pages("eval151").ask("cert for reconciling claims and following dollars from purchase to reimbursement?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPRA",))


def test_that_cert_after_a_quoted_goal_is_the_quoted_code() -> None:
    a = with_pages("conv85").ask("my tech's review goal says 'earn CPRAU to strengthen audits'. what is that cert")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPRAU",))


def test_an_hour_of_the_day_and_growing_to_a_role() -> None:
    e = with_pages("conv84")
    a = e.ask("at what hour the informatics manager starts the day")
    assert (a.intent, a.section) == ("role", "day_in_the_life")
    b = e.ask("i am pharmacist from abroad, how to grow to 340B program manager?")
    assert (b.intent, b.role) == ("pathway", PROGRAM_340B)


# --- third wave (measured on 006baf2 first) --------------------------------------------------------

SPECIALTY = "specialty-pharmacy-operations-manager"
BUYER = "pharmacy-purchasing-coordinator"
HOME_INFUSION = "home-infusion-pharmacy-manager"


def test_step_n_of_that_path_is_the_page_order() -> None:
    _, a, b = talk("which job is CAPT on", "ok whats step 1 of that path", "and the one after it", e=with_pages("conv86"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))  # the page's first step, not the pathway as just shown
    assert (b.intent, b.certifications[:1]) == ("certification", ("CHIP",))


def test_everything_the_bot_covers_asked_after_a_role() -> None:
    _, a = talk("what does a pharmacy purchasing coordinator do", "what certs are there altogether", e=with_pages("conv86"))
    assert a.intent == "list_certifications"


def test_any_of_them_deals_with_picks_from_the_list() -> None:
    _, a = talk("which careers do you have pages for", "any of them handle recalls?", e=with_pages("conv86"))
    assert (a.intent, a.role) == ("role", BUYER)


def test_stress_and_unions_are_facts_no_page_gives() -> None:
    e = with_pages("conv86")
    _, a = talk("what does a specialty pharmacy operations manager do", "is the job really stressful", e=e)
    assert a.intent == "none"
    assert e.ask("is the pharmacy purchasing coordinator a union job").intent == "none"
