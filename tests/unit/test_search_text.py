"""Query parsing, word-start matching and accent variants (plugin/catalogue/search_text.py).

The LIKE patterns are checked with SQLite itself: SQLite's LIKE is what pycsw's default
repository runs for csw:AnyText, so "every spelling is found" is asserted against the
real operator, not a re-implementation of it.
"""

import itertools
import sqlite3

import pytest

from geogov.plugin.catalogue.model import Party, Record, SearchQuery
from geogov.plugin.catalogue.search_text import (
    LIKE_PATTERN_CAP,
    MIN_FIXED_LETTERS,
    Q_VARIANT_CAP,
    RecordFilter,
    Term,
    all_found,
    fold,
    like_patterns,
    normalise,
    normalise_fields,
    parse_query,
    parse_terms,
    q_variants,
    term_found,
    words,
)


def test_fold_strips_accents_case_and_ligatures():
    assert fold("Équipements") == "equipements"
    assert fold("VÉLO") == "velo"
    assert fold("Île-de-France") == "ile-de-france"
    assert fold("Œuvre cæcum") == "oeuvre caecum"
    assert fold("Straße") == "strasse"


def test_words_split_on_punctuation_and_underscores():
    assert words("L'Éclairage public — VÉLO-cargo; amenagements_cyclables") == [
        "l", "eclairage", "public", "velo", "cargo", "amenagements", "cyclables"]
    assert normalise("") == ""
    assert normalise("Plan vélo") == " plan velo"


def test_parse_terms_words_phrases_and_quotes():
    terms = parse_terms('Équipements "plan  vélo" Val-de-Marne «piste cyclable» velo '
                        'Velo “ZFE” "unclosed phrase')
    assert [t.words for t in terms] == [
        ("equipements",), ("plan", "velo"), ("val", "de", "marne"), ("piste", "cyclable"),
        ("velo",), ("zfe",), ("unclosed", "phrase")]
    assert [t.quoted for t in terms] == [False, True, False, True, False, True, True]
    assert terms[0].raw == "Équipements"


@pytest.mark.parametrize("text", ["", "   ", '""', "« »", "- / ,"])
def test_parse_terms_of_nothing_is_empty(text):
    assert parse_terms(text) == []


@pytest.mark.parametrize("typed, found", [
    ("velo", "Vélo"), ("velo", "vélos"), ("velo", "VÉLO-CARGO"), ("velo", "(vélo)"),
    ("equipements", "Équipements sportifs"), ("Équipements", "equipements"),
    ("eclairage", "l'éclairage public"), ("ile de france", "Île-de-France"),
    ("oeuvre", "chef-d'œuvre"),
])
def test_a_word_matches_at_a_word_start_whatever_the_accents(typed, found):
    term = parse_terms(typed)[0]
    assert term_found(term, normalise(found))


@pytest.mark.parametrize("typed, text", [
    ("velo", "développement durable"), ("velo", "enveloppe budgétaire"),
    ("velo", "vel ours"), ('"plan velo"', "plan de vélo"), ("eau", "réseau"),
])
def test_a_word_inside_another_word_does_not_match(typed, text):
    term = parse_terms(typed)[0]
    assert not term_found(term, normalise(text))


def test_a_phrase_does_not_run_across_two_fields():
    term = parse_terms('"plan velo"')[0]
    assert not term_found(term, normalise_fields(["Un plan", "vélo métropolitain"]))
    assert term_found(term, normalise_fields(["Un plan vélo", "autre"]))


def test_all_words_must_match():
    terms = parse_terms("velo paris")
    assert all_found(terms, normalise("Plan vélo de Paris"))
    assert not all_found(terms, normalise("Plan vélo de Lyon"))


def _record(**values):
    parties = [Party(context="cited_party", role=role, organisation=org)
               for role, org in values.pop("parties", ())]
    return Record(identifier="x", parties=parties, **values)


