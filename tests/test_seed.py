"""The founding article as a golden test."""
import json
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = (SEEDS / "us-strike-baghdad.txt").read_text(encoding="utf-8")
EXPECTED = [json.loads(line) for line in (SEEDS / "us-strike-baghdad.expected.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
KEYS = ("sentence_index", "source", "cameo", "target", "fatalities", "date")


@pytest.fixture(scope="module")
def events(coder):
    return [e.to_dict() for e in coder.code(TEXT, date="2024-01-04")]


def test_the_us_strike_in_baghdad(events):
    assert any((e["source"] or "").startswith("USA") and e["cameo"][:2] == "19" and e["fatalities"] == 2
               and e["date"] == "2024-01-04" and (e["target"] or "").startswith("IRQ") for e in events)


def test_iraq_criticises_the_us(events):
    assert any((e["source"] or "").startswith("IRQ") and (e["target"] or "").startswith("USA")
               and e["cameo"][:2] == "11" for e in events)


def test_us_airstrikes_on_locations_in_iraq_and_in_syria(events):
    for country in ("IRQ", "SYR"):
        assert any((e["source"] or "").startswith("USA") and e["cameo"][:2] == "19"
                   and (e["target"] or "").startswith(country) and "Syria" in e["text"] for e in events)


def test_nothing_from_the_page_footer(events):
    assert not any("Leave a Reply" in e["text"] for e in events)


def test_the_whole_coding_matches_the_reviewed_expectation(events):
    got = [{k: e[k] for k in KEYS} for e in events]
    want = [{k: e[k] for k in KEYS} for e in EXPECTED]
    assert got == want
