"""Round 71, part 1 (fitted on the six sets of wave 1 after their first runs on ca3522f): "hands-on
with patients" weighs the patients; "common certs", and "those two roles" after two certifications
are the roles they are on; "I hold X. which has fewer left" (a cue's "^" opens every sentence of a
follow-up); two title words typed short and run together ("hazcom"); "… is simply called the set
pharmacist"; "tv"; "the shrink job"; "supplement pharm"; "diversion too"; "which for team leads",
"more with patients", "overlap" after two roles; "it's X I have" and a held certification
corrected; "it's the paperwork I actually enjoy"; "the first <thing>" of a clinical question;
"is the X job dangerous"; "I meant the X certs" and "sorry, I mean X" after an unanswered
follow-up.

Each test is worded apart from the blind sets' questions and failed on ca3522f."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
FALLS = "falls-prevention-pharmacy-consultant"
BENCH = "pharmacy-benchmarking-analyst"
WATER = "compounding-purified-water-systems-specialist"  # CPWSV, CMBTA, CMSO, CPOM
SPACE = "spaceflight-medication-kit-pharmacist"  # CSMSA, CFMKP, CPSCM, CMSO
PILGRIM = "pilgrimage-health-team-pharmacist"  # CMGHP, CHIRP, CPSCM
HAZCOM = "pharmacy-hazard-communication-coordinator"  # CHCPS, CPOM, CSDSM
PPH = "postpartum-hemorrhage-kit-pharmacy-coordinator"  # CMSO, COEKP, CPSCM, CLDMS
TRUCK = "truck-stop-clinic-pharmacist"  # CRHCP, CCDMR, CPOM, CMSO
BORDER = "border-health-clinic-pharmacy-liaison"  # CBMAS, CPHLC, CMSO
PAYROLL = "pharmacy-timekeeping-and-payroll-coordinator"  # CPWPA, CWHCS, CWSA, CPOM
FILM_CONSULTANT = "film-and-television-production-pharmacy-consultant"  # CPSCM, CTMKP, CCSTS
FILM = "film-and-television-production-pharmacy-liaison"  # CLMSC, CSMRS, CMSO, CPSCM
SUPPLEMENT = "dietary-supplement-review-pharmacist"  # CDSRP, CNPQA, CMSO
SHRINK = "pharmacy-shrink-reduction-analyst"  # CISRA, CPSCM, CPLDA, CPOM


def test_hands_on_with_a_topic_weighs_the_topic() -> None:
    e = with_pages("conv182")
    _, a = talk("ops director, benchmarking analyst or falls prevention consultant: does any of them need CPSCM?", "of those three, who is the most hands-on with patients", e=e)
    assert (a.intent, a.role) == ("role", FALLS)


def test_common_certs_between_two_roles() -> None:
    e = with_pages("conv202")
    _, a = talk("pilgrim pharmacist vs water systems specialist, which is about filters", "any common certs between the two?", e=e)
    assert (a.intent, a.reason) == ("pathway", "nothing_shared") and a.role in (PILGRIM, WATER)
    assert {"CMGHP", "CPWSV"} <= set(a.certifications)  # both pathways, an answer, not a refusal


def test_those_two_roles_after_two_certifications_are_the_roles_they_are_on() -> None:
    e = with_pages("conv202")
    *_, a = talk("what's CMBTA", "and CSMSA?", "do those two roles have a cert in common", e=e)
    assert (a.intent, a.reason, a.certifications[0]) == ("pathway", "in_common", "CMSO")
    assert a.role in (WATER, SPACE) and {"CPWSV", "CSMSA"} <= set(a.certifications)


def test_held_then_a_choice_in_the_next_sentence() -> None:
    e = with_pages("conv202")
    _, a = talk("pilgrimage health team pharmacist or spaceflight kit pharmacist, what do their paths look like", "I've got CPSCM already. which one has fewer left for me?", e=e)
    assert (a.intent, a.role) == ("pathway", PILGRIM)
    assert "CPSCM" not in a.certifications


def test_two_title_words_typed_short_and_run_together() -> None:
    e = with_pages("conv209")
    (a,) = talk("what are the main duties of a hazcom coordinator", e=e)
    assert (a.intent, a.role, a.section) == ("role", HAZCOM, "responsibilities")


def test_the_other_name_a_page_gives_after_the_title_noun() -> None:
    e = with_pages("conv211")
    (a,) = talk("what does a set pharmacist do all day", e=e)
    assert (a.intent, a.role, a.section) == ("role", FILM, "day_in_the_life")
    (b,) = talk("tv liaison pathway?", e=e)
    assert (b.intent, b.role) == ("pathway", FILM)


def test_a_word_only_one_title_has_then_job() -> None:
    e = with_pages("conv211")
    (a,) = talk("my coworker wants the shrink job, where does he start", e=e)
    assert (a.intent, a.role) == ("pathway", SHRINK)
    (b,) = talk("is the supplement pharm role mostly desk work", e=e)
    assert b.role == SUPPLEMENT


def test_a_topic_added_with_too_asks_of_the_same_thing() -> None:
    e = with_pages("conv211")
    _, a = talk("what does the shrink analyst do", "diversion as well?", e=e)
    assert (a.intent, a.role) == ("role", SHRINK)


def test_short_choices_after_two_certifications_or_roles() -> None:
    e = with_pages("conv211")
    _, _, a = talk("chpop", "cpom?", "k which for people managers", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CPOM")
    _, b = talk("shrink analyst vs supplement pharmacist", "most with patients?", e=e)
    assert (b.intent, b.role) == ("role", SUPPLEMENT)
    _, c = talk("shrink analyst vs supplement pharmacist", "overlap?", e=e)
    assert (c.intent, c.reason) == ("pathway", "nothing_shared") and {"CISRA", "CDSRP"} <= set(c.certifications)


def test_a_held_certification_corrected() -> None:
    e = with_pages("conv210")
    _, _, a = talk("payroll coordinator path please", "i have CPWPA", "no sorry, it's CWHCS i hold, not CPWPA. what's left?", e=e)
    assert (a.intent, a.role) == ("pathway", PAYROLL)
    assert a.certifications[0] == "CPWPA" and "CWHCS" not in a.certifications


def test_what_the_member_enjoys_said_with_it_is_retailors_the_pathway() -> None:
    e = with_pages("conv210")
    _, _, a = talk("how do i become a film and tv production pharmacy consultant", "which first if I love building kits", "hmm no, it's moving controlled meds across borders legally I really like", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", FILM_CONSULTANT, "CCSTS")


def test_the_first_of_a_thing_in_a_clinical_question_keeps_the_role_for_later() -> None:
    e = with_pages("conv209")
    first, a = talk("quick one for the PPH kit coordinator: what's the dose of the first drug you'd grab?", "ok then what's that coordinator's day like", e=e)
    assert first.intent == "none"
    assert (a.intent, a.role, a.section) == ("role", PPH, "day_in_the_life")


def test_a_quality_asked_of_a_job_no_page_gives_is_refused() -> None:
    e = with_pages("conv209")
    (a,) = talk("is the ops director job glamorous", e=e)
    assert (a.intent, a.role) == ("none", OPS)


def test_i_meant_a_roles_certs_after_an_unanswered_follow_up() -> None:
    e = with_pages("conv209")
    _, a = talk("and what's the second one?", "oh i meant the hazcom coordinator certs", e=e)
    assert (a.intent, a.role) == ("pathway", HAZCOM)
    _, b = talk("and their day?", "sorry, I mean the truck stop pharmacist", e=e)
    assert (b.intent, b.role, b.section) == ("role", TRUCK, "day_in_the_life")
    _, c = talk("which of them has the earlier start?", "I mean the hazcom coordinator and the truck stop pharmacist", e=e)
    assert (c.intent, c.role, c.section) == ("role", TRUCK, "day_in_the_life")
