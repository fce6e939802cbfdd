"""Work shared between this process and forked worker processes.

``share`` runs one function over a list of tasks on every core: this process
and ``jobs - 1`` workers each take the next task nobody has taken (so no one
idles while another has much left), and a worker sends its result back
through a queue. Workers are forked: they start at once with everything
already loaded and the tasks already in memory, so only results travel.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any


def default_jobs() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is there and safe. It is not in a process that runs other
    threads (``serve``'s watcher and server), and macOS forbids it for some
    of its own libraries."""
    return ("fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
            and threading.active_count() == 1)


class WorkerFailed(RuntimeError):
    """A worker process raised an exception or died; says which and how."""


def share(count: int, here: Callable[[int], Any], there: Callable[[int], Any],
          back: Callable[[int, Any], Any], jobs: int) -> list:
    """``[here(i) for i in range(count)]``, with tasks also done in ``jobs - 1``
    forked workers: a worker computes ``there(i)`` (which must pickle), and
    this process turns it into the result with ``back(i, there(i))``. Leaving early (an
    exception, Ctrl-C, SIGTERM) stops the workers."""
    context = multiprocessing.get_context("fork")
    taken = context.Value("q", 0)  # the next task nobody has taken
    results_queue = context.Queue()
    workers = [context.Process(target=_work, args=(count, taken, there, results_queue),
                               daemon=True) for _ in range(jobs - 1)]
    results: list = [None] * count
    done = 0
    try:
        for worker in workers:
            worker.start()
        while (i := _take(taken, count)) is not None:
            results[i] = here(i)
            done += 1 + _receive(results_queue, results, back, block=False)
        while done < count:
            done += _receive(results_queue, results, back, block=True, workers=workers)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
    return results


def _take(taken, count: int) -> int | None:
    with taken.get_lock():
        i = taken.value
        if i >= count:
            return None
        taken.value = i + 1
        return i


def _work(count: int, taken, there: Callable[[int], Any], out) -> None:
    # The build handles Ctrl-C and stops the workers itself; SIGTERM (how it
    # stops them) ends a worker without the build's own handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        while (i := _take(taken, count)) is not None:
            out.put((i, there(i), None))
    except BaseException:  # noqa: BLE001 - handed to the parent, which raises it
        out.put((-1, None, traceback.format_exc()))
    out.close()
    out.join_thread()


def _receive(results_queue, results: list, back: Callable[[int, Any], Any], block: bool,
             workers: list | None = None) -> int:
    """Take the results that have come (or, with ``block``, wait for one);
    how many were taken."""
    got = 0
    while True:
        try:
            i, value, failure = results_queue.get(block=block, timeout=1 if block else None)
        except queue.Empty:
            if block and workers and not any(w.is_alive() for w in workers):
                raise WorkerFailed("a worker process stopped before its work was done "
                                   f"(exit codes {[w.exitcode for w in workers]})") from None
            if block:
                continue
            return got
        if failure:
            raise WorkerFailed(f"a worker process failed:\n{failure}")
        results[i] = back(i, value)
        got += 1
        if block:
            return got
