"""`career-bot` command line: one subcommand per job, all over the same core.

Every subcommand takes ``--knowledge DIR`` (default: the bundled knowledge) and exits
non-zero with a one-line reason on bad input, never with a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from bot.knowledge.loader import KnowledgeError, default_knowledge_dir, load_knowledge
from bot.knowledge.page import PageError

Handler = Callable[[argparse.Namespace], int]


def _knowledge_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--knowledge", type=Path, default=None, metavar="DIR", help="knowledge folder (default: the bundled knowledge/)")


def _kdir(args: argparse.Namespace) -> Path:
    return args.knowledge if args.knowledge is not None else default_knowledge_dir()


def cmd_import(args: argparse.Namespace) -> int:
    from bot.knowledge.importer import import_page

    kdir = _kdir(args)
    status = 0
    for page in args.pages:
        try:
            plan = import_page(page, kdir)
        except FileNotFoundError:
            print(f"career-bot import: {page}: no such file", file=sys.stderr)
            status = 1
        except PageError as e:
            print(f"career-bot import: {page}:{e.line}: {e.message}; nothing was written", file=sys.stderr)
            status = 1
        except KnowledgeError as e:
            print(f"career-bot import: {page}: the knowledge base would not validate after this import; nothing was written", file=sys.stderr)
            for p in e.problems:
                print(f"  {p}", file=sys.stderr)
            status = 1
        else:
            print(f"{page}: role {plan.role_id}")
            print(plan.report())
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    kdir = _kdir(args)
    try:
        kb = load_knowledge(kdir)
    except KnowledgeError as e:
        for p in e.problems:
            print(p)
        n = len(e.problems)
        print(f"{n} problem{'s' if n != 1 else ''} in {kdir}", file=sys.stderr)
        return 1
    print(f"{kdir}: clean ({len(kb.roles)} roles, {len(kb.certifications)} certifications, {len(kb.faqs)} FAQ entries)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="career-bot", description="Career assistant of the Council on Pharmacy Standards' Discord.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="import career spotlight page(s) into the knowledge base")
    p.add_argument("pages", nargs="+", type=Path, metavar="PAGE.txt")
    _knowledge_arg(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("validate", help="check the knowledge base and list every problem")
    _knowledge_arg(p)
    p.set_defaults(func=cmd_validate)

    from bot import engine_cli

    engine_cli.register(sub, _knowledge_arg)
    from bot import discord_cli; discord_cli.register(sub, _knowledge_arg)
    from bot import moderation_cli; moderation_cli.register(sub, _knowledge_arg)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
