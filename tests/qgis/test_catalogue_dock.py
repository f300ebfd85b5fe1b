"""The Catalogue dock's widgets, offline: results table, detail pane, notes, labels.

Records are built here or read from the real-document corpus (../shared/data). The
network side (a socket that never answers) is in test_catalogue_dock_tasks.py; the demo
servers in tests/integration/test_catalogue_dock.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsSettings

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.labels import catalogue as catalogue_labels
from geogov.plugin.bridge.messages.catalogue import note_text, notes_text
from geogov.plugin.catalogue import model
from geogov.plugin.catalogue import search_notes as notes_
from geogov.plugin.catalogue.documents import read_file
from geogov.plugin.catalogue.model import (
    Maintenance,
    OnlineResource,
    Party,
    Record,
    SearchResult,
)
from geogov.tests.support.french import french
from geogov.ui.catalogue_dock import CatalogueDock
from geogov.ui.catalogue_results import result_row
from geogov.ui.raw_response_dialog import exchange_text
from geogov.ui.record_details import RecordDetails, group_parties

DEPARTEMENTS = ["Ville de Paris", "Département de Seine-et-Marne", "Département des Yvelines",
                "Département de l'Essonne", "Département des Hauts-de-Seine",
                "Département de la Seine-Saint-Denis", "Département du Val-de-Marne",
                "Département du Val-d'Oise"]


def party(context, role, raw=None, status=model.ROLE_ISO19139, **fields):
    return Party(context=context, role=role, role_raw=role or "" if raw is None else raw,
                 role_status=status, **fields)


def cycling_record() -> Record:
    ipr = dict(organisation="L'Institut Paris Region", individual="Hugo Lefèvre",
               position="Référent données", email="hugo.lefevre@example.org",
               phone="+33 1 00 00 00 00")
    parties = [party(model.METADATA_CONTACT, "custodian", **ipr),
               party(model.CITED_PARTY, "custodian", **ipr),
               party(model.MAINTENANCE_CONTACT, "custodian", **ipr)]
    parties += [party(model.CITED_PARTY, "originator", organisation=name) for name in DEPARTEMENTS]
    parties += [
        party(model.CITED_PARTY, "owner", organisation="Région Île-de-France",
              url="https://www.iledefrance.fr"),
        party(model.DISTRIBUTOR, "distributor", organisation="Région Île-de-France"),
        party(model.RESOURCE_CONTACT, None, raw="partner", status=model.ROLE_NONSTANDARD,
              organisation="Partenaire du SIG"),
        party(model.RESOURCE_CONTACT, None, raw="", status=model.ROLE_MISSING,
              href="https://annuaire.example.org/contacts/42"),
        party(model.CITED_PARTY, "contributor", status=model.ROLE_ISO19115_1,
              organisation="OpenStreetMap France"),
        party(model.OGCAPI_CONTACT, "originator", raw="producer",
              status=model.ROLE_NONSTANDARD, organisation="Ville de Paris"),
    ]
    return Record(
        identifier="6ec43d18-6632-5bd7-a5ac-427d141323f3", title="Aménagements cyclables",
        abstract="Pistes et bandes cyclables des huit départements.",
        keywords=["vélo", "mobilité"], bbox=(1.44, 48.12, 3.56, 49.24),
        dates={"creation": dt.date(2019, 1, 10), "revision": dt.date(2026, 3, 31)},
        licence="Licence Ouverte 2.0", constraints=["Licence Ouverte 2.0", "Pas de restriction"],
        links=[OnlineResource("http://127.0.0.1:9/ows", model.LINK_WMS, "OGC:WMS",
                              "amenagements_cyclables"),
               OnlineResource("http://127.0.0.1:9/ows", model.LINK_WFS, "OGC:WFS",
                              "amenagements_cyclables"),
               OnlineResource("https://example.org/fiche", model.LINK_WEBPAGE, "WWW:LINK")],
        parties=parties,
        maintenance=Maintenance(frequency="quarterly", frequency_raw="quarterly",
                                next_update=dt.date(2026, 6, 30)))


# ----------------------------------------------------------------------------- grouping


def test_parties_grouped_by_role_custodian_first_raw_roles_last():
    groups = group_parties(cycling_record().parties)
    assert [g.key for g in groups] == ["custodian", "originator", "owner", "distributor",
                                       "contributor", "raw:partner", "raw:"]
    custodian = groups[0]
    assert custodian.header == "Custodian (custodian)" and not custodian.flagged
    # One person in three places of the record: listed once, with the three contexts.
    assert len(custodian.entries) == 1
    assert custodian.entries[0].contexts == [model.METADATA_CONTACT, model.CITED_PARTY,
                                             model.MAINTENANCE_CONTACT]
    # The OGC API "producer" word is grouped under originator but kept apart as written.
    originators = groups[1].entries
    assert len(originators) == 9
    assert [e.party.role_raw for e in originators].count("producer") == 1
    partner = groups[5]
    assert partner.flagged and partner.header == "⚠ partner"
    assert partner.tooltip == "non-standard role, kept as is"
    assert groups[4].flagged and "ISO 19115-1" in groups[4].tooltip
    assert groups[6].header == "⚠ Role not stated"


def test_detail_pane_lists_every_party_with_contacts_and_contexts(qgis_app):
    pane = RecordDetails()
    pane.show_record(cycling_record())
    headers = [header.text() for header, _ in pane.group_labels]
    assert headers[0] == "<b>Custodian (custodian)</b>"
    custodian = pane.group_labels[0][1][0].text()
    assert "<b>L'Institut Paris Region</b>" in custodian.replace("&#x27;", "'")
    assert 'href="mailto:hugo.lefevre@example.org"' in custodian
    assert "tel. +33 1 00 00 00 00" in custodian
    assert "metadata contact, cited party, maintenance contact" in custodian
    owner = pane.group_labels[2][1][0].text()
    assert 'href="https://www.iledefrance.fr"' in owner
    partner_header, partner_parties = pane.group_labels[5]
    assert partner_header.toolTip() == "non-standard role, kept as is"
    assert partner_parties[0].toolTip() == "non-standard role, kept as is"
    reference = pane.group_labels[6][1][0].text()
    assert reference.startswith("Given by reference only: "
                                '<a href="https://annuaire.example.org/contacts/42">')
    producer_word = [label.text() for label in pane.group_labels[1][1]
                     if "producer" in label.text()]
    assert producer_word and "⚠ role written" in producer_word[0]
    texts = " ".join(label.text() for label in pane.findChildren(type(partner_header)))
    for expected in ("Licence Ouverte 2.0", "Pas de restriction", "vélo, mobilité",
                     "update frequency: Quarterly", "next update: 30 June 2026",
                     "Revised 31 March 2026", "west 1.4400", 'href="https://example.org/fiche"'):
        assert expected in texts, expected


def test_corpus_nonstandard_role_is_flagged_not_dropped(qgis_app, shared_data):
    record = read_file(shared_data / "ogc" / "iso19139" /
                       "owslib__9250AA67-F3AC-6C12-0CB9-0662231AA181_iso.xml").records[0]
    groups = group_parties(record.parties)
    primary = [g for g in groups if g.key == "raw:primary"]
    assert primary and primary[0].flagged and primary[0].header == "⚠ primary"
    assert primary[0].entries[0].party.organisation == "Environment Canada"
    pane = RecordDetails()
    pane.show_record(record)
    assert sum(len(labels) for _, labels in pane.group_labels) == \
        sum(len(g.entries) for g in groups) >= 2


def test_corpus_geonetwork_parties_resolved_from_xlink_keep_their_details(qgis_app, shared_data):
    record = read_file(shared_data / "ogc" / "iso19139" /
                       "gnui__geocat-ch.iso19139.dataset.xml").records[0]
    groups = {g.key: g for g in group_parties(record.parties)}
    assert set(groups) == {"pointOfContact", "owner"}
    contact = groups["pointOfContact"].entries[0]
    assert contact.party.email == "rolf.giezendanner@are.admin.ch"
    assert contact.contexts == [model.METADATA_CONTACT, model.RESOURCE_CONTACT]
    pane = RecordDetails()
    pane.show_record(record)
    assert "Given by reference only" not in " ".join(
        label.text() for _, labels in pane.group_labels for label in labels)


def _field_labels(pane) -> dict:
    """{caption: (value text, tooltip)} of the "About the record" form."""
    from qgis.PyQt.QtWidgets import QFormLayout

    form = pane.widget().findChild(QFormLayout)
    rows = {}
    for row in range(form.rowCount()):
        caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        rows[caption.text().replace("<b>", "").replace("</b>", "")] = (value.text(),
                                                                      value.toolTip())
    return rows


def test_detail_names_which_date_the_last_revision_is(qgis_app):
    record = cycling_record()
    record.dates = {"creation": dt.date(2019, 1, 10), "revision": dt.date(2024, 5, 2),
                    "publication": dt.date(2026, 3, 31)}
    pane = RecordDetails()
    pane.show_record(record)
    text, tooltip = _field_labels(pane)["Last revision"]
    assert text == "31 March 2026 (publication date)"
    assert tooltip.startswith("Last revision: the latest of the revision, publication and "
                              "creation dates")
    record.dates = {"creation": dt.date(2019, 1, 10)}
    pane.show_record(record)
    assert _field_labels(pane)["Last revision"][0] == "10 January 2019 (creation date)"
    record.dates = {}
    pane.show_record(record)
    assert "Last revision" not in _field_labels(pane)


def test_detail_of_a_swiss_profile_record(qgis_app):
    """The real geocat.ch record in its ISO 19115-3 form (tests/unit/profiles)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "unit" / "profiles" / \
        "che__gruenflaechen-19115-3.che.xml"
    pane = RecordDetails()
    pane.show_record(read_file(path).records[0])
    assert _field_labels(pane)["Last revision"][0] == "21 February 2024 (revision date)"
    headers = [header.text() for header, _ in pane.group_labels]
    assert "<b>Publisher (publisher)</b>" in headers and "<b>⚠ partner</b>" in headers


