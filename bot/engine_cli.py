"""CLI subcommands over the answer engine: ask, chat, eval."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Callable, Iterable

from bot.engine import Answer, Context, Engine, render_text
from bot.engine.render import render_terminal
from bot.engine.snapshot_cache import default_cache, load_engine
from bot.wording import count
from bot.knowledge.loader import KnowledgeError, load_knowledge


def answer_json(a: Answer) -> dict:
    """The stable ``ask --json`` contract (documented in README.md); ``parts`` only when the
    message asked several questions."""
    out = _fields(a)
    if a.parts:
        out["parts"] = [_fields(p) for p in a.parts]
    return out


def _fields(a: Answer) -> dict:
    return {
        "question": a.question,
        "intent": a.intent,
        "role": a.role,
        "certifications": list(a.certifications),
        "section": a.section,
        "faq": a.faq,
        "confidence": a.confidence,
        "answer": render_text(a),
        "sources": list(a.sources),
        "alternatives": [alt.id for alt in a.alternatives],
    }


def terminal(answer: Answer) -> str:
    """An answer for this terminal: bold on a colour terminal (never with NO_COLOR), wrapped to its width."""
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return render_terminal(answer, shutil.get_terminal_size((100, 24)).columns - 1, color)


def _engine(args: argparse.Namespace) -> Engine | None:
    """The engine for ``--knowledge``, through the snapshot cache unless ``--no-cache``."""
    try:
        return load_engine(args.knowledge, None if args.no_cache else default_cache())[0]
    except KnowledgeError as e:
        print(f"career-bot: the knowledge base has problems; run `career-bot validate`:\n{e}", file=sys.stderr)
        return None


def _turn(line: str) -> tuple[str | None, str]:
    """A stdin line: a JSON object {"conversation": ID, "question": TEXT} is one turn of conversation
    ID; anything else is an independent question."""
    text = line.strip()
    if text.startswith("{") and text.endswith("}"):
        try:
            obj = json.loads(text)
        except ValueError:
            return None, line
        if isinstance(obj, dict) and isinstance(obj.get("question"), str) and isinstance(obj.get("conversation"), (str, int)):
            return str(obj["conversation"]), obj["question"]
    return None, line


def cmd_ask(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if engine is None:
        return 1
    if args.question == ["-"]:
        lines: Iterable[str] = (line.rstrip("\r\n") for line in sys.stdin)
    elif len(args.question) > 1 and any(" " in q.strip() for q in args.question):
        lines = iter(args.question)  # ask "q1" "q2": each question answered on its own
    else:
        lines = iter([" ".join(args.question)])  # ask what is CPOM: one question the shell split
    contexts: dict[str, Context] = {}
    for line in lines:
        conversation, q = _turn(line) if args.question == ["-"] else (None, line)
        if args.explain:
            from bot.engine.explain import explain

            sys.stdout.write(explain(q, engine.index) + "\n\n")
            continue
        if conversation is None:
            a = engine.ask(q)
        else:
            a, contexts[conversation] = engine.converse(q, contexts.get(conversation))
        if args.json:
            sys.stdout.write(json.dumps(answer_json(a), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(terminal(a) + "\n\n")
        sys.stdout.flush()
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if engine is None:
        return 1
    interactive = sys.stdin.isatty()
    print(
        f"Career assistant — {count(len(engine.knowledge.roles), 'role')}, {count(len(engine.knowledge.certifications), 'certification')}. "
        "Ask a question; follow-ups keep the conversation ('/new' starts over, 'quit' leaves)."
    )
    context = Context()
    while True:
        try:
            q = input("you> " if interactive else "")
        except EOFError:
            break
        if q.strip().lower() in ("quit", "exit", ":q", "/quit"):
            break
        if q.strip().lower() in ("/new", "/reset"):
            context = Context()
            print("(new conversation)\n")
            continue
        if not q.strip():
            continue
        answer, context = engine.converse(q, context)
        print("\n" + terminal(answer) + "\n")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluation import SetError, conversation_metrics, conversation_report, evaluate, evaluate_conversations, is_conversation_set, load_conversations, load_set, metrics, report
    from bot.knowledge.importer import plan_import
    from bot.knowledge.loader import default_knowledge_dir
    from bot.knowledge.page import PageError
    from bot.knowledge.page_source import PageSource, read_page

    try:
        talks = is_conversation_set(args.set)
        conversations = load_conversations(args.set) if talks else []
        items = [] if talks else load_set(args.set)
    except SetError as e:
        print(f"career-bot eval: {e}", file=sys.stderr)
        return 2
    kdir = args.knowledge or default_knowledge_dir()
    # --import: the pages are imported in memory (an overlay over the folder), never written
    overlay: dict[str, str | None] = {}
    for page in args.import_pages:
        source: PageSource | None = None
        try:  # a .txt page or a saved web page (.html), read as `career-bot import` reads it
            source = read_page(page)
            overlay.update(plan_import(source, kdir, overlay).writes)
        except OSError as e:
            print(f"career-bot eval: --import {page}: {'no such file' if isinstance(e, FileNotFoundError) else e.strerror or e}", file=sys.stderr)
            return 2
        except PageError as e:
            line = source.html_line(e.line) if source is not None else e.line
            print(f"career-bot eval: --import {page}:{line}: {e.message}", file=sys.stderr)
            return 2
        except KnowledgeError as e:
            print(f"career-bot eval: --import {page}: the knowledge base has problems; run `career-bot validate`:\n{e}", file=sys.stderr)
            return 1
    try:
        engine = Engine(load_knowledge(kdir, overlay=overlay))
    except KnowledgeError as e:
        print(f"career-bot: the knowledge base has problems; run `career-bot validate`:\n{e}", file=sys.stderr)
        return 1
    if talks:
        results = evaluate_conversations(engine, conversations)
        print(conversation_report(conversations, results))
        m = conversation_metrics(results)
        floors = (("follow", args.min_follow), ("none", args.min_none), ("overall", args.min_overall))
    else:
        verdicts = evaluate(engine, items)
        print(report(verdicts))
        m = metrics(verdicts)
        floors = (("inscope", args.min_inscope), ("none", args.min_none), ("overall", args.min_overall))
    for name, floor in floors:
        if floor is not None and (m[name] is None or m[name] < floor):
            print(f"below the floor: {name}={m[name]} < {floor}", file=sys.stderr)
            return 1
    return 0


def _no_cache_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-cache", action="store_true", help="load and build the knowledge from its files, without the snapshot cache (CAREER_BOT_CACHE=off does the same)")


def register(sub: argparse._SubParsersAction, knowledge_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("ask", help="answer one question (or one per line from stdin with '-')")
    p.add_argument("question", nargs="+", help="the question, or - to read one question per line from standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object per question (stable contract, see README)")
    p.add_argument("--explain", action="store_true", help="print how the question was read and each decision stage's verdict")
    knowledge_arg(p)
    _no_cache_arg(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="interactive console that answers like the bot, no Discord token needed")
    knowledge_arg(p)
    _no_cache_arg(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="score the engine on a question set")
    p.add_argument("--set", type=Path, required=True, metavar="FILE", help="question set YAML (dev-questions.yaml format), or conversations (dev-conversations.yaml format: scored by turn kind)")
    p.add_argument("--import", dest="import_pages", nargs="+", type=Path, default=[], metavar="PAGE", help="import these spotlight pages (.txt or .html) in memory first (nothing is written)")
    p.add_argument("--min-inscope", type=float, default=None, help="exit 1 if in-scope accuracy is below this")
    p.add_argument("--min-none", type=float, default=None, help="exit 1 if the must-be-none accuracy is below this")
    p.add_argument("--min-follow", type=float, default=None, help="conversations: exit 1 if follow-up turns score below this")
    p.add_argument("--min-overall", type=float, default=None)
    knowledge_arg(p)
    p.set_defaults(func=cmd_eval)