def test_record_filter_reads_title_abstract_keywords_and_organisations():
    record = _record(title="Aménagements cyclables", abstract="Pistes et bandes.",
                     keywords=["Mobilité douce"], parties=[("custodian", "Syctom, l'agence")])
    for typed in ("amenagements", "pistes", "mobilite", "syctom", "cyclables bandes"):
        assert RecordFilter(text=tuple(parse_terms(typed))).accepts(record), typed
    hidden = RecordFilter(text=tuple(parse_terms("velo")))
    assert hidden.rejection(record) == "text"


def test_record_filter_organisation_must_match_one_party():
    record = _record(title="t", parties=[("originator", "Département du Val-de-Marne"),
                                         ("custodian", "SIPPEREC")])
    accept = RecordFilter(organisation=tuple(parse_terms("val-de-marne departement")))
    assert accept.accepts(record)
    # words split across two parties do not make one organisation
    mixed = RecordFilter(organisation=tuple(parse_terms("marne sipperec")))
    assert mixed.rejection(record) == "organisation"


def test_record_filter_keyword_and_bbox():
    record = _record(title="t", keywords=["Pistes cyclables", "Transport"],
                     bbox=(2.2, 48.8, 2.5, 48.9))
    assert RecordFilter(keyword=tuple(parse_terms("piste cyclable"))).accepts(record)
    assert RecordFilter(keyword=tuple(parse_terms("cyclable transport"))).rejection(
        record) == "keyword"
    assert RecordFilter(bbox=(2.0, 48.0, 2.3, 49.0)).accepts(record)
    assert RecordFilter(bbox=(3.0, 48.0, 3.3, 49.0)).rejection(record) == "bbox"
    assert RecordFilter(bbox=(2.0, 48.0, 2.3, 49.0)).rejection(_record(title="no box")) == "bbox"
    # a box crossing the antimeridian
    pacific = _record(title="p", bbox=(178.0, -20.0, 179.0, -10.0))
    assert RecordFilter(bbox=(170.0, -30.0, -170.0, 0.0)).accepts(pacific)


# --------------------------------------------------------------------------- LIKE patterns

ACCENTED = {"e": "eéèêëÉÈÊË", "a": "aàâäÀÂÄ", "i": "iîïÎÏ", "o": "oôöÔÖ", "u": "uùûüÙÛÜ",
            "c": "cçÇ", "y": "yÿŸ"}


def _spellings(word: str, limit: int = 4000):
    """Every spelling of ``word`` with any accent, small or capital, on any letter."""
    choices = [ACCENTED.get(ch, ch + ch.upper()) for ch in word]
    return list(itertools.islice(("".join(p) for p in itertools.product(*choices)), limit))


def _sqlite_like_any(patterns, text) -> bool:
    with sqlite3.connect(":memory:") as db:
        return any(db.execute("SELECT ? LIKE ?", (text, f"%{p}%")).fetchone()[0]
                   for p in patterns)


@pytest.mark.parametrize("word", ["velo", "equipements", "eclairage", "syctom", "de", "zfe"])
def test_like_patterns_find_every_spelling_with_sqlite_like(word):
    expansion = like_patterns(Term((word,)))
    assert 1 <= len(expansion.patterns) <= LIKE_PATTERN_CAP
    assert expansion.dropped == 0
    with sqlite3.connect(":memory:") as db:
        for spelling in _spellings(word):
            text = f"Le {spelling}, et la suite"
            assert any(db.execute("SELECT ? LIKE ?", (text, f"%{p}%")).fetchone()[0]
                       for p in expansion.patterns), spelling


def test_like_patterns_wildcard_only_while_enough_letters_stay_fixed():
    velo = like_patterns(Term(("velo",)))
    assert velo.wildcarded == 1 and velo.dropped == 0
    assert all(p.startswith("v_l") for p in velo.patterns)
    eau = like_patterns(Term(("eau",)))
    assert eau.wildcarded == 0 and eau.dropped > 0
    assert len(eau.patterns) == LIKE_PATTERN_CAP
    fixed = [sum(1 for c in p if c not in "_%") for p in velo.patterns]
    assert min(fixed) >= MIN_FIXED_LETTERS


