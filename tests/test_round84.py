"""Round 84 (fitted on the round's first wave, eval335–336 and conv308–310, after their first runs
on c50390c; the second wave, eval337 and conv311–312, is held out and only measured): a new
person named after "and for" ("and for Mei, who's …") asks the same way for them; "the cold one"
after the member called a role "the cold storage one"; a page's other name that ends in its own
job noun ("often called the health champion") when the title's sentence describes the person;
"the … job appeals" orders nothing; a dislike said with "find … stressful", "had enough of", "get
away from"; the step most about a dislike is not first for a weaker like; "is CACPC on the PDT
path?", "is it the third one?" and "which step is it?" keep the page's order and say where it
stands, and "is CETEP still on it?" the order just shown; a step that only grazes a dislike keeps
its place; "and the last role?" and "no sorry, she meant the PDT one" keep the part asked; "and if
discharge letters bore me too?" and "I spent years on the appeals desk" retailor the pathway;
what describes the job sought ("become the pharmacist who reviews deaths …", "signs off that an
upgrade is safe …") orders nothing; "setting aside cost" asks no cost; "which careers does your
database include" lists the roles; "the first thing the ops director does" is the day; "I used to
do relief cover" seeks no certification; "… my bad. Theo has CPOM" holds it. Refused: how long
the way to a role named by its own word takes (a page's "many years of practice" is no
duration), whether employers hire someone "my age", "a Director of Nursing".

Each test is worded apart from the blind sets' questions and failed on c50390c, but the guards
(noted in their docstrings)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"  # CHPOP, CPOM, CMSO, CPSCM
CRYO = "cryogenic-storage-pharmacy-coordinator"  # CCTSH, CCOIC, CLNSO, CPSCM
CHAMPION = "healthy-living-pharmacy-champion"  # CHLPC, CBIAC, CPHCE
LPC = "local-pharmaceutical-committee-officer"  # CLPCR, CPSNE, CCMAS, CPOM
EPMA = "electronic-prescribing-clinical-safety-officer"  # CEPSA, CHLPR, CDCSO
MORTALITY = "medication-related-mortality-review-pharmacist"  # CSJRP, CLFDA, CMSO, CCIEP
OMBUDSMAN = "pharmacy-services-ombudsman"  # CPCRS, CHMED, CMSO, CSRWR
CRITERIA = "health-plan-coverage-criteria-pharmacist"  # CEVAP, CMPCW, CUMRP, CMSO
AUDIT = "network-pharmacy-audit-pharmacist"  # CPNAP, CCDR, CPSCM
PDT = "photodynamic-therapy-pharmacy-coordinator"  # CPSHP, CLBTS, CMSO, CACPC
LEAD = "childhood-lead-poisoning-prevention-pharmacist"  # CETEP, CHMCP, CPHOC, CPOM
EL = "extractables-and-leachables-pharmacist"  # CELRA, CCCIS, CAMVP, CPSCM
PCN = "primary-care-network-pharmacy-technician"  # CPCMT, CMOPT, CPCIE, CPSCM
SECURE = "secure-hospital-pharmacy-technician-lead"  # CSEMH, CFMHT, CPOM


def test_and_for_a_new_person_named_who_likes_something() -> None:
    e = with_pages("conv307")
    _, a = talk("my trainee Omar wants the secure hospital tech lead job, which cert should he do first", "and for Tanvi, who's always checking the ward security rules?", e=e)
    assert (a.intent, a.role) == ("pathway", SECURE)


def test_a_shorter_name_for_a_role_the_member_named_before() -> None:
    e = with_pages("conv304")
    _, _, a = talk("which roles can you tell me about", "tell me about the cold storage one", "what's the first cert for the cold one?", e=e)
    assert (a.intent, a.role) == ("pathway", CRYO)


def test_a_pages_other_name_ending_in_its_own_job_noun() -> None:
    """Guard: the title's word alone ("champion") still reads the role as before."""
    e = with_pages("eval335")
    (a,) = talk("what does the health champion actually do all week", e=e)
    assert (a.intent, a.role) == ("role", CHAMPION)
    (b,) = talk("HLP lead, what are their duties", e=e)
    assert (b.intent, b.role) == ("role", CHAMPION)


