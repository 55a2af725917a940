"""Reference tables: the CAMEO event codes (Goldstein, QuadClass, PLOVER) and CAMEO -> ACLED types.

Both are data files in ``dictionaries/`` (``cameo.tsv``, ``cameo_acled.tsv``), read once per process.
"""
from __future__ import annotations

import functools

import attrs

from . import resources


@attrs.frozen
class CameoInfo:
    goldstein: float | None
    quad_class: int | None
    plover: str | None
    name: str


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    out: dict[str, CameoInfo] = {}
    lines = [ln for ln in resources.data_text("cameo.tsv").splitlines() if ln and not ln.startswith("#")]
    for ln in lines[1:]:
        code, gold, quad, plover, name = ln.split("\t")
        out[code] = CameoInfo(float(gold) if gold else None, int(quad) if quad else None, plover or None, name)
    return out


@functools.lru_cache(maxsize=1)
def acled_map() -> dict[str, tuple[str, str]]:
    lines = [ln for ln in resources.data_text("cameo_acled.tsv").splitlines() if ln and not ln.startswith("#")]
    return {c: (t, s) for c, t, s in (ln.split("\t") for ln in lines[1:])}


def cameo_info(code: str) -> CameoInfo:
    table = cameo_table()
    info = table.get(code)
    if info is None:
        for k in (code[:3], code[:2]):
            if k in table:
                base = table[k]
                return CameoInfo(base.goldstein, base.quad_class, base.plover, base.name)
        root = int(code[:2]) if code[:2].isdigit() else 1
        quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        return CameoInfo(None, quad, None, "")
    return info


def acled_type(code: str) -> tuple[str | None, str | None]:
    m = acled_map()
    for k in (code, code[:3], code[:2]):
        if k in m:
            return m[k]
    return None, None
