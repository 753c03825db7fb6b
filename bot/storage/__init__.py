"""What the bot remembers: questions, feedback, "did you mean" picks, knowledge changes.

Modules: ``store`` (``Store``, the API), ``writer`` (the writer thread), ``gaps`` (grouping),
``escalations`` (questions passed on to the moderators), ``keys`` (the hashing key), ``schema``
(migrations), ``errors``.

SQLite (stdlib), WAL mode, versioned migrations (``PRAGMA user_version``).

Writes never run on the caller's thread: one background writer thread owns every write and
takes queued jobs in batches (one transaction per batch, a savepoint per job). ``record_*``
only enqueue, so the Discord event loop never waits for the disk; the other writes
(``resolve_gap``, ``record_change``, ``purge_expired``, ``forget``) wait for their job's result,
and are called from worker threads. Reads first wait until every write submitted before them
has landed, so a caller always reads its own writes.

Answer ids are allocated in memory and time-ordered (milliseconds << 16, plus a per-process
random start), so a reply's buttons carry the id before the row is written, and several bot
processes (shards) can share one database without colliding.

Knowledge gaps (unanswered questions, answers rated 👎, "did you mean" picks) are grouped when
they are recorded: a question joins the open group that already holds its normalized phrasing,
else the most similar group among those sharing a word with it (a small inverted index of the
groups' founding phrasings, confirmed with rapidfuzz ``token_set_ratio``), else it founds a new
group. ``gaps()`` and ``resolve_gap()`` read and close groups; nothing is ever regrouped.

Privacy: Discord user ids are never stored, only an HMAC-SHA256 of them keyed with a secret
kept outside the database (``CAREER_BOT_HASH_KEY``, else the file ``<database>.key``, mode 0600,
created on first use), enough to let a member's second vote replace the first and to delete a
member's data (``forget``). The database alone cannot test whether a known id asked anything.
Questions, feedback, picks and escalations older than ``retention_days`` are deleted by
``purge_expired()``; the knowledge change log (moderators' audit trail) is kept.
"""

from bot.storage.errors import StoreError
from bot.storage.escalations import Escalation
from bot.storage.gaps import GapGroup, group_key, normalize_question
from bot.storage.keys import HASH_KEY_ENV
from bot.storage.schema import MIGRATIONS
from bot.storage.store import Change, Forgotten, Store

__all__ = ["Change", "Escalation", "Forgotten", "GapGroup", "HASH_KEY_ENV", "MIGRATIONS", "Store", "StoreError", "group_key", "normalize_question"]
