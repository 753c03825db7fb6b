"""Per-question CPU time on the shipped knowledge, for A/B runs of two engines.

    .venv/bin/python bench/shipped_profile.py            # this checkout's engine
    ENGINE=/tmp/old .venv/bin/python bench/shipped_profile.py   # an archive of another commit (git archive <commit> | tar -x -C /tmp/old)
    .venv/bin/python bench/shipped_profile.py --prof tottime    # and a cProfile of all the asks

Asks the questions `engine_bench.py --shipped-only` uses (the shared dev set and
tests/eval/seed-questions.yaml) ten times each, after one warm pass, timing this thread's CPU
clock, and prints p50 / p99 / mean and the mean of the 20 slowest questions' medians, then the
25 slowest questions. Alternate the two engines several times: the machine's speed drifts.
"""

import cProfile
import gc
import os
import pstats
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("ENGINE", str(HERE)))

from bot.engine import Engine  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402

engine = Engine(load_knowledge(HERE / "knowledge"))
questions: list[str] = []
for path in (HERE.parent / "shared" / "eval" / "dev-questions.yaml", HERE / "tests" / "eval" / "seed-questions.yaml"):
    if path.exists():
        questions += [item["q"] for item in yaml.safe_load(path.read_text())["questions"]]
for q in questions:
    engine.ask(q)
gc.freeze()
times: dict[str, list[float]] = {}
for _ in range(10):
    for q in questions:
        t = time.thread_time_ns()
        engine.ask(q)
        times.setdefault(q, []).append((time.thread_time_ns() - t) / 1e6)
every = sorted(x for v in times.values() for x in v)
medians = sorted(((sorted(v)[len(v) // 2], q) for q, v in times.items()), reverse=True)
print(f"p50 {every[len(every) // 2]:.3f} p99 {every[int(len(every) * 0.99)]:.3f} mean {sum(every) / len(every):.3f} top20med {sum(m for m, _ in medians[:20]) / 20:.3f}")
for m, q in medians[:25]:
    print(f"{m:.3f}  {q[:110]}")
if "--prof" in sys.argv:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(20):
        for q in questions:
            engine.ask(q)
    profile.disable()
    pstats.Stats(profile).sort_stats(sys.argv[-1] if sys.argv[-1] != "--prof" else "tottime").print_stats(40)
