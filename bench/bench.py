"""``make bench``: the pipeline's cost against floors it cannot go below, and where time goes.

Not a test: it measures. Every figure is a ratio of two commands timed in fresh processes,
one after the other, repeatedly (interleaved: a machine busy with something else slows both
alike), medians compared:

- the real page, end to end (``python -m pipeline run``), against a Python process that
  only imports the libraries no run can avoid (``import frictionless, pyarrow.parquet``);
- synthetic pages of 1k, 10k and 100k entries (``bench/synthetic.py``, fixed seed), each
  against ``frictionless validate`` alone on the CSV package that run writes; the 100k run
  against the 10k run (how cost grows); the peak memory of the 100k run (its processes
  together: the sum of their proportional set sizes, sampled every 50 ms);
- a re-run on an unchanged page with an up-to-date release, in seconds;
- a national run (``bench/national.py``): 1,000 synthetic towns of 100 entries each, every
  town's release over the cores, then the national release that stacks them, in one fresh
  process that pays the imports once; against the 100k-entry page's run (the same number
  of entries), with the time per town and the merge's share.

It records the per-stage breakdown that ``run --timings`` prints. Results go to
``docs/benchmarks.md`` (with ``bench/NOTES.md``: what was slow, what is still over a
target, and why) and ``docs/benchmarks.json``. The pipeline's code is compiled first
(``compileall``), as a user's second run finds it.

    python bench/bench.py [--sizes 1000,10000,100000] [--runs 3] [--towns 1000]
    python bench/bench.py --only-national --towns 20     # the national part alone, no docs
    python bench/bench.py --only-real --runs 10          # the real page against the floor, no docs
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.synthetic import page  # noqa: E402

PYTHON = sys.executable
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"
FLOOR = [PYTHON, "-c", "import frictionless, pyarrow.parquet"]
# Issue 20's guardrails: the real page within 2x the import floor, 100k entries within 63 s
# (4.4x the 14.3 s that frictionless validate took alone on its CSV package when they were
# set: a bound in seconds, since the run's work grew with the reader's and frictionless'
# did not), their peak memory within 1.5 GiB; then how cost grows, the unchanged re-run and
# the national run.
TARGETS = {"real_page_vs_floor": 2.0, "100k_seconds": 63.0, "100k_vs_validate": 4.4, "100k_peak_mb": 1536,
           "growth_10k_to_100k": 11.0, "unchanged_rerun_seconds": 0.2, "national_vs_100k": 3.0}
NATIONAL_ENTRIES = 100  # entries of each synthetic town's page
SAMPLE_EVERY = 0.05  # seconds between two samples of the memory of a run's processes
TREE_EVERY = 20  # samples between two looks for the run's processes (its workers start early)


def _children() -> dict[int, list[int]]:
    """Each process' children, from /proc."""
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            found.setdefault(parent, []).append(int(entry))
    return found


