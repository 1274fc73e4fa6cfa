"""Helpers shared by the benchmarks: medians of repeated runs, and of whole processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_seconds(fn: Callable[[], object], *, repeat: int = 200, warmup: int = 5) -> float:
    """Median wall time of `fn()` over `repeat` calls after `warmup` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_process_seconds(argv: Sequence[str], *, repeat: int = 15, stdin: bytes | None = None) -> float:
    """Median wall time of a whole process, started fresh each time."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(list(argv), input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run warms the file cache


def report(name: str, value: float, floor_name: str, floor: float, target_ratio: float | None = None,
           unit: str = "ms") -> str:
    scale = 1000.0 if unit == "ms" else 1.0
    ratio = value / floor if floor else float("inf")
    verdict = ""
    if target_ratio is not None:
        verdict = "  OK" if ratio <= target_ratio else f"  OVER the {target_ratio}x target"
    line = (f"{name}: {value * scale:.3f} {unit}  |  floor ({floor_name}): {floor * scale:.3f} {unit}  |  "
            f"ratio {ratio:.2f}x{verdict}")
    print(line)
    sys.stdout.flush()
    return line
