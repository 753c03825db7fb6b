"""`career-bot` command line: one subcommand per job, all over the same core.

Every subcommand takes ``--knowledge DIR`` (default: the bundled knowledge) and exits with
a one-line reason on bad input, never with a traceback. Exit codes (README, "Command-line
errors and exit codes"): 0 done; 1 refused (problems in the knowledge or the input, nothing
written); 2 bad command line; 3 the knowledge folder cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, NoReturn, Sequence

from bot.knowledge.folder import shown
from bot.knowledge.loader import KnowledgeError, Loaded
from bot.knowledge.page import PageError
from bot.moderation_cli import db_arg, knowledge_dir, moderator_name, recording_store
from bot.wording import count

Handler = Callable[[argparse.Namespace], int]

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_FOLDER = 3


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (exit 2), like every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _knowledge_path(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty; name the knowledge folder")
    if "\0" in value:
        raise argparse.ArgumentTypeError("holds a NUL character")
    return Path(value)


def _knowledge_arg(p: argparse.ArgumentParser, configured: bool = False) -> None:
    """``--knowledge``; ``configured``: the command reads the bot's configuration for its default."""
    default = "`knowledge` of the bot's configuration, else the bundled knowledge/" if configured else "the bundled knowledge/"
    p.add_argument("--knowledge", type=_knowledge_path, default=None, metavar="DIR", help=f"knowledge folder (default: {default})")


def _login_name() -> str:
    """Who runs the command, when ``--as`` does not say: the account's login name."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def cmd_import(args: argparse.Namespace) -> int:
    from bot.knowledge.fetch import FetchError
    from bot.knowledge.page_source import PageSource, from_url, is_address, read_page
    from bot.moderation import EditError, KnowledgeEditor
    from bot.moderation.core import VIA_CLI, WriteError

    if args.dry_run and args.init:
        print("career-bot import: --dry-run writes nothing, so it cannot start a knowledge base (--init); drop one of them", file=sys.stderr)
        return EXIT_USAGE
    kdir = knowledge_dir(args, write=not args.dry_run, create=args.init)
    if isinstance(kdir, int):
        return kdir
    usable, store = (True, None) if args.dry_run else recording_store(args)
    if not usable:
        return EXIT_REFUSED
    editor = KnowledgeEditor(kdir, store, via=VIA_CLI)
    status = 0
    imported: list[str] = []
    try:
        for page in args.pages:
            name = shown(page)
            source: PageSource | None = None
            try:
                source = from_url(page) if is_address(page) else read_page(Path(page))
                plan = editor.import_page(args.moderator or _login_name(), source, dry_run=args.dry_run)
            except FileNotFoundError:
                print(f"career-bot import: {name}: no such file", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            except IsADirectoryError:
                print(f"career-bot import: {name}: is a folder, not a page file", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            except OSError as e:
                print(f"career-bot import: {name}: cannot read: {e.strerror or e}", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            except FetchError as e:
                print(f"career-bot import: {name}: {e.message}; nothing was written", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            except PageError as e:
                line = source.html_line(e.line) if source is not None else e.line
                print(f"career-bot import: {name}:{line}: {e.message}; nothing was written", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            except WriteError as e:
                print(f"career-bot import: {name}: {e.message}", file=sys.stderr)
                return EXIT_FOLDER
            except (KnowledgeError, EditError) as e:
                print(f"career-bot import: {name}: the knowledge base would not validate after this import; nothing was written", file=sys.stderr)
                for p in e.problems:
                    print(f"  {p}", file=sys.stderr)
                status = max(status, EXIT_REFUSED)
            else:
                imported.append(name)
                print(f"{page}: role {plan.role_id}" + (" (dry run: nothing was written)" if args.dry_run else ""))
                print(plan.report())
                if args.dry_run:
                    sys.stdout.write(plan.diff())
    finally:
        if store is not None:
            store.close()
    if status and imported and not args.dry_run:  # each page is its own recorded, undoable change: say which ones landed
        refused = len(args.pages) - len(imported)
        print(f"career-bot import: {count(len(imported), 'page')} imported ({', '.join(imported)}), {count(refused, 'page')} refused (above); "
              "fix the refused ones and import just those again", file=sys.stderr)
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    from bot.knowledge.loader import read_knowledge

    kdir = knowledge_dir(args)
    if isinstance(kdir, int):
        return kdir
    try:
        loaded = read_knowledge(kdir)
    except KnowledgeError as e:
        for p in e.problems:
            print(p)
        for w in e.warnings:
            print(w)
        n = len(e.problems)
        print(f"{n} problem{'s' if n != 1 else ''} in {shown(kdir)}", file=sys.stderr)
        return EXIT_REFUSED
    for w in loaded.warnings:
        print(w)
    kb = loaded.knowledge
    warned = f"; {count(len(loaded.warnings), 'warning')}" if loaded.warnings else ""
    print(f"{kdir}: clean ({count(len(kb.roles), 'role')}, {count(len(kb.certifications), 'certification')}, {count(len(kb.faqs), 'FAQ entry', 'FAQ entries')}, {count(len(kb.phrasings), 'taught phrasing')}){warned}")
    _note_hand_edits(args, kdir, loaded)
    return 0


def _note_hand_edits(args: argparse.Namespace, kdir: Path, loaded: Loaded) -> None:
    """``validate`` records the files changed by hand since the last good knowledge (and makes
    this knowledge the last good one), when it may write the folder."""
    import os

    from bot.knowledge.last_good import last_good_files
    from bot.moderation import EditError, KnowledgeEditor
    from bot.moderation.core import VIA_CLI

    if not os.access(kdir, os.W_OK):
        return
    snapshot = last_good_files(kdir)
    if snapshot is not None and snapshot[0] == loaded.knowledge.fingerprint:
        return
    store = recording_store(args)[1] if snapshot is not None else None
    try:
        recorded = KnowledgeEditor(kdir, store, via=VIA_CLI).note_hand_edits("validate", loaded)
    except EditError as e:
        print(f"career-bot validate: could not record the hand edits: {e.message}", file=sys.stderr)
        return
    finally:
        if store is not None:
            store.close()
    if recorded:
        print(f"recorded {count(len(recorded), 'hand edit')} in the change log: {', '.join(recorded)} (career-bot history lists them; career-bot undo reverts them)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="career-bot", description="Career assistant of the Council on Pharmacy Standards' Discord.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="import career spotlight pages (.txt, .html or an http(s) address): backed up, recorded, undoable")
    p.add_argument("pages", nargs="+", metavar="PAGE", help="a page saved as .txt or .html, or the page's https:// address")
    p.add_argument("--dry-run", action="store_true", help="print what would change (a diff) and write nothing")
    p.add_argument("--as", dest="moderator", default=None, type=moderator_name, metavar="NAME", help="who is importing (change log and git author; default: your login name)")
    p.add_argument("--init", action="store_true", help="start a new knowledge base in DIR (missing or empty)")
    _knowledge_arg(p, configured=True)
    db_arg(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("validate", help="check the knowledge base, list every problem, and record hand edits in the change log")
    _knowledge_arg(p, configured=True)
    db_arg(p)
    p.set_defaults(func=cmd_validate)

    from bot import discord_cli, engine_cli, moderation_cli  # each registers its own subcommands

    for module in (engine_cli, discord_cli, moderation_cli):
        module.register(sub, _knowledge_arg)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:  # a file the command had no reason to expect trouble with
        where = f": {shown(e.filename)}" if e.filename else ""
        print(f"career-bot {args.command}: {e.strerror or e}{where}", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
