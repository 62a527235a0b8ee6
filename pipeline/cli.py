"""Command line: ``python -m pipeline run | fetch | diff | publish | update | validate``.

One small builder per command (``COMMANDS``), each with its handler. Any problem ends with
one line on standard error and the exit status of its kind (``pipeline/errors.py``; 2 for a
usage error, as argparse does), never with a traceback.

Every command takes ``--town FILE``, the town file (the project's ``city.toml`` by
default): it is read and made the current town before the command does anything, and the
defaults that belong to a town (the release folder, the snapshots' folder, the page to
fetch, the dataset's name) come from it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from .errors import ALARM_EXIT, InputError, PipelineError, ReleaseError, StructureAlarm
from .escape import terminal

_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://")
PUBLISH_DEADLINE = 900.0  # seconds for publish's conversation with a portal


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _town_output(folder: Path | None) -> Path:
    """The folder a command writes or reads: the one given, else the town's release."""
    from .config import config

    return folder if folder is not None else config().release


def _pages_shown(pages: list[Path]) -> str:
    return _shown(pages[0]) + (f" (et {len(pages) - 1} autres pages)" if len(pages) > 1 else "")


def _run(args: argparse.Namespace) -> None:
    from .run import run
    from .timing import Timings

    pages = _local_sources(args.source, args.max_bytes)
    args.output = _town_output(args.output)
    source = pages[0]
    with _progress(f"Lecture de {_pages_shown(pages)} et écriture de la publication…"):
        timings = Timings()
        result = run(pages, args.output, args.previous, allow_unassigned=args.allow_unassigned,
                     min_actions_ratio=args.min_actions_ratio, timings=timings,
                     first_release=args.first_release, max_bytes=args.max_bytes)
    if args.timings:
        print(timings.render(), file=sys.stderr)
    if isinstance(result, str):
        print(f"{_pages_shown(pages)} : inchangée, et {_shown(args.output)} en est déjà la publication "
              f"{result}, faite par ce code : rien à faire")
        return
    if sys.stdout.isatty():
        _summary_table(result, source, args.output, args.previous)
    else:
        _summary_lines(result, source, args.output, args.previous)


def _local_sources(source: str | None, max_bytes: int) -> list[Path]:
    """The snapshots a run reads: the one given, the live page fetched first when given its
    address, or the town's pages (the snapshots its file names, else the last of each page
    in its raw folder)."""
    from .config import config
    from .run import town_pages

    if source and _URL_SCHEME.match(source):  # an address (not a file), http(s) or refused by fetch
        from .fetch import fetch
        fetched = fetch(source, max_bytes=max_bytes)
        print(_fetched_line(fetched))
        return [fetched.path]
    return [Path(source)] if source else town_pages(config())


def _fetched_line(fetched) -> str:
    """What ``fetch`` did, in French: the page, what came of it, the snapshot a run reads."""
    return f"Page {fetched.url} : {fetched.reason} → {_shown(fetched.path)}"


def _summary_lines(result, source: Path, output: Path, previous: Path | None) -> None:
    """The end of a run when its output is read by a program: plain lines."""
    report = result.report
    counts = ", ".join(f"{n} {name}" for name, n in report.rows.items())
    print(f"{_shown(source)} : {counts}")
    if report.source["encoding"] != "utf-8":
        print(f"  lu en {report.source['encoding']} (le fichier n'est pas en UTF-8)")
    for item in report.set_aside:
        print(f"  mis de côté, ligne {item['line']} ({item['reason']}) : {terminal(item['text'])}")
    for item in report.unassigned:
        print(f"  NON ATTRIBUÉ, ligne {item['line']} (publié sans lui) : {terminal(item['text'])}")
    for item in report.warnings:
        print(f"  avertissement, ligne {item['line']} : {terminal(item['message'])}")
    print(_release_line(result.release, output, previous))
    for path in result.release.packages:
        print(f"  valide : {_shown(path)}")
    if summary := _changes_summary(result.release):
        print(summary)


