from eventcoder import resources


def test_grammar_and_builtin_dictionaries_are_found():
    assert "country" in resources.grammar_text("dictionary.lark")
    names = [n for n, _ in resources.dictionary_files()]
    assert names == sorted(names) and all(n.endswith(".dict") for n in names)
    assert resources.data_text("cameo.tsv").count("\n") > 300
