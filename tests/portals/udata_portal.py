"""A real udata 17 (the software of data.gouv.fr) for the tests, on SecantusDB.

udata needs MongoDB, which no registry here offers; SecantusDB (a MongoDB wire-protocol
server whose storage engine ships in its wheel; a beta, hence the exact pin) serves
everything the publisher does once udata's text indexes are skipped (see
``udata_settings.py``, loaded only by this test portal). Each session starts SecantusDB on
an empty folder, seeds it (``udata_seed.py``: the licences, the town's zone read from
city.toml, a user, an organisation and an API token) and starts ``udata serve``, all on
free loopback ports. Stock udata refuses ``.parquet`` uploads; this instance is left
stock, so the tests see what a portal that refuses a format does.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .processes import Service, answers, free_port, launch, port_open, run, wait_for
from .venvs import ensure_venv

REQUIREMENTS = ("udata==17.18.0", "secantusdb==0.7.0b3")
HERE = Path(__file__).resolve().parent


class Udata:
    name = "udata"

    def __init__(self, cache: Path):
        self.cache = cache
        self.home = cache / "udata"
        self.run_dir = cache / "run"
        self.services: list[Service] = []
        self.marker = str(cache)

    def install(self) -> None:
        ensure_venv(self.home / "venv", REQUIREMENTS, self.home / "install.log")
        self.bin = self.home / "venv" / "bin"

    def start(self, seed: dict) -> dict[str, str]:
        """Start the portal from an empty database; returns its URLs, key and organisation."""
        port, mongo_port = free_port(), free_port()
        for folder in ("db", "files"):
            shutil.rmtree(self.home / folder, ignore_errors=True)
            (self.home / folder).mkdir(parents=True)
        database = launch("secantus", [
            str(self.bin / "secantusd-py"), "--host", "127.0.0.1", "--port", str(mongo_port),
            "--storage-path", str(self.home / "db"), "--standalone", "--log-level", "WARNING"],
            run_dir=self.run_dir, marker=self.marker)
        self.services.append(database)
        wait_for(port_open(mongo_port), "SecantusDB to accept connections", database)
        env = {**os.environ, "UDATA_SETTINGS": str(HERE / "udata_settings.py"),
               "TEST_UDATA_MONGODB": f"mongodb://127.0.0.1:{mongo_port}/udata",
               "TEST_UDATA_SERVER_NAME": f"127.0.0.1:{port}",
               "TEST_UDATA_FILES": str(self.home / "files")}
        out = run([str(self.bin / "python"), str(HERE / "udata_seed.py"), json.dumps(seed)],
                  "seeding udata", self.home / "setup.log", env=env, cwd=self.home)
        seeded = json.loads(out.strip().splitlines()[-1])
        server = launch("udata", [str(self.bin / "udata"), "serve", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-reload", "--no-debugger"],
                        run_dir=self.run_dir, marker=self.marker, env=env, cwd=self.home)
        self.services.append(server)
        url = f"http://127.0.0.1:{port}"
        wait_for(answers(f"{url}/api/1/datasets/extensions/"), "udata to answer", server)
        return {"url": url, "api": f"{url}/api/1", "key": seeded["key"],
                "organization": seeded["organization"]}

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()
        self.services.clear()
