"""The one interface of a portal, and the plan every portal follows.

A portal is a :class:`Publisher`: a handful of typed reads (find the dataset, list its
resources, tell whether a resource holds a file's content), the metadata it should carry,
and a handful of writes (create or update the dataset, upload a file, update a resource's
metadata, put resources in order). The plan (what to create, replace, update or leave
alone) and its execution are written once, here, for every portal.

How a file is found again on a portal, whatever its title has become: by its stable key,
its path in the release (``csv/actions.csv``), stored with the resource (udata's
``extras``, a CKAN resource field); failing that (a resource uploaded by an earlier
version, which titled resources with the uploaded file's name), by that name.
"""

from __future__ import annotations

import argparse
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, ClassVar, Literal

from ..errors import NetworkError, PipelineError, PortalError
from ..http import Expired
from ..sources import public_url
from .bundle import Bundle, LocalFile

Action = Literal["create dataset", "update dataset", "upload", "replace file", "update metadata",
                 "remove", "reorder", "keep", "skip"]
# What the plan and the report say of each step, in French as the other commands speak.
ACTION_WORDS: dict[str, str] = {
    "create dataset": "créer le jeu de données",
    "update dataset": "mettre à jour le jeu de données",
    "upload": "envoyer",
    "replace file": "remplacer le fichier",
    "update metadata": "mettre à jour la fiche",
    "remove": "retirer",
    "reorder": "remettre en ordre",
    "keep": "garder",
    "skip": "laisser de côté",
}
# What a report says was done: the step's target, then this.
DONE_WORDS: dict[str, str] = {
    "create dataset": "créé", "update dataset": "mis à jour", "upload": "envoyé",
    "replace file": "remplacé", "update metadata": "fiche mise à jour", "remove": "retiré",
    "reorder": "remis en ordre", "keep": "gardé", "skip": "laissé de côté",
}
Resource = dict[str, Any]
Dataset = dict[str, Any]
# A text format a portal may refuse under its own extension, and the one it is sent as.
TEXT_FALLBACK = {"md": "txt"}
# What reading an answer of an unexpected shape raises (a list where an object was, a
# string where a number was, JSON nested past what Python parses) once it got past the
# portals' own checks: one line about the portal, never a traceback.
UNREADABLE = (TypeError, AttributeError, KeyError, ValueError, IndexError, RecursionError)


@dataclass(frozen=True)
class Step:
    """One thing the plan does (or leaves alone) on the portal."""

    action: Action
    target: str  # the dataset's name or the file's title
    detail: str = ""
    file: LocalFile | None = None
    resource: Resource | None = None  # the portal's resource, when there is one
    upload_name: str = ""  # the name the file is uploaded under

    @property
    def changes_something(self) -> bool:
        return self.action not in ("keep", "skip")


@dataclass
class Plan:
    portal: str
    name: str  # the dataset's stable name
    dataset: Dataset | None  # as the portal holds it, when it exists
    steps: list[Step] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)  # what the dataset should say

    @property
    def todo(self) -> list[Step]:
        return [s for s in self.steps if s.changes_something]


@dataclass
class Done:
    """What :meth:`Publisher.apply` did."""

    portal: str
    dataset_id: str
    page: str | None  # the dataset's address for people, when the portal gives one
    steps: list[Step]


def upload_names(files: list[LocalFile]) -> dict[str, str]:
    """The name each file is uploaded under: its own when no other file has it, else with
    its folder (the three ``datapackage.json`` become ``datapackage-csv.json``…).

    >>> from pipeline.layout import ReleaseFile
    >>> from pathlib import Path
    >>> f = lambda p: LocalFile(ReleaseFile(p, "data", "", "", "", ""), Path(p))
    >>> names = upload_names([f("csv/actions.csv"), f("csv/datapackage.json"), f("json/datapackage.json")])
    >>> list(names.values())
    ['actions.csv', 'datapackage-csv.json', 'datapackage-json.json']
    """
    names = [PurePosixPath(f.key).name for f in files]
    result = {}
    for file, name in zip(files, names, strict=True):
        path = PurePosixPath(file.key)
        if names.count(name) > 1 and len(path.parts) > 1:
            name = f"{path.stem}-{path.parts[0]}{path.suffix}"
        result[file.key] = name
    return result


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lstrip(".").lower()


