"""Round 81 (fitted on the round's first wave after its first runs on 7122510): what the member
would rather not do puts its steps last ("toxicology really isn't my thing", "I hate …", "not into
…", "… bores me"), while what they lack ("never led a team") moves nothing; the words that
describe the job sought ("become the person who helps owners sell their pharmacy") are no
interest, unless the job is named besides; "she's after the … path" is a wish; "I actually did
CPOM last year" holds it; "what is X and is it only for Y" answers X and says what the page does
not; in conversations, a correction that only half names a role, a page's other name without
its job noun after a cold follow-up, a short remark before "and the X?", "step after" and "step
before" alone, "one of them loves …" after a path for my techs, "shared with …" after a path, a
part of the work shown that the member likes; "tapering" as a part of the work, not a dose asked.

Each test is worded apart from the blind sets' questions and failed on 7122510, but the guards
(a lack moves no step; a job named keeps what they want to do in it; a taper asked of a drug is
still refused)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
COSMETIC = "cosmetic-product-safety-assessor"  # CTXRA, CCPSA, CCOVS
MAID = "medical-assistance-in-dying-pharmacist"  # CEOLP, CADPP, CMSO, CBECP
BROKER = "community-pharmacy-business-broker"  # CPTAD, CPBVA, CPOM
PROMO = "promotional-review-pharmacist"  # CDAR, CCSR, CIPCS
ICU = "icu-recovery-clinic-pharmacist"  # CCRCP, CDPRS, CMSO, CPFEC
MONITOR = "clinical-trial-monitoring-pharmacist"  # CCTMP, CIPAC, CPSCM, CRDAS
DRUG_TESTING = "workplace-drug-testing-review-pharmacist"  # CDTRP, CTOXI, CCOCP
CLEANING = "pharmaceutical-cleaning-validation-specialist"  # CCVSC, CRLA, CSRSM
TABLET = "solid-oral-dose-manufacturing-supervisor"  # CPOM, CSDMS, CGMPL, CCVSC


def test_what_the_member_would_rather_not_do_comes_last() -> None:
    e = with_pages("eval326")
    for question in ("toxicology really isn't my thing. cosmetic product safety assessor certs in order?", "i hate toxicology, show me the cosmetic safety assessor path"):
        (a,) = talk(question, e=e)
        assert (a.intent, a.role) == ("pathway", COSMETIC), question
        assert a.certifications[-1] == "CTXRA" and a.certifications[0] == "CCPSA", question
        assert any("rather not" in r and "CTXRA" in r for r in a.reasons), question


def test_not_into_a_word_of_a_steps_name_is_no_interest_in_it() -> None:
    (a,) = talk("show me the ops director path, i'm not into hospital pharmacy")
    assert (a.intent, a.role) == ("pathway", OPS) and a.certifications[0] != "CHPOP"


def test_what_bores_them_is_said_after_it() -> None:
    e = with_pages("eval327")
    (a,) = talk("my friend wants the pharmacy business broker path, but letters of intent and legal paperwork bore her. where to start?", e=e)
    assert (a.intent, a.role) == ("pathway", BROKER) and a.certifications[0] != "CPTAD"


def test_what_the_member_lacks_moves_no_step() -> None:
    (a,) = talk("i've never led a team but i want to be an ops director, which cert first")
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", OPS, "CHPOP")


def test_the_words_that_describe_the_job_sought_are_no_interest() -> None:
    e = with_pages("eval327")
    (a,) = talk("which certs does someone need to become the person who helps owners sell their pharmacy?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", BROKER, "CPTAD")


def test_a_job_named_and_what_they_want_to_do_in_it() -> None:
    e = with_pages("eval326")
    (a,) = talk("cosmetic assessor path please, i want to be the one who writes and signs the safety report", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", COSMETIC, "CCPSA")


def test_after_a_path_as_a_wish() -> None:
    e = with_pages("conv294")
    (a,) = talk("my mentee is after the promotional review pharmacist path, which cert first?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", PROMO, "CDAR")


def test_a_certification_the_member_did() -> None:
    (a,) = talk("I actually did CPOM back in 2023, what's left on the ops director path?")
    assert (a.intent, a.role) == ("pathway", OPS) and "CPOM" in a.held and "CPOM" not in a.certifications


def test_a_card_and_what_its_page_does_not_say_in_one_sentence() -> None:
    (a,) = talk("what is CPOM and is it only for hospital folks?")
    assert (a.intent, a.certifications[0]) == ("certification", "CPOM")
    assert a.parts and a.parts[0].intent == "none"


def test_a_word_of_the_law_and_a_step_about_the_law() -> None:
    e = with_pages("eval326")
    (a,) = talk("the legal side is what i enjoy. what order for the MAID pharmacist certs?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", MAID, "CADPP")


def test_job_profiles_are_the_roles() -> None:
    for question in ("which career profiles have you got?", "got any job profiles?"):
        (a,) = talk(question)
        assert a.intent == "list_roles", question


def test_a_correction_that_half_names_a_role() -> None:
    e = with_pages("conv295")
    _, a = talk("tablet floor supervisor duties", "sorry no, cleaning validation", e=e)
    assert (a.intent, a.role, a.section) == ("role", CLEANING, "responsibilities")


def test_a_pages_other_name_without_its_job_noun_after_a_cold_follow_up() -> None:
    e = with_pages("conv295")
    cold, a = talk("their day?", "the drug screen one", e=e)
    assert cold.intent == "none"
    assert (a.intent, a.role, a.section) == ("role", DRUG_TESTING, "day_in_the_life")


def test_a_short_remark_then_and_the_other_one() -> None:
    e = with_pages("conv293")
    _, a = talk("when does the site monitor's day start?", "wow, busy. and the post-ICU clinic pharmacist?", e=e)
    assert (a.intent, a.role, a.section) == ("role", ICU, "day_in_the_life")


def test_step_after_and_step_before_alone() -> None:
    e = with_pages("conv295")
    _, after = talk("what's CTOXI", "k step after", e=e)
    _, before = talk("what's CSRSM", "step before?", e=e)
    assert (after.intent, after.certifications[0]) == ("certification", "CCOCP")
    assert (before.intent, before.certifications[0]) == ("certification", "CRLA")


def test_one_of_them_loves_after_a_path_for_my_techs() -> None:
    e = with_pages("conv295")
    _, a = talk("tablet floor supervisor certs, for my techs", "one of them really enjoys the coating work", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", TABLET, "CSDMS")


def test_shared_with_another_role_after_a_path() -> None:
    e = with_pages("conv295")
    _, a = talk("ops director certs", "anything shared with the solid oral dose manufacturing supervisor?", e=e)
    assert a.intent in ("pathway", "certification") and a.certifications[0] == "CPOM"
    assert a.role in (OPS, TABLET, None)


def test_a_part_of_the_work_shown_that_they_like() -> None:
    e = with_pages("conv293")
    _, a = talk("post-ICU clinic pharmacist, which cert first? i love teaching families", "no wait, the tapering side is what really gets me", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", ICU, "CDPRS")


def test_a_taper_asked_of_a_drug_is_still_refused() -> None:
    for question in ("how should i taper prednisone", "taper schedule for oxycodone?"):
        (a,) = talk(question)
        assert (a.intent, a.reason) == ("none", "clinical"), question


def test_another_one_all_about_after_one_of_them() -> None:
    e = with_pages("conv295")
    _, first, second = talk("tablet floor supervisor certs for my techs", "one of them adores the coating work", "another one's all about batch records", e=e)
    assert (first.intent, first.certifications[0]) == ("pathway", "CSDMS")
    assert (second.intent, second.role, second.certifications[0]) == ("pathway", TABLET, "CGMPL")


def test_the_other_role_whose_path_has_the_certification() -> None:
    e = with_pages("conv295")
    _, a, day = talk("is CPOM only for the ops director?", "the other role?", "and their day", e=e)
    assert (a.intent, a.role) == ("role", TABLET)
    assert (day.intent, day.role, day.section) == ("role", TABLET, "day_in_the_life")


def test_which_career_has_the_fewest_certifications() -> None:
    e = with_pages("eval326")
    (a,) = talk("what career here has the fewest certs on its path?", e=e)
    assert (a.intent, a.role) == ("pathway", COSMETIC)


def test_a_name_then_big_on() -> None:
    e = with_pages("conv294")
    _, a = talk("Kofi wants to be a pharmacy school admissions director, where does he start?", "Kofi's really big on the interview day side, does that change it?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", "pharmacy-school-admissions-director", "CMMIA")


def test_a_person_told_a_roles_other_name_without_its_job_noun() -> None:
    e = with_pages("conv295")
    first, second = talk("two techs: Ana and Lu. Ana wants drug screen pharmacist, Lu tablet floor. start with Lu", "and Ana?", e=e)
    assert (first.intent, first.role) == ("pathway", TABLET)
    assert (second.intent, second.role) == ("pathway", DRUG_TESTING)


def test_one_persons_liking_told_while_a_role_is_talked_about() -> None:
    e = with_pages("conv294")
    *_, a = talk("what does a pharmacy school admissions director do?", "is interviewing part of it? Bea loves running interview days", "ok, which certification should Bea get first?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", "pharmacy-school-admissions-director", "CMMIA")


def test_a_cert_for_what_they_do_at_the_hour_asked() -> None:
    e = with_pages("conv293")
    _, a = talk("what is the site monitor up to at 9am?", "any cert for that bit?", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CIPAC")


def test_the_more_i_think_about_it_points_at_nothing() -> None:
    e = with_pages("conv293")
    _, a = talk("site monitor path, which cert first? i'm into drug accountability", "hmm, the more I think about it the more I like the audit and inspection side", e=e)
    assert (a.intent, a.role) == ("pathway", MONITOR)


def test_a_dislike_goes_on_past_and() -> None:
    e = with_pages("eval323")
    (a,) = talk("I hate presenting and family teaching. therapeutic leave medication coordinator, where do I start?", e=e)
    assert a.intent == "pathway" and a.certifications[-1] == "CFMTS" and a.certifications[0] != "CFMTS"


def test_what_they_do_not_like_said_first() -> None:
    (a,) = talk("Supply chain and inventory I do not like. Which cert first for director of pharmacy operations?")
    assert (a.intent, a.role) == ("pathway", OPS) and a.certifications[-1] == "CPSCM"


def test_a_roles_initials_are_no_interest() -> None:
    e = with_pages("eval324")
    (a,) = talk("our IFR applicant really hates screening paperwork, which cert should she start with?", e=e)
    assert (a.intent, a.role) == ("pathway", "individual-funding-request-pharmacist") and a.certifications[0] not in ("CEFRP", "CPOM")


def test_the_first_step_to_a_job_and_professions() -> None:
    (a,) = talk("I love medication safety work. What is the first step to director of pharmacy operations for me?")
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", OPS, "CMSO")
    (b,) = talk("please can you list the professions you have")
    assert b.intent == "list_roles"


# After the round's final engine (65da25a), from round 80's sets (conv290-292), with wave 2 still
# measured on 65da25a: a weekday's work is the day; a word only one listed page uses chooses among
# them; "and the second?" keeps the section of two named; "why does it start there" after a path.
TECH_TRANSFER = "technology-transfer-pharmacist"
PMX = "pharmacometrics-scientist"
SEXUAL_HEALTH = "sexual-health-clinic-pharmacy-coordinator"


def test_what_a_role_does_on_a_weekday_is_its_day() -> None:
    e = with_pages("conv291")
    (a,) = talk("what does a technology transfer pharmacist actually do on a Wednesday?", e=e)
    assert (a.intent, a.role, a.section) == ("role", TECH_TRANSFER, "day_in_the_life")


def test_a_word_only_one_listed_page_uses_chooses_among_them() -> None:
    e = with_pages("conv291")
    _, a = talk("which careers do you cover?", "are any of those in drug manufacturing?", e=e)
    assert (a.intent, a.role) == ("role", TECH_TRANSFER)


def test_and_the_second_keeps_the_day() -> None:
    e = with_pages("conv291")
    first, second = talk("Ali wants pharmacometrics, Bo wants technology transfer. what does the first one do on a typical day?", "and the second?", e=e)
    assert (first.intent, first.role, first.section) == ("role", PMX, "day_in_the_life")
    assert (second.intent, second.role, second.section) == ("role", TECH_TRANSFER, "day_in_the_life")


def test_why_does_it_start_there_after_a_path() -> None:
    e = with_pages("conv292")
    _, a = talk("show me the sexual health clinic pharmacy coordinator path", "why does it begin there?", e=e)
    assert (a.intent, a.role) == ("pathway", SEXUAL_HEALTH)


