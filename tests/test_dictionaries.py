"""Properties of the built-in dictionaries, checked through the whole coder."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from eventcoder import dictlang, resources

from .conftest import triples

ENTRIES = dictlang.load(resources.dictionary_files()).entries


def _plain(phrase):
    return all(w[:1].isalnum() for w in phrase)  # names written with stray punctuation tokens are skipped


NAMES = sorted({(" ".join(p), e.code) for e in ENTRIES if e.kind in ("country", "actor")
                for p in e.phrases if _plain(p)})
COUNTRY_NAMES = [(n, c) for n, c in NAMES if len(c) == 3]


def test_the_builtin_dictionaries_cover_the_world_and_every_cameo_root():
    countries = {e.code for e in ENTRIES if e.kind == "country"}
    assert len(countries) >= 200 and {"USA", "IRQ", "SYR", "PSE", "KSV", "TWN", "ESH"} <= countries
    roots = {e.code[:2] for e in ENTRIES if e.kind in ("verb", "noun")}
    assert roots >= {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize("name,code", COUNTRY_NAMES)
def test_every_country_name_codes_to_its_country(coder, name, code):
    got = triples(coder.code(f"{name} criticized the United Nations.", date="2024-01-04"))
    assert got and got[0][0] == code, (name, got)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_active_and_passive_give_the_same_event(coder, a, b):
    (na, ca), (nb, cb) = a, b
    if ca == cb:
        return
    active = triples(coder.code(f"{na} attacked {nb}.", date="2024-01-04"))
    passive = triples(coder.code(f"{nb} was attacked by {na}.", date="2024-01-04"))
    assert active == passive and active, (na, nb, active, passive)


ROLES = [(" ".join(e.phrases[0]), r) for e in ENTRIES if e.kind == "person" and _plain(e.phrases[0])
         for r in e.roles if r.start is not None]


@pytest.mark.parametrize("name,role", ROLES)
def test_office_holders_resolve_inside_their_term_only(coder, name, role):
    inside = triples(coder.code(f"{name} criticized the United Nations.", date=role.start.isoformat()))
    assert inside and inside[0][0] == role.code, (name, role, inside)
    before = role.start - dt.timedelta(days=1)
    outside = triples(coder.code(f"{name} criticized the United Nations.", date=before.isoformat()))
    assert not outside or outside[0][0] != role.code or any(
        r.holds_on(before) and r.code == role.code for e in ENTRIES if e.kind == "person"
        and " ".join(e.phrases[0]) == name for r in e.roles), (name, role, outside)
