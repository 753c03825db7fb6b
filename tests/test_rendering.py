"""What members read: every answer to every question of our sets reads right (no slugs, no YAML
paths, no doubled sentences, no "1 roles", no "a o…"), a dozen answers pinned as golden text,
and the terminal rendering (bold only on a colour terminal, wrapped)."""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.render import render_terminal, render_text
from bot.evaluation import load_set
from bot.knowledge import load_knowledge
from bot.knowledge.importer import import_page
from bot.wording import article, count
from engine_kb import engine, kb_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ONE_ROLE = ROOT / "tests" / "fixtures" / "knowledge"  # the seed page alone: one role
GOLDEN = Path(__file__).resolve().parent / "golden" / "text"
SETS = sorted(p for p in (ROOT / "tests").glob("eval*/*.yaml"))


@lru_cache(maxsize=None)
def _engine_for(pages: str) -> Engine:
    tmp = Path(tempfile.mkdtemp(prefix="render-kb-"))
    atexit.register(shutil.rmtree, tmp, True)  # one per set of pages, removed when the tests end
    kdir = tmp / "knowledge"
    shutil.copytree(kb_dir(with_pages=False), kdir)
    for page in sorted(Path(pages).glob("*.txt")) if pages else []:
        import_page(page, kdir)
    return Engine(load_knowledge(kdir))


def _answers():
    for qs in SETS:
        pages = qs.parent / "pages"
        e = _engine_for(str(pages) if pages.is_dir() else "")
        for item in load_set(qs):
            yield item.q, e, e.ask(item.q)


@lru_cache(maxsize=None)
def _knowledge_text(e: Engine) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(e.knowledge.root).rglob("*.yaml")))


_ARTICLE = re.compile(r"\b(a|an) ([A-Za-z][\w-]*)")
_PLURAL = re.compile(r"\b1 (roles|certifications|entries|career spotlights|FAQ entries)\b")


