"""CPU seconds of this process and every process below it, for the benchmarks' per-CPU-second
ratios.

`resource.getrusage(RUSAGE_CHILDREN)` alone misses work done in grandchildren: the loader
parses each file in a child forked by multiprocessing's forkserver (etl.sandbox), and that
child is the forkserver's, reaped by the forkserver, which is still alive when a measurement
ends. So the count here is: this process (RUSAGE_SELF), its reaped children (RUSAGE_CHILDREN),
and every live descendant's own CPU plus the children it has reaped (psutil's children_user /
children_system, Linux). A process is counted once: alive it counts itself, once reaped it is
in its reaper's children figures. Processes orphaned to init before the end are lost (the
product leaves none while a load runs).
"""

from __future__ import annotations

import resource
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class Cpu:
    """CPU seconds (user + system) at one moment."""

    self_s: float  # this process
    reaped_s: float  # children this process has waited for (and theirs, when they waited)
    live_s: float  # live descendants, with the children they have waited for

    @property
    def total_s(self) -> float:
        return self.self_s + self.reaped_s + self.live_s

    @property
    def children_s(self) -> float:
        return self.reaped_s + self.live_s


def cpu_now() -> Cpu:
    """CPU seconds used so far by this process and all its descendants (see module doc)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0.0
    for p in psutil.Process().children(recursive=True):
        try:
            t = p.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue  # ended between listing and reading: counted by its reaper if reaped
        live += t.user + t.system + t.children_user + t.children_system
    return Cpu(me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime, live)


def since(start: Cpu) -> Cpu:
    """CPU seconds used since `start` (each part a difference; live_s may go negative when a
    descendant alive at `start` was reaped since: its seconds moved into reaped_s)."""
    now = cpu_now()
    return Cpu(now.self_s - start.self_s, now.reaped_s - start.reaped_s, now.live_s - start.live_s)
