"""data.gouv.fr, through the udata API v1.

What udata does, read from its source (``udata/core/dataset/api.py``):
``GET /datasets/{id or slug}/`` returns the dataset with all its resources (404 when
missing or private, 410 when deleted); ``POST /datasets/`` creates one and ``PUT
/datasets/{id}/`` updates it; ``POST /datasets/{id}/upload/`` uploads a file as a new
resource (201), titled with the file's name; ``POST /datasets/{id}/resources/{rid}/upload/``
replaces the file of a resource and keeps its id and URL; ``PUT
/datasets/{id}/resources/{rid}/`` updates its metadata. A resource's ``checksum`` is
``{"type": …, "value": …}`` (sha1 for uploads), computed by the portal, so the local file
is hashed with whatever type the portal reports. The key goes in the ``X-API-KEY`` header.
"""

from __future__ import annotations

from typing import Any

import requests

from ..errors import PipelineError
from ..http import session
from . import DATAGOUV_API, SPATIAL_ZONE, LocalFile, Release, Step, differing, file_step

DEFAULT_API = DATAGOUV_API
LICENCES = {"etalab-2.0": "lov2"}  # Licence Ouverte / Open Licence 2.0 on data.gouv.fr
FREQUENCY = "irregular"  # the city edits the page a few times a year, at no fixed date


