"""The cue vocabulary is data: every example triggers its cue, no near miss does, and the phrase
language compiles what it promises (and refuses what it cannot)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from knowledge_helpers import seeded_kb

from bot.engine import Engine, lexicon
from bot.engine.evidence import read
from bot.engine.phrases import Anchors, PhraseError, PhraseSet
from bot.knowledge import load_knowledge


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    return Engine(load_knowledge(seeded_kb(tmp_path_factory.mktemp("cues")))).index


CASES = [(name, q, True) for name, c in lexicon.CUES.items() for q in c.examples] + [
    (name, q, False) for name, c in lexicon.CUES.items() for q in c.near_misses
]


@pytest.mark.parametrize("name,question,fires", CASES, ids=[f"{n}:{'ex' if f else 'near'}:{q[:30]}" for n, q, f in CASES])
def test_cue_examples(ix, name, question, fires):
    hits = read(question, ix).hits
    assert (name in hits) is fires, f"{name} {'should' if fires else 'should not'} fire on {question!r}; hits: {dict(hits)}"


def test_every_cue_has_examples_and_near_misses():
    for name, c in lexicon.CUES.items():
        assert c.about and c.examples and c.near_misses, name


@pytest.mark.parametrize(
    "phrase,text,found",
    [
        ("how do i become", "so how do i become one", "how do i become"),
        ("becom*", "becoming a director", "becoming"),
        ("what|which order", "which order then", "which order"),
        ("what [cert] first", "what first", "what first"),
        ("what [cert] first", "what cert first", "what cert first"),
        ("first ... then", "first cpom and then cmso", "first cpom and then"),
        ("which ..2 cover", "which one of them cover", None),
        ("which ..2 cover", "which one cover", "which one cover"),
        ("^ and", "and cmso", "and"),
        ("^ and", "cpom and cmso", None),
        ("for it $", "which certs for it", "for it"),
        ("for it $", "for it and more", None),
        ("#mg", "give 500mg now", "500mg"),
        ("q#h", "q12h dosing", "q12h"),
        ("{code} order", "certcode order please", "certcode order"),
        ("day", "daily", None),
    ],
)
def test_phrase_language(phrase, text, found):
    assert PhraseSet.compile("t", [phrase]).search(text) == found


@pytest.mark.parametrize("phrase", ["", "^", "[a]", "...", "Caps", "wo*rd", "a||b", "mid ^ word"])
def test_bad_phrases_are_refused(phrase):
    with pytest.raises(PhraseError):
        PhraseSet.compile("t", [phrase])


def test_form_words_are_separate_from_phrases():
    """Adding a phrase must not change what counts as topic evidence (the old lexicon re-parsed
    regex source for that): form words are their own list."""
    assert "procurement" not in lexicon.FORM_WORDS and "pathway" in lexicon.FORM_WORDS


def test_no_regex_source_in_the_vocabulary_module():
    import inspect

    assert "re.compile" not in inspect.getsource(lexicon)


def test_spans_finds_matches_that_touch():
    steer = PhraseSet.compile("t", ["^ [no|sorry] wait", "i mean|meant", "scratch that"])
    assert steer.spans("no wait i meant scratch that cpas".split()) == [(0, 2), (2, 4), (4, 6)]


def _unanchored(ps: PhraseSet) -> PhraseSet:
    return replace(ps, _anchors=Anchors(frozenset(), frozenset(), False, True))


@pytest.mark.parametrize(
    "phrases,text",
    [
        (["[what] becom*"], "becoming a director"),  # the optional word is no anchor; the prefix is
        (["what|which [cert] first"], "which first"),
        (["#mg"], "give 500mg now"),
        (["q#h"], "q12h dosing"),
        (["{code} order"], "certcode order please"),
        (["... then"], "first cpom and then cmso"),
        (["* * tell me"], "can you tell me"),
        (["^ and"], "and cmso"),
        (["nothing here", "reports to"], "who reports to the director"),
    ],
)
def test_anchors_keep_every_match(phrases, text):
    """The look-up that settles most cue lists without a regex search must never skip a match."""
    ps = PhraseSet.compile("t", phrases)
    assert ps.search(text) is not None
    assert ps.search(text) == _unanchored(ps).search(text)
    assert ps.spans(text.split()) == _unanchored(ps).spans(text.split())


def test_anchors_skip_what_cannot_match():
    ps = PhraseSet.compile("t", ["[what] becom*", "day to day"])
    assert ps._candidates("what is the role like") == []
    assert ps._candidates("a day in the life") == []  # "day to day" needs "to" as well
    assert ps._candidates("my day to day") == [1]
    assert ps._candidates("becoming the day lead") == [0]


def test_anchored_search_equals_the_full_search_on_every_cue(ix):
    """Every cue list, over every example and near miss of every list and the seed questions, as
    the analysis reads them: the anchored search finds exactly what the full regex search finds."""
    from pathlib import Path

    import yaml

    seed = yaml.safe_load((Path(__file__).parent / "eval" / "seed-questions.yaml").read_text())["questions"]
    questions = [q for c in lexicon.CUES.values() for q in c.examples + c.near_misses] + [item["q"] for item in seed]
    texts = {t for q in questions for t in (read(q, ix).cue_text, " ".join(read(q, ix).a.words))}
    compared, found = _same_as_the_full_search(texts)
    assert found > 500 and compared > 50 * found / 10  # (the comparison covers matches and misses alike)


def _same_as_the_full_search(texts: set[str] | list[str]) -> tuple[int, int]:
    """Every cue list's search and spans over each text equal one regex of all its phrases:
    (texts compared, matches found)."""
    compared = found = 0
    for c in lexicon.CUES.values():
        full = _unanchored(c.phrases)
        for t in texts:
            got = c.phrases.search(t)
            assert got == full.search(t), (c.name, t)
            assert c.phrases.spans(t.split()) == full.spans(t.split()), (c.name, t)
            compared += 1
            found += got is not None
    return compared, found


def test_per_phrase_search_equals_the_full_search_on_word_soups():
    """Texts made of the cue lists' own words in random orders (so that phrases half match, touch
    and overlap): searching only the phrases whose every required word a text has finds exactly
    what one regex of all the list's phrases finds, match for match."""
    import random

    rng = random.Random(80)
    vocab = sorted({w for c in lexicon.CUES.values() for w in c.phrases.words()} | {"certcode", "|", "12", "500mg"})
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(2, 30))) for _ in range(600)]
    _, found = _same_as_the_full_search(texts)
    assert found > 1000  # (the soups do meet phrases: the comparison is not of misses only)