def _tree(pid: int) -> list[int]:
    """A process and its descendants."""
    children, found, pending = _children(), [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending += children.get(current, [])
    return found


def _pss_mb(pids: list[int]) -> float:
    """The proportional set size of processes together, in MB: pages shared between them
    (a forked worker's) are counted once, in shares."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total / 1024


def measure(command: list[str], memory: bool = False) -> dict:
    """Wall seconds of one fresh process, its processor seconds (its own and its workers',
    which it has waited for), its peak resident MB (the kernel's, for it or its largest
    descendant), the peak of its processes' memory together when asked, and its standard
    error."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0.0], threading.Event()

    def sample() -> None:
        # the process tree is looked for (a scan of /proc) every 20 samples only: the
        # sampler shares the machine with the run it measures
        pids: list[int] = []
        for count in itertools.count():
            if done.wait(SAMPLE_EVERY):
                return
            if count % TREE_EVERY == 0:
                pids = _tree(process.pid)
            peak[0] = max(peak[0], _pss_mb(pids))

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    err = process.stderr.read().decode() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{err[-2000:]}")
    return {"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss_mb": usage.ru_maxrss / 1024, "tree_mb": peak[0], "stderr": err}


def interleaved(commands: dict[str, list[str]], runs: int, before=None, memory: bool = False) -> dict:
    """Each command ``runs`` times, taking turns; ``before(label)`` runs before each."""
    results: dict[str, list[dict]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            if before:
                before(label)
            results[label].append(measure(command, memory))
    return {label: summary(found) for label, found in results.items()}


def summary(found: list[dict]) -> dict:
    times = [f["seconds"] for f in found]
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "runs": len(times),
            "cpu_s": round(statistics.median(f["cpu"] for f in found), 3),
            "maxrss_mb": round(max(f["maxrss_mb"] for f in found), 1),
            "peak_mb": round(max(f["tree_mb"] for f in found), 1), "stderr": found[-1]["stderr"]}


_STAGE = re.compile(r"  (?P<name>\S.*?)\s+(?P<wall>[\d.]+) ms(?:\s+(?P<cpu>[\d.]+) ms processor)?")


def stages(stderr: str) -> dict[str, dict[str, float]]:
    r"""The per-stage milliseconds printed by ``run --timings``, wall and processor (the work
    done meanwhile in worker processes too, processor time only, named as it is printed).

    >>> stages("timings:\n  extract   1500.0 ms    1250.0 ms processor\n"
    ...        "meanwhile, in worker processes (processor time):\n  validation (2 workers)   900.5 ms")
    {'extract': {'wall': 1500.0, 'cpu': 1250.0}, 'validation (2 workers)': {'cpu': 900.5}}
    """
    found: dict[str, dict[str, float]] = {}
    for line in stderr.splitlines():
        if m := _STAGE.fullmatch(line):
            found[m["name"]] = ({"wall": float(m["wall"]), "cpu": float(m["cpu"])} if m["cpu"]
                                else {"cpu": float(m["wall"])})
    return found


def national(work: Path, towns: int) -> dict:
    """A national run of ``towns`` synthetic towns in a fresh process (``bench/national.py``):
    its parts' seconds, from the process itself (writing the towns' pages is not timed),
    its peak memory (all its processes), the time per town and the merge's share."""
    folder = work / "national"
    shutil.rmtree(folder, ignore_errors=True)
    measured = measure([PYTHON, "-m", "bench.national", str(folder), "--towns", str(towns),
                        "--entries", str(NATIONAL_ENTRIES)], memory=True)
    found = json.loads((folder / "national.json").read_text(encoding="utf-8"))
    total = found["imports_s"] + found["towns_s"] + found["merge_s"]
    found.update(total_s=round(total, 3), peak_mb=round(measured["tree_mb"], 1),
                 cpu_s=round(measured["cpu"], 3),
                 per_town_s=round(found["towns_s"] / towns, 4),
                 merge_share=round(found["merge_s"] / total, 3))
    print(f"national run, {towns} towns of {NATIONAL_ENTRIES} entries: {found['total_s']} s "
          f"(imports {found['imports_s']} s, towns {found['towns_s']} s: {found['per_town_s']} s a "
          f"town; merge {found['merge_s']} s, {found['merge_share']:.0%} of the whole), peak "
          f"{found['peak_mb']} MB; processor time, all its processes, {found['cpu_s']} s")
    shutil.rmtree(folder, ignore_errors=True)
    return found


def real_page(work: Path, runs: int) -> dict:
    """The real page's run against the import floor, in turns, in fresh processes: their
    medians, wall and processor time (all processes), and the run's stages."""
    out = work / "out"
    timed = interleaved({"run": [PYTHON, "-m", "pipeline", "run", "--source", str(SNAPSHOT),
                                 "--output", str(out), "--first-release", "--timings"],
                         "import floor": FLOOR}, max(runs, 5),
                        lambda label: shutil.rmtree(out, ignore_errors=True))
    run, floor = timed["run"], timed["import floor"]
    print(f"real page: {run['median_s']} s (spread {run['min_s']}-{run['max_s']}), processor "
          f"{run['cpu_s']} s; import floor {floor['median_s']} s (spread {floor['min_s']}-"
          f"{floor['max_s']}), processor {floor['cpu_s']} s; ratio {run['median_s'] / floor['median_s']:.2f} "
          f"(target ≤ {TARGETS['real_page_vs_floor']}), processor {run['cpu_s'] / floor['cpu_s']:.2f}")
    for name, times in stages(run["stderr"]).items():
        print(f"  {name}: {_stage_cell(times)} ms")
    return timed


def _plain(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "stderr"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--towns", type=int, default=1000,
                        help="towns of the national run (0: none)")
    parser.add_argument("--only-national", action="store_true",
                        help="run the national part alone and print it (docs are not written)")
    parser.add_argument("--only-real", action="store_true",
                        help="time the real page against the import floor alone (at least 5 "
                             "runs each, in turns) and print it (docs are not written)")
    parser.add_argument("--rewrite", action="store_true",
                        help="write docs/benchmarks.md again from docs/benchmarks.json and "
                             "bench/NOTES.md, without measuring")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.rewrite:
        results = json.loads((ROOT / "docs" / "benchmarks.json").read_text(encoding="utf-8"))
        write(results, [int(label.split()[0]) for label in results["pages"] if label[0].isdigit()])
        return
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    work = Path(tempfile.mkdtemp(prefix="ivry-bench-"))
    if args.only_national or args.only_real:
        try:
            national(work, args.towns) if args.only_national else real_page(work, args.runs)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                 "platform": platform.platform()}, "targets": TARGETS, "pages": {}}
    try:
        out = work / "out"

        def fresh(label: str) -> None:
            if label == "run":
                shutil.rmtree(out, ignore_errors=True)

        pages = [("real page", SNAPSHOT)]
        for size in sizes:
            path = work / f"page-{size}.txt"
            path.write_text(page(size), encoding="utf-8")
            pages.append((f"{size} entries", path))
        for label, path in pages:
            real = path == SNAPSHOT
            run = [PYTHON, "-m", "pipeline", "run", "--source", str(path), "--output", str(out),
                   "--first-release", "--timings", "--max-bytes", "100000000"]
            validate = [str(Path(PYTHON).parent / "frictionless"), "validate",
                        str(out / "csv" / "datapackage.json")]
            timed = interleaved({"run": run, "frictionless validate": validate,
                                 **({"import floor": FLOOR} if real else {})},
                                max(args.runs, 5) if real else args.runs, fresh,
                                memory=not real)
            rows = json.loads((out / "run-report.json").read_text(encoding="utf-8"))["rows"]
            results["pages"][label] = {
                "entries": rows["actions"], "rows": sum(rows.values()),
                **_plain(timed["run"]), "stages_ms": stages(timed["run"]["stderr"]),
                "frictionless_validate": _plain(timed["frictionless validate"]),
            }
            if real:
                results["import_floor"] = _plain(timed["import floor"])
            print(f"{label}: {timed['run']['median_s']} s (spread {timed['run']['min_s']}-"
                  f"{timed['run']['max_s']}), {timed['run']['peak_mb']} MB; frictionless validate "
                  f"alone {timed['frictionless validate']['median_s']} s"
                  + (f"; import floor {timed['import floor']['median_s']} s" if real else ""))

        # a release of the real page made by this very code, then the same run again
        published = work / "published"
        measure([PYTHON, "-m", "pipeline", "run", "--output", str(published), "--first-release"])
        rerun = interleaved({"rerun": [PYTHON, "-m", "pipeline", "run", "--output", str(published)]},
                            max(args.runs, 5))["rerun"]
        results["unchanged_rerun"] = _plain(rerun)
        print(f"unchanged re-run: {rerun['median_s']} s")
        if args.towns:
            results["national"] = national(work, args.towns)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write(results, sizes)


