#!/usr/bin/env python3
"""Discord throughput benchmark: the real bot behind the real discord.py client, fed by the Discord double.

Topology (two processes, so the bot's memory is measured alone):

* this process runs ``tests/discord_double.DiscordDouble`` in capacity mode
  (``record_bodies=False``, bounded ``max_records``) on 127.0.0.1 and injects the events;
* a child process (this same file with ``--child``) runs the bot under test and connects to the
  double over HTTP + gateway websocket. ``career-bot run`` has no base-URL override, so the child
  points discord.py at the double exactly the way ``DiscordDouble.patch_discord()`` does (it sets
  ``discord.http.Route.BASE`` and ``DiscordWebSocket.DEFAULT_GATEWAY``) and then builds the bot
  with ``create_bot(config, LiveKnowledge(knowledge/), Store(db))`` like ``runner.run`` does.
  No bot code is changed or monkey-patched.

Bots under test:

* ``bot``  our CareerBot (default config except ``guild_ids`` and ``database``: rate limit 5
  answers per 60 s per member, which never triggers because every question comes from a
  different member);
* ``ok``   a minimal ``discord.Client`` with the same intents that replies "ok" (as a reply
  to the message) to every mention: the capacity of double + discord.py, i.e. the harness.

Each run: a fresh child, 100 warm-up questions from 100 extra members (not measured), then
N (default 2,000) questions from N distinct guild members, each "<@BOT> question" in #general
(mentioning the bot), questions = ``q`` of ../shared/eval/dev-questions.yaml cycled.

Pacing modes:

* ``closed``: at most W (default 32) questions unanswered; the next one is injected as soon as
  a reply arrives. Measures the maximal sustained reply rate; latency here includes queueing
  (about W / rate by Little's law), so it is not the latency figure to compare with the target.
* ``open@R``: fixed offered rate R/s (events scheduled at start + i/R, independent of replies).
  Latency at an offered rate below capacity is the per-message latency figure.

Measured per run: replies/s = N / (last reply arrival - first event dispatch); latency = time
from just before the double writes MESSAGE_CREATE to the gateway, to the moment the double's
HTTP handler starts on the bot's POST /channels/{id}/messages that references that message
(both stamps taken with ``time.perf_counter`` in this process); the child's RSS when ready and
its peak RSS (``VmHWM`` from /proc, i.e. including start-up); CPU seconds used by the child (bot)
and by this process (double + injector) during the run.

With ``--open-questions N`` the bot's database first gets N open (unanswered) questions,
recorded through ``Store.record_question`` so they are grouped as in production, and during
each measured run a moderator sends ``/kb gaps`` ``--gaps-probes`` times (spread over the
run): each probe's time to the first response (the deferral) and to the page (the
follow-up) is reported, against the 1 s target.

Run:  .venv/bin/python bench/discord_bench.py [--n 2000] [--window 32] [--rates 200,300]
                                            [--bots bot-file,bot-memory,ok] [--profile]
                                            [--open-questions 10000 [--gaps-probes 5]]
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import gc
import json
import os
import platform
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV_QUESTIONS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev-questions.yaml"
TOKEN = "bench-token"
READY_TIMEOUT = 0.05  # guild_ready_timeout for both bots
WARMUP = 100

TARGET_RATE = 200.0  # replies/s sustained
TARGET_P99_MS = 50.0
TARGET_RSS_MB = 150.0
TARGET_GAPS_S = 1.0  # /kb gaps page, with --open-questions

APOLOGY_PREFIX = "Sorry, something went wrong"
SLOW_DOWN_PREFIX = "Slow down"


# =========================================================================== child: the bot

GAP_TOPICS = ["parking", "salary", "exam fee", "renewal", "shift swap", "badge", "locker", "uniform", "overtime", "holiday",
              "CE credit", "exam date", "study guide", "pass mark", "retake", "mentor", "interview", "relocation", "visa",
              "night shift", "union", "pension", "training budget", "conference", "remote work", "sick leave"]
GAP_FORMS = ["how much is the {t} for {x}", "where do i find the {t} form for {x}", "who handles {t} at {x}",
             "what is the {t} policy in {x}", "can i get {t} support as a {x}", "when is the {t} deadline for {x}"]
GAP_PLACES = ["the main hospital", "night staff", "new hires", "the north campus", "technicians", "students", "residents",
              "the satellite pharmacy", "part-timers", "the oncology unit", "the retail branch", "travel staff"]


def prefill(store: Any, n: int, seed: int = 8) -> None:
    """N open questions like members ask them: recurring phrasings (grouped) and one-offs."""
    import random

    rng = random.Random(seed)
    words = [w for t in GAP_TOPICS + GAP_PLACES for w in t.split()]
    t0 = time.perf_counter()
    for i in range(n):
        if rng.random() < 0.6:  # a recurring question, in one of its phrasings
            q = rng.choice(GAP_FORMS).format(t=rng.choice(GAP_TOPICS), x=rng.choice(GAP_PLACES))
        else:  # a one-off
            q = " ".join(rng.choices(words, k=rng.randint(3, 7))) + f" case {i}"
        store.record_question(q, 10_000 + i, "none", 0.1, reason="missing_fact", channel="bench")
    queued = time.perf_counter() - t0
    store.flush()
    written = time.perf_counter() - t0
    t1 = time.perf_counter()
    page = store.gaps(limit=11)
    read_ms = (time.perf_counter() - t1) * 1000
    print(f"PREFILL n={n} groups={store.gap_count()} enqueue_s={queued:.2f} written_s={written:.2f} "
          f"per_question_ms={written / n * 1000:.2f} gaps_read_ms={read_ms:.1f} top={page[0].count if page else 0}",
          file=sys.stderr, flush=True)


def child_main(args: argparse.Namespace) -> int:
    import logging

    if args.no_orjson:
        sys.modules["orjson"] = None  # type: ignore[assignment]  # discord.py then falls back to the json module
    import discord
    import discord.gateway
    import discord.http
    import yarl

    source = Path(args.source).resolve()
    sys.path.insert(0, str(source))  # import ``bot`` from --source (wins over the editable install's finder)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="child %(levelname)s %(name)s: %(message)s")
    # the same two attributes DiscordDouble.patch_discord() sets
    discord.http.Route.BASE = args.api
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(args.gateway)

    store = None
    if args.child == "bot":
        from bot.discord_app.bot import create_bot
        from bot.discord_app.config import Config
        from bot.live import LiveKnowledge
        from bot.storage import Store

        config = Config(guild_ids=(args.guild,), database=args.db, log_level="WARNING", mod_log_channel_id=args.mod_log or None)
        import bot as bot_pkg

        print(f"child: bot package from {Path(bot_pkg.__file__).parent}", file=sys.stderr, flush=True)
        live = LiveKnowledge(Path(args.knowledge) if args.knowledge else source / "knowledge")
        store = Store(config.database, retention_days=config.retention_days)
        if args.open_questions:
            prefill(store, args.open_questions)
        client = create_bot(config, live, store, guild_ready_timeout=READY_TIMEOUT)
    else:
        intents = discord.Intents.default()
        intents.members = intents.presences = intents.typing = intents.message_content = False
        client = discord.Client(intents=intents, guild_ready_timeout=READY_TIMEOUT,
                                allowed_mentions=discord.AllowedMentions.none())

        @client.event
        async def on_message(message: discord.Message) -> None:
            me = client.user
            if message.author.bot or me is None or me.id not in message.raw_mentions:
                return
            await message.channel.send("ok", reference=message.to_reference(fail_if_not_exists=False),
                                       mention_author=False)

    profiler = None

    async def main() -> None:
        nonlocal profiler
        task = asyncio.create_task(client.start(TOKEN))
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait({task, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            if task in done:
                task.result()
            raise SystemExit("child: client not ready in 30 s")
        print("READY", flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
            if line == "PROFILE" and args.profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
                print("PROFILING", flush=True)
            elif line in ("STOP", ""):
                break
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        await client.close()
        try:
            await asyncio.wait_for(task, 10)
        except BaseException:
            pass

    try:
        if args.uvloop:  # as runner.run_loop does with `uvloop = true`
            import uvloop

            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as loop_runner:
                loop_runner.run(main())
        else:
            asyncio.run(main())
    finally:
        if store is not None:
            store.close()
    print("DONE", flush=True)
    return 0


# =========================================================================== parent: double + injector


def load_questions() -> list[str]:
    import yaml

    data = yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))
    qs = [str(q["q"]) for q in data["questions"] if str(q.get("q", "")).strip()]
    if not qs:
        raise SystemExit(f"no questions in {DEV_QUESTIONS}")
    return qs


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM of a process in kB."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
    return out


def proc_cpu(pid: int) -> float:
    """utime + stime of a process in seconds."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def system_busy_cpu() -> float:
    """CPU seconds all processes on the machine spent busy (from /proc/stat, all cores)."""
    with open("/proc/stat", encoding="ascii") as f:
        parts = f.readline().split()[1:]
    v = [int(x) for x in parts]
    busy = sum(v) - v[3] - (v[4] if len(v) > 4 else 0)  # minus idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]  # nearest-rank percentile


