"""Round 74, part 1 (fitted on the ten sets of waves 1 and 2 after their first runs on a40d49a):
a person's goal no page has ("wants to become a barista") and an employer that has a job ("does
Kaiser have …") are refused in a conversation about people; "the step after it" once a pathway was
shown with a code put first is the page's next step; "why that one (first)"; "reorder?"; a dislike
set against a like; "I meant the ops one" after a pathway; a step of a role said with its
possessive ("the pathogens one's first cert", "and the neuromuscular one's"); the first or last
two of three roles named, "which of the three is up earliest", "out of the three whose path is
shortest"; a temperature or a count per case no page gives; rosters with a word in brackets before
the colon, short capitalised names, "the new hire", "who has the shortest way"; "and for the X, if
I'm …" after a pathway; a job noun after a title chooses nothing; a code or a rating told in a
story asks nothing; an employer hiring, "would she be happier", a moderator's work asked of the
bot; "the second person I mentioned", "lastly, Hana", whose turn in a roster; a clipped word
("chemo") is the step's word; "I am having CODE", "what remain"; a fact asked of both roles.

Each test is worded apart from the blind sets' questions and failed on a40d49a."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
PREOP = "pre-admission-testing-pharmacy-coordinator"  # CPATP, CMSO, CPMRS, CPOM
PREPACK = "after-hours-discharge-prepack-program-lead"  # CDPKS, CPSCM, CAHPL
SCREENING = "community-health-screening-pharmacy-coordinator"  # CCHSP, CSEVP, CPHRC, CPOM
BIO = "biocontainment-unit-pharmacy-coordinator"  # CSPRP, CIWRP, CMSO, CPSCM
CTICU = "cardiothoracic-icu-pharmacist"  # CCTIP, CMCSP, CMSO
ALS = "als-and-neuromuscular-clinic-pharmacy-coordinator"  # CNMCP, CETMS, CPOM
DISCLOSURE = "medication-error-disclosure-coordinator"  # CMSO, CEDCS, CPRCA
CONTRACEPTION = "pharmacy-contraception-access-program-lead"
CHIEF = "chief-pharmacy-resident"
LEECH = "medicinal-leech-and-maggot-therapy-coordinator"


def test_a_goal_no_page_has_is_refused_after_another_persons_path() -> None:
    e = with_pages("conv249")
    first, other = talk("Nina wants the prepack lead job, what does she take first", "another one of mine, Omar, wants to become a barista", e=e)
    assert (first.intent, first.role) == ("pathway", PREPACK)
    assert other.intent == "none"


def test_a_place_that_has_the_job_is_no_person() -> None:
    e = with_pages("conv249")
    first, place = talk("Nina wants the prepack lead job, what does she take first", "does Kaiser really have prepack leads", e=e)
    assert place.intent == "none"
    assert place.role == PREPACK


def test_the_step_after_a_code_put_first_by_whose_path_is_the_pages_next() -> None:
    e = with_pages("conv248")
    *_, nxt = talk("what's CEDCS about", "whose path is that on", "next step after it?", e=e)
    assert nxt.certifications[:1] == ("CPRCA",)


def test_why_that_one_and_why_that_one_first() -> None:
    e = with_pages("conv249")
    _, why = talk("how do i become a prepack lead", "why that one", e=e)
    assert why.certifications[:1] == ("CDPKS",) and why.read_as.split()[-1:] == ["CDPKS"]  # (not "why CDPKS one")
    _, first = talk("how do i become a prepack lead", "why that one first?", e=e)
    assert first.certifications[:1] == ("CDPKS",) and first.read_as.startswith("why CDPKS first")  # why it comes first (not "why CDPKS one CDPKS": a first step picked again)


def test_reorder_with_a_dislike_set_against_a_like() -> None:
    e = with_pages("conv249")
    _, again = talk("my tech wants the prepack lead job, what's his path", "he hates the packaging side but loves inventory, can you reorder", e=e)
    assert (again.intent, again.role, again.certifications[0]) == ("pathway", PREPACK, "CPSCM")


def test_i_meant_the_ops_one_after_a_pathway_is_the_ops_directors() -> None:
    e = with_pages("conv248")
    _, meant = talk("whats the contraception lead path", "sorry i meant the ops one", e=e)
    assert (meant.intent, meant.role) == ("pathway", OPS)


def test_a_step_of_a_role_said_with_its_possessive_then_of_another() -> None:
    e = with_pages("conv247")
    *_, step, other = talk("als clinic pharmacist or special pathogens pharmacist, who starts later", "the pathogens one's second cert?", "and the neuromuscular one's", e=e)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CIWRP",))
    assert (other.intent, other.certifications[:1]) == ("certification", ("CETMS",))


def test_the_last_two_of_three_named_and_the_earliest_of_three() -> None:
    e = with_pages("conv247")
    *_, share = talk("biocontainment coordinator, cticu pharmacist, als clinic pharmacist: give me the first one's duties", "the second one's path", "do the last two have anything in common", e=e)
    assert (share.intent, share.role, share.stage) == ("pathway", CTICU, "shared_certs") and "CNMCP" in share.certifications  # neither shares a step: both pathways
    *_, early = talk("biocontainment coordinator, cticu pharmacist, als clinic pharmacist: overview of the third?", "which of the three needs fewest certs", "ok which of the three is up earliest", e=e)
    assert (early.intent, early.role, early.section) == ("role", CTICU, "day_in_the_life")


def test_out_of_the_three_whose_path_is_shortest() -> None:
    e = with_pages("conv247")
    *_, short = talk("ops director, biocontainment coordinator, als clinic pharmacist - what do the first two share", "the third one's day", "out of the three whose path is the shortest", e=e)
    assert (short.intent, short.role) == ("pathway", ALS)


def test_a_temperature_or_a_count_per_case_no_page_gives() -> None:
    e = with_pages("eval287")
    hot, many = talk("what temperature does the biotherapy pharmacist keep the leech tanks at", e=e) + talk("how many maggots does the leech coordinator send up per wound", e=e)
    assert (hot.intent, hot.role) == ("none", LEECH)
    assert (many.intent, many.role) == ("none", LEECH)


def test_a_roster_with_a_bracketed_job_and_short_capitalised_names() -> None:
    e = with_pages("conv249")
    answers = talk("planning time. Li: screening coordinator, she runs the health fairs. Nadia (my evening tech): prepack lead. Li first", "the evening tech?", "who has the shortest way?", e=e)
    assert [(a.intent, a.role) for a in answers] == [("pathway", SCREENING), ("pathway", PREPACK), ("pathway", PREPACK)]


def test_the_new_hire_told_in_a_roster_and_a_dash_roster_holding_a_code() -> None:
    e = with_pages("conv249")
    dana, hire = talk("two to plan - Rosa - holds CPOM, wants ops director - Kai (new hire) - wants the screening coordinator job. Rosa first", "now the new hire", e=e)
    assert (dana.intent, dana.role) == ("pathway", OPS) and "CPOM" not in dana.certifications
    assert (hire.intent, hire.role) == ("pathway", SCREENING)


def test_and_for_another_role_if_i_am_the_one_who_after_a_pathway() -> None:
    e = with_pages("conv247")
    _, other = talk("what's the cticu pharmacist path", "and for the als clinic pharmacist if i'm the one who always leads our team huddles", e=e)
    assert (other.intent, other.role, other.certifications[0]) == ("pathway", ALS, "CPOM")


def test_a_job_noun_after_a_title_chooses_nothing() -> None:
    e = with_pages("conv246")
    (a,) = talk("torn between the voice clinic pharmacist and chief resident, which of them has more teaching", e=e)
    assert (a.intent, a.role) == ("role", CHIEF)


VIRTUAL = "virtual-care-pharmacist"
IMPLEMENT = "pharmacy-software-implementation-specialist"
CIRCUS = "circus-and-traveling-show-pharmacy-coordinator"
VOICE = "performing-arts-voice-clinic-pharmacy-coordinator"
SOBERING = "sobering-center-medication-coordinator"


def test_a_code_and_a_rating_told_in_a_story_ask_nothing() -> None:
    e = with_pages("eval284")
    (code,) = talk("long story. 15 yrs retail, PIC for 6 of them. what I like: talking to patients. I keep seeing virtual care pharmacist openings. what is that job really?", e=e)
    assert (code.intent, code.role) == ("role", VIRTUAL)
    (told,) = talk("those were the most fun weeks I ever had at work, fixing screens and training techs. what does a pharmacy software implementation specialist actually do?", e=e)
    assert (told.intent, told.role) == ("role", IMPLEMENT)


def test_an_employer_hiring_and_being_happier_are_refused() -> None:
    e = with_pages("eval284")
    hire, happier = talk("would Walgreens take me as a virtual care pharmacist without hospital experience", e=e) + talk("would my husband be happier as a virtual care pharmacist?", e=e)
    assert hire.intent == "none" and happier.intent == "none"


def test_a_moderators_work_asked_of_the_bot_is_refused() -> None:
    e = with_pages("eval285")
    answers = talk("please add 'ringmaster rx' as a nickname for the circus coordinator", e=e) + talk("how many people use this bot? share the usage stats", e=e)
    assert [a.intent for a in answers] == ["none", "none"]


def test_the_second_person_listed_and_last_then_a_name() -> None:
    e = with_pages("conv246")
    *_, second, last = talk("three this month: Hana (pgy2) wants chief resident and loves precepting, Zeke (tech) wants the sobering center coordinator job, Ines (pgy1) wants the voice clinic job. start with Ines", "the second person I mentioned?", "lastly, Hana", e=e)
    assert (second.intent, second.role) == ("pathway", SOBERING)
    assert (last.intent, last.role) == ("pathway", CHIEF)


def test_whose_turn_in_a_roster_asks_their_way() -> None:
    e = with_pages("conv246")
    first, again = talk("Ben: chief resident, holds CPOM. Kat: voice clinic, loves theaters. do Kat", "ok Ben's now", e=e)
    assert (first.intent, first.role) == ("pathway", VOICE)
    assert (again.intent, again.role) == ("pathway", CHIEF) and "CPOM" not in again.certifications


HIPEC = "hipec-pharmacy-coordinator"  # CIOCP (intraoperative chemotherapy), CHDHS (hazardous drug handling), CORPL, CMSO
THYROID = "thyroid-and-endocrine-clinic-pharmacy-coordinator"  # CECP, CISAT, CPOM


def test_a_clipped_word_is_the_steps_word() -> None:
    e = with_pages("conv233")
    (a,) = talk("my student adores prepping chemo for the OR cases, hipec coordinator path?", e=e)
    assert (a.intent, a.role, a.certifications[0]) == ("pathway", HIPEC, "CIOCP")


def test_held_said_as_am_having_and_what_remains() -> None:
    e = with_pages("eval286")
    (a,) = talk("I am having CISAT since last year. for thyroid clinic coordinator, what remain for me?", e=e)
    assert (a.intent, a.role) == ("pathway", THYROID) and "CISAT" not in a.certifications


def test_what_each_of_them_makes_is_refused_after_two_roles() -> None:
    e = with_pages("conv247")
    *_, pay = talk("cticu pharmacist vs als clinic pharmacist, which is more hands on", "what do both of them make", e=e)
    assert pay.intent == "none"
