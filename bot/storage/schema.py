"""The database's schema: one migration per version (``PRAGMA user_version``), never edited
once released; ``Store`` applies the missing ones in order when it opens a database."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: initial schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        question TEXT NOT NULL,
        norm TEXT NOT NULL,
        user_hash TEXT,
        intent TEXT NOT NULL,
        confidence REAL NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT '',
        handled TEXT,
        handled_by TEXT,
        handled_at TEXT
    );
    CREATE INDEX questions_ts ON questions(ts);
    CREATE INDEX questions_open ON questions(handled, intent);
    CREATE TABLE feedback (
        answer_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        ts TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
    );
    CREATE TABLE choices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        ident TEXT NOT NULL,
        ts TEXT NOT NULL
    );
    CREATE INDEX choices_answer ON choices(answer_id);
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        moderator TEXT NOT NULL,
        file TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX changes_file ON changes(file, id);
    CREATE TABLE gap_resolutions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_key TEXT NOT NULL,
        question TEXT NOT NULL,
        action TEXT NOT NULL,
        moderator TEXT NOT NULL,
        ts TEXT NOT NULL,
        count INTEGER NOT NULL
    );
    """,
    # 2: gap groups kept up to date as questions are recorded; user hashes keyed outside the
    # database (the per-database salt is dropped: older hashes can no longer be linked to anyone)
    """
    ALTER TABLE questions ADD COLUMN gap_kinds INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE questions ADD COLUMN group_id INTEGER;
    CREATE INDEX questions_group ON questions(group_id, norm) WHERE group_id IS NOT NULL;
    CREATE INDEX questions_user ON questions(user_hash);
    CREATE INDEX feedback_user ON feedback(user_hash);
    CREATE INDEX choices_user ON choices(user_hash);
    CREATE TABLE gap_groups (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX gap_groups_queue ON gap_groups(count DESC, id);
    CREATE TABLE gap_norms (norm TEXT PRIMARY KEY, group_id INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX gap_norms_group ON gap_norms(group_id);
    CREATE TABLE gap_words (word TEXT NOT NULL, group_id INTEGER NOT NULL, PRIMARY KEY (word, group_id)) WITHOUT ROWID;
    DELETE FROM meta WHERE key = 'salt';
    """,
    # 3: questions members passed on to the moderators ("Ask a moderator"), until answered;
    # the member only as the keyed hash of their id, like their questions
    """
    CREATE TABLE escalations (
        id INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        answer_id INTEGER NOT NULL UNIQUE,
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        attempt TEXT NOT NULL,
        guild_id INTEGER,
        channel_id INTEGER NOT NULL,
        message_id INTEGER,
        post_channel_id INTEGER,
        post_id INTEGER,
        status TEXT NOT NULL DEFAULT 'open',
        answer TEXT,
        answered_by TEXT,
        answered_at TEXT,
        faq TEXT
    );
    CREATE INDEX escalations_user ON escalations(user_hash);
    CREATE INDEX escalations_ts ON escalations(ts);
    """,
    # 4: where each knowledge change came from -- "Discord", "command line",
    # or a hand edit and what noticed it; rows written before say nothing ('')
    """
    ALTER TABLE changes ADD COLUMN via TEXT NOT NULL DEFAULT '';
    """,
]