@dataclass
class Result:
    bot: str  # bot-file | bot-memory | ok
    mode: str  # closed(W) | open@R
    n: int
    replies: int = 0
    wall_s: float = 0.0
    rate: float = 0.0
    p50_ms: float = float("nan")
    p90_ms: float = float("nan")
    p99_ms: float = float("nan")
    max_ms: float = float("nan")
    rss_ready_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_end_mb: float = 0.0
    child_cpu_s: float = 0.0
    parent_cpu_s: float = 0.0
    other_cpu_pct: float = 0.0  # CPU used by unrelated processes during the run, % of one core
    inject_lag_max_ms: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)
    http_errors: int = 0
    double_errors: int = 0
    gaps_defer_ms: list[float] = field(default_factory=list)  # /kb gaps: time to the deferral
    gaps_page_ms: list[float] = field(default_factory=list)  # ... and to the page
    prefill: str = ""
    rep: int = 0  # which repetition (--repeat)


_ARRIVAL: contextvars.ContextVar[float] = contextvars.ContextVar("bench_arrival")


def make_double_class():
    sys.path.insert(0, str(ROOT / "tests"))
    from discord_double import DiscordDouble

    class BenchDouble(DiscordDouble):
        """The double plus two hooks: stamp when each HTTP request arrives, and match each reply
        (via its ``message_reference``) to the injected message it answers."""

        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            self.pending: dict[int, float] = {}  # injected message id -> dispatch time
            self.latencies: list[float] = []
            self.last_reply = 0.0
            self.kinds: dict[str, int] = {}
            self.http_errors = 0
            self.on_reply: Any = None
            self.samples: list[tuple[float, float]] = []  # (dispatch time, latency) of each reply
            self.mod_log_id = 0
            self.mod_log: list[tuple[float, str]] = []  # (arrival, content) of the bot's moderator-log posts
            self.watch: dict[int, Any] = {}  # injected message id -> its reply's payload, for these only

        async def _handle(self, request: Any) -> Any:
            token = _ARRIVAL.set(time.perf_counter())
            try:
                resp = await super()._handle(request)
            finally:
                _ARRIVAL.reset(token)
            if getattr(resp, "status", 200) >= 400:
                self.http_errors += 1
            return resp

        def _record_sent(self, kind: str, msg: dict, payload: Any, files: Any, interaction: Any = None) -> Any:
            sent = super()._record_sent(kind, msg, payload, files, interaction)
            if self.mod_log_id and int(msg.get("channel_id", 0)) == self.mod_log_id:
                self.mod_log.append((_ARRIVAL.get(time.perf_counter()), str((payload or {}).get("content") or "")))
            ref = (payload or {}).get("message_reference") or {}
            mid = ref.get("message_id")
            if mid is not None and int(mid) in self.watch:
                self.watch[int(mid)] = dict(payload or {})
            t0 = self.pending.pop(int(mid), None) if mid is not None else None
            if t0 is not None:
                arrived = _ARRIVAL.get(time.perf_counter())
                self.latencies.append(arrived - t0)
                self.samples.append((t0, arrived - t0))
                self.last_reply = max(self.last_reply, arrived)
                content = (payload or {}).get("content") or ""
                if content.startswith(APOLOGY_PREFIX):
                    k = "apology"
                elif content.startswith(SLOW_DOWN_PREFIX):
                    k = "slow_down"
                elif (payload or {}).get("embeds"):
                    k = "embed"
                else:
                    k = "text"
                self.kinds[k] = self.kinds.get(k, 0) + 1
                if self.on_reply is not None:
                    self.on_reply()
            return sent

    return BenchDouble


