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

from bot.knowledge.folder import open_folder, shown
from bot.knowledge.loader import KnowledgeError, default_knowledge_dir, load_knowledge
from bot.knowledge.page import PageError
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


def _knowledge_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--knowledge", type=_knowledge_path, default=None, metavar="DIR", help="knowledge folder (default: the bundled knowledge/)")


def _kdir(args: argparse.Namespace) -> Path:
    return args.knowledge if args.knowledge is not None else default_knowledge_dir()


def _open(args: argparse.Namespace, *, write: bool = False, create: bool = False) -> Path | None:
    """The knowledge folder, ready (interrupted changes finished); None after saying why not."""
    kdir = _kdir(args)
    why = open_folder(kdir, write=write, create=create)
    if why:
        print(f"career-bot {args.command}: {shown(kdir)}: {why}", file=sys.stderr)
        return None
    return kdir


def cmd_import(args: argparse.Namespace) -> int:
    from bot.knowledge.page import read_page_file
    from bot.moderation import EditError, KnowledgeEditor
    from bot.moderation.core import WriteError

    kdir = _open(args, write=True, create=args.init)
    if kdir is None:
        return EXIT_FOLDER
    editor = KnowledgeEditor(kdir, via="command line")
    status = 0
    for page in args.pages:
        name = shown(page)
        try:
            plan = editor.import_page("command line", read_page_file(page))
        except FileNotFoundError:
            print(f"career-bot import: {name}: no such file", file=sys.stderr)
            status = max(status, EXIT_REFUSED)
        except IsADirectoryError:
            print(f"career-bot import: {name}: is a folder, not a page file", file=sys.stderr)
            status = max(status, EXIT_REFUSED)
        except OSError as e:
            print(f"career-bot import: {name}: cannot read: {e.strerror or e}", file=sys.stderr)
            status = max(status, EXIT_REFUSED)
        except PageError as e:
            print(f"career-bot import: {name}:{e.line}: {e.message}; nothing was written", file=sys.stderr)
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
            print(f"{page}: role {plan.role_id}")
            print(plan.report())
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    kdir = _open(args)
    if kdir is None:
        return EXIT_FOLDER
    try:
        kb = load_knowledge(kdir)
    except KnowledgeError as e:
        for p in e.problems:
            print(p)
        n = len(e.problems)
        print(f"{n} problem{'s' if n != 1 else ''} in {shown(kdir)}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{kdir}: clean ({count(len(kb.roles), 'role')}, {count(len(kb.certifications), 'certification')}, {count(len(kb.faqs), 'FAQ entry', 'FAQ entries')}, {count(len(kb.phrasings), 'taught phrasing')})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="career-bot", description="Career assistant of the Council on Pharmacy Standards' Discord.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="import career spotlight page(s) into the knowledge base (backed up, undoable)")
    p.add_argument("pages", nargs="+", type=Path, metavar="PAGE.txt")
    p.add_argument("--init", action="store_true", help="start a new knowledge base in DIR (missing or empty)")
    _knowledge_arg(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("validate", help="check the knowledge base and list every problem")
    _knowledge_arg(p)
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
