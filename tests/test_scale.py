"""Behaviour the performance work on large knowledge bases must keep (issue 13): the linear
loader, the bounded and indexed retrieval steps and the compact index give what a
straightforward scan gives, on bases made by bench/engine_bench.py's generator (with planted
faults where the loader is concerned). Speed itself is measured in bench/, never here."""

from __future__ import annotations

import itertools
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from knowledge_helpers import engine_bench

from bot.knowledge import load_knowledge
from bot.knowledge.loader import KnowledgeError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """A generated base of 300 roles, 900 certifications and 600 FAQ entries (the benchmark's generator)."""
    root = tmp_path_factory.mktemp("generated") / "knowledge"
    gen = engine_bench().generate_large(root, n_roles=300, n_certs=900, n_faq=600)
    return root, gen


def _reference_duplicate_codes(root: Path) -> set[str]:
    """Every certification file whose code another file (earlier by name) already has, in any
    case: checked pair by pair, the obvious way."""
    files = sorted((root / "certifications").glob("*.yaml"))
    codes = [(f"certifications/{f.name}", yaml.safe_load(f.read_text())["code"]) for f in files]
    out = set()
    kept: list[tuple[str, str]] = []
    for rel, code in codes:
        first = next((other for other, c in kept if c.lower() == code.lower()), None)
        if first is None:
            kept.append((rel, code))
        else:
            out.add(f"{rel}: duplicate certification code '{code}' (also {first})")
    return out


def test_linear_loader_reports_planted_duplicate_codes_like_a_pairwise_check(generated, tmp_path):
    root, gen = generated
    kdir = tmp_path / "knowledge"
    shutil.copytree(root, kdir)
    for code in gen.codes[::97]:  # one code in ~100 also written in lower case, and once more in mixed case
        data = yaml.safe_load((kdir / "certifications" / f"{code}.yaml").read_text())
        for variant in (code.lower(), code[0] + code[1:].lower()):
            (kdir / "certifications" / f"{variant}.yaml").write_text(yaml.safe_dump({**data, "code": variant, "name": f"{data['name']} {variant}", "aliases": []}))
    expected = _reference_duplicate_codes(kdir)
    assert len(expected) == 2 * len(gen.codes[::97])
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kdir)
    found = {f"{p.file}: {p.message}" for p in e.value.problems if "duplicate certification code" in p.message}
    assert found == expected
    assert all("duplicate certification code" in p.message for p in e.value.problems)


def test_generated_base_loads_clean(generated):
    root, gen = generated
    kb = load_knowledge(root)
    assert (len(kb.roles), len(kb.certifications), len(kb.faqs)) == (300, 900, 600)


def _unbounded_faq(ev, ix) -> tuple[str, float] | None:
    """best_faq as it was before its bounds: every phrasing sharing a word is scored (only the
    share rule skips common words), and the best one returned whatever its score."""
    from collections import defaultdict

    from bot.engine.analyze import cue_stems
    from bot.engine.stages import _job_masked
    from bot.engine.thresholds import FAQ_COMMON_MIN, FAQ_COMMON_SHARE, FAQ_COVERED, FAQ_FULL_PRECISION, FAQ_FULL_RECALL, FAQ_FULL_WORDS, FAQ_MIN

    q = _job_masked(ev, ix)  # (a job no page names is "job", as in best_faq)
    if not q or not ix.faq_phrasings:
        return None
    qw = sum(ix.weight(s) for s in q)
    shared: dict[int, float] = defaultdict(float)
    common = max(FAQ_COMMON_MIN, FAQ_COMMON_SHARE * len(ix.faq_phrasings))
    for s in q:
        postings = ix.faq_postings.get(s, ())
        if len(postings) <= common:
            for i in postings:
                shared[i] += ix.weight(s)
    best = None
    unnamed = not ev.codes and not ev.role_named and "list" not in ev.hits
    for i, inter in sorted(shared.items()):
        fid, phrasing = ix.faq_phrasings[i]
        covered = (q & ix.faq_vocab[fid]) - cue_stems() if unnamed else set()
        if len({s for s in covered if ix.faq_entries_with.get(s, 0) == 1}) >= FAQ_FULL_WORDS - 1 and sum(ix.weight(s) for s in covered) >= FAQ_COVERED * qw and (best is None or best[1] < FAQ_MIN):
            best = (fid, FAQ_MIN)  # every telling word one entry's
            continue
        if len(phrasing) > 1 and len(phrasing & q) < 2:
            continue
        precision, recall = inter / qw, inter / ix.faq_weights[i]
        if unnamed:
            precision = (inter + sum(ix.weight(s) for s in (q & ix.faq_vocab[fid]) - phrasing - cue_stems())) / qw
        score = 2 * precision * recall / (precision + recall)
        if recall >= FAQ_FULL_RECALL and len(phrasing) >= FAQ_FULL_WORDS and precision >= FAQ_FULL_PRECISION:
            score = max(score, FAQ_MIN)
        if best is None or score > best[1]:
            best = (fid, score)
    return best


