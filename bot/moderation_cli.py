"""CLI subcommands for moderators and operators: gaps, history, export, undo, teach (same core as
the Discord /kb commands) and forget (a member's data).

They read the bot's configuration (``--config``, else ``$CAREER_BOT_CONFIG``, else the
defaults), so they find the database and knowledge folder `career-bot run` uses; ``--db`` and
``--knowledge`` override it. Errors are one line and an exit code (README): 1 refused or failed
(no database, not a database, a bad configuration, nothing to undo, an output that cannot be
written), 2 bad command line, 3 the knowledge folder cannot be used.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from bot.discord_cli import CONFIG_ENV, Settings, config_arg
from bot.knowledge.chars import bad_in_text, describe
from bot.knowledge.folder import open_folder, shown

SQLITE_HEADER = b"SQLite format 3\x00"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
EXIT_REFUSED, EXIT_FOLDER = 1, 3


def settings(args: argparse.Namespace) -> Settings:
    """The command's settings (one per command line: the configuration is read at most once)."""
    found = getattr(args, "_settings", None)
    if found is None:
        found = Settings(args)
        args._settings = found
    return found


def db_arg(p: argparse.ArgumentParser) -> None:
    config_arg(p)
    p.add_argument("--db", type=Path, default=None, metavar="PATH", help="the bot's database (default: `database` of the bot's configuration, else ./career-bot.sqlite3)")


def recording_store(args: argparse.Namespace) -> tuple[bool, Any]:
    """(usable, the database changes are recorded in): (True, None) for a scratch knowledge
    folder given alone; (False, None) after a one-line reason."""
    if _scratch(args) and (path := settings(args).database()) is not None and not path.exists():
        return True, None
    store = open_store(args, must_exist=False)
    return store is not None, store