# ----------------------------------------------------------------------------- table


def test_result_row_columns():
    cells = [text for text, _ in result_row(cycling_record())]
    assert cells == ["Aménagements cyclables", "Ville de Paris (+7)",
                     "L'Institut Paris Region", "Quarterly", "31/03/2026", "WMS, WFS"]
    tooltip = result_row(cycling_record())[1][1]
    assert tooltip.split("\n") == DEPARTEMENTS
    assert result_row(cycling_record())[4] == ("31/03/2026", "31/03/2026 (revision date)")


def test_last_revision_header_says_what_it_means(qgis_app):
    from geogov.ui.catalogue_results import LAST_REVISION_COLUMN, ResultsModel

    results = ResultsModel()
    assert results.horizontalHeaderItem(LAST_REVISION_COLUMN).text() == "Last revision"
    assert "latest of the revision, publication and creation dates" in \
        results.horizontalHeaderItem(LAST_REVISION_COLUMN).toolTip()


@pytest.mark.parametrize("code, english", [
    ("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly"),
    ("quarterly", "Quarterly"), ("biannually", "Half-yearly"), ("annually", "Yearly"),
    ("asNeeded", "As needed"), ("irregular", "Irregular"), ("notPlanned", "Not planned"),
    ("unknown", "Unknown")])
