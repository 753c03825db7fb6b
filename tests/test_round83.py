"""Round 83 (fitted on the round's first wave, eval332–333 and conv303–305, after their first runs
on c239956): a certification held when the member "did" it somewhere or "holds" it in a cleft
("it is CRPWS that I hold"), or held as "the first one" of the pathway just shown; "I don't have
CMSO" after a step's card; the same step of another role ("and on the app support one?") and
"cert 3 on the app one"; "is that really first?" after a pathway in the member's order; words of
the trade that belong together (lab, numbers, privacy); dislikes said as what "makes me want to
scream", "sounds boring" or is "tedious"; a clock time in four digits ("0800"); a role's other
name without its leading initialism ("the push lead"); "other one's evening?". Refused: how many
questions an exam has, who the council's officers are, a named person, venting, another board's
credential, which finalist to hire, whether a residency is a must-have.

Each test is worded apart from the blind sets' questions and failed on c239956, but the guards
(noted in their docstrings). A second commit, fitted on the round's second wave once its first runs
on 22e5a56 were recorded: "no, scrap that, I meant …" after a pathway; "forget the ops director, …"
sets that role's words aside; "is it true … the only pharmacist in the building" when the page
says so; a role's other name orders no steps; a word of the trade no page uses ("informatics") is
not corrected into one; who of the people should get an internship or the one seat is refused."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
CRYO = "cryogenic-storage-pharmacy-coordinator"  # CCTSH, CCOIC, CLNSO, CPSCM
NITRO = "nitrosamine-impurity-risk-assessor"  # CIRAS, CTIAS, CRSUB, CPSCM
DISPENSING = "dispensing-practice-pharmacy-manager"  # CDPM, CRPWS, CPSCM, CMURF
DEVIATION = "pharmaceutical-deviation-investigator"  # CDEVI, CRCAP, CBRIA
LINE = "packaging-line-clearance-specialist"  # CLCVS, CGDPT, CMSO, CPDVI
APP = "pharmacy-app-support-specialist"  # CDPSS, CAIVT, CSTKA, CPOM
IV_PUSH = "iv-push-safe-practices-coordinator"  # often called the IV push lead


def test_a_certification_the_member_did_somewhere_is_held() -> None:
    e = with_pages("conv304")
    first, then = talk("how do i become a cryogenic storage pharmacy coordinator", "did CCTSH through my last employer, so where do i begin now", e=e)
    assert first.certifications[0] == "CCTSH"
    assert (then.intent, then.role, then.certifications[0]) == ("pathway", CRYO, "CCOIC") and "CCTSH" not in then.certifications


def test_it_is_this_one_that_i_hold_not_that_one() -> None:
    e = with_pages("conv305")
    _, a = talk("the pathway for the dispensing practice pharmacy manager please", "Apologies, it is CRPWS that I hold, not CDPM. Where do I begin?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", DISPENSING, "CDPM") and "CRPWS" not in a.certifications


def test_the_first_one_held_then_what_comes_next_for_me() -> None:
    e = with_pages("conv305")
    _, a = talk("the pathway for the dispensing practice pharmacy manager please", "I have the first one already. What is next for me?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", DISPENSING, "CRPWS")


def test_not_held_after_all_after_a_steps_card() -> None:
    e = with_pages("conv303")
    first, _, again = talk(
        "I did CMSO through work last year. what else would I need to be a packaging line clearance specialist?",
        "and the last one?",
        "hmm, I don't hold CMSO actually, it was only an in-house course",
        e=e,
    )
    assert "CMSO" not in first.certifications
    assert (again.intent, again.role) == ("pathway", LINE) and "CMSO" in again.certifications


def test_the_same_step_of_a_role_named_by_its_title_words() -> None:
    e = with_pages("conv303")
    first, a = talk("whats step 2 on the line clearance specialist path?", "and on the app support one?", e=e)
    assert first.certifications == ("CGDPT",)
    assert (a.intent, a.certifications) == ("certification", ("CAIVT",))


def test_cert_three_on_a_role_said_as_the_x_one() -> None:
    e = with_pages("conv303")
    _, a = talk("what does the app support specialist do", "cert 3 on the app one?", e=e)
    assert (a.intent, a.certifications) == ("certification", ("CSTKA",))


def test_is_that_really_first_after_a_dislike_keeps_the_pathway() -> None:
    e = with_pages("conv304")
    first, again = talk("how do i become a dewar coordinator? rack mapping is so boring", "is that really first?", e=e)
    assert first.certifications[0] != "CCTSH"
    assert (again.intent, again.role, again.certifications[0]) == ("pathway", CRYO, first.certifications[0])


def test_words_of_the_trade_that_belong_together() -> None:
    e = with_pages("conv304")
    (a,) = talk("i love lab work. how do i become a nitrosamine impurity risk assessor", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", NITRO, "CTIAS")


def test_what_makes_the_member_want_to_scream_or_is_tedious_comes_last() -> None:
    e = with_pages("conv304")
    (a,) = talk("nitrosamine impurity risk assessor path? writing reports makes me want to scream", e=e)
    assert (a.intent, a.role) == ("pathway", NITRO) and a.certifications[-1] == "CRSUB"
    e = with_pages("conv305")
    (a,) = talk("Deviation investigator pathway, please. I find writing long documentation rather tedious.", e=e)
    assert (a.intent, a.role) == ("pathway", DEVIATION) and a.certifications[0] != "CDEVI"


def test_a_clock_time_in_four_digits_asks_for_the_day() -> None:
    (a,) = talk("ops director 0800?")
    assert (a.intent, a.role, a.section) == ("role", OPS, "day_in_the_life")


def test_a_pages_other_name_without_its_initialism() -> None:
    e = with_pages("eval332")
    (a,) = talk("what does the push lead do after lunch", e=e)
    assert (a.intent, a.role, a.section) == ("role", IV_PUSH, "day_in_the_life")


def test_a_common_name_left_by_an_initialism_is_nobodys() -> None:
    """Guard: "often called the HD program lead" makes no "program lead" of it, so "the patient
    assistance program manager job" is still that role (this passed on c239956 too)."""
    e = with_pages("conv62")
    (a,) = talk("i want the patient assistance program manager job, what's my path", e=e)
    assert (a.intent, a.role) == ("pathway", "patient-assistance-program-manager")