def open_store(args: argparse.Namespace, must_exist: bool = True) -> Any:
    """The bot's database, or None after a one-line reason (missing, not a database, unreadable)."""
    import sqlite3

    from bot.storage import Store

    path = settings(args).database()
    if path is None:
        return None
    where = f"career-bot {args.command}: {shown(path)}"
    try:
        if not path.exists():
            if must_exist:
                print(f"career-bot {args.command}: no database at {shown(path)}; pass --db PATH or --config FILE (the bot's)", file=sys.stderr)
                return None
        elif not path.is_file():
            print(f"{where}: is not a database file", file=sys.stderr)
            return None
        else:
            with open(path, "rb") as f:
                head = f.read(len(SQLITE_HEADER))
            if head and head != SQLITE_HEADER:
                print(f"{where}: is not a career-bot database (not SQLite); pass --db PATH", file=sys.stderr)
                return None
        return Store(path)
    except (OSError, sqlite3.Error) as e:
        print(f"{where}: cannot open the database: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
        return None


def _scratch(args: argparse.Namespace) -> bool:
    """A knowledge folder given on its own, with no database and no bot configuration."""
    import os

    configured = getattr(args, "db", None) is not None or getattr(args, "config", None) is not None or bool(os.environ.get(CONFIG_ENV))
    return getattr(args, "knowledge", None) is not None and not configured


def knowledge_dir(args: argparse.Namespace, write: bool = False, create: bool = False) -> Path | int:
    """The knowledge folder, ready for use (interrupted changes finished); else the exit code
    after a one-line reason."""
    kdir = settings(args).knowledge()
    if kdir is None:
        return EXIT_REFUSED
    why = open_folder(kdir, write=write, create=create)
    if why:
        print(f"career-bot {args.command}: {shown(kdir)}: {why}", file=sys.stderr)
        return EXIT_FOLDER
    return kdir


def moderator_name(value: str) -> str:
    """``--as``: one line, no control characters (a newline would forge git trailers)."""
    bad = bad_in_text(value) or next(((i, c) for i, c in enumerate(value) if c in "\n\t"), None)
    if bad:
        raise argparse.ArgumentTypeError(f"must be one line without control characters (found {describe(bad[1])})")
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty; say who is undoing")
    if len(value) > 100:
        raise argparse.ArgumentTypeError(f"is {len(value)} characters; the limit is 100")
    return value.strip()


def one_line(text: str) -> str:
    """A member's text for a terminal: control characters (an ESC sequence, a line break) shown as
    spaces, runs of spaces as one."""
    return " ".join(_CONTROL.sub(" ", text).split())


def teach_command(question: str, args: argparse.Namespace) -> str:
    """The ``career-bot teach`` line for a gap's question, quoted for a POSIX shell whatever the
    member typed, with the ``--config``/``--db`` this command was given."""
    import shlex

    where = "".join(f" --{opt} {shlex.quote(str(getattr(args, opt)))}" for opt in ("config", "db") if getattr(args, opt, None) is not None)
    return f"career-bot teach {shlex.quote(one_line(question))} --means INTENT [--about ROLE_OR_CODE]{where} --as NAME"


def cmd_gaps(args: argparse.Namespace) -> int:
    from bot.knowledge.schema import TEACHABLE

    store = open_store(args)
    if store is None:
        return EXIT_REFUSED
    with store:
        groups = store.gaps(limit=args.limit, offset=args.offset)
    if not groups:
        print("no open knowledge gaps")
        return 0
    for g in groups:
        print(f"[{g.key}] {g.count}x  last {g.last_seen}  ({', '.join(g.kinds)})")
        print(f"    {one_line(g.question)}")
        for ex in g.examples:
            if ex != g.question:
                print(f"      ~ {one_line(ex)}")
        print(f"    teach: {teach_command(g.question, args)}")
    print()
    print(f"teach: the knowledge holds the answer and the bot misread the wording; INTENT is one of {', '.join(TEACHABLE)};")
    print("ROLE_OR_CODE is a role id or certification code, when the question names none (see career-bot teach --help).")
    print("A question the knowledge cannot answer needs an FAQ entry instead (knowledge/README.md, or /kb gaps in Discord).")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = open_store(args)
    if store is None:
        return EXIT_REFUSED
    with store:
        changes = store.history(args.file, limit=args.limit)
    if not changes:
        print("no recorded changes" + (f" to {args.file}" if args.file else ""))
        return 0
    for c in changes:
        what = "created" if c.before is None else "removed" if c.after is None else "changed"
        via = f", via {c.via}" if c.via else ""
        print(f"#{c.id} {c.when}  {c.moderator}  {c.action}  {c.file} ({what}{via})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.knowledge.transaction import stage
    from bot.moderation import KnowledgeEditor

    kdir = knowledge_dir(args)
    if isinstance(kdir, int):
        return kdir
    out = args.output or Path("knowledge.zip")
    if str(out) != "-":
        try:
            if out.is_dir():
                print(f"career-bot export: {shown(out)}: is a folder; give a file name such as {shown(out / 'knowledge.zip')}", file=sys.stderr)
                return EXIT_REFUSED
            if not out.absolute().parent.is_dir():
                print(f"career-bot export: {shown(out)}: the folder {shown(out.absolute().parent)} does not exist", file=sys.stderr)
                return EXIT_REFUSED
        except OSError as e:
            print(f"career-bot export: {shown(out)}: {e.strerror or e}", file=sys.stderr)
            return EXIT_REFUSED
    data = KnowledgeEditor(kdir).export_zip()
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        return 0
    try:
        os.replace(stage(out, data), out)  # a reader never sees half a zip
    except OSError as e:
        print(f"career-bot export: {shown(out)}: cannot write: {e.strerror or e}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{out}: {len(data)} bytes")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    return _edit(args, lambda editor: editor.undo(args.moderator, args.file))


def cmd_teach(args: argparse.Namespace) -> int:
    return _edit(args, lambda editor: editor.teach(args.moderator, args.question, args.means, args.about, args.section))


def _edit(args: argparse.Namespace, change: Callable[[Any], Any]) -> int:
    """One knowledge edit through the editor (recorded in the bot's database when there is
    one): its summary, or a one-line reason and the exit code."""
    from bot.moderation import EditError, KnowledgeEditor
    from bot.moderation.core import VIA_CLI, WriteError

    kdir = knowledge_dir(args, write=True)
    if isinstance(kdir, int):
        return kdir
    usable, store = recording_store(args)
    if not usable:
        return EXIT_REFUSED
    try:
        result = change(KnowledgeEditor(kdir, store, via=VIA_CLI))
    except WriteError as e:
        print(f"career-bot {args.command}: {e.message}", file=sys.stderr)
        return EXIT_FOLDER
    except EditError as e:
        print(f"career-bot {args.command}: {e}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        if store is not None:
            store.close()
    print(result.summary)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Delete one member's questions, votes, picks and questions passed on to the moderators (a
    member's deletion request), and say how many of each."""
    import sqlite3

    from bot.storage import StoreError

    if not args.user_id.isdigit():
        print(f"career-bot forget: {args.user_id!r} is not a Discord user id (digits; right-click the member > Copy User ID)", file=sys.stderr)
        return 2
    try:
        store = open_store(args)
        if store is None:
            return 1
        with store:
            gone = store.forget(int(args.user_id))
    except (StoreError, sqlite3.Error, OSError) as e:
        print(f"career-bot forget: {e}", file=sys.stderr)
        return 1
    from bot.wording import count

    passed_on = count(gone.escalations, "question passed on to the moderators", "questions passed on to the moderators")
    print(f"deleted {count(gone.questions, 'question')}, {count(gone.feedback, 'vote')}, {count(gone.choices, 'pick')} and {passed_on} of that member")
    return 0


def register(sub: argparse._SubParsersAction, knowledge_arg: Callable[..., None]) -> None:
    p = sub.add_parser("gaps", help="questions the bot could not answer well, grouped by similar phrasing")
    db_arg(p)
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    p.set_defaults(func=cmd_gaps)

    p = sub.add_parser("history", help="every knowledge change (Discord, command line, hand edits), newest first")
    db_arg(p)
    p.add_argument("file", nargs="?", default=None, metavar="FILE", help="only this knowledge file (e.g. roles/x.yaml)")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("export", help="zip the knowledge folder")
    knowledge_arg(p, configured=True)
    config_arg(p)
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.zip", help="where to write (default: knowledge.zip; - for stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("undo", help="revert the last change (an import, a hand edit, a /kb edit), or the last change of FILE")
    knowledge_arg(p, configured=True)
    db_arg(p)
    p.add_argument("file", nargs="?", default=None, metavar="FILE")
    p.add_argument("--as", dest="moderator", required=True, type=moderator_name, metavar="NAME", help="who is undoing (recorded and used as git author)")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser("teach", help="teach the bot what a question means (knowledge/phrasings.yaml)")
    p.add_argument("question", metavar="QUESTION", help="the question as members ask it")
    p.add_argument("--means", required=True, metavar="INTENT", help="certification, role, pathway, list_certifications, list_roles, help or none")
    p.add_argument("--about", default=None, metavar="ROLE_OR_CODE", help="the role id or certification code it is about, when the question names none")
    p.add_argument("--section", default=None, metavar="SECTION", help="for --means role: overview, responsibilities or day_in_the_life")
    p.add_argument("--as", dest="moderator", required=True, type=moderator_name, metavar="NAME", help="who is teaching (recorded and used as git author)")
    knowledge_arg(p, configured=True)
    db_arg(p)
    p.set_defaults(func=cmd_teach)

    p = sub.add_parser("forget", help="delete a member's recorded questions, votes, picks and questions passed on to the moderators")
    p.add_argument("user_id", metavar="USER_ID", help="the member's Discord user id")
    db_arg(p)
    p.set_defaults(func=cmd_forget)
