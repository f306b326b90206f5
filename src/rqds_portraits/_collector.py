"""The cyclic garbage collector, paused while many records are built that all live on.

Records hold no reference cycles; a call that builds them by the thousand (``load_file``, ``diff``) would
otherwise start the collector again and again, and each full collection walks every object the process
holds: on a large dataset that walk grows with the data at every call, and the call grows faster than it.

    >>> import gc
    >>> from rqds_portraits._collector import paused
    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block, and restart it after (if it was running), even on an error."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
