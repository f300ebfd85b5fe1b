"""After an apply, the dataset's record is updated in a real pycsw 2.6.2 (CSW-T behind
real HTTP Basic authentication, tests/sdi/serve_pycsw.py), read back with a fresh
GetRecordById and parsed by the plugin's own ISO parser.

The data side is a GeoPackage copy of the demo's eclairage_public (the quickest real
target); every request to the catalogue goes through QGIS's network stack with a Basic
authentication configuration, as in the desktop.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import requests
from lxml import etree

from geogov.plugin.bridge.network import QgisTransport
from geogov.plugin.catalogue.csw_transaction import get_iso_record
from geogov.plugin.catalogue.iso19139 import parse_record
from geogov.plugin.governance.convention import CatalogueRecord
from geogov.plugin.governance.frequency import next_due
from geogov.plugin.proposals.model import APPLIED, Target
from geogov.plugin.publishing import record_update
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_proposal, record_result, retry_catalogue_update
from geogov.tests.support.apply_helpers import (
    TABLE,
    approved_proposal,
    changeset_of,
    eclairage_schema,
    read_gpkg,
)
from geogov.tests.support.auth import basic_authcfg
from geogov.tests.support.catalogue_server import start_writable_pycsw
from geogov.tests.support.servers import copy_geopackage

RECORD = "878ab4ef-f744-5d75-a196-990f5b36389b"          # the demo's éclairage public
STEWARD, STEWARD_PASSWORD = "steward_sipperec", "catalogue-pw-sipperec"
MOMENT = dt.datetime(2026, 12, 11, 23, 40, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def pycsw_writable(demo_build, tmp_path_factory):
    server = start_writable_pycsw(demo_build, tmp_path_factory.mktemp("pycsw-t"),
                                  {STEWARD: STEWARD_PASSWORD}, today=TODAY)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pycsw_read_only(demo_build, tmp_path_factory):
    server = start_writable_pycsw(demo_build, tmp_path_factory.mktemp("pycsw-ro"),
                                  {STEWARD: STEWARD_PASSWORD}, transactions=False, today=TODAY)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def steward_authcfg(qgis_app):
    config_id = basic_authcfg(STEWARD, STEWARD_PASSWORD)
    yield config_id
    from qgis.core import QgsApplication

    QgsApplication.authManager().removeAuthenticationConfig(config_id)


def served(url: str):
    """The record as the catalogue serves it now, through a fresh GetRecordById."""
    return parse_record(get_iso_record(QgisTransport(), url, RECORD), url)


def gpkg_proposal(demo_build, tmp_path):
    """An approved proposal on a GeoPackage copy of the lighting layer, in a store whose
    convention publishes the dataset in GeoPackages (store_fixtures.dataset_target)."""
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
    from geogov.tests.support import store_fixtures

    with GeoPackageStore(tmp_path / "store.gpkg", "coord_region") as admin:
        admin.sync_convention(store_fixtures.convention("gpkg"))
    path = copy_geopackage(demo_build / "data" / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    base = read_gpkg(path)
    edited = copy.deepcopy(base)
    edited[sorted(base)[0]].attributes["etat"] = "remplacée"
    changes = changeset_of(base, edited, eclairage_schema())
    return approved_proposal(tmp_path / "store.gpkg", changes, Target("gpkg", str(path), TABLE))


def test_applied_data_stamps_the_record(pycsw_writable, steward_authcfg, demo_build, tmp_path):
    before = served(pycsw_writable.url)
    assert before.maintenance.frequency == "quarterly"
    store, proposal = gpkg_proposal(demo_build, tmp_path)
    try:
        link = CatalogueRecord(pycsw_writable.url, RECORD)
        result = apply_proposal(proposal, record=link,
                                catalogue_transport=QgisTransport(steward_authcfg), moment=MOMENT)
        assert result.status == outcomes.APPLIED
        assert result.catalogue["status"] == record_update.UPDATED, result.catalogue
        assert [s.name for s in result.steps][-1] == "catalogue_update"
        stored = record_result(store, proposal, result)
        assert stored.status == APPLIED
        assert not record_update.needs_retry(store.get_proposal(proposal.id).apply_attempts)
    finally:
        store.close()
    after = served(pycsw_writable.url)
    # The local day of the apply (23:40 at UTC+1), not the UTC one.
    assert after.dates["revision"] == dt.date(2026, 12, 11)
    assert after.metadata_date == dt.date(2026, 12, 11)
    assert after.maintenance.next_update == next_due(dt.date(2026, 12, 11), "quarterly")
    assert after.last_revision == dt.date(2026, 12, 11)
    # Nothing else of the record changed.
    assert (after.title, after.identifier, after.dates["creation"]) == (
        before.title, before.identifier, before.dates["creation"])
    assert [(p.role, p.organisation) for p in after.parties] == \
        [(p.role, p.organisation) for p in before.parties]


def test_refused_catalogue_leaves_the_data_applied_then_retry(pycsw_writable, steward_authcfg,
                                                               demo_build, tmp_path, qgis_app):
    before = served(pycsw_writable.url)
    store, proposal = gpkg_proposal(demo_build, tmp_path)
    link = CatalogueRecord(pycsw_writable.url, RECORD)
    later = MOMENT + dt.timedelta(days=3)
    try:
        # No credentials: the HTTP gate answers 401; the data stays applied.
        result = apply_proposal(proposal, record=link, catalogue_transport=QgisTransport(),
                                moment=later)
        assert result.status == outcomes.APPLIED and result.catalogue_pending
        assert result.catalogue["status"] == record_update.REFUSED
        assert result.catalogue["error"]["code"] == "http.unauthorized"
        stored = record_result(store, proposal, result)
        assert stored.status == APPLIED
        assert record_update.needs_retry(stored.apply_attempts)
        assert served(pycsw_writable.url).metadata_date == before.metadata_date

        # A wrong password is refused the same way.
        wrong = basic_authcfg(STEWARD, "not-the-password")
        retried = retry_catalogue_update(store, stored, link, QgisTransport(wrong), moment=later)
        assert retried.catalogue["error"]["code"] == "http.unauthorized"
        assert record_update.needs_retry(store.get_proposal(proposal.id).apply_attempts)

        # The retry with the steward's configuration updates the record, data untouched.
        retried = retry_catalogue_update(store, store.get_proposal(proposal.id), link,
                                         QgisTransport(steward_authcfg), moment=later)
        assert retried.catalogue["status"] == record_update.UPDATED, retried.catalogue
        again = store.get_proposal(proposal.id)
        assert again.status == APPLIED and not record_update.needs_retry(again.apply_attempts)
        assert again.apply_attempts[-1].details["retry"] == "catalogue"
    finally:
        store.close()
    assert served(pycsw_writable.url).metadata_date == later.date()


def test_catalogue_without_transactions_refuses_with_its_exception(pycsw_read_only,
                                                                    steward_authcfg):
    outcome = record_update.update_record(CatalogueRecord(pycsw_read_only.url, RECORD),
                                          QgisTransport(steward_authcfg), moment=MOMENT)
    assert outcome["status"] == record_update.REFUSED
    assert outcome["stage"] == "update"
    assert outcome["error"]["code"].startswith("ows.")
    assert served(pycsw_read_only.url).metadata_date != MOMENT.date()


def test_unknown_record_is_refused_before_sending(pycsw_writable, steward_authcfg):
    outcome = record_update.update_record(CatalogueRecord(pycsw_writable.url, "no-such-record"),
                                          QgisTransport(steward_authcfg), moment=MOMENT)
    assert outcome["status"] == record_update.REFUSED and outcome["stage"] == "read"
    assert outcome["error"]["code"] == "csw.record_not_found"


def test_pycsw_record_property_on_a_datetime_changes_the_database_not_the_xml(
        pycsw_writable):
    """Why GeoGov sends the whole record (catalogue/csw_transaction.py): measured on pycsw
    2.6.2, a RecordProperty Update of apiso:Modified (the record's gmd:dateStamp, a
    gco:DateTime) reports totalUpdated 1 and leaves the served XML as it was; the same on
    apiso:RevisionDate (a gco:Date) does change it."""
    auth = (STEWARD, STEWARD_PASSWORD)

    def record_property(name, value):
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<csw:Transaction xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
  xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2"><csw:Update>
<csw:RecordProperty><csw:Name>{name}</csw:Name><csw:Value>{value}</csw:Value></csw:RecordProperty>
<csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsEqualTo>
<ogc:PropertyName>apiso:Identifier</ogc:PropertyName><ogc:Literal>{RECORD}</ogc:Literal>
</ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Update></csw:Transaction>"""
        reply = requests.post(pycsw_writable.url, data=body.encode(), auth=auth, timeout=30,
                              headers={"Content-Type": "application/xml"})
        assert reply.status_code == 200
        total = etree.fromstring(reply.content).findtext(
            ".//{http://www.opengis.net/cat/csw/2.0.2}totalUpdated")
        return int(total)

    before = served(pycsw_writable.url)
    assert record_property("apiso:Modified", "2031-01-02") == 1
    assert served(pycsw_writable.url).metadata_date == before.metadata_date
    assert record_property("apiso:RevisionDate", "2031-01-03") == 1
    assert served(pycsw_writable.url).dates["revision"] == dt.date(2031, 1, 3)


