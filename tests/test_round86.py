"""Round 86 (fitted on the round's first wave, eval341–342 and conv318–320, after their first runs
on 05e7328, and on round 85's held-out wave once it had been measured; the second wave, eval343
and conv321–322, is held out and only measured): a message that opens with a salutation and ends
with a signature still asks two questions when one sentence joins them ("Dear Council, what does
CIEPS show, and how much is the fee? Regards, M."), if the first names its own subject; "which
credentials lead into …" asks the way there ("lead" is no interest); "remind me, …", "the second
one on the list you gave me" and "the second one in the order you gave me" only say which answer
is meant; "why is the billing one last?" after a pathway is answered by that pathway (its order
and reasons); a question the member reports ("a student asked what … is") chooses its section by
what is reported; "a cert starting with CID-something" is the one code that starts so; a page's
other name said with its middle word left out ("the topicals supervisor" of the topicals line
supervisor) names the role; "Beth (care home tech) wants …" wishes for the title after "wants",
not for the stray "care" ("… which would they both take?" after two people's wishes still asks
what their ways share); "is CMSO only on that one?" asks which pathways have it; "picked up CPOM" holds it; "anticoag", which no page
writes, is "anticoagulation"; "can't stand lab bench testing" puts the testing steps last though
"Testing" is in the title; "neurorehab", a word of a page's other name that no English, other
title or page text has, names the role alone, even mistyped; "the first one's overview" after
"X, Y, Z: which path is shortest" is of the roles, as the member named them; "nxt" is "next".

Each test is worded apart from the blind sets' questions and failed on 05e7328, but the guards
(noted in their docstrings)."""

from __future__ import annotations

try:
    from engine_kb import talk, with_pages
except ImportError:  # tests/ became a package
    from tests.engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
ASSESSOR = "pharmacy-apprenticeship-end-point-assessor"  # eval342
SEMISOLID = "semisolid-dosage-manufacturing-supervisor"  # conv320: CSDMS, CIPQT, CLCOS, CPOM
RESPITE = "respite-care-medication-coordinator"  # conv319: CSBMR, CCMTA, CMSO, CFMLP
VAD = "mechanical-circulatory-support-pharmacist"  # eval341: CMCSP, CATMS, CCPTE, CMSO
CCI = "container-closure-integrity-testing-lead"  # eval341: CCITS, CLMVP, CSDQR, CPSCM


def test_two_questions_joined_in_a_signed_message_are_two_answers() -> None:
    (a,) = talk("Hello council team, what does CPSCM validate, and what does its exam cost? Cheers, Dana (stores)")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPSCM",))
    assert [p.intent for p in a.parts] == ["none"]


def test_a_joined_question_leaning_on_what_the_message_tells_stays_one() -> None:
    """Guard: "what job is that and where does she start" after a statement leans on it."""
    (a,) = talk("My cousin runs the stock room at a hospital. what job is that and where does she start?")
    assert a.parts == ()
    (b,) = talk("six years buying for a chain, want the ops director job. which certs and what order")
    assert (b.intent, b.role, b.parts) == ("pathway", OPS, ())


def test_certifications_that_lead_into_a_role_are_its_way_there() -> None:
    (a,) = talk("which credentials lead into the quota specialist job?", e=with_pages("eval340"))
    assert (a.intent, a.role, a.focus) == ("pathway", "controlled-substance-quota-specialist", None)


def test_remind_me_and_the_list_you_gave_me_only_say_which_answer() -> None:
    _, a = talk("how do I become a director of pharmacy operations", "quick, remind me what the third one on that path was")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))
    _, b = talk("how do I become a director of pharmacy operations", "and the last one on the list you showed me, what was it?")
    assert (b.intent, b.certifications[:1]) == ("certification", ("CPSCM",))
    _, c = talk("how do I become a director of pharmacy operations", "the second one in the order you gave me, what is it")
    assert (c.intent, c.certifications[:1]) == ("certification", ("CPOM",))


def test_remind_me_to_do_something_is_no_question() -> None:
    """Guard: a reminder asked of the bot asks nothing of the knowledge."""
    (a,) = talk("remind me to water the plants later")
    assert a.intent == "none"


def test_why_a_step_stands_where_it_does_is_answered_by_the_pathway() -> None:
    _, a = talk("how do I become a director of pharmacy operations", "why is CPSCM at the end?")
    assert (a.intent, a.role, a.certifications[:1]) == ("pathway", OPS, ("CHPOP",))
    _, b = talk("how do I become a director of pharmacy operations", "why does the safety one come third")
    assert (b.intent, b.role) == ("pathway", OPS)


def test_why_a_step_is_on_the_path_at_all_is_its_card() -> None:
    """Guard: "why is X on there" asks what it is for, which its card says."""
    _, a = talk("how do I become a director of pharmacy operations", "why is CMSO on there")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_a_reported_question_chooses_its_section_by_what_is_reported() -> None:
    (a,) = talk("one of the students asked me what an apprenticeship end-point assessor is", e=with_pages("eval342"))
    assert (a.intent, a.role, a.section) == ("role", ASSESSOR, "overview")


