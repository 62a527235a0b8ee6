"""A town's page on twinning and decentralised cooperation, as open data.

Stages, each a module, data flowing one way: read -> parse -> extract -> tables ->
validate -> emit (see ``run.py``).
"""
