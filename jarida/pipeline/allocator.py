"""Keep freed memory in the worker processes instead of handing it back at every image.

glibc serves allocations above a dynamic threshold (128 KiB at first) with their own
`mmap` and returns them with `munmap` when freed. Image work allocates and frees buffers
of several megabytes per picture (decoded pixels, each rendition, libwebp's encoder
state), so every image paid thousands of fresh page faults: measured 2,700 minor faults
and about 7 ms of system time per 1200×800 photo, against 5 faults and 0.1 ms with the
thresholds below (bench/images.py). Extraction (lxml trees) gains the same way.

Bounded: allocations of 32 MiB and more still get their own mapping and go back at once,
and free memory beyond 64 MiB at the top of the heap is returned. Only glibc has
`mallopt`; elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 32 << 20
TRIM_THRESHOLD_BYTES = 64 << 20


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds in this process; False where not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others: no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
