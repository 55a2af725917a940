"""``eventcoder dict convert --from petrarch``: PETRARCH/TABARI dictionaries written in the
language's TABARI reading code exactly as ``Coder.from_petrarch`` codes the originals."""
from __future__ import annotations

from pathlib import Path

import pytest

import eventcoder
from eventcoder import cli, dictlang, petrarch_convert
from eventcoder.errors import DictionaryError
from eventcoder.petrarch_lexicon import parse_pattern_tokens

DATA = Path(__file__).parent / "data" / "petrarch"
FILES = dict(actors=[str(DATA / "actors.txt")], agents=str(DATA / "agents.txt"), discards=str(DATA / "discards.txt"))

# sentences of our own over the fictional test dictionaries: patterns before and after the verb,
# adjacency, synsets, the passive, dated codes, agents and prefix agents, compound codes, lists,
# multi-word verbs with their own code, reverse codes, discards of a sentence and of a story
SENTENCES = [
    ("Veloria restored ties with Quarn.", "1999-01-01"),
    ("Veloria will restore full trade ties with Quarn.", "1999-01-01"),
    ("Veloria will restore full cultural ties with Quarn.", "1999-01-01"),
    ("Veloria said it would restore ties with Quarn.", "1999-01-01"),
    ("Veloria did not restore ties with Quarn.", "1999-01-01"),
    ("Veloria did not quickly restore ties with Quarn.", "1999-01-01"),
    ("Quarn was restored by Veloria.", "1999-01-01"),
    ("Veloria restored its links to Quarn.", "1999-01-01"),
    ("In Quarn, Veloria restored ties.", "1999-01-01"),
    ("President Tull restored ties with Quarn.", "1994-01-01"),
    ("President Tull restored ties with Quarn.", "1997-03-01"),
    ("President Tull restored ties with Quarn.", "2003-01-01"),
    ("Mira Osk restored ties with Quarn.", "2005-01-01"),
    ("Mira Osk restored ties with Quarn.", "2011-06-01"),
    ("Velorian troops restored ties with Quarn.", "1999-01-01"),
    ("The governors restored ties.", "1999-01-01"),
    ("The Velorian chiefs of staff severed ties with Quarn.", "1999-01-01"),
    ("Relief agency Veloria restored ties with Quarn.", "1999-01-01"),
    ("The Harbor League restored ties with North Quarn Islands.", "1999-01-01"),
    ("Veloria and Quarn restored ties with North Quarn Islands.", "1999-01-01"),
    ("Veloria and Quarn restored ties.", "1999-01-01"),
    ("Veloria severed ties with Quarn.", "1999-01-01"),
    ("Veloria KLM severed ties with Quarn.", "1999-01-01"),
    ("Veloria never ever severed ties with Quarn.", "1999-01-01"),
    ("Old Veloria restored ties with Quarn.", "1999-01-01"),
    ("Old Veloria restored ties with Quarn.", "2021-01-01"),
    ("Veloria restored ties with Quarn at the harvest festival.", "1999-01-01"),
    ("Veloria restored ties with Quarn. Quarn won the Champions Cup.", "1999-01-01"),
    ("Veloria supported Quarn.", "1999-01-01"),
    ("Veloria will back economic loans to Quarn.", "1999-01-01"),
    ("Veloria endorsed Quarn.", "1999-01-01"),
    ("Veloria stood by Quarn.", "1999-01-01"),
    ("Veloria called off the meeting with Quarn.", "1999-01-01"),
    ("Veloria supported Quarn against the Harbor League.", "1999-01-01"),
    ("Veloria will support Quarn from the start.", "1999-01-01"),
    ("Veloria supported a truce with Quarn.", "1999-01-01"),
    ("Veloria visited Quarn.", "1999-01-01"),
    ("The minister of harbors toured Quarn.", "1999-01-01"),
    ("Velorian militiamen toured North Quarn Islands.", "1999-01-01"),
]


def events(coder, text, date):
    return sorted((e.source.code if e.source else None, e.cameo, e.target.code if e.target else None,
                   str(e.date)) for e in coder.code(text, date=date))


def converted(tmp_path, verbs, **kw):
    report = petrarch_convert.convert(tmp_path / "out", verbs=str(DATA / verbs), **FILES, **kw)
    return report, list(report.files)


@pytest.mark.parametrize("verbs", ["verbs.tabari.txt", "verbs.petrarch2.txt"])
@pytest.mark.parametrize("dyad", ["true", "false"])
def test_converted_dictionaries_code_as_from_petrarch(tmp_path, verbs, dyad):
    _report, files = converted(tmp_path, verbs)
    original = eventcoder.Coder.from_petrarch(**FILES, verbs=str(DATA / verbs), options={"require_dyad": dyad})
    mine = eventcoder.Coder(files, builtin=False, require_dyad=dyad == "true", infer_agent_country=False)
    assert mine.lexicon.tabari
    coded = 0
    for text, date in SENTENCES:
        expected = events(original, text, date)
        assert events(mine, text, date) == expected, text
        coded += bool(expected)
    assert coded >= 8  # the sentences do exercise the dictionaries


