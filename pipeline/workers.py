"""Work done in other processes while the run goes on: a pool of worker processes.

A release's validation runs in worker processes while the run writes the rest of the
release (``pipeline/validate.py`` says what they check). Python runs one thread of Python
code at a time, so work on another core needs another process.

- Where the system can fork (Linux), a worker starts as a copy of the run, with the
  modules the run has loaded by then, in a few milliseconds; elsewhere it is spawned. The
  run starts its workers before it loads the grammar (``pipeline/run.py``): a worker that
  reads entries loads it with its first task. Each worker then runs ``warm_up`` (loading
  frictionless) while the run reads and extracts the page, so that nobody waits for that
  import later.
- A worker never outlives the run: it exits as soon as the run's process is gone, even
  killed (a forked worker shares the run's open files, the output's lock among them, which
  must not stay held by a leftover process); it ignores Ctrl-C, after which the run stops
  it itself; :meth:`Pool.close` stops every worker, whatever it was doing.
- ``Pool(0)`` runs each task at once in the calling process: the same code without
  processes (tests, and ``validate_staged`` called on its own).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _exit_with_parent() -> None:
    from multiprocessing import parent_process
    from multiprocessing.connection import wait

    parent = parent_process()
    if parent is not None:
        wait([parent.sentinel])  # readable once the run's process has ended, however it ended
        os._exit(1)


def _started(warm_up: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    if warm_up is not None:
        warm_up()


def _timed(task: Callable[..., T], args: tuple[Any, ...]) -> tuple[T, float]:
    """``task(*args)`` and the processor time it took."""
    start = time.process_time()
    return task(*args), time.process_time() - start


class Pending(Generic[T]):
    """A task's result, once it is there."""

    def __init__(self, pool: Pool, handle: Any = None, done: tuple[T, float] | None = None,
                 error: BaseException | None = None):
        self._pool, self._handle, self._done, self._error = pool, handle, done, error

    def result(self) -> T:
        if self._done is None:
            if self._error is not None:
                raise self._error
            self._done = self._handle.get()
            self._pool.busy += self._done[1]
        return self._done[0]


class Pool:
    """``workers`` worker processes (none: tasks run in this process, when submitted)."""

    def __init__(self, workers: int, warm_up: Callable[[], None] | None = None):
        self.workers = workers
        self.busy = 0.0  # processor seconds of the tasks whose results were taken
        self._pool = None
        if workers > 0:
            import multiprocessing

            method = "fork" if sys.platform == "linux" else None
            self._pool = multiprocessing.get_context(method).Pool(
                workers, initializer=_started, initargs=(warm_up,))

    def submit(self, task: Callable[..., T], *args: Any) -> Pending[T]:
        """Run ``task(*args)`` in a worker; ``task`` must be a module-level function, and
        its arguments and result small things that pickle (paths, names, lists)."""
        if self._pool is not None:
            return Pending(self, handle=self._pool.apply_async(_timed, (task, args)))
        try:
            done = _timed(task, args)
        except Exception as exc:  # raised where a worker's would be: at result()
            return Pending(self, error=exc)
        self.busy += done[1]
        return Pending(self, done=done)

    def close(self) -> None:
        """Stop the workers at once (a task still running is abandoned)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
