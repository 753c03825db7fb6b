"""Round 70, part 1 (fitted on the six sets of wave 1 after their first runs on 127804b): "how does
that compare with X's" and "vs the X one" after a role's part or pathway (the other side of what
was just shown); "other one's day?" and "ok the other's day"; a pathway retailored by what the
member or their mentee is ("nope, more of a safety person", "she's detail oriented", "for someone
who already runs …"); "start with the X one" naming one of the pathway's own steps; the inflections of a word that tells no
FAQ ("you told me …"); a clock hour in cue phrases ("at 40" is an age); refusals: a lunch break,
part time, the job outlook, interview questions, a poem, a named doctor, whether a tech qualifies,
"is it smart to …"; "whatever" describes no role; "hm." steers; "instead, same question".

Each test is worded apart from the blind sets' questions and failed on 127804b."""

from __future__ import annotations

import re

from engine_kb import talk, with_pages

from bot.engine.phrases import compile_phrase

OPS = "director-of-pharmacy-operations"
PODIATRY = "podiatry-clinic-pharmacy-coordinator"  # CLEPC, CMSO, COPSM
NEGOTIATOR = "pharmacy-vendor-contract-negotiator"  # CPCNS, CPSCM, CGPOA, CRDSA
PEDS = "pediatric-weight-based-dosing-verification-lead"  # CPWDV, CMSO, CHPOP, CSWCT
RADIATION = "radiation-emergency-countermeasures-pharmacist"  # CRCP, CEPDM, CPSCM, CMSO
FESTIVAL = "music-festival-pharmacy-tent-coordinator"  # CMGPC, CFCSC, CPOM
MAPPING = "pharmacy-temperature-mapping-specialist"  # CSTQP, CDLA, CGDPA, CHPOP
IR = "interventional-radiology-pharmacy-coordinator"  # CPAMS, CCMSP, CMSO, CPTL
RENOVATION = "pharmacy-renovation-and-construction-coordinator"  # CPFDS, CCIRC, CPOM, CPRLP
CART = "long-term-care-medication-cart-exchange-supervisor"  # CLTDS, CMARA, CPSCM, CFDLS
AIRPORT = "airport-clinic-pharmacy-manager"  # CTHPM, CPOM, CSFPC, CPSCM
SHOPPER = "pharmacy-mystery-shopper-program-coordinator"  # CCSPE, CPOM, CRPQA, CMSO


def test_how_that_compares_with_another_role_is_that_roles_same_part() -> None:
    e = with_pages("conv198")
    day, other = talk("walk me through a podiatry clinic pharmacy coordinator's day", "how does that compare with the contract negotiator's", e=e)
    assert (day.role, day.section) == (PODIATRY, "day_in_the_life")
    assert (other.intent, other.role, other.section) == ("role", NEGOTIATOR, "day_in_the_life")


def test_versus_a_role_after_a_part_or_a_pathway_keeps_what_was_asked() -> None:
    e = with_pages("conv200")
    _, duties = talk("what are the IR pharmacy coordinator's duties", "vs the renovation one", e=e)
    assert (duties.intent, duties.role, duties.section) == ("role", RENOVATION, "responsibilities")
    _, path = talk("how do I become an LTC cart exchange supervisor", "vs the renovation path?", e=e)
    assert (path.intent, path.role) == ("pathway", RENOVATION)
    _, chosen = talk("what are the IR pharmacy coordinator's duties", "vs the renovation coordinator, which one deals with architects?", e=e)
    assert (chosen.intent, chosen.role) == ("role", RENOVATION)  # a choice between the two, still made by their pages


def test_the_other_ones_part_without_the_the() -> None:
    e = with_pages("conv200")
    first, other = talk("renovation coordinator or cart exchange supervisor: who meets with the architects?", "other one's duties?", e=e)
    assert first.role == RENOVATION
    assert (other.intent, other.role, other.section) == ("role", CART, "responsibilities")
    *_, again = talk("renovation coordinator or cart exchange supervisor: who meets with the architects?", "what's their path", "ok the other's day", e=e)
    assert (again.intent, again.role, again.section) == ("role", CART, "day_in_the_life")