@pytest.mark.parametrize("n_faq", [100, 2000])
def test_bounded_faq_search_decides_as_the_unbounded_one(tmp_path, n_faq):
    """Generated FAQs: 300 phrasings (many questions match one), and 6,000 (the posting cap
    and the early stop both act; the generated wording is too repetitive to match any),
    asked their own phrasings, typo'd paraphrases and 100- and 1,000-character messages."""
    from bot.engine import Engine
    from bot.engine.evidence import read
    from bot.engine.stages import best_faq
    from bot.engine.thresholds import FAQ_MAX_POSTING, FAQ_MIN

    bench = engine_bench()
    gen = bench.generate_large(tmp_path / "knowledge", n_roles=60, n_certs=180, n_faq=n_faq)
    ix = Engine(load_knowledge(gen.root)).index
    if n_faq > 1000:
        assert max(map(len, ix.faq_postings.values())) > FAQ_MAX_POSTING
    questions = [q for length in (100, 1000) for _, q in bench.sized_questions(gen, 60, length)]
    questions += [q for kind, q in bench.large_questions(gen, 400) if kind in ("faq", "faq_para", "off", "list")]
    decided = 0
    for q in questions:
        ev = read(q, ix)
        ref, got = _unbounded_faq(ev, ix), best_faq(ev, ix)
        expected = ref if ref and ref[1] >= FAQ_MIN else None
        assert (got if got and got[1] >= FAQ_MIN else None) == expected, q
        decided += expected is not None
    assert decided >= 40 or n_faq > 1000  # the small FAQ does exercise answers


@pytest.fixture(scope="module")
def generated_engine(generated):
    from bot.engine import Engine

    root, gen = generated
    return Engine(load_knowledge(root)), gen


def _sample(gen) -> list[str]:
    bench = engine_bench()
    return [q for _, q in bench.large_questions(gen, 200)] + [q for length in (100, 1000) for _, q in bench.sized_questions(gen, 40, length)]


def _reference_content_role(a, ix):
    """content_role as it was: every passage holding a content word scored."""
    from bot.engine.analyze import cue_stems
    from bot.engine.sections import SECTIONS, passage_score
    from bot.engine.thresholds import CONTENT_WORD

    q = [s for s in a.stems if s not in cue_stems() and s not in a.kin and s not in a.spellings]
    per_role: dict[str, float] = {}
    for i in {i for s in set(q) if ix.weight(s) >= CONTENT_WORD for i in ix.postings.get(s, ())}:
        p = ix.passages[i]
        if p.role is None or p.section not in SECTIONS:
            continue
        per_role[p.role] = max(per_role.get(p.role, 0.0), passage_score(q, p, ix))
    ranked = sorted(((sc, r) for r, sc in per_role.items() if sc > 0), reverse=True)
    return ranked[:2]


