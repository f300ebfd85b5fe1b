"""Every real-world document of ../shared/data/ogc against what INVENTORY.md says of it.

The expectations are read from INVENTORY.md's tables, not copied here: kind (real, odd,
bad), roles per file (CI_RoleCode, ows:Role, OGC API roles, providers), layer counts,
Transaction yes/no, CSW operations, matched counts and record children. Real and odd
documents must parse with the parser ``documents.read_document`` picks; bad ones must
raise the project's own error (a GeoGovError naming the file).

One deliberate exception, documented in plugin/catalogue/iso19139.py: INVENTORY marks
``ignfvalidator__missing-charset.xml`` bad because gmd:characterSet was removed. ISO
19115:2003 makes characterSet conditional (only when not UTF-8, and this file is UTF-8),
seven real files of the same corpus omit it too, and the IGN validator it comes from
reads it as valid with a null charset. It is parsed, with ``iso.characterset_missing``
in ``Record.problems``, and its roles are still checked.
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

import pytest

from geogov.plugin.catalogue import documents
from geogov.plugin.catalogue.model import ROLE_MISSING
from geogov.plugin.errors import GeoGovError

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("GEOGOV_SHARED_DATA", ROOT.parent / "shared" / "data"))
TOLERATED_BAD = {
    "iso19139/ignfvalidator__missing-charset.xml": "iso.characterset_missing",
}
ISO_STANDARDS = ("iso19139", "iso19115-2", "iso19115-3", "iso19110")


def _corpus_files() -> list:
    folder = DATA / "ogc"
    if not folder.is_dir():
        return ["corpus-absent"]
    return sorted(str(p.relative_to(folder)) for p in folder.glob("*/*") if p.is_file())


def _inventory(path: Path) -> dict:
    """{"csw/file.xml": {"records": …, "roles": …, "kind": …}} from INVENTORY.md's tables."""
    rows = {}
    folder = None
    for line in path.read_text(encoding="utf-8").splitlines():
        header = re.match(r"^### ogc/(\w+):", line)
        if header:
            folder = header.group(1)
            continue
        if folder is None or not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        name = cells[0].strip("`")
        rows[f"{folder}/{name}"] = {"type": cells[1], "records": cells[3], "roles": cells[4],
                                    "kind": cells[6]}
    return rows


@pytest.fixture(scope="module")
def inventory(shared_data) -> dict:
    rows = _inventory(shared_data / "INVENTORY.md")
    assert len(rows) > 100, "INVENTORY.md tables not found"
    return rows


def _counts(text: str) -> collections.Counter:
    return collections.Counter({name: int(n) for name, n in
                                re.findall(r"(\(empty\)|[A-Za-z]+)×(\d+)", text)})


def expected_roles(cell: str) -> dict:
    """{"iso": Counter, "ows": Counter, "ogcapi": Counter, "providers": int} of a roles cell."""
    expected = {"iso": collections.Counter(), "ows": collections.Counter(),
                "ogcapi": collections.Counter(), "providers": 0}
    if cell.startswith("CI_RoleCode:"):
        # "; in xlink:href: …" repeats roles carried by embedded parties: not extra parties.
        expected["iso"] = _counts(cell.split(":", 1)[1].split(";")[0])
    elif cell.startswith("ows:Role:"):
        expected["ows"] = _counts(cell.split(":", 1)[1])
    elif cell.startswith("contacts[].roles:"):
        expected["ogcapi"] = _counts(cell.split(":", 1)[1])
    elif cell.startswith("providers"):
        expected["providers"] = int(cell.rsplit(":", 1)[1])
    else:
        assert cell.startswith("none"), f"unexpected roles cell {cell!r}"
    return expected


def found_roles(document) -> dict:
    found = {"iso": collections.Counter(), "ows": collections.Counter(),
             "ogcapi": collections.Counter(), "providers": 0}
    for record in document.records:
        for party in record.parties:
            if record.standard in ISO_STANDARDS:
                if party.role_status != ROLE_MISSING:  # INVENTORY counts CI_RoleCode elements
                    found["iso"][party.role_raw or "(empty)"] += 1
            elif record.standard == "ogcapi-records":
                if party.role_status == ROLE_MISSING:
                    found["providers"] += 1
                else:
                    found["ogcapi"][party.role_raw] += 1
    contact = document.service.contact if document.service is not None else None
    if contact is not None and contact.role_status != ROLE_MISSING:
        found["ows"][contact.role_raw or "(empty)"] += 1
    return found


def check_records_column(document, cell: str) -> None:
    """Layer, feature type, operation, matched and children counts of the records column."""
    match = re.search(r"layers: (\d+) \(named (\d+)\)", cell)
    if match:
        assert len(document.service.layers) == int(match.group(1))
        assert len(document.service.named_layers) == int(match.group(2))
    match = re.search(r"feature types: (\d+); Transaction: (yes|no)", cell)
    if match:
        assert len(document.service.layers) == int(match.group(1))
        assert document.service.transaction is (match.group(2) == "yes")
    match = re.search(r"operations: (\d+)", cell)
    if match:
        assert len(document.service.operations) == int(match.group(1))
    match = re.search(r"matched (\d+)", cell)
    if match:
        assert document.result.matched == int(match.group(1))
    match = re.search(r"children: (.+)$", cell)
    if match:
        children = match.group(1)
        wanted = 0 if children.startswith("none") else sum(_counts(children).values())
        assert len(document.records) == wanted
    match = re.search(r"^records: (\d+)|^(\d+) record", cell)
    if match:
        assert len(document.records) == int(match.group(1) or match.group(2))


@pytest.mark.parametrize("name", _corpus_files())
def test_corpus_document(shared_data, inventory, name):
    path = shared_data / "ogc" / name
    row = inventory.get(name)
    assert row is not None, f"{name} is not described in INVENTORY.md"
    if row["kind"] == "bad" and name not in TOLERATED_BAD:
        with pytest.raises(GeoGovError) as caught:
            documents.read_file(path)
        assert caught.value.source == str(path)
        assert caught.value.code and caught.value.code != "error"
        return
    document = documents.read_file(path)
    if name in TOLERATED_BAD:
        assert TOLERATED_BAD[name] in document.records[0].problems
    assert found_roles(document) == expected_roles(row["roles"])
    check_records_column(document, row["records"])


def test_inventory_covers_the_corpus(shared_data, inventory):
    on_disk = set(_corpus_files())
    assert on_disk == set(inventory), on_disk ^ set(inventory)