@pytest.mark.parametrize("verbs", ["verbs.tabari.txt", "verbs.petrarch2.txt"])
def test_the_compiled_verb_tables_are_the_same(tmp_path, verbs):
    _report, files = converted(tmp_path, verbs)
    original = eventcoder.Coder.from_petrarch(**FILES, verbs=str(DATA / verbs)).lexicon
    mine = eventcoder.Coder(files, builtin=False).lexicon

    def table(lex):
        return {form: ([(p.code, p.rest, p.pre, p.joins, p.pre_joins, p.passive) for p in pats], kind)
                for form, (pats, kind) in lex.verbs.items()}
    assert table(mine) == table(original)
    phrases = lambda lex: sorted((p.words, s.kind, s.code, s.roles) for p, s in lex.actors.phrases())  # noqa: E731
    assert phrases(mine) == phrases(original)


def test_the_output_reads_as_the_language(tmp_path):
    report, files = converted(tmp_path, "verbs.tabari.txt")
    text = {Path(f).name: Path(f).read_text(encoding="utf-8") for f in files}
    assert all(t.startswith("reading tabari\n") for t in text.values())
    actors = text["actors.dict"]
    assert "person  ambrose tull | president tull\n  as VELELI ..1995-05-31\n" in actors
    assert "  as VELGOV 1995-06-01..1999-08-15\n  as VELREB 1999-08-16..\n" in actors
    assert "actor [VEL/QRN]  harbor league" in actors  # a compound code, verbatim in brackets
    assert "prefix NGO  relief agency | relief agencies" in text["agents.dict"]
    assert "discard + champions cup" in text["discards.dict"]
    verbs = text["verbs.tabari.dict"]
    assert "block [064] restore\n  forms restore | restores | restored | restoring\n" in verbs
    assert "  forms [196] klm + sever | klm + severs | klm + severed | klm + severing\n" in verbs
    assert "  pattern [066]  said * ties _ with +\n" in verbs
    assert "  pattern [197]  &NEGATIVE _ ever *\n" in verbs
    assert report.commented == {}
    assert report.counts["patterns"] == 8