def describe(bundle: Bundle, shown: list[LocalFile]) -> str:
    """The dataset's description on a portal, in French, in Markdown: what the data is,
    where it comes from, whom to write to, and the files that are on this portal, and only
    those. It is made from the packages' metadata, the files' titles and the town's
    configuration, never from the page's text."""
    origin = bundle.origin
    source = origin.get("title", "")
    if origin.get("path"):
        source += f", <{public_url(str(origin['path']))}>"
    if origin.get("retrieved"):
        source += f", instantané du {str(origin['retrieved'])[:10]}"
    licence = bundle.licence
    contact = bundle.contact
    lines = [bundle.description, "",
             f"- **Source** : {source}.",
             f"- **Éditeur** : {bundle.publisher}.",
             *([f"- **Contact** : {contact.name}, <{contact.email}>."]
               if contact is not None and contact.email else []),
             f"- **Licence** : [{licence.get('title', licence.get('name', ''))}]({licence.get('path', '')}).",
             f"- **Version** : {bundle.version}.",
             *(["", f"**Méthode et limites** : {bundle.methodology}"] if bundle.methodology else []),
             "", "**Fichiers de ce jeu de données** :", ""]
    tables: dict[str, list[str]] = {}
    for file in shown:
        if file.file.kind == "data" and file.file.format in bundle.labels:
            label = bundle.labels[file.file.format]
            tables.setdefault(label, []).append(file.title.removesuffix(f" ({label})"))
    for file in shown:
        if file.file.kind == "view":
            lines.append(f"- **{file.title}** : {file.file.description}")
    for label, titles in tables.items():
        empty = (f" Sans ligne dans cette version, donc seulement dans les paquets complets : "
                 f"{', '.join(bundle.empty)}.") if bundle.empty else ""
        lines.append(f"- **Tables en {label}** : {', '.join(titles)}.{empty}")
    for file in shown:
        if file.file.kind == "data" and file.file.format not in bundle.labels:
            lines.append(f"- **{file.title}** : {file.file.description}")
    for file in shown:
        if file.file.kind == "documentation":
            lines.append(f"- **{file.title}** : {file.file.description}")
    return "\n".join(lines) + "\n"