def verdicts(results: dict, sizes: list[int]) -> list[tuple[str, str, str, str]]:
    """(target, measured, the target's bound, met or missed)."""
    pages = results["pages"]
    real = pages["real page"]["median_s"] / results["import_floor"]["median_s"]
    checks = [("real page end to end / import floor", f"{real:.2f}", f"≤ {TARGETS['real_page_vs_floor']}",
               real <= TARGETS["real_page_vs_floor"])]
    if 100000 in sizes:
        big = pages["100000 entries"]
        ratio = big["median_s"] / big["frictionless_validate"]["median_s"]
        checks.append(("100k entries end to end (× frictionless validate of its CSV package)",
                       f"{big['median_s']:.1f} s ({ratio:.2f}×)", f"≤ {TARGETS['100k_seconds']:.0f} s",
                       big["median_s"] <= TARGETS["100k_seconds"]))
        # issue 20 states the guardrail twice: 63 s on the machine of the day it was written,
        # and 4.4x frictionless validating the same package alone, which follows the machine
        checks.append(("100k entries end to end / frictionless validate alone", f"{ratio:.2f}",
                       f"≤ {TARGETS['100k_vs_validate']}", ratio <= TARGETS["100k_vs_validate"]))
        checks.append(("100k entries: peak memory, all its processes", f"{big['peak_mb']:.0f} MB",
                       f"≤ {TARGETS['100k_peak_mb']} MB", big["peak_mb"] <= TARGETS["100k_peak_mb"]))
        if 10000 in sizes:
            growth = big["median_s"] / pages["10000 entries"]["median_s"]
            checks.append(("100k / 10k wall time", f"{growth:.1f}", f"≤ {TARGETS['growth_10k_to_100k']}",
                           growth <= TARGETS["growth_10k_to_100k"]))
    if "national" in results and 100000 in sizes:
        run = results["national"]
        ratio = run["total_s"] / pages["100000 entries"]["median_s"]
        checks.append((f"national run of {run['towns']:,} towns of {run['entries_per_town']} entries "
                       "/ 100k-entry page", f"{ratio:.2f}", f"≤ {TARGETS['national_vs_100k']}",
                       ratio <= TARGETS["national_vs_100k"]))
    rerun = results["unchanged_rerun"]["median_s"]
    checks.append(("unchanged re-run", f"{rerun:.3f} s", f"≤ {TARGETS['unchanged_rerun_seconds']} s",
                   rerun <= TARGETS["unchanged_rerun_seconds"]))
    return [(t, m, b, "met" if ok else "missed") for t, m, b, ok in checks]