def test_frequency_labels(code, english):
    assert catalogue_labels.frequency_label(Maintenance(frequency=code)) == english


def test_frequency_label_keeps_a_value_that_is_no_code():
    assert catalogue_labels.frequency_label(Maintenance(frequency_raw="tous les mardis")) == \
        "tous les mardis"
    assert catalogue_labels.frequency_label(None) == ""


# ----------------------------------------------------------------------------- notes


def test_every_note_code_has_a_sentence():
    for code in notes_.ALL_CODES:
        assert note_text(notes_.Note(code, {})) != code, code


def test_note_sentences_fill_their_params():
    sentences = notes_text([
        notes_.Note(notes_.ACCENTS_EXPANDED, {"terms": ["velo"], "patterns": 5}),
        notes_.Note(notes_.WORD_BOUNDARIES_FILTERED, {"hidden": 1, "examined": 2}),
        notes_.Note(notes_.SORT_UNSUPPORTED, {"sort": "revision"}),
        notes_.Note(notes_.BBOX_GLOBAL_DROPPED, {})])
    assert sentences[0] == 'Accents: the server was also asked for the accented spellings ' \
                           'of "velo".'
    assert "1 of 2 records were hidden" in sentences[1]
    assert sentences[2].startswith("Sort by revision date: not supported")
    assert "whole world" in sentences[3]


