"""The data package formats of a release, in its order (``csv``, ``parquet``, ``json``): the
registry :mod:`pipeline.emit` gives every consumer as ``PACKAGES``, kept in a module of its
own so that a view made of the packages (their archives, :mod:`.archives`) reads it without
importing the package that lists the views."""

from __future__ import annotations

from . import csv, json, parquet
from .base import AnyFormat

PACKAGES: tuple[AnyFormat, ...] = (csv, parquet, json)
