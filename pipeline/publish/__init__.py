"""Publishing a release to open-data portals: data.gouv.fr (udata) and CKAN.

Every portal is one module with the same small interface (:class:`base.Publisher`), as
frictionless does for its portals, and one line in ``PORTALS``, from which the command line
builds its ``publish`` sub-commands. Publishing reads a verified copy of the release
(:mod:`.bundle`), asks the portal what it holds and returns a plan (``plan``, reads only);
``apply`` carries the plan out and returns what it did. The command line prints both.

A file whose content the portal already holds is left alone, so publishing the same
release twice does nothing the second time; a dataset and its files are found again by
stable keys the publisher stores with them, so a run cut short and run again finishes the
job without duplicating anything.
"""

from __future__ import annotations

from .base import Done, Plan, Publisher, Step, render_done, render_plan
from .bundle import Bundle, LocalFile, verified_copy
from .ckan import Ckan
from .datagouv import DataGouv

# The portals, by the command line's word for each.
PORTALS: dict[str, type[Publisher]] = {portal.name: portal for portal in (DataGouv, Ckan)}

__all__ = ["PORTALS", "Bundle", "Done", "LocalFile", "Plan", "Publisher", "Step",
           "render_done", "render_plan", "verified_copy"]
