"""Our ISO 19139 parser against OWSLib's MD_Metadata on every corpus record.

Runs under both OWSLib versions the plugin meets (`make test-unit` runs the unit tests with
the newest OWSLib and with Debian's 0.27 that QGIS 3.22 ships): whatever OWSLib reads,
we read the same — title, fileIdentifier, metadata contacts, resource points of contact —
while reading more (maintenance, distributor contacts under MD_Format, xlink-only parties).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from geogov.plugin.catalogue import iso19139
from geogov.plugin.errors import GeoGovError
from geogov.plugin.xmlsafe import parse_xml

owslib = pytest.importorskip("owslib")
from owslib.iso import MD_Metadata  # noqa: E402 - after the importorskip

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("GEOGOV_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _iso_files():
    folder = DATA / "ogc"
    if not folder.is_dir():
        return ["corpus-absent"]
    # Only documents that hold ISO 19139 records (a byte test, at collection time).
    return sorted(str(p.relative_to(folder)) for folder_name in ("iso19139", "csw")
                  for p in (folder / folder_name).glob("*.xml")
                  if b"MD_Metadata" in p.read_bytes() or b"MI_Metadata" in p.read_bytes())


def _identification(metadata):
    # OWSLib 0.27: an object; newer versions: a list (see ENVIRONMENT.md).
    identification = metadata.identification
    if isinstance(identification, list):
        return identification[0] if identification else None
    return identification


@pytest.mark.corpus
@pytest.mark.parametrize("name", _iso_files())
def test_same_title_identifier_and_contacts_as_owslib(shared_data, name):
    try:
        root = parse_xml((shared_data / "ogc" / name).read_bytes(), name)
    except GeoGovError:
        pytest.skip("not well-formed XML (a 'bad' corpus file, tested elsewhere)")
    elements = [e for e in root.iter() if isinstance(e.tag, str) and iso19139.is_record(e)]
    if not elements:
        pytest.skip("no ISO 19139 record in this document")
    compared = 0
    for element in elements:
        try:
            record = iso19139.parse_record(element, name)
        except GeoGovError:
            continue  # refused on purpose (missing mandatory element): tested elsewhere
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            metadata = MD_Metadata(element)
            identification = _identification(metadata)
        assert record.identifier == metadata.identifier
        assert record.title == identification.title
        ours = [p.context for p in record.parties if not (p.href and not p.organisation
                                                          and not p.individual)]
        assert ours.count("metadata_contact") == len(metadata.contact)
        assert ours.count("resource_contact") == len(identification.contact)
        compared += 1
    if not compared:
        pytest.skip("every record of this document is refused on purpose")
