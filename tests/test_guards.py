"""Stage 3c: every guard kind found in one pass must give what the per-kind indexes give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.guards import find_guards
from eventcoder.lexicon import ENGINE_GUARDS
from eventcoder.tokens import tokenize


def per_kind(lex, toks):
    out = {}
    for kind in ENGINE_GUARDS:
        index = lex.guards[kind]
        for b in range(len(toks.words)):
            for length, _ in index.all_at(toks.raw, toks.words, b):
                out.setdefault(kind, []).append((b, b + length))
    return out


def test_a_sentence_is_scanned_once_for_every_kind(coder):
    toks = tokenize("Iraq did not fail to condemn the strike in Baghdad, officials said, and may launch raids.")
    hits = find_guards(toks, coder.lexicon)
    assert hits.of("negation") and hits.of("locative") and hits.of("report")
    assert hits.of("no such kind") == []
    (b, e) = [h for h in hits.of("locative") if toks.words[h[0]] == "in"][0]
    assert hits.lengths_at("locative", b)[0] == e - b
    assert b in hits.starts("locative")


def test_phrases_that_start_at_the_same_token_come_longest_first(coder):
    toks = tokenize("He said he would not be able to go.")
    for kind in ENGINE_GUARDS:
        for i, lengths in find_guards(toks, coder.lexicon).starts(kind).items():
            assert lengths == sorted(lengths, reverse=True)


_WORDS = ["not", "did", "n't", "failed", "to", "will", "would", "may", "threatened", "said", "claimed",
          "launched", "carried", "out", "in", "near", "the", "Iraq", "attack", "according", "be", "never"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=20))
def test_the_merged_index_finds_exactly_what_each_kind_finds(coder, words):
    toks = tokenize(" ".join(words))
    hits = find_guards(toks, coder.lexicon)
    assert {k: hits.of(k) for k in ENGINE_GUARDS if hits.of(k)} == per_kind(coder.lexicon, toks)
