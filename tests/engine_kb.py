"""A knowledge base the engine tests own: the seed page, four more spotlight pages and two FAQ
entries, built once per test process in a temporary folder (never the bundled knowledge/, so a
moderator's edit there cannot turn these tests red)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from knowledge_helpers import FIXTURE, PAGES, seeded_kb, write

from bot.engine import Context, Engine
from bot.engine.answer import Answer
from bot.knowledge import load_knowledge
from bot.knowledge.importer import import_page

FAQS = {
    "how-to-report-a-wrong-answer": (
        ["how do i report a wrong answer", "the bot got it wrong, who do i tell"],
        "Press the thumbs-down button under the answer; moderators review those.",
    ),
    "request-a-new-career-spotlight": (
        ["can you add another career path", "can you add a spotlight for my job"],
        "Ask a moderator to import the council's new spotlight page.",
    ),
}


VOCABULARY = """synonyms:
  ops: operations
  dir: director
  mgr: manager
  cert: certification
  certs: certifications
  buyer: procurement
  purchasing: procurement
  stock: inventory
  errors: safety
  med safety: medication safety
"""


PHRASINGS = """examples:
  - question: gimme the lowdown on the big boss of pharmacy logistics
    means: role
    about: director-of-pharmacy-operations
    section: overview
  - question: whats the vibe with CPOM
    means: certification
"""


def _faq_yaml(fid: str) -> str:
    questions, answer = FAQS[fid]
    lines = [f"id: {fid}", "questions:"] + [f"  - {q}" for q in questions] + [f"answer: {answer}"]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=2)
def kb_dir(with_pages: bool = True) -> Path:
    from bot.knowledge.importer import import_page

    tmp = Path(tempfile.mkdtemp(prefix="engine-kb-"))
    atexit.register(shutil.rmtree, tmp, True)
    kdir = seeded_kb(tmp)
    for fid in FAQS:
        write(kdir / "faq" / f"{fid}.yaml", _faq_yaml(fid))
    write(kdir / "vocabulary.yaml", VOCABULARY)
    write(kdir / "phrasings.yaml", PHRASINGS)
    if with_pages:
        for page in sorted(PAGES.glob("*.txt")):
            import_page(page, kdir)
    return kdir


@lru_cache(maxsize=2)
def engine(with_pages: bool = True) -> Engine:
    return Engine(load_knowledge(kb_dir(with_pages)))


def talk(*questions: str, e: Engine | None = None, context: Context | None = None) -> list[Answer]:
    """Answer the questions as one conversation (on the tests' own knowledge unless ``e`` is given)."""
    e = e or engine()
    answers = []
    for q in questions:
        a, context = e.converse(q, context)
        answers.append(a)
    return answers


@lru_cache(maxsize=4)
def with_pages(blind_set: str) -> Engine:
    """The fixture knowledge (its vocabulary reads "tech" as tech, technician, technology) plus a
    blind set's pages, as that set is scored."""
    tmp = Path(tempfile.mkdtemp(prefix="set-kb-"))
    atexit.register(shutil.rmtree, tmp, True)
    kdir = tmp / "knowledge"
    shutil.copytree(FIXTURE, kdir)
    for page in sorted((Path(__file__).parent / blind_set / "pages").glob("*.txt")):
        import_page(page, kdir)
    return Engine(load_knowledge(kdir))