class DataGouv:
    portal = "data.gouv.fr"

    def __init__(self, dataset: str, api_url: str = DEFAULT_API, key: str | None = None,
                 organization: str | None = None, retries: int = 3, backoff: float = 0.5):
        self.dataset = dataset
        self.api = api_url.rstrip("/")
        self.organization = organization
        # Only idempotent calls are retried: a repeated upload could make a duplicate.
        self.http = session(retries, backoff, methods=frozenset({"GET", "HEAD", "PUT"}))
        if key:
            self.http.headers["X-API-KEY"] = key
        self.dataset_id: str | None = None

    # --- HTTP --------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = f"{self.api}{path}"
        try:
            response = self.http.request(method, url, timeout=(10, 120), **kwargs)
        except requests.exceptions.RequestException as exc:
            raise PipelineError(f"{self.portal}: cannot reach {url} ({type(exc).__name__})") from None
        if response.status_code in (401, 403):
            raise PipelineError(
                f"{self.portal} refused the request ({response.status_code}): the API key in "
                "DATAGOUV_API_KEY is missing, wrong, or not allowed to edit this dataset")
        if response.status_code == 413:
            raise PipelineError(f"{self.portal}: the file is too large for the portal (413)")
        if response.status_code >= 500:
            raise PipelineError(f"{self.portal} answered {response.status_code} for {method} {path}"
                                + (" after retries" if method in ("GET", "PUT") else ""))
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self._call(method, path, **kwargs)
        if response.status_code >= 400:
            raise PipelineError(f"{self.portal} answered {response.status_code} for {method} "
                                f"{path}: {response.text[:200]}")
        return response.json()

    # --- What the dataset should say ----------------------------------------------------

    def dataset_metadata(self, release: Release) -> dict[str, Any]:
        metadata: dict[str, Any] = {
            "title": release.title,
            "description": release.description,
            "license": LICENCES.get(release.license, release.license),
            "frequency": FREQUENCY,
            "spatial": {"zones": [SPATIAL_ZONE]},
            "tags": release.tags,
        }
        if release.temporal:
            first, last = release.temporal
            metadata["temporal_coverage"] = {"start": f"{first}-01-01", "end": f"{last}-12-31"}
        if self.organization:
            metadata["organization"] = self.organization
        return metadata

    @staticmethod
    def resource_metadata(file: LocalFile) -> dict[str, Any]:
        return {"title": file.title, "description": file.description, "format": file.format,
                "mime": file.mime, "type": "main"}

    @staticmethod
    def _normalise(key: str, have: Any, value: Any, current: dict[str, Any]) -> tuple[Any, Any]:
        if key == "spatial":
            zones = (have or {}).get("zones") or []
            return {"zones": [z if isinstance(z, str) else z.get("id") for z in zones]}, value
        if key == "organization" and isinstance(have, dict):
            return (have.get("id") if have.get("id") == value else have.get("slug")), value
        if key == "temporal_coverage" and isinstance(have, dict):
            return {k: (have.get(k) or "")[:10] for k in ("start", "end")}, value
        return have, value

    def _differs(self, wanted: dict[str, Any], current: dict[str, Any]) -> list[str]:
        return differing(wanted, current, self._normalise)

    # --- Plan and apply -----------------------------------------------------------------

    def plan(self, release: Release) -> list[Step]:
        wanted = self.dataset_metadata(release)
        response = self._call("GET", f"/datasets/{self.dataset}/")
        if response.status_code in (404, 410):
            steps = [Step("create dataset", release.title,
                          f"no dataset {self.dataset!r} on the portal; udata will choose its slug, "
                          "so publish later runs to the id this run prints", payload=wanted)]
            steps += [Step("upload", f.title, "new file", file=f) for f in release.files]
            return steps
        if response.status_code >= 400:
            raise PipelineError(f"{self.portal} answered {response.status_code} for the dataset")
        dataset = response.json()
        self.dataset_id = dataset["id"]
        steps = []
        differing = self._differs(wanted, dataset)
        if differing:
            steps.append(Step("update dataset", dataset.get("title", ""),
                              "changed: " + ", ".join(differing), payload=wanted))
        by_title = {r.get("title"): r for r in dataset.get("resources", [])}
        for file in release.files:
            current = by_title.get(file.title)
            checksum = (current or {}).get("checksum") or {}
            same = bool(checksum.get("value")) and checksum["value"] == file.digest(
                checksum.get("type") or "sha1")
            meta = self._differs(self.resource_metadata(file), current) if current else []
            steps.append(file_step(file, current, same, meta))
        return steps

    def apply(self, steps: list[Step], release: Release) -> None:
        for step in steps:
            if step.action == "create dataset":
                created = self._json("POST", "/datasets/", json=step.payload)
                self.dataset_id = created["id"]
                print(f"created dataset {created['id']} ({created.get('slug')}): use this id "
                      "with --dataset from now on")
            elif step.action == "update dataset":
                self._json("PUT", f"/datasets/{self.dataset_id}/", json=step.payload)
            elif step.action in ("upload", "replace file"):
                path = (f"/datasets/{self.dataset_id}/upload/" if step.action == "upload" else
                        f"/datasets/{self.dataset_id}/resources/{step.resource_id}/upload/")
                resource = self._upload(path, step.file)
                self._check(resource, step.file)
                if self._differs(self.resource_metadata(step.file), resource):
                    self._json("PUT", f"/datasets/{self.dataset_id}/resources/{resource['id']}/",
                               json=self.resource_metadata(step.file))
            elif step.action == "update metadata":
                self._json("PUT", f"/datasets/{self.dataset_id}/resources/{step.resource_id}/",
                           json=self.resource_metadata(step.file))
            if step.changes_something:
                print(f"  {step.action}: {step.target}")

    def _upload(self, path: str, file: LocalFile) -> dict[str, Any]:
        with file.path.open("rb") as handle:
            return self._json("POST", path, files={"file": (file.title, handle, file.mime)})

    def _check(self, resource: dict[str, Any], file: LocalFile) -> None:
        """The portal's checksum of what it received must be the local file's."""
        checksum = resource.get("checksum") or {}
        if not checksum.get("value"):
            raise PipelineError(f"{self.portal} returned no checksum for {file.title}")
        if checksum["value"] != file.digest(checksum.get("type") or "sha1"):
            raise PipelineError(f"{self.portal}: the uploaded {file.title} does not match the "
                                "local file (checksum differs); publish again")