# ----------------------------------------------------------------------------- French


def test_french_labels(qgis_app, tmp_path):
    with french(tmp_path):
        groups = group_parties(cycling_record().parties)
        headers = [g.header for g in groups]
        assert headers[:4] == ["Gestionnaire (custodian)", "Producteur (originator)",
                               "Propriétaire (owner)", "Distributeur (distributor)"]
        assert groups[5].tooltip == "rôle non standard, conservé tel quel"
        cells = [text for text, _ in result_row(cycling_record())]
        assert cells[3] == "Trimestrielle" and cells[4] == "31/03/2026"
        assert result_row(cycling_record())[4][1] == "31/03/2026 (date de révision)"
        pane = RecordDetails()
        pane.show_record(cycling_record())
        text, tooltip = _field_labels(pane)["Dernière révision"]
        assert text == "31 mars 2026 (date de révision)"
        assert tooltip.startswith("Dernière révision : la plus récente des dates de révision, "
                                  "de publication et de création")
        labels = [catalogue_labels.frequency_label(Maintenance(frequency=c)) for c in (
            "daily", "weekly", "monthly", "quarterly", "biannually", "annually", "asNeeded",
            "irregular", "notPlanned", "unknown")]
        assert labels == ["Quotidienne", "Hebdomadaire", "Mensuelle", "Trimestrielle",
                          "Semestrielle", "Annuelle", "Au besoin", "Irrégulière",
                          "Non planifiée", "Inconnue"]
        assert catalogue_labels.context_label(model.METADATA_CONTACT) == \
            "contact des métadonnées"
        assert catalogue_labels.context_label(model.RESOURCE_CONTACT) == \
            "point de contact de la ressource"
        sentence = note_text(notes_.Note(notes_.BBOX_GLOBAL_DROPPED, {}))
        assert "monde entier" in sentence
        assert note_text(notes_.Note(notes_.ACCENTS_EXPANDED, {"terms": ["velo"]})) == \
            "Accents : le serveur a aussi été interrogé avec les graphies accentuées de « velo »."


# ----------------------------------------------------------------------------- dock


@pytest.fixture()
def catalogue_settings(qgis_app):
    QgsSettings().remove("geogov")
    gsettings.save(gsettings.Settings(catalogues=[
        gsettings.CatalogueConnection("Démo CSW", "http://127.0.0.1:9/csw", "csw", "2.0.2"),
        gsettings.CatalogueConnection("Démo Records", "http://127.0.0.1:9/collections/x",
                                      "ogcapi-records")]))
    yield
    QgsSettings().remove("geogov")


