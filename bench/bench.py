"""``make bench``: how the pipeline's cost grows with the page, and where the time goes.

Not a test: it measures. For the real page and synthetic pages of 1k, 10k and 100k entries
(``bench/synthetic.py``, fixed seed), it times ``python -m pipeline run`` in a fresh process
several times (median and spread of wall time, peak resident memory from the kernel's
rusage of that process), next to two floors: a Python process that only imports the
third-party modules ``run`` loads (submodules included), and ``frictionless validate``
alone on the produced CSV package.
It also times a re-run on an unchanged source with an up-to-date output, and records the
per-stage breakdown that ``run --timings`` prints. Results go to ``docs/benchmarks.md``
(table and how to reproduce) and ``docs/benchmarks.json``.

    python bench/bench.py [--sizes 1000,10000,100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.synthetic import page  # noqa: E402

PYTHON = sys.executable
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"
TARGETS = {"real_page_vs_floor": 1.5, "100k_seconds": 15.0, "100k_peak_mb": 1536,
           "growth_10k_to_100k": 12.0, "unchanged_rerun_seconds": 1.0}


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds and peak resident MB of one fresh process, and its standard error."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, err


def repeated(command: list[str], runs: int, before=None) -> dict:
    times, peaks, err = [], [], ""
    for _ in range(runs):
        if before:
            before()
        seconds, peak, err = measure(command)
        times.append(seconds)
        peaks.append(peak)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "peak_mb": round(max(peaks), 1), "runs": runs,
            "stderr": err}


def stages(stderr: str) -> dict[str, float]:
    """The per-stage milliseconds printed by ``run --timings``."""
    found = {}
    for line in stderr.splitlines():
        parts = line.rsplit(None, 2)
        if len(parts) == 3 and parts[2] == "ms" and not line.startswith("timings"):
            found[parts[0].strip()] = float(parts[1])
    return found


def imported_modules(source: Path, output: Path) -> list[str]:
    """The third-party modules a ``run`` loads, submodules included: ``pyarrow.parquet``
    and the format plugins frictionless loads while validating cost import time too."""
    probe = (
        "import sys, sysconfig\n"
        "from pipeline.cli import main\n"
        f"main(['run', '--source', {str(source)!r}, '--output', {str(output)!r}, '--first-release'])\n"
        "site = sysconfig.get_paths()['purelib']\n"
        "names = sorted(n for n, m in list(sys.modules.items())\n"
        "               if getattr(m, '__file__', None) and m.__file__.startswith(site)\n"
        "               and not n.startswith('pipeline'))\n"
        "print(','.join(names), file=sys.stderr)\n"
    )
    done = subprocess.run([PYTHON, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stderr.strip().splitlines()[-1].split(",")


# Some entries of sys.modules are aliases a package registers (pandas' "_cyutility"):
# they cannot be imported by name, and their cost is already in their package's import.
FLOOR = ("import importlib, sys\n"
         "for name in sys.argv[1:]:\n"
         "    try:\n"
         "        importlib.import_module(name)\n"
         "    except ImportError:\n"
         "        pass\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="ivry-bench-"))
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                 "platform": platform.platform()}, "targets": TARGETS, "pages": {}}
    try:
        out = work / "out"

        def fresh() -> None:
            shutil.rmtree(out, ignore_errors=True)

        modules = imported_modules(SNAPSHOT, work / "probe")
        floor = repeated([PYTHON, "-c", FLOOR, *modules], args.runs)
        packages = sorted({m.split(".")[0] for m in modules if not m.startswith("_")})
        results["import_floor"] = {"packages": packages, "modules": len(modules),
                                   **{k: v for k, v in floor.items() if k != "stderr"}}
        print(f"import floor ({len(modules)} modules of {len(packages)} packages): {floor['median_s']} s")

        pages = [("real page", SNAPSHOT)]
        for size in sizes:
            path = work / f"page-{size}.txt"
            path.write_text(page(size), encoding="utf-8")
            pages.append((f"{size} entries", path))
        for label, path in pages:
            command = [PYTHON, "-m", "pipeline", "run", "--source", str(path), "--output", str(out),
                       "--first-release", "--timings", "--max-bytes", "100000000"]
            run = repeated(command, args.runs, before=fresh)
            rows = json.loads((out / "run-report.json").read_text(encoding="utf-8"))["rows"]
            validate = repeated([str(Path(PYTHON).parent / "frictionless"), "validate",
                                 str(out / "csv" / "datapackage.json")], 1)
            results["pages"][label] = {
                "entries": rows["actions"], "rows": sum(rows.values()),
                **{k: v for k, v in run.items() if k != "stderr"},
                "stages_ms": stages(run["stderr"]),
                "frictionless_validate_csv_s": validate["median_s"],
            }
            print(f"{label}: {run['median_s']} s (spread {run['min_s']}-{run['max_s']}), "
                  f"{run['peak_mb']} MB; frictionless validate alone {validate['median_s']} s")

        published = work / "published"
        shutil.copytree(ROOT / "output", published)
        rerun = repeated([PYTHON, "-m", "pipeline", "run", "--output", str(published)], args.runs)
        results["unchanged_rerun"] = {k: v for k, v in rerun.items() if k != "stderr"}
        print(f"unchanged re-run: {rerun['median_s']} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write(results, sizes)


def verdicts(results: dict, sizes: list[int]) -> list[tuple[str, str, str]]:
    pages, floor = results["pages"], results["import_floor"]["median_s"]
    real = pages["real page"]["median_s"]
    checks = [("real page end to end / import floor", f"{real / floor:.2f}",
               "met" if real / floor <= TARGETS["real_page_vs_floor"] else "missed")]
    if 100000 in sizes:
        big = pages["100000 entries"]
        checks.append(("100k entries: wall time", f"{big['median_s']:.1f} s",
                       "met" if big["median_s"] <= TARGETS["100k_seconds"] else "missed"))
        checks.append(("100k entries: peak memory", f"{big['peak_mb']:.0f} MB",
                       "met" if big["peak_mb"] <= TARGETS["100k_peak_mb"] else "missed"))
        if 10000 in sizes:
            growth = big["median_s"] / pages["10000 entries"]["median_s"]
            checks.append(("100k / 10k wall time", f"{growth:.1f}",
                           "met" if growth <= TARGETS["growth_10k_to_100k"] else "missed"))
    rerun = results["unchanged_rerun"]["median_s"]
    checks.append(("unchanged re-run", f"{rerun:.2f} s",
                   "met" if rerun < TARGETS["unchanged_rerun_seconds"] else "missed"))
    return checks


def write(results: dict, sizes: list[int]) -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    results["verdicts"] = [{"target": t, "measured": m, "verdict": v} for t, m, v in verdicts(results, sizes)]
    (docs / "benchmarks.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    lines = ["# Benchmarks", "", "Measured by `make bench` (`bench/bench.py`) on "
             f"{results['machine']['cpus']} CPUs, Python {results['machine']['python']}. "
             "Ratios hold across machines better than seconds do.", "",
             "## Targets", "", "| target | measured | |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {v} |" for t, m, v in verdicts(results, sizes)]
    floor = results["import_floor"]
    lines += ["", "## End to end", "",
              f"Import floor: {floor['median_s']} s for a Python process that imports the "
              f"{floor['modules']} third-party modules a run of the real page loads (submodules "
              f"included), from {', '.join(floor['packages'])}.", "",
              "| page | entries | rows, all tables | median wall | spread | peak memory | frictionless validate (CSV package) alone |",
              "|---|---|---|---|---|---|---|"]
    for label, p in results["pages"].items():
        lines.append(f"| {label} | {p['entries']:,} | {p['rows']:,} | {p['median_s']} s | "
                     f"{p['min_s']}–{p['max_s']} s | {p['peak_mb']} MB | {p['frictionless_validate_csv_s']} s |")
    lines += ["", f"Re-run on an unchanged source with an up-to-date release: "
              f"{results['unchanged_rerun']['median_s']} s.", "", "## Where the time goes", "",
              "Milliseconds per stage (`run --timings`, last run of each page):", ""]
    labels = list(results["pages"])
    stage_names = list(dict.fromkeys(s for p in results["pages"].values() for s in p["stages_ms"]))
    lines += ["| stage | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for stage in stage_names:
        lines.append(f"| {stage} | " + " | ".join(
            f"{results['pages'][label]['stages_ms'].get(stage, 0):,.0f}" for label in labels) + " |")
    lines += ["", (ROOT / "bench" / "NOTES.md").read_text(encoding="utf-8").strip(), "",
              "## Reproduce", "", "```sh", "make bench            # or: .venv/bin/python bench/bench.py "
              "--sizes 1000,10000,100000 --runs 3", "```", ""]
    (docs / "benchmarks.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {docs / 'benchmarks.md'} and {docs / 'benchmarks.json'}")


if __name__ == "__main__":
    main()