def test_a_job_that_appeals_orders_no_steps() -> None:
    e = with_pages("eval335")
    (a,) = talk("the LPC officer role really appeals to me, where would I start", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", LPC, "CLPCR") and not a.focus_words


def test_a_dislike_said_with_find_stressful() -> None:
    e = with_pages("eval336")
    (a,) = talk("my deputy finds legal hearings and court work really stressful. which order for the mortality review pharmacist certs?", e=e)
    assert (a.intent, a.role) == ("pathway", MORTALITY) and a.certifications[-1] == "CCIEP"


def test_the_step_most_about_a_dislike_is_not_first_for_a_weaker_like() -> None:
    """Guard: a like of its own ("loves procurement") keeps its step first, dislike or not."""
    e = with_pages("eval336")
    (a,) = talk("our informatics tech wants the EPMA safety officer post, but configuring and testing systems bores her. first cert?", e=e)
    assert (a.intent, a.role) == ("pathway", EPMA) and a.certifications[0] != "CEPSA"


def test_dislikes_said_as_had_enough_of_and_get_away_from() -> None:
    e = with_pages("conv310")
    for said in ("i've had enough of leading teams. ops director path, which first?", "i really want to get away from leading teams. ops director path, which cert first?"):
        (a,) = talk(said, e=e)
        assert (a.intent, a.role) == ("pathway", OPS) and a.certifications[-1] == "CPOM"


def test_is_it_on_the_path_keeps_the_pages_order() -> None:
    """Guard: "what about CPOM on the ops director pathway?" still puts the step asked about first."""
    e = with_pages("conv309")
    (a,) = talk("is CACPC on the photodynamic therapy pharmacy coordinator path?", e=e)
    assert (a.intent, a.role, a.certifications[0], a.focus) == ("pathway", PDT, "CPSHP", "CACPC")
    (b,) = talk("what about CPOM on the ops director pathway?", e=e)
    assert b.certifications[0] == "CPOM"


def test_is_that_code_the_third_one_after_a_pathway() -> None:
    e = with_pages("conv309")
    _, a = talk("what certs are on the E&L pharmacist path?", "is CAMVP the third one?", e=e)
    assert (a.intent, a.role, a.certifications[0], a.focus) == ("pathway", EL, "CELRA", "CAMVP")


def test_which_step_is_it_after_asking_whether_a_path_has_it() -> None:
    e = with_pages("conv309")
    _, a = talk("does the lead poisoning prevention pharmacist path include CPOM?", "which step is it?", e=e)
    assert (a.intent, a.role, a.focus) == ("pathway", LEAD, "CPOM") and a.certifications[0] == "CETEP"


def test_the_last_role_and_she_meant_keep_the_part_asked() -> None:
    e = with_pages("conv309")
    _, a = talk(
        "comparing the photodynamic therapy coordinator, the lead poisoning prevention pharmacist and the E&L pharmacist. what's the first one's day like?",
        "and the last role?",
        e=e,
    )
    assert (a.intent, a.role, a.section) == ("role", EL, "day_in_the_life")
    _, b = talk("walk me through the chelation pharmacist's day", "no sorry, he meant the PDT one", e=e)
    assert (b.intent, b.role, b.section) == ("role", PDT, "day_in_the_life")


def test_a_dislike_told_after_a_pathway_retailors_it() -> None:
    e = with_pages("conv308")
    _, a = talk("how would a tech become a PCN pharmacy technician", "and if medicine reconciliation bores me?", e=e)
    assert (a.intent, a.role) == ("pathway", PCN)


def test_years_spent_somewhere_told_after_a_pathway_retailor_it() -> None:
    e = with_pages("conv310")
    _, a = talk("criteria pharmacist certification path?", "and if I mention I spent years on a utilization review desk?", e=e)
    assert (a.intent, a.role) == ("pathway", CRITERIA)


def test_what_describes_the_job_sought_orders_nothing() -> None:
    e = with_pages("eval336")
    (a,) = talk("how does someone become the pharmacist who reviews every death and writes the evidence for coroners?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", MORTALITY, "CSJRP")
    (b,) = talk("certs needed to be the person who confirms that a new prescribing system is safe for clinical use?", e=e)
    assert (b.intent, b.role, b.certifications[0]) == ("pathway", EPMA, "CEPSA")


def test_setting_cost_aside_asks_no_cost() -> None:
    e = with_pages("eval336")
    (a,) = talk("leaving aside the fees, which certifications lead to the EPMA safety officer job?", e=e)
    assert (a.intent, a.role) == ("pathway", EPMA)


def test_which_careers_does_your_database_include_lists_them() -> None:
    (a,) = talk("which pharmacy careers does the database currently include?")
    assert a.intent == "list_roles"


def test_the_first_thing_a_role_does_is_its_day() -> None:
    (a,) = talk("what's the first thing the director of pharmacy operations does?")
    assert (a.intent, a.section) == ("role", "day_in_the_life")


def test_cover_in_a_sentence_that_tells_seeks_no_certification() -> None:
    e = with_pages("conv310")
    (a,) = talk("what's the onsite audit pharmacist's week like? I used to do locum cover across the region.", e=e)
    assert (a.intent, a.role) == ("role", AUDIT)


def test_how_long_the_way_to_a_role_named_by_its_own_word_takes_is_refused() -> None:
    """The ombudsman page's "many years of practice" is no duration; guard: the pathway alone is still answered."""
    e = with_pages("conv310")
    (a,) = talk("how many months does the ombudsman certification route take?", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")
    (b,) = talk("what's the ombudsman certification route?", e=e)
    assert (b.intent, b.role) == ("pathway", OMBUDSMAN)


def test_whether_employers_hire_someone_my_age_is_refused() -> None:
    (a,) = talk("would a hospital even consider hiring an ops director of my age?")
    assert a.intent == "none"


def test_is_it_still_on_it_after_a_tailored_pathway() -> None:
    e = with_pages("conv309")
    first, a = talk("my friend wants the lead poisoning prevention job but can't stand reading blood results. which cert first?", "is CETEP still on it?", e=e)
    assert (a.intent, a.role) == ("pathway", LEAD) and a.certifications[0] == first.certifications[0] and "CETEP" in a.certifications


def test_a_step_that_only_grazes_a_dislike_keeps_its_place() -> None:
    """CMSO's "an operations leader" grazes "leading teams"; CPOM ("leading pharmacy teams") goes last."""
    e = with_pages("conv310")
    (a,) = talk("i hold CHPOP and i've had enough of leading teams, what's left on the ops director path?", e=e)
    assert (a.intent, a.role, a.certifications) == ("pathway", OPS, ("CMSO", "CPSCM", "CPOM"))


def test_a_director_of_something_no_title_has_is_refused() -> None:
    """"a Director of Nursing": what the job is of belongs to its name (guard: the ops director still found)."""
    (a,) = talk("what would it take to become a director of nursing?")
    assert (a.intent, a.reason) == ("none", "unknown_role")
    (b,) = talk("what would it take to become a director of pharmacy operations?")
    assert (b.intent, b.role) == ("pathway", OPS)


def test_a_name_opening_a_sentence_has_a_certification() -> None:
    (a,) = talk("sorry, wrong thread. Ines has CPOM and wants the ops director job. what's next for her?")
    assert (a.intent, a.role) == ("pathway", OPS) and "CPOM" not in a.certifications