def _changes_summary(outcome) -> str | None:
    """What changed in the release just written, in French (None when nothing was)."""
    from .changes import render_summary

    if outcome.level is None:
        return None
    return render_summary(outcome.version, outcome.level,
                          None if outcome.level == "initial" else outcome.changes.to_json())


def _release_line(outcome, output: Path, previous: Path | None) -> str:
    """What the run did to the output folder, in French. A run compares with the release
    ``--previous`` names, else the output folder's own, else the published ``output/``: a
    new folder continues the published history, and receives a copy of it when nothing
    changed."""
    from .changes import LEVEL_NAMES

    base = outcome.previous
    compared = f" (comparée à {_shown(base)})" if base is not None and \
        base.resolve() != output.resolve() else ""
    if outcome.level is None:
        if not outcome.copied:
            return (f"  aucun changement depuis la publication {outcome.version} : {_shown(output)} "
                    "laissé tel quel")
        return (f"  aucun changement depuis la publication {outcome.version} de {_shown(base)} : "
                f"{_shown(output)} en contient maintenant une copie (--first-release commence un "
                "historique à part)")
    return (f"  publication {outcome.version} ({LEVEL_NAMES[outcome.level]}) écrite dans "
            f"{_shown(output)}{compared}")


def _progress(message: str):
    """A spinner on the terminal while a long step runs; nothing when output is redirected."""
    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console
    return Console(stderr=True).status(message)


def _summary_table(result, source: Path, output: Path, previous: Path | None) -> None:
    """The end of a run on a terminal: rows per table, files, warnings, in colour."""
    from rich.console import Console
    from rich.table import Table

    console, report = Console(), result.report
    table = Table(title=_markup(f"{_shown(source)} ({report.source['encoding']})"), title_justify="left")
    table.add_column("table")
    table.add_column("lignes", justify="right", style="bold")
    for name, count in report.rows.items():
        table.add_row(name, str(count))
    console.print(table)
    files = sum(1 for p in output.rglob("*") if p.is_file()) if output.is_dir() else 0
    console.print(_markup(f"fichiers dans {_shown(output)} : {files} ; mis de côté : "
                          f"{len(report.set_aside)}"))
    for item in report.unassigned:
        console.print(f"[red]non attribué, ligne {item['line']} :[/red] {_markup(item['text'])}")
    for item in report.warnings:
        console.print(f"[yellow]avertissement, ligne {item['line']} :[/yellow] {_markup(item['message'])}")
    colour = "green" if result.release.level else "cyan"
    console.print(f"[{colour}]{_markup(_release_line(result.release, output, previous).strip())}[/{colour}]")
    if summary := _changes_summary(result.release):
        console.print(_markup(summary))


def _markup(text: str) -> str:
    """Page text for rich: control characters shown, and no markup ("[/b]" would stop the
    run, "[link=…]" would make a link)."""
    from rich.markup import escape

    return escape(terminal(text))


def _fetch(args: argparse.Namespace) -> None:
    from .config import config
    from .fetch import fetch

    for url in [args.url] if args.url else [s.url for s in config().sources]:
        fetched = fetch(url, args.raw, max_bytes=args.max_bytes,
                        timeout=(args.timeout, args.timeout), retries=args.retries,
                        deadline=args.deadline)
        print(_fetched_line(fetched))


def _reading(*folders: Path) -> contextlib.ExitStack:
    """The locks of release folders a command reads (in one order, so that two commands
    never wait for each other), so that no run swaps one halfway through the reading."""
    from .layout import Layout, locked

    stack = contextlib.ExitStack()
    # only a release folder: the lock of a package folder would land inside a release
    for folder in sorted({f.resolve() for f in folders if Layout(f).is_release()}):
        stack.enter_context(locked(folder, writing=False))
    return stack


