#!/usr/bin/env python3
"""The review queue's storage with many open questions: recording, reading, resolving.

For each size N (default 1,000, 3,000, 10,000) a fresh SQLite file gets N open questions
through ``Store.record_question`` (so they are grouped as in production), then:

* record: the writer thread's time per question (grouping included), and how long the caller
  waited (``record_question`` only enqueues);
* gaps page: ``gaps(limit=11)`` (what ``/kb gaps`` reads), p50 / max of 20 reads;
* gap + resolve: ``gap(key)`` and ``resolve_gap`` of the biggest group.

Two workloads: ``mixed`` (60 % recurring phrasings of ~150 questions, 40 % one-offs, as
``discord_bench.py --open-questions`` uses) and ``distinct`` (every question different: the
most groups). ``--baseline REV`` also times ``gaps()`` of ``bot/storage.py`` at git revision REV
(one file then: e.g. the version before issue 8, which regrouped everything on each read).

Run:  .venv/bin/python bench/gaps_bench.py [--sizes 1000,3000,10000] [--baseline f128dc2~1]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from discord_bench import GAP_FORMS, GAP_PLACES, GAP_TOPICS  # noqa: E402


def questions(n: int, workload: str, seed: int = 8) -> list[str]:
    rng = random.Random(seed)
    words = [w for t in GAP_TOPICS + GAP_PLACES for w in t.split()]
    out = []
    for i in range(n):
        if workload == "mixed" and rng.random() < 0.6:
            out.append(rng.choice(GAP_FORMS).format(t=rng.choice(GAP_TOPICS), x=rng.choice(GAP_PLACES)))
        else:
            out.append(" ".join(rng.choices(words, k=rng.randint(3, 7))) + f" case {i}")
    return out


def load_store_module(rev: str | None) -> Any:
    if rev is None:
        import bot.storage as storage

        return storage
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:bot/storage.py"], capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp(prefix="gaps-bench-")) / f"storage_{rev.replace('~', '_').replace('^', '_')}.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def measure(storage: Any, n: int, workload: str, tmp: Path, reads: int) -> dict[str, float]:
    store = storage.Store(tmp / f"{workload}-{n}-{id(storage)}.sqlite3")
    qs = questions(n, workload)
    t0 = time.perf_counter()
    for i, q in enumerate(qs):
        store.record_question(q, 10_000 + i, "none", 0.1, reason="missing_fact")
    enqueued = time.perf_counter() - t0
    if hasattr(store, "flush"):
        store.flush()
    written = time.perf_counter() - t0
    times = []
    for _ in range(reads):
        t1 = time.perf_counter()
        page = store.gaps(limit=11)
        times.append(time.perf_counter() - t1)
    out = {"record_ms": written / n * 1000, "caller_ms": enqueued / n * 1000, "page_p50_ms": statistics.median(times) * 1000,
           "page_max_ms": max(times) * 1000, "groups": float(len(store.gaps(limit=10**6)) if not hasattr(store, "gap_count") else store.gap_count()),
           "top": float(page[0].count if page else 0)}
    if hasattr(store, "gap"):
        t2 = time.perf_counter()
        store.gap(page[0].key)
        out["gap_ms"] = (time.perf_counter() - t2) * 1000
    t3 = time.perf_counter()
    store.resolve_gap(page[0].key, "dismiss", "bench")
    out["resolve_ms"] = (time.perf_counter() - t3) * 1000
    store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,3000,10000")
    p.add_argument("--workloads", default="mixed,distinct")
    p.add_argument("--reads", type=int, default=20, help="gaps() reads per size (the baseline reads 3 times)")
    p.add_argument("--baseline", default=None, metavar="REV", help="also time bot/storage.py at this git revision")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    systems = [("this", load_store_module(None))] + ([(args.baseline, load_store_module(args.baseline))] if args.baseline else [])
    print(f"# gaps bench {time.strftime('%Y-%m-%d %H:%M')}  Python {sys.version.split()[0]}")
    print("| storage | workload | open questions | groups | biggest | record ms/question (writer) | caller ms/question | gaps page p50 ms | gaps page max ms | gap(key) ms | resolve ms |")
    print("|" + "---|" * 11)
    with tempfile.TemporaryDirectory(prefix="gaps-bench-") as tmpdir:
        for name, storage in systems:
            for workload in args.workloads.split(","):
                for n in sizes:
                    r = measure(storage, n, workload, Path(tmpdir), args.reads if name == "this" else 3)
                    print(f"| {name} | {workload} | {n} | {r['groups']:.0f} | {r['top']:.0f} | {r['record_ms']:.2f} | {r['caller_ms']:.3f} | "
                          f"{r['page_p50_ms']:.1f} | {r['page_max_ms']:.1f} | {r.get('gap_ms', float('nan')):.1f} | {r['resolve_ms']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
