"""A national run of synthetic towns, for ``bench/bench.py``: every town's release, then the
national release that stacks them, timed apart, in one process that pays the imports once.

Each town is a configuration (a synthetic INSEE code and name, the real page's demonym)
and a page of ``bench/synthetic.py`` (its own seed). The towns' releases are made by
:func:`pipeline.national.run_towns`, over the cores; the national release by
:func:`pipeline.national.merge`. Writes one JSON object to ``WORK_DIR/national.json``
(and prints it): the seconds of each part, each town's own wall time (median and spread),
the rows stacked, the merge's stages.

    python -m bench.national WORK_DIR --towns 20 [--entries 100]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.synthetic import page  # noqa: E402


def town_file(folder: Path, number: int) -> Path:
    """A synthetic town's configuration: INSEE code ``9xxxx`` (no real commune's: the
    department 9x codes stop at 95, and 96 to 99 are none), name ``Ivry-synthétique-N``."""
    code = f"9{number + 6000:04d}"
    path = folder / f"town-{number:04d}.toml"
    path.write_text(f"""[town]
name = "Ivry-synthétique-{number:04d}"
short_names = ["Ivry"]
demonyms = ["ivryen"]
insee = "{code}"

[[sources]]
url = "https://example.org/{code}/jumelages"

[publication]
publisher = "Commune synthétique {number:04d}"
publisher_url = "https://example.org/{code}"
dataset = "town-{code}"
title = "Jumelages de {{town}}"
description = "Les partenaires de {{town}} et les actions menées avec chacun."
source_title = "Commune de {{town}}, page des jumelages"

[release]
folder = "../releases/{number:04d}"
raw = "raw-{code}"
stem = "town-{code}"
""", encoding="utf-8")
    return path


def prepare(work: Path, towns: int, entries: int) -> list:
    """Every town's configuration and page, written before the clock starts."""
    from pipeline.national import TownJob

    (work / "towns").mkdir(parents=True, exist_ok=True)
    jobs = []
    for number in range(towns):
        source = work / "towns" / f"page-{number:04d}.txt"
        source.write_text(page(entries, seed=number), encoding="utf-8")
        jobs.append(TownJob(town_file(work / "towns", number), source,
                            work / "releases" / f"{number:04d}"))
    return jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--towns", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100)
    args = parser.parse_args()
    start = time.perf_counter()
    from pipeline.national import merge, preload, run_towns
    from pipeline.timing import Timings

    preload()
    imports = time.perf_counter() - start
    jobs = prepare(args.work, args.towns, args.entries)
    begin = time.perf_counter()
    made = run_towns(jobs)
    towns_s = time.perf_counter() - begin
    clock = Timings()
    begin = time.perf_counter()
    outcome = merge([job.output for job in jobs], args.work / "national", clock)
    merge_s = time.perf_counter() - begin
    rows = json.loads((args.work / "national" / "changelog.json").read_text(encoding="utf-8"))
    if failed := [m for m in made if m.error]:
        raise SystemExit(f"{len(failed)} towns failed, the first: {failed[0].error}")
    each = [m.seconds for m in made]
    found = {
        "towns": args.towns, "entries_per_town": args.entries, "imports_s": round(imports, 3),
        "towns_s": round(towns_s, 3), "merge_s": round(merge_s, 3),
        "town_wall_median_s": round(statistics.median(each), 3),
        "town_wall_min_s": round(min(each), 3), "town_wall_max_s": round(max(each), 3),
        "version": outcome.version,
        "rows": rows["releases"][0]["rows"],
        "merge_stages_ms": {name: round(seconds * 1000) for name, seconds in clock.stages.items()},
        "merge_cpu_ms": {name: round(seconds * 1000) for name, seconds in clock.processor.items()},
    }
    (args.work / "national.json").write_text(json.dumps(found, indent=2), encoding="utf-8")
    print(json.dumps(found))


if __name__ == "__main__":
    main()
