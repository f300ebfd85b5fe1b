"""A layer's edit buffer -> a change set (bridge/propose.py EditBufferRows): the snapshot
"Propose my changes" takes on the main thread and diffs in a task."""

import datetime as dt
import threading

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QDate

from geogov.plugin.bridge import features
from geogov.plugin.bridge.propose import EditBufferRows
from geogov.plugin.bridge.qgis_compat import FieldType
from geogov.plugin.errors import Cancelled
from geogov.plugin.proposals import gpkg_table_reader
from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.model import DELETE, INSERT, UPDATE
from geogov.tests.qgis.test_features import layer, make_gpkg


def snapshot(edited, key=None):
    return EditBufferRows(edited, features.schema_from_layer(edited, key))


def summary(changeset):
    return sorted((c.op, str(c.key), tuple(c.changed_fields), c.geometry_changed) for c in changeset.changes)


def point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


def test_edit_buffer_to_changeset(qgis_app, tmp_path):
    path = make_gpkg(tmp_path / "edit.gpkg", 20)
    edited = layer(path)
    fields = edited.fields()
    assert edited.startEditing()
    edited.changeAttributeValue(2, fields.indexOf("puissance_w"), 500)
    edited.changeAttributeValue(2, fields.indexOf("identifiant"), "EP-RENAMED")
    same_value = edited.getFeature(9)["hauteur_m"]
    edited.changeAttributeValue(9, fields.indexOf("hauteur_m"), same_value)     # no real change
    edited.changeGeometry(3, point(651300.0, 6861900.0))
    edited.deleteFeature(4)
    new = QgsFeature(fields)
    new.setAttribute("identifiant", "EP-NEW")
    new.setAttribute("date_pose", QDate(2025, 7, 1))
    new.setGeometry(point(651000.0, 6862000.0))
    edited.addFeature(new)
    rows = snapshot(edited)
    assert len(rows) == 5              # features to read: 2, 3, 4, 9 (set to its own value) and the new one
    seen = []
    cs = rows.changeset(progress=seen.append)
    assert seen and seen[-1] == 1.0
    insert_key = next(c.key for c in cs.changes if c.op == INSERT)
    assert insert_key < 0                                   # provisional QGIS id: no fid yet
    assert summary(cs) == sorted([(UPDATE, "2", ("identifiant", "puissance_w"), False),
                                  (UPDATE, "3", (), True), (DELETE, "4", (), False),
                                  (INSERT, str(insert_key), (), False)])
    inserted = next(c for c in cs.changes if c.op == INSERT)
    assert inserted.new["date_pose"] == dt.date(2025, 7, 1) and inserted.new["identifiant"] == "EP-NEW"
    # The base fingerprints equal those of the same features read by plain SQLite.
    schema = gpkg_table_reader.geopackage_schema(path, "eclairage_public")
    by_key = {r[0]: r for r in gpkg_table_reader.read_rows(path, "eclairage_public", schema)}
    for change in cs.changes:
        if change.op != INSERT:
            key, values, blob = by_key[change.key]
            expected = fingerprint(dict(zip(schema.field_names(), values)), blob, schema)
            assert change.base_fingerprint == expected
    edited.rollBack()
    assert snapshot(edited).changeset().changes == []
    assert len(snapshot(edited)) == 0


def test_with_a_key_field_a_changed_key_is_an_update_of_the_base_key(qgis_app, tmp_path):
    edited = layer(make_gpkg(tmp_path / "keys.gpkg", 10))
    fields = edited.fields()
    assert edited.startEditing()
    edited.changeAttributeValue(2, fields.indexOf("identifiant"), "EP-RENAMED")
    edited.deleteFeature(5)
    named = QgsFeature(fields)
    named.setAttribute("identifiant", "EP-NEW")
    named.setGeometry(point(651000.0, 6862000.0))
    anonymous = QgsFeature(fields)                      # no key value yet
    anonymous.setGeometry(point(651001.0, 6862001.0))
    assert edited.addFeature(named) and edited.addFeature(anonymous)
    cs = snapshot(edited, "identifiant").changeset()
    by_op = {}
    for change in cs.changes:
        by_op.setdefault(change.op, []).append(change)
    (update,), (delete,) = by_op[UPDATE], by_op[DELETE]
    assert (update.key, update.old["identifiant"], update.new["identifiant"]) == \
        ("EP-0002", "EP-0002", "EP-RENAMED")
    assert delete.key == "EP-0005"
    keys = sorted(by_op[INSERT], key=lambda c: isinstance(c.key, int))
    assert keys[0].key == "EP-NEW"
    assert isinstance(keys[1].key, int) and keys[1].key < 0      # its provisional feature id


def test_the_snapshot_keeps_the_edits_it_was_taken_from_and_diffs_in_another_thread(qgis_app, tmp_path):
    edited = layer(make_gpkg(tmp_path / "snap.gpkg", 10))
    fields = edited.fields()
    assert edited.startEditing()
    edited.changeAttributeValue(2, fields.indexOf("puissance_w"), 500)
    rows = snapshot(edited)
    # The user goes on editing while the task reads.
    edited.changeAttributeValue(2, fields.indexOf("puissance_w"), 600)
    edited.changeAttributeValue(3, fields.indexOf("puissance_w"), 700)
    edited.deleteFeature(4)
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("cs", rows.changeset()))
    worker.start()
    worker.join(60)
    (change,) = done["cs"].changes
    assert (change.op, change.key, change.new["puissance_w"]) == (UPDATE, 2, 500)
    assert summary(snapshot(edited).changeset()) == [(DELETE, "4", (), False),
                                                     (UPDATE, "2", ("puissance_w",), False),
                                                     (UPDATE, "3", ("puissance_w",), False)]


def test_a_field_added_in_the_edit_buffer_comes_as_an_unknown_field(qgis_app, tmp_path):
    edited = layer(make_gpkg(tmp_path / "extra.gpkg", 5))
    assert edited.startEditing()
    assert edited.addAttribute(QgsField("remarque", FieldType.STRING))
    edited.changeAttributeValue(2, edited.fields().indexOf("remarque"), "à revoir")
    rows = snapshot(edited)
    assert "remarque" not in rows.schema.field_names()
    (change,) = rows.changeset().changes
    assert change.op == UPDATE and change.key == 2 and change.new["remarque"] == "à revoir"


def test_a_layer_without_edits_gives_no_changes_and_a_cancel_stops_the_diff(qgis_app, tmp_path):
    edited = layer(make_gpkg(tmp_path / "none.gpkg", 5))
    assert snapshot(edited).changeset().changes == []              # not even editable
    assert edited.startEditing()
    assert snapshot(edited).changeset().changes == []              # editable, nothing edited
    edited.deleteFeature(1)
    with pytest.raises(Cancelled):
        snapshot(edited).changeset(is_cancelled=lambda: True)