class Publisher(ABC):
    """A portal: its place in the command line, its reads, its writes."""

    name: ClassVar[str]  # the command line's word for it: "datagouv", "ckan"
    label: ClassVar[str]  # its name for people
    key_variable: ClassVar[str]  # the environment variable that holds the key
    help: ClassVar[str]
    description: ClassVar[str]

    # --- the command line -------------------------------------------------------------

    @classmethod
    @abstractmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        """The portal's own options (its address, its licence id…)."""

    @classmethod
    @abstractmethod
    def from_arguments(cls, args: argparse.Namespace, key: str | None) -> Publisher:
        ...

    @property
    @abstractmethod
    def where(self) -> str:
        """The portal as the messages name it: its label and address."""

    # --- reads --------------------------------------------------------------------------

    @abstractmethod
    def find_dataset(self, name: str) -> Dataset | None:
        """The dataset known by ``name`` (the stable name this publisher gives it), or None."""

    @abstractmethod
    def resources(self, dataset: Dataset) -> list[Resource]:
        ...

    @abstractmethod
    def resource_key(self, resource: Resource) -> str | None:
        """The stable key stored with a resource by this publisher, if any."""

    @abstractmethod
    def resource_title(self, resource: Resource) -> str:
        ...

    @abstractmethod
    def same_content(self, resource: Resource, file: LocalFile) -> bool:
        """Whether the portal's copy of ``resource`` is ``file``, byte for byte."""

    def accepted_extensions(self) -> set[str] | None:
        """The file extensions the portal takes; None when it takes any."""
        return None

    # --- what the portal should hold ----------------------------------------------------

    @abstractmethod
    def dataset_metadata(self, bundle: Bundle, name: str, description: str,
                         current: Dataset | None) -> dict[str, Any]:
        ...

    @abstractmethod
    def dataset_differences(self, wanted: dict[str, Any], current: Dataset) -> list[str]:
        ...

    @abstractmethod
    def resource_metadata(self, file: LocalFile, current: Resource | None) -> dict[str, Any]:
        ...

    @abstractmethod
    def resource_differences(self, wanted: dict[str, Any], current: Resource) -> list[str]:
        ...

    # --- writes -------------------------------------------------------------------------

    @abstractmethod
    def create_dataset(self, metadata: dict[str, Any]) -> Dataset:
        ...

    @abstractmethod
    def update_dataset(self, dataset: Dataset, metadata: dict[str, Any]) -> None:
        ...

    @abstractmethod
    def upload(self, dataset: Dataset, step: Step) -> Resource:
        """Upload ``step.file`` as a new resource, or into ``step.resource`` (keeping its id
        and address), with its metadata; check that the portal stored what was sent."""

    @abstractmethod
    def update_resource(self, dataset: Dataset, resource: Resource, metadata: dict[str, Any]) -> None:
        ...

    @abstractmethod
    def remove(self, dataset: Dataset, resource: Resource) -> None:
        """Delete a resource this publisher put there and the release no longer sends."""

    @abstractmethod
    def reorder(self, dataset: Dataset, resource_ids: list[str]) -> None:
        """Put these resources first, in this order."""

    def page(self, dataset: Dataset) -> str | None:
        return None

    # --- the plan, the same for every portal --------------------------------------------

    def _match(self, resources: list[Resource], file: LocalFile, names: tuple[str, ...],
               taken: set[str]) -> Resource | None:
        free = [r for r in resources if str(r.get("id")) not in taken]
        for resource in free:
            if self.resource_key(resource) == file.key:
                return resource
        for resource in free:
            if self.resource_key(resource) is None and self.resource_title(resource) in names:
                return resource
        return None

    def _upload_name(self, file: LocalFile, name: str, accepted: set[str] | None) -> tuple[str, str]:
        """The name to upload under and, when the file cannot go, why ("" when it can)."""
        extension = _suffix(name)
        if accepted is None or extension in accepted:
            return name, ""
        fallback = TEXT_FALLBACK.get(extension)
        if fallback in accepted:
            return f"{PurePosixPath(name).stem}.{fallback}", ""
        return name, f"le portail n'accepte pas les fichiers .{extension}"

    def unreadable(self, exc: BaseException) -> PortalError:
        return PortalError(f"{self.where} : une réponse d'une forme que la publication ne sait "
                           f"pas lire ({type(exc).__name__}), pas l'API documentée du portail ; "
                           "--url doit être l'adresse de l'API du portail")

    def plan(self, bundle: Bundle, name: str) -> Plan:
        """What publishing ``bundle`` as the dataset ``name`` would do; reads only."""
        try:
            return self._plan(bundle, name)
        except UNREADABLE as exc:
            raise self.unreadable(exc) from None

    def _plan(self, bundle: Bundle, name: str) -> Plan:
        dataset = self.find_dataset(name)
        accepted = self.accepted_extensions()
        names = upload_names(bundle.files)
        resources = self.resources(dataset) if dataset else []
        taken: set[str] = set()
        file_steps = []
        for file in bundle.files:
            upload_name, refused = self._upload_name(file, names[file.key], accepted)
            if refused:
                file_steps.append(Step("skip", file.title, refused, file=file))
                continue
            sent_as = f"envoyé comme {upload_name} ; " \
                if _suffix(upload_name) != _suffix(file.key) else ""
            current = self._match(resources, file, (names[file.key], file.title), taken)
            if current is None:
                file_steps.append(Step("upload", file.title, sent_as + "nouveau fichier", file, None,
                                       upload_name))
                continue
            taken.add(str(current["id"]))
            if not self.same_content(current, file):
                file_steps.append(Step("replace file", file.title, sent_as + "fichier modifié", file,
                                       current, upload_name))
                continue
            differing = self.resource_differences(self.resource_metadata(file, current), current)
            if differing:
                file_steps.append(Step("update metadata", file.title,
                                       "modifié : " + ", ".join(differing), file, current, upload_name))
            else:
                file_steps.append(Step("keep", file.title, "même contenu", file, current, upload_name))
        from ..escape import terminal

        # what this publisher put there (its key says so) and the release no longer sends:
        # a file of an earlier, heavier page, a table that has become empty; a resource
        # someone added by hand (no key) is never touched. Its title is the portal's: shown
        # as printable text only, as every answer of a portal is.
        removed = [Step("remove", terminal(self.resource_title(r)), "n'est plus publié", resource=r)
                   for r in resources
                   if str(r.get("id")) not in taken and self.resource_key(r) is not None]
        shown = [s.file for s in file_steps if s.file is not None and s.action != "skip"]
        metadata = self.dataset_metadata(bundle, name, describe(bundle, shown), dataset)
        steps: list[Step] = []
        if dataset is None:
            steps.append(Step("create dataset", name, "pas encore sur le portail"))
        elif differing := self.dataset_differences(metadata, dataset):
            steps.append(Step("update dataset", name, "modifié : " + ", ".join(differing)))
        steps += file_steps + removed
        # the release's order on the portal: the workbook first, documentation last
        placed = [s for s in file_steps if s.action != "skip"]
        wanted = [str(s.resource["id"]) for s in placed if s.resource is not None]
        gone = {str(s.resource["id"]) for s in removed if s.resource is not None}
        first = [str(r.get("id")) for r in resources if str(r.get("id")) not in gone][:len(wanted)]
        if placed and (len(wanted) < len(placed) or first != wanted):
            steps.append(Step("reorder", name, "le classeur d'abord, puis les données, puis la "
                                               "documentation"))
        return Plan(self.where, name, dataset, steps, metadata)

    def apply(self, plan: Plan) -> Done:
        """Carry out ``plan``; returns what was done. A failure says what was already done,
        and the same command, run again, finishes the job without duplicating anything."""
        done: list[Step] = []
        dataset = plan.dataset
        placed: list[str] = []
        try:
            for step in plan.steps:
                if step.action == "create dataset":
                    dataset = self.create_dataset(plan.metadata)
                elif step.action == "update dataset" and dataset is not None:
                    self.update_dataset(dataset, plan.metadata)
                elif step.action in ("upload", "replace file") and dataset is not None:
                    placed.append(str(self.upload(dataset, step)["id"]))
                elif step.action == "remove" and dataset is not None and step.resource is not None:
                    self.remove(dataset, step.resource)
                elif step.action in ("update metadata", "keep") and step.resource is not None:
                    if step.action == "update metadata" and dataset is not None \
                            and step.file is not None:
                        self.update_resource(dataset, step.resource,
                                             self.resource_metadata(step.file, step.resource))
                    placed.append(str(step.resource["id"]))
                elif step.action == "reorder" and dataset is not None:
                    self.reorder(dataset, placed)
                if step.changes_something:
                    done.append(step)
        except (PipelineError, Expired, *UNREADABLE) as exc:
            error: PipelineError = (
                exc if isinstance(exc, PipelineError) else
                NetworkError(f"{self.where} : publication arrêtée à son délai (--deadline)")
                if isinstance(exc, Expired) else self.unreadable(exc))
            if not done:
                raise error from None
            raise type(error)(f"{error} ; déjà fait sur le portail : {summary(done)} ; la même "
                              "commande, relancée, finit le travail") from None
        assert dataset is not None
        return Done(plan.portal, str(dataset["id"]), self.page(dataset), done)