async def wait_quiet(max_wait: float, threshold_pct: float = 20.0) -> float:
    """Wait (up to max_wait s) until other processes use < threshold % of a core over 1 s; returns the last %."""
    deadline = time.perf_counter() + max_wait
    while True:
        b0, s0, t0 = system_busy_cpu(), self_cpu(), time.perf_counter()
        await asyncio.sleep(1.0)
        other = max(0.0, system_busy_cpu() - b0 - (self_cpu() - s0)) / (time.perf_counter() - t0) * 100
        if other < threshold_pct or time.perf_counter() >= deadline:
            return other
        print(f"  (machine busy: other processes at {other:.0f}% of a core; waiting)", flush=True)


async def _stop(proc: Any, d: Any) -> None:
    """Stop the bot child (asked first, killed if it will not go) and the double."""
    if proc is not None and proc.returncode is None:
        try:
            proc.stdin.write(b"STOP\n")
            await proc.stdin.drain()
            await asyncio.wait_for(proc.wait(), 20)
        except Exception:
            proc.kill()
            await proc.wait()
    await d.stop()
    gc.unfreeze()


async def run_one(args: argparse.Namespace, bot: str, mode: str, questions: list[str], tmp: Path,
                  profile_path: Path | None = None) -> Result:
    BenchDouble = make_double_class()
    n = args.n
    res = Result(bot=bot, mode=mode, n=n)
    d = BenchDouble(token=TOKEN, record_bodies=False, max_records=args.max_records,
                    echo_bot_messages=not args.no_echo)
    await d.start()  # no patch_discord() here: the client lives in the child
    proc = None
    try:
        members = [d.add_user(f"asker{i:05d}") for i in range(n + WARMUP)]
        for u in members:
            d.add_member(u, roles=[d.member_role])
        bot_mention = f"<@{d.bot_user['id']}>"
        gc.collect()
        gc.freeze()  # harness side only: keep the double's fixtures out of this process's GC passes

        db = ":memory:" if bot == "bot-memory" else str(tmp / f"{bot}-{mode.replace('@', '-')}.sqlite3")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "ok" if bot == "ok" else "bot",
               "--source", str(args.source), "--api", d.api_url, "--gateway", d.gateway_url, "--guild", str(d.guild_id), "--db", db,
               "--open-questions", str(args.open_questions if bot != "ok" else 0)]
        if profile_path is not None:
            cmd += ["--profile", str(profile_path)]
        if args.uvloop:
            cmd.append("--uvloop")
        if args.no_orjson:
            cmd.append("--no-orjson")
        errlog = open(tmp / f"child-{bot}-{mode.replace('@', '-')}.log", "w+b")
        proc = await asyncio.create_subprocess_exec(*cmd, stdin=asyncio.subprocess.PIPE,
                                                    stdout=asyncio.subprocess.PIPE, stderr=errlog, cwd=str(ROOT))
        line = await asyncio.wait_for(proc.stdout.readline(), 60 + args.open_questions / 200)
        if line.strip() != b"READY":
            errlog.seek(0)
            raise RuntimeError(f"child did not get ready: {line!r}\n{errlog.read().decode(errors='replace')[-3000:]}")
        res.rss_ready_mb = proc_status(proc.pid)["VmRSS"] / 1024

        from discord_double import snowflake

        async def inject(user: dict, text: str) -> float:
            mid = snowflake()
            t0 = time.perf_counter()
            d.pending[mid] = t0  # registered first: the reply may arrive before send_message() returns
            await d.send_message(author=user, content=f"{bot_mention} {text}", message_id=mid)
            return t0

        async def closed_loop(users: list[dict], window: int) -> float:
            sem = asyncio.Semaphore(window)
            d.on_reply = sem.release
            first = None
            for i, u in enumerate(users):
                await sem.acquire()
                t = await inject(u, questions[i % len(questions)])
                first = t if first is None else first
            return first

        async def wait_all(count_before: int, total: int, timeout: float) -> None:
            deadline = time.perf_counter() + timeout
            while len(d.latencies) - count_before < total and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)

        # ---- warm-up (not measured)
        warm_users = members[n:]
        await closed_loop(warm_users, 8)
        await wait_all(0, WARMUP, 30)
        if len(d.latencies) < WARMUP:
            raise RuntimeError(f"warm-up: only {len(d.latencies)} of {WARMUP} replies; kinds {d.kinds}")
        d.latencies.clear()
        d.kinds.clear()
        d.pending.clear()
        d.http_errors = 0
        d.last_reply = 0.0
        d.on_reply = None
        if profile_path is not None:
            proc.stdin.write(b"PROFILE\n")
            await proc.stdin.drain()
            assert (await proc.stdout.readline()).strip() == b"PROFILING"

        async def probe_gaps(count: int, spacing: float) -> None:
            """A moderator opens the review queue now and then while members ask."""
            for _ in range(count):
                await asyncio.sleep(spacing)
                iid = await d.send_slash_command("kb gaps", user=d.mod_user)
                t0 = d.interactions[iid].created
                resp = await d.wait_for_interaction_response(iid, timeout=30)
                page = await d.wait_for_message(lambda m: m.interaction_id == iid and m.kind in ("followup", "interaction_response"), timeout=30)
                res.gaps_defer_ms.append((resp.time - t0) * 1000)
                res.gaps_page_ms.append((page.time - t0) * 1000)

        probing = None
        if bot != "ok" and args.open_questions and args.gaps_probes:
            expected = n / (float(mode.split("@", 1)[1]) if "@" in mode else TARGET_RATE)
            probing = asyncio.create_task(probe_gaps(args.gaps_probes, expected / (args.gaps_probes + 1)))

        users = members[:n]
        cpu_child0, cpu_self0, busy0, wall0 = proc_cpu(proc.pid), self_cpu(), system_busy_cpu(), time.perf_counter()
        if mode.startswith("closed"):
            first = await closed_loop(users, args.window)
        else:
            rate = float(mode.split("@", 1)[1])
            first = time.perf_counter()
            lag = 0.0
            for i, u in enumerate(users):
                due = first + i / rate
                now = time.perf_counter()
                if due > now:
                    await asyncio.sleep(due - now)
                lag = max(lag, time.perf_counter() - due)
                await inject(u, questions[i % len(questions)])
            res.inject_lag_max_ms = lag * 1000
        await wait_all(0, n, args.timeout)
        if probing is not None:
            await asyncio.wait_for(probing, 60)
        res.child_cpu_s = proc_cpu(proc.pid) - cpu_child0
        res.parent_cpu_s = self_cpu() - cpu_self0
        other = system_busy_cpu() - busy0 - res.child_cpu_s - res.parent_cpu_s
        res.other_cpu_pct = max(0.0, other) / (time.perf_counter() - wall0) * 100
        st = proc_status(proc.pid)
        res.rss_peak_mb, res.rss_end_mb = st["VmHWM"] / 1024, st["VmRSS"] / 1024

        lat = sorted(d.latencies)
        res.replies = len(lat)
        res.wall_s = (d.last_reply - first) if lat else float("nan")
        res.rate = res.replies / res.wall_s if lat else 0.0
        if lat:
            res.p50_ms, res.p90_ms, res.p99_ms, res.max_ms = (pct(lat, 50) * 1000, pct(lat, 90) * 1000,
                                                              pct(lat, 99) * 1000, lat[-1] * 1000)
        res.kinds = dict(d.kinds)
        errlog.seek(0)
        res.prefill = next((ln.split("PREFILL ", 1)[1].strip() for ln in errlog.read().decode(errors="replace").splitlines() if "PREFILL " in ln), "")
        res.http_errors = d.http_errors
        res.double_errors = len(d.internal_errors)
        if d.internal_errors:
            print(d.internal_errors[0], file=sys.stderr)
    finally:
        await _stop(proc, d)
    return res


