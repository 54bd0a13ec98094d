"""Timing helpers for the benchmarks: repeated timings, child processes with their own peak
memory, the machine's load."""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD_ENV = {**os.environ, "PYTHAINLP_READ_ONLY": "1", "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


@dataclass
class Timing:
    """Seconds of each repetition; the median is the figure, the spread its honesty."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)

    def as_dict(self) -> dict:
        """{"median_s", "best_s", "runs_s"}.

        >>> Timing([2.0, 1.0, 3.0]).as_dict()["median_s"]
        2.0
        """
        return {"median_s": round(self.median, 6), "best_s": round(self.best, 6), "runs_s": [round(r, 6) for r in self.runs]}


def repeat(fn: Callable[[], object], times: int) -> Timing:
    """Time `fn` `times` times (call it once before, untimed, to warm caches yourself).

    >>> len(repeat(lambda: None, 3).runs)
    3
    """
    runs = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return Timing(runs)


@dataclass
class ChildRun:
    """One child process: its wall time, peak resident memory and output."""

    wall_s: float
    max_rss_mb: float
    returncode: int
    stdout: str


def _limit_memory(mb: int | None):
    """A preexec_fn capping the child's address space, so a run that grows without bound fails
    with MemoryError instead of pushing the machine (shared with others) into the OOM killer."""
    if mb is None:
        return None
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))


def run_child(cmd: list[str], timeout: float | None = None, memory_limit_mb: int | None = None) -> ChildRun:
    """Run a command and measure it with wait4: ru_maxrss is the peak resident set of the child
    or of its largest descendant (a worker process), not their sum. Past `timeout` seconds the
    child is killed (returncode -9).

    >>> run_child([sys.executable, "-c", "print(1)"]).stdout
    '1\\n'
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=CHILD_ENV, preexec_fn=_limit_memory(memory_limit_mb))
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return ChildRun(wall, usage.ru_maxrss / 1024, proc.returncode, text)


def claimcheck(*args: str) -> list[str]:
    """The command line of `claimcheck ARGS` run by this interpreter."""
    return [sys.executable, "-m", "checker", *args]


def load() -> dict:
    """The 1, 5 and 15 minute load averages and the cores this process may use."""
    one, five, fifteen = os.getloadavg()
    return {"load_1m": round(one, 2), "load_5m": round(five, 2), "load_15m": round(fifteen, 2), "cores": len(os.sched_getaffinity(0))}


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())
