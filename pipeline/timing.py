"""Wall and processor time per stage of a run, for ``run --timings`` and the benchmark.

Both, because a machine busy with other work stretches a stage's wall time but hardly its
processor time: the benchmark compares stages by the second when it cannot have the
machine to itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class Timings:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.processor: dict[str, float] = {}  # this process' processor time per stage
        # work done in other processes while the stages ran: shown, not added to the total
        self.alongside: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start
            self.processor[name] = self.processor.get(name, 0.0) + time.process_time() - start_cpu

    def timed(self, name: str, step: Callable[..., T], *args: Any, **keywords: Any) -> T:
        """``step(*args, **keywords)``, timed as the stage ``name``: one line of a run a stage.

        >>> clock = Timings()
        >>> clock.timed("add", sum, [1, 2]), list(clock.stages)
        (3, ['add'])
        """
        with self.stage(name):
            return step(*args, **keywords)

    def render(self) -> str:
        """One line a stage: its wall time, then its processor time.

        >>> clock = Timings()
        >>> clock.stages, clock.processor = {"extract": 1.5}, {"extract": 1.25}
        >>> print(clock.render())
        timings:
          extract    1500.0 ms    1250.0 ms processor
          total      1500.0 ms    1250.0 ms processor
        """
        width = max((len(n) for n in [*self.stages, *self.alongside, "total"]), default=0)
        rows = [*self.stages.items(), ("total", sum(self.stages.values()))]
        cpu = {**self.processor, "total": sum(self.processor.values())}
        lines = [f"  {name:<{width}}  {seconds * 1000:8.1f} ms  {cpu.get(name, 0.0) * 1000:8.1f} ms processor"
                 for name, seconds in rows]
        if self.alongside:
            lines.append("meanwhile, in worker processes (processor time):")
            lines += [f"  {name:<{width}}  {seconds * 1000:8.1f} ms"
                      for name, seconds in self.alongside.items()]
        return "\n".join(["timings:", *lines])


NO_TIMINGS = Timings()  # a sink for callers that do not ask