# =========================================================================== reload under load

NEW_FAQ_QUESTION = "where is the bench reload notice"
NEW_FAQ = ("id: bench-reload-notice\nquestions:\n  - where is the bench reload notice\n  - bench reload notice\n"
           "answer: The bench reload notice is pinned in the lobby.\nroles: []\ncertifications: []\n")
TARGET_RELOAD_P99_MS = 100.0
TARGET_RELOAD_RSS_RATIO = 1.5


@dataclass
class ReloadRun:
    roles: int
    rate: float
    sent: int = 0
    replies: int = 0
    reload_s: float = float("nan")  # file written -> "Knowledge reloaded" in the moderator log (includes the 0.8 s debounce)
    before: tuple[float, float, float, int] = (float("nan"),) * 3 + (0,)  # p50, p99, max ms, n: asked before the change
    during: tuple[float, float, float, int] = (float("nan"),) * 3 + (0,)  # asked from the change to 1 s after the swap
    overall: tuple[float, float, float, int] = (float("nan"),) * 3 + (0,)
    rss_steady_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_after_mb: float = 0.0
    other_cpu_pct: float = 0.0
    child_cpu_s: float = 0.0
    new_answer_served: bool = False
    slowest: list[tuple[float, float]] = field(default_factory=list)  # (sent at, s after the file write; latency ms)
    kinds: dict[str, int] = field(default_factory=dict)
    http_errors: int = 0


def _stats(lat_s: list[float]) -> tuple[float, float, float, int]:
    v = sorted(lat_s)
    return (pct(v, 50) * 1000, pct(v, 99) * 1000, v[-1] * 1000, len(v)) if v else (float("nan"),) * 3 + (0,)


