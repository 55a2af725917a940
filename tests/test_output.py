import csv
import io
import json

import pytest

from eventcoder.output import Writer
from eventcoder.records import EVENT_KEYS

ROW = {k: None for k in EVENT_KEYS} | {"cameo": "190", "text": "a, \"quoted\" sentence"}


def test_jsonl_one_object_per_line_with_all_keys():
    buf = io.StringIO()
    w = Writer(buf, "jsonl")
    w.write(ROW)
    w.write(ROW)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2 and tuple(json.loads(lines[0])) == EVENT_KEYS


def test_csv_has_a_header_and_quotes_properly():
    buf = io.StringIO()
    Writer(buf, "csv").write(ROW)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["text"] == ROW["text"] and tuple(rows[0]) == EVENT_KEYS


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        Writer(io.StringIO(), "xml")