def test_dock_shows_a_result_page_with_counts_notes_and_buttons(qgis_iface, catalogue_settings):
    dock = CatalogueDock(qgis_iface)
    try:
        assert [dock.connection_box.itemText(i) for i in range(2)] == ["Démo CSW", "Démo Records"]
        record = cycling_record()
        plain = Record(identifier="zfe", title="Zones à faibles émissions")
        result = SearchResult(records=[record, plain], matched=42, returned=2, next_start=20,
                              notes=[notes_.Note(notes_.SORT_UNSUPPORTED, {"sort": "title"})],
                              exchange=model.Exchange(url="http://127.0.0.1:9/csw", status=200,
                                                      response=b"<a><b/></a>"))
        dock.shown_before = [20]
        dock.starts = [0, 20]
        dock.result = result
        dock.exchange = result.exchange
        dock._show_result(result)
        assert dock.model.rowCount() == 2
        assert [dock.model.headerData(i, 1) for i in range(6)] == [
            "Title", "Producer", "Maintainer", "Update frequency", "Last revision", "Services"]
        assert dock.page_label.text() == "Records 21 to 22 of 42 (the server's count)"
        assert dock.notes_label.text() == "• Sort by title: not supported by the server, " \
                                          "results come in its own order."
        assert dock.previous_button.isEnabled() and dock.next_button.isEnabled()
        # The first row is selected and shown; its links enable the add buttons.
        assert dock.details.record is record
        assert dock.add_buttons["wms"].isEnabled() and dock.add_buttons["wfs"].isEnabled()
        assert not dock.add_buttons["ogcapi_features"].isEnabled()
        dock.table.selectRow(1)
        assert dock.details.record is plain
        assert not dock.add_buttons["wms"].isEnabled()
        assert dock.raw_button.isEnabled()
    finally:
        dock.unload()
        dock.deleteLater()


def test_settings_change_refreshes_the_connection_picker(qgis_iface, catalogue_settings):
    from geogov.ui.settings_signal import settings_changed

    dock = CatalogueDock(qgis_iface)
    settings_changed.connect(dock.reload_connections)
    try:
        dock.connection_box.setCurrentIndex(1)
        values = gsettings.load()
        values.catalogues.insert(0, gsettings.CatalogueConnection(
            "Autre", "http://127.0.0.1:9/other", "csw", "3.0.0"))
        gsettings.save(values)
        settings_changed.emit()
        assert dock.connection_box.count() == 3
        assert dock.connection_box.currentText() == "Démo Records"   # kept by name
        assert dock.connection().kind == "ogcapi-records"
    finally:
        settings_changed.disconnect(dock.reload_connections)
        dock.unload()
        dock.deleteLater()


def test_raw_response_text_is_pretty_printed():
    exchange = model.Exchange(method="POST", url="http://127.0.0.1:9/csw",
                              body=b"<GetRecords><Query/></GetRecords>", status=200,
                              content_type="application/xml",
                              response=b'{"type":"FeatureCollection","features":[]}')
    text = exchange_text(exchange)
    assert text.startswith("Request\nPOST http://127.0.0.1:9/csw\n\n<GetRecords>\n  <Query/>")
    assert "Response: HTTP 200 application/xml" in text
    assert '"type": "FeatureCollection",\n  "features": []' in text


def test_raw_response_never_expands_entities():
    hostile = (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b"<a>&x;</a>")
    text = exchange_text(model.Exchange(url="http://x", status=200, response=hostile))
    assert "root:" not in text and "&x;" in text



def test_constraint_codes_are_said_in_words(qgis_app):
    """« accessConstraints: otherRestrictions » was shown as the parser wrote it."""
    record = cycling_record()
    record.licence = "Licence Ouverte 2.0"
    record.constraints = ["accessConstraints: otherRestrictions", "useConstraints: license",
                          "classification: unclassified", "Pas de restriction d'accès public"]
    pane = RecordDetails()
    pane.show_record(record)
    text = _field_labels(pane)["Constraints"][0]
    assert "otherRestrictions" not in text and "accessConstraints" not in text
    assert "Access: see the conditions below" in text and "Use: licence" in text
    assert "Classification: unclassified" in text and "Pas de restriction" in text