def make_reload_base(tmp: Path, roles: int) -> tuple[Path, list[str]]:
    """A generated base (``bench/engine_bench.py``'s generator: roles, 3x certifications, 2x FAQ) and its questions."""
    sys.path.insert(0, str(ROOT / "bench"))
    import engine_bench

    base = tmp / f"kb{roles}"
    t0 = time.perf_counter()
    large = engine_bench.generate_large(base, n_roles=roles, n_certs=3 * roles, n_faq=2 * roles)
    questions = [q for _, q in engine_bench.large_questions(large, 2000)]
    print(f"# generated {roles} roles, {3 * roles} certifications, {2 * roles} FAQ entries in {time.perf_counter() - t0:.1f} s", flush=True)
    return base, questions


async def run_reload(args: argparse.Namespace, base: Path, questions: list[str], tmp: Path, k: int) -> ReloadRun:
    """Members ask at ``--reload-rate``/s (open loop) while a FAQ file is added to the bot's
    knowledge ``--reload-at`` s in: the watcher reloads the whole base beside the event loop."""
    import shutil

    BenchDouble = make_double_class()
    rate, seconds = args.reload_rate, args.reload_seconds
    n = int(rate * seconds)
    run = ReloadRun(roles=args.reload_roles, rate=rate, sent=n)
    kdir = tmp / f"reload-kb-{k}"
    shutil.copytree(base, kdir)
    d = BenchDouble(token=TOKEN, record_bodies=False, max_records=args.max_records, echo_bot_messages=not args.no_echo)
    await d.start()
    proc = None
    try:
        members = [d.add_user(f"asker{i:05d}") for i in range(n + WARMUP + 1)]
        for u in members:
            d.add_member(u, roles=[d.member_role])
        d.mod_log_id = int(d.add_channel("mod-log")["id"])
        bot_mention = f"<@{d.bot_user['id']}>"
        gc.collect()
        gc.freeze()
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "bot", "--source", str(args.source), "--api", d.api_url,
               "--gateway", d.gateway_url, "--guild", str(d.guild_id), "--db", str(tmp / f"reload-{k}.sqlite3"),
               "--knowledge", str(kdir), "--mod-log", str(d.mod_log_id)]
        errlog = open(tmp / f"child-reload-{k}.log", "w+b")
        proc = await asyncio.create_subprocess_exec(*cmd, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=errlog, cwd=str(ROOT))
        line = await asyncio.wait_for(proc.stdout.readline(), 300)
        if line.strip() != b"READY":
            errlog.seek(0)
            raise RuntimeError(f"child did not get ready: {line!r}\n{errlog.read().decode(errors='replace')[-3000:]}")
        from discord_double import snowflake

        async def inject(user: dict, text: str) -> int:
            mid = snowflake()
            d.pending[mid] = time.perf_counter()
            await d.send_message(author=user, content=f"{bot_mention} {text}", message_id=mid)
            return mid

        for i, u in enumerate(members[n:n + WARMUP]):  # warm-up, 20/s
            await inject(u, questions[i % len(questions)])
            await asyncio.sleep(0.05)
        deadline = time.perf_counter() + 30
        while len(d.latencies) < WARMUP and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        d.latencies.clear(), d.samples.clear(), d.kinds.clear(), d.pending.clear()
        d.http_errors = 0
        await asyncio.sleep(2)  # the watcher settles (it ignores nothing but hidden files)

        cpu0, busy0, self0, wall0 = proc_cpu(proc.pid), system_busy_cpu(), self_cpu(), time.perf_counter()
        first = time.perf_counter()
        changed_at = 0.0
        for i, u in enumerate(members[:n]):
            due = first + i / rate
            now = time.perf_counter()
            if due > now:
                await asyncio.sleep(due - now)
            if not changed_at and time.perf_counter() - first >= args.reload_at:
                run.rss_steady_mb = proc_status(proc.pid)["VmRSS"] / 1024
                Path(f"/proc/{proc.pid}/clear_refs").write_text("5")  # VmHWM := VmRSS: the peak of what follows
                (kdir / "faq" / "bench-reload-notice.yaml").write_text(NEW_FAQ, encoding="utf-8")
                changed_at = time.perf_counter()
            await inject(u, questions[i % len(questions)])
        deadline = time.perf_counter() + args.timeout
        while (len(d.latencies) < n or not d.mod_log) and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        run.child_cpu_s = proc_cpu(proc.pid) - cpu0
        other = system_busy_cpu() - busy0 - run.child_cpu_s - (self_cpu() - self0)
        run.other_cpu_pct = max(0.0, other) / (time.perf_counter() - wall0) * 100
        st = proc_status(proc.pid)
        run.rss_peak_mb, run.rss_after_mb = st["VmHWM"] / 1024, st["VmRSS"] / 1024
        reloaded = [t for t, text in d.mod_log if text.startswith("Knowledge reloaded")]
        done_at = reloaded[0] if reloaded else float("inf")
        run.reload_s = done_at - changed_at
        run.replies = len(d.samples)
        run.before = _stats([lat for t, lat in d.samples if t < changed_at])
        run.during = _stats([lat for t, lat in d.samples if changed_at <= t <= done_at + 1.0])
        run.overall = _stats([lat for _, lat in d.samples])
        run.slowest = sorted(((t - changed_at, lat * 1000) for t, lat in d.samples), key=lambda x: -x[1])[:5]
        run.kinds, run.http_errors = dict(d.kinds), d.http_errors
        # the new snapshot is what members get now
        mid = snowflake()
        d.watch[mid] = None
        await d.send_message(author=members[-1], content=f"{bot_mention} {NEW_FAQ_QUESTION}", message_id=mid)
        deadline = time.perf_counter() + 10
        while d.watch[mid] is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        run.new_answer_served = "pinned in the lobby" in json.dumps(d.watch[mid] or {})
    finally:
        await _stop(proc, d)
    return run


