"""How many examples a property test draws, by tier, and which ways a case is read.

`make test` (and CI) draws every example each property asks for; `make check`, the edit-test
loop, sets ``TESTS_TIER=check`` and draws a fifth of them (at least 40), so that the loop
stays about a minute while every property still runs on fresh examples, and Hypothesis's
database replays any example that failed before. The counts written in the tests are the
full tier's. Likewise a case read in every format of a list (an edited page in text and in
each CMS layout) is read in one of them in the loop, a different one from case to case, so
that every format and every case is still read."""

from __future__ import annotations

import os

CHECK = os.environ.get("TESTS_TIER") == "check"


def examples(full: int) -> int:
    """The number of examples of a property whose full tier draws ``full``."""
    return max(40, full // 5) if CHECK else full


def ways(case: int, every: tuple[str, ...]) -> tuple[str, ...]:
    """The formats case number ``case`` is read in: all of ``every``, or one in turn in the loop."""
    return (every[case % len(every)],) if CHECK else every
