"""Lark grammars of eventcoder, installed as the data package ``eventcoder.grammars``.

This folder holds data, not code: edit the ``.lark`` files here.
"""
