"""Load and validate a partnership convention (``format: geogov.convention/1``).

The document (YAML, UTF-8)::

    format: geogov.convention/1
    convention:
      title: Convention de partage des géodonnées franciliennes   # required
      version: "2026.1"                                          # required
      signed: 2026-01-15                                         # optional date
      coordinator: region-idf                                    # required partner id
    territories:                      # optional: the territory reference (plugin/territories)
      reference: geogov:ile-de-france # default; or a GeoPackage/GeoJSON file (relative to the
                                      #   convention, or beside its URL) of the region's communes
      layer: communes                 # optional: the layer holding them
      fields: {code: insee_com, name: nom, departement: insee_dep, epci: siren_epci, ept: ""}
                                      # optional: the file's field names (defaults: code, nom,
                                      #   departement, epci, ept; "" = the file has none)
      crs: EPSG:2154                  # optional: the file must be in this CRS
      tolerance: 25                   # optional: metres a proposer's change may lie beyond
                                      #   its territory's border (at least 1 cm)
    partners:                         # required list
      - id: cd94                      # required, unique
        name: Département du Val-de-Marne    # required; compared with ISO organisations
        kind: département             # required: région, département, MGP, EPT, EPCI, commune,
                                      #   syndicat, opérateur, État, agence, prestataire privé
                                      #   (French or the codes region, departement, … of
                                      #   convention.KINDS; accents and case do not matter)
        siren: "229400013"            # optional, 9 digits
        aliases: [CD94]               # optional other names met in metadata
        territory:                    # optional; none = everywhere. Mixed lists are fine: the
                                      #   territory is every commune they name (plus the geometry)
          region: true                # the whole region of the convention (everywhere)
          departements: ["94"]        # INSEE codes: the reference's communes of them
          communes: ["94028"]         # INSEE codes of communes of the reference
          epci: ["200057941"]         # SIREN of an EPCI, EPT or the MGP: its member communes
          ept: ["200057941"]          # SIREN of an EPT (checked to be one)
          geometry: territoires/cd94.geojson   # polygons, relative to the convention
        contacts:                     # optional list
          - name: Émilie Dubois       # required
            email: cd94.donnees@example.org
            phone: "+33 1 00 00 09 94"
            roles: [steward]          # référent données, steward (référent validation), DPO,
                                      #   DSI, chef de projet, technicien, coordinateur
            login: steward94          # identity in the proposal store, unique in the file
    datasets:                         # required list
      - id: amenagements-cyclables    # required, unique
        title: Aménagements cyclables # required
        match:                        # how a record or a layer is recognised
          records: [6ec43d18-…]       # catalogue record identifiers
          services:                   # service URL (fnmatch pattern, "*" = any) + typename
            - {url: "http://127.0.0.1:*", typename: amenagements_cyclables}
          sources: ["*|layername=amenagements_cyclables"]   # fnmatch on the data source
        producers: [ville-paris, cd77]     # required (one id or a list)
        maintainer: institut-paris-region  # required: the custodian
        stewards:                     # who approves changes; a plain id = everywhere
          - {partner: cd94, territory: own}          # own = that partner's territory
          - {partner: cd93, territory: {departements: ["93"]}}
          - {each: EPT, territory: own}              # one per partner of that kind, each in its own
          - region-idf                # everywhere else
                                      # A change is routed to the stewards of every commune it
                                      #   touches (governance/stewardship.py): one on a border
                                      #   needs both sides' approval.
        frequency: quarterly          # required: ISO MD_MaintenanceFrequencyCode
        licence: Licence Ouverte 2.0
        dissemination: open           # required: open, partenaires, restreint
        personal_data: false          # required
        approval: [steward]           # roles that must approve; default steward (+ dpo
                                      #   when personal_data)
        proposers:                    # default: every partner, anywhere
          partners: ["*"]             # "*" = every partner
          own_territory: true         # proposals only inside the proposer's territory
        key_field: identifiant        # default identifiant
        metadata:                     # optional: the catalogue record GeoGov updates after each
                                      #   apply (revision date, dateStamp, next update date)
          catalogue: https://catalogue.example.org/csw   # a CSW 2.0.2 endpoint with CSW-T
          record: 6ec43d18-…          # the record's identifier; may be left out when
                                      #   match.records names exactly one
          authcfg: geocsw1            # optional: the QGIS authentication configuration id that
                                      #   may write there (deployed under this id), used when the
                                      #   user's GeoGov connection to that catalogue names none;
                                      #   no connection to it: no credentials are sent
        target:                       # where approved proposals are applied (governance/targets.py):
                                      #   one of wfs/typename, oapif/collection (OGC API Features
                                      #   Part 4: the API's landing page and the collection id),
                                      #   postgis/table, gpkg/layer, and the data's CRS
          {oapif: "https://api.example.org/ogc", collection: eclairage, crs: EPSG:2154}
    obligations:                      # optional list (contracts' data clauses)
      - id: concession-eclairage      # required, unique
        dataset: eclairage-public     # required dataset id
        debtor: lumiere-idf           # required: who delivers
        creditor: sipperec            # required: to whom
        frequency: quarterly          # required
        last_delivery: 2026-05-31     # optional date
        contract: "Concession …"      # optional reference

A list of ids may be written as a single id. Every problem is collected (not only the
first) with its line, column and path (0-based indexes: ``datasets[3].stewards[0].partner``)
and a code + params for the UI; loading raises :class:`ConventionError` with all of them
and returns nothing when any is an error. Warnings (severity "warning") do not block and
are kept in ``Convention.warnings``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import ConventionError
from ..territories.reference import DEFAULT_REFERENCE, ReferenceSpec, TerritoryReference, load_reference
from . import convention as model
from .convention_checks import check_whole_document
from .dataset_reader import read_dataset
from .frequency import FREQUENCIES, normalise_frequency
from .partner_reader import read_partner
from .yaml_nodes import Checker, compose, suggestion

SUPPORTED_FORMATS = (model.FORMAT,)

TOP_KEYS = ("format", "convention", "territories", "partners", "datasets", "obligations")
TERRITORIES_KEYS = ("reference", "layer", "fields", "crs", "tolerance")
FIELD_KEYS = ("code", "name", "departement", "epci", "ept")
CONVENTION_KEYS = ("title", "version", "coordinator")
OBLIGATION_KEYS = ("id", "dataset", "debtor", "creditor", "frequency")


def load_convention(path, reference: Optional[TerritoryReference] = None) -> model.Convention:
    """Load the convention file at ``path``; ConventionError lists every problem."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(_max_bytes() + 1)
    except OSError as exc:
        raise ConventionError(f"Cannot read the convention: {exc.strerror}",
                              code="convention.unreadable", source=str(path),
                              detail=exc.strerror or str(exc)) from None
    return load_convention_bytes(data, source=str(path), base=str(path.parent.resolve()),
                                 reference=reference)


