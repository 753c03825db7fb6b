"""Round 63, part 2 (fitted on what eval198 and conv127 still missed after part 1, and on eval200
and conv129 after their first runs, which were measured on part 1): a word of the other name a
page gives its role names it ("known as the hazmat shipper": "the hazmat shipping coordinator");
the words between a leading "Pharmacy" and a title's job noun name the person ("an expert witness
pharmacist"); "2nd on that path?" is a step; "overlap?" after two pathways asks what they share;
"who else has that one on their path" asks whose pathways have the certification; a career move
judged is no pathway asked; the words a list is asked with are no FAQ entry's; a person's told
likes order "for Ana, which first"; a code or role told before "is that a typo?" is what "that"
is; "could you draft it for me" asks for writing; and a role's one-word name before a medicine
names no role.

Each test is worded apart from the blind sets' questions and failed on part 1 (the engine the
wave-2 sets were first scored on)."""

from __future__ import annotations

from engine_kb import engine, talk, with_pages

HAZMAT = "pharmacy-dangerous-goods-shipping-coordinator"
REBATE = "pharmacy-rebate-contract-analyst"
DPO = "director-of-pharmacy-operations"


def test_a_word_of_a_pages_other_name_for_its_role_names_it() -> None:
    (a,) = talk("what does a hazmat shipping coordinator do in the afternoon", e=with_pages("conv129"))
    assert (a.intent, a.role, a.section) == ("role", HAZMAT, "day_in_the_life")


def test_the_words_after_a_leading_pharmacy_name_the_person() -> None:
    (a,) = talk("how would someone become an expert witness pharmacist", e=with_pages("eval198"))
    assert (a.intent, a.role) == ("pathway", "pharmacy-expert-witness-consultant")


def test_an_ordinal_opening_the_message_on_a_path_is_that_step() -> None:
    e = engine()
    (a,) = talk("2nd on the ops director path?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))
    (b,) = talk("which first on the ops director path if i love safety work", e=e)  # near-miss guard: an order asked
    assert b.intent == "pathway"


def test_overlap_after_two_pathways_asks_what_they_share() -> None:
    a, b, c = talk("path for the rebate contract analyst", "and the dangerous goods shipping coordinator's?", "any overlap?", e=with_pages("conv129"))
    assert (a.role, b.role) == (REBATE, HAZMAT)
    assert "CPSCM" in c.certifications[:1]


def test_who_else_has_that_one_asks_whose_pathways_have_it() -> None:
    _, b, c = talk("rebate contract analyst path please", "what's CPSCM", "who else has that one on their path", e=with_pages("conv129"))
    assert b.certifications[:1] == ("CPSCM",)
    assert c.intent == "certification" and c.certifications[:1] == ("CPSCM",)


def test_a_career_move_judged_is_no_pathway_asked() -> None:
    a, b, c, d = talk("what does the ops director do", "which certs would I need", "got CHPOP already", "would that be a good career move though", e=engine())
    assert (b.intent, c.intent) == ("pathway", "pathway")
    assert d.intent == "none"


def test_the_words_a_list_is_asked_with_are_no_faq_entrys() -> None:
    e = with_pages("conv127")
    (a,) = talk("so what roles does this bot know about", e=e)
    assert a.intent == "list_roles"
    (b,) = talk("which roles does the bot have", e=e)
    assert b.intent == "list_roles"
    (c,) = talk("why isn't my role in the bot", e=e)  # near-miss guard: the entry itself
    assert c.intent == "faq"


def test_a_persons_told_likes_order_their_steps_when_asked_by_name() -> None:
    e = with_pages("conv127")
    a, b = talk(
        "both my techs want to be DME program managers. Noor loves insurer billing rules, Eli wants to lead a team",
        "for Noor, which first",
        e=e,
    )
    assert a.intent == "pathway" and b.intent == "pathway"
    assert b.certifications[0] == "CHMER"


def test_a_code_told_before_is_what_that_is() -> None:
    (a,) = talk("my lead scribbled 'CHMRE' in my review notes. is that a typo for something? what is it?", e=with_pages("conv127"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CHMER",))


def test_could_you_draft_it_asks_for_writing() -> None:
    (a,) = talk("our team needs a short note about the new DME program. could you draft that for us?", e=with_pages("conv127"))
    assert a.intent == "none"


def test_a_roles_one_word_name_before_a_medicine_names_no_role() -> None:
    e = with_pages("conv127")
    (a,) = talk("do DME insulin pumps need a prior auth", e=e)
    assert a.role is None
    (b,) = talk("what does the DME manager do", e=e)  # near-miss guard: the role itself
    assert (b.intent, b.role) == ("role", "durable-medical-equipment-program-manager")
