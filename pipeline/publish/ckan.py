"""CKAN portals, through the action API with the ckanapi client.

``package_show`` tells whether the dataset exists; ``package_create`` or ``package_patch``
make its metadata right; each file is a resource matched by name, created with
``resource_create`` or re-uploaded with ``resource_patch`` only when its ``hash`` (which
this publisher sets to the file's sha256) differs. The token goes in the ``Authorization``
header (ckanapi does that).
"""

from __future__ import annotations

import re
from typing import Any

import requests
from ckanapi import CKANAPIError, NotAuthorized, NotFound, RemoteCKAN, ValidationError

from ..errors import PipelineError
from ..http import session, user_agent
from . import LocalFile, Release, Step, differing, file_step

# Licence Ouverte 2.0 has no id among CKAN's default licences: it is an attribution
# licence, compatible with CC-BY 2.0, so it maps to "other-at" unless told otherwise.
LICENCES = {"etalab-2.0": "other-at"}


class Ckan:
    portal = "CKAN"

    def __init__(self, url: str, dataset: str, token: str | None = None,
                 organization: str | None = None, license_id: str | None = None,
                 retries: int = 3, backoff: float = 0.5):
        self.portal = f"CKAN ({url})"
        self.dataset = dataset
        self.organization = organization
        self.license_id = license_id
        agent = user_agent()
        # reads go by GET and are retried; writes go by POST, once
        self.reader = RemoteCKAN(url, apikey=token, user_agent=agent, get_only=True,
                                 session=session(retries, backoff))
        # (an empty allowed_methods would mean "retry every verb" to urllib3: no retries at all)
        self.writer = RemoteCKAN(url, apikey=token, user_agent=agent, session=session(0))
        self.package_id: str | None = None

    def _call(self, client: RemoteCKAN, action: str, data: dict[str, Any],
              files: dict[str, Any] | None = None) -> Any:
        try:
            return client.call_action(action, data, files=files,
                                      requests_kwargs={"timeout": (10, 120)})
        except NotAuthorized:
            raise PipelineError(f"{self.portal} refused the request ({action}): the token in "
                                "CKAN_API_TOKEN is missing, wrong, or not allowed to do this") from None
        except ValidationError as exc:
            raise PipelineError(f"{self.portal} rejected {action}: {exc.error_dict}") from None
        except NotFound:
            raise
        except CKANAPIError as exc:
            status = re.search(r"', (\d{3}), ", repr(exc.args))
            code = status.group(1) if status else "an unexpected answer"
            hint = " (the file is too large for the portal)" if code == "413" else ""
            raise PipelineError(f"{self.portal} answered {code} to {action}{hint}") from None
        except requests.exceptions.RequestException as exc:
            raise PipelineError(f"{self.portal}: cannot reach it ({type(exc).__name__})") from None

    def package_metadata(self, release: Release) -> dict[str, Any]:
        metadata: dict[str, Any] = {
            "name": self.dataset,
            "title": release.title,
            "notes": release.description,
            "license_id": self.license_id or LICENCES.get(release.license, release.license),
            "version": release.version,
            "tags": [{"name": t} for t in release.tags],
        }
        if self.organization:
            metadata["owner_org"] = self.organization
        return metadata

    @staticmethod
    def resource_metadata(file: LocalFile) -> dict[str, Any]:
        return {"name": file.title, "description": file.description, "format": file.format.upper(),
                "mimetype": file.mime, "hash": "sha256:" + file.digest("sha256")}

    @staticmethod
    def _normalise(key: str, have: Any, value: Any, current: dict[str, Any]) -> tuple[Any, Any]:
        if key == "tags":
            return sorted(t.get("name") for t in have or []), sorted(t["name"] for t in value)
        if key == "owner_org" and current.get("organization"):
            org = current["organization"]
            return (value if value in (org.get("id"), org.get("name")) else org.get("name")), value
        return have, value

    def _differs(self, wanted: dict[str, Any], current: dict[str, Any]) -> list[str]:
        return differing(wanted, current, self._normalise)

    def plan(self, release: Release) -> list[Step]:
        wanted = self.package_metadata(release)
        try:
            package = self._call(self.reader, "package_show", {"id": self.dataset})
        except NotFound:
            steps = [Step("create dataset", self.dataset, "no such dataset yet", payload=wanted)]
            return steps + [Step("upload", f.title, "new file", file=f) for f in release.files]
        self.package_id = package["id"]
        steps = []
        differing = self._differs(wanted, package)
        if differing:
            steps.append(Step("update dataset", self.dataset, "changed: " + ", ".join(differing),
                              payload=wanted))
        by_name = {r.get("name"): r for r in package.get("resources", [])}
        for file in release.files:
            current = by_name.get(file.title)
            wanted_resource = self.resource_metadata(file)
            same = current is not None and current.get("hash") == wanted_resource["hash"]
            meta = self._differs(wanted_resource, current) if current else []
            steps.append(file_step(file, current, same, meta))
        return steps

    def apply(self, steps: list[Step], release: Release) -> None:
        for step in steps:
            if step.action == "create dataset":
                self.package_id = self._call(self.writer, "package_create", step.payload)["id"]
            elif step.action == "update dataset":
                self._call(self.writer, "package_patch", {"id": self.package_id or self.dataset,
                                                          **step.payload})
            elif step.action in ("upload", "replace file"):
                data = self.resource_metadata(step.file)
                data.update({"package_id": self.package_id} if step.action == "upload"
                            else {"id": step.resource_id})
                action = "resource_create" if step.action == "upload" else "resource_patch"
                with step.file.path.open("rb") as handle:
                    resource = self._call(self.writer, action, data,
                                          files={"upload": (step.file.title, handle)})
                size = step.file.path.stat().st_size
                if resource.get("hash") != data["hash"] or resource.get("size") not in (None, size):
                    raise PipelineError(f"{self.portal}: {step.file.title} was not stored as sent "
                                        f"(size {resource.get('size')}, expected {size}); publish again")
            elif step.action == "update metadata":
                self._call(self.writer, "resource_patch",
                           {"id": step.resource_id, **self.resource_metadata(step.file)})
            if step.changes_something:
                print(f"  {step.action}: {step.target}")
