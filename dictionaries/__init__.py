"""Built-in dictionaries of eventcoder, installed as the data package ``eventcoder.dictionaries``.

This folder holds data, not code: edit the ``.dict`` files here (see docs/dictionaries.md).
"""