def _stage_cell(times: dict[str, float]) -> str:
    """``wall / processor`` milliseconds, or the processor time alone of worker processes."""
    if "wall" in times:
        return f"{times['wall']:,.0f} / {times['cpu']:,.0f}"
    return f"{times['cpu']:,.0f}" if times else "—"


def write(results: dict, sizes: list[int]) -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    found = verdicts(results, sizes)
    results["verdicts"] = [{"target": t, "measured": m, "bound": b, "verdict": v} for t, m, b, v in found]
    (docs / "benchmarks.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    floor = results["import_floor"]
    lines = ["# Benchmarks", "", "Measured by `make bench` (`bench/bench.py`) on "
             f"{results['machine']['cpus']} CPUs, Python {results['machine']['python']}. Each "
             "ratio compares the medians of two commands run in turns, in fresh processes, so "
             "that a machine busy with something else slows both alike.", "",
             "## Targets", "", "| target | measured | target | |", "|---|---|---|---|"]
    lines += [f"| {t} | {m} | {b} | {v} |" for t, m, b, v in found]
    lines += ["", "## End to end", "",
              f"Import floor: {floor['median_s']} s (spread {floor['min_s']}–{floor['max_s']} s) "
              "for `python -c \"import frictionless, pyarrow.parquet\"`, the libraries no run "
              f"can do without. Processor time (all processes of a run): the real page "
              f"{results['pages']['real page']['cpu_s']} s against the floor's {floor['cpu_s']} s, "
              f"a ratio of {results['pages']['real page']['cpu_s'] / floor['cpu_s']:.2f}: what "
              "the wall-time ratio tends to when other work keeps both cores busy.", "",
              "| page | entries | rows, all tables | median wall | spread | peak memory, all processes "
              "| peak resident, largest process | frictionless validate (CSV package) alone | ratio |",
              "|---|---|---|---|---|---|---|---|---|"]
    for label, p in results["pages"].items():
        alone = p["frictionless_validate"]["median_s"]
        memory = f"{p['peak_mb']} MB" if p["peak_mb"] else "—"
        lines.append(f"| {label} | {p['entries']:,} | {p['rows']:,} | {p['median_s']} s | "
                     f"{p['min_s']}–{p['max_s']} s | {memory} | {p['maxrss_mb']} MB | {alone} s | "
                     f"{p['median_s'] / alone:.2f} |")
    rerun = results["unchanged_rerun"]
    lines += ["", f"Re-run on an unchanged source with an up-to-date release: {rerun['median_s']} s "
              f"(spread {rerun['min_s']}–{rerun['max_s']} s).", "", "## Where the time goes", "",
              "Milliseconds per stage of the run's own process (`run --timings`, last run of each "
              "page), wall time / processor time: on a machine busy with other work the first "
              "stretches, the second hardly does. The validation runs meanwhile in worker "
              "processes, and their processor time is the last line (the stage \"validate the "
              "staged release\" is only what the run still waits for once the workbook is "
              "written):", ""]
    labels = list(results["pages"])
    stage_names = list(dict.fromkeys(s for p in results["pages"].values() for s in p["stages_ms"]))
    lines += ["| stage | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for stage in stage_names:
        lines.append(f"| {stage} | " + " | ".join(
            _stage_cell(results["pages"][label]["stages_ms"].get(stage, {})) for label in labels) + " |")
    if "national" in results:
        run = results["national"]
        lines += ["", "## National run", "",
                  f"{run['towns']:,} synthetic towns of {run['entries_per_town']} entries each "
                  "(`bench/national.py`), in one fresh process: the imports "
                  f"{run['imports_s']} s, every town's release over the cores {run['towns_s']} s "
                  f"({run['per_town_s']} s a town; one town's own wall time {run['town_wall_median_s']} s, "
                  f"{run['town_wall_min_s']}–{run['town_wall_max_s']} s, while the other cores run "
                  f"other towns), the national release {run['merge_s']} s "
                  f"({run['merge_share']:.0%} of the whole); {run['total_s']} s in all "
                  f"({run['cpu_s']} s of processor time, all its processes), peak memory "
                  f"{run['peak_mb']} MB. Rows stacked: {sum(run['rows'].values()):,}. The "
                  "merge's stages, milliseconds: "
                  + ", ".join(f"{name} {ms:,}" for name, ms in run["merge_stages_ms"].items()) + "."]
    lines += ["", (ROOT / "bench" / "NOTES.md").read_text(encoding="utf-8").strip(), "",
              "## Reproduce", "", "```sh", "make bench            # or: .venv/bin/python bench/bench.py "
              "--sizes 1000,10000,100000 --runs 3", "```", ""]
    (docs / "benchmarks.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {docs / 'benchmarks.md'} and {docs / 'benchmarks.json'}")


if __name__ == "__main__":
    main()