def test_like_patterns_capped_keep_likely_spellings():
    patterns = like_patterns(Term(("ile",))).patterns
    for spelling in ("Île", "île", "ILE", "ile", "ÎLE"):
        assert _sqlite_like_any(patterns, f"Région {spelling}-de-France"), spelling


def test_like_patterns_of_a_phrase_allow_any_separator():
    expansion = like_patterns(parse_terms('"Val de Marne"')[0])
    for text in ("Val-de-Marne", "VAL DE MARNE", "Val – de Marne", "Val de Marne"):
        assert _sqlite_like_any(expansion.patterns, text), text
    assert not _sqlite_like_any(expansion.patterns, "Marne de Val")


def test_like_patterns_without_accentable_letters_are_the_word():
    assert like_patterns(Term(("2024",))).patterns == ["2024"]
    assert not like_patterns(Term(("2024",))).expanded


# --------------------------------------------------------------------------- q variants


def test_q_variants_put_the_likely_spelling_first():
    assert q_variants("velo").patterns[:2] == ["velo", "vélo"]
    assert "équipements" in q_variants("Equipements").patterns[:3]
    assert "éclairage" in q_variants("eclairage").patterns[:3]
    assert "île" in q_variants("ile").patterns
    assert "français" in q_variants("francais").patterns
    assert "développement" in q_variants("developpement").patterns[:3]


def test_q_variants_are_bounded_and_say_what_they_dropped():
    expansion = q_variants("equipements")
    assert len(expansion.patterns) == Q_VARIANT_CAP
    assert expansion.dropped == 5 * 4 * 3 * 5 * 5 - Q_VARIANT_CAP  # e,u,i,e,e forms
    assert q_variants("2024").patterns == ["2024"] and q_variants("2024").dropped == 0
    assert len(set(q_variants("eclairage").patterns)) == Q_VARIANT_CAP


def test_q_variants_are_letters_only():
    # pygeoapi puts q into a regular expression inside evaluated Python code
    for word in ("velo", "equipements", "zfe"):
        for variant in q_variants(word).patterns:
            assert variant.isalnum(), variant


# --------------------------------------------------------------------------- whole query


def test_parse_query_drops_a_global_box():
    parsed = parse_query(SearchQuery(bbox=(-180, -90, 180, 90)))
    assert parsed.bbox is None and parsed.bbox_dropped
    parsed = parse_query(SearchQuery(bbox=(-250.0, -95.0, 260.0, 95.0)))   # zoomed out past it
    assert parsed.bbox is None and parsed.bbox_dropped


def test_parse_query_keeps_a_regional_box_and_clamps_it():
    parsed = parse_query(SearchQuery(bbox=(1.4, 48.1, 3.6, 49.3)))
    assert parsed.bbox == (1.4, 48.1, 3.6, 49.3) and not parsed.bbox_dropped
    assert parse_query(SearchQuery(bbox=(1.0, 95.0, 2.0, 80.0))).bbox == (1.0, 80.0, 2.0, 90.0)


def test_parse_query_splits_a_box_across_the_antimeridian():
    parsed = parse_query(SearchQuery(bbox=(170.0, -50.0, 190.0, -30.0)))
    assert parsed.bbox == (170.0, -50.0, -170.0, -30.0)
    assert parsed.boxes == [(170.0, -50.0, 180.0, -30.0), (-180.0, -50.0, -170.0, -30.0)]


def test_parse_query_terms_and_sort():
    parsed = parse_query(SearchQuery(text="vélo Paris", organisation="CD 94",
                                     keyword='"pistes cyclables"', sort="revision",
                                     descending=True))
    assert [t.text for t in parsed.text] == ["velo", "paris"]
    assert [t.text for t in parsed.organisation] == ["cd", "94"]
    assert [t.text for t in parsed.keyword] == ["pistes cyclables"]
    assert parsed.sort == "revision" and parsed.descending
    with pytest.raises(ValueError):
        parse_query(SearchQuery(sort="popularity"))