def test_bounded_content_role_finds_the_best_role_and_runner_up_of_a_full_scan(generated_engine):
    from bot.engine.analyze import analyze
    from bot.engine.sections import content_role

    engine, gen = generated_engine
    ix = engine.index
    compared = 0
    for q in _sample(gen):
        a = analyze(q, ix)
        ref, got = _reference_content_role(a, ix), content_role(a, ix, max_posting=float("inf"))
        if not ref:
            assert got is None
            continue
        compared += 1
        assert got is not None and got[2] == pytest.approx(ref[0][0]), q
        assert got[3] == pytest.approx(ref[1][0] if len(ref) > 1 else 0.0), q
        if len(ref) < 2 or ref[0][0] > ref[1][0] + 1e-9:
            assert got[0] == ref[0][1], q
    assert compared > 150


def test_indexed_names_and_themes_match_a_scan(generated_engine):
    """Certifications named in full, found through each name's rarest word, are those whose
    every name word the question has; roles themed by a word are those with a responsibility or
    day entry named with it."""
    from bot.engine.analyze import analyze

    engine, gen = generated_engine
    ix = engine.index
    for q in _sample(gen):
        a = analyze(q, ix)
        present = set(a.word_stems) - a.negated
        scanned = {c for c, name in ix.cert_names.items() if len(name) >= 2 and present.issuperset(name)}
        anchored = {c for pair in itertools.combinations(sorted(present), 2) for c in ix.name_anchors.get(pair, ()) if present.issuperset(ix.cert_names[c])}
        assert anchored == scanned, q
    themes: dict[str, set[str]] = {}
    for p in ix.passages:
        for st in p.name_stems:
            if p.role is not None and st in p.stems:
                themes.setdefault(st, set()).add(p.role)
    assert {st: set(r) for st, r in ix.themes.items()} == themes
    from bot.engine.entities import named_certs, role_scores

    for q in _sample(gen):  # names found through the anchors are those a scan of every name finds
        a = analyze(q, ix)
        where = role_scores(a, ix)[1]
        assert named_certs(a, ix, where) == _reference_named_certs(a, ix, where), q
    for name in list(gen.cert_names.values())[::9]:  # and a name written out is found
        a = analyze(f"tell me about the {name.lower()}", ix)
        assert named_certs(a, ix, {}), name


TRICKY_YAML = [
    "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: 2024-01-02\ng: '007'\nh: [1, two, {three: 3}]\n",
    "base: &b {x: 1}\nother:\n  <<: {y: 2}\n  z: 3\n",
    "? complex\n: value\n1: one\n2.0: two\nnull: nothing\n",
    "- a\n- - b\n  - c\n- {d: [e, f]}\n",
    "s: !!str 12\nt: !!set {a, b}\n",
    "k: v\nk: w\n",
    "",
    "just a string\n",
]


@pytest.mark.parametrize("text", TRICKY_YAML)
def test_fast_yaml_values_are_the_safe_loaders(text):
    """The loader's fast path builds values itself: they must be what yaml.safe_load builds."""
    from bot.knowledge.yamlio import YamlFault, parse_yaml

    try:
        parsed = parse_yaml(text)
    except YamlFault:
        return  # refused with a place (aliases): the explaining path's business, tested elsewhere
    assert parsed.data == yaml.safe_load(text)


def test_fast_yaml_values_of_knowledge_files(generated):
    from bot.knowledge.yamlio import parse_yaml

    root, _ = generated
    files = sorted((ROOT / "tests" / "fixtures" / "knowledge").rglob("*.yaml")) + sorted(root.rglob("*.yaml"))[::20]
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert parse_yaml(text).data == yaml.safe_load(text), f