def _diff(args: argparse.Namespace) -> None:
    from .changes import bump, compare, render_diff
    from .release import is_release
    from .validate import check_release

    for folder in (args.old, args.new):
        if not is_release(folder):
            raise ReleaseError(f"{folder} : pas un dossier de publication (aucun */datapackage.json) ; "
                               "donner deux dossiers écrits par `python -m pipeline run`")
    with _reading(args.old, args.new):
        old_version = check_release(args.old)
        check_release(args.new)
        changes = compare(args.old, args.new)
    if changes.level is None:
        print(f"Aucun changement de {_shown(args.old)} ({old_version}) à {_shown(args.new)} : "
              "pas de nouvelle version.")
        return
    print(render_diff(old_version, bump(old_version, changes.level), changes.level,
                      changes.to_json()), end="")


def _publish(args: argparse.Namespace) -> None:
    from .publish import render_done, render_plan, verified_copy

    portal = args.publisher  # a class of the registry (pipeline.publish.PORTALS)
    key = os.environ.get(portal.key_variable) or None  # never printed
    if args.yes and not key:
        raise InputError(f"clé absente : définir la variable d'environnement {portal.key_variable} "
                         "pour publier (la clé n'est lue que là), puis relancer")
    publisher = portal.from_arguments(args, key)  # checks the address and the key first
    wanted = tuple(f.strip() for f in (args.formats or "").split(",") if f.strip())
    from .emit import PACKAGES
    formats = wanted or tuple(fmt.FORMAT for fmt in PACKAGES)
    from .errors import NetworkError
    from .http import Expired, deadline

    from .national import reading

    args.release = _town_output(args.release)
    with reading(args.release), verified_copy(args.release, formats) as bundle:
        name = args.dataset or bundle.name
        print(f"Publication {bundle.version} de {_shown(args.release)} ({', '.join(formats)}) "
              f"→ {publisher.where}, jeu de données {name}")
        try:
            with deadline(args.deadline):  # the whole conversation with the portal
                plan = publisher.plan(bundle, name)
                print(render_plan(plan))
                if not plan.todo:
                    print("Rien à faire : le portail a déjà cette publication.")
                elif not args.yes:
                    print("Essai à blanc : rien n'a été modifié ; relancer avec --yes pour le faire.")
                else:
                    print(render_done(publisher.apply(plan)))
        except Expired:
            raise NetworkError(f"{publisher.where} : pas de fin en {args.deadline:g} s (--deadline) ; "
                               "rien n'a été modifié sur le portail : relancer plus tard, ou avec "
                               "un --deadline plus long") from None


class _Alarm(PipelineError):
    """``update`` published nothing: the page needs a person's look first."""

    exit_code = ALARM_EXIT


def publish_release(publisher, release: Path, formats: tuple[str, ...], dataset: str | None) -> str:
    """Publish ``release`` (``publish --yes``): the plan carried out; what was done, said."""
    from .publish import render_done, render_plan, verified_copy

    with verified_copy(release, formats) as bundle:
        plan = publisher.plan(bundle, dataset or bundle.name)
        if not plan.todo:
            return "le portail a déjà cette publication : rien à envoyer"
        return render_plan(plan) + "\n" + render_done(publisher.apply(plan))