def test_other_ones_evening_after_two_days() -> None:
    e = with_pages("conv209")
    _, second, other = talk("what does the SDS coordinator do in the morning", "and the hemorrhage kit lead's day?", "other one's evening?", e=e)
    assert second.role == "postpartum-hemorrhage-kit-pharmacy-coordinator"
    assert (other.intent, other.role) == ("role", "pharmacy-hazard-communication-coordinator")


def test_facts_no_page_gives_and_no_question_at_all_are_refused() -> None:
    e = with_pages("eval333")
    for question in (
        "how many qs are on the CPCCP exam",
        "who is council's president, name please",
        "tell me what you know about Dr. Anil Mehta, he wants our PICU post",
        "we have two finalists for the PICU job, one holds CPCCP and one holds CPDCS. which one should we hire?",
        "is a PGY1 residency mandatory for the ERAS pharmacist job?",
        "does a CPhT count for anything here?",
        "double shift and no break again. why do i even do this",
        "another candidate turning down our offer this week",
    ):
        (a,) = talk(question, e=e)
        assert a.intent == "none", question


def test_what_she_would_rather_skip_comes_last() -> None:
    e = with_pages("conv298")
    (a,) = talk("she'd rather avoid the registry data side. how does she become a teratology information pharmacist", e=e)
    assert (a.intent, a.role) == ("pathway", "teratology-information-pharmacist") and a.certifications[-1] == "CPRDM"


def test_who_does_a_duty_is_answered_with_the_duties_not_a_moment_of_the_day() -> None:
    e = with_pages("conv38")
    (a,) = talk("who does vault counts and opioid audits?", e=e)
    assert (a.intent, a.role, a.section) == ("role", "pharmacy-diversion-prevention-manager", "responsibilities")


# ---------------------------------------------------------------- a second commit (after 22e5a56),
# fitted on the round's second wave (eval334, conv306-307) once their first runs were recorded;
# each failed on 22e5a56, but the guard

def test_scrap_that_i_meant_another_role_after_a_pathway() -> None:
    e = with_pages("conv307")
    _, a = talk("which certs does a secure hospital pharmacy technician lead need?", "no, scrap that, I meant the ward medicines administration technician", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", "ward-medicines-administration-technician", "CMATP")


def test_forget_one_role_its_words_order_nothing() -> None:
    e = with_pages("conv307")
    (a,) = talk("forget the ops director, which certs does the locked ward tech lead need?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", "secure-hospital-pharmacy-technician-lead", "CSEMH")


def test_is_it_true_with_a_small_word_the_page_writes() -> None:
    e = with_pages("conv307")
    (a,) = talk("is it true the SARC pharmacist is usually the only pharmacist in the building?", e=e)
    assert (a.intent, a.role) == ("role", "sexual-assault-referral-centre-pharmacist")


def test_is_it_true_with_a_figure_no_page_writes_is_still_refused() -> None:
    """Guard: a claim whose content words no page writes stays refused (this passed on 22e5a56 too)."""
    e = with_pages("conv307")
    (a,) = talk("is it true the SARC pharmacist works every single weekend?", e=e)
    assert a.intent == "none"


def test_the_other_name_of_a_role_orders_nothing() -> None:
    e = with_pages("conv306")
    (a,) = talk("i'd like the chelation job and insurance work is my thing, where do i begin", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", "thalassemia-center-pharmacy-coordinator", "CPFAN")


def test_a_word_of_the_trade_no_page_uses_is_not_corrected_into_one() -> None:
    e = with_pages("eval334")
    _, a = talk("what does the safeguarding lead pharmacist do", "what does a pharmacy informatics pharmacist do? a friend keeps talking about informatics", e=e)
    assert a.intent == "none" and a.role is None


def test_choosing_among_people_after_a_pathway_is_refused() -> None:
    e = with_pages("conv306")
    for question in ("which of them should get the summer internship", "only one seat left on the course, which of them?"):
        _, a = talk("what certs does the RPM pharmacist need", question, e=e)
        assert a.intent == "none", question