def test_folders_resolved_once_still_refuse_a_linked_folder_out_of_the_knowledge(kdir, tmp_path):
    """The loader resolves each folder once for all its files: a folder that is a link out of
    the knowledge folder is still refused, and a file linked to another inside it still read."""
    outside = tmp_path / "elsewhere"
    shutil.move(str(kdir / "faq"), outside)
    (kdir / "faq").symlink_to(outside, target_is_directory=True)
    with pytest.raises(KnowledgeError) as e:
        load_knowledge(kdir)
    faq_files = sorted(f.name for f in outside.glob("*.yaml"))
    assert faq_files and [p.file for p in e.value.problems] == ["faq"]
    (kdir / "faq").unlink()
    shutil.move(str(outside), kdir / "faq")
    first = faq_files[0]
    (kdir / "faq" / first).rename(kdir / "kept.yaml.txt")
    (kdir / "faq" / first).symlink_to(kdir / "kept.yaml.txt")
    assert first.removesuffix(".yaml") in load_knowledge(kdir).faqs


def _reference_named_certs(a, ix, role_where) -> list[str]:
    """named_certs as a scan of every certification name (the same test of the words found)."""
    from bot.engine.entities import _tightest, written_as_name

    stems = a.word_stems
    present = set(stems) - a.negated
    found = []
    for order, (code, name) in enumerate(ix.cert_names.items()):
        if len(name) < 2 or not present.issuperset(name):
            continue
        window = _tightest([i for i, st in enumerate(stems) if st in name and st not in a.negated], stems, set(name))
        if window is None:
            continue
        lo, hi = window
        if written_as_name(a, lo, hi, set(name), ix.knowledge.certifications[code].name, role_where, ix.role_titles):
            found.append((lo, order, code))
    return [code for _, _, code in sorted(found)]


def test_bounded_topic_candidates_are_the_top_of_a_full_count(generated_engine):
    """certs_by_topic's candidates (the certifications sharing the most weight of the question's
    distinctive words) equal those of counting every certification, for k of 40 and of 3."""
    from bot.engine.analyze import analyze, cue_stems
    from bot.engine.entities import _top_overlap

    engine, gen = generated_engine
    ix = engine.index
    checked = 0
    for q in _sample(gen):
        a = analyze(q, ix)
        words = sorted({st for st in a.stems if st in ix.cert_postings and st not in cue_stems()}, key=lambda st: (-ix.weight(st), st))
        full: dict[str, float] = {}
        for st in words:
            for c in ix.cert_postings[st]:
                full[c] = full.get(c, 0.0) + ix.weight(st)
        for k in (40, 3):
            assert _top_overlap(words, ix, k) == sorted(full, key=lambda c: (-full[c], c))[:k], q
        checked += len(full) > 40
    assert checked > 100


def test_compact_passages_score_as_sets_would(generated_engine):
    """Passages keep their stem pairs as a tuple of shared pairs, and pathway-step documents are
    made when asked: scores and documents are those of the plain sets."""
    from bot.engine.analyze import analyze
    from bot.engine.sections import passage_score

    engine, gen = generated_engine
    ix = engine.index
    pool: dict[tuple[str, str], int] = {}
    for p in ix.passages:
        assert len(set(p.bigrams)) == len(p.bigrams)
        for pair in p.bigrams:
            assert pool.setdefault(pair, id(pair)) == id(pair)  # one object per pair
    for q in _sample(gen)[::5]:
        a = analyze(q, ix)
        q_stems = list(a.stems)
        for i in sorted(ix.postings.get(q_stems[0], ()))[:50] if q_stems else ():
            p = ix.passages[i]
            plain = sum(ix.weight(s) for s in set(q_stems) & p.stems) + sum(0.5 * (ix.weight(x) + ix.weight(y)) for x, y in zip(q_stems, q_stems[1:]) if (x, y) in set(p.bigrams))
            assert passage_score(q_stems, p, ix) == pytest.approx(plain)
    for role in list(engine.knowledge.roles.values())[:50]:
        for step in role.pathway:
            why = next(p for p in ix.passages if p.role == role.id and p.cert == step.certification)
            assert ix.step_doc(role.id, step.certification) == why.stems | ix.cert_docs[step.certification]
    assert ix.step_doc("no-such-role", "NOPE") is None


