"""A real CKAN 2.11 for the tests: PostgreSQL, a Solr stand-in and CKAN's own web server.

Installed once into the cache folder: CKAN with its pinned requirements in a venv of its
own, a private PostgreSQL cluster (Debian's ``postgresql``; PostgreSQL refuses to run as
root, so the cluster belongs to the ``postgres`` user when the tests run as root), and a
template database ``ckan_seed`` made by ``ckan db init`` with a sysadmin and an API token.
Each session copies that template into a fresh ``ckan`` database (``createdb -T``: well
under a second), so every session starts from the same empty portal, then starts the Solr
stand-in and ``ckan run`` on free loopback ports, and creates the publisher's organisation.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import requests

from .processes import (PortalSetupError, Service, answers, free_port, launch, port_open, run,
                        wait_for)
from .venvs import ensure_venv

REQUIREMENTS = ("ckan[requirements]==2.11.6",)
ROLE = "ckan"  # the cluster's superuser role, reached over TCP on 127.0.0.1 with trust auth
SEED_DB, DB = "ckan_seed", "ckan"
USER = "publisher"
HERE = Path(__file__).resolve().parent


def postgres_bin() -> Path:
    """The folder of PostgreSQL's server programs (Debian keeps them off the PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not candidates:
        raise PortalSetupError("PostgreSQL is not installed (apt-get install postgresql libpq-dev)")
    return Path(candidates[-1]).parent


def _server_user() -> str | None:
    """Who runs PostgreSQL: ``postgres`` when we are root (it refuses root), else us."""
    return "postgres" if os.geteuid() == 0 else None


def _reachable_by(user: str | None, folder: Path) -> bool:
    if user is None:
        return True
    return subprocess.run(["test", "-x", str(folder), "-a", "-r", str(folder)], user=user,
                          group=user, extra_groups=[], capture_output=True).returncode == 0