def fmt_reload_table(runs: list[ReloadRun]) -> str:
    rows = ["| run | roles | offered/s | replies | reload s | before: p50 / p99 / max ms (n) | during reload: p50 / p99 / max ms (n) | "
            "whole run: p99 / max ms | RSS steady MB | RSS peak MB | peak/steady | RSS after MB | new answer served | other procs CPU |",
            "|" + "---|" * 14]
    for i, r in enumerate(runs, 1):
        b, d, o = r.before, r.during, r.overall
        rows.append(f"| {i} | {r.roles} | {r.rate:g} | {r.replies}/{r.sent} | {r.reload_s:.1f} | {b[0]:.1f} / {b[1]:.1f} / {b[2]:.1f} ({b[3]}) | "
                    f"{d[0]:.1f} / {d[1]:.1f} / {d[2]:.1f} ({d[3]}) | {o[1]:.1f} / {o[2]:.1f} | {r.rss_steady_mb:.1f} | {r.rss_peak_mb:.1f} | "
                    f"{r.rss_peak_mb / max(r.rss_steady_mb, 1e-9):.2f} | {r.rss_after_mb:.1f} | {'yes' if r.new_answer_served else 'NO'} | {r.other_cpu_pct:.0f}% |")
    return "\n".join(rows)


def reload_verdicts(runs: list[ReloadRun]) -> list[str]:
    out = []
    for i, r in enumerate(runs, 1):
        ok = r.replies == r.sent and r.new_answer_served and r.during[1] <= TARGET_RELOAD_P99_MS
        out.append(f"reload run {i}: p99 during the reload {r.during[1]:.1f} ms (target <= {TARGET_RELOAD_P99_MS:.0f}): {'MET' if ok else 'MISSED'}; "
                   f"peak RSS {r.rss_peak_mb / max(r.rss_steady_mb, 1e-9):.2f} x steady (target <= {TARGET_RELOAD_RSS_RATIO}): "
                   f"{'MET' if r.rss_peak_mb <= TARGET_RELOAD_RSS_RATIO * r.rss_steady_mb else 'MISSED'}")
    return out


# =========================================================================== report


def fmt_table(results: list[Result]) -> str:
    head = ("| bot | pacing | replies | replies/s | p50 ms | p90 ms | p99 ms | max ms | RSS ready MB | "
            "RSS peak MB | bot CPU s | double+injector CPU s | other procs CPU |")
    sep = "|" + "---|" * 13
    rows = [head, sep]
    for r in results:
        rows.append(f"| {r.bot} | {r.mode} | {r.replies}/{r.n} | {r.rate:.0f} | {r.p50_ms:.1f} | {r.p90_ms:.1f} | "
                    f"{r.p99_ms:.1f} | {r.max_ms:.1f} | {r.rss_ready_mb:.1f} | {r.rss_peak_mb:.1f} | "
                    f"{r.child_cpu_s:.2f} | {r.parent_cpu_s:.2f} | {r.other_cpu_pct:.0f}% |")
    return "\n".join(rows)


def fmt_gaps_table(results: list[Result]) -> str:
    rows = ["| bot | pacing | /kb gaps probes | deferral max ms | page p50 ms | page max ms | prefill (in the bot's process) |",
            "|" + "---|" * 7]
    for r in results:
        if r.gaps_page_ms:
            page = sorted(r.gaps_page_ms)
            rows.append(f"| {r.bot} | {r.mode} | {len(page)} | {max(r.gaps_defer_ms):.1f} | {pct(page, 50):.1f} | {page[-1]:.1f} | {r.prefill} |")
    return "\n".join(rows) if len(rows) > 2 else ""


def verdicts(results: list[Result], rates: list[float]) -> list[str]:
    out = []
    for bot in dict.fromkeys(r.bot for r in results):
        if bot == "ok":
            continue
        mine = [r for r in results if r.bot == bot]
        closed = [r for r in mine if r.mode.startswith("closed")]
        target_open = [r for r in mine if r.mode == f"open@{TARGET_RATE:g}"]
        peak = max(r.rss_peak_mb for r in mine)
        if closed:
            c = closed[0]
            out.append(f"{bot}: sustained {c.rate:.0f} replies/s (target >= {TARGET_RATE:.0f}): "
                       f"{'MET' if c.rate >= TARGET_RATE and c.replies == c.n else 'MISSED'}")
        if target_open:
            o = target_open[0]
            ok = o.p99_ms <= TARGET_P99_MS and o.replies == o.n
            out.append(f"{bot}: p99 at {TARGET_RATE:.0f}/s offered {o.p99_ms:.1f} ms (target <= {TARGET_P99_MS:.0f}): "
                       f"{'MET' if ok else 'MISSED'}")
        out.append(f"{bot}: peak RSS {peak:.1f} MB (target <= {TARGET_RSS_MB:.0f}): {'MET' if peak <= TARGET_RSS_MB else 'MISSED'}")
        pages = [ms for r in mine for ms in r.gaps_page_ms]
        if pages:
            out.append(f"{bot}: /kb gaps page at most {max(pages):.0f} ms over {len(pages)} probes (target <= {TARGET_GAPS_S * 1000:.0f}): "
                       f"{'MET' if max(pages) <= TARGET_GAPS_S * 1000 else 'MISSED'}")
    return out