def _update(args: argparse.Namespace) -> None:
    """For a scheduled job: fetch the page, run, and publish only when nothing alarming
    changed; an alarm publishes nothing and ends with its own status (``ALARM_EXIT``)."""
    from .config import config
    from .fetch import fetch
    from .run import run

    portal = args.publisher
    key = os.environ.get(portal.key_variable) or None  # never printed
    if not key:
        raise InputError(f"clé absente : définir la variable d'environnement {portal.key_variable} "
                         "pour publier (la clé n'est lue que là), puis relancer")
    publisher = portal.from_arguments(args, key)
    args.output = _town_output(args.output)
    pages = []
    for url in [args.page_url] if args.page_url else [s.url for s in config().sources]:
        fetched = fetch(url, args.raw, max_bytes=args.max_bytes)
        print(_fetched_line(fetched))
        pages.append(fetched.path)
    try:
        result = run(pages, args.output, None, min_actions_ratio=args.min_actions_ratio,
                     max_bytes=args.max_bytes)
    except StructureAlarm as exc:
        raise _Alarm(f"rien n'a été publié : la page ne se lit plus comme avant ({exc}). À "
                     f"regarder : la page {fetched.url} et le dernier instantané "
                     f"{_shown(fetched.path)} ; si la page a vraiment changé ainsi, lancer "
                     "`python -m pipeline run` avec l'option que le message indique, relire "
                     f"{_shown(args.output / 'CHANGELOG.md')}, puis `publish`") from None
    if isinstance(result, str) or result.release.level is None:
        version = result if isinstance(result, str) else result.release.version
        print(f"Rien de nouveau : {_shown(args.output)} est déjà la publication {version} de "
              "cette page ; rien n'a été publié.")
        return
    summary = _changes_summary(result.release)
    if summary:
        print(summary)
    from .emit import PACKAGES
    wanted = tuple(f.strip() for f in (args.formats or "").split(",") if f.strip())
    formats = wanted or tuple(fmt.FORMAT for fmt in PACKAGES)
    print(publish_release(publisher, args.output, formats, args.dataset))
    print(f"Publication {result.release.version} envoyée sur {publisher.where}.")


def _add_town(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--town", type=Path, metavar="FILE", default=None,
                        help="the town's file (TOML, see the README's \"Another town\"); "
                        "default: the project's city.toml")


def _add_update(update: argparse.ArgumentParser) -> None:
    from .publish import PORTALS
    from .sources import MAX_BYTES

    update.description = (
        "For a scheduled job (cron, systemd timer): fetch the page, run, and publish the new "
        "release with --yes semantics, only when nothing alarming changed. An unchanged page "
        "publishes nothing (exit 0); a page that no longer reads as before (far fewer "
        "actions, text in no record) publishes nothing and exits with status "
        f"{ALARM_EXIT}, saying in French what to look at."
    )
    portals = update.add_subparsers(dest="portal", required=True, metavar="PORTAL")
    for name, portal in PORTALS.items():
        sub = portals.add_parser(name, help=portal.help, description=portal.description)
        portal.add_arguments(sub)
        _add_town(sub)
        sub.add_argument("--page-url", default=None,
                         help="page to fetch (default: every page of the town file)")
        sub.add_argument("--raw", type=Path, metavar="DIR", default=None,
                         help="snapshot folder with its manifest.json (default: the town "
                         "file's)")
        sub.add_argument("--output", type=Path, metavar="DIR", default=None,
                         help="release folder to write and publish (default: the town "
                         "file's)")
        sub.add_argument("--min-actions-ratio", type=float, default=0.5, metavar="R",
                         help="an alarm when the page gives fewer than R times the previous "
                         "release's actions (default: 0.5)")
        sub.add_argument("--max-bytes", type=_bytes, default=MAX_BYTES, metavar="N",
                         help=f"refuse a page larger than this (default: {MAX_BYTES:,})")
        sub.add_argument("--dataset", metavar="NAME",
                         help="the dataset's stable name (default: the packages' name)")
        sub.add_argument("--formats", metavar="LIST",
                         help="data packages to publish, comma-separated (default: all of them)")
        sub.add_argument("--organization", metavar="ORG",
                         help="organisation that owns the dataset (id or name)")
        sub.set_defaults(handler=_update, publisher=portal)


def _validate(args: argparse.Namespace) -> None:
    from .validate import validate_release

    with _reading(args.directory):
        paths = validate_release(args.directory)
    for path in paths:
        print(f"valide : {_shown(path)}")


