"""Ivry-sur-Seine's twinning and cooperation page as open data.

Stages, each a module, data flowing one way: read -> parse -> extract -> tables ->
validate -> emit (see ``run.py``).
"""
