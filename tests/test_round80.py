"""Round 80 (fitted on the round's first wave after its first runs on a29c3ce): a page's other
name said with what its initials stand for ("the irAE pharmacist"); "X one?" without its "the";
a step walk from a card through "whose path?"; a page's other names past a comma ("…, and in some
organisations the …", "… or, on psychiatric wards, the …"); a capitalised word between two names
of a list; a wish said once for two people ("Mo wants X and Lily Y"); "the second one" and "the
irAE one" among roles named in the same message; a fact named only in why the member asks; a
list of certifications across the roles; the cert after a code while something is held; an
interest said without "I" after a pathway; "why start there?" and "ok why is that first"; a word
of a role's page asked alone after it ("precepting?"); HR's words for duties, a notice period, an
advert's text, a full title.

Each test is worded apart from the blind sets' questions and failed on a29c3ce, but one guard
(a word that rates, "easy one?", describes nothing); "customs part?" staying a part of the duties
is checked beside "teaching?"."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
IRAE = "immunotherapy-toxicity-pharmacist"  # CCITP, CIRAE, COTTP, CMSO
MFM = "maternal-fetal-medicine-clinic-pharmacist"  # CPLMP, CMFPS, CPOM
LIVER = "hepatology-clinic-pharmacist"  # CHEPS, CVHTP, CPSCM
COMMUNITY = "community-pharmacist"  # CCPP, CVAXP, CPBRS, CPOM
IM = "internal-medicine-clinical-pharmacist"  # CIMPS, CPKDS, CTOCP, CMSO
TRANSFER = "pharmaceutical-technology-transfer-specialist"  # CTTS, CPVAL, CPSCM
RP = "wholesale-distribution-responsible-person"  # CGDPR, CPQMS, CTCDL, CPSCM
SPECIALS = "unlicensed-medicines-procurement-coordinator"  # CUMPS, CSPQA, CPSCM
DISPENSARY = "dispensing-practice-manager"  # CDPMG, CPOM, CDTRN, CMSO
IFR = "individual-funding-request-pharmacist"  # CEFRP, CHTAE, CPOM, CMCPL
UNLICENSED = "unlicensed-medicines-pharmacist"  # CULMP, CSPQA, CMSO, CPSCM
LEAVE = "therapeutic-leave-medication-coordinator"  # CTLMC, CFMTS, CMSO, CPOM


def test_a_pages_other_name_read_with_what_its_initials_stand_for_is_no_interest() -> None:
    e = with_pages("conv289")
    (a,) = talk("what certs for the irAE pharmacist, in order?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", IRAE, "CCITP")


def test_x_one_without_the() -> None:
    e = with_pages("conv290")
    _, card = talk("list every certification", "immunization one?", e=e)
    _, day = talk("community pharmacist day", "ops one?", e=e)
    assert (card.intent, card.certifications[0]) == ("certification", "CVAXP")
    assert (day.intent, day.role, day.section) == ("role", OPS, "day_in_the_life")


def test_a_rating_word_then_one_is_no_description() -> None:
    e = with_pages("conv290")
    _, a = talk("all the certs please", "easy one?", e=e)
    assert "the easy one" not in a.read_as.lower() and a.intent != "certification"


def test_a_step_walk_from_a_card_through_whose_path() -> None:
    e = with_pages("conv290")
    _, path, nxt, then = talk("what's CPKDS", "whose path is it on?", "and after that?", "after that?", e=e)
    assert (path.intent, path.role) == ("pathway", IM)
    assert (nxt.intent, nxt.certifications[0]) == ("certification", "CTOCP")
    assert (then.intent, then.certifications[0]) == ("certification", "CMSO")


def test_other_names_past_a_comma() -> None:
    for blind, question, role in (("eval324", "what does an exceptional funding lead do?", IFR), ("eval323", "what does the pass meds technician do all day", LEAVE)):
        (a,) = talk(question, e=with_pages(blind))
        assert (a.intent, a.role) == ("role", role), question


def test_a_common_word_between_two_names_is_a_name() -> None:
    e = with_pages("conv288")
    first, second = talk("Ravi, Hope and Ugo: the specials buyer, the RP and the dispensary manager, in that order. what's Ravi's path", "now Hope's", e=e)
    assert (first.intent, first.role, first.certifications[0]) == ("pathway", SPECIALS, "CUMPS")
    assert (second.intent, second.role) == ("pathway", RP)


def test_a_wish_said_once_for_two_people() -> None:
    e = with_pages("conv288")
    _, a = talk("Kai wants to be a dispensing practice manager and Lily an RP. which of the two jobs does more training?", "Lily's path then", e=e)
    assert (a.intent, a.role) == ("pathway", RP)


def test_the_nth_and_the_word_one_among_roles_named_in_the_same_message() -> None:
    e = with_pages("conv289")
    (second,) = talk("shortlist: liver clinic pharmacist, irAE pharmacist, MFM clinic pharmacist. duties of the second one?", e=e)
    assert (second.intent, second.role, second.section) == ("role", IRAE, "responsibilities")
    first, other = talk("weighing the liver clinic pharmacist against the irAE pharmacist. what's the liver one like day to day?", "and the other one's?", e=e)
    assert (first.intent, first.role, first.section) == ("role", LIVER, "day_in_the_life")
    assert (other.intent, other.role) == ("role", IRAE)


def test_a_fact_named_only_in_why_the_member_asks() -> None:
    e = with_pages("eval324")
    (a,) = talk("give me a line on what CEFRP is so the hiring panel knows what to look for", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CEFRP")
    (pay,) = talk("what's the salary for an IFR pharmacist so I can budget", e=e)
    assert pay.intent == "none"


def test_a_list_of_certifications_across_the_roles() -> None:
    e = with_pages("eval324")
    (a,) = talk("every cert across all your roles please, as a list", e=e)
    assert a.intent == "list_certifications"


def test_the_cert_after_a_code_while_something_is_held() -> None:
    e = with_pages("conv288")
    _, _, a = talk("my dispenser wants to move into managing a GP practice dispensary and she already trains everyone. first step?", "she has that one already", "and what's the cert after CDPMG on her path", e=e)
    assert (a.intent, a.certifications[0]) == ("certification", "CPOM")


def test_an_interest_said_without_i_after_a_pathway() -> None:
    e = with_pages("conv290")
    _, a = talk("internal medicine pharmacist path", "love the pharmacokinetics side", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", IM, "CPKDS")
    _, b = talk("ops director certs please", "supply chain nerd", e=e)
    assert (b.intent, b.role, b.certifications[0]) == ("pathway", OPS, "CPSCM")



def test_hr_words_for_duties_a_notice_period_an_advert_and_a_full_title() -> None:
    e = with_pages("eval324")
    (duties,) = talk("what are the accountabilities of the IFR pharmacist?", e=e)
    (notice,) = talk("how long a notice period does a specials pharmacist usually give", e=e)
    (advert,) = talk("write advert copy for the specials pharmacist", e=e)
    (title,) = talk("CHTAE - official title please, spelled out", e=e)
    assert (duties.intent, duties.role, duties.section) == ("role", IFR, "responsibilities")
    assert notice.intent == "none" and advert.intent == "none"
    assert (title.intent, title.certifications[0]) == ("certification", "CHTAE")


def test_why_start_there_and_why_is_that_first_after_a_pathway() -> None:
    e = with_pages("conv289")
    _, why = talk("how would I become an irAE pharmacist", "ok but why start there?", e=e)
    assert why.certifications[:1] == ("CCITP",) and why.intent in ("certification", "pathway")
    _, _, first = talk("hepatology clinic pharmacist path please", "I already hold CVHTP", "so why is that first then", e=e)
    assert first.certifications[:1] == ("CHEPS",) and first.intent in ("certification", "pathway")


def test_a_word_its_page_has_asked_after_a_role() -> None:
    e = with_pages("conv290")
    _, a = talk("what does an internal medicine pharmacist do", "teaching?", e=e)
    assert (a.intent, a.role) == ("role", IM)
    _, part = talk("ship pharmacy lead responsibilities", "customs part?", e=with_pages("conv121"))  # (a part of the duties stays read as such)
    assert (part.intent, part.section) == ("role", "responsibilities")