def summary(steps: list[Step]) -> str:
    """
    >>> summary([Step("create dataset", "x"), Step("upload", "a"), Step("upload", "b")])
    'créer le jeu de données : 1, envoyer : 2'
    """
    counts: dict[str, int] = {}
    for step in steps:
        counts[step.action] = counts.get(step.action, 0) + 1
    return ", ".join(f"{ACTION_WORDS[action]} : {n}" for action, n in counts.items())


def counted(number: int, one: str, many: str) -> str:
    """A count and its noun, in French: 0 and 1 take the singular.

    >>> counted(0, "changement", "changements"), counted(2, "fichier", "fichiers")
    ('0 changement', '2 fichiers')
    """
    return f"{number} {one if number < 2 else many}"


def render_plan(plan: Plan) -> str:
    """The plan, one line a step; files left alone are only counted."""
    shown = [s for s in plan.steps if s.action != "keep"]
    width = max((len(ACTION_WORDS[s.action]) for s in shown), default=0)
    lines = [f"{ACTION_WORDS[s.action]:<{width}}  {s.target}" + (f"  ({s.detail})" if s.detail else "")
             for s in shown]
    kept = sum(1 for s in plan.steps if s.action == "keep")
    skipped = sum(1 for s in plan.steps if s.action == "skip")
    lines.append(f"{plan.portal} : {counted(len(plan.todo), 'changement', 'changements')}, "
                 f"{counted(kept, 'fichier déjà à jour', 'fichiers déjà à jour')}"
                 + (f", {counted(skipped, 'non publié', 'non publiés')} sur ce portail"
                    if skipped else ""))
    return "\n".join(lines)


def render_done(done: Done) -> str:
    """What was done; what the portal says (the dataset's id and page) is shown as printable
    text only (``escape.terminal``): a portal cannot move the cursor or retitle the terminal."""
    from ..escape import terminal

    lines = [f"  {s.target} : {DONE_WORDS[s.action]}" for s in done.steps]
    lines.append(f"fait sur {done.portal} : {summary(done.steps) or 'rien'} ; jeu de données "
                 f"{terminal(done.dataset_id)}" + (f" ({terminal(done.page)})" if done.page else ""))
    return "\n".join(lines)
