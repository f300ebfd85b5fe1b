"""The territory reference shipped in resources/cog."""

import filecmp

from geogov.plugin.governance.cog import (
    MGP_SIREN,
    REFERENCE_DIR,
    build_reference_files,
    load_reference,
    national_departements,
)


def test_there_are_101_departements():
    codes = national_departements()
    assert len(codes) == 101 == len(set(codes))
    assert {"01", "2A", "2B", "95", "971", "976"} <= set(codes)
    assert "20" not in codes and "975" not in codes


def test_the_reference_lists_the_ile_de_france_communes():
    reference = load_reference()
    assert len(reference.communes) == 1266
    assert {c.departement for c in reference.communes.values()} == \
        {"75", "77", "78", "91", "92", "93", "94", "95"}
    paris = reference.commune("75056")
    assert (paris.name, paris.epci, paris.ept) == ("Paris", MGP_SIREN, "")
    assert len(reference.grouping(MGP_SIREN).communes) == 130
    epts = [g for g in reference.groupings.values() if g.nature == "EPT"]
    assert len(epts) == 11
    # Every MGP commune except Paris is in exactly one EPT; no commune outside the MGP is.
    in_ept = {c for g in epts for c in g.communes}
    assert in_ept == set(reference.grouping(MGP_SIREN).communes) - {"75056"}


def test_the_committed_reference_is_what_the_official_tables_give(shared_data, tmp_path):
    counts = build_reference_files(shared_data / "idf", tmp_path)
    assert counts == (1266, 63)
    for name in ("communes-idf.csv", "groupements-idf.csv"):
        assert filecmp.cmp(tmp_path / name, REFERENCE_DIR / name,
                           shallow=False), name
