"""An in-process Discord API double for end-to-end tests of discord.py bots.

The *real* discord.py client (HTTP + gateway) connects to this server on
127.0.0.1, so a bot's Discord behaviour can be exercised offline:

    async with DiscordDouble() as d:           # starts the server and patches discord.py
        bot = commands.Bot(command_prefix="!", intents=intents, guild_ready_timeout=0.1)
        async with d.run_client(bot):          # bot.start(d.token), waits for on_ready
            await d.send_message(content="!ping")
            sent = await d.wait_for_message(lambda m: m.content == "pong")

Why a double instead of mocks: mocks of discord.py objects drift from the
library, while a wire-level double exercises the library's real parsing, view
dispatch, app-command tree and error mapping.  The double mimics Discord's
JSON shapes, limits and error bodies closely enough that a bot that passes
here should not trip over Discord's validation in production.

Everything the bot sends is recorded (``requests``, ``sent_messages``,
``interaction_responses``, ``command_syncs`` ...) and the ``wait_for_*``
helpers always take a timeout so a broken bot fails a test instead of
hanging it.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import re
import secrets
import socket
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Callable, Deque, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from aiohttp import WSMsgType, web

try:  # optional: only needed if discord.py negotiated zstd-stream (zstandard installed)
    import zstandard as _zstandard  # type: ignore
except Exception:  # pragma: no cover - depends on environment
    _zstandard = None

__all__ = [
    "DiscordDouble",
    "GatewaySession",
    "RecordedRequest",
    "SentFile",
    "SentMessage",
    "InteractionRecord",
    "InteractionResponseRecord",
    "CommandSync",
    "ReactionRecord",
    "snowflake",
    "iso_timestamp",
    "make_user",
    "make_role",
    "make_member",
    "make_text_channel",
    "make_dm_channel",
    "make_message",
    "make_attachment",
    "user_mention",
    "role_mention",
    "Intents",
    "Perm",
]

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
JSON_CT = "application/json"  # discord.py only parses JSON when the header is exactly this


class Intents:
    """Gateway intent bits (https://discord.com/developers/docs/events/gateway#gateway-intents)."""

    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1  # privileged
    GUILD_MODERATION = 1 << 2
    GUILD_PRESENCES = 1 << 8  # privileged
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    GUILD_MESSAGE_TYPING = 1 << 11
    DIRECT_MESSAGES = 1 << 12
    DIRECT_MESSAGE_REACTIONS = 1 << 13
    DIRECT_MESSAGE_TYPING = 1 << 14
    MESSAGE_CONTENT = 1 << 15  # privileged
    PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT


class Perm:
    """Permission bits used by the double's permission model."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    MANAGE_ROLES = 1 << 28
    USE_APPLICATION_COMMANDS = 1 << 31
    CREATE_PUBLIC_THREADS = 1 << 35
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40
    ALL = (1 << 51) - 1  # every currently defined bit (Discord adds bits over time)

    EVERYONE_DEFAULT = (
        CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
        | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CHANGE_NICKNAME | USE_APPLICATION_COMMANDS
        | SEND_MESSAGES_IN_THREADS
    )
    MODERATOR_DEFAULT = (
        MANAGE_GUILD | MANAGE_MESSAGES | KICK_MEMBERS | BAN_MEMBERS | MODERATE_MEMBERS | MANAGE_ROLES | MENTION_EVERYONE
    )
    BOT_DEFAULT = (
        VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | ADD_REACTIONS
        | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS | SEND_MESSAGES_IN_THREADS | MANAGE_MESSAGES
    )


# --------------------------------------------------------------------------- ids & time

_last_snowflake = 0
_increment = itertools.count()


def snowflake(at_ms: Optional[int] = None) -> int:
    """Return a unique, monotonically increasing Discord-style snowflake.

    Real snowflakes encode a timestamp, which discord.py uses for ``created_at``;
    keeping them realistic keeps those attributes sane.
    """
    global _last_snowflake
    ms = int(time.time() * 1000) if at_ms is None else at_ms
    value = ((ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | (next(_increment) & 0xFFF)
    if value <= _last_snowflake:
        value = _last_snowflake + 1
    _last_snowflake = value
    return value


def iso_timestamp(dt: Optional[datetime] = None) -> str:
    """ISO-8601 timestamp in the format Discord emits."""
    return (dt or datetime.now(timezone.utc)).isoformat(timespec="microseconds")


def _sid(value: Any) -> str:
    return str(int(value))


# --------------------------------------------------------------------------- payload builders


def make_user(
    user_id: Optional[int] = None,
    username: str = "user",
    *,
    bot: bool = False,
    global_name: Optional[str] = None,
    avatar: Optional[str] = None,
    discriminator: str = "0",
    system: bool = False,
    public_flags: int = 0,
) -> Dict[str, Any]:
    """A Discord user object (https://discord.com/developers/docs/resources/user#user-object)."""
    data: Dict[str, Any] = {
        "id": _sid(user_id if user_id is not None else snowflake()),
        "username": username,
        "discriminator": discriminator,
        "global_name": global_name if global_name is not None else (None if bot else username.title()),
        "avatar": avatar,
        "avatar_decoration_data": None,
        "banner": None,
        "accent_color": None,
        "public_flags": public_flags,
        "flags": public_flags,
        "primary_guild": None,
        "collectibles": None,
    }
    if bot:
        data["bot"] = True
    if system:
        data["system"] = True
    return data


def make_role(
    role_id: int,
    name: str,
    *,
    permissions: int = 0,
    position: int = 0,
    color: int = 0,
    hoist: bool = False,
    mentionable: bool = False,
    managed: bool = False,
    tags: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """A role object; ``permissions`` is serialised as a string like Discord does."""
    data: Dict[str, Any] = {
        "id": _sid(role_id),
        "name": name,
        "color": color,
        "colors": {"primary_color": color, "secondary_color": None, "tertiary_color": None},
        "hoist": hoist,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": managed,
        "mentionable": mentionable,
        "flags": 0,
    }
    if tags:
        data["tags"] = tags
    return data


def make_member(
    user: Mapping[str, Any],
    *,
    roles: Iterable[Union[int, str, Mapping[str, Any]]] = (),
    nick: Optional[str] = None,
    joined_at: Optional[str] = None,
    permissions: Optional[int] = None,
    include_user: bool = True,
) -> Dict[str, Any]:
    """A guild member object.  ``permissions`` is only present in interaction payloads."""
    data: Dict[str, Any] = {
        "roles": [_sid(r["id"]) if isinstance(r, Mapping) else _sid(r) for r in roles],
        "nick": nick,
        "avatar": None,
        "banner": None,
        "joined_at": joined_at or iso_timestamp(),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if include_user:
        data["user"] = dict(user)
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def make_text_channel(
    channel_id: int,
    guild_id: int,
    name: str,
    *,
    position: int = 0,
    topic: Optional[str] = None,
    parent_id: Optional[int] = None,
    nsfw: bool = False,
    permission_overwrites: Sequence[Mapping[str, Any]] = (),
    type: int = 0,
) -> Dict[str, Any]:
    """A guild channel object (type 0 = text, 4 = category, 5 = announcement, 2 = voice)."""
    data: Dict[str, Any] = {
        "id": _sid(channel_id),
        "type": type,
        "guild_id": _sid(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": [dict(o) for o in permission_overwrites],
        "parent_id": _sid(parent_id) if parent_id else None,
        "nsfw": nsfw,
        "flags": 0,
    }
    if type in (0, 5):
        data.update(topic=topic, last_message_id=None, rate_limit_per_user=0, last_pin_timestamp=None)
    if type == 2:
        data.update(bitrate=64000, user_limit=0, rtc_region=None, last_message_id=None, rate_limit_per_user=0)
    return data


def make_dm_channel(recipient: Mapping[str, Any], channel_id: Optional[int] = None) -> Dict[str, Any]:
    """A DM channel object (type 1) with the recipient user embedded."""
    return {
        "id": _sid(channel_id if channel_id is not None else snowflake()),
        "type": 1,
        "last_message_id": None,
        "flags": 0,
        "recipients": [dict(recipient)],
    }


def make_attachment(
    attachment_id: int,
    filename: str,
    url: str,
    size: int,
    content_type: Optional[str] = None,
    *,
    description: Optional[str] = None,
    ephemeral: bool = False,
    width: Optional[int] = None,
    height: Optional[int] = None,
) -> Dict[str, Any]:
    """An attachment object.  ``url``/``proxy_url`` should point at something fetchable."""
    data: Dict[str, Any] = {
        "id": _sid(attachment_id),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
        "width": width,
        "height": height,
        "flags": 0,
    }
    if description is not None:
        data["description"] = description
    if ephemeral:
        data["ephemeral"] = True
    return data


def user_mention(user: Mapping[str, Any]) -> str:
    """``<@id>`` for a user or member dict."""
    return f"<@{_user_of(user)['id']}>"


def role_mention(role: Mapping[str, Any]) -> str:
    return f"<@&{role['id']}>"


def _user_of(obj: Mapping[str, Any]) -> Mapping[str, Any]:
    """Accept a user dict or a member dict (with ``user``) and return the user dict."""
    return obj["user"] if "user" in obj and "username" not in obj else obj


def make_message(
    channel_id: int,
    author: Mapping[str, Any],
    content: str = "",
    guild_id: Optional[int] = None,
    *,
    message_id: Optional[int] = None,
    member: Optional[Mapping[str, Any]] = None,
    mentions: Sequence[Mapping[str, Any]] = (),
    mention_roles: Sequence[Union[int, str, Mapping[str, Any]]] = (),
    mention_everyone: bool = False,
    attachments: Sequence[Mapping[str, Any]] = (),
    embeds: Sequence[Mapping[str, Any]] = (),
    components: Sequence[Mapping[str, Any]] = (),
    reply_to: Optional[Mapping[str, Any]] = None,
    type: Optional[int] = None,
    flags: int = 0,
    timestamp: Optional[str] = None,
    webhook_id: Optional[int] = None,
    application_id: Optional[int] = None,
    tts: bool = False,
    nonce: Optional[Union[int, str]] = None,
) -> Dict[str, Any]:
    """A message object as seen in MESSAGE_CREATE.

    ``mentions`` takes user or member dicts; for guild messages each mention
    carries a partial ``member`` like Discord does.  ``member`` is the author's
    member object (without ``user``) for guild messages.
    """
    author_user = dict(_user_of(author))
    data: Dict[str, Any] = {
        "id": _sid(message_id if message_id is not None else snowflake()),
        "type": type if type is not None else (19 if reply_to is not None else 0),
        "channel_id": _sid(channel_id),
        "author": author_user,
        "content": content,
        "timestamp": timestamp or iso_timestamp(),
        "edited_timestamp": None,
        "tts": tts,
        "mention_everyone": mention_everyone,
        "mentions": [],
        "mention_roles": [_sid(r["id"]) if isinstance(r, Mapping) else _sid(r) for r in mention_roles],
        "attachments": [dict(a) for a in attachments],
        "embeds": [dict(e) for e in embeds],
        "components": [dict(c) for c in components],
        "pinned": False,
        "flags": flags,
    }
    for m in mentions:
        entry = dict(_user_of(m))
        if guild_id is not None and "user" in m and "username" not in m:
            entry["member"] = {k: v for k, v in m.items() if k != "user"}
        data["mentions"].append(entry)
    if guild_id is not None:
        data["guild_id"] = _sid(guild_id)
        if member is not None:
            data["member"] = {k: v for k, v in member.items() if k != "user"}
    if reply_to is not None:
        data["message_reference"] = {
            "type": 0,
            "message_id": reply_to["id"],
            "channel_id": reply_to["channel_id"],
            **({"guild_id": reply_to["guild_id"]} if "guild_id" in reply_to else {}),
        }
        data["referenced_message"] = dict(reply_to)
    if webhook_id is not None:
        data["webhook_id"] = _sid(webhook_id)
    if application_id is not None:
        data["application_id"] = _sid(application_id)
    if nonce is not None:
        data["nonce"] = nonce
    return data


# --------------------------------------------------------------------------- records


@dataclass
class SentFile:
    """A file uploaded by the bot in a multipart request."""

    field: str
    filename: str
    content_type: Optional[str]
    data: bytes


@dataclass
class RecordedRequest:
    """One HTTP request the bot made (``json`` / ``files`` are None/[] when bodies are not recorded)."""

    seq: int
    method: str
    path: str  # path below /api/v10 (e.g. "/channels/1/messages"); full path for non-API URLs
    query: Dict[str, str]
    json: Any
    files: List[SentFile]
    status: int
    response: Any
    time: float
    route: Optional[str]  # name of the matched route, None for unknown endpoints
    consumed: bool = False


@dataclass
class SentMessage:
    """A message the bot made visible.

    ``kind`` is one of: ``channel`` (POST /channels/{id}/messages, DMs included),
    ``interaction_response`` (callback type 4), ``interaction_update`` (type 7),
    ``followup`` (POST /webhooks/{app}/{token}), ``original_edit`` (PATCH
    @original, i.e. the content after a deferred response), ``edit`` (PATCH of a
    channel or follow-up message).
    """

    seq: int
    kind: str
    message: Dict[str, Any]
    payload: Dict[str, Any]
    files: List[SentFile]
    channel_id: Optional[int]
    guild_id: Optional[int]
    interaction_id: Optional[int]
    time: float
    consumed: bool = False

    @property
    def id(self) -> int:
        return int(self.message["id"])

    @property
    def content(self) -> str:
        return self.message.get("content", "")

    @property
    def embeds(self) -> List[Dict[str, Any]]:
        return self.message.get("embeds", [])

    @property
    def components(self) -> List[Dict[str, Any]]:
        return self.message.get("components", [])

    @property
    def flags(self) -> int:
        return int(self.message.get("flags", 0))

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & 64)

    @property
    def is_dm(self) -> bool:
        return self.guild_id is None

    @property
    def text(self) -> str:
        """Content plus every embed's title/description/fields/footer, for loose assertions."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            for f in e.get("fields", []):
                parts += [f.get("name") or "", f.get("value") or ""]
            parts.append((e.get("footer") or {}).get("text") or "")
        return "\n".join(p for p in parts if p)


@dataclass
class InteractionResponseRecord:
    """The (first, successful) callback for an interaction."""

    interaction_id: int
    type: int
    data: Dict[str, Any]
    payload: Dict[str, Any]
    files: List[SentFile]
    message: Optional[Dict[str, Any]]
    time: float


@dataclass
class InteractionRecord:
    """An interaction injected by the test, with everything the bot did with it."""

    id: int
    token: str
    type: int
    payload: Dict[str, Any]
    created: float
    response: Optional[InteractionResponseRecord] = None
    original_message_id: Optional[int] = None
    followup_ids: List[int] = field(default_factory=list)

    @property
    def acknowledged(self) -> bool:
        return self.response is not None


@dataclass
class CommandSync:
    """One application-command bulk overwrite (``tree.sync``)."""

    scope: str  # "global" or "guild"
    guild_id: Optional[int]
    payload: List[Dict[str, Any]]

    def __iter__(self):  # allows ``scope, guild_id, payload = sync``
        return iter((self.scope, self.guild_id, self.payload))

    @property
    def names(self) -> List[str]:
        return [c["name"] for c in self.payload]


@dataclass
class ReactionRecord:
    action: str  # "add" | "remove" | "remove_all" | "remove_emoji"
    channel_id: int
    message_id: int
    emoji: Optional[str]
    user_id: Optional[int]
    time: float


@dataclass
class GatewaySession:
    """A gateway session created by IDENTIFY (survives RESUME on a new connection)."""

    session_id: str
    identify: Dict[str, Any]
    intents: int
    shard: Tuple[int, int]
    seq: int = 0
    ready: bool = False
    resumes: int = 0
    buffer: Deque[Tuple[int, str]] = field(default_factory=lambda: collections.deque(maxlen=2000))
    conn: Optional["_GatewayConnection"] = None
    ended: bool = False

    def has(self, intent: int) -> bool:
        return bool(self.intents & intent)


# --------------------------------------------------------------------------- validation


class _ApiError(Exception):
    """Raised by handlers to return a Discord error response."""

    def __init__(self, status: int, code: int, message: str, errors: Optional[Dict[str, Any]] = None):
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body: Dict[str, Any] = {"message": message, "code": code}
        if errors:
            self.body["errors"] = errors


class _Errors:
    """Builds Discord's nested ``errors`` tree for 50035 Invalid Form Body."""

    def __init__(self) -> None:
        self.tree: Dict[str, Any] = {}

    def add(self, path: Sequence[Any], code: str, message: str) -> None:
        node = self.tree
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_len(self, path: Sequence[Any], value: Any, limit: int) -> None:
        if isinstance(value, str) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def max_items(self, path: Sequence[Any], value: Any, limit: int) -> None:
        if isinstance(value, list) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def required(self, path: Sequence[Any], value: Any) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(path, "BASE_TYPE_REQUIRED", "This field is required")

    def raise_if_any(self, prefix: Sequence[str] = ()) -> None:
        if self.tree:
            tree = self.tree
            for part in reversed(prefix):
                tree = {part: tree}
            raise _ApiError(400, 50035, "Invalid Form Body", tree)


_SELECT_TYPES = (3, 5, 6, 7, 8)


def _validate_component_leaf(comp: Mapping[str, Any], err: _Errors, path: List[Any]) -> None:
    ctype = comp.get("type")
    if ctype == 2:  # button
        err.max_len(path + ["label"], comp.get("label"), 80)
        style = comp.get("style")
        if style == 5:
            if not comp.get("url"):
                err.add(path + ["url"], "BASE_TYPE_REQUIRED", "This field is required")
        elif style != 6:
            if not comp.get("custom_id"):
                err.add(path + ["custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
        err.max_len(path + ["custom_id"], comp.get("custom_id"), 100)
    elif ctype in _SELECT_TYPES:
        err.max_len(path + ["custom_id"], comp.get("custom_id"), 100)
        err.max_len(path + ["placeholder"], comp.get("placeholder"), 150)
        if ctype == 3:
            options = comp.get("options") or []
            if not options or len(options) > 25:
                err.add(path + ["options"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.")
            for i, opt in enumerate(options[:25]):
                err.max_len(path + ["options", i, "label"], opt.get("label"), 100)
                err.max_len(path + ["options", i, "value"], opt.get("value"), 100)
                err.max_len(path + ["options", i, "description"], opt.get("description"), 100)
    elif ctype == 4:  # text input
        err.max_len(path + ["custom_id"], comp.get("custom_id"), 100)
        err.max_len(path + ["label"], comp.get("label"), 45)
        err.max_len(path + ["placeholder"], comp.get("placeholder"), 100)
        err.max_len(path + ["value"], comp.get("value"), 4000)
    elif ctype == 18:  # label (modal)
        err.max_len(path + ["label"], comp.get("label"), 45)
        err.max_len(path + ["description"], comp.get("description"), 100)
        inner = comp.get("component")
        if isinstance(inner, Mapping):
            _validate_component_leaf(inner, err, path + ["component"])
    elif ctype in (9, 17):  # section / container (components v2)
        for i, child in enumerate(comp.get("components") or []):
            _validate_component_leaf(child, err, path + ["components", i])
        if isinstance(comp.get("accessory"), Mapping):
            _validate_component_leaf(comp["accessory"], err, path + ["accessory"])
    elif ctype == 1:
        _validate_action_row(comp, err, path)


def _validate_action_row(row: Mapping[str, Any], err: _Errors, path: List[Any]) -> None:
    kids = row.get("components") or []
    if not kids or len(kids) > 5:
        err.add(path + ["components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
    if any(k.get("type") in _SELECT_TYPES for k in kids) and len(kids) > 1:
        err.add(path + ["components"], "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
    for j, kid in enumerate(kids):
        _validate_component_leaf(kid, err, path + ["components", j])


def validate_components(components: Any, err: _Errors, path: List[Any], *, v2: bool = False) -> None:
    """Discord's component limits: <=5 action rows, <=5 buttons per row, label <=80, custom_id <=100."""
    if not isinstance(components, list):
        return
    if not v2:
        err.max_items(path, components, 5)
    elif len(components) > 40:
        err.max_items(path, components, 40)
    for i, comp in enumerate(components):
        if comp.get("type") == 1:
            _validate_action_row(comp, err, path + [i])
        elif not v2:
            err.add(path + [i, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1}.")
        else:
            _validate_component_leaf(comp, err, path + [i])


def validate_embeds(embeds: Any, err: _Errors, path: List[Any]) -> None:
    """Per-embed limits and the 6000-character total across all embeds of a message."""
    if not isinstance(embeds, list):
        return
    err.max_items(path, embeds, 10)
    total = 0
    for i, embed in enumerate(embeds):
        p = path + [i]
        title, desc = embed.get("title"), embed.get("description")
        err.max_len(p + ["title"], title, 256)
        err.max_len(p + ["description"], desc, 4096)
        fields = embed.get("fields") or []
        err.max_items(p + ["fields"], fields, 25)
        total += len(title or "") + len(desc or "")
        for j, fld in enumerate(fields):
            name, value = fld.get("name"), fld.get("value")
            err.required(p + ["fields", j, "name"], name)
            err.required(p + ["fields", j, "value"], value)
            err.max_len(p + ["fields", j, "name"], name, 256)
            err.max_len(p + ["fields", j, "value"], value, 1024)
            total += len(name or "") + len(value or "")
        footer = embed.get("footer") or {}
        author = embed.get("author") or {}
        err.max_len(p + ["footer", "text"], footer.get("text"), 2048)
        err.max_len(p + ["author", "name"], author.get("name"), 256)
        total += len(footer.get("text") or "") + len(author.get("name") or "")
    if total > 6000:
        err.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")


def validate_message_payload(payload: Mapping[str, Any], err: _Errors) -> None:
    """Length/count limits of a message create/edit body (content, embeds, components)."""
    err.max_len(["content"], payload.get("content"), 2000)
    validate_embeds(payload.get("embeds"), err, ["embeds"])
    v2 = bool(int(payload.get("flags") or 0) & (1 << 15))
    validate_components(payload.get("components"), err, ["components"], v2=v2)


def _is_empty_message(msg: Mapping[str, Any]) -> bool:
    return not (
        (msg.get("content") or "").strip()
        or msg.get("embeds")
        or msg.get("attachments")
        or msg.get("components")
        or msg.get("sticker_items")
        or msg.get("poll")
    )


def validate_modal(data: Mapping[str, Any], err: _Errors, path: List[Any]) -> None:
    err.required(path + ["title"], data.get("title"))
    err.max_len(path + ["title"], data.get("title"), 45)
    err.required(path + ["custom_id"], data.get("custom_id"))
    err.max_len(path + ["custom_id"], data.get("custom_id"), 100)
    comps = data.get("components") or []
    if not comps or len(comps) > 5:
        err.add(path + ["components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
    for i, comp in enumerate(comps):
        _validate_component_leaf(comp, err, path + ["components", i])


def validate_autocomplete(data: Mapping[str, Any], err: _Errors, path: List[Any]) -> None:
    choices = data.get("choices") or []
    err.max_items(path + ["choices"], choices, 25)
    for i, choice in enumerate(choices[:25]):
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            err.add(path + ["choices", i, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        err.max_len(path + ["choices", i, "value"], choice.get("value"), 100)


_CMD_NAME_RE = re.compile(r"^[-_\w]{1,32}$", re.UNICODE)


def validate_commands(commands: Any, err: _Errors) -> None:
    """The subset of app-command rules bots most often trip over."""
    if not isinstance(commands, list):
        err.add([], "BASE_TYPE_ARRAY", "Must be an array.")
        return
    seen = set()
    for i, cmd in enumerate(commands):
        ctype = cmd.get("type", 1)
        name = cmd.get("name") or ""
        if ctype == 1 and (not _CMD_NAME_RE.match(name) or name != name.lower()):
            err.add([i, "name"], "APPLICATION_COMMAND_INVALID_NAME", f"Command name is invalid: {name!r}")
        if (ctype, name) in seen:
            err.add([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
        seen.add((ctype, name))
        if ctype == 1:
            desc = cmd.get("description") or ""
            if not 1 <= len(desc) <= 100:
                err.add([i, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        _validate_command_options(cmd.get("options") or [], err, [i, "options"])
    if sum(1 for c in commands if c.get("type", 1) == 1) > 100:
        err.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")


def _validate_command_options(options: List[Mapping[str, Any]], err: _Errors, path: List[Any]) -> None:
    err.max_items(path, options, 25)
    for j, opt in enumerate(options):
        err.max_len(path + [j, "description"], opt.get("description"), 100)
        err.max_items(path + [j, "choices"], opt.get("choices"), 25)
        _validate_command_options(opt.get("options") or [], err, path + [j, "options"])


# --------------------------------------------------------------------------- internal model


@dataclass
class _Guild:
    id: int
    name: str
    owner_id: int
    roles: Dict[int, Dict[str, Any]] = field(default_factory=dict)
    channels: Dict[int, Dict[str, Any]] = field(default_factory=dict)
    members: Dict[int, Dict[str, Any]] = field(default_factory=dict)
    joined_at: str = field(default_factory=iso_timestamp)


class _GatewayConnection:
    """One websocket connection; handles zlib-stream / zstd-stream transport compression."""

    def __init__(self, ws: web.WebSocketResponse, compress: Optional[str]) -> None:
        self.ws = ws
        self.session: Optional[GatewaySession] = None
        self.lock = asyncio.Lock()
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None
        self._zstd = None
        if compress == "zstd-stream" and _zstandard is not None:
            self._zstd = _zstandard.ZstdCompressor().compressobj()
        self.closed = False
        self.closed_by_double = False

    async def send(self, text: str) -> bool:
        """Send one gateway payload; compression and write happen under a lock to keep stream order."""
        if self.closed or self.ws.closed:
            return False
        async with self.lock:
            try:
                if self._zlib is not None:
                    data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    await self.ws.send_bytes(data)
                elif self._zstd is not None:
                    data = self._zstd.compress(text.encode()) + self._zstd.flush(_zstandard.COMPRESSOBJ_FLUSH_BLOCK)
                    await self.ws.send_bytes(data)
                else:
                    await self.ws.send_str(text)
                return True
            except (ConnectionError, RuntimeError):
                self.closed = True
                return False


def _dumps(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _json_response(data: Any, status: int = 200) -> web.Response:
    # body= (not text=) so aiohttp does not append "; charset=utf-8": discord.py's
    # json_or_text() compares the header to exactly "application/json".
    return web.Response(body=_dumps(data).encode(), status=status, headers={"Content-Type": JSON_CT})


_MENTION_USER_RE = re.compile(r"<@!?(\d+)>")
_MENTION_ROLE_RE = re.compile(r"<@&(\d+)>")

_THREAD_TYPES = (10, 11, 12)  # announcement, public and private threads

_EVENT_INTENTS: Dict[str, Tuple[int, int]] = {
    # event: (intent when in a guild, intent when in a DM)
    "MESSAGE_CREATE": (Intents.GUILD_MESSAGES, Intents.DIRECT_MESSAGES),
    "MESSAGE_UPDATE": (Intents.GUILD_MESSAGES, Intents.DIRECT_MESSAGES),
    "MESSAGE_DELETE": (Intents.GUILD_MESSAGES, Intents.DIRECT_MESSAGES),
    "MESSAGE_DELETE_BULK": (Intents.GUILD_MESSAGES, Intents.GUILD_MESSAGES),
    "MESSAGE_REACTION_ADD": (Intents.GUILD_MESSAGE_REACTIONS, Intents.DIRECT_MESSAGE_REACTIONS),
    "MESSAGE_REACTION_REMOVE": (Intents.GUILD_MESSAGE_REACTIONS, Intents.DIRECT_MESSAGE_REACTIONS),
    "MESSAGE_REACTION_REMOVE_ALL": (Intents.GUILD_MESSAGE_REACTIONS, Intents.DIRECT_MESSAGE_REACTIONS),
    "MESSAGE_REACTION_REMOVE_EMOJI": (Intents.GUILD_MESSAGE_REACTIONS, Intents.DIRECT_MESSAGE_REACTIONS),
    "TYPING_START": (Intents.GUILD_MESSAGE_TYPING, Intents.DIRECT_MESSAGE_TYPING),
    "GUILD_CREATE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_UPDATE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_DELETE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_ROLE_CREATE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_ROLE_UPDATE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_ROLE_DELETE": (Intents.GUILDS, Intents.GUILDS),
    "CHANNEL_CREATE": (Intents.GUILDS, Intents.GUILDS),
    "CHANNEL_UPDATE": (Intents.GUILDS, Intents.GUILDS),
    "CHANNEL_DELETE": (Intents.GUILDS, Intents.GUILDS),
    "THREAD_CREATE": (Intents.GUILDS, Intents.GUILDS),
    "GUILD_MEMBER_ADD": (Intents.GUILD_MEMBERS, Intents.GUILD_MEMBERS),
    "GUILD_MEMBER_UPDATE": (Intents.GUILD_MEMBERS, Intents.GUILD_MEMBERS),
    "GUILD_MEMBER_REMOVE": (Intents.GUILD_MEMBERS, Intents.GUILD_MEMBERS),
    "PRESENCE_UPDATE": (Intents.GUILD_PRESENCES, Intents.GUILD_PRESENCES),
}

_Predicate = Optional[Callable[[Any], bool]]


class RecordList(collections.deque):
    """A (optionally bounded) deque that also supports slicing, like a list."""

    def __getitem__(self, index: Any) -> Any:  # type: ignore[override]
        if isinstance(index, slice):
            return list(self)[index]
        return super().__getitem__(index)


class _Waiters:
    """Futures waiting for the next record that matches a predicate."""

    def __init__(self) -> None:
        self.items: List[Tuple[Callable[[Any], bool], asyncio.Future, bool]] = []

    def notify(self, record: Any) -> None:
        for pred, fut, consume in list(self.items):
            if fut.done() or (consume and getattr(record, "consumed", False)):
                continue
            try:
                ok = pred(record)
            except Exception as exc:  # surface predicate bugs to the waiting test
                fut.set_exception(exc)
                continue
            if ok:
                if consume:
                    record.consumed = True
                fut.set_result(record)


# --------------------------------------------------------------------------- the double


class DiscordDouble:
    """A Discord REST + gateway server for the real discord.py client.

    Default fixtures: a bot user (id == application id), one guild owned by
    ``owner_user`` with roles @everyone / Moderator / Member / the bot's managed
    role, a text channel ``#general``, and members ``owner_user``, ``mod_user``
    (Moderator) and ``member_user`` (Member).  Add more with ``add_*``.
    """

    def __init__(
        self,
        *,
        token: str = "test-token",
        application_id: Optional[int] = None,
        bot_name: str = "TestBot",
        guild_id: Optional[int] = None,
        guild_name: str = "Test Guild",
        channel_name: str = "general",
        heartbeat_interval: int = 41250,
        interaction_timeout: Optional[float] = 3.0,
        denied_intents: int = 0,
        bot_permissions: int = Perm.BOT_DEFAULT,
        enforce_permissions: bool = True,
        echo_bot_messages: bool = True,
        record_bodies: bool = True,
        max_records: Optional[int] = None,
        max_messages: int = 10_000,
        gateway_compression: bool = True,
        host: str = "127.0.0.1",
    ) -> None:
        """
        :param denied_intents: privileged intent bits the app is *not* allowed to use;
            IDENTIFY requesting any of them is closed with 4014 (e.g. ``Intents.MESSAGE_CONTENT``).
        :param interaction_timeout: seconds after injection during which the initial
            callback is accepted (Discord: 3 s); None disables the check.
        :param echo_bot_messages: send MESSAGE_CREATE/UPDATE/DELETE and reaction events
            for the bot's own actions back over the gateway, as Discord does.
        :param record_bodies: keep request JSON/files in ``requests`` (off for benchmarks).
        :param max_records: bound for ``requests``/``sent_messages``/gateway logs (None = unbounded).
        :param gateway_compression: honour ``compress=zlib-stream`` (False: always plain text frames).
        """
        self.token = token
        self.host = host
        self.port: Optional[int] = None
        self.heartbeat_interval = heartbeat_interval
        self.interaction_timeout = interaction_timeout
        self.denied_intents = denied_intents
        self.enforce_permissions = enforce_permissions
        self.echo_bot_messages = echo_bot_messages
        self.record_bodies = record_bodies
        self.max_records = max_records
        self.max_messages = max_messages
        self.gateway_compression = gateway_compression

        # -- records
        self.requests: RecordList = RecordList(maxlen=max_records)  # of RecordedRequest
        self.sent_messages: RecordList = RecordList(maxlen=max_records)  # of SentMessage
        self.interaction_responses: Dict[int, InteractionResponseRecord] = {}
        self.interactions: Dict[int, InteractionRecord] = {}
        self.command_syncs: List[CommandSync] = []
        self.reactions: RecordList = RecordList(maxlen=max_records)  # of ReactionRecord
        self.identify_payloads: List[Dict[str, Any]] = []
        self.resume_payloads: List[Dict[str, Any]] = []
        self.presence_updates: List[Dict[str, Any]] = []
        self.gateway_received: RecordList = RecordList(maxlen=max_records)  # raw payloads from the client
        self.gateway_closes: List[Tuple[int, str]] = []  # closes initiated by the double
        self.gateway_connects: List[Dict[str, str]] = []  # query of each websocket connect (v, encoding, compress)
        self.internal_errors: List[str] = []  # tracebacks of bugs in the double itself (should stay empty)
        self.heartbeats = 0
        self.ready_count = 0
        self.resume_count = 0

        # -- model
        self.application_id = application_id or snowflake()
        self.bot_user = make_user(self.application_id, bot_name.lower(), bot=True, global_name=None)
        self.users: Dict[int, Dict[str, Any]] = {self.application_id: self.bot_user}
        self.guilds: Dict[int, _Guild] = {}
        self.channels: Dict[int, Dict[str, Any]] = {}
        self.messages: "collections.OrderedDict[int, Dict[str, Any]]" = collections.OrderedDict()
        self.files: Dict[str, Tuple[bytes, str]] = {}
        self.commands: Dict[Optional[int], List[Dict[str, Any]]] = {}  # None -> global
        self.blocked_dm_users: set = set()
        self._dm_by_user: Dict[int, int] = {}
        self._tokens: Dict[str, int] = {}
        self._modals: Dict[str, Tuple[Dict[str, Any], int]] = {}  # custom_id -> (modal data, interaction id)

        self.owner_user = self.add_user("owner")
        self.application_owner: Dict[str, Any] = self.owner_user  # who owns the application (GET /oauth2/applications/@me)
        self.application_team: Optional[List[Tuple[Dict[str, Any], str]]] = None  # team members and roles, see set_application_team
        self.mod_user = self.add_user("moderator")
        self.member_user = self.add_user("member")
        self.guild_id = self.add_guild(guild_name, owner=self.owner_user, guild_id=guild_id, bot_permissions=bot_permissions)
        g = self.guilds[self.guild_id]
        self.everyone_role = g.roles[self.guild_id]
        self.mod_role = self.add_role("Moderator", permissions=Perm.MODERATOR_DEFAULT, hoist=True)
        self.member_role = self.add_role("Member", permissions=0)
        self.bot_role = next(r for r in g.roles.values() if r.get("tags", {}).get("bot_id"))
        self.channel = self.add_channel(channel_name)
        self.channel_id = int(self.channel["id"])
        self.add_member(self.mod_user, roles=[self.mod_role])
        self.add_member(self.member_user, roles=[self.member_role])

        # -- runtime
        self._runner: Optional[web.AppRunner] = None
        self._sessions: Dict[str, GatewaySession] = {}
        self._connections: set = set()
        self._seq = itertools.count(1)
        self._msg_waiters = _Waiters()
        self._req_waiters = _Waiters()
        self._resp_waiters = _Waiters()
        self._gw_waiters = _Waiters()
        self._gw_event: Optional[asyncio.Event] = None
        self._restore: Optional[Callable[[], None]] = None
        self._routes = self._build_routes()

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        self._require_started()
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        self._require_started()
        return f"ws://{self.host}:{self.port}/gateway"

    def _require_started(self) -> None:
        if self.port is None:
            raise RuntimeError("DiscordDouble is not started; call await d.start() or use 'async with'")

    async def start(self) -> "DiscordDouble":
        """Bind a random free port on 127.0.0.1 and start serving."""
        self._gw_event = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        """Close gateway connections (1001 going away) and shut the server down."""
        for conn in list(self._connections):
            conn.closed = True
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1001, message=b"double stopping"), 1.0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._restore is not None:
            self._restore()
            self._restore = None

    async def __aenter__(self) -> "DiscordDouble":
        await self.start()
        self._restore = self.patch_discord()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    def patch_discord(self) -> "_Restorer":
        """Point discord.py's REST base and default gateway at this double.

        Returns an object that restores the previous values when called or used
        as a (sync) context manager.  ``async with DiscordDouble()`` does this for you.
        """
        import discord.gateway
        import discord.http
        import yarl

        self._require_started()
        old_base = discord.http.Route.BASE
        old_gw = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)

        def restore() -> None:
            discord.http.Route.BASE = old_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gw

        return _Restorer(restore)

    @contextlib.asynccontextmanager
    async def run_client(
        self, client: Any, *, token: Optional[str] = None, wait_until_ready: bool = True, timeout: float = 10.0
    ) -> AsyncIterator[Any]:
        """Run ``client.start(token)`` in a task for the duration of the block.

        Waits until the double sent READY + GUILD_CREATE and (by default) until
        the client's own ``on_ready`` — which discord.py delays by
        ``guild_ready_timeout`` (default 2 s, pass e.g. 0.1 to the client).
        On exit the client is closed and the task awaited; a crash of the
        client task is re-raised.
        """
        before = self.ready_count
        task = asyncio.create_task(client.start(token or self.token), name="discord-double-client")

        async def ready() -> None:
            await self._wait_until(lambda: self.ready_count > before, timeout, "gateway READY")
            if wait_until_ready:
                await client.wait_until_ready()

        waiter = asyncio.create_task(ready())
        body_failed = False
        try:
            done, _ = await asyncio.wait({task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if task in done:
                waiter.cancel()
                task.result()  # raises the client's error
                raise RuntimeError("client.start() returned before becoming ready")
            if not done:
                waiter.cancel()
                raise TimeoutError(f"client not ready within {timeout}s; requests: {self._summary()}")
            waiter.result()
            try:
                yield client
            except BaseException:
                body_failed = True
                raise
        finally:
            waiter.cancel()
            crashed = task.done() and not task.cancelled() and task.exception() is not None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
            if not task.done():
                with contextlib.suppress(BaseException):
                    await asyncio.wait_for(task, 5)
        if crashed and not body_failed:
            # e.g. a payload discord.py could not parse: make it fail the test instead of a log line
            raise RuntimeError("the discord client task crashed while running") from task.exception()

    # ------------------------------------------------------------------ fixture model

    def add_user(self, username: str, *, bot: bool = False, user_id: Optional[int] = None, **kw: Any) -> Dict[str, Any]:
        """Create a user known to the double (returned dict is the stored one)."""
        user = make_user(user_id, username, bot=bot, **kw)
        self.users[int(user["id"])] = user
        return user

    def add_guild(
        self,
        name: str,
        *,
        owner: Optional[Mapping[str, Any]] = None,
        guild_id: Optional[int] = None,
        bot_permissions: int = Perm.BOT_DEFAULT,
    ) -> int:
        """Create a guild containing the bot (with its managed role) and the owner; returns its id."""
        gid = guild_id or snowflake()
        owner = owner or self.owner_user
        g = _Guild(id=gid, name=name, owner_id=int(owner["id"]))
        self.guilds[gid] = g
        g.roles[gid] = make_role(gid, "@everyone", permissions=Perm.EVERYONE_DEFAULT, position=0)
        bot_role = make_role(
            snowflake(), self.bot_user["username"], permissions=bot_permissions, position=1, managed=True,
            tags={"bot_id": self.bot_user["id"]},
        )
        g.roles[int(bot_role["id"])] = bot_role
        self.add_member(owner, guild_id=gid)
        self.add_member(self.bot_user, guild_id=gid, roles=[bot_role])
        return gid

    def add_role(
        self, name: str, *, permissions: int = 0, guild_id: Optional[int] = None, **kw: Any
    ) -> Dict[str, Any]:
        g = self.guilds[guild_id or self.guild_id]
        bot_role = next((r for r in g.roles.values() if r.get("tags", {}).get("bot_id")), None)
        if "position" not in kw:
            # new roles go just below the bot's managed role, so the bot can still manage them
            kw["position"] = bot_role["position"] if bot_role else len(g.roles)
            if bot_role is not None:
                bot_role["position"] += 1
        role = make_role(snowflake(), name, permissions=permissions, **kw)
        g.roles[int(role["id"])] = role
        return role

    def add_channel(
        self, name: str, *, guild_id: Optional[int] = None, type: int = 0, **kw: Any
    ) -> Dict[str, Any]:
        """Add a guild channel.  ``permission_overwrites`` entries: {id, type (0 role/1 member), allow, deny}."""
        g = self.guilds[guild_id or self.guild_id]
        kw.setdefault("position", len(g.channels))
        ch = make_text_channel(snowflake(), g.id, name, type=type, **kw)
        for ow in ch["permission_overwrites"]:
            ow["id"], ow["allow"], ow["deny"] = _sid(ow["id"]), str(ow.get("allow", 0)), str(ow.get("deny", 0))
        g.channels[int(ch["id"])] = ch
        self.channels[int(ch["id"])] = ch
        return ch

    def add_thread(
        self, parent_id: int, name: str, *, message_id: Optional[int] = None, owner: Optional[Mapping[str, Any]] = None,
        auto_archive_duration: int = 1440,
    ) -> Dict[str, Any]:
        """A public thread (type 11) in ``parent_id``; started on ``message_id`` (its id) when given."""
        parent = self.channels[int(parent_id)]
        tid = message_id or snowflake()
        thread = {
            "id": _sid(tid), "type": 11, "guild_id": parent["guild_id"], "parent_id": parent["id"], "name": name,
            "owner_id": _sid(int((owner or self.bot_user)["id"])), "last_message_id": None, "rate_limit_per_user": 0,
            "message_count": 0, "member_count": 1, "flags": 0, "total_message_sent": 0,
            "thread_metadata": {"archived": False, "auto_archive_duration": auto_archive_duration,
                                "archive_timestamp": iso_timestamp(), "locked": False, "create_timestamp": iso_timestamp()},
        }
        self.channels[tid] = thread
        return thread

    def add_member(
        self,
        user: Mapping[str, Any],
        *,
        guild_id: Optional[int] = None,
        roles: Iterable[Union[int, Mapping[str, Any]]] = (),
        nick: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Make ``user`` a member of the guild (adds the user to the double if needed)."""
        g = self.guilds[guild_id or self.guild_id]
        u = dict(_user_of(user))
        self.users.setdefault(int(u["id"]), u)
        member = make_member(self.users[int(u["id"])], roles=roles, nick=nick)
        g.members[int(u["id"])] = member
        return member

    def set_application_team(self, members: Sequence[Tuple[Mapping[str, Any], str]]) -> None:
        """Make the application team-owned: (user, role) pairs, role "admin", "developer" or "read_only"."""
        self.application_team = [(self._user(u, self.owner_user), role) for u, role in members]

    def set_member_roles(
        self, user: Union[int, Mapping[str, Any]], roles: Iterable[Union[int, Mapping[str, Any]]], guild_id: Optional[int] = None
    ) -> None:
        """Change a member's roles (as a server admin would). The bot sees it in the member of its next
        interaction; GUILD_MEMBER_UPDATE needs the privileged members intent, so it is not sent here."""
        member = self.get_member(user, guild_id)
        if member is None:
            raise KeyError(f"user {self._uid(user)} is not a member of guild {guild_id or self.guild_id}")
        member["roles"] = [_sid(r["id"]) if isinstance(r, Mapping) else _sid(r) for r in roles]

    def add_bot_message(
        self, channel_id: Optional[int] = None, *, content: str = "", components: Sequence[Mapping[str, Any]] = (),
        embeds: Sequence[Mapping[str, Any]] = (),
    ) -> Dict[str, Any]:
        """A message the bot sent before this test (e.g. by an older version with other buttons):
        stored like Discord keeps it, so users can click its components; nothing is dispatched."""
        cid = int(channel_id or self.channel_id)
        ch = self.channels[cid]
        msg = make_message(cid, self.bot_user, content, int(ch["guild_id"]) if "guild_id" in ch else None,
                           embeds=list(embeds), components=[dict(c) for c in components], application_id=self.application_id)
        self._store_message(msg)
        return msg

    def get_member(self, user: Union[int, Mapping[str, Any]], guild_id: Optional[int] = None) -> Optional[Dict[str, Any]]:
        uid = self._uid(user)
        return self.guilds[guild_id or self.guild_id].members.get(uid)

    def make_dm_channel(self, user: Union[int, Mapping[str, Any]]) -> Dict[str, Any]:
        """The DM channel between the bot and ``user`` (created and registered on first use)."""
        uid = self._uid(user)
        if uid in self._dm_by_user:
            return self.channels[self._dm_by_user[uid]]
        if uid not in self.users:
            raise KeyError(f"unknown user {uid}; add it with add_user()")
        ch = make_dm_channel(self.users[uid])
        self.channels[int(ch["id"])] = ch
        self._dm_by_user[uid] = int(ch["id"])
        return ch

    def block_dms(self, user: Union[int, Mapping[str, Any]]) -> None:
        """Make sends to this user's DM fail with 403 50007 (user has DMs closed)."""
        self.blocked_dm_users.add(self._uid(user))

    def host_file(self, filename: str, data: bytes, content_type: Optional[str] = None) -> Dict[str, Any]:
        """Serve ``data`` from the double and return an attachment object pointing at it.

        discord.py's ``Attachment.read()`` fetches the URL with the bot's session,
        so attachments work offline.
        """
        self._require_started()
        aid = snowflake()
        key = f"{aid}/{filename}"
        ctype = content_type or "application/octet-stream"
        self.files[key] = (bytes(data), ctype)
        return make_attachment(aid, filename, f"{self.base_url}/attachments/{key}", len(data), content_type)

    def compute_permissions(
        self, user: Union[int, Mapping[str, Any]], channel_id: Optional[int] = None, guild_id: Optional[int] = None
    ) -> int:
        """Discord's permission algorithm: base role perms, admin/owner shortcut, channel overwrites."""
        uid = self._uid(user)
        if channel_id is not None and guild_id is None:
            ch = self.channels.get(int(channel_id))
            if ch is None or "guild_id" not in ch:
                return Perm.ALL & ~Perm.ADMINISTRATOR if ch is not None else 0
            guild_id = int(ch["guild_id"])
        if channel_id is not None and self.channels.get(int(channel_id), {}).get("type") in _THREAD_TYPES:
            channel_id = int(self.channels[int(channel_id)]["parent_id"])  # a thread has its parent's permissions
        g = self.guilds[guild_id or self.guild_id]
        if uid == g.owner_id:
            return Perm.ALL
        member = g.members.get(uid)
        if member is None:
            return 0
        role_ids = [int(r) for r in member["roles"]]
        perms = int(g.roles[g.id]["permissions"])
        for rid in role_ids:
            if rid in g.roles:
                perms |= int(g.roles[rid]["permissions"])
        if perms & Perm.ADMINISTRATOR:
            return Perm.ALL
        if channel_id is None:
            return perms
        overwrites = {int(o["id"]): o for o in self.channels[int(channel_id)].get("permission_overwrites", [])}
        if g.id in overwrites:
            perms = (perms & ~int(overwrites[g.id]["deny"])) | int(overwrites[g.id]["allow"])
        allow = deny = 0
        for rid in role_ids:
            if rid in overwrites:
                allow |= int(overwrites[rid]["allow"])
                deny |= int(overwrites[rid]["deny"])
        perms = (perms & ~deny) | allow
        if uid in overwrites:
            perms = (perms & ~int(overwrites[uid]["deny"])) | int(overwrites[uid]["allow"])
        if not perms & Perm.VIEW_CHANNEL:
            return 0
        return perms

    def guild_payload(self, guild_id: Optional[int] = None, *, all_members: bool = True) -> Dict[str, Any]:
        """GUILD_CREATE payload (without members other than the bot unless ``all_members``)."""
        g = self.guilds[guild_id or self.guild_id]
        members = list(g.members.values()) if all_members else [g.members[self.application_id]]
        text_channels = [c for c in g.channels.values() if c["type"] == 0]
        return {
            "id": _sid(g.id),
            "name": g.name,
            "icon": None,
            "icon_hash": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": _sid(g.owner_id),
            "application_id": None,
            "region": "deprecated",
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "features": [],
            "system_channel_id": text_channels[0]["id"] if text_channels else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "max_stage_video_channel_users": 50,
            "roles": list(g.roles.values()),
            "emojis": [],
            "stickers": [],
            "joined_at": g.joined_at,
            "large": False,
            "unavailable": False,
            "lazy": True,
            "member_count": len(g.members),
            "members": members,
            "channels": list(g.channels.values()),
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "incidents_data": None,
        }

    def _uid(self, user: Union[int, str, Mapping[str, Any]]) -> int:
        if isinstance(user, Mapping):
            return int(_user_of(user)["id"])
        return int(user)

    def _user(self, user: Union[int, Mapping[str, Any], None], default: Mapping[str, Any]) -> Dict[str, Any]:
        if user is None:
            return dict(default)
        uid = self._uid(user)
        if uid in self.users:
            return self.users[uid]
        if isinstance(user, Mapping):
            u = dict(_user_of(user))
            self.users[uid] = u
            return u
        raise KeyError(f"unknown user {uid}")

    def _guild_of_channel(self, channel_id: int) -> Optional[int]:
        ch = self.channels.get(int(channel_id))
        if ch is None:
            raise KeyError(f"unknown channel {channel_id}")
        return int(ch["guild_id"]) if "guild_id" in ch else None

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.gateway_connects.append(dict(request.query))
        compress = request.query.get("compress") if self.gateway_compression else None
        conn = _GatewayConnection(ws, compress)
        self._connections.add(conn)
        try:
            if request.query.get("encoding", "json") != "json":
                await self._close_conn(conn, 4002, "Error while decoding payload.")
                return ws
            if request.query.get("v", "10") != "10":
                await self._close_conn(conn, 4012, "Invalid API version.")
                return ws
            await conn.send(_dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval,
                                                    "_trace": ["[\"discord-double\"]"]}, "s": None, "t": None}))
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                try:
                    payload = json.loads(msg.data)
                except ValueError:
                    await self._close_conn(conn, 4002, "Error while decoding payload.")
                    break
                self.gateway_received.append(payload)
                self._gw_waiters.notify(payload)
                await self._gateway_op(conn, payload)
                if conn.closed:
                    break
        finally:
            conn.closed = True
            self._connections.discard(conn)
            sess = conn.session
            if sess is not None and sess.conn is conn:
                sess.conn = None
                # A client-initiated 1000/1001 close ends the session (Discord invalidates it);
                # anything else (discord.py uses 4000 before reconnecting) keeps it resumable.
                if ws.close_code in (1000, 1001) and not getattr(conn, "closed_by_double", False):
                    sess.ended = True
                    self._sessions.pop(sess.session_id, None)
            self._gateway_changed()
        return ws

    async def _close_conn(self, conn: _GatewayConnection, code: int, reason: str) -> None:
        conn.closed_by_double = True
        self.gateway_closes.append((code, reason))
        conn.closed = True
        await conn.ws.close(code=code, message=reason.encode())

    async def _gateway_op(self, conn: _GatewayConnection, payload: Mapping[str, Any]) -> None:
        op, d = payload.get("op"), payload.get("d")
        if op == 1:
            self.heartbeats += 1
            await conn.send('{"op":11,"d":null,"s":null,"t":null}')
        elif op == 2:
            await self._identify(conn, d or {})
        elif op == 6:
            await self._resume(conn, d or {})
        elif conn.session is None:
            await self._close_conn(conn, 4003, "Not authenticated.")
        elif op == 3:
            self.presence_updates.append(d)
        elif op == 4:
            pass  # voice state update: not modelled
        elif op == 8:
            await self._request_members(conn.session, d or {})
        else:
            await self._close_conn(conn, 4001, "Unknown opcode.")

    async def _identify(self, conn: _GatewayConnection, d: Mapping[str, Any]) -> None:
        if conn.session is not None:
            await self._close_conn(conn, 4005, "Already authenticated.")
            return
        self.identify_payloads.append(dict(d))
        if d.get("token") != self.token:
            await self._close_conn(conn, 4004, "Authentication failed.")
            return
        intents = int(d.get("intents") or 0)
        if intents & self.denied_intents & Intents.PRIVILEGED:
            await self._close_conn(conn, 4014, "Disallowed intent(s).")
            return
        shard = tuple(d.get("shard") or (0, 1))
        sess = GatewaySession(session_id=secrets.token_hex(16), identify=dict(d), intents=intents,
                              shard=(int(shard[0]), int(shard[1])))
        sess.conn = conn
        conn.session = sess
        self._sessions[sess.session_id] = sess
        guild_ids = [gid for gid in self.guilds if (gid >> 22) % sess.shard[1] == sess.shard[0]]
        ready = {
            "v": 10,
            "user": {**self.bot_user, "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"},
            "guilds": [{"id": _sid(gid), "unavailable": True} for gid in guild_ids],
            "session_id": sess.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "shard": list(sess.shard),
            "application": {"id": _sid(self.application_id), "flags": self._application_flags()},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "user_settings": {},
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "_trace": ["[\"discord-double\"]"],
        }
        await self._session_dispatch(sess, "READY", ready)
        if sess.has(Intents.GUILDS):
            for gid in guild_ids:
                await self._session_dispatch(
                    sess, "GUILD_CREATE", self.guild_payload(gid, all_members=sess.has(Intents.GUILD_MEMBERS))
                )
        sess.ready = True
        self.ready_count += 1
        self._gateway_changed()

    async def _resume(self, conn: _GatewayConnection, d: Mapping[str, Any]) -> None:
        self.resume_payloads.append(dict(d))
        sess = self._sessions.get(str(d.get("session_id")))
        if sess is None or d.get("token") != self.token or sess.ended:
            await conn.send(_dumps({"op": 9, "d": False, "s": None, "t": None}))
            return
        old = sess.conn
        sess.conn, conn.session = conn, sess
        if old is not None and old is not conn:
            old.session = None
            with contextlib.suppress(Exception):
                await self._close_conn(old, 4000, "Session resumed elsewhere.")
        last = int(d.get("seq") or 0)
        for seq, text in list(sess.buffer):  # replay what the client missed, like Discord
            if seq > last:
                await conn.send(text)
        sess.resumes += 1
        await self._session_dispatch(sess, "RESUMED", {"_trace": ["[\"discord-double\"]"]})
        self.resume_count += 1
        self._gateway_changed()

    async def _request_members(self, sess: GatewaySession, d: Mapping[str, Any]) -> None:
        g = self.guilds.get(int(d.get("guild_id") or 0))
        if g is None:
            return
        members = list(g.members.values())
        query, user_ids = d.get("query"), d.get("user_ids")
        if user_ids:
            wanted = {int(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])}
            members = [m for m in members if int(m["user"]["id"]) in wanted]
        elif query:
            q = query.lower()
            members = [m for m in members if m["user"]["username"].lower().startswith(q)
                       or (m.get("nick") or "").lower().startswith(q)]
        limit = int(d.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: Dict[str, Any] = {"guild_id": _sid(g.id), "members": members, "chunk_index": 0, "chunk_count": 1,
                                 "not_found": []}
        if d.get("presences"):
            chunk["presences"] = []
        if d.get("nonce"):
            chunk["nonce"] = d["nonce"]
        await self._session_dispatch(sess, "GUILD_MEMBERS_CHUNK", chunk)

    def _application_flags(self) -> int:
        flags = 0
        if not self.denied_intents & Intents.GUILD_PRESENCES:
            flags |= 1 << 13  # GATEWAY_PRESENCE_LIMITED
        if not self.denied_intents & Intents.GUILD_MEMBERS:
            flags |= 1 << 15  # GATEWAY_GUILD_MEMBERS_LIMITED
        if not self.denied_intents & Intents.MESSAGE_CONTENT:
            flags |= 1 << 19  # GATEWAY_MESSAGE_CONTENT_LIMITED
        return flags | (1 << 23)  # APPLICATION_COMMAND_BADGE

    async def _session_dispatch(self, sess: GatewaySession, event: str, data: Any) -> bool:
        sess.seq += 1
        text = _dumps({"op": 0, "t": event, "s": sess.seq, "d": data})
        sess.buffer.append((sess.seq, text))
        if sess.conn is not None:
            return await sess.conn.send(text)
        return False

    def _gateway_changed(self) -> None:
        if self._gw_event is not None:
            self._gw_event.set()
            self._gw_event = asyncio.Event()

    async def _wait_until(self, cond: Callable[[], bool], timeout: float, what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not cond():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            ev = self._gw_event
            assert ev is not None
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(ev.wait(), remaining)

    @property
    def sessions(self) -> List[GatewaySession]:
        """Live (not ended) gateway sessions."""
        return [s for s in self._sessions.values() if not s.ended]

    @property
    def connected(self) -> bool:
        return any(s.conn is not None and s.ready for s in self.sessions)

    async def wait_ready(self, timeout: float = 10.0) -> GatewaySession:
        """Wait until a client identified and was sent READY + its GUILD_CREATEs."""
        await self._wait_until(lambda: any(s.ready and s.conn for s in self.sessions), timeout, "READY")
        return next(s for s in self.sessions if s.ready and s.conn)

    async def dispatch(self, event: str, data: Any, *, respect_intents: bool = True) -> int:
        """Send a DISPATCH (op 0) event to every live session; returns how many sessions got it.

        Events are filtered by the session's intents like Discord does (e.g.
        MESSAGE_CREATE needs GUILD_MESSAGES / DIRECT_MESSAGES).  Sessions that are
        momentarily disconnected buffer the event and get it replayed on RESUME.
        """
        sessions = self.sessions
        if not sessions:
            raise RuntimeError(f"no gateway session to dispatch {event} to (is the client connected?)")
        delivered = 0
        for sess in sessions:
            if respect_intents and not self._session_wants(sess, event, data):
                continue
            await self._session_dispatch(sess, event, self._filter_for_session(sess, event, data))
            delivered += 1
        return delivered

    def _session_wants(self, sess: GatewaySession, event: str, data: Any) -> bool:
        bits = _EVENT_INTENTS.get(event)
        if bits is None:
            return True
        in_guild = (isinstance(data, Mapping) and data.get("guild_id") is not None) or event.startswith("GUILD_")
        return sess.has(bits[0] if in_guild else bits[1])

    def _filter_for_session(self, sess: GatewaySession, event: str, data: Any) -> Any:
        """Without MESSAGE_CONTENT, guild messages lose content/embeds/attachments/components
        unless they mention the bot, are DMs, or are the bot's own (Discord's rule)."""
        if event not in ("MESSAGE_CREATE", "MESSAGE_UPDATE") or sess.has(Intents.MESSAGE_CONTENT):
            return data
        if data.get("guild_id") is None or data.get("author", {}).get("id") == self.bot_user["id"]:
            return data
        if any(m.get("id") == self.bot_user["id"] for m in data.get("mentions", [])):
            return data
        stripped = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
        stripped.pop("poll", None)
        return stripped

    async def send_reconnect(self, *, wait: bool = True, timeout: float = 10.0) -> None:
        """Send op 7 RECONNECT; with ``wait`` return once the client resumed (or re-identified)."""
        resumes, readies = self.resume_count, self.ready_count
        for sess in self.sessions:
            if sess.conn is not None:
                await sess.conn.send('{"op":7,"d":null,"s":null,"t":null}')
        if wait:
            await self._wait_until(
                lambda: (self.resume_count > resumes or self.ready_count > readies) and self.connected,
                timeout, "the client to RESUME after op 7",
            )

    async def invalidate_session(self, resumable: bool = False, *, wait: bool = True, timeout: float = 10.0) -> None:
        """Send op 9 INVALID_SESSION; a non-resumable one makes the client IDENTIFY again."""
        resumes, readies = self.resume_count, self.ready_count
        for sess in self.sessions:
            if sess.conn is not None:
                if not resumable:
                    sess.ended = True
                    self._sessions.pop(sess.session_id, None)
                await sess.conn.send(_dumps({"op": 9, "d": resumable, "s": None, "t": None}))
        if wait:
            await self._wait_until(
                lambda: (self.resume_count > resumes or self.ready_count > readies) and self.connected,
                timeout, "the client to reconnect after op 9",
            )

    async def close_gateway(self, code: int = 4000, reason: str = "closed by test") -> None:
        """Close every gateway connection with ``code`` (e.g. 4000 to force a resume)."""
        for conn in list(self._connections):
            await self._close_conn(conn, code, reason)

    async def wait_for_gateway(self, op: int, predicate: _Predicate = None, timeout: float = 5.0) -> Dict[str, Any]:
        """Wait for the next payload the client sends with opcode ``op`` (e.g. 3 presence update)."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future = loop.create_future()
        entry = (lambda p: p.get("op") == op and (predicate is None or predicate(p)), fut, False)
        self._gw_waiters.items.append(entry)
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise TimeoutError(f"no gateway op {op} from the client within {timeout}s") from None
        finally:
            self._gw_waiters.items.remove(entry)

    # ------------------------------------------------------------------ injection: messages

    async def send_message(
        self,
        channel_id: Optional[int] = None,
        author: Optional[Mapping[str, Any]] = None,
        content: str = "",
        *,
        mentions: Optional[Sequence[Mapping[str, Any]]] = None,
        mention_roles: Optional[Sequence[Union[int, Mapping[str, Any]]]] = None,
        mention_everyone: Optional[bool] = None,
        attachments: Sequence[Mapping[str, Any]] = (),
        embeds: Sequence[Mapping[str, Any]] = (),
        reply_to: Optional[Mapping[str, Any]] = None,
        **kw: Any,
    ) -> Dict[str, Any]:
        """A user posts a message: dispatch MESSAGE_CREATE and return the full message dict.

        Defaults: ``#general`` and ``member_user``.  Mentions are derived from
        ``<@id>`` / ``<@&id>`` / ``@everyone`` in ``content`` unless given explicitly.
        """
        channel_id = int(channel_id or self.channel_id)
        guild_id = self._guild_of_channel(channel_id)
        author_user = self._user(author, self.member_user)
        member = None
        if guild_id is not None:
            member = self.guilds[guild_id].members.get(int(author_user["id"]))
            if member is None:
                raise ValueError(f"user {author_user['username']} is not a member of guild {guild_id}")
        if mentions is None:
            mentions = self._mentioned_users(content, guild_id)
        if mention_roles is None:
            mention_roles = _MENTION_ROLE_RE.findall(content) if guild_id else []
        if mention_everyone is None:
            mention_everyone = bool(guild_id) and ("@everyone" in content or "@here" in content) and bool(
                self.compute_permissions(author_user, channel_id) & Perm.MENTION_EVERYONE)
        msg = make_message(
            channel_id, author_user, content, guild_id, member=member, mentions=mentions,
            mention_roles=mention_roles, mention_everyone=mention_everyone, attachments=attachments,
            embeds=embeds, reply_to=reply_to, **kw,
        )
        self._store_message(msg)
        await self.dispatch("MESSAGE_CREATE", msg)
        return msg

    async def send_dm(self, user: Optional[Mapping[str, Any]] = None, content: str = "", **kw: Any) -> Dict[str, Any]:
        """``user`` (default ``member_user``) DMs the bot; returns the message dict."""
        u = self._user(user, self.member_user)
        ch = self.make_dm_channel(u)
        return await self.send_message(int(ch["id"]), u, content, **kw)

    def _mentioned_users(self, content: str, guild_id: Optional[int]) -> List[Dict[str, Any]]:
        out = []
        for uid in dict.fromkeys(int(x) for x in _MENTION_USER_RE.findall(content)):
            if guild_id is not None and uid in self.guilds[guild_id].members:
                out.append(self.guilds[guild_id].members[uid])
            elif uid in self.users:
                out.append(self.users[uid])
        return out

    def _store_message(self, msg: Dict[str, Any]) -> None:
        self.messages[int(msg["id"])] = msg
        while len(self.messages) > self.max_messages:
            self.messages.popitem(last=False)
        ch = self.channels.get(int(msg["channel_id"]))
        if ch is not None:
            ch["last_message_id"] = msg["id"]

    def get_message(self, message_id: int) -> Optional[Dict[str, Any]]:
        return self.messages.get(int(message_id))

    # ------------------------------------------------------------------ injection: interactions

    def _find_command(self, name: str, guild_id: Optional[int], ctype: int) -> Optional[Dict[str, Any]]:
        scopes = ([guild_id] if guild_id is not None else []) + [None]
        for scope in scopes:
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and cmd.get("type", 1) == ctype:
                    return cmd
        return None

    def _interaction_payload(
        self,
        itype: int,
        data: Optional[Dict[str, Any]],
        *,
        user: Optional[Mapping[str, Any]],
        guild_id: Any,
        channel_id: Optional[int],
        permissions: Optional[int] = None,
        locale: str = "en-US",
        message: Optional[Mapping[str, Any]] = None,
    ) -> Dict[str, Any]:
        u = self._user(user, self.member_user)
        if channel_id is None:
            if guild_id is None:
                channel_id = int(self.make_dm_channel(u)["id"])
            elif guild_id is ... or int(guild_id) == self.guild_id:
                channel_id = self.channel_id
            else:
                channel_id = next(cid for cid, c in self.guilds[int(guild_id)].channels.items() if c["type"] == 0)
        channel_id = int(channel_id)
        if guild_id is ...:
            guild_id = self._guild_of_channel(channel_id)
        iid = snowflake()
        token = "aW50ZXJhY3Rpb24." + secrets.token_urlsafe(32)
        payload: Dict[str, Any] = {
            "id": _sid(iid),
            "application_id": _sid(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
            "channel": dict(self.channels[channel_id]),
            "channel_id": _sid(channel_id),
        }
        if data is not None:
            payload["data"] = data
        if guild_id is not None:
            guild_id = int(guild_id)
            g = self.guilds[guild_id]
            member = g.members.get(int(u["id"]))
            if member is None:
                raise ValueError(f"user {u['username']} is not a member of guild {guild_id}")
            perms = self.compute_permissions(u, channel_id) if permissions is None else permissions
            ch_payload = payload["channel"]
            ch_payload["permissions"] = str(perms)
            payload.update(
                guild_id=_sid(guild_id),
                guild={"id": _sid(guild_id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                member={**member, "user": u, "permissions": str(perms)},
                app_permissions=str(self.compute_permissions(self.bot_user, channel_id)),
                context=0,
                authorizing_integration_owners={"0": _sid(guild_id)},
            )
        else:
            payload.update(
                user=u,
                app_permissions=str(Perm.ALL & ~Perm.ADMINISTRATOR & ~Perm.MANAGE_GUILD),
                context=1,
                authorizing_integration_owners={"0": "0"},
            )
        if message is not None:
            payload["message"] = dict(message)
        return payload

    async def _inject_interaction(self, payload: Dict[str, Any]) -> int:
        iid = int(payload["id"])
        rec = InteractionRecord(id=iid, token=payload["token"], type=payload["type"], payload=payload,
                                created=time.monotonic())
        self.interactions[iid] = rec
        self._tokens[rec.token] = iid
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid

    def _build_options(
        self,
        definition: Optional[Sequence[Mapping[str, Any]]],
        values: Mapping[str, Any],
        resolved: Dict[str, Dict[str, Any]],
        guild_id: Optional[int],
        focused: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        defs = {o["name"]: o for o in (definition or [])}
        out: List[Dict[str, Any]] = []
        for name, value in values.items():
            odef = defs.get(name)
            if definition is not None and odef is None:
                raise ValueError(f"option {name!r} is not defined for this command (have {sorted(defs)})")
            otype = odef["type"] if odef else _guess_option_type(value)
            opt: Dict[str, Any] = {"name": name, "type": otype}
            if name == focused:
                opt["value"] = str(value)
                opt["focused"] = True
            else:
                opt["value"] = self._resolve_option(otype, value, resolved, guild_id)
            out.append(opt)
        if definition is not None and focused is None:
            missing = [o["name"] for o in definition if o.get("required") and o["name"] not in values]
            if missing:
                raise ValueError(f"missing required options {missing}")
        return out

    def _is_user_ref(self, value: Any) -> bool:
        if isinstance(value, Mapping):
            return "username" in value or "user" in value
        return int(value) in self.users

    def _resolve_option(self, otype: int, value: Any, resolved: Dict[str, Dict[str, Any]], guild_id: Optional[int]) -> Any:
        if otype == 6 or (otype == 9 and self._is_user_ref(value)):
            u = self._user(value, self.member_user)
            resolved.setdefault("users", {})[u["id"]] = u
            if guild_id is not None and int(u["id"]) in self.guilds[guild_id].members:
                m = {k: v for k, v in self.guilds[guild_id].members[int(u["id"])].items() if k != "user"}
                m["permissions"] = str(self.compute_permissions(u, guild_id=guild_id))
                resolved.setdefault("members", {})[u["id"]] = m
            return u["id"]
        if otype in (8, 9):
            rid = int(value["id"]) if isinstance(value, Mapping) else int(value)
            role = self.guilds[guild_id or self.guild_id].roles[rid]
            resolved.setdefault("roles", {})[role["id"]] = role
            return role["id"]
        if otype == 7:
            cid = int(value["id"]) if isinstance(value, Mapping) else int(value)
            ch = dict(self.channels[cid])
            ch["permissions"] = str(self.compute_permissions(self.bot_user, cid)) if "guild_id" in ch else str(Perm.ALL)
            resolved.setdefault("channels", {})[ch["id"]] = ch
            return ch["id"]
        if otype == 11:
            resolved.setdefault("attachments", {})[value["id"]] = dict(value)
            return value["id"]
        return value

    async def send_slash_command(
        self,
        name: str,
        options: Optional[Mapping[str, Any]] = None,
        *,
        user: Optional[Mapping[str, Any]] = None,
        guild_id: Any = ...,
        channel_id: Optional[int] = None,
        permissions: Optional[int] = None,
        locale: str = "en-US",
        require_sync: bool = True,
        check_default_permissions: bool = True,
    ) -> int:
        """Invoke ``/name`` (``"kb reload"`` for subcommands) as ``user``; returns the interaction id.

        The command id and option types come from the bot's last sync.  ``guild_id``
        defaults to the channel's guild (the default guild); pass ``None`` for a DM.
        ``permissions`` overrides the member's computed permissions (e.g. omit
        ``Perm.MANAGE_GUILD``).  Like Discord's client, a user lacking the command's
        ``default_member_permissions`` cannot invoke it: PermissionError unless
        ``check_default_permissions=False``.
        """
        parts = name.split()
        if guild_id is ...:
            guild_id = self._guild_of_channel(channel_id) if channel_id else self.guild_id
        cmd = self._find_command(parts[0], guild_id, 1)
        if cmd is None and require_sync:
            raise LookupError(f"/{parts[0]} was never synced (synced: {self._synced_names()}); "
                              f"pass require_sync=False to invoke anyway")
        u = self._user(user, self.member_user)
        if cmd is not None and guild_id is not None and check_default_permissions:
            needed = cmd.get("default_member_permissions")
            have = self.compute_permissions(u, guild_id=guild_id) if permissions is None else permissions
            if needed is not None and not have & Perm.ADMINISTRATOR and int(needed) & ~have:
                raise PermissionError(f"/{name} requires permissions {needed}; Discord would not show it to "
                                      f"{u['username']} (pass check_default_permissions=False to bypass)")
        if cmd is not None and cmd.get("contexts") is not None:
            ctx = 0 if guild_id is not None else 1
            if ctx not in cmd["contexts"]:
                raise PermissionError(f"/{parts[0]} is not available in context {ctx} (contexts={cmd['contexts']})")
        data, _ = self._command_data(parts, cmd, options or {}, guild_id)
        payload = self._interaction_payload(2, data, user=u, guild_id=guild_id, channel_id=channel_id,
                                            permissions=permissions, locale=locale)
        return await self._inject_interaction(payload)

    async def send_message_command(
        self,
        name: str,
        message: Union[int, Mapping[str, Any], SentMessage],
        *,
        user: Optional[Mapping[str, Any]] = None,
        permissions: Optional[int] = None,
        check_default_permissions: bool = True,
    ) -> int:
        """``user`` runs the message command ``name`` (Apps > name) on ``message``; returns the interaction id.

        Like Discord, the target message is sent whole in ``resolved`` (its content too: a
        message command's target is exempt from the Message Content intent)."""
        msg = self._resolve_message_arg(message)
        channel_id = int(msg["channel_id"])
        guild_id = self._guild_of_channel(channel_id)
        cmd = self._find_command(name, guild_id, 3)
        if cmd is None:
            raise LookupError(f"message command {name!r} was never synced (synced: {self._synced_names()})")
        u = self._user(user, self.member_user)
        if guild_id is not None and check_default_permissions:
            needed = cmd.get("default_member_permissions")
            have = self.compute_permissions(u, guild_id=guild_id) if permissions is None else permissions
            if needed is not None and not have & Perm.ADMINISTRATOR and int(needed) & ~have:
                raise PermissionError(f"{name!r} requires permissions {needed}; Discord would not show it to "
                                      f"{u['username']} (pass check_default_permissions=False to bypass)")
        data: Dict[str, Any] = {"id": cmd["id"], "name": name, "type": 3, "target_id": msg["id"],
                                "resolved": {"messages": {msg["id"]: dict(msg)}}}
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        payload = self._interaction_payload(2, data, user=u, guild_id=guild_id, channel_id=channel_id, permissions=permissions)
        return await self._inject_interaction(payload)

    def _command_data(
        self, parts: List[str], cmd: Optional[Mapping[str, Any]], values: Mapping[str, Any],
        guild_id: Optional[int], focused: Optional[str] = None,
    ) -> Tuple[Dict[str, Any], List[Dict[str, Any]]]:
        resolved: Dict[str, Dict[str, Any]] = {}
        definition = cmd.get("options", []) if cmd is not None else None
        chain: List[Tuple[str, int]] = []
        for sub in parts[1:]:
            sdef = None
            if definition is not None:
                sdef = next((o for o in definition if o["name"] == sub and o["type"] in (1, 2)), None)
                if sdef is None:
                    raise ValueError(f"{sub!r} is not a subcommand of /{' '.join(parts[:-1])}")
                definition = sdef.get("options", [])
            chain.append((sub, sdef["type"] if sdef else (1 if sub == parts[-1] else 2)))
        leaf = self._build_options(definition, values, resolved, guild_id, focused)
        options: List[Dict[str, Any]] = leaf
        for sub, stype in reversed(chain):
            options = [{"name": sub, "type": stype, "options": options}]
        data: Dict[str, Any] = {
            "id": cmd["id"] if cmd is not None else _sid(snowflake()),
            "name": parts[0],
            "type": 1,
        }
        if options:
            data["options"] = options
        if resolved:
            data["resolved"] = resolved
        if cmd is not None and cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data, leaf

    def _synced_names(self) -> Dict[str, List[str]]:
        return {("global" if k is None else str(k)): [c["name"] for c in v] for k, v in self.commands.items()}

    async def send_autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        focused: str,
        *,
        user: Optional[Mapping[str, Any]] = None,
        guild_id: Any = ...,
        channel_id: Optional[int] = None,
        require_sync: bool = True,
    ) -> int:
        """A user typing into option ``focused`` of ``/name`` (type 4 APPLICATION_COMMAND_AUTOCOMPLETE)."""
        parts = name.split()
        if guild_id is ...:
            guild_id = self._guild_of_channel(channel_id) if channel_id else self.guild_id
        cmd = self._find_command(parts[0], guild_id, 1)
        if cmd is None and require_sync:
            raise LookupError(f"/{parts[0]} was never synced (synced: {self._synced_names()})")
        if focused not in options:
            raise ValueError(f"focused option {focused!r} must be in options")
        data, _ = self._command_data(parts, cmd, options, guild_id, focused=focused)
        payload = self._interaction_payload(4, data, user=user, guild_id=guild_id, channel_id=channel_id)
        return await self._inject_interaction(payload)

    def _resolve_message_arg(self, message: Union[int, Mapping[str, Any], SentMessage]) -> Dict[str, Any]:
        if isinstance(message, SentMessage):
            message = message.id
        mid = int(message["id"]) if isinstance(message, Mapping) else int(message)
        stored = self.messages.get(mid)
        if stored is None:
            if isinstance(message, Mapping):
                return dict(message)
            raise KeyError(f"unknown message {mid}")
        return stored

    @staticmethod
    def _find_component(components: Sequence[Mapping[str, Any]], custom_id: str) -> Optional[Mapping[str, Any]]:
        for comp in components:
            if comp.get("custom_id") == custom_id:
                return comp
            for key in ("components",):
                found = DiscordDouble._find_component(comp.get(key) or [], custom_id)
                if found is not None:
                    return found
            for key in ("accessory", "component"):
                if isinstance(comp.get(key), Mapping):
                    found = DiscordDouble._find_component([comp[key]], custom_id)
                    if found is not None:
                        return found
        return None

    async def _component_interaction(
        self, message: Any, custom_id: str, user: Optional[Mapping[str, Any]], extra: Dict[str, Any],
        expect_types: Tuple[int, ...],
    ) -> int:
        msg = self._resolve_message_arg(message)
        comp = self._find_component(msg.get("components", []), custom_id)
        if comp is None:
            raise ValueError(f"message {msg['id']} has no component with custom_id {custom_id!r}")
        if comp.get("type") not in expect_types:
            raise ValueError(f"component {custom_id!r} has type {comp.get('type')}, expected {expect_types}")
        if comp.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled; a user cannot use it")
        channel_id = int(msg["channel_id"])
        guild_id = self._guild_of_channel(channel_id)
        data = {"custom_id": custom_id, "component_type": comp["type"], "id": comp.get("id", 1), **extra}
        payload = self._interaction_payload(3, data, user=user, guild_id=guild_id, channel_id=channel_id, message=msg)
        return await self._inject_interaction(payload)

    async def click_button(
        self, message: Union[int, Mapping[str, Any], SentMessage], custom_id: str, user: Optional[Mapping[str, Any]] = None
    ) -> int:
        """Click a button (type 3, component_type 2) on a message the bot sent; returns the interaction id."""
        return await self._component_interaction(message, custom_id, user, {}, (2,))

    async def select_option(
        self, message: Union[int, Mapping[str, Any], SentMessage], custom_id: str, values: Sequence[str],
        user: Optional[Mapping[str, Any]] = None,
    ) -> int:
        """Choose ``values`` in a string select (component_type 3)."""
        return await self._component_interaction(message, custom_id, user, {"values": list(values)}, (3,))

    async def submit_modal(
        self,
        custom_id: Optional[str],
        values: Mapping[str, str],
        user: Optional[Mapping[str, Any]] = None,
        *,
        require_shown: bool = True,
    ) -> int:
        """Submit the modal the bot showed with ``custom_id`` (type 5); returns the interaction id.

        Uses the recorded modal to mirror its layout (action rows or labels) and
        the originating interaction's user, channel and message.  ``custom_id=None``
        means the most recently shown modal (discord.py generates random ids).
        """
        if custom_id is None:
            if not self._modals:
                raise LookupError("no modal has been shown")
            custom_id = next(reversed(self._modals))
        shown = self._modals.get(custom_id)
        if shown is None and require_shown:
            raise LookupError(f"no modal with custom_id {custom_id!r} was shown (shown: {list(self._modals)})")
        components: List[Dict[str, Any]] = []
        origin: Optional[InteractionRecord] = None
        if shown is not None:
            modal, origin_id = shown
            origin = self.interactions.get(origin_id)
            known = set()
            for comp in modal.get("components", []):
                if comp.get("type") == 1:
                    inner = [c for c in comp.get("components", []) if c.get("type") == 4]
                    for c in inner:
                        known.add(c["custom_id"])
                    components.append({"type": 1, "id": comp.get("id", 0), "components": [
                        {"type": 4, "id": c.get("id", 0), "custom_id": c["custom_id"],
                         "value": values.get(c["custom_id"], c.get("value") or "")} for c in inner]})
                elif comp.get("type") == 18 and comp.get("component", {}).get("type") == 4:
                    c = comp["component"]
                    known.add(c["custom_id"])
                    components.append({"type": 18, "id": comp.get("id", 0), "component": {
                        "type": 4, "id": c.get("id", 0), "custom_id": c["custom_id"],
                        "value": values.get(c["custom_id"], c.get("value") or "")}})
            unknown = set(values) - known
            if unknown:
                raise ValueError(f"modal {custom_id!r} has no text inputs {sorted(unknown)} (has {sorted(known)})")
        else:
            components = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in values.items()]
        if origin is not None:
            op = origin.payload
            u = user or (op.get("member", {}).get("user") or op.get("user"))
            guild_id = int(op["guild_id"]) if "guild_id" in op else None
            channel_id = int(op["channel_id"])
            message = op.get("message")
        else:
            u, guild_id, channel_id, message = user, self.guild_id, self.channel_id, None
        payload = self._interaction_payload(5, {"custom_id": custom_id, "components": components}, user=u,
                                            guild_id=guild_id, channel_id=channel_id, message=message)
        return await self._inject_interaction(payload)

    # ------------------------------------------------------------------ waiting

    async def _wait_record(
        self, store: Iterable[Any], waiters: _Waiters, pred: Callable[[Any], bool], timeout: float, consume: bool,
        what: str,
    ) -> Any:
        for rec in list(store):
            if consume and rec.consumed:
                continue
            if pred(rec):
                if consume:
                    rec.consumed = True
                return rec
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        entry = (pred, fut, consume)
        waiters.items.append(entry)
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}; recent requests: {self._summary()}") from None
        finally:
            waiters.items.remove(entry)

    async def wait_for_message(
        self, predicate: _Predicate = None, timeout: float = 5.0, *, consume: bool = True
    ) -> SentMessage:
        """The earliest not-yet-consumed ``SentMessage`` matching ``predicate`` (already sent or future).

        Each returned message is marked consumed so consecutive calls walk through
        the bot's output in order; pass ``consume=False`` to peek.
        """
        return await self._wait_record(self.sent_messages, self._msg_waiters, predicate or (lambda m: True),
                                       timeout, consume, "a bot message")

    async def wait_for_request(
        self, method: Optional[str] = None, path_regex: str = "", timeout: float = 5.0, *,
        predicate: _Predicate = None, consume: bool = True,
    ) -> RecordedRequest:
        """The earliest unconsumed request with ``method`` (None = any) whose API path matches ``path_regex``."""
        rx = re.compile(path_regex)

        def pred(r: RecordedRequest) -> bool:
            return ((method is None or r.method == method.upper()) and bool(rx.search(r.path))
                    and (predicate is None or predicate(r)))

        return await self._wait_record(self.requests, self._req_waiters, pred, timeout, consume,
                                       f"{method or '*'} {path_regex}")

    async def wait_for_interaction_response(self, interaction_id: int, timeout: float = 5.0) -> InteractionResponseRecord:
        """The bot's initial callback for the interaction (any type)."""
        iid = int(interaction_id)
        if iid in self.interaction_responses:
            return self.interaction_responses[iid]
        return await self._wait_record((), self._resp_waiters, lambda r: r.interaction_id == iid, timeout, False,
                                       f"a response to interaction {iid}")

    async def wait_for_autocomplete(self, interaction_id: int, timeout: float = 5.0) -> List[Dict[str, Any]]:
        """The choices of an autocomplete result (callback type 8)."""
        resp = await self.wait_for_interaction_response(interaction_id, timeout)
        if resp.type != 8:
            raise AssertionError(f"expected autocomplete result (type 8), got type {resp.type}")
        return resp.data.get("choices", [])

    def messages_for(self, interaction_id: int) -> List[SentMessage]:
        """Every SentMessage tied to an interaction (response, update, follow-ups, edits)."""
        return [m for m in self.sent_messages if m.interaction_id == int(interaction_id)]

    @property
    def unknown_requests(self) -> List[RecordedRequest]:
        """Requests to endpoints the double does not implement (returned 404/405)."""
        return [r for r in self.requests if r.route is None]

    @property
    def error_responses(self) -> List[RecordedRequest]:
        return [r for r in self.requests if r.status >= 400]

    def clear_records(self) -> None:
        """Forget recorded traffic (model state is kept)."""
        self.requests.clear()
        self.sent_messages.clear()
        self.reactions.clear()
        self.gateway_received.clear()

    def _summary(self, n: int = 8) -> str:
        return ", ".join(f"{r.method} {r.path} -> {r.status}" for r in list(self.requests)[-n:]) or "none"

    # ------------------------------------------------------------------ HTTP plumbing

    def _build_routes(self) -> List[Tuple[str, "re.Pattern[str]", Callable[..., Any], bool]]:
        cid, mid, app, gid, uid = r"(?P<cid>\d+)", r"(?P<mid>\d+)", r"(?P<app>\d+)", r"(?P<gid>\d+)", r"(?P<uid>\d+)"
        tok = r"(?P<token>[^/]+)"
        r = [
            ("GET", r"/users/@me", self._h_me, True),
            ("GET", rf"/users/{uid}", self._h_get_user, True),
            ("POST", r"/users/@me/channels", self._h_create_dm, True),
            ("GET", r"/oauth2/applications/@me", self._h_app_info, True),
            ("GET", r"/applications/@me", self._h_app_info, True),
            ("GET", r"/gateway", self._h_gateway, False),
            ("GET", r"/gateway/bot", self._h_gateway_bot, True),
            ("GET", rf"/applications/{app}/commands", self._h_get_commands, True),
            ("PUT", rf"/applications/{app}/commands", self._h_put_commands, True),
            ("POST", rf"/applications/{app}/commands", self._h_post_command, True),
            ("GET", rf"/applications/{app}/commands/(?P<cmd>\d+)", self._h_get_command, True),
            ("PATCH", rf"/applications/{app}/commands/(?P<cmd>\d+)", self._h_patch_command, True),
            ("DELETE", rf"/applications/{app}/commands/(?P<cmd>\d+)", self._h_delete_command, True),
            ("GET", rf"/applications/{app}/guilds/{gid}/commands", self._h_get_commands, True),
            ("PUT", rf"/applications/{app}/guilds/{gid}/commands", self._h_put_commands, True),
            ("POST", rf"/applications/{app}/guilds/{gid}/commands", self._h_post_command, True),
            ("GET", rf"/applications/{app}/guilds/{gid}/commands/permissions", self._h_empty_list, True),
            ("GET", rf"/applications/{app}/guilds/{gid}/commands/(?P<cmd>\d+)", self._h_get_command, True),
            ("PATCH", rf"/applications/{app}/guilds/{gid}/commands/(?P<cmd>\d+)", self._h_patch_command, True),
            ("DELETE", rf"/applications/{app}/guilds/{gid}/commands/(?P<cmd>\d+)", self._h_delete_command, True),
            ("GET", rf"/channels/{cid}", self._h_get_channel, True),
            ("GET", rf"/channels/{cid}/messages", self._h_history, True),
            ("POST", rf"/channels/{cid}/messages", self._h_post_message, True),
            ("GET", rf"/channels/{cid}/messages/{mid}", self._h_get_message, True),
            ("PATCH", rf"/channels/{cid}/messages/{mid}", self._h_edit_message, True),
            ("DELETE", rf"/channels/{cid}/messages/{mid}", self._h_delete_message, True),
            ("POST", rf"/channels/{cid}/messages/{mid}/threads", self._h_thread_from_message, True),
            ("PUT", rf"/channels/{cid}/messages/{mid}/reactions/(?P<emoji>[^/]+)/@me", self._h_add_reaction, True),
            ("DELETE", rf"/channels/{cid}/messages/{mid}/reactions/(?P<emoji>[^/]+)/(?P<who>@me|\d+)",
             self._h_remove_reaction, True),
            ("DELETE", rf"/channels/{cid}/messages/{mid}/reactions/(?P<emoji>[^/]+)", self._h_clear_emoji, True),
            ("DELETE", rf"/channels/{cid}/messages/{mid}/reactions", self._h_clear_reactions, True),
            ("POST", rf"/channels/{cid}/typing", self._h_typing, True),
            ("GET", rf"/guilds/{gid}", self._h_get_guild, True),
            ("GET", rf"/guilds/{gid}/channels", self._h_guild_channels, True),
            ("GET", rf"/guilds/{gid}/roles", self._h_guild_roles, True),
            ("GET", rf"/guilds/{gid}/members", self._h_guild_members, True),
            ("GET", rf"/guilds/{gid}/members/{uid}", self._h_guild_member, True),
            ("PUT", rf"/guilds/{gid}/members/{uid}/roles/(?P<rid>\d+)", self._h_member_role, True),
            ("DELETE", rf"/guilds/{gid}/members/{uid}/roles/(?P<rid>\d+)", self._h_member_role, True),
            ("POST", rf"/interactions/(?P<iid>\d+)/{tok}/callback", self._h_callback, False),
            ("POST", rf"/webhooks/{app}/{tok}", self._h_followup, False),
            ("GET", rf"/webhooks/{app}/{tok}/messages/(?P<mid>@original|\d+)", self._h_webhook_get, False),
            ("PATCH", rf"/webhooks/{app}/{tok}/messages/(?P<mid>@original|\d+)", self._h_webhook_edit, False),
            ("DELETE", rf"/webhooks/{app}/{tok}/messages/(?P<mid>@original|\d+)", self._h_webhook_delete, False),
        ]
        return [(m, re.compile(p), h, auth) for m, p, h, auth in r]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path == "/gateway" and request.headers.get("Upgrade", "").lower() == "websocket":
            return await self._gateway(request)
        if path.startswith("/attachments/") and request.method == "GET":
            entry = self.files.get(path[len("/attachments/"):])
            if entry is None:
                return web.Response(status=404, text="Not Found")
            return web.Response(body=entry[0], headers={"Content-Type": entry[1]})

        sub = path[len(API_PREFIX):] if path.startswith(API_PREFIX + "/") else None
        body_json: Any = None
        files: List[SentFile] = []
        route_name: Optional[str] = None
        try:
            if sub is None:
                raise _ApiError(404, 0, "404: Not Found")
            body_json, files = await self._read_body(request)
            handler, params, auth = self._match(request.method, sub)
            route_name = handler.__name__
            if auth and request.headers.get("Authorization") != f"Bot {self.token}":
                raise _ApiError(401, 0, "401: Unauthorized")
            status, data = await handler(request, params, body_json, files)
        except _ApiError as exc:
            status, data = exc.status, exc.body
        except Exception as exc:  # a bug in the double must not look like a Discord 500 retry loop
            import traceback

            status, data = 400, {"message": f"discord-double internal error: {exc!r}", "code": 0}
            self.internal_errors.append(traceback.format_exc())
        rec = RecordedRequest(
            seq=next(self._seq), method=request.method, path=sub if sub is not None else path,
            query=dict(request.query), json=body_json if self.record_bodies else None,
            files=files if self.record_bodies else [], status=status,
            response=data if self.record_bodies else None, time=time.monotonic(), route=route_name,
        )
        self.requests.append(rec)
        self._req_waiters.notify(rec)
        if status == 204 or data is None:
            return web.Response(status=204)
        return _json_response(data, status)

    def _match(self, method: str, sub: str) -> Tuple[Callable[..., Any], Dict[str, str], bool]:
        path_matched = False
        for m, rx, handler, auth in self._routes:
            match = rx.fullmatch(sub)
            if match is None:
                continue
            path_matched = True
            if m == method:
                return handler, match.groupdict(), auth
        if path_matched:
            raise _ApiError(405, 0, "405: Method Not Allowed")
        raise _ApiError(404, 0, "404: Not Found")

    async def _read_body(self, request: web.Request) -> Tuple[Any, List[SentFile]]:
        ctype = request.content_type
        if ctype == "multipart/form-data":
            payload: Any = None
            files: List[SentFile] = []
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                data = await part.read(decode=False)
                if part.name == "payload_json":
                    payload = json.loads(bytes(data).decode())
                elif part.filename is not None:
                    files.append(SentFile(part.name or "", part.filename,
                                          part.headers.get("Content-Type"), bytes(data)))
            return payload, files
        if request.can_read_body:
            raw = await request.read()
            if raw:
                try:
                    return json.loads(raw), []
                except ValueError:
                    raise _ApiError(400, 50109, "The request body contains invalid JSON.")
        return None, []

    # ------------------------------------------------------------------ REST: users/app/gateway

    async def _h_me(self, req, p, body, files):
        return 200, {**self.bot_user, "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US",
                     "bio": "", "premium_type": 0}

    async def _h_get_user(self, req, p, body, files):
        user = self.users.get(int(p["uid"]))
        if user is None:
            raise _ApiError(404, 10013, "Unknown User")
        return 200, user

    async def _h_create_dm(self, req, p, body, files):
        uid = int((body or {}).get("recipient_id", 0))
        if uid not in self.users:
            raise _ApiError(400, 50035, "Invalid Form Body",
                            {"recipient_id": {"_errors": [{"code": "NUMBER_TYPE_COERCE", "message": "Unknown user"}]}})
        return 200, self.make_dm_channel(uid)

    async def _h_app_info(self, req, p, body, files):
        return 200, {
            "id": _sid(self.application_id),
            "name": self.bot_user["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self._application_flags(),
            "owner": self._application_owner_payload(),
            "team": self._application_team_payload(),
            "bot": self.bot_user,
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
            "install_params": {"scopes": ["bot", "applications.commands"], "permissions": "0"},
            "tags": [],
        }

    def _team_id(self) -> int:
        return self.application_id + 1

    def _application_owner_payload(self) -> Dict[str, Any]:
        if self.application_team is None:
            return self.application_owner
        # a team-owned application's "owner" is a pseudo-user named after the team (Discord's shape)
        return make_user(self._team_id(), f"team{self._team_id()}", global_name="", discriminator="0000", public_flags=1024)

    def _application_team_payload(self) -> Optional[Dict[str, Any]]:
        if self.application_team is None:
            return None
        team_id = _sid(self._team_id())
        owner = next((u for u, role in self.application_team if role == "admin"), self.application_team[0][0])
        return {
            "id": team_id,
            "name": "Career bot team",
            "icon": None,
            "owner_user_id": _sid(owner["id"]),
            "members": [
                {"membership_state": 2, "permissions": ["*"], "team_id": team_id, "user": u, "role": role}
                for u, role in self.application_team
            ],
        }

    async def _h_gateway(self, req, p, body, files):
        return 200, {"url": self.gateway_url}

    async def _h_gateway_bot(self, req, p, body, files):
        return 200, {"url": self.gateway_url, "shards": 1,
                     "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000,
                                             "max_concurrency": 1}}

    async def _h_empty_list(self, req, p, body, files):
        return 200, []

    # ------------------------------------------------------------------ REST: application commands

    def _scope(self, p: Mapping[str, str]) -> Optional[int]:
        if int(p["app"]) != self.application_id:
            raise _ApiError(403, 50001, "Missing Access")
        gid = p.get("gid")
        if gid is None:
            return None
        if int(gid) not in self.guilds:
            raise _ApiError(403, 50001, "Missing Access")
        return int(gid)

    def _materialize_command(self, cmd: Mapping[str, Any], scope: Optional[int],
                             existing: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "id": existing["id"] if existing else _sid(snowflake()),
            "application_id": _sid(self.application_id),
            "version": _sid(snowflake()),
            "type": cmd.get("type", 1),
            "name": cmd["name"],
            "name_localizations": cmd.get("name_localizations"),
            "description": cmd.get("description", ""),
            "description_localizations": cmd.get("description_localizations"),
            "default_member_permissions": cmd.get("default_member_permissions"),
            "nsfw": cmd.get("nsfw", False),
            "options": cmd.get("options", []),
        }
        if scope is None:
            out["dm_permission"] = cmd.get("dm_permission", True)
            out["contexts"] = cmd.get("contexts")
            out["integration_types"] = cmd.get("integration_types", [0])
        else:
            out["guild_id"] = _sid(scope)
            out["contexts"] = cmd.get("contexts")
            out["integration_types"] = cmd.get("integration_types", [0])
        return out

    async def _h_get_commands(self, req, p, body, files):
        return 200, self.commands.get(self._scope(p), [])

    async def _h_put_commands(self, req, p, body, files):
        scope = self._scope(p)
        err = _Errors()
        validate_commands(body, err)
        err.raise_if_any()
        old = {(c.get("type", 1), c["name"]): c for c in self.commands.get(scope, [])}
        new = [self._materialize_command(c, scope, old.get((c.get("type", 1), c["name"]))) for c in body]
        self.commands[scope] = new
        self.command_syncs.append(CommandSync("global" if scope is None else "guild", scope, body))
        return 200, new

    async def _h_post_command(self, req, p, body, files):
        scope = self._scope(p)
        err = _Errors()
        validate_commands([body], err)
        err.raise_if_any()
        cmds = self.commands.setdefault(scope, [])
        existing = next((c for c in cmds if c["name"] == body["name"] and c["type"] == body.get("type", 1)), None)
        new = self._materialize_command(body, scope, existing)
        if existing:
            cmds[cmds.index(existing)] = new
        else:
            cmds.append(new)
        return (200 if existing else 201), new

    def _command_by_id(self, p: Mapping[str, str]) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
        cmds = self.commands.get(self._scope(p), [])
        for c in cmds:
            if c["id"] == p["cmd"]:
                return cmds, c
        raise _ApiError(404, 10063, "Unknown application command")

    async def _h_get_command(self, req, p, body, files):
        return 200, self._command_by_id(p)[1]

    async def _h_patch_command(self, req, p, body, files):
        cmds, c = self._command_by_id(p)
        c.update({k: v for k, v in (body or {}).items() if k != "id"})
        c["version"] = _sid(snowflake())
        return 200, c

    async def _h_delete_command(self, req, p, body, files):
        cmds, c = self._command_by_id(p)
        cmds.remove(c)
        return 204, None

    # ------------------------------------------------------------------ REST: channels & messages

    def _channel_or_404(self, cid: Union[str, int]) -> Dict[str, Any]:
        ch = self.channels.get(int(cid))
        if ch is None:
            raise _ApiError(404, 10003, "Unknown Channel")
        return ch

    def _require_perms(self, ch: Mapping[str, Any], needed: int) -> None:
        if not self.enforce_permissions or "guild_id" not in ch:
            return
        have = self.compute_permissions(self.bot_user, int(ch["id"]))
        if not have & Perm.VIEW_CHANNEL:
            raise _ApiError(403, 50001, "Missing Access")
        if needed & ~have:
            raise _ApiError(403, 50013, "Missing Permissions")

    def _message_or_404(self, cid: Union[str, int], mid: Union[str, int]) -> Dict[str, Any]:
        msg = self.messages.get(int(mid))
        if msg is None or int(msg["channel_id"]) != int(cid):
            raise _ApiError(404, 10008, "Unknown Message")
        return msg

    async def _h_get_channel(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        self._require_perms(ch, Perm.VIEW_CHANNEL)
        return 200, ch

    async def _h_history(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        self._require_perms(ch, Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY)
        limit = min(int(req.query.get("limit", 50)), 100)
        msgs = [m for m in reversed(self.messages.values()) if m["channel_id"] == ch["id"]]
        if "before" in req.query:
            msgs = [m for m in msgs if int(m["id"]) < int(req.query["before"])]
        if "after" in req.query:
            msgs = [m for m in msgs if int(m["id"]) > int(req.query["after"])][-limit:]
        return 200, msgs[:limit]

    async def _h_get_message(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        self._require_perms(ch, Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY)
        return 200, self._message_or_404(p["cid"], p["mid"])

    def _check_files(self, files: Sequence[SentFile]) -> None:
        for f in files:
            if len(f.data) > ATTACHMENT_SIZE_LIMIT:
                raise _ApiError(413, 40005, "Request entity too large")

    def _attachments_from(self, payload: Mapping[str, Any], files: Sequence[SentFile],
                          previous: Sequence[Mapping[str, Any]] = ()) -> List[Dict[str, Any]]:
        """Turn uploaded files (``files[n]`` + ``attachments[{id: n}]``) and kept attachments into objects."""
        by_field = {f.field: f for f in files}
        prev = {a["id"]: a for a in previous}
        entries = payload.get("attachments")
        if entries is None:
            entries = [{"id": i} for i in range(len(files))] if files else [{"id": a["id"]} for a in previous]
        out = []
        for entry in entries:
            key = str(entry.get("id"))
            if key in prev:
                out.append(prev[key])
                continue
            f = by_field.get(f"files[{key}]")
            if f is None:
                continue
            att = self.host_file(entry.get("filename") or f.filename, f.data, f.content_type)
            if entry.get("description"):
                att["description"] = entry["description"]
            out.append(att)
        return out

    def _mentions_for(self, content: str, guild_id: Optional[int]) -> Tuple[List[Dict[str, Any]], List[str]]:
        users = []
        for u in self._mentioned_users(content, guild_id):
            entry = dict(_user_of(u))
            if "user" in u:
                entry["member"] = {k: v for k, v in u.items() if k != "user"}
            users.append(entry)
        roles = _MENTION_ROLE_RE.findall(content) if guild_id is not None else []
        return users, roles

    def _bot_message(
        self,
        channel_id: int,
        payload: Mapping[str, Any],
        files: Sequence[SentFile],
        *,
        interaction: Optional[InteractionRecord] = None,
        allow_ephemeral: bool = False,
    ) -> Dict[str, Any]:
        """Build the message object Discord would create from a bot's send payload."""
        ch = self.channels.get(channel_id)
        guild_id = int(ch["guild_id"]) if ch is not None and "guild_id" in ch else None
        content = payload.get("content") or ""
        mentions, mention_roles = self._mentions_for(content, guild_id)
        allowed_flags = 4 | 4096 | (1 << 15) | (64 if allow_ephemeral else 0)
        ref = payload.get("message_reference")
        referenced = None
        if ref and ref.get("message_id") is not None:
            referenced = self.messages.get(int(ref["message_id"]))
            if referenced is None and ref.get("fail_if_not_exists", True):
                raise _ApiError(400, 50035, "Invalid Form Body", {"message_reference": {"_errors": [
                    {"code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "message": "Unknown message"}]}})
        msg = make_message(
            channel_id, self.bot_user, content, None,
            mentions=[], mention_roles=mention_roles,
            mention_everyone=("@everyone" in content or "@here" in content) and "everyone" in (
                (payload.get("allowed_mentions") or {"parse": ["everyone"]}).get("parse") or []),
            attachments=self._attachments_from(payload, files),
            embeds=[{"type": "rich", **e} for e in payload.get("embeds") or []],
            components=payload.get("components") or [],
            flags=int(payload.get("flags") or 0) & allowed_flags,
            tts=bool(payload.get("tts")),
            nonce=payload.get("nonce"),
        )
        msg["mentions"] = mentions
        if guild_id is not None:
            msg["guild_id"] = _sid(guild_id)
        if payload.get("sticker_ids"):
            msg["sticker_items"] = [{"id": _sid(s), "name": "sticker", "format_type": 1} for s in payload["sticker_ids"]]
        if payload.get("poll"):
            msg["poll"] = payload["poll"]
        if ref and ref.get("message_id") is not None:
            msg["type"] = 19
            msg["message_reference"] = {"type": ref.get("type", 0), "message_id": _sid(ref["message_id"]),
                                        "channel_id": _sid(ref.get("channel_id", channel_id)),
                                        **({"guild_id": _sid(ref["guild_id"])} if ref.get("guild_id") else {})}
            if interaction is None:
                msg["referenced_message"] = referenced
        if interaction is not None:
            ip = interaction.payload
            iuser = ip.get("member", {}).get("user") or ip.get("user")
            msg["webhook_id"] = _sid(self.application_id)
            msg["application_id"] = _sid(self.application_id)
            if interaction.type in (2, 4):
                msg["type"] = 20
            meta: Dict[str, Any] = {"id": ip["id"], "type": interaction.type, "user": iuser,
                                    "authorizing_integration_owners": ip.get("authorizing_integration_owners", {})}
            if interaction.type == 2:
                meta.update(name=ip["data"]["name"], command_type=ip["data"].get("type", 1))
            if interaction.type == 3 and "message" in ip:
                meta["interacted_message_id"] = ip["message"]["id"]
            msg["interaction_metadata"] = meta
        return msg

    def _record_sent(self, kind: str, msg: Dict[str, Any], payload: Mapping[str, Any], files: Sequence[SentFile],
                     interaction: Optional[InteractionRecord] = None) -> SentMessage:
        sent = SentMessage(
            seq=next(self._seq), kind=kind, message=msg, payload=dict(payload or {}), files=list(files),
            channel_id=int(msg["channel_id"]), guild_id=int(msg["guild_id"]) if "guild_id" in msg else None,
            interaction_id=interaction.id if interaction is not None else None, time=time.monotonic(),
        )
        self.sent_messages.append(sent)
        self._msg_waiters.notify(sent)
        return sent

    async def _echo(self, event: str, data: Mapping[str, Any]) -> None:
        if not self.echo_bot_messages or not self.sessions:
            return
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
            if int(data.get("flags", 0)) & 64:
                return  # ephemeral messages are never dispatched
            if "guild_id" in data:
                data = {**data, "member": {k: v for k, v in
                                           self.guilds[int(data["guild_id"])].members[self.application_id].items()
                                           if k != "user"}}
        await self.dispatch(event, data)

    def _validate_outgoing(self, payload: Any, prefix: Sequence[str] = ()) -> None:
        if not isinstance(payload, Mapping):
            raise _ApiError(400, 50035, "Invalid Form Body",
                            {"_errors": [{"code": "DICT_TYPE_CONVERT", "message": "Only dictionaries may be used"}]})
        err = _Errors()
        validate_message_payload(payload, err)
        err.raise_if_any(prefix)

    async def _h_post_message(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        send = Perm.SEND_MESSAGES_IN_THREADS if ch["type"] in _THREAD_TYPES else Perm.SEND_MESSAGES
        needed = Perm.VIEW_CHANNEL | send | (Perm.ATTACH_FILES if files else 0)
        self._require_perms(ch, needed)
        if ch["type"] == 1 and int(ch["recipients"][0]["id"]) in self.blocked_dm_users:
            raise _ApiError(403, 50007, "Cannot send messages to this user")
        payload = body or {}
        self._validate_outgoing(payload)
        self._check_files(files)
        msg = self._bot_message(int(ch["id"]), payload, files)
        if _is_empty_message(msg):
            raise _ApiError(400, 50006, "Cannot send an empty message")
        self._store_message(msg)
        self._record_sent("channel", msg, payload, files)
        await self._echo("MESSAGE_CREATE", msg)
        return 200, msg

    async def _h_thread_from_message(self, req, p, body, files):
        """Start a public thread on a message (``Message.create_thread``); THREAD_CREATE follows."""
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        if ch["type"] not in (0, 5):
            raise _ApiError(400, 50024, "Cannot execute action on this channel type")
        self._require_perms(ch, Perm.VIEW_CHANNEL | Perm.CREATE_PUBLIC_THREADS)
        if msg.get("thread") is not None:
            raise _ApiError(400, 160004, "A thread has already been created for this message")
        payload = body or {}
        name = str(payload.get("name") or "")
        if not 1 <= len(name) <= 100:
            raise _ApiError(400, 50035, "Invalid Form Body", {"name": {"_errors": [
                {"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 100 in length."}]}})
        thread = self.add_thread(int(ch["id"]), name, message_id=int(msg["id"]),
                                 auto_archive_duration=int(payload.get("auto_archive_duration") or 1440))
        msg["thread"] = thread
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return 201, thread

    def _apply_edit(self, msg: Dict[str, Any], payload: Mapping[str, Any], files: Sequence[SentFile]) -> Dict[str, Any]:
        self._validate_outgoing(payload)
        self._check_files(files)
        new = dict(msg)
        for key in ("content", "components"):
            if key in payload:
                new[key] = payload[key] if payload[key] is not None else ("" if key == "content" else [])
        if "embeds" in payload:
            new["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
        if "content" in payload:
            guild_id = int(msg["guild_id"]) if "guild_id" in msg else None
            new["mentions"], new["mention_roles"] = self._mentions_for(new["content"], guild_id)
        if "attachments" in payload or files:
            new["attachments"] = self._attachments_from(payload, files, msg.get("attachments", []))
        if "flags" in payload and payload["flags"] is not None:
            new["flags"] = (int(msg.get("flags", 0)) & ~4) | (int(payload["flags"]) & 4)
        new["edited_timestamp"] = iso_timestamp()
        if _is_empty_message(new):
            raise _ApiError(400, 50006, "Cannot send an empty message")
        return new

    async def _h_edit_message(self, req, p, body, files):
        self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        if msg["author"]["id"] != self.bot_user["id"]:
            raise _ApiError(403, 50005, "Cannot edit a message authored by another user")
        new = self._apply_edit(msg, body or {}, files)
        self._store_message(new)
        self._record_sent("edit", new, body or {}, files)
        await self._echo("MESSAGE_UPDATE", new)
        return 200, new

    async def _h_delete_message(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        if msg["author"]["id"] != self.bot_user["id"]:
            self._require_perms(ch, Perm.MANAGE_MESSAGES)
        self.messages.pop(int(msg["id"]), None)
        await self._echo("MESSAGE_DELETE", {"id": msg["id"], "channel_id": msg["channel_id"],
                                            **({"guild_id": msg["guild_id"]} if "guild_id" in msg else {})})
        return 204, None

    @staticmethod
    def _emoji(raw: str) -> Dict[str, Any]:
        parts = raw.split(":")
        if len(parts) >= 2 and parts[-1].isdigit():
            return {"id": parts[-1], "name": parts[-2], **({"animated": True} if parts[0] == "a" and len(parts) == 3 else {})}
        return {"id": None, "name": raw}

    def _reaction_event(self, msg: Mapping[str, Any], emoji: str, user_id: int) -> Dict[str, Any]:
        ev: Dict[str, Any] = {"user_id": _sid(user_id), "channel_id": msg["channel_id"], "message_id": msg["id"],
                              "emoji": self._emoji(emoji), "burst": False, "type": 0,
                              "message_author_id": msg["author"]["id"]}
        if "guild_id" in msg:
            ev["guild_id"] = msg["guild_id"]
            member = self.guilds[int(msg["guild_id"])].members.get(user_id)
            if member is not None:
                ev["member"] = member
        return ev

    async def _h_add_reaction(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        emoji = p["emoji"]
        reactions = msg.setdefault("reactions", [])
        existing = next((r for r in reactions if self._emoji_key(r["emoji"]) == emoji), None)
        self._require_perms(ch, Perm.READ_MESSAGE_HISTORY | (0 if existing else Perm.ADD_REACTIONS))
        if existing is None:
            reactions.append({"emoji": self._emoji(emoji), "count": 1, "me": True, "me_burst": False,
                              "burst_colors": [], "count_details": {"burst": 0, "normal": 1}})
        elif not existing["me"]:
            existing["me"] = True
            existing["count"] += 1
        self.reactions.append(ReactionRecord("add", int(ch["id"]), int(msg["id"]), emoji, self.application_id,
                                             time.monotonic()))
        await self._echo("MESSAGE_REACTION_ADD", self._reaction_event(msg, emoji, self.application_id))
        return 204, None

    @staticmethod
    def _emoji_key(e: Mapping[str, Any]) -> str:
        return f"{e['name']}:{e['id']}" if e.get("id") else e["name"]

    async def _h_remove_reaction(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        who = self.application_id if p["who"] == "@me" else int(p["who"])
        if who != self.application_id:
            self._require_perms(ch, Perm.MANAGE_MESSAGES)
        emoji = p["emoji"]
        for r in list(msg.get("reactions", [])):
            if self._emoji_key(r["emoji"]) == emoji:
                r["count"] -= 1
                if who == self.application_id:
                    r["me"] = False
                if r["count"] <= 0:
                    msg["reactions"].remove(r)
        self.reactions.append(ReactionRecord("remove", int(ch["id"]), int(msg["id"]), emoji, who, time.monotonic()))
        return 204, None

    async def _h_clear_emoji(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        self._require_perms(ch, Perm.MANAGE_MESSAGES)
        msg["reactions"] = [r for r in msg.get("reactions", []) if self._emoji_key(r["emoji"]) != p["emoji"]]
        self.reactions.append(ReactionRecord("remove_emoji", int(ch["id"]), int(msg["id"]), p["emoji"], None,
                                             time.monotonic()))
        return 204, None

    async def _h_clear_reactions(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        msg = self._message_or_404(p["cid"], p["mid"])
        self._require_perms(ch, Perm.MANAGE_MESSAGES)
        msg["reactions"] = []
        self.reactions.append(ReactionRecord("remove_all", int(ch["id"]), int(msg["id"]), None, None, time.monotonic()))
        return 204, None

    async def _h_typing(self, req, p, body, files):
        ch = self._channel_or_404(p["cid"])
        self._require_perms(ch, Perm.SEND_MESSAGES)
        return 204, None

    # ------------------------------------------------------------------ REST: guilds

    def _guild_or_404(self, gid: str) -> _Guild:
        g = self.guilds.get(int(gid))
        if g is None:
            raise _ApiError(404, 10004, "Unknown Guild")
        return g

    async def _h_get_guild(self, req, p, body, files):
        data = self.guild_payload(int(self._guild_or_404(p["gid"]).id))
        for key in ("members", "channels", "threads", "presences", "voice_states", "joined_at", "large",
                    "member_count", "lazy", "unavailable", "stage_instances", "guild_scheduled_events",
                    "soundboard_sounds"):
            data.pop(key, None)
        return 200, data

    async def _h_guild_channels(self, req, p, body, files):
        return 200, list(self._guild_or_404(p["gid"]).channels.values())

    async def _h_guild_roles(self, req, p, body, files):
        return 200, list(self._guild_or_404(p["gid"]).roles.values())

    async def _h_guild_members(self, req, p, body, files):
        g = self._guild_or_404(p["gid"])
        limit = int(req.query.get("limit", 1))
        after = int(req.query.get("after", 0))
        members = sorted((m for uid, m in g.members.items() if uid > after), key=lambda m: int(m["user"]["id"]))
        return 200, members[:limit]

    async def _h_guild_member(self, req, p, body, files):
        member = self._guild_or_404(p["gid"]).members.get(int(p["uid"]))
        if member is None:
            raise _ApiError(404, 10007, "Unknown Member")
        return 200, member

    async def _h_member_role(self, req, p, body, files):
        g = self._guild_or_404(p["gid"])
        member = g.members.get(int(p["uid"]))
        if member is None:
            raise _ApiError(404, 10007, "Unknown Member")
        rid = int(p["rid"])
        if rid not in g.roles:
            raise _ApiError(404, 10011, "Unknown Role")
        if self.enforce_permissions:
            bot_perms = self.compute_permissions(self.bot_user, guild_id=g.id)
            if not bot_perms & Perm.MANAGE_ROLES:
                raise _ApiError(403, 50013, "Missing Permissions")
            bot_top = max((g.roles[int(r)]["position"] for r in g.members[self.application_id]["roles"]), default=0)
            if g.roles[rid]["position"] >= bot_top:
                raise _ApiError(403, 50013, "Missing Permissions")
        roles = [r for r in member["roles"] if int(r) != rid]
        if req.method == "PUT":
            roles.append(_sid(rid))
        member["roles"] = roles
        if self.echo_bot_messages and self.sessions:
            await self.dispatch("GUILD_MEMBER_UPDATE", {**member, "guild_id": _sid(g.id)})
        return 204, None

    # ------------------------------------------------------------------ REST: interactions & webhooks

    def _interaction_by_token(self, app: str, token: str) -> InteractionRecord:
        iid = self._tokens.get(token)
        if int(app) != self.application_id or iid is None:
            raise _ApiError(404, 10015, "Unknown Webhook")
        rec = self.interactions[iid]
        if rec.response is None:
            raise _ApiError(404, 10015, "Unknown Webhook")
        return rec

    async def _h_callback(self, req, p, body, files):
        iid = int(p["iid"])
        rec = self.interactions.get(iid)
        if rec is None or rec.token != p["token"]:
            raise _ApiError(404, 10062, "Unknown interaction")
        if rec.response is not None:
            raise _ApiError(400, 40060, "Interaction has already been acknowledged.")
        if self.interaction_timeout is not None and time.monotonic() - rec.created > self.interaction_timeout:
            raise _ApiError(404, 10062, "Unknown interaction")
        body = body or {}
        rtype = body.get("type")
        data = body.get("data") or {}
        allowed = {1: {1}, 2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}.get(rec.type, set())
        if rtype not in allowed:
            raise _ApiError(400, 50035, "Invalid Form Body", {"type": {"_errors": [
                {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": "Invalid interaction response type"}]}})
        if rtype == 7 and "message" not in rec.payload:
            raise _ApiError(400, 50035, "Invalid Form Body", {"type": {"_errors": [
                {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": "Invalid interaction response type"}]}})
        err = _Errors()
        if rtype in (4, 7):
            validate_message_payload(data, err)
        elif rtype == 8:
            validate_autocomplete(data, err, [])
        elif rtype == 9:
            validate_modal(data, err, [])
        err.raise_if_any(["data"])
        self._check_files(files)

        channel_id = int(rec.payload["channel_id"])
        message: Optional[Dict[str, Any]] = None
        kind: Optional[str] = None
        if rtype == 4:
            message = self._bot_message(channel_id, data, files, interaction=rec, allow_ephemeral=True)
            if _is_empty_message(message):
                raise _ApiError(400, 50006, "Cannot send an empty message")
            kind = "interaction_response"
            rec.original_message_id = int(message["id"])
        elif rtype == 5:
            message = self._bot_message(channel_id, {"content": "", "flags": int(data.get("flags") or 0)}, [],
                                        interaction=rec, allow_ephemeral=True)
            message["flags"] = int(message["flags"]) | 128  # LOADING
            rec.original_message_id = int(message["id"])
        elif rtype in (6, 7):
            target = self.messages.get(int(rec.payload["message"]["id"])) if "message" in rec.payload else None
            if target is None and "message" in rec.payload:
                target = dict(rec.payload["message"])
            if target is not None:
                rec.original_message_id = int(target["id"])
                if rtype == 7:
                    message = self._apply_edit(target, data, files)
                    kind = "interaction_update"
                else:
                    message = target
        elif rtype == 9:
            self._modals[data.get("custom_id", "")] = (data, iid)

        response = InteractionResponseRecord(interaction_id=iid, type=rtype, data=data, payload=body,
                                             files=list(files), message=message, time=time.monotonic())
        rec.response = response
        self.interaction_responses[iid] = response
        if message is not None and rtype != 6:
            self._store_message(message)
        if kind is not None and message is not None:
            self._record_sent(kind, message, data, files, rec)
        self._resp_waiters.notify(response)
        if kind == "interaction_response":
            await self._echo("MESSAGE_CREATE", message)
        elif kind == "interaction_update":
            await self._echo("MESSAGE_UPDATE", message)
        if req.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        result: Dict[str, Any] = {"interaction": {"id": _sid(iid), "type": rec.type}, "resource": {"type": rtype}}
        if message is not None:
            result["interaction"].update(
                response_message_id=message["id"],
                response_message_loading=rtype == 5,
                response_message_ephemeral=bool(int(message.get("flags", 0)) & 64),
            )
            if rtype != 6:
                result["resource"]["message"] = message
        return 200, result

    async def _h_followup(self, req, p, body, files):
        rec = self._interaction_by_token(p["app"], p["token"])
        payload = body or {}
        self._validate_outgoing(payload)
        self._check_files(files)
        msg = self._bot_message(int(rec.payload["channel_id"]), payload, files, interaction=rec, allow_ephemeral=True)
        if _is_empty_message(msg):
            raise _ApiError(400, 50006, "Cannot send an empty message")
        self._store_message(msg)
        rec.followup_ids.append(int(msg["id"]))
        self._record_sent("followup", msg, payload, files, rec)
        await self._echo("MESSAGE_CREATE", msg)
        if req.query.get("wait") in ("true", "1", "True"):
            return 200, msg
        return 204, None

    def _webhook_message(self, rec: InteractionRecord, mid: str) -> Dict[str, Any]:
        if mid == "@original":
            if rec.original_message_id is None:
                raise _ApiError(404, 10008, "Unknown Message")
            msg = self.messages.get(rec.original_message_id)
        else:
            msg = self.messages.get(int(mid)) if int(mid) in rec.followup_ids or int(mid) == rec.original_message_id else None
        if msg is None:
            raise _ApiError(404, 10008, "Unknown Message")
        return msg

    async def _h_webhook_get(self, req, p, body, files):
        rec = self._interaction_by_token(p["app"], p["token"])
        return 200, self._webhook_message(rec, p["mid"])

    async def _h_webhook_edit(self, req, p, body, files):
        rec = self._interaction_by_token(p["app"], p["token"])
        msg = self._webhook_message(rec, p["mid"])
        new = self._apply_edit(msg, body or {}, files)
        new["flags"] = int(new.get("flags", 0)) & ~128  # a deferred response stops "thinking"
        self._store_message(new)
        self._record_sent("original_edit" if p["mid"] == "@original" else "edit", new, body or {}, files, rec)
        await self._echo("MESSAGE_UPDATE", new)
        return 200, new

    async def _h_webhook_delete(self, req, p, body, files):
        rec = self._interaction_by_token(p["app"], p["token"])
        msg = self._webhook_message(rec, p["mid"])
        self.messages.pop(int(msg["id"]), None)
        if not int(msg.get("flags", 0)) & 64:
            await self._echo("MESSAGE_DELETE", {"id": msg["id"], "channel_id": msg["channel_id"],
                                                **({"guild_id": msg["guild_id"]} if "guild_id" in msg else {})})
        return 204, None


class _Restorer:
    """Callable and context manager that undoes ``patch_discord``."""

    def __init__(self, fn: Callable[[], None]) -> None:
        self._fn: Optional[Callable[[], None]] = fn

    def __call__(self) -> None:
        if self._fn is not None:
            self._fn()
            self._fn = None

    def __enter__(self) -> "_Restorer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self()


def _guess_option_type(value: Any) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, Mapping) and "filename" in value:
        return 11
    if isinstance(value, Mapping) and ("username" in value or "user" in value):
        return 6
    return 3