def test_freed_build_memory_is_returned_where_glibc_can():
    """Engine() hands the pages its build freed back (malloc_trim): on glibc it must be able to."""
    import platform

    from bot.engine.memory import release_free_memory

    expected = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_free_memory() is expected


def test_packed_example_postings_give_the_cosines_of_the_examples(generated_engine):
    """The example index keeps its postings as packed arrays: similarities are still the
    cosines of each example's (trimmed) TF-IDF vector with the question's."""
    import math

    from bot.engine.intents import _top, features, words_of_example

    engine, gen = generated_engine
    index = engine.index.taught
    vectors = []
    for ex in index.examples:
        kept = _top([f for f in features(list(ex.words) or words_of_example(ex.text)) if f in index.idf], index.idf, index.default_idf)
        norm = math.sqrt(sum(index.idf[f] ** 2 for f in kept)) or 1.0
        vectors.append({f: index.idf[f] / norm for f in kept})
    for q in _sample(gen)[::7]:
        feats = features(words_of_example(q))
        seen = _top([f for f in feats if f in index.idf], index.idf, index.default_idf)
        unseen = sum(1 for f in feats if f not in index.idf and f not in index.common)
        qnorm = math.sqrt(sum(index.idf[f] ** 2 for f in seen) + unseen * index.default_idf**2) or 1.0
        best: dict[str, float] = {}
        for ex, vec in zip(index.examples, vectors):
            sim = sum(index.idf[f] / qnorm * vec[f] for f in seen if f in vec)
            if sim > 0:
                best[ex.intent] = max(best.get(ex.intent, 0.0), sim)
        got = index.nearest_to(feats, k=len(best) or 1)
        assert {nb.intent: pytest.approx(nb.similarity) for nb in got} == {i: best[i] for i in sorted(best, key=lambda i: -best[i])[: len(got)]} if best else not got, q


def test_content_role_posting_cap_changes_no_described_role_on_a_sample(generated_engine):
    """Frequent words find no more passages once some are found (CONTENT_MAX_POSTING, 2,000 of
    the 20,000 passages of 1,000 roles): here a cap of 600 of 6,000 passages, lifted to compare."""
    from bot.engine.analyze import analyze
    from bot.engine.sections import content_role

    engine, gen = generated_engine
    ix = engine.index
    assert sum(len(p) > 600 for p in ix.postings.values()) >= 10  # the cap does act
    for q in _sample(gen):
        a = analyze(q, ix)
        capped, full = content_role(a, ix, max_posting=600), content_role(a, ix, max_posting=float("inf"))
        assert (capped or ("",))[:3] == (full or ("",))[:3], q  # (the runner-up may be lower: its passages only a frequent word finds)


def test_gc_paused_for_builds_and_resumed_only_as_it_was():
    import gc

    from bot.knowledge.bulk import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # an overlapping build (a reload in a thread)
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer build still runs
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # someone else had it off: left off
    finally:
        gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("a failed build")
    assert gc.isenabled()