class Ckan:
    name = "ckan"

    def __init__(self, cache: Path):
        self.cache = cache
        self.home = cache / "ckan"
        self.run_dir = cache / "run"
        self.services: list[Service] = []
        self.marker = str(cache)

    # --- install ----------------------------------------------------------------------

    def install(self) -> None:
        self.python = ensure_venv(self.home / "venv", REQUIREMENTS, self.home / "install.log")
        self.ckan = self.home / "venv" / "bin" / "ckan"
        self.ini = self.home / "ckan.ini"
        if not self.ini.is_file():
            log = self.home / "setup.log"
            run([str(self.ckan), "generate", "config", str(self.ini) + ".new"], "ckan generate config", log)
            run([str(self.ckan), "config-tool", str(self.ini) + ".new",
                 "ckan.plugins = ",  # no activity stream: nothing the publisher reads
                 "ckan.site_title = CKAN (tests)",
                 "ckan.max_resource_size = 50"], "ckan config-tool", log)
            os.replace(str(self.ini) + ".new", self.ini)

    # --- PostgreSQL -------------------------------------------------------------------

    def _cluster_home(self) -> Path:
        """Where the cluster lives: the cache folder, unless the ``postgres`` user cannot
        reach it (a clone under /root), then a folder of its own under the temp dir."""
        user = _server_user()
        if _reachable_by(user, self.home):
            return self.home / "postgres"
        digest = hashlib.sha256(str(self.home).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"portals-postgres-{digest}"

    def _pg(self, program: str, *args: str) -> list[str]:
        return [str(self.bin / program), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", ROLE, *args]

    def _start_postgres(self) -> None:
        self.bin = postgres_bin()
        user = _server_user()
        cluster = self._cluster_home()
        self.data, self.seed_file = cluster / "data", cluster / "seed.json"
        log = self.home / "setup.log"
        if not (self.data / "PG_VERSION").is_file():
            shutil.rmtree(cluster, ignore_errors=True)
            cluster.mkdir(parents=True)
            if user:
                shutil.chown(cluster, user, user)
            run([str(self.bin / "initdb"), "-D", str(self.data), "-U", ROLE, "--auth=trust",
                 "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb", log, user=user)
        (self.data / "postmaster.pid").unlink(missing_ok=True)  # ours were stopped: stale
        self.pg_port = free_port()
        service = launch("postgres", [
            str(self.bin / "postgres"), "-D", str(self.data), "-c", "listen_addresses=127.0.0.1",
            "-c", f"port={self.pg_port}", "-c", "unix_socket_directories=", "-c", "fsync=off",
            "-c", "full_page_writes=off", "-c", "synchronous_commit=off"],
            run_dir=self.run_dir, marker=str(self.data),
            user=user, stop_signal=signal.SIGINT)  # SIGINT: PostgreSQL's fast shutdown
        self.services.append(service)
        wait_for(lambda: subprocess.run(self._pg("pg_isready", "-d", "postgres"),
                                        capture_output=True).returncode == 0,
                 "PostgreSQL to accept connections", service)

    def _env(self, database: str) -> dict[str, str]:
        return {**os.environ,
                "CKAN_SQLALCHEMY_URL": f"postgresql://{ROLE}@127.0.0.1:{self.pg_port}/{database}",
                "CKAN_SOLR_URL": f"http://127.0.0.1:{self.solr_port}/solr/ckan",
                "CKAN_SITE_URL": f"http://127.0.0.1:{self.port}",
                "CKAN_STORAGE_PATH": str(self.home / "storage")}

    def _make_seed(self) -> str:
        """The template database: CKAN's tables, a sysadmin and its API token."""
        log = self.home / "setup.log"
        run(self._pg("dropdb", "--if-exists", SEED_DB), "dropdb", log)
        run(self._pg("createdb", "-T", "template0", "-E", "UTF8", SEED_DB), "createdb", log)
        env = self._env(SEED_DB)
        ckan = [str(self.ckan), "-c", str(self.ini)]
        run([*ckan, "db", "init"], "ckan db init", log, env=env)
        run([*ckan, "user", "add", USER, f"email={USER}@example.org", "password=Test-password-1"],
            "ckan user add", log, env=env)
        run([*ckan, "sysadmin", "add", USER], "ckan sysadmin add", log, env=env)
        out = run([*ckan, "user", "token", "add", USER, "tests"], "ckan user token add", log, env=env)
        token = [line.strip() for line in out.splitlines() if line.strip()][-1]
        self.seed_file.write_text(json.dumps({"key": token}))
        return token

    # --- start and stop ---------------------------------------------------------------

    def start(self, organization: tuple[str, str]) -> dict[str, str]:
        """Start the portal; returns its URL, API key and organisation name."""
        self.port, self.solr_port = free_port(), free_port()
        self._start_postgres()
        try:
            key = json.loads(self.seed_file.read_text())["key"]
        except (OSError, ValueError, KeyError):
            key = self._make_seed()
        log = self.home / "setup.log"
        run(self._pg("dropdb", "--if-exists", DB), "dropdb", log)
        run(self._pg("createdb", "-T", SEED_DB, DB), "createdb from the template", log)
        shutil.rmtree(self.home / "storage", ignore_errors=True)
        (self.home / "storage").mkdir()
        solr = launch("solr", [sys.executable, str(HERE / "solr_standin.py"), str(self.solr_port),
                               self.marker],
                      run_dir=self.run_dir, marker=self.marker)
        self.services.append(solr)
        wait_for(port_open(self.solr_port), "the Solr stand-in", solr)
        server = launch("ckan", [str(self.ckan), "-c", str(self.ini), "run", "-H", "127.0.0.1",
                                 "-p", str(self.port), "--disable-reloader", "--disable-debugger",
                                 "--threaded"],
                        run_dir=self.run_dir, marker=self.marker, env=self._env(DB), cwd=self.home)
        self.services.append(server)
        url = f"http://127.0.0.1:{self.port}"
        wait_for(answers(f"{url}/api/3/action/status_show"), "CKAN to answer", server)
        name, title = organization
        answer = requests.post(f"{url}/api/3/action/organization_create",
                               json={"name": name, "title": title},
                               headers={"Authorization": key}, timeout=30)
        if answer.status_code != 200:
            raise PortalSetupError(f"CKAN organization_create: {answer.status_code} {answer.text[:300]}")
        return {"url": url, "api": url, "key": key, "organization": name}

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()
        self.services.clear()