def test_dict_check_passes_on_the_output(tmp_path, capsys):
    _report, files = converted(tmp_path, "verbs.petrarch2.txt", issues=str(DATA / "issues.txt"))
    assert cli.main(["dict", "check", *files]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_cli_convert_with_a_config_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "dicts"
    assert cli.main(["dict", "convert", "--from", "petrarch", "--petrarch-config", str(DATA / "PETR_config.ini"),
                     "-o", str(out)]) == 0
    err = capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    # the config lists actors.txt twice: the second copy only repeats phrases, which are never used
    assert names == ["actors-2.dict", "actors.dict", "agents.dict", "discards.dict", "issues.dict",
                     "verbs.petrarch2.dict"]
    assert "lines written as # comments" in err and "14 issue" in err and "2 transformation" in err
    assert "actor phrase already in an earlier entry (never used)" in err
    assert "0 problems in the input" in err


def test_cli_convert_needs_some_input(tmp_path, capsys):
    assert cli.main(["dict", "convert", "--from", "petrarch", "-o", str(tmp_path)]) == 2
    assert "needs --petrarch-config" in capsys.readouterr().err
    assert cli.main(["dict", "convert", "--from", "petrarch", "--actors", str(tmp_path / "nope.txt"),
                     "-o", str(tmp_path)]) == 2


def test_malformed_lines_are_reported_and_the_rest_converted(tmp_path):
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("GOOD_LAND [GDL]\nBROKEN_DATE [GDLGOV 9908223]\nOTHER_LAND [OTL]\n", encoding="utf-8")
    report = petrarch_convert.convert(tmp_path / "out", actors=[bad])
    assert [str(p.where) for p in report.problems] == [f"{bad}:2:1"] or \
        [(p.where.file, p.where.line) for p in report.problems] == [(str(bad), 2)]
    text = Path(report.files[0]).read_text(encoding="utf-8")
    assert "actor GDL  good land" in text and "actor OTL  other land" in text
    assert f"{bad}:2:" in report.summary()


def test_what_the_language_cannot_hold_is_a_counted_comment(tmp_path):
    actors = tmp_path / "a.txt"
    actors.write_text("H&Q_PARTNERS [HQP]\nPLAIN_LAND [PLN]\n+PLAIN_LAND\nDUP_LAND [DPA]\n", encoding="utf-8")
    more = tmp_path / "b.txt"
    more.write_text("DUP_LAND [DPB]\n", encoding="utf-8")
    report = petrarch_convert.convert(tmp_path / "out", actors=[actors, more])
    a, b = (Path(f).read_text(encoding="utf-8") for f in report.files)
    assert "# not expressible (actor phrase with a reserved character): H&Q PARTNERS" in a
    assert "actor PLN  plain land\n" in a
    assert "# already at" in b and "actor DPB" not in b  # the matcher takes the first entry
    assert report.commented == {"actor phrase with a reserved character": 1,
                                "actor phrase already in an earlier entry (never used)": 1}
    coder = eventcoder.Coder(report.files, builtin=False, infer_agent_country=False)
    original = eventcoder.Coder.from_petrarch(actors=[actors, more])
    for text in ("Dup Land met Plain Land.", "Plain Land and Dup Land met."):
        assert [m.code for r in coder._analyse(text, None) for m in r.mentions] == \
            [m.code for r in original._analyse(text, None) for m in r.mentions]


def test_phrases_are_written_as_the_tokenizer_splits_text(tmp_path):
    actors = tmp_path / "a.txt"
    actors.write_text("FRANK_C._MOCKLER [MCK]\nST._KITTS [KNA]\nVELORIA'S_NAVY [VELNAV]\n", encoding="utf-8")
    report = petrarch_convert.convert(tmp_path / "out", actors=[actors])
    text = Path(report.files[0]).read_text(encoding="utf-8")
    assert "actor MCK  frank c . mockler" in text and "actor KNA  st . kitts" in text
    assert "actor VELNAV  veloria 's navy" in text
    # from_petrarch reads them the same way, so a middle initial matches the text
    original = eventcoder.Coder.from_petrarch(actors=[actors])
    mine = eventcoder.Coder(report.files, builtin=False, infer_agent_country=False)
    for coder in (original, mine):
        got = [m.code for r in coder._analyse("Frank C. Mockler met envoys from St. Kitts.", None)
               for m in r.mentions]
        assert got == ["MCK", "KNA"]


# ---------------------------------------------------------------- the TABARI reading of the language


def test_pattern_lines_round_trip():
    for pre, joined, post in [
        ([("said", False)], False, [("ties", False), ("with", True), ("+", False)]),
        ([("&NEGATIVE", False), ("ever", True)], False, []),
        ([("not", False)], True, []),
        ([], False, [("out", True), ("&MONEY", True), ("%", False), ("^", False), ("$", True)]),
    ]:
        text = petrarch_convert.pattern_text(pre, joined, post)
        got = parse_pattern_tokens(text.split())
        assert (got[0][1:], got[1], got[2]) == (pre[1:], joined, post), text  # the first word has nothing before it


def test_tabari_statements_need_the_reading(tmp_path):
    with pytest.raises(DictionaryError, match="start the file with 'reading tabari'"):
        dictlang.parse_text("block [042] visit\n  forms visit\n", "x.dict")
    with pytest.raises(DictionaryError, match="must follow a 'block' line"):
        dictlang.parse_text("reading tabari\npattern [042]  * +\n", "x.dict")
    with pytest.raises(DictionaryError, match="the one reading is 'tabari'"):
        dictlang.parse_text("reading petrarch\n", "x.dict")
    with pytest.raises(DictionaryError, match="'reading' must be the first statement"):
        dictlang.parse_text("actor VEL veloria\nreading tabari\n", "x.dict")


def test_a_tabari_file_is_not_compiled_with_the_builtin_dictionaries(tmp_path):
    f = tmp_path / "t.dict"
    f.write_text("reading tabari\nactor VEL  veloria\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="builtin=False"):
        eventcoder.Coder([f])
    assert eventcoder.Coder([f], builtin=False).lexicon.tabari


def test_compile_reports_what_the_reading_does_not_know(tmp_path):
    f = tmp_path / "t.dict"
    f.write_text("reading tabari\ncountry VEL  Veloria\nblock [042] visit\n  forms visit\n"
                 "  pattern [043]  * &NOSUCH +\n  pattern [044]  visit +\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        eventcoder.Coder([f], builtin=False)
    text = str(exc.value)
    assert "'country' is not part of the TABARI reading" in text
    assert "unknown synset &NOSUCH" in text
    assert "exactly one '*'" in text


def test_eventcoder_code_uses_converted_files_alone(tmp_path, capsys):
    _report, files = converted(tmp_path, "verbs.tabari.txt")
    doc = tmp_path / "doc.txt"
    doc.write_text("President Tull will restore full trade ties with Quarn.", encoding="utf-8")
    args = ["code", str(doc), "--date", "1997-03-01", "--require-dyad"]
    for f in files:
        args += ["--dict", f]
    assert cli.main(args) == 0
    import json
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [(e["source"], e["cameo"], e["target"]) for e in got] == [("VELGOV", "065", "QRN")]


def test_explain_points_at_the_converted_lines(tmp_path, capsys):
    _report, files = converted(tmp_path, "verbs.tabari.txt")
    args = ["explain", "President Tull restored ties with Quarn.", "--date", "1997-01-01"]
    for f in files:
        args += ["--dict", f]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert "VELGOV -064-> QRN" in out and "verbs.tabari.dict:8:" in out