def load_convention_url(url: str, transport, timeout: float = 30.0, is_cancelled=None,
                        reference: Optional[TerritoryReference] = None) -> model.Convention:
    """Fetch a published convention through ``transport`` (see plugin/transport.py)."""
    from ..transport import check_status

    def fetch(address: str) -> bytes:
        return check_status(transport.request("GET", address, timeout=timeout,
                                              is_cancelled=is_cancelled)).content

    return load_convention_bytes(fetch(url), source=url, base=url, reference=reference, fetch=fetch)


def load_convention_bytes(data, source: str = "", base: Optional[str] = None,
                          reference: Optional[TerritoryReference] = None,
                          fetch=None) -> model.Convention:
    """Load a convention held in memory (bytes or str).

    ``base`` is the folder (or URL) relative geometry files and the territory reference
    are resolved against; None leaves them as written and unchecked. ``fetch(url) ->
    bytes`` reads files named by URL (None: they cannot be read). ``reference`` replaces
    the one the convention names (tests).
    """
    convention, problems = parse_convention(data, source, base, reference, fetch)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise ConventionError(f"The convention is not valid: {len(errors)} problem(s); first: "
                              f"{first}", problems=problems, source=source or None,
                              count=len(errors))
    return convention


def parse_convention(data, source: str = "", base: Optional[str] = None,
                     reference: Optional[TerritoryReference] = None, fetch=None) -> tuple:
    """(Convention or None, every problem): the non-raising form, for reports and tests.

    The Convention is None whenever a problem is an error: a broken document never
    half-loads.
    """
    root, problems = compose(data, source)
    if root is None:
        return None, problems
    reader = _Reader(Checker(source), reference, base, fetch)
    convention = reader.read(root)
    problems = problems + sorted(reader.check.problems, key=lambda p: (p.line, p.column))
    if convention is None or any(p.severity == "error" for p in problems):
        return None, problems
    convention.warnings = [p for p in problems if p.severity == "warning"]
    return convention, problems


def _max_bytes() -> int:
    from .yaml_nodes import MAX_BYTES

    return MAX_BYTES