def test_apply_proposal_algorithm_applies_then_retries_the_record(processing, pycsw_writable,
                                                                  steward_authcfg, demo_build,
                                                                  tmp_path):
    """geogov:apply_proposal: the catalogue step with the convention's record (a copy of
    the demo convention naming this pycsw); refused without credentials, the data stays
    applied; run again on the applied proposal with CATALOGUE_AUTHCFG, the record alone."""
    import json

    from geogov.tests.sdi.stack import write_convention

    convention = write_convention(tmp_path, pycsw_writable.url)
    # The copy publishes the lighting in GeoPackages, where this test's proposal goes.
    text = convention.read_text(encoding="utf-8")
    wfs = 'target: {wfs: "http://127.0.0.1:*/ows", typename: eclairage_public, crs: EPSG:2154}'
    assert wfs in text
    convention.write_text(text.replace(wfs, 'target: {gpkg: "*/eclairage_public.gpkg", '
                                            'layer: eclairage_public, crs: EPSG:2154}'),
                          encoding="utf-8")
    store, proposal = gpkg_proposal(demo_build, tmp_path)
    store.close()
    common = {"STORE": str(tmp_path / "store.gpkg"), "LOGIN": STEWARD, "PROPOSAL": proposal.id,
              "CONVENTION": str(convention)}
    first = processing.run("geogov:apply_proposal", common)
    assert first["STATUS"] == "applied" and first["PROPOSAL_STATUS"] == "applied"
    assert first["CATALOGUE"] == "refused"
    assert json.loads(first["RESULT"])["catalogue"]["error"]["code"] == "http.unauthorized"

    again = processing.run("geogov:apply_proposal", {**common, "CATALOGUE_AUTHCFG": steward_authcfg})
    assert again["STATUS"] == "already_applied" and again["CATALOGUE"] == "updated"
    report = json.loads(again["RESULT"])
    assert [s["name"] for s in report["steps"]] == ["catalogue_update"]      # no data step
    assert served(pycsw_writable.url).metadata_date == dt.datetime.now().astimezone().date()

    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="only an approved proposal"):
        processing.run("geogov:apply_proposal", {**common, "CATALOGUE_AUTHCFG": steward_authcfg})
