"""Wall time per stage of a run, for ``run --timings`` and the benchmark."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        # work done in other processes while the stages ran: shown, not added to the total
        self.alongside: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start

    def render(self) -> str:
        total = sum(self.stages.values())
        width = max((len(n) for n in [*self.stages, *self.alongside]), default=0)
        lines = [f"  {name:<{width}}  {seconds * 1000:8.1f} ms" for name, seconds in self.stages.items()]
        lines.append(f"  {'total':<{width}}  {total * 1000:8.1f} ms")
        if self.alongside:
            lines.append("meanwhile, in worker processes (processor time):")
            lines += [f"  {name:<{width}}  {seconds * 1000:8.1f} ms"
                      for name, seconds in self.alongside.items()]
        return "\n".join(["timings:", *lines])


NO_TIMINGS = Timings()  # a sink for callers that do not ask
