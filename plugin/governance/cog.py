"""Reference territory codes: French départements, Île-de-France communes, EPCI and EPT.

The convention validator needs to tell a commune code that exists from a typo, and to
expand ``territory: {epci: <SIREN>}`` into member communes. The reference ships in
resources/cog/ as two small CSV files, built by :func:`build_reference_files` from the
official open data (decoupage-administratif: DGCL/BANATIC EPCI composition 2025 and INSEE
COG EPT composition 2025, Licence Ouverte — see resources/cog/README.md)::

    python -m geogov.plugin.governance.cog ../shared/data/idf resources/cog

The 101 département codes need no file: they follow the COG rule (01–95 without 20,
2A and 2B for Corsica, 971–974 and 976 overseas).
"""

from __future__ import annotations

import csv
import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "cog"
COMMUNES_FILE = "communes-idf.csv"
GROUPINGS_FILE = "groupements-idf.csv"

EPCI_SOURCE = "decoupage-administratif__epci-composition-2025-idf.csv"
EPT_SOURCE = "decoupage-administratif__ept-composition-2025-idf.csv"
# The INSEE EPT table marks a commune outside every EPT (Paris included) with this code.
NO_EPT = "ZZZZZZZZZ"
MGP_SIREN = "200054781"

COMMUNE_COLUMNS = ("insee", "nom", "departement", "epci_siren", "ept_siren")
GROUPING_COLUMNS = ("siren", "nom", "nature")


def national_departements() -> tuple:
    """The 101 INSEE département codes."""
    mainland = [f"{n:02d}" for n in range(1, 96) if n != 20]
    return tuple(sorted(mainland + ["2A", "2B"])) + ("971", "972", "973", "974", "976")


@dataclass
class CommuneRef:
    insee: str
    name: str
    departement: str
    epci: str = ""     # SIREN of its EPCI à fiscalité propre (the MGP for the 130 of it)
    ept: str = ""      # SIREN of its établissement public territorial, "" outside the MGP's EPTs


@dataclass
class Grouping:
    siren: str
    name: str
    nature: str                                     # METRO, CU, CA, CC, EPT
    communes: list = field(default_factory=list)   # INSEE codes, sorted


@dataclass
class CogReference:
    communes: dict = field(default_factory=dict)    # insee -> CommuneRef
    groupings: dict = field(default_factory=dict)   # siren -> Grouping
    departements: frozenset = frozenset(national_departements())

    def commune(self, code: str) -> Optional[CommuneRef]:
        return self.communes.get(code)

    def grouping(self, siren: str) -> Optional[Grouping]:
        return self.groupings.get(siren)

    def covers_departement(self, code: str) -> bool:
        """Whether this reference lists the communes of that département (IdF only)."""
        return any(c.departement == code for c in self.communes.values())


def _read_csv(path: Path) -> list:
    # utf-8-sig: a file saved by a spreadsheet on Windows starts with a BOM.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=4)
def load_reference(directory: Optional[str] = None) -> CogReference:
    """The reference shipped in resources/cog (or in ``directory``), read once per process."""
    base = Path(directory) if directory else REFERENCE_DIR
    reference = CogReference()
    for row in _read_csv(base / COMMUNES_FILE):
        commune = CommuneRef(row["insee"], row["nom"], row["departement"],
                             row["epci_siren"], row["ept_siren"])
        reference.communes[commune.insee] = commune
    for row in _read_csv(base / GROUPINGS_FILE):
        reference.groupings[row["siren"]] = Grouping(row["siren"], row["nom"], row["nature"])
    for commune in reference.communes.values():
        for siren in (commune.epci, commune.ept):
            if siren and siren in reference.groupings:
                reference.groupings[siren].communes.append(commune.insee)
    for grouping in reference.groupings.values():
        grouping.communes.sort()
    return reference


def build_reference_files(source_dir, out_dir) -> tuple:
    """Write communes-idf.csv and groupements-idf.csv from the two official tables.

    Returns (number of communes, number of groupings). Raises ValueError when the two
    tables disagree on the list of communes (a mismatched pair of vintages).
    """
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    epci_rows = _read_csv(source_dir / EPCI_SOURCE)
    ept_rows = _read_csv(source_dir / EPT_SOURCE)
    ept_of = {row["CODGEO"]: row for row in ept_rows}
    if set(ept_of) != {row["insee_commune"] for row in epci_rows}:
        raise ValueError("the EPCI and EPT tables do not list the same communes")
    communes, groupings = [], {}
    for row in sorted(epci_rows, key=lambda r: r["insee_commune"]):
        code = row["insee_commune"]
        ept_row = ept_of[code]
        ept = "" if ept_row["EPT"] == NO_EPT else ept_row["EPT"]
        communes.append((code, row["nom_commune"], row["dep_commune"], row["siren_epci"], ept))
        groupings.setdefault(row["siren_epci"], (row["siren_epci"], row["raison_sociale_epci"],
                                                 row["nature_juridique"]))
        if ept:
            groupings.setdefault(ept, (ept, ept_row["LIBEPT"], "EPT"))
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / COMMUNES_FILE, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COMMUNE_COLUMNS)
        writer.writerows(communes)
    with open(out_dir / GROUPINGS_FILE, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(GROUPING_COLUMNS)
        writer.writerows(sorted(groupings.values()))
    return len(communes), len(groupings)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python -m geogov.plugin.governance.cog SOURCE_DIR OUT_DIR", file=sys.stderr)
        return 2
    n_communes, n_groupings = build_reference_files(argv[0], argv[1])
    print(f"{n_communes} communes, {n_groupings} EPCI/EPT written to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
