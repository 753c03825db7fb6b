"""Round 79 (fitted on the round's first wave after its first runs on 7a2c58a): names listed
together and then as many roles, each to each ("A, B and C: X, Y and Z, in that order"); a person
picked by what they hold ("the one who already has CMSO", "the CPSCM guy"); a part of the page
asked first ("her overview first"); a dislike that ends at a comma, and one in a choice of two; a
title word said apart from its title; a fee to sit an exam; "the ops one" of two titles that
share a stem; "which ones do you have" after a refusal; "the other one, the X"; "their" of the
member's own plural noun; venting after a pathway; how long someone did something; "whose path?"
and "what's next on its path" after a card; a full list or a rundown; "the X one" after a list of
certifications; "both" after two codes; "the longer one's"; a decision about people; another
language around codes; "CODE done"; "it" in a later question of the same message; two codes on
the role a choice names.

Each test is worded apart from the blind sets' questions and failed on 7a2c58a, but one guard
(a problem one hates seeing is still an interest: the dislike now ends at its comma)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
INTRATHECAL = "intrathecal-chemotherapy-safety-coordinator"  # COCP, CITSP, CMSO
STOCK = "procedural-areas-pharmacy-stock-lead"  # CPAST, CPSCM, CCSTT, CPTLD
PEDS = "pediatric-emergency-readiness-pharmacy-coordinator"  # CPERP, CPDSP, CMSO, CHPOP
THEATRE = "operating-theatre-pharmacy-technician"  # CPMT, CATRS, CMSO
SUPPLIER = "pharmacy-supplier-performance-analyst"  # CPSCM, CPSDA, CVSM
WORKSHOP = "family-medicines-workshop-pharmacist"  # CPHEP, CCMWF, CMSO, CMHLP
HELPLINE = "patient-medicines-helpline-pharmacist"  # CMHLP, CTTP, CMSO


def test_names_listed_then_their_roles_in_that_order() -> None:
    e = with_pages("conv283")
    path, day = talk("planning reviews. Ada, Bram and Cleo: the stock lead, the intrathecal coordinator and the ops director, in that order. Bram first, what is his path", "and Cleo's day?", e=e)
    assert (path.intent, path.role) == ("pathway", INTRATHECAL)
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")


def test_names_listed_without_and_then_counted_by_order() -> None:
    e = with_pages("conv283")
    first, last_two = talk("Dov, Eli, Fay — intrathecal coordinator, peds readiness, procedural stock lead. in that order. first one's path", "// Gil, Hal and Ivo want procedural stock lead, ops director and peds readiness, in that order. what do the last two do all day", e=e)
    assert (first.intent, first.role) == ("pathway", INTRATHECAL)
    assert (last_two.intent, last_two.role) == ("role", OPS)


def test_a_part_of_the_page_asked_first() -> None:
    e = with_pages("conv283")
    overview, day = talk("Jo, Kai and Lu: peds readiness, ops director, intrathecal coordinator, in that order. Kai's overview first", "// Mo wants the intrathecal coordinator job, Ned wants peds readiness. Ned's day first", e=e)
    assert (overview.intent, overview.role, overview.section) == ("role", OPS, "overview")
    assert (day.intent, day.role, day.section) == ("role", PEDS, "day_in_the_life")


def test_a_dislike_ends_at_its_comma() -> None:
    e = with_pages("conv283")
    (a,) = talk("i hate chasing drug shortages, where do i start to become a director of pharmacy operations", e=e)
    assert (a.intent, a.role) == ("pathway", OPS) and a.certifications[0] != "CPSCM"


def test_a_problem_one_hates_seeing_is_still_an_interest() -> None:
    e = with_pages("conv283")
    (a,) = talk("i hate seeing shelves empty when stock runs out, where do i start to become a director of pharmacy operations?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", OPS, "CPSCM")


def test_pay_asked_of_a_title_another_title_shares_a_word_with() -> None:
    e = with_pages("conv285")
    (a,) = talk("what does the director of pharmacy operations get paid these days", e=e)
    assert a.intent == "none"


def test_the_fee_to_sit_a_certification() -> None:
    e = with_pages("conv285")
    (a,) = talk("so what would CPMDA cost to sit", e=e)
    assert a.intent == "none"


def test_a_word_as_the_title_writes_it_tells_two_titles_apart() -> None:
    e = with_pages("conv285")
    *_, a = talk("which roles are in here", "and the ops one, what's their job", e=e)
    assert (a.intent, a.role) == ("role", OPS)


def test_which_ones_do_you_have_after_a_refused_question() -> None:
    e = with_pages("conv285")
    *_, certs = talk("is there a cert for hospice pharmacy?", "ok so which ones do you have", e=e)
    assert certs.intent == "list_certifications"


def test_the_other_one_then_its_name() -> None:
    e = with_pages("conv284")
    *_, a = talk("what's a day like for the ops director", "and the helpline pharmacist's?", "sorry I meant the other one, the supplier performance analyst", e=e)
    assert (a.intent, a.role, a.section) == ("role", SUPPLIER, "day_in_the_life")


def test_their_of_the_members_own_plural_noun() -> None:
    e = with_pages("conv284")
    *_, a = talk("supplier performance analyst path please", "hmm, honestly holding suppliers to their contracts was my favourite part of my last job. does that change it", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", SUPPLIER, "CVSM")


def test_venting_after_a_pathway_asks_nothing() -> None:
    e = with_pages("conv284")
    *_, a = talk("which certs does the supplier performance analyst need", "honestly i feel totally lost, four years of night runs and now everyone talks in acronyms 😩", e=e)
    assert a.intent == "none"


def test_how_long_someone_did_something_is_no_interest() -> None:
    e = with_pages("conv284")
    (a,) = talk("my sister has eight years in hospital, how would she become a supplier performance analyst", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", SUPPLIER, "CPSCM")


def test_a_dislike_in_a_choice_of_two() -> None:
    e = with_pages("conv284")
    (a,) = talk("torn between the workshop pharmacist and the supplier analyst. i don't enjoy presenting at all. which suits me?", e=e)
    assert (a.intent, a.role) == ("role", SUPPLIER)


def test_a_person_picked_by_what_they_hold() -> None:
    e = with_pages("conv283")
    first, other = talk("Uma holds CMSO and wants the intrathecal coordinator job, Vik holds CPSCM and wants procedural stock lead. the one who already has CMSO, where should she begin", "ok and the CPSCM guy", e=e)
    assert (first.intent, first.role) == ("pathway", INTRATHECAL) and "CMSO" not in first.certifications
    assert (other.intent, other.role) == ("pathway", STOCK) and "CPSCM" not in other.certifications


def test_whats_next_on_its_path_after_a_card() -> None:
    e = with_pages("conv285")
    *_, a = talk("what is CPMT", "ok whats next on its path", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CATRS",))


def test_whose_path_after_a_card_from_another_roles_path() -> None:
    e = with_pages("conv285")
    *_, whose, day = talk("ops director overview please", "separate question, what is CSTKL", "whose path then?", "what's their day like", e=e)
    assert (whose.intent, whose.role) == ("pathway", "pharmacy-inventory-valuation-accountant")
    assert (day.intent, day.role, day.section) == ("role", "pharmacy-inventory-valuation-accountant", "day_in_the_life")


def test_lists_asked_as_a_full_list_or_a_rundown() -> None:
    e = with_pages("conv285")
    certs, roles = talk("the complete cert list please", "// quick rundown of your roles?", e=e)
    assert certs.intent == "list_certifications"
    assert roles.intent == "list_roles"


def test_the_x_one_right_after_the_certifications_were_listed() -> None:
    e = with_pages("conv285")
    *_, a = talk("what's the theatre tech job", "ok, which certifications do you have", "the stocktake one?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CSTKL",))


def test_both_after_two_codes_just_named() -> None:
    e = with_pages("conv284")
    *_, a = talk("what order for the workshop pharmacist certs", "why that one first?", "and after that??", "oh actually I have CMSO and CMHLP already, did both ages ago. so what remains", e=e)
    assert (a.intent, a.role, a.certifications) == ("pathway", WORKSHOP, ("CPHEP", "CCMWF"))


def test_the_longer_ones_alone_is_its_path() -> None:
    e = with_pages("conv284")
    *_, a = talk("helpline pharmacist or workshop pharmacist, which path is shorter?", "ok and the longer one's", e=e)
    assert (a.intent, a.role) == ("pathway", WORKSHOP)


def test_which_of_them_deserves_it_is_a_decision_about_people() -> None:
    e = with_pages("conv285")
    *_, a = talk("my two students: kim wants the OR tech job, lou wants the ops director one. kim's first step?", "and lou's?", "so which of them should get the award", e=e)
    assert a.intent == "none"


def test_a_question_in_another_language_around_two_codes() -> None:
    e = with_pages("eval320")
    (a,) = talk("Qual a diferença entre CHOSC e CMELC", e=e)
    assert (a.intent, a.reason) == ("none", "language")


def test_a_code_then_done_is_held() -> None:
    e = with_pages("eval320")
    (a,) = talk("CSADP done in march. what comes next for the tropical clinic job?", e=e)
    assert (a.intent, a.role) == ("pathway", "tropical-and-parasitic-disease-clinic-pharmacist") and "CSADP" not in a.certifications


def test_it_in_a_later_question_of_the_same_message() -> None:
    e = with_pages("eval318")
    (a,) = talk("our district manager talks about margin per script all day long?? is there a cert that covers that side of it", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPGMA",))


def test_two_codes_on_the_role_the_choice_names() -> None:
    e = with_pages("eval319")
    (a,) = talk("CDEVR or CPFCA, which of the two is the month-end close cert?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPFCA",))


def test_does_that_change_his_first_step_asks_the_order() -> None:
    e = with_pages("conv283")
    *_, a = talk("Sol wants the procedural stock lead job. his path?", "Sol is really into leading people, does that change his first step", e=e)
    assert (a.intent, a.role) == ("pathway", STOCK)


def test_what_he_also_loves_after_his_pathway() -> None:
    e = with_pages("conv283")
    *_, a = talk("my lead tech wants the ops director job, where should he start", "and what if he also loves the purchasing side?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", OPS, "CPSCM")