TARGET_RATIO = 0.8  # closed-loop rate of our bot over the 'ok' bot's, same run
TARGET_P99_400_MS = 20.0  # at 400/s offered


def _mmm(values: list[float], fmt: str) -> str:
    v = sorted(values)
    return f"min {fmt.format(v[0])} / median {fmt.format(v[len(v) // 2])} / max {fmt.format(v[-1])}" if v else "n/a"


def ratio_lines(results: list[Result]) -> list[str]:
    """Our bot against the 'ok' bot measured next to it (same repetition): the ceiling ratio,
    CPU per reply, and the p99 at 400/s offered, each as min / median / max over repetitions."""
    out = []
    ok = {(r.rep, r.mode): r for r in results if r.bot == "ok"}
    for bot in dict.fromkeys(r.bot for r in results if r.bot != "ok"):
        mine = [r for r in results if r.bot == bot]
        pairs = [(m, ok[(m.rep, m.mode)]) for m in mine if m.mode.startswith("closed") and (m.rep, m.mode) in ok]
        if pairs:
            ratios = [m.rate / o.rate for m, o in pairs]
            out.append(f"{bot}: closed-loop rate / 'ok' bot's, {len(pairs)} side-by-side runs: {_mmm(ratios, '{:.2f}')} "
                       f"(target >= {TARGET_RATIO}): {'MET' if sorted(ratios)[len(ratios) // 2] >= TARGET_RATIO else 'MISSED'} at the median")
            out.append(f"{bot}: CPU per reply, closed loop: {_mmm([m.child_cpu_s / max(1, m.replies) * 1e3 for m, _ in pairs], '{:.2f}')} ms; "
                       f"'ok' bot {_mmm([o.child_cpu_s / max(1, o.replies) * 1e3 for _, o in pairs], '{:.2f}')} ms")
        at400 = [m for m in mine if m.mode == "open@400"]
        if at400:
            p99s = [m.p99_ms for m in at400]
            oks400 = [ok[(m.rep, m.mode)].p99_ms for m in at400 if (m.rep, m.mode) in ok]
            out.append(f"{bot}: p99 at 400/s offered, {len(p99s)} runs: {_mmm(p99s, '{:.1f}')} ms (target <= {TARGET_P99_400_MS:.0f}): "
                       f"{'MET' if sorted(p99s)[len(p99s) // 2] <= TARGET_P99_400_MS else 'MISSED'} at the median"
                       + (f"; 'ok' bot {_mmm(oks400, '{:.1f}')} ms" if oks400 else ""))
    return out


def print_profile(path: Path, top: int) -> None:
    import io
    import pstats

    for key in ("tottime", "cumulative"):
        s = io.StringIO()
        stats = pstats.Stats(str(path), stream=s)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        text = s.getvalue()
        print(f"\n--- child cProfile, top {top} by {key} ---")
        print(text[text.find("   ncalls"):] if "   ncalls" in text else text)


def describe_source(src: Path) -> str:
    import subprocess

    src = Path(src).resolve()
    try:
        head = subprocess.run(["git", "-C", str(src), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(src), "status", "--porcelain", "--", "bot", "knowledge"],
                               capture_output=True, text=True, check=True).stdout.splitlines()
        return f"{src} (git {head}{f', {len(dirty)} uncommitted changes under bot/ knowledge/' if dirty else ', clean'})"
    except Exception:
        return f"{src} (not a git checkout)"


