import json


def test_explain_shows_matches_rules_and_drops(mini_coder):
    ex = mini_coder.explain("Iraqi police did not attack protesters in Mosul.", date="2024-01-04")
    text = str(ex)
    assert "'Iraqi police' -> IRQCOP" in text
    assert "DROPPED: negated" in text
    assert 'verb 190 "attack" @' in text
    d = ex.to_dict()
    json.dumps(d)
    assert d["events"] == []
    assert d["sentences"][0]["triggers"][0]["dropped"] == "negated"


def test_explain_names_discards(mini_coder):
    assert "discarded by discard" in str(mini_coder.explain("Leave a Reply"))
