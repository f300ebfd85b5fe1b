"""The convention's ``metadata:`` (the catalogue record updated after an apply) and
``target:`` keys, and stamping an ISO 19139 record's dates (catalogue/iso19139_stamp.py)."""

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from geogov.plugin.catalogue.iso19139 import parse_record
from geogov.plugin.catalogue.iso19139_stamp import stamp_record
from geogov.plugin.errors import ConventionError
from geogov.plugin.governance.convention_loader import load_convention_bytes

HERE = Path(__file__).resolve().parent
MINIMAL = (HERE / "conventions" / "valid-minimal.yaml").read_text(encoding="utf-8")


def with_keys(extra: str, records: str = "[rec-velo]") -> str:
    text = MINIMAL.replace("match: {records: [rec-velo]}", f"match: {{records: {records}}}")
    return text.replace("personal_data: false", "personal_data: false\n" + extra, 1)


def test_the_record_defaults_to_the_one_match_records_names():
    convention = load_convention_bytes(with_keys("    metadata: {catalogue: 'https://c.example.org/csw'}"))
    assert next(iter(convention.datasets.values())).metadata.record == "rec-velo"


def test_metadata_and_an_oapif_target_are_read():
    convention = load_convention_bytes(with_keys(
        "    metadata: {catalogue: 'https://cat.example.org/csw', record: rec-1, authcfg: geo1}\n"
        "    target: {oapif: 'https://api.example.org/ogc', collection: velo, crs: EPSG:2154}"))
    dataset = next(iter(convention.datasets.values()))
    assert (dataset.metadata.catalogue, dataset.metadata.record, dataset.metadata.authcfg) == (
        "https://cat.example.org/csw", "rec-1", "geo1")
    assert (dataset.target.kind, dataset.target.uri, dataset.target.layer) == (
        "oapif", "https://api.example.org/ogc", "velo")


@pytest.mark.parametrize("extra, code", [
    ("    metadata: {catalogue: 'file:///etc/passwd', record: r}", "convention.bad_url"),
    ("    metadata: {catalogue: 'https://cat.example.org/csw'}", "convention.metadata_record"),
    ("    metadata: {record: r}", "convention.missing_key"),
])
def test_bad_keys_are_located(extra, code):
    with pytest.raises(ConventionError) as caught:
        load_convention_bytes(with_keys(extra, "[rec-velo, rec-2]"))
    problems = caught.value.problems
    assert code in [p.code for p in problems]
    assert all(p.line > 0 for p in problems if p.code == code)


RECORD = b"""<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"
 xmlns:gco="http://www.isotc211.org/2005/gco">
 <gmd:fileIdentifier><gco:CharacterString>r1</gco:CharacterString></gmd:fileIdentifier>
 <gmd:dateStamp><gco:DateTime>2020-01-01T08:00:00</gco:DateTime></gmd:dateStamp>
 <gmd:identificationInfo><gmd:MD_DataIdentification>
  <gmd:citation><gmd:CI_Citation>
   <gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>
   <gmd:date><gmd:CI_Date><gmd:date><gco:Date>2019-05-01</gco:Date></gmd:date>
    <gmd:dateType><gmd:CI_DateTypeCode codeList="x" codeListValue="creation"/></gmd:dateType>
   </gmd:CI_Date></gmd:date>
  </gmd:CI_Citation></gmd:citation>
  <gmd:abstract><gco:CharacterString>A</gco:CharacterString></gmd:abstract>
  <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation>
   <gmd:maintenanceAndUpdateFrequency><gmd:MD_MaintenanceFrequencyCode codeList="x"
     codeListValue="monthly"/></gmd:maintenanceAndUpdateFrequency>
  </gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>
 </gmd:MD_DataIdentification></gmd:identificationInfo>
</gmd:MD_Metadata>"""


def test_stamp_adds_a_revision_date_and_the_next_update_where_iso_puts_them():
    md = etree.fromstring(RECORD)
    moment = dt.datetime(2026, 12, 11, 23, 40, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    stamp_record(md, moment.date(), moment, dt.date(2027, 1, 11))
    record = parse_record(md)
    assert record.dates == {"creation": dt.date(2019, 5, 1), "revision": dt.date(2026, 12, 11)}
    assert record.metadata_date == dt.date(2026, 12, 11)
    assert record.maintenance.next_update == dt.date(2027, 1, 11)
    ns = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}
    assert md.findtext("gmd:dateStamp/gco:DateTime", namespaces=ns) == "2026-12-11T23:40:00+01:00"
    citation = md.find(".//gmd:CI_Citation", ns)
    assert [etree.QName(c).localname for c in citation] == ["title", "date", "date"]
    info = md.find(".//gmd:MD_MaintenanceInformation", ns)
    assert [etree.QName(c).localname for c in info] == ["maintenanceAndUpdateFrequency",
                                                         "dateOfNextUpdate"]


def test_stamp_replaces_existing_dates_keeping_their_kind():
    md = etree.fromstring(RECORD.replace(b"creation", b"revision"))
    day = dt.date(2026, 12, 1)
    stamp_record(md, day, dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.timezone.utc))
    again = parse_record(md)
    assert again.dates == {"revision": day}
    assert again.maintenance.next_update is None           # not asked for
