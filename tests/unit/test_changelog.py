"""The public change log (journal des modifications): CSV, GeoJSON and standalone HTML."""

import csv
import datetime as dt
import io
import json
import struct

import pytest
from lxml import etree

from geogov.plugin.errors import GeoGovError
from geogov.plugin.proposals.model import Change, ChangeSet, FieldDef, Schema
from geogov.plugin.proposals.stores.base import ChangelogEntry
from geogov.plugin.publishing.changelog import (
    change_rows,
    export_changelog,
    to_csv,
    to_geojson,
    to_html,
)

SCHEMA = Schema(fields=[FieldDef("identifiant", "string", False), FieldDef("etat"),
                        FieldDef("puissance_w", "integer")],
                key="identifiant", geometry_type="Point", crs="EPSG:2154")
UTC = dt.timezone.utc


def pt(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def entries():
    first = ChangeSet(schema=SCHEMA, changes=[
        Change("update", "EP-1", old={"identifiant": "EP-1", "etat": "en service", "puissance_w": 40},
               new={"identifiant": "EP-1", "etat": "en panne", "puissance_w": 40},
               old_geometry=pt(652000, 6862000), new_geometry=pt(652010, 6862000),
               changed_fields=["etat"], geometry_changed=True),
        Change("insert", "EP-2", new={"identifiant": "EP-2", "etat": "en service", "puissance_w": None},
               new_geometry=pt(652100, 6862100)),
        Change("delete", "EP-3", old={"identifiant": "EP-3", "etat": "déposé"},
               old_geometry=pt(652200, 6862200))])
    second = ChangeSet(schema=SCHEMA, changes=[
        Change("update", "EP-9", old={"etat": "a"}, new={"etat": "<b>&"}, changed_fields=["etat"])])
    return [
        ChangelogEntry("p-2", "eclairage-public", "Deuxième <script>", "Vérification, \"terrain\"",
                       "tech94", "cd94", [("steward_sipperec", "steward", None)], "steward_sipperec",
                       dt.datetime(2026, 5, 2, 8, 0, tzinfo=UTC), {"update": 1}, second),
        ChangelogEntry("p-1", "eclairage-public", "Remplacement des lampes", "Lampes LED à Créteil",
                       "tech94", "cd94", [("steward_sipperec", "steward", None),
                                          ("coord_region", "coordinator", None)],
                       "steward_sipperec", dt.datetime(2026, 5, 1, 9, 30, 12, 5, tzinfo=UTC),
                       {"insert": 1, "update": 1, "delete": 1}, first),
    ]


def test_rows_are_oldest_first_one_per_feature():
    rows = change_rows(entries())
    assert [(r["proposal"], r["operation"], r["feature"]) for r in rows] == [
        ("p-1", "update", "EP-1"), ("p-1", "insert", "EP-2"), ("p-1", "delete", "EP-3"),
        ("p-2", "update", "EP-9")]
    assert rows[0]["applied_at"] == "2026-05-01T09:30:12Z"
    assert rows[0]["changes"] == "etat: en service → en panne | geometry"
    assert rows[1]["changes"] == "identifiant: EP-2 | etat: en service"
    assert rows[0]["approved_by"] == "steward_sipperec (steward), coord_region (coordinator)"


def test_csv_round_trips_through_a_csv_reader():
    text = to_csv(entries())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    assert rows[3]["why"] == "Vérification, \"terrain\"" and rows[3]["title"] == "Deuxième <script>"
    assert rows[0]["applied_by"] == "steward_sipperec" and rows[0]["why"] == "Lampes LED à Créteil"


def test_geojson_is_wgs84_longitude_latitude():
    collection = to_geojson(entries())
    features = collection["features"]
    assert len(features) == 4
    lon, lat = features[0]["geometry"]["coordinates"]
    assert 2.0 < lon < 3.0 and 48.5 < lat < 49.2            # Île-de-France, lon first
    assert features[2]["geometry"] is not None               # a deletion: the old geometry
    assert features[3]["geometry"] is None
    assert features[0]["properties"]["operation"] == "update"
    json.dumps(collection)


def test_html_is_standalone_escaped_and_translatable():
    page = to_html(entries(), dataset_title="Éclairage public",
                   tr=lambda text: {"Why": "Pourquoi", "deleted": "supprimé"}.get(text, text),
                   generated_at=dt.datetime(2026, 5, 3, tzinfo=UTC))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;" in page and "&lt;b&gt;&amp;" in page
    assert "Pourquoi" in page and "supprimé" in page and "Éclairage public" in page
    assert "http" not in page                                # nothing fetched from elsewhere
    root = etree.fromstring(page.split("\n", 1)[1].encode(), etree.HTMLParser())
    sections = root.findall(".//section")
    assert [s.find("h2").text for s in sections] == [
        "2026-05-01T09:30:12Z — Remplacement des lampes", "2026-05-02T08:00:00Z — Deuxième <script>"]
    assert len(sections[0].findall(".//tbody/tr")) == 3


def test_the_page_names_people_and_partners_and_gives_times_as_asked():
    names = {"tech94": "Camille Martin", "steward_sipperec": "Sam Leroy",
             "coord_region": "Dominique Petit"}
    page = to_html(entries(), person=lambda login: names.get(login, login),
                   partner=lambda pid: {"cd94": "Département du Val-de-Marne"}.get(pid, pid),
                   local_time=lambda moment: f"le {moment.day}/{moment.month} à {moment.hour} h",
                   generated_at=dt.datetime(2026, 5, 3, 7, tzinfo=UTC))
    assert "Proposed by Camille Martin (Département du Val-de-Marne)" in page
    assert "approved by Sam Leroy, Dominique Petit" in page and "applied by Sam Leroy" in page
    assert "tech94" not in page and "steward_sipperec" not in page
    assert "le 1/5 à 9 h — Remplacement des lampes" in page and "le 3/5 à 7 h" in page
    assert "Z —" not in page


def test_every_sentence_of_the_page_goes_through_tr():
    """The page's words are translatable: each one reaches tr() (pylupdate only collects
    tr() calls outside f-strings, so they are made before the page is put together)."""
    asked = []
    to_html(entries(), tr=lambda text: asked.append(text) or text)
    for sentence in ("Changes published to the authoritative data, oldest first.", "Proposed by",
                     "approved by", "applied by", "Why", "Change", "Feature", "Details", "Proposal",
                     "Generated by GeoGov on"):
        assert sentence in asked


def test_empty_log():
    page = to_html([])
    assert "No change has been published yet." in page
    assert to_csv([]).splitlines() == ["applied_at,proposal,dataset,title,why,author,partner,"
                                       "approved_by,applied_by,operation,feature,changes,catalogue"]


def test_export_by_extension(tmp_path):
    assert export_changelog(entries(), str(tmp_path / "journal.csv")) == "csv"
    assert (tmp_path / "journal.csv").read_bytes().startswith(b"\xef\xbb\xbf")   # BOM for spreadsheets
    assert export_changelog(entries(), str(tmp_path / "journal.geojson")) == "geojson"
    assert json.loads((tmp_path / "journal.geojson").read_text("utf-8"))["type"] == "FeatureCollection"
    assert export_changelog(entries(), str(tmp_path / "journal.html"), dataset_title="x") == "html"
    with pytest.raises(GeoGovError) as info:
        export_changelog(entries(), str(tmp_path / "journal.xlsx"))
    assert info.value.code == "changelog.format"
