"""Issue 8: the one-folder bundle (dist/pairaid, built by packaging/build-linux.sh) beside the source install.

Figures: size on disk; `pairaid --version` as a whole process; time from starting `pairaid --self-test` until
its window step has printed (every step before it — pathways, rules, three PDFs, a scratch database — is
included). Floors, measured in the same run: `python -c pass` and the same commands from the source install.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_process_seconds, report

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "pairaid"
RUNTIME_PACKAGES = ("PySide6", "shiboken6", "pydantic", "pydantic_core", "reportlab", "PIL", "pillow.libs",
                    "uharfbuzz", "sqlite_utils", "sqlite_fts4", "yaml", "_yaml", "platformdirs", "click",
                    "tabulate", "dateutil", "pluggy", "annotated_types", "typing_extensions.py", "typing_inspection")


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) if path.exists() else 0


def mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def seconds_to_window(argv: list[str], repeat: int = 7) -> float:
    """Median seconds from starting the self-test to its window line (the process is then left to finish)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PAIRAID_DATA_DIR": str(ROOT / "build" / "bench-data")}
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        with subprocess.Popen([*argv, "--self-test"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, env=env) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                if "  window " in line:
                    times.append(time.perf_counter() - start)
                    if not line.startswith("ok"):
                        raise SystemExit(f"self-test window step did not pass: {line.strip()}")
            proc.wait()
    return statistics.median(times[1:])


def main() -> int:
    print("## bundle (issue 8)")
    exe = BUNDLE / ("pairaid.exe" if os.name == "nt" else "pairaid")
    if not exe.exists():
        print(f"no bundle at {BUNDLE}: build it with packaging/build-linux.sh first")
        return 0
    site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    runtime = sum(folder_bytes(site / name) if (site / name).is_dir() else
                  ((site / name).stat().st_size if (site / name).exists() else 0) for name in RUNTIME_PACKAGES)
    print(f"bundle size: {mib(folder_bytes(BUNDLE))}  |  source install: runtime packages {mib(runtime)} "
          f"(+ Python itself), whole .venv with dev tools {mib(folder_bytes(ROOT / '.venv'))}")
    source = [sys.executable, "-m", "pairaid"]
    floor = median_process_seconds([sys.executable, "-c", "pass"])
    report("`pairaid --version` bundle", median_process_seconds([str(exe), "--version"]), "python -c pass", floor)
    report("`pairaid --version` source", median_process_seconds([*source, "--version"]), "python -c pass", floor)
    bundle_window = seconds_to_window([str(exe)])
    source_window = seconds_to_window(source)
    report("self-test start to window step, bundle", bundle_window, "same from source", source_window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