class _Reader:
    """Walks the node tree once, building the model; partners first, so that references
    to them (coordinator, producers, stewards, obligations) are checked wherever they are
    written in the document."""

    def __init__(self, check: Checker, reference: Optional[TerritoryReference], base: Optional[str],
                 fetch=None):
        self.check = check
        self.reference = reference     # None: the one the document names
        self.base = base
        self.fetch = fetch
        # Every id written, even on an entry that has other problems: a reference to it is
        # not reported as unknown on top of the entry's own problem.
        self.partner_ids = {}      # id -> line of its first definition
        self.dataset_ids = {}
        self.partners = None       # id -> Partner (valid ones), None when unreadable
        self.datasets = None
        self.logins = {}           # login -> [(node, path)]
        self.match_refs = {}       # ("record", id) / ("service", url, typename) -> [(node, path)]
        self.dataset_keys = []     # [(key -> node, path)] of every dataset entry

    def read(self, root):
        check = self.check
        top = check.mapping(root, "", required=("format", "convention", "partners", "datasets"),
                            optional=("territories", "obligations"))
        if top is None:
            return None
        if "format" in top:
            fmt = check.text(top["format"], "format")
            if fmt is not None and fmt not in SUPPORTED_FORMATS:
                check.report("convention.format", f"Unsupported format '{fmt}': this GeoGov "
                             f"reads {', '.join(SUPPORTED_FORMATS)}", top["format"], "format",
                             found=fmt, expected=list(SUPPORTED_FORMATS))
                return None  # another version's keys would only give misleading problems
        if self.reference is None:
            self.reference = self._reference(top.get("territories"))
            if self.reference is None:
                return None    # codes cannot be checked: every later problem would mislead
        self.partners = self._partners(top.get("partners"))
        head = self._convention(top.get("convention"))
        self.datasets = self._datasets(top.get("datasets"))
        obligations = self._obligations(top["obligations"]) if "obligations" in top else []
        check_whole_document(self)
        if head is None or self.partners is None or self.datasets is None or obligations is None:
            return None
        return model.Convention(format=model.FORMAT, title=head["title"],
                                version=head["version"], signed=head["signed"],
                                coordinator=head["coordinator"], partners=self.partners,
                                datasets=self.datasets, obligations=obligations,
                                source=self.check.source, reference=self.reference)

    # ------------------------------------------------------------------ territories
    def _reference(self, node) -> Optional[TerritoryReference]:
        """The territory reference the document names (default: GeoGov's Île-de-France
        one); None (reported at ``territories``) when it cannot be used."""
        from ..errors import TerritoryError
        from ..territories.remote import local_copy

        check = self.check
        spec_values = {}
        where, where_path = node, "territories"
        if node is not None:
            keys = check.mapping(node, "territories", optional=TERRITORIES_KEYS)
            if keys is None:
                return None
            if "reference" in keys:
                where, where_path = keys["reference"], "territories.reference"
                spec_values["source"] = check.text(keys["reference"], where_path)
            if "layer" in keys:
                spec_values["layer"] = check.text(keys["layer"], "territories.layer")
            if "crs" in keys:
                spec_values["crs"] = check.text(keys["crs"], "territories.crs")
            if "tolerance" in keys:
                spec_values["tolerance"] = check.number(keys["tolerance"], "territories.tolerance",
                                                        minimum=0)
            if "fields" in keys:
                fields = check.mapping(keys["fields"], "territories.fields", optional=FIELD_KEYS)
                if fields is None:
                    return None
                for key in FIELD_KEYS:
                    if key in fields:
                        value = check.text(fields[key], f"territories.fields.{key}", empty_ok=True)
                        spec_values["code_field" if key == "code" else f"{key}_field"] = value
            if any(v is None for v in spec_values.values()):
                return None
        source = spec_values.get("source") or DEFAULT_REFERENCE
        try:
            if not source.startswith("geogov:"):
                source = local_copy(self._resolve(source), self.fetch)
            spec_values["source"] = source
            return load_reference(ReferenceSpec(**spec_values))
        except TerritoryError as error:
            check.report(error.code, str(error), where, where_path, **error.params)
            return None

    def _resolve(self, relative: str) -> str:
        """A file named by the document, relative to its folder or URL."""
        import os
        from urllib.parse import urljoin

        if "://" in relative or self.base is None:
            return relative
        if "://" in self.base:
            return urljoin(self.base, relative)       # the base is the document's own URL
        return os.path.normpath(os.path.join(self.base, relative))

    # ------------------------------------------------------------------ references
    def partner_ref(self, node, path, pid, wildcard=False) -> bool:
        """Whether ``pid`` names a partner; reports it otherwise (once partners are known)."""
        if pid is None:
            return False
        if (wildcard and pid == model.EVERY_PARTNER) or pid in self.partner_ids:
            return True
        if self.partners is not None:
            close = suggestion(pid, self.partner_ids)
            self.check.report("convention.unknown_partner", f"No partner has the id '{pid}'"
                              + (f"; did you mean '{close}'?" if close else ""), node, path,
                              id=pid, suggestion=close)
        return False

    def dataset_ref(self, node, path, did) -> bool:
        if did is None:
            return False
        if did in self.dataset_ids:
            return True
        if self.datasets is not None:
            close = suggestion(did, self.dataset_ids)
            self.check.report("convention.unknown_dataset", f"No dataset has the id '{did}'"
                              + (f"; did you mean '{close}'?" if close else ""), node, path,
                              id=did, suggestion=close)
        return False

    # ------------------------------------------------------------------ convention
    def _convention(self, node):
        if node is None:
            return None
        keys = self.check.mapping(node, "convention", required=CONVENTION_KEYS,
                                  optional=("signed",))
        if keys is None:
            return None
        out = {"signed": None}
        for key in CONVENTION_KEYS:
            if key in keys:
                out[key] = self.check.text(keys[key], f"convention.{key}")
        if "signed" in keys:
            out["signed"] = self.check.date(keys["signed"], "convention.signed")
            if out["signed"] is None:
                return None
        if "coordinator" in keys and not self.partner_ref(keys["coordinator"],
                                                          "convention.coordinator",
                                                          out.get("coordinator")):
            return None
        if any(out.get(k) is None for k in CONVENTION_KEYS):
            return None
        return out

    # ------------------------------------------------------------------ partners
    def _partners(self, node):
        if node is None:
            return None
        items = self.check.sequence(node, "partners")
        if items is None:
            return None
        partners = {}
        for path, item in items:
            if not self.claim_id(item, path, self.partner_ids, "partner"):
                continue
            partner = read_partner(self, item, path)
            if partner is not None:
                partners[partner.id] = partner
        return partners

    def claim_id(self, item, path, ids: dict, what: str) -> bool:
        """Note the id of an entry; False (reported) when another entry has it already."""
        id_node = self._id_node(item)
        if id_node is item or not hasattr(id_node, "value") or not isinstance(id_node.value, str):
            return True   # no readable id: the entry's own reading reports it
        ident = id_node.value.strip()
        if ident in ids:
            self.check.report("convention.duplicate_id", f"The {what} id '{ident}' is already "
                              f"used (line {ids[ident]})", id_node, f"{path}.id", id=ident,
                              first_line=ids[ident], what=what)
            return False
        ids[ident] = id_node.start_mark.line + 1
        return True

    @staticmethod
    def _id_node(item):
        for key, value in getattr(item, "value", []):
            if getattr(key, "value", None) == "id":
                return value
        return item

    def _datasets(self, node):
        if node is None:
            return None
        items = self.check.sequence(node, "datasets")
        if items is None:
            return None
        datasets = {}
        for path, item in items:
            if not self.claim_id(item, path, self.dataset_ids, "dataset"):
                continue
            dataset = read_dataset(self, item, path)
            if dataset is not None:
                datasets[dataset.id] = dataset
        return datasets

    def frequency(self, node, path):
        raw = self.check.text(node, path)
        if raw is None:
            return None
        code = normalise_frequency(raw)
        if code is None:
            close = suggestion(raw, FREQUENCIES)
            self.check.report("convention.bad_frequency", f"'{raw}' is not an update frequency "
                              "code (MD_MaintenanceFrequencyCode)"
                              + (f"; did you mean '{close}'?" if close else ""), node, path,
                              value=raw, suggestion=close, allowed=list(FREQUENCIES))
        return code

    # ------------------------------------------------------------------ obligations
    def _obligations(self, node):
        check = self.check
        items = check.sequence(node, "obligations")
        if items is None:
            return None
        out, seen, ok = [], {}, True
        for path, item in items:
            keys = check.mapping(item, path, required=OBLIGATION_KEYS,
                                 optional=("last_delivery", "contract"))
            if keys is None:
                ok = False
                continue
            values = {k: check.text(keys[k], f"{path}.{k}")
                      for k in ("id", "dataset", "debtor", "creditor") if k in keys}
            frequency = self.frequency(keys["frequency"], f"{path}.frequency") \
                if "frequency" in keys else None
            last = check.date(keys["last_delivery"], f"{path}.last_delivery") \
                if "last_delivery" in keys else None
            contract = check.text(keys["contract"], f"{path}.contract") if "contract" in keys else ""
            if any(values.get(k) is None for k in ("id", "dataset", "debtor", "creditor")) \
                    or frequency is None or ("last_delivery" in keys and last is None):
                ok = False
                continue
            if not self.claim_id(item, path, seen, "obligation"):
                ok = False
                continue
            refs_ok = self.dataset_ref(keys["dataset"], f"{path}.dataset", values["dataset"])
            refs_ok &= self.partner_ref(keys["debtor"], f"{path}.debtor", values["debtor"])
            refs_ok &= self.partner_ref(keys["creditor"], f"{path}.creditor", values["creditor"])
            if not refs_ok:
                ok = False
                continue
            out.append(model.Obligation(id=values["id"], dataset=values["dataset"],
                                        debtor=values["debtor"], creditor=values["creditor"],
                                        frequency=frequency, last_delivery=last,
                                        contract=contract or ""))
        return out if ok else None
