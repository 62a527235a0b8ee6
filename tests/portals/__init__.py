"""Real CKAN and udata portals for the tests, installed and started by the test suite.

``running_portals()`` installs what is missing into the git-ignored cache folder
``.portals/`` of the repository (both venvs at once: about a minute from nothing), starts
both portals on free 127.0.0.1 ports from an empty state (well under a minute once
installed), yields what the tests need to reach them, and stops every process it started,
whatever happens. ``python -m tests.portals install|start|stop`` does the same by hand
(``make portals``, ``make portals-stop``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import sysconfig
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import config
from pipeline.text import slug

from .ckan_portal import Ckan, postgres_bin
from .processes import PortalSetupError, locked, stop_all_stale
from .udata_portal import Udata
from .venvs import portal_python

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("PORTALS_CACHE") or ROOT / ".portals")
DEBIAN_PACKAGES = "postgresql libpq-dev python3-dev gcc"


class PortalsUnavailable(PortalSetupError):
    """This machine lacks a system package the portals need (``.ci/run`` installs them)."""


@dataclass(frozen=True)
class Portal:
    name: str          # "ckan" or "udata"
    url: str           # the portal's root
    api: str           # what the publisher is given: CKAN's root, udata's /api/1
    key: str           # a sysadmin's (CKAN) or an organisation admin's (udata) API key
    organization: str  # the publisher's organisation on the portal (name or slug)


def check_system() -> None:
    """Say plainly what is missing, before a long install fails on it."""
    missing = []
    try:
        postgres_bin()
    except PortalSetupError:
        missing.append("postgresql")
    if shutil.which("pg_config") is None:
        missing.append("libpq-dev")
    if shutil.which("gcc") is None and shutil.which("cc") is None:
        missing.append("gcc")
    python = portal_python()
    include = sysconfig.get_paths()["include"] if python == getattr(sys, "_base_executable", None) \
        else None
    if include is not None and not (Path(include) / "Python.h").is_file():
        missing.append("python3-dev")
    if missing:
        raise PortalsUnavailable(f"missing {', '.join(missing)}: apt-get install {DEBIAN_PACKAGES}")


def seeds() -> tuple[dict, tuple[str, str]]:
    """What the portals hold before a test: the publisher's organisation and, for udata,
    the licence and zone the publisher sends, read from the pipeline, not typed again."""
    from pipeline.publish.datagouv import LICENCES

    settings = config()
    zone = settings.town.zone
    udata = {
        "licenses": [{"id": lid, "title": lid, "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}
                     for lid in sorted(set(LICENCES.values()))],
        "zone": {"id": zone, "slug": slug(settings.town.name), "name": settings.town.name,
                 "code": settings.town.insee, "level": zone.rsplit(":", 1)[0]},
        "email": "publisher@example.org",
        "organization": settings.publisher,
    }
    return udata, (slug(settings.publisher), settings.publisher)


def _record(what: str, seconds: float) -> None:
    with (CACHE / "timings.log").open("a") as log:
        log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')}  {what}: {seconds:.1f} s\n")


def install(ckan: Ckan, udata: Udata) -> None:
    """Both venvs at once (pip waits on the network and on the compiler, not on each other)."""
    check_system()
    started = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(ckan.install), pool.submit(udata.install)]:
            future.result()
    _record("install (both venvs, nothing to do when cached)", time.monotonic() - started)


@contextlib.contextmanager
def running_portals(cache: Path = CACHE) -> Iterator[dict[str, Portal]]:
    """Both portals, started for the duration of the ``with`` block."""
    cache.mkdir(parents=True, exist_ok=True)
    with locked(cache / "lock"):
        stop_all_stale(cache / "run")
        ckan, udata = Ckan(cache), Udata(cache)
        try:
            install(ckan, udata)
            started = time.monotonic()
            udata_seed, organization = seeds()
            # started one after the other, from this thread: a child is told to stop when
            # the thread that started it ends (PR_SET_PDEATHSIG)
            portals = {
                "ckan": Portal("ckan", **ckan.start(organization)),
                "udata": Portal("udata", **udata.start(udata_seed)),
            }
            _record("start (both portals)", time.monotonic() - started)
            yield portals
        finally:
            udata.stop()
            ckan.stop()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "start"
    try:
        if command == "install":
            install(Ckan(CACHE), Udata(CACHE))
        elif command == "stop":
            stop_all_stale(CACHE / "run")
        elif command == "start":
            # stop cleanly on Ctrl-C and on kill (a background job ignores SIGINT otherwise)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            with running_portals() as portals:
                for portal in portals.values():
                    print(json.dumps(portal.__dict__))
                print("portals running; Ctrl-C stops them", file=sys.stderr)
                with contextlib.suppress(KeyboardInterrupt):
                    while True:
                        time.sleep(3600)
        else:
            print("usage: python -m tests.portals install|start|stop", file=sys.stderr)
            return 2
    except PortalSetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
