"""What a message asks, apart from what it tells: the sentences that ask, the clinical words in
them, the member's own words, and the learned intent of a last clause. The knowledge is the
tests' own (tests/engine_kb.py); every question here is written for these tests."""

from __future__ import annotations

import pytest
from engine_kb import engine

from bot.engine import lexicon
from bot.engine.analyze import held_codes
from bot.engine.evidence import read
from bot.engine.match import trace
from bot.engine.tailor import tailor

OPS = "director-of-pharmacy-operations"


def _ask(q: str):
    return engine().ask(q)


# ---------------------------------------------------------------- clinical vocabulary


@pytest.mark.parametrize("question", lexicon.CLINICAL_EXAMPLES)
def test_clinical_vocabulary_examples_are_refused_as_clinical(question):
    t = trace(question, engine().index)
    assert (t.match.stage, t.match.intent, t.match.reason) == ("clinical", "none", "clinical"), question


@pytest.mark.parametrize("question", lexicon.CLINICAL_NEAR_MISSES)
def test_clinical_vocabulary_near_misses_are_not_refused_as_clinical(question):
    assert trace(question, engine().index).match.reason != "clinical", question


@pytest.mark.parametrize(
    "question",
    [
        "as a med safety officer, how would I know if a rash is from carbamazepine",
        "for the supply chain manager job, which antibiotic is best for a kid with strep",
        "ops director here - can a patient with a seizure history take bupropion?",
    ],
)
def test_a_role_named_on_the_way_does_not_make_a_clinical_question_a_career_one(question):
    a = _ask(question)
    assert (a.intent, a.reason) == ("none", "clinical"), question


@pytest.mark.parametrize(
    "question,intent",
    [
        ("which cert covers drug shortages for chemo and antibiotics", "certification"),  # a certification asked for
        ("who handles the heparin and insulin shortage", "role"),  # who does it
        ("I'm an oncology pharmacist who mixes chemo for kids all day, how do I become an ops director", "pathway"),  # their own work
        ("we lost a whole shipment of insulin and vaccines last week. does the supply chain manager handle that?", "role"),  # told, not asked
    ],
)
def test_clinical_words_in_a_career_question_or_a_told_sentence_are_not_clinical(question, intent):
    assert _ask(question).intent == intent, question


