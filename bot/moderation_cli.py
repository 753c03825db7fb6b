"""CLI subcommands for moderators and operators: gaps, history, export, undo (same core as the
Discord /kb commands) and forget (a member's data)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

DEFAULT_DB = "career-bot.sqlite3"  # the same default as the bot's `database` setting


def default_db_path() -> Path:
    """``$CAREER_BOT_DB``, else ``career-bot.sqlite3`` in the current directory."""
    return Path(os.environ.get("CAREER_BOT_DB") or DEFAULT_DB)


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None, metavar="PATH", help=f"bot database (default: $CAREER_BOT_DB or ./{DEFAULT_DB})")


def _open_store(args: argparse.Namespace, must_exist: bool = True):
    from bot.storage import Store

    path = args.db if args.db is not None else default_db_path()
    if must_exist and not path.exists():
        print(f"career-bot {args.command}: no database at {path}; pass --db PATH", file=sys.stderr)
        return None
    return Store(path)


def _kdir(args: argparse.Namespace) -> Path:
    from bot.knowledge.loader import default_knowledge_dir

    return args.knowledge if args.knowledge is not None else default_knowledge_dir()


def cmd_gaps(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 1
    with store:
        groups = store.gaps(limit=args.limit, offset=args.offset)
    if not groups:
        print("no open knowledge gaps")
        return 0
    for g in groups:
        print(f"[{g.key}] {g.count}x  last {g.last_seen}  ({', '.join(g.kinds)})")
        print(f"    {g.question}")
        for ex in g.examples:
            if ex != g.question:
                print(f"      ~ {ex}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 1
    with store:
        changes = store.history(args.file, limit=args.limit)
    if not changes:
        print("no recorded changes" + (f" to {args.file}" if args.file else ""))
        return 0
    for c in changes:
        what = "created" if c.before is None else "removed" if c.after is None else "changed"
        print(f"#{c.id} {c.when}  {c.moderator}  {c.action}  {c.file} ({what})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.moderation import KnowledgeEditor

    kdir = _kdir(args)
    if not kdir.is_dir():
        print(f"career-bot export: {kdir}: no such folder", file=sys.stderr)
        return 1
    data = KnowledgeEditor(kdir).export_zip()
    out = args.output or Path("knowledge.zip")
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        return 0
    out.write_bytes(data)
    print(f"{out}: {len(data)} bytes")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from bot.moderation import EditError, KnowledgeEditor

    kdir = _kdir(args)
    store = _open_store(args, must_exist=False)
    try:
        result = KnowledgeEditor(kdir, store).undo(args.moderator, args.file)
    except EditError as e:
        print(f"career-bot undo: {e}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()
    print(result.summary)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Delete one member's questions, votes and picks (a member's deletion request)."""
    import sqlite3

    from bot.storage import StoreError

    if not args.user_id.isdigit():
        print(f"career-bot forget: {args.user_id!r} is not a Discord user id (digits; right-click the member > Copy User ID)", file=sys.stderr)
        return 2
    try:
        store = _open_store(args)
        if store is None:
            return 1
        with store:
            gone = store.forget(int(args.user_id))
    except (StoreError, sqlite3.Error, OSError) as e:
        print(f"career-bot forget: {e}", file=sys.stderr)
        return 1
    print(f"deleted {gone.questions} questions, {gone.feedback} votes and {gone.choices} picks of that member")
    return 0


def register(sub: argparse._SubParsersAction, knowledge_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("gaps", help="questions the bot could not answer well, grouped by similar phrasing")
    _db_arg(p)
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    p.set_defaults(func=cmd_gaps)

    p = sub.add_parser("history", help="knowledge changes made by moderators, newest first")
    _db_arg(p)
    p.add_argument("file", nargs="?", default=None, metavar="FILE", help="only this knowledge file (e.g. roles/x.yaml)")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("export", help="zip the knowledge folder")
    knowledge_arg(p)
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.zip", help="where to write (default: knowledge.zip; - for stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("undo", help="restore the previous version of a knowledge file (default: the last change)")
    knowledge_arg(p)
    _db_arg(p)
    p.add_argument("file", nargs="?", default=None, metavar="FILE")
    p.add_argument("--as", dest="moderator", required=True, metavar="NAME", help="who is undoing (recorded and used as git author)")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser("forget", help="delete a member's recorded questions, votes and picks")
    p.add_argument("user_id", metavar="USER_ID", help="the member's Discord user id")
    _db_arg(p)
    p.set_defaults(func=cmd_forget)
