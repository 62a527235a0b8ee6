"""Publishing a release to open-data portals: data.gouv.fr (udata) and CKAN.

Every portal is one module with the same small interface, as frictionless does for its
portals: a class built from the command line's options with ``plan(release)``, which only
reads the portal and returns the steps it would take, and ``apply(steps)``, which takes
them. ``publish`` validates the release first, prints the plan, and applies it only when
asked (``--yes``). A third portal is one new module.

Resources are matched by title (data.gouv.fr) or name (CKAN), which is also the name the
file is uploaded under, so that a run cut short and run again finds what the first one did
and duplicates nothing; a file whose checksum on the portal equals the local one is left
alone, so publishing the same release twice uploads nothing the second time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import PipelineError
from ..text import slug

FORMATS = ("csv", "parquet", "json")
DATAGOUV_API = "https://www.data.gouv.fr/api/1"
SPATIAL_ZONE = "fr:commune:94041"  # Ivry-sur-Seine, INSEE 94041


@dataclass(frozen=True)
class LocalFile:
    """A file of the release, as it is to appear on a portal."""

    title: str  # also the uploaded file's name: "actions.csv", "datapackage-csv.json"
    path: Path
    format: str
    mime: str
    description: str

    def digest(self, algorithm: str) -> str:
        return hashlib.new(algorithm, self.path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Release:
    folder: Path
    version: str
    title: str
    description: str
    tags: list[str]
    license: str
    temporal: tuple[int, int] | None
    files: list[LocalFile]


@dataclass
class Step:
    action: str  # "create dataset", "update dataset", "upload", "replace file", "update metadata", "keep"
    target: str
    detail: str = ""
    file: LocalFile | None = None
    resource_id: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def changes_something(self) -> bool:
        return self.action != "keep"


def differing(wanted: dict[str, Any], current: dict[str, Any], normalise: Any = None) -> list[str]:
    """The keys of ``wanted`` whose value the portal holds differently. ``normalise(key,
    have, value, current)`` returns both sides as the portal's own conventions make them
    comparable (tags as names, zones as ids…)."""
    found = []
    for key, value in wanted.items():
        have = current.get(key)
        if normalise is not None:
            have, value = normalise(key, have, value, current)
        if have != value:
            found.append(key)
    return found


def file_step(file: LocalFile, current: dict[str, Any] | None, same_content: bool,
              differing_metadata: list[str]) -> Step:
    """What to do with one file, whatever the portal: upload it when the portal has no
    resource of that name, replace the file when its content differs, else update the
    metadata when they differ, else leave it alone."""
    if current is None:
        return Step("upload", file.title, "new file", file=file)
    if not same_content:
        return Step("replace file", file.title, "file changed", file=file, resource_id=current["id"])
    if differing_metadata:
        return Step("update metadata", file.title, "changed: " + ", ".join(differing_metadata),
                    file=file, resource_id=current["id"])
    return Step("keep", file.title, "same checksum", file=file, resource_id=current["id"])


class Publisher(Protocol):
    portal: str

    def plan(self, release: Release) -> list[Step]: ...

    def apply(self, steps: list[Step], release: Release) -> None: ...


def load_release(folder: Path, formats: tuple[str, ...] = FORMATS) -> Release:
    """The release in ``folder``, validated, with the files of the chosen formats."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise PipelineError(f"unknown format(s) {sorted(unknown)}; choose among {', '.join(FORMATS)}")
    from ..validate import validate_release  # frictionless: loaded when publishing, not before
    validate_release(folder)  # only a release that validates can be published
    files = []
    for fmt in formats:
        descriptor_path = folder / fmt / "datapackage.json"
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            files.append(LocalFile(
                resource["path"], folder / fmt / resource["path"], fmt, resource["mediatype"],
                f"{resource.get('title', resource['name'])} ({fmt.upper()}) : "
                f"{resource['schema'].get('description', '')}",
            ))
        files.append(LocalFile(f"datapackage-{fmt}.json", descriptor_path, "json",
                               "application/json",
                               f"Descripteur Frictionless du paquet {fmt.upper()} : schémas, "
                               "licence, source, empreintes des fichiers."))
    descriptor = json.loads((folder / "json" / "datapackage.json").read_text(encoding="utf-8"))
    actions = json.loads((folder / "json" / "actions.json").read_text(encoding="utf-8"))
    starts = [a["start_year"] for a in actions if a["start_year"]]
    ends = [a["end_year"] or a["start_year"] for a in actions if a["start_year"]]
    readme = folder / "README.md"  # the data dictionary, in Markdown, which portals render
    description = readme.read_text(encoding="utf-8") if readme.is_file() else descriptor["description"]
    return Release(
        folder, descriptor.get("version", ""), descriptor["title"], description,
        [slug(k) for k in descriptor.get("keywords", [])], descriptor["licenses"][0]["name"],
        (min(starts), max(ends)) if starts else None, files,
    )


def render_plan(steps: list[Step], portal: str) -> str:
    width = max((len(s.action) for s in steps), default=0)
    lines = [f"{s.action:<{width}}  {s.target}" + (f"  ({s.detail})" if s.detail else "")
             for s in steps]
    todo = sum(1 for s in steps if s.changes_something)
    lines.append(f"{portal}: {todo} change(s), {len(steps) - todo} file(s) already up to date")
    return "\n".join(lines)


def publish(publisher: Publisher, release: Release, yes: bool) -> list[Step]:
    """Print the plan; carry it out only with ``yes``."""
    steps = publisher.plan(release)
    print(render_plan(steps, publisher.portal))
    if not any(s.changes_something for s in steps):
        print("nothing to do: the portal already holds this release")
    elif yes:
        publisher.apply(steps, release)
        print(f"done: release {release.version} published on {publisher.portal}")
    else:
        print("dry run: nothing was changed; run again with --yes to do it")
    return steps