async def parent_main(args: argparse.Namespace) -> int:
    import discord

    questions = load_questions()
    rates = [float(x) for x in args.rates.split(",") if x.strip()]
    modes = [f"closed(W={args.window})"] + [f"open@{r:g}" for r in rates]
    bots = [b.strip() for b in args.bots.split(",") if b.strip()]
    print(f"# Discord throughput bench  {time.strftime('%Y-%m-%d %H:%M')}  host {platform.node()}  "
          f"cpus {os.cpu_count()}  Python {platform.python_version()}  discord.py {discord.__version__}")
    print(f"# bot source: {describe_source(args.source)}")
    print(f"# {args.n} questions from {args.n} distinct members (+{WARMUP} warm-up), {len(questions)} dev-set "
          f"questions cycled; double: record_bodies=False max_records={args.max_records} "
          f"echo_bot_messages={not args.no_echo}; bot in a child process; event loop: {'uvloop' if args.uvloop else 'asyncio'}; "
          f"JSON: {'json module' if args.no_orjson else 'orjson (discord.py[speed])'}")
    if args.open_questions:
        print(f"# the bot's database starts with {args.open_questions} open questions; {args.gaps_probes} /kb gaps probes per run")
    results: list[Result] = []
    reloads: list[ReloadRun] = []
    with tempfile.TemporaryDirectory(prefix="discord-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if args.reload_roles:
            base, large_questions = make_reload_base(tmp, args.reload_roles)
            print(f"# reload under load: {args.reload_rate:g} questions/s for {args.reload_seconds:g} s, a FAQ file added "
                  f"{args.reload_at:g} s in; {args.reload_runs} runs", flush=True)
            for k in range(args.reload_runs):
                if args.quiet_wait > 0:
                    await wait_quiet(args.quiet_wait)
                rr = await run_reload(args, base, large_questions, tmp, k)
                reloads.append(rr)
                print(f"reload {k + 1}: reload {rr.reload_s:.1f} s  before p99 {rr.before[1]:.1f}  during p50 {rr.during[0]:.1f} p99 {rr.during[1]:.1f} "
                      f"max {rr.during[2]:.1f} ms  RSS steady {rr.rss_steady_mb:.1f} peak {rr.rss_peak_mb:.1f} after {rr.rss_after_mb:.1f} MB  "
                      f"replies {rr.replies}/{rr.sent} kinds {rr.kinds} new answer {rr.new_answer_served}  other procs {rr.other_cpu_pct:.0f}%  "
                      f"slowest (s after the write: ms) {', '.join(f'{t:+.1f}: {ms:.0f}' for t, ms in rr.slowest)}", flush=True)
        for rep in range(args.repeat):
            for mode in modes:  # the bots one after the other for each mode: they meet about the same load
                for bot in bots:
                    if args.quiet_wait > 0:
                        await wait_quiet(args.quiet_wait)
                    r = await run_one(args, bot, mode, questions, tmp)
                    r.rep = rep
                    results.append(r)
                    print(f"{bot:10s} {mode:14s} replies {r.replies}/{r.n}  {r.rate:6.0f}/s  p50 {r.p50_ms:6.1f}  "
                          f"p99 {r.p99_ms:7.1f}  max {r.max_ms:7.1f} ms  RSS ready {r.rss_ready_mb:5.1f} peak "
                          f"{r.rss_peak_mb:5.1f} MB  CPU bot {r.child_cpu_s:5.2f}s double {r.parent_cpu_s:5.2f}s  "
                          f"lag {r.inject_lag_max_ms:.1f} ms  other procs {r.other_cpu_pct:.0f}% CPU  kinds {r.kinds}  http>=400 {r.http_errors}  "
                          f"double-bugs {r.double_errors}", flush=True)
        profile_path = None
        if args.profile:
            profile_path = tmp / "child.prof"
            bot = next((b for b in bots if b != "ok"), "bot-file")
            r = await run_one(args, bot, modes[0], questions, tmp, profile_path=profile_path)
            print(f"(profiled run, {bot} {modes[0]}: {r.rate:.0f}/s under cProfile)")
            if profile_path.exists():
                print_profile(profile_path, args.profile_top)
    if reloads:
        print()
        print(fmt_reload_table(reloads))
        print()
        for v in reload_verdicts(reloads):
            print(v)
    if not results:
        return 0
    print()
    print(fmt_table(results))
    gaps_table = fmt_gaps_table(results)
    if gaps_table:
        print()
        print(gaps_table)
    print()
    for v in verdicts(results, rates):
        print(v)
    for line in ratio_lines(results):
        print(line)
    if args.json:
        Path(args.json).write_text(json.dumps([r.__dict__ for r in results], indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=2000, help="measured questions (= distinct members)")
    p.add_argument("--window", type=int, default=32, help="closed loop: max unanswered questions")
    p.add_argument("--rates", default="200,300", help="open loop: offered rates per second (comma list)")
    p.add_argument("--bots", default="bot-file,bot-memory,ok", help="bot-file (temp SQLite file), bot-memory (:memory:), ok")
    p.add_argument("--max-records", type=int, default=256, help="double: bound of its record lists")
    p.add_argument("--no-echo", action="store_true", help="double: do not echo the bot's own messages back over the gateway")
    p.add_argument("--source", type=Path, default=ROOT,
                   help="checkout whose bot/ and knowledge/ are benchmarked (default: this one); e.g. a `git archive` snapshot")
    p.add_argument("--quiet-wait", type=float, default=120.0, metavar="S",
                   help="before each run wait up to S s for other processes to use < 20%% of a core (0: don't)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the last reply")
    p.add_argument("--profile", nargs="?", const=True, default=None, help="extra closed-loop run with cProfile in the bot process")
    p.add_argument("--profile-top", type=int, default=25)
    p.add_argument("--json", default=None, metavar="FILE", help="also write the results as JSON")
    p.add_argument("--open-questions", type=int, default=0, metavar="N", help="prefill the bot's database with N open questions")
    p.add_argument("--gaps-probes", type=int, default=5, metavar="K", help="with --open-questions: /kb gaps requests per run")
    p.add_argument("--uvloop", action="store_true", help="run the bots (ours and 'ok') on uvloop's event loop")
    p.add_argument("--no-orjson", action="store_true", help="hide orjson from the bots: discord.py uses the json module (as without the speed extra)")
    p.add_argument("--repeat", type=int, default=1, help="repeat the throughput runs K times (bots side by side each time)")
    p.add_argument("--reload-roles", type=int, default=0, metavar="N",
                   help="also run reload-under-load on a generated base of N roles (e.g. 1000); --bots '' for that run alone")
    p.add_argument("--reload-rate", type=float, default=30.0, help="reload run: questions/s offered")
    p.add_argument("--reload-seconds", type=float, default=30.0, help="reload run: length of the measured part")
    p.add_argument("--reload-at", type=float, default=8.0, help="reload run: seconds in when the FAQ file is added")
    p.add_argument("--reload-runs", type=int, default=3, help="reload runs (each with a fresh bot)")
    # child mode (internal)
    p.add_argument("--child", choices=("bot", "ok"), help=argparse.SUPPRESS)
    p.add_argument("--api", help=argparse.SUPPRESS)
    p.add_argument("--gateway", help=argparse.SUPPRESS)
    p.add_argument("--guild", type=int, help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--knowledge", help=argparse.SUPPRESS)
    p.add_argument("--mod-log", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return child_main(args)
    return asyncio.run(parent_main(args))


if __name__ == "__main__":
    sys.exit(main())