def test_waking_up_earlier_and_a_shift_ask_for_the_day() -> None:
    e = with_pages("conv199")
    (a,) = talk("does the temp mapping specialist get up earlier than the ops director?", e=e)
    assert (a.intent, a.section) == ("role", "day_in_the_life")
    (b,) = talk("whats a shift like for the festival tent coordinator", e=e)
    assert (b.intent, b.role, b.section) == ("role", FESTIVAL, "day_in_the_life")
    _, c = talk("what's the festival tent coordinator's day like", "and at dusk?", e=e)
    assert (c.intent, c.role, c.section) == ("role", FESTIVAL, "day_in_the_life")


def test_a_pathway_is_retailored_by_what_the_member_then_says_they_are() -> None:
    e = with_pages("conv199")
    first, second = talk("how do i become a radiation countermeasures pharmacist, i'm great with inventory", "nope, more of a safety person", e=e)
    assert first.certifications[0] == "CPSCM"
    assert (second.intent, second.role, second.certifications[0]) == ("pathway", RADIATION, "CMSO")


def test_a_mentee_described_after_a_pathway_retailors_it() -> None:
    e = with_pages("conv200")
    _, a = talk("my tech wants to be a cart exchange supervisor in long term care, what certs?", "she's very detail oriented and audits the MAR every week", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", CART, "CMARA")


def test_whom_a_step_is_for_is_no_new_goal() -> None:
    e = with_pages("conv198")
    _, a = talk("path to pediatric weight-based dosing verification lead?", "which cert first for someone who already manages a hospital pharmacy operations team", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", PEDS, "CHPOP")


def test_starting_with_the_x_one_after_a_pathway_is_one_of_its_steps() -> None:
    e = with_pages("conv198")
    _, a = talk("certs to become a pediatric weight-based dosing verification lead?", "what if she starts with the hospital operations one", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", PEDS, "CHPOP")
    e = with_pages("conv200")
    _, b = talk("what's the path to cart exchange supervisor for my tech", "he'd rather begin with the auditing side", e=e)
    assert (b.intent, b.role, b.certifications[0]) == ("pathway", CART, "CMARA")


def test_a_past_tense_of_tell_tells_no_faq_apart() -> None:
    e = with_pages("conv201")
    (a,) = talk("you told me something wrong yesterday, how do i report it", e=e)
    assert (a.intent, a.faq) == ("faq", "how-to-report-a-wrong-answer")


def test_an_hour_in_a_phrase_is_one_of_the_clock() -> None:
    rx = re.compile(compile_phrase("at @ $"))
    assert rx.search(" at 3 ") and rx.search(" at 11 ")
    assert not rx.search(" at 40 ") and not rx.search(" at 0 ")
    e = with_pages("conv200")
    (a,) = talk("is it smart to take the IR coordinator job at 45?", e=e)
    assert (a.intent, a.role) == ("none", IR)


def test_facts_no_page_gives_are_refused() -> None:
    e = with_pages("conv200")
    for q in (
        "do cart exchange supervisors get a lunch break",
        "could my tech do the renovation coordinator job part-time",
        "what's the hiring outlook for IR pharmacy coordinators",
        "interview for the cart exchange job on friday, what might they ask",
        "a limerick about the renovation coordinator please",
        "do you happen to know Dr. Okafor at St. Luke's? he runs their IR pharmacy",
        "is the cart exchange supervisor a tech job or can a nurse apply?",
    ):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q


def test_whatever_describes_no_role() -> None:
    e = with_pages("conv201")
    _, _, a = talk("what does a pharmacy mystery shopper program coordinator do", "what do chains pay them", "fine whatever, the cert path then", e=e)
    assert (a.intent, a.role) == ("pathway", SHOPPER)


def test_another_role_instead_with_the_same_question() -> None:
    e = with_pages("conv201")
    _, a = talk("which certs are on the mystery shopper coordinator path", "hm. how about the airport clinic manager instead, same question", e=e)
    assert (a.intent, a.role) == ("pathway", AIRPORT)


def test_on_the_hook_for_asks_for_the_duties() -> None:
    e = with_pages("conv201")
    (a,) = talk("what is the airport clinic pharmacy manager on the hook for", e=e)
    assert (a.intent, a.role, a.section) == ("role", AIRPORT, "responsibilities")