def test_a_code_in_the_telling_sentence_does_not_make_the_asked_one_a_career_question():
    a = _ask("studying for CPSCM - how long is an opened insulin vial good for once it's in the cabinet")
    assert (a.intent, a.reason) == ("none", "clinical")
    # … and clinical words only told do not make the asked sentence clinical
    a = _ask("our insulin and heparin conversion goes live soon and my manager put CMSO on my plan. what does it validate?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))


# ---------------------------------------------------------------- the sentences that ask


def test_sentences_that_ask_are_told_apart_from_those_that_tell():
    ev = read("I am finishing my licensure here. I have read about CMSO. Kindly, what does it validate?", engine().index)
    assert ev.a.asking == frozenset({2})
    assert read("what is CPOM? and CMSO?", engine().index).a.asking == frozenset()  # every sentence asks: none told apart


def test_what_is_only_told_asks_nothing_of_a_certification():
    a = _ask("I am finishing my licensure process here. I have read about the CMSO credential. Kindly, what does it validate?")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CMSO",))
    a = _ask("is there an error prevention cert? my preceptor mentioned it")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CEPRS",))
    a = _ask("I didn't do a residency. Do I need one to sit for CPOM?")  # the asked sentence still asks who may sit
    assert a.intent == "none"


def test_having_read_about_a_certification_is_not_holding_it():
    ix = engine().index
    assert held_codes(read("I have read about the CMSO credential", ix).a) == ()
    assert held_codes(read("I have heard of CPOM, is it good", ix).a) == ()
    assert held_codes(read("I have CMSO already", ix).a) == ("CMSO",)


# ---------------------------------------------------------------- the learned layer


@pytest.mark.parametrize(
    "question,intent",
    [
        ("hey bot, on my lunch break rn, what kinda stuff can i ask you", "help"),  # the last clause, "kinda" read as "kind of"
        ("Hi! New here, I'm a med safety officer. What can you help with?", "help"),  # their own job names no subject
        ("good morning from the ops director night crew lol. what do you do?", "help"),
        ("I'm in supply chain - what roles do you have spotlights for?", "list_roles"),
    ],
)
def test_the_ask_after_a_greeting_or_an_introduction_decides(question, intent):
    assert _ask(question).intent == intent, question


def test_examples_that_need_a_named_entity_do_not_compete_for_a_question_naming_none():
    ev = read("which career paths does the bot have info on", engine().index)
    for found in ev.learned_unnamed:
        assert all("{" not in nb.example.text for nb in found)
    assert _ask("which career paths does the bot have info on").intent == "list_roles"


def test_a_short_last_clause_is_not_read_on_its_own():
    assert _ask("thinking about the ptcb cpht, any tips?").intent == "none"


# ---------------------------------------------------------------- names and readings


def test_the_plural_of_an_abbreviation_reads_like_it():
    ix = engine().index
    assert "managers" in ix.expand(["mgrs"])  # "mgr: manager"
    assert "inventory" not in ix.expand(["stocks"])  # "stock: inventory", but "stocks" is an English word of its own


def test_an_unknown_code_spelled_out_or_named_before_exam_is_an_unknown_certification():
    for q in ("anyone know anything about the CSP certified specialty pharmacist cert?", "anyone taken the CSP specialty pharmacist exam? tips?"):
        a = _ask(q)
        assert (a.intent, a.reason) == ("none", "unknown_cert"), q


def test_a_certification_pathway_asks_for_a_pathway_not_a_certification():
    ev = read("what's the certification pathway to ops director", engine().index)
    assert ev.cert_nouns == ()
    assert _ask("what's the certification pathway to ops director").intent == "pathway"


def test_cheapest_asks_a_fee():
    a = _ask("which of the certifications is cheapest")
    assert (a.intent, a.reason) == ("none", "missing_fact")


# ---------------------------------------------------------------- tailoring


def test_what_the_member_loves_decides_the_first_step_over_what_they_do():
    ix = engine().index
    said = read("i already run our inventory and purchasing and honestly love safety work, how do i become ops director", ix)
    assert tailor(OPS, said.a, ix).focus == "CMSO"
    said = read("i already run our inventory and purchasing, how do i become ops director", ix)
    assert tailor(OPS, said.a, ix).focus == "CPSCM"


# ---------------------------------------------------------------- told sentences, framing, facts


def test_a_role_said_of_oneself_in_a_told_sentence_is_not_the_one_asked_for():
    a = _ask("I work in supply chain so I'm not in operations. At a hospital, who runs the root cause analyses after medication errors?")
    assert (a.intent, a.role) == ("role", "medication-safety-officer")


def test_told_sentences_do_not_choose_the_section():
    a = _ask("thinking between ops director and med safety officer long term, i love inventory and purchasing. what does the ops director do")
    assert (a.intent, a.role, a.section) == ("role", OPS, "overview")


def test_a_title_named_as_the_subject_makes_a_career_question_one_named_on_the_way_does_not():
    ev = read("does the med safety officer deal with shortages? like the whole heparin mess", engine().index)
    assert ev.career_asked and ev.a.asking == frozenset()  # neither sentence tells about the member
    assert not read("as a med safety officer, how would I know if a rash is from carbamazepine", engine().index).career_asked
    assert not read("ops director here: can a patient with seizures take bupropion", engine().index).career_asked


def test_the_most_specific_fact_phrase_is_the_one_checked():
    # a billing page may write "paid" (claims get paid); "paid more than" it never writes
    assert lexicon.cue("missing_pay").search("do they get paid more than a pharmacist") == "paid more than"
    assert lexicon.cue("missing_pay").search("what would they make") is not None


# ---------------------------------------------------------------- round 25: names, self, lists


def test_a_page_naming_its_role_after_the_title_as_subject_gives_other_names():
    from bot.engine.index import called_names

    text = "A Sterile Compounding Supervisor runs the pharmacy's IV room and cleanroom suite, often called the IV room supervisor or cleanroom lead."
    assert called_names("Sterile Compounding Supervisor", text) == ["IV room supervisor", "cleanroom lead"]
    # the title as subject, but what is called is not a job
    assert called_names("Sterile Compounding Supervisor", "A Sterile Compounding Supervisor checks the hoods, a process often called certification.") == []


def test_what_the_member_says_they_love_is_no_clinical_request():
    a = _ask("infusion pharmacist, i love fixing chair flow and premed timing delays. want to be a med safety officer someday, where do i start")
    assert (a.intent, a.role) == ("pathway", "medication-safety-officer")
    a = _ask("as a med surg team lead how would i handle a potassium replacement protocol for someone with eGFR 25")
    assert (a.intent, a.reason) == ("none", "clinical")  # "how would i handle" asks, it tells nothing of the member


def test_a_list_asked_in_one_sentence_with_the_members_job_in_another_is_the_list():
    assert _ask("which jobs can i ask you about? med safety officer poking around").intent == "list_roles"


@pytest.mark.parametrize(
    "question",
    [
        "staff pharmacist 12 yrs, i handle our inventory and recalls. could i make the jump to ops director, what certs",
        "ok which would u do first for ops director if u were me",
    ],
)
def test_more_ways_to_ask_for_a_pathway(question):
    a = _ask(question)
    assert (a.intent, a.role) == ("pathway", OPS), question


def test_the_learned_layer_scores_a_question_once_for_every_reading():
    ix = engine().index
    ev = read("how does this bot work, what can i ask", ix)
    from bot.engine.intents import builtin_index

    assert list(ev.learned[:1]) == sorted(builtin_index().nearest_to(ev.features) + list(ix.taught.nearest_to(ev.features)), key=lambda nb: -nb.similarity)[:1]


def test_a_greeting_from_where_the_member_works_is_a_greeting():
    assert _ask("hello from a supply chain office in arizona 👋").intent == "help"
    assert _ask("hello, what does the supply chain manager do?").intent == "role"  # a question after it is answered


def test_a_property_compared_between_certifications_is_refused():
    for q in ("is CPOM harder than CMSO", "which of CHPOP, CPOM or CMSO is easier"):
        a = _ask(q)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q
    assert _ask("CPOM vs CMSO, which is more about safety").intent == "certification"  # what the cards do say


@pytest.mark.parametrize(
    "question,intent",
    [("whats the day of an ops director like", "role"), ("how do i get a job at a big health system pharmacy", "none")],
)
def test_day_of_and_a_job_at(question, intent):
    assert _ask(question).intent == intent, question



def test_a_list_word_in_what_the_member_tells_asks_for_no_list():
    a = _ask("i'm the one at our hospital who orders from the wholesaler and juggles the shortage list every week. is there a cert for that job")
    assert a.intent == "certification"
    assert _ask("list every role you have. all of them").intent == "list_roles"
    assert _ask("my manager asked me to send her a list of all the certifications you know about, can you give me that?").intent == "list_certifications"


def test_the_roles_a_member_weighs_are_not_part_of_what_they_say_of_themselves():
    ix = engine().index
    ev = read("hey so im a staff pharmacist thinking about leaving inpatient staffing, torn between med safety officer and supply chain manager. what does the safety one involve?", ix)
    supply = ev.a.words.index("supply")
    assert supply in ev.title_positions and supply not in ev.said_of_self
    assert ev.a.words.index("pharmacist") in ev.said_of_self  # what they are still is



def test_a_property_compared_in_so_many_words_is_refused_and_one_day_is_no_day_in_the_life():
    a = _ask("how hard is CPOM compared to CMSO")
    assert (a.intent, a.reason) == ("none", "missing_fact")
    a = _ask("what does a director of pharmacy operations do? just curious where it could go one day")
    assert (a.intent, a.section) == ("role", "overview")
    assert _ask("what does a director of pharmacy operations do all day").section == "day_in_the_life"


def test_a_trade_job_noun_and_buying_tailor_the_pathway_and_a_small_place_is_where():
    """"I'm the buyer", "I do all our buying": purchasing, so CPSCM first; "at a lil critical
    access hospital" says where they work ("critical" is no interest in safety)."""
    for q in ("im the buyer at a lil critical access hospital and want to be director of pharmacy operations eventually, cert order?", "ops director pathway, i do all our buying"):
        a = _ask(q)
        assert (a.intent, a.role, a.certifications[0]) == ("pathway", OPS, "CPSCM"), q


@pytest.mark.parametrize(
    "question,intent",
    [
        ("is it true the ops director reports to the CEO?", "none"),
        ("i heard that the director of pharmacy operations works from home, true?", "none"),
        ("is it true the director of pharmacy operations leads a daily huddle with the pharmacy managers?", "role"),
    ],
)
def test_a_claim_to_check_is_answered_only_when_the_page_says_it(question, intent):
    a = _ask(question)
    assert a.intent == intent, (question, a.intent, a.reason)
    if intent == "none":
        assert a.reason == "missing_fact" and a.role == OPS


@pytest.mark.parametrize(
    "question",
    ["whats the CPOM exam like", "do techs make more with CPOM", "would my hospital reimburse the CPOM exam", "can i use CPOM for continuing ed credit", "do i need CPOM to get hired"],
)
def test_exam_pay_reimbursement_ce_and_hiring_odds_are_facts_no_page_gives(question):
    a = _ask(question)
    assert (a.intent, a.reason) == ("none", "missing_fact"), question


def test_a_list_asked_is_not_the_faq_about_adding_a_page():
    """The FAQ "can you add a spotlight for my job" is near "show me every job you have a spotlight
    for" in words; the list wording and the role noun ask for the list."""
    from pathlib import Path

    from bot.engine import Engine
    from bot.knowledge import load_knowledge

    e = Engine(load_knowledge(Path(__file__).parents[1] / "knowledge"))  # the bundled FAQ
    assert any(nb.intent == "faq" for nb in read("can you add a spotlight for my job", e.index).taught_all)
    assert e.ask("show me every job you have a spotlight for").intent == "list_roles"


def test_how_much_asks_a_price_only_of_an_amount_and_what_a_role_owns_is_its_duties():
    a = _ask("what are the ops director's core duties? trying to see how much overlaps with my current job")
    assert (a.intent, a.role, a.section) == ("role", OPS, "responsibilities")
    assert _ask("how much is CPOM").reason == "missing_fact"
    a = _ask("what does the director of pharmacy operations own? like policies, monitoring, what else")
    assert (a.intent, a.section) == ("role", "responsibilities")


@pytest.mark.parametrize(
    "question,intent,reason",
    [
        ("what commands do you have", "help", ""),
        ("what's a day like for the ops director in the incident command center", "role", ""),
        ("what do ops directors make, is the night diff any good", "none", "missing_fact"),
        ("ops director here, how long is a pip-tazo bag stable at room temp", "none", "clinical"),
    ],
)
def test_bot_commands_night_differentials_and_a_drugs_stability(question, intent, reason):
    a = _ask(question)
    assert (a.intent, a.reason) == (intent, reason), question