def test_a_code_begun_and_left_vague_is_the_one_code_that_starts_so() -> None:
    (a,) = talk("my manager told me to look at CPO-something, what is it?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))


def test_a_code_begun_that_several_codes_start_is_none_of_them() -> None:
    """Guard: two letters, or letters several codes start with, name no code."""
    (a,) = talk("my manager told me to look at CP-something, what is it?")
    assert "CPOM" not in a.certifications and "CPSCM" not in a.certifications


def test_an_other_name_with_its_middle_word_left_out_names_the_role() -> None:
    (a,) = talk("already got CPOM, and the topicals supervisor is my goal. what now?", e=with_pages("conv320"))
    assert (a.intent, a.role) == ("pathway", SEMISOLID)


def test_the_title_wished_for_is_the_run_after_the_wish_word() -> None:
    (a,) = talk("Nadia (care home tech) wants respite care medication coordinator, she loves coaching staff", e=with_pages("conv319"))
    assert (a.intent, a.role, a.focus) == ("pathway", RESPITE, "CCMTA")


def test_two_people_each_wishing_for_a_role_ask_what_both_share() -> None:
    """Guard (passed before): the shared certification, not one person's way."""
    (a,) = talk("two of my techs: Ama wants skills lab instructor and Joss wants shift manager. which certification would they both take?", e=with_pages("conv173"))
    assert a.intent == "certification"


def test_only_on_that_path_asks_which_pathways_have_it() -> None:
    _, _, a = talk("how do I become a director of pharmacy operations", "and the third one?", "is CMSO only on that one?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_only_for_a_kind_of_person_is_still_refused() -> None:
    """Guard: who may sit for it, which no page says."""
    (a,) = talk("is CMSO only for hospital pharmacists?")
    assert a.intent == "none"


def test_picked_up_holds_a_certification() -> None:
    (a,) = talk("I picked up CPOM a few years back. what certs would a director of pharmacy operations need?")
    assert (a.intent, a.role) == ("pathway", OPS)
    assert "CPOM" in a.held


def test_a_clipped_word_no_page_writes_is_the_longer_word() -> None:
    (a,) = talk("my whole week is anticoag clinic and INR reviews, and I want to become a mechanical circulatory support pharmacist. where do I start?", e=with_pages("eval341"))
    assert (a.intent, a.role, a.focus) == ("pathway", VAD, "CATMS")


def test_a_disliked_title_word_said_alone_puts_its_steps_last() -> None:
    (a,) = talk("the CCI lead appeals to me but bench testing bores me to tears, what order should I do the certs in", e=with_pages("eval341"))
    assert (a.intent, a.role) == ("pathway", CCI)
    assert a.certifications[-2:] in (("CCITS", "CLMVP"), ("CLMVP", "CCITS"))


def test_a_coined_word_of_a_pages_other_name_names_the_role_alone() -> None:
    """"often called the neurorehab pharmacist": "neurorehab" (in no English, no other title),
    even mistyped, names the role."""
    _, a = talk("what's the radiation oncology pharmacist's day like", "compared to nuerorehab?", e=with_pages("conv320"))
    assert (a.intent, a.role, a.section) == ("role", "brain-injury-rehabilitation-pharmacist", "day_in_the_life")


def test_an_ordinal_with_a_section_after_roles_were_compared_picks_a_role() -> None:
    """"the second one's overview" after "X, Y, Z: which path is shortest": of the roles, as named."""
    _, a = talk("neurorehab pharmacist, topicals supervisor, radiotherapy pharmacist - which has the fewest certs", "the second ones overview", e=with_pages("conv320"))
    assert (a.intent, a.role, a.section) == ("role", SEMISOLID, "overview")


def test_shorthand_for_next() -> None:
    _, _, a = talk("how do I become a director of pharmacy operations", "the second one?", "what comes nxt on its path")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


def test_which_one_is_still_at_work_in_the_evening_is_their_day() -> None:
    (a,) = talk("sig librarian or respite med coordinator: which of them is still working until the evening?", e=with_pages("conv318"))
    assert (a.intent, a.role, a.section) == ("role", "medical-respite-medication-coordinator", "day_in_the_life")


def test_a_correction_inside_one_message_replaces_what_it_corrects() -> None:
    (a,) = talk("the data feed one. no wait, the sig librarian one. their day?", e=with_pages("conv318"))
    assert (a.intent, a.role, a.section) == ("role", "prescription-directions-standards-coordinator", "day_in_the_life")


def test_an_apology_is_no_correction() -> None:
    """Guard: "sorry to bother you" corrects nothing before it."""
    (a,) = talk("hi there. sorry to bother you, what does CPOM cover?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))
