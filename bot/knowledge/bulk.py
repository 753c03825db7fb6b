"""Pause the cyclic garbage collector while a snapshot's objects are built.

Loading and indexing a large knowledge base create hundreds of thousands of long-lived objects
and no reference cycles worth collecting; each collection the allocations trigger walks all of
them again (a third of load and build time at 1,000 roles). Paused only for the build, and
only resumed by the outermost of overlapping builds if it was running before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