def test_titles_fitting_a_job_phrase_are_those_of_a_full_scan(generated_engine):
    """unknown_role reads only the titles with a stem where the head word is: the titles it
    offers are those a scan of every title finds, in the knowledge's order."""
    from bot.engine import lexicon
    from bot.engine.entities import in_title, not_asked_jobs
    from bot.engine.evidence import read
    from bot.engine.stages import unknown_role

    engine, gen = generated_engine
    ix = engine.index
    bench = engine_bench()
    questions = _sample(gen) + [q for _, q in bench.sized_questions(gen, 150, 10)] + ["lead long", "chief", "senior manager?", "any executive pharmacist roles"]
    offered = 0
    for q in questions:
        ev = read(q, ix)
        words = ev.a.words
        mine = not_asked_jobs(ev.a)  # "as a technician …": the member's own job; "my tech wants …"
        heads = [i for i, w in enumerate(words) if w in lexicon.ROLE_HEADS and i not in mine]
        if not heads:
            continue
        i = j = heads[-1]
        while j > 0 and words[j - 1] not in lexicon.STOPWORDS and i - j < 3 and ev.a.sentence_of[j - 1] == ev.a.sentence_of[i]:
            j -= 1
        fits = [rid for rid, title in ix.role_titles.items() if all(in_title(k, ev.a, ev.a.word_stems, set(title)) for k in range(j, i + 1))]
        m = unknown_role(ev, ix)
        assert m is not None
        if m.intent == "role":  # one title fits and a part of it, or what it is, is asked ("… day to day"): that role
            assert [m.role] == fits and (ev.section_cue or "identity" in ev.hits or (ev.cue("weak_overview") or "").endswith(" do")), q  # ("what does a … do": what it is)
        elif m.intent == "pathway" and len(fits) == 1:  # one title fits and the way into it is asked: its pathway
            assert m.role == fits[0], q
        else:
            assert [rid for _, rid in m.alternatives] == fits[:5], q
        offered += bool(fits)
    assert offered >= 20


def test_drug_shape_check_agrees_with_a_check_of_each_prefix_and_suffix():
    """``is_drug`` tries all prefixes and suffixes at once before naming one: the same verdicts
    as trying each, on words built from the data's own prefixes and suffixes."""
    from bot.engine import lexicon

    def each(word: str) -> bool:
        by_prefix = any(word.startswith(p) and len(word) >= len(p) + 4 and word.isalpha() for p in lexicon.DRUG_PREFIXES)
        return by_prefix or any(word.endswith(s) and len(word) >= len(s) + 3 and word[: -len(s)].isalpha() for s in lexicon.DRUG_SUFFIXES)

    words = ["pharmacy", "operations", "a", "", "x9"]
    for p in lexicon.DRUG_PREFIXES:
        words += [p, p + "ab", p + "abcd", p + "ab1d"]
    for s in lexicon.DRUG_SUFFIXES:
        words += [s, "ab" + s, "abc" + s, "a1c" + s]
    assert any(each(w) for w in words) and not all(each(w) for w in words)
    assert [lexicon.is_drug(w) for w in words] == [each(w) for w in words]


def test_language_check_reads_accented_and_unaccented_words_alike():
    """An ASCII word is its own unaccented form (the short cut); an accented one is still read without its accents."""
    from bot.engine.language import _plain, foreign

    assert _plain("operations") == "operations" and _plain("qué") == "que" and _plain("Über") == "Uber"
    assert foreign("¿Qué hace un director de operaciones de farmacia?", frozenset()) == foreign("Que hace un director de operaciones de farmacia?", frozenset())
    assert foreign("¿Qué hace un director de operaciones de farmacia?", frozenset()) is not None


def test_slotless_postings_give_the_same_similarity_to_the_examples_that_name_nothing():
    """The learned layer compares a question naming nothing with the examples naming nothing
    only, over postings without the others: the same cosines as the full postings give them."""
    from bot.engine.intents import builtin_index, features, words_of_example

    ix = builtin_index()
    assert any(ix.slotted) and not all(ix.slotted)
    for q in ("hey bot, what kinda stuff can i ask you", "what careers do you cover", "whats the day like for {role}", "which cert first"):
        feats = features(words_of_example(q))
        full, part = ix.scores(feats), ix.scores(feats, slotless=True)
        assert part and set(part) == {i for i in full if not ix.slotted[i]}
        assert all(abs(part[i] - full[i]) < 1e-12 for i in part)
        assert ix.best(part, slotless=True) == ix.best(full, slotless=True)
