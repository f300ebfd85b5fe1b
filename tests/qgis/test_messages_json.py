"""What a user reads for a JSON value of the wrong type or a document nesting too deeply, in
English and in French: where, what was expected and what is there, in one sentence."""

from __future__ import annotations

import pytest

from geogov.plugin.bridge.messages import error_text
from geogov.plugin.bridge.messages.catalogue import note_text
from geogov.plugin.bridge.messages.documents import json_words
from geogov.plugin.bridge.messages.governance import problem_text
from geogov.plugin.catalogue import ogcapi_records
from geogov.plugin.catalogue.search_notes import from_parser_notes
from geogov.plugin.errors import DocumentError
from geogov.plugin.governance.yaml_nodes import compose
from geogov.plugin.json_expect import EXPECTED_WORDS, FOUND_WORDS
from geogov.plugin.xmlsafe import parse_json
from geogov.tests.support.french import french

RECORD = {"type": "Feature", "id": "a", "geometry": None,
          "properties": {"title": "Plan vélo", "contacts": [{"name": "SIG", "roles": [3]}]}}


def wrong_record():
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.parse_record(RECORD)
    return caught.value


def deep_json():
    with pytest.raises(DocumentError) as caught:
        parse_json(b"[" * 5000 + b"]" * 5000)
    return caught.value


def test_every_word_of_the_core_has_its_translation():
    assert set(EXPECTED_WORDS) | set(FOUND_WORDS) <= set(json_words())


def test_english_sentences(qgis_app):
    assert error_text(wrong_record()) == ("In the JSON document, “properties.contacts[0]."
                                          "roles[0]” should be a text string, not a number.")
    with pytest.raises(DocumentError) as caught:
        ogcapi_records.conformance_classes([])
    assert error_text(caught.value) == "The JSON document should be an object, not a list."
    assert error_text(deep_json()).startswith("The document nests more than 64 levels deep.")
    page = ogcapi_records.parse_items({"type": "FeatureCollection",
                                       "features": [RECORD, {**RECORD, "id": "b"}]})
    first = from_parser_notes(page.notes)[0]
    assert note_text(first) == (
        "Record no. 1 of the page could not be read and was left out. In the JSON document, "
        "“features[0].properties.contacts[0].roles[0]” should be a text string, not a number.")
    root, [problem] = compose("a: " + "[" * 3000 + "]" * 3000)
    assert root is None
    assert problem_text(problem) == "The document nests more than 64 levels deep: it was not read."


def test_french_sentences(qgis_app, tmp_path):
    with french(tmp_path):
        assert error_text(wrong_record()) == (
            "Dans le document JSON, « properties.contacts[0].roles[0] » devrait être une "
            "chaîne de caractères ; c'est un nombre.")
        assert error_text(deep_json()).startswith(
            "Le document comporte plus de 64 niveaux d'imbrication.")
        page = ogcapi_records.parse_items({"type": "FeatureCollection", "features": [5]})
        assert note_text(from_parser_notes(page.notes)[0]) == (
            "La fiche n° 1 de la page n'a pas pu être lue et a été écartée. Dans le document "
            "JSON, « features[0] » devrait être un objet ; c'est un nombre.")