def _number(kind: type, low: float, what: str):
    """An argparse type: a ``kind`` number of at least ``low`` (a usage error otherwise)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} n'est pas un nombre") from None
        if not value >= low or value != value or value in (float("inf"), float("-inf")):
            raise argparse.ArgumentTypeError(f"{text} n'est pas {what}")
        return value
    return parse


_positive = _number(float, 1e-3, "un nombre de secondes positif")
_retries = _number(int, 0, "un nombre d'essais (0 ou plus)")
_bytes = _number(int, 1, "un nombre d'octets positif")


def _add_run(run: argparse.ArgumentParser) -> None:
    from .emit import PACKAGES, VIEWS
    from .layout import Layout
    from .sources import MAX_BYTES

    from .config import config

    here = Layout(Path("."))
    # the town's stem (release.stem of its file) written as such: the help names no town
    written = ", ".join([f"{fmt.FORMAT}/" for fmt in PACKAGES]
                        + [f.path.replace(f"/{config().stem}.", "/<stem>.")
                           for view in VIEWS for f in view.files(here)]
                        + [here.relative(log) for log in here.logs()])
    run.description = (
        "Parse a snapshot of the page, validate the tables against schemas/ and "
        "write the release into the output folder: one data package per format, the views "
        f"for people, a version, a change log against the previous release and a run report "
        f"({written}). The previous output is replaced only once the new one "
        "has validated, and not at all when nothing changed."
    )
    run.add_argument("--source", metavar="PATH_OR_URL",
                     help="page snapshot (.txt or .html), or an http(s):// URL to fetch into "
                     "raw/ first; default: the town's pages (the snapshots its file names, "
                     "else the last snapshot of each page in its raw folder's manifest.json)")
    _add_town(run)
    run.add_argument("--output", type=Path, metavar="DIR", default=None,
                     help="release folder to write (default: the town file's release folder)")
    run.add_argument("--previous", type=Path, metavar="DIR", default=None,
                     help="release to compare with for the version and change log (default: "
                     "the output folder when it holds a release, else the town's release "
                     "folder; never another town's)")
    run.add_argument("--allow-unassigned", action="store_true",
                     help="publish even when some text of the page went into no record "
                     "(it is listed in the run report); by default such a run fails")
    run.add_argument("--min-actions-ratio", type=float, default=0.5, metavar="R",
                     help="fail when the page gives fewer than R times the previous release's "
                     "actions, a sign that its structure changed (default: 0.5; 0 turns it off)")
    run.add_argument("--max-bytes", type=_bytes, default=MAX_BYTES, metavar="N",
                     help=f"refuse a page larger than this, local or fetched (default: {MAX_BYTES:,})")
    run.add_argument("--first-release", action="store_true",
                     help="write a first release (version 1.0.0), compared with no previous one")
    run.add_argument("--timings", action="store_true",
                     help="print the wall time of each stage on standard error")
    run.set_defaults(handler=_run)


def _add_fetch(fetch: argparse.ArgumentParser) -> None:
    from .fetch import DEADLINE
    from .sources import MAX_BYTES

    fetch.description = (
        "Download the page with a conditional request (ETag/Last-Modified), "
        "retries with backoff on connection errors and 5xx, timeouts and a size limit. "
        "A new version is kept in raw/ under a dated name with its manifest entry; an "
        "unchanged page (304, or the same sha256 as a kept snapshot) adds nothing."
    )
    _add_town(fetch)
    fetch.add_argument("--url", default=None,
                       help="page to fetch (default: every page of the town file)")
    fetch.add_argument("--raw", type=Path, metavar="DIR", default=None,
                       help="snapshot folder with its manifest.json (default: the town "
                       "file's)")
    fetch.add_argument("--timeout", type=_positive, default=30.0, metavar="SECONDS",
                       help="connect and read timeout, per network operation (default: 30)")
    fetch.add_argument("--deadline", type=_positive, default=DEADLINE, metavar="SECONDS",
                       help="the whole download, retries included, must end within this "
                       f"(default: {DEADLINE:g})")
    fetch.add_argument("--retries", type=_retries, default=3, metavar="N",
                       help="retries on connection errors and 5xx (default: 3)")
    fetch.add_argument("--max-bytes", type=_bytes, default=MAX_BYTES, metavar="N",
                       help=f"refuse a page larger than this (default: {MAX_BYTES:,})")
    fetch.set_defaults(handler=_fetch)


def _add_diff(diff: argparse.ArgumentParser) -> None:
    diff.description = (
        "Compare two release folders record by record (by their ids) and print "
        "the change log: rows added, removed and changed (with old and new values), and the "
        "version the change calls for (schema change major, rows added or removed minor, "
        "values changed patch)."
    )
    diff.add_argument("old", type=Path, metavar="OLD_DIR")
    diff.add_argument("new", type=Path, metavar="NEW_DIR")
    _add_town(diff)
    diff.set_defaults(handler=_diff)


def _add_publish(publish: argparse.ArgumentParser) -> None:
    from .publish import PORTALS

    publish.description = (
        "Check a copy of the release (every package valid and holding the same "
        "records, every file the one the run wrote), then compare it with the portal and print "
        "the plan (what would be created, replaced, removed, left alone). Nothing changes "
        "without --yes. Files the portal already holds are not uploaded again. A portal "
        "receives the workbook, one CSV file per table that has rows, one zip archive per "
        "package and of the database, the page's text, the dictionary and the page."
    )
    portals = publish.add_subparsers(dest="portal", required=True, metavar="PORTAL")
    for name, portal in PORTALS.items():
        sub = portals.add_parser(name, help=portal.help, description=portal.description)
        portal.add_arguments(sub)
        sub.add_argument("--dataset", metavar="NAME",
                         help="the dataset's stable name, by which later runs find it again "
                         "(default: the packages' name, the town file's publication.dataset); "
                         "an existing dataset's id or slug works too")
        sub.add_argument("--formats", metavar="LIST",
                         help="data packages to publish, comma-separated (default: all of them): "
                         "their archives, and the CSV tables when csv is one; the workbook, the "
                         "database's archive and the documentation are always published")
        _add_town(sub)
        sub.add_argument("--release", type=Path, default=None, metavar="DIR",
                         help="release folder to publish (default: the town file's)")
        sub.add_argument("--organization", metavar="ORG",
                         help="organisation that owns the dataset (id or name)")
        sub.add_argument("--yes", action="store_true",
                         help="carry the plan out (without it, only print it)")
        sub.add_argument("--deadline", type=_positive, default=PUBLISH_DEADLINE, metavar="SECONDS",
                         help="the whole conversation with the portal (retries and waits "
                         f"included) must end within this (default: {PUBLISH_DEADLINE:g})")
        sub.set_defaults(handler=_publish, publisher=portal)


def _national(args: argparse.Namespace) -> None:
    from .changes import LEVEL_NAMES
    from .national import TOWN_WORDS, merge
    from .timing import Timings

    timings = Timings()
    outcome = merge(args.releases, args.output, timings)
    if args.timings:
        print(timings.render(), file=sys.stderr)
    if outcome.level is None:
        print(f"aucun changement depuis la publication nationale {outcome.version} : "
              f"{_shown(args.output)} laissé tel quel")
    else:
        print(f"publication nationale {outcome.version} ({LEVEL_NAMES[outcome.level]}) écrite "
              f"dans {_shown(args.output)} : {len(outcome.towns)} communes")
    for town in outcome.towns:
        version = f" (publication communale {town.version})" if town.version else ""
        print(f"  {town.insee} {terminal(town.name)} : {TOWN_WORDS[town.status]}{version}")


def _add_national(national: argparse.ArgumentParser) -> None:
    national.description = (
        "Stack towns' releases (folders written by run, one per town) into one national "
        "release: the same packages and views, every table keyed by the town's INSEE code "
        "with its own ids, validated, versioned, with a change log that says what changed in "
        "each town since the previous national release. Refused: a folder that is not a "
        "release, two releases of the same town, releases of different schema versions."
    )
    national.add_argument("releases", type=Path, nargs="+", metavar="RELEASE_DIR")
    national.add_argument("--output", type=Path, metavar="DIR", required=True,
                          help="national release folder to write (a new folder, or the "
                          "previous national release, which is then the base of the change log)")
    national.add_argument("--timings", action="store_true",
                          help="print the wall time of each stage on standard error")
    national.set_defaults(handler=_national)


def _add_validate(validate: argparse.ArgumentParser) -> None:
    validate.description = (
        "Validate with frictionless every data package in DIR (DIR/*/datapackage.json, "
        "or DIR/datapackage.json): types, constraints, keys, file sizes and hashes."
    )
    validate.add_argument("directory", type=Path, metavar="DIR")
    _add_town(validate)
    validate.set_defaults(handler=_validate)


# Each command: its one-line help, and what builds the rest of its parser (its options, and
# what it imports to describe them: the formats, the portals, the fetcher's defaults).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "run": ("parse the page and write the release", _add_run),
    "fetch": ("download the live page into raw/ as a new snapshot", _add_fetch),
    "diff": ("say what changed between two releases", _add_diff),
    "publish": ("upload the release to data.gouv.fr or a CKAN portal", _add_publish),
    "update": ("fetch, run and publish unless something needs a look (scheduled job)", _add_update),
    "validate": ("validate an existing output folder", _add_validate),
    "national": ("stack towns' releases into one national release", _add_national),
}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, only that command's parser is built whole (the
    others are listed with their help), so that a run does not load what ``fetch`` and
    ``publish`` need to describe their options."""
    main = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn a French town's page on twinning and decentralised cooperation "
        "(the town given by its file, --town; the project's city.toml by default) into validated "
        "open data: Frictionless data packages (CSV, Parquet, JSON) and views for people, "
        "published to data.gouv.fr or CKAN.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (summary, build) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary)
        if command is None or command == name:
            build(sub)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        words = sys.argv[1:] if argv is None else argv
        command = next((w for w in words if not w.startswith("-")), None)  # the first word
        args = parser(command if command in COMMANDS else None).parse_args(argv)
        from .config import using
        # the town file, read and checked (it may be malformed) before anything, and the
        # current town for this command only
        with using(getattr(args, "town", None)):  # the national command has none
            args.handler(args)
        sys.stdout.flush()  # a closed pipe must fail here, inside the try, not at exit
    except PipelineError as exc:
        print(f"erreur : {terminal(exc)}", file=sys.stderr)  # it may quote the page
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrompu : la publication précédente est inchangée", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`| head`): stop quietly, as the shell expects
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        # what no stage foresaw (a full disk, a read-only or vanished file): one line, the
        # file and the system's reason, never a traceback
        where = f"{exc.filename} : " if exc.filename else ""
        print(f"erreur : {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        # a fault of the program itself, which some page's text brought out: one line that
        # names it and where, never the page's words; the traceback on request
        if os.environ.get(TRACEBACK_VARIABLE):
            raise
        print(f"erreur interne : {_fault(exc)} ; la publication précédente est inchangée ; "
              f"{TRACEBACK_VARIABLE}=1 montre le détail (à joindre au signalement, avec la page)",
              file=sys.stderr)
        return INTERNAL_EXIT
    return 0


TRACEBACK_VARIABLE = "PIPELINE_TRACEBACK"
INTERNAL_EXIT = 70  # sysexits' EX_SOFTWARE: an internal software error


def _fault(exc: BaseException) -> str:
    """The kind of a fault and the line of the program it was raised at ("KeyError à
    pipeline/narrative.py:1495"), without its message (which may quote the page)."""
    frames = traceback.extract_tb(exc.__traceback__)
    files = [(frame.filename.replace(os.sep, "/"), frame.lineno) for frame in frames]
    ours = [(path, line) for path, line in files if "/pipeline/" in path]
    if not ours:
        return type(exc).__name__
    path, line = ours[-1]
    return f"{type(exc).__name__} à pipeline/{path.rsplit('/pipeline/', 1)[1]}:{line}"