def test_no_rendered_answer_shows_a_slug_a_path_a_doubled_sentence_or_bad_grammar():
    problems = []
    for q, e, a in _answers():
        text = render_text(a)
        slugs = [rid for rid in e.knowledge.roles if "-" in rid and rid in text]
        if slugs:
            problems.append(f"slug {slugs} in the answer to {q!r}")
        if re.search(r"\b(roles|certifications|faq)/[\w.-]+\.ya?ml\b", text):
            problems.append(f"a YAML path in the answer to {q!r}")
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", re.sub(r"\*\*", "", text)) if len(s.strip()) > 40]
        doubled = {s for s in sentences if sentences.count(s) > 1}
        if doubled:
            problems.append(f"doubled {sorted(doubled)[0][:60]!r} in the answer to {q!r}")
        if _PLURAL.search(text):
            problems.append(f"{_PLURAL.search(text).group(0)!r} in the answer to {q!r}")  # type: ignore[union-attr]
        for m in _ARTICLE.finditer(text):
            if m.group(0) in _knowledge_text(e):
                continue  # the page's own wording ("a HRSA audit"), quoted as written
            if m.group(1) != article(m.group(2)) and not m.group(2).lower().startswith(("one", "uni", "use", "eu")):
                problems.append(f"{m.group(0)!r} in the answer to {q!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("phrase,want", [("ops director", "an"), ("certification", "a"), ("MSO", "an"), ("CPOM", "a"), ("hour", "an"), ("unit", "a"), ("RPD", "an")])
def test_article(phrase, want):
    assert article(phrase) == want


def test_count():
    assert (count(1, "role"), count(2, "role"), count(1, "FAQ entry", "FAQ entries")) == ("1 role", "2 roles", "1 FAQ entry")


# A dozen representative answers, reviewed by eye once and pinned: regenerate a file by deleting it.
GOLDEN_QUESTIONS = {
    "certification": "what is CPOM?",
    "role-overview": "what does a director of pharmacy operations do?",
    "role-day": "ops director day to day?",
    "role-responsibilities": "what are the ops director's responsibilities",
    "pathway-tailored": "how do I become an ops director? I love safety work and I already have CPOM",
    "compare-certifications": "difference between CHPOP and CPOM",
    "which-first": "which one first, CPOM or CHPOP?",
    "partial-answer": "how hard is CPSCM?",
    "missing-fact": "how much does the CMSO exam cost",
    "unknown-role": "what does a nuclear pharmacist do",
    "list": "which certifications do you know?",
    "faq": "how do i report a wrong answer",
    "several-questions": "What does CPSCM cover? And which certs does a medication safety officer need?",
}


@pytest.mark.parametrize("name", sorted(GOLDEN_QUESTIONS))
def test_golden_text(name):
    text = render_text(engine().ask(GOLDEN_QUESTIONS[name]))
    path = GOLDEN / f"{name}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        pytest.skip(f"pinned {path.name}; review it and commit")
    assert text + "\n" == path.read_text(encoding="utf-8")


def test_terminal_rendering_bold_only_in_colour_and_wrapped():
    a = engine().ask("how do I become an ops director? I love safety work")
    plain = render_terminal(a, width=60, color=False)
    assert "**" not in plain and "\x1b[" not in plain
    assert all(len(line) <= 60 for line in plain.splitlines())
    coloured = render_terminal(a, width=60, color=True)
    assert "\x1b[1m" in coloured and "**" not in coloured


def _cli(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("CAREER_BOT_KNOWLEDGE", None)
    return subprocess.run([sys.executable, "-m", "bot", *args, "--knowledge", str(kb_dir())], input=stdin, capture_output=True, text=True, timeout=60, env=full_env)


def test_ask_answers_each_quoted_question_and_renders_plain_when_piped():
    r = _cli("ask", "what is CPOM?", "how do I become an ops director?")
    assert r.returncode == 0
    assert "CPOM — Certified Pharmacy Operations Manager" in r.stdout and "Certification pathway: Director of Pharmacy Operations" in r.stdout
    assert "**" not in r.stdout and "\x1b[" not in r.stdout  # not a terminal: plain text
    one = _cli("ask", "what", "is", "CPOM")  # an unquoted question the shell split: still one question
    assert one.stdout.count("CPOM — Certified Pharmacy Operations Manager") == 1


def test_a_question_in_another_language_gets_english_only_and_the_pointer():
    for q in ("什么是CPOM认证？", "¿Qué es CPOM?", "Bonjour, comment devenir directeur des opérations ?", "paano maging director of pharmacy operations? anong certification ang kailangan ko?"):
        a = engine().ask(q)
        assert a.intent == "none" and a.reason == "language", q
        assert "only answer in English" in render_text(a) and a.pointer


def test_several_questions_in_one_message_json_parts():
    r = _cli("ask", "--json", "What does CPSCM cover? And which certs does a medication safety officer need?")
    got = json.loads(r.stdout)
    assert got["intent"] == "certification" and got["certifications"][0] == "CPSCM"
    assert [p["intent"] for p in got["parts"]] == ["pathway"] and got["parts"][0]["role"] == "medication-safety-officer"
    single = json.loads(_cli("ask", "--json", "what is CPOM?").stdout)
    assert "parts" not in single


def test_a_sentence_ending_in_a_full_stop_that_says_what_the_member_did_is_not_a_question():
    a = engine().ask("Did an MSc in supply chain logistics, currently a staff pharmacist. Want to become a director of pharmacy operations, which certification should I start with?")
    assert (a.intent, a.role) == ("pathway", "director-of-pharmacy-operations") and not a.parts


def test_two_questions_about_one_certification_show_its_card_once_first():
    a = engine().ask("is CMSO only for hospital people? what is it")
    assert (a.intent, a.certifications[0]) == ("certification", "CMSO")
    assert [(p.intent, p.reason) for p in a.parts] == [("none", "missing_fact")]
    text = render_text(a)
    assert text.count("CMSO — ") == 1 and "Here is what it does say" not in text


def test_a_second_question_after_and_is_a_question_of_its_own():
    a = engine().ask("whats CMSO stand for? and how much does the exam cost")
    assert (a.intent, a.certifications[0]) == ("certification", "CMSO")
    assert [(p.intent, p.reason) for p in a.parts] == [("none", "missing_fact")]


def test_the_chat_banner_counts_in_words():
    r = subprocess.run([sys.executable, "-m", "bot", "chat", "--knowledge", str(FIXTURE_ONE_ROLE)], input="quit\n", capture_output=True, text=True, timeout=60)
    assert "1 role," in r.stdout and "1 roles" not in r.stdout
