from eventcoder.cameo import acled_type, cameo_info, cameo_table


def test_the_table_has_all_318_codes_with_gdelt_quad_classes():
    t = cameo_table()
    assert len(t) == 318
    assert (t["010"].quad_class, t["060"].quad_class, t["111"].quad_class, t["195"].quad_class) == (1, 2, 3, 4)
    assert t["195"].goldstein == -10.0 and t["195"].plover == "ASSAULT"


def test_unknown_codes_borrow_from_their_base():
    assert cameo_info("1959").quad_class == 4


def test_acled_types_by_longest_prefix():
    assert acled_type("195") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type("1831") == ("Explosions/Remote violence", "Suicide bomb")
    assert acled_type("010") == (None, None)
