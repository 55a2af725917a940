"""``eventcoder evaluate acled FILE``: score the ACLED layer against an ACLED export.

The export may be JSON lines or CSV with ACLED's columns (``notes``, ``event_date``,
``event_type``, ``sub_event_type``, ``interaction``, ``country``, ``fatalities``). Rows that share
a note are one document: the coder's first record is compared with the gold rows (a predicted
value is right when any gold row of the note has it), and fatalities are compared as totals per
note. A note the coder gives no record for counts as wrong.
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from typing import Any, Iterable

INTERACTION_TYPES = {"state forces": 1, "rebel groups": 2, "rebel group": 2, "political militias": 3,
                     "political militia": 3, "identity militias": 4, "identity militia": 4, "rioters": 5,
                     "protesters": 6, "protestors": 6, "civilians": 7, "external/other forces": 8,
                     "external/other": 8}


def interaction_code(value: Any) -> int | None:
    """ACLED's interaction as a number, from a number or a 2023+ label ("State forces-Protesters")."""
    if value in (None, ""):
        return None
    s = str(value).strip().lower()
    if s.replace(".0", "").isdigit():
        return int(float(s))
    if s.endswith(" only"):
        t = INTERACTION_TYPES.get(s[:-5].strip())
        return t * 10 if t else None
    parts = [INTERACTION_TYPES.get(p.strip()) for p in s.replace("–", "-").split("-") if p.strip()]
    if len(parts) == 2 and all(parts):
        a, b = sorted(parts)
        return a * 10 + b
    return None


def _distance_km(pred: dict, gold: dict) -> float | None:
    """Great-circle distance between predicted and gold coordinates, when both are given."""
    import math
    try:
        la1, lo1, la2, lo2 = (math.radians(float(x)) for x in (pred["latitude"], pred["longitude"],
                                                                gold["latitude"], gold["longitude"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def read_rows(path: str) -> list[dict]:
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(coder, rows: Iterable[dict]) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("notes"):
            groups[r["notes"]].append(r)
    n = Counter()
    hit = Counter()
    etype_conf: Counter = Counter()
    sub_conf: Counter = Counter()
    fat = Counter()
    crashes = 0
    dists: list[float] = []
    for notes, gold in groups.items():
        try:
            recs = [r.to_dict() for r in coder.code(notes, schema="acled")]
        except Exception:  # one bad note never stops an evaluation
            recs = []
            crashes += 1
        first = recs[0] if recs else {}
        n["notes"] += 1
        hit["covered"] += bool(recs)
        for field in ("event_type", "sub_event_type", "country"):
            values = {g.get(field) for g in gold if g.get(field)}
            if values:
                n[field] += 1
                hit[field] += first.get(field) in values
        for field in ("admin1", "location", "geo_precision"):   # places: case-insensitive
            values = {str(g.get(field)).strip().lower() for g in gold if g.get(field) not in (None, "")}
            if values:
                n[field] += 1
                hit[field] += str(first.get(field)).strip().lower() in values
        km = _distance_km(first, gold[0])
        if km is not None or (gold[0].get("latitude") not in (None, "") and "latitude" in first):
            n["coords"] += 1
            if km is not None:
                dists.append(km)
        etype_conf[(gold[0].get("event_type"), first.get("event_type"))] += 1
        sub_conf[(gold[0].get("sub_event_type"), first.get("sub_event_type"))] += 1
        inter = {interaction_code(g.get("interaction")) for g in gold} - {None}
        if inter:
            n["interaction"] += 1
            hit["interaction"] += interaction_code(first.get("interaction")) in inter
        dates = {str(g.get("event_date"))[:10] for g in gold if g.get("event_date")}
        if dates:
            n["event_date"] += 1
            hit["event_date"] += str(first.get("event_date")) in dates
        g_fat = sum(int(float(g.get("fatalities") or 0)) for g in gold)
        p_fat = sum(int(r.get("fatalities") or 0) for r in recs)
        fat["exact"] += p_fat == g_fat
        fat["within_1"] += abs(p_fat - g_fat) <= 1
        fat["over"] += p_fat > g_fat
        fat["under"] += p_fat < g_fat
        if g_fat:
            n["with_deaths"] += 1
            fat["exact_with_deaths"] += p_fat == g_fat
    notes = max(n["notes"], 1)
    return {
        "notes": n["notes"], "crashes": crashes, "coverage": round(hit["covered"] / notes, 4),
        "accuracy": {k: round(hit[k] / n[k], 4) for k in ("event_type", "sub_event_type", "interaction",
                                                          "event_date", "country", "admin1", "location",
                                                          "geo_precision") if n[k]},
        "coordinates": {"given": round(len(dists) / max(n["coords"], 1), 4),
                        "median_km": round(sorted(dists)[len(dists) // 2], 1) if dists else None,
                        "within_25km": round(sum(d <= 25 for d in dists) / max(n["coords"], 1), 4)},
        "fatalities": {"exact": round(fat["exact"] / notes, 4), "within_1": round(fat["within_1"] / notes, 4),
                       "over": round(fat["over"] / notes, 4), "under": round(fat["under"] / notes, 4),
                       "exact_with_deaths": round(fat["exact_with_deaths"] / max(n["with_deaths"], 1), 4)},
        "event_type_confusion": {f"{g} -> {p}": c for (g, p), c in etype_conf.most_common()},
        "sub_event_type_confusion": {f"{g} -> {p}": c for (g, p), c in sub_conf.most_common() if g != p},
    }


def format_report(rep: dict, top: int = 15) -> str:
    out = [f"notes: {rep['notes']}  coded: {rep['coverage']:.1%}  crashes: {rep['crashes']}", "",
           "accuracy (first record of each note):"]
    out += [f"  {k:<16} {v:.4f}" for k, v in rep["accuracy"].items()]
    co = rep.get("coordinates") or {}
    if co.get("median_km") is not None:
        out += [f"  {'coordinates':<16} given {co['given']:.4f}, median {co['median_km']} km, "
                f"within 25 km {co['within_25km']:.4f}"]
    out += ["", "fatalities per note:"] + [f"  {k:<18} {v:.4f}" for k, v in rep["fatalities"].items()]
    out += ["", "event types (gold -> predicted):"]
    out += [f"  {c:>6}  {k}" for k, c in list(rep["event_type_confusion"].items())[:top]]
    out += ["", "most frequent sub-event type errors (gold -> predicted):"]
    out += [f"  {c:>6}  {k}" for k, c in list(rep["sub_event_type_confusion"].items())[:top]]
    return "\n".join(out)
