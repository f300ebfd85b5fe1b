"""The partnership convention as plain data: partners, datasets, stewards, obligations.

A regional coordinator writes the convention as a YAML document (``format:
geogov.convention/1``, described in :mod:`.convention_loader`); the loader validates it
and builds the dataclasses below. Everything else (resolution, the report, the proposal
workflow) reads these objects only, never the YAML.

Role, kind, dissemination and frequency values are stable English/French codes (the UI
maps them to translated labels); the YAML may spell kinds and roles in plain French, the
loader normalises them with :data:`KIND_SPELLINGS` and :data:`ROLE_SPELLINGS`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

FORMAT = "geogov.convention/1"

# Roles of a contact in the data organisation of its partner.
REFERENT_DONNEES = "referent_donnees"
STEWARD = "steward"            # référent validation: approves proposed changes
DPO = "dpo"                    # délégué à la protection des données
DSI = "dsi"
CHEF_DE_PROJET = "chef_de_projet"
TECHNICIEN = "technicien"      # proposes changes, approves nothing
COORDINATOR = "coordinator"    # a contact of the coordinating partner who runs the convention
ROLES = (REFERENT_DONNEES, STEWARD, DPO, DSI, CHEF_DE_PROJET, TECHNICIEN, COORDINATOR)
# Roles that an approval rule may require (``Dataset.approval``).
APPROVAL_ROLES = (STEWARD, DPO, COORDINATOR)

# Kinds of partner.
KINDS = ("region", "departement", "mgp", "ept", "epci", "commune", "syndicat", "operateur",
         "etat", "agence", "prestataire_prive")

# Dissemination of a dataset.
OPEN, PARTENAIRES, RESTREINT = "open", "partenaires", "restreint"
DISSEMINATIONS = (OPEN, PARTENAIRES, RESTREINT)

# Proposers wildcard: every partner of the convention may propose changes.
EVERY_PARTNER = "*"


def _spelling_key(text: str) -> str:
    """Lower case, no accents, no punctuation: "Prestataire privé" -> "prestataire prive"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = "".join(c if c.isalnum() else " " for c in plain)
    return " ".join(plain.split())


# Every accepted spelling (after _spelling_key) -> the kind code.
KIND_SPELLINGS = {
    **{_spelling_key(k): k for k in KINDS},
    "prestataire prive": "prestataire_prive",
    "prestataire": "prestataire_prive",
    "departement": "departement",
    "etat": "etat",
    "operateur": "operateur",
    "metropole": "mgp",
    "metropole du grand paris": "mgp",
    "etablissement public territorial": "ept",
}

ROLE_SPELLINGS = {
    **{_spelling_key(r): r for r in ROLES},
    "referent donnees": REFERENT_DONNEES,
    "referent validation": STEWARD,
    "delegue a la protection des donnees": DPO,
    "chef de projet": CHEF_DE_PROJET,
    "coordinateur": COORDINATOR,
    "coordinatrice": COORDINATOR,
    "technicienne": TECHNICIEN,
}


def normalise_kind(text: str) -> Optional[str]:
    """The kind code for a French or English spelling, None when unknown."""
    return KIND_SPELLINGS.get(_spelling_key(text))


def normalise_role(text: str) -> Optional[str]:
    """The role code for a French or English spelling, None when unknown."""
    return ROLE_SPELLINGS.get(_spelling_key(text))


def departement_of_commune(commune: str) -> str:
    """The département code of an INSEE commune code (COG rule: 97x overseas, else 2 chars)."""
    from ..territories.reference import departement_of_commune as rule

    return rule(commune)


@dataclass
class Contact:
    name: str
    email: str = ""
    phone: str = ""
    roles: list = field(default_factory=list)     # ROLES values
    login: str = ""   # identity in the proposal store: PostgreSQL login or GeoPackage-mode name

    def has_role(self, role: str) -> bool:
        return role in self.roles


@dataclass
class Territory:
    """Where a partner is competent (or where a steward approves).

    As written in the convention: ``departements``, ``communes``, ``epci`` (SIREN of EPCI,
    EPT or the MGP), ``region`` and a ``geometry_file``. Resolved by the loader against the
    territory reference (plugin/territories): ``members`` are every commune those codes
    name, ``geometry`` the file's shapes (ISO WKB in the reference's CRS), and
    ``routing_communes`` the members plus the communes the geometry touches — what routes a
    proposal to a steward (governance/stewardship.py). Empty (nothing written) or
    ``region`` means everywhere.
    """

    departements: list = field(default_factory=list)   # INSEE codes "75", "2A", "971"
    communes: list = field(default_factory=list)       # INSEE codes "94028", as written
    region: bool = False
    geometry_file: Optional[str] = None                # absolute path or URL, resolved by the loader
    epci: list = field(default_factory=list)           # SIREN of EPCI/EPT/MGP, as written
    members: frozenset = frozenset()                   # every commune of the codes
    geometry: Optional[bytes] = None                   # the geometry file, reference CRS
    routing_communes: frozenset = frozenset()          # members + communes the geometry touches
    epci_names: dict = field(default_factory=dict)     # SIREN -> name, from the reference

    @property
    def is_everywhere(self) -> bool:
        return self.region or not (self.departements or self.communes or self.epci
                                   or self.geometry_file)

    def territory_set(self):
        """The :class:`~..territories.places.TerritorySet` the territory checks use."""
        from ..territories.places import TerritorySet

        if self.is_everywhere:
            return TerritorySet(everywhere=True)
        return TerritorySet(communes=frozenset(self.members), extra=self.geometry)

    def holds(self, communes) -> bool:
        """Whether every commune of ``communes`` (INSEE codes) is one of the territory's."""
        return self.is_everywhere or set(communes) <= set(self.routing_communes)


@dataclass
class Partner:
    id: str
    name: str
    kind: str
    siren: str = ""
    territory: Territory = field(default_factory=Territory)
    contacts: list = field(default_factory=list)   # Contact
    aliases: list = field(default_factory=list)    # other names met in metadata ("SYCTOM")

    def contacts_with_role(self, role: str) -> list:
        return [c for c in self.contacts if role in c.roles]


@dataclass
class StewardAssignment:
    partner: str                                 # partner id
    territory: Optional[Territory] = None        # None: everywhere (the default steward)


@dataclass
class ServiceMatch:
    """A service layer: ``url`` may hold fnmatch wildcards ("http://127.0.0.1:*/ows*", "*")."""

    url: str
    typename: str


@dataclass
class DatasetMatch:
    record_ids: list = field(default_factory=list)   # catalogue record identifiers
    services: list = field(default_factory=list)     # ServiceMatch
    sources: list = field(default_factory=list)      # fnmatch patterns on layer data sources


@dataclass
class CatalogueRecord:
    """The catalogue record that describes a dataset, updated after each apply
    (plugin/publishing/record_update.py): a CSW endpoint accepting CSW-T, the record's
    identifier, and the QGIS authentication configuration id that may write there (used
    only for a catalogue the user has a GeoGov connection to, when that connection names
    none: bridge/review.catalogue_authcfg)."""

    catalogue: str
    record: str
    authcfg: str = ""


@dataclass
class Dataset:
    id: str
    title: str = ""
    match: DatasetMatch = field(default_factory=DatasetMatch)
    producers: list = field(default_factory=list)    # partner ids
    maintainer: str = ""                              # partner id (ISO custodian)
    stewards: list = field(default_factory=list)     # StewardAssignment
    frequency: str = "unknown"                        # ISO MD_MaintenanceFrequencyCode value
    licence: str = ""
    dissemination: str = OPEN
    personal_data: bool = False
    approval: list = field(default_factory=lambda: [STEWARD])   # roles that must approve
    proposers: list = field(default_factory=lambda: [EVERY_PARTNER])
    proposers_own_territory: bool = False
    key_field: str = "identifiant"
    target: object = None      # governance/targets.DatasetTarget: where approved proposals go
    metadata: Optional[CatalogueRecord] = None        # the record to update after an apply


@dataclass
class Obligation:
    """A contract's data clause: ``debtor`` delivers ``dataset`` to ``creditor`` regularly."""

    id: str
    dataset: str
    debtor: str
    creditor: str
    frequency: str
    last_delivery: Optional[dt.date] = None
    contract: str = ""


@dataclass
class Problem:
    """One thing wrong in a convention document.

    ``code`` and ``params`` are for the UI (translated sentence); ``message`` is English
    for logs and headless use. ``path`` is the place in the document
    (``datasets[3].stewards[0].partner``); ``line``/``column`` are 1-based, 0 when unknown.
    """

    code: str
    message: str
    path: str = ""
    line: int = 0
    column: int = 0
    source: str = ""
    params: dict = field(default_factory=dict)
    severity: str = "error"      # "error" blocks loading; "warning" is reported only

    def __str__(self):
        where = self.source or "<convention>"
        if self.line:
            where += f":{self.line}:{self.column}"
        at = f" at {self.path}" if self.path else ""
        return f"{where}{at}: {self.message}"


@dataclass
class Convention:
    format: str
    title: str
    version: str
    signed: Optional[dt.date]
    coordinator: str                                  # partner id
    partners: dict = field(default_factory=dict)     # id -> Partner, in document order
    datasets: dict = field(default_factory=dict)     # id -> Dataset, in document order
    obligations: list = field(default_factory=list)  # Obligation
    source: str = ""                                  # path or URL it was loaded from
    warnings: list = field(default_factory=list)     # Problem with severity "warning"
    # The territory reference its codes were checked against (plugin/territories).
    reference: object = field(default=None, repr=False, compare=False)

    # ------------------------------------------------------------------ identities
    def contact_of_login(self, login: str) -> Optional[Contact]:
        found = self._login_index().get(login)
        return found[1] if found else None

    def partner_of_login(self, login: str) -> Optional[Partner]:
        found = self._login_index().get(login)
        return found[0] if found else None

    def roles_of_login(self, login: str) -> set:
        contact = self.contact_of_login(login)
        return set(contact.roles) if contact else set()

    def _login_index(self) -> dict:
        # The loader refuses a login given twice, so the index is unambiguous.
        index = {}
        for partner in self.partners.values():
            for contact in partner.contacts:
                if contact.login:
                    index[contact.login] = (partner, contact)
        return index

    # ------------------------------------------------------------------ stewardship
    def dataset(self, dataset_id: str) -> Dataset:
        """The dataset with this id; KeyError when the convention has none."""
        return self.datasets[dataset_id]

    def stewards_for(self, dataset_id: str, communes=None, unplaced: bool = False) -> list:
        """The partners who approve changes to ``dataset_id`` touching ``communes`` (INSEE
        codes; None = the dataset as a whole), ``unplaced``: some change touches no
        commune. The one rule: governance/stewardship.py. KeyError for an unknown dataset."""
        from .stewardship import assignments_of, steward_partners

        chosen = steward_partners(assignments_of(self.dataset(dataset_id)), communes, unplaced)
        return [self.partners[pid] for pid in chosen if pid in self.partners]

    def dpo_for(self, dataset_id: str, communes=None, unplaced: bool = False) -> list:
        """The DPO contacts of the steward partner(s), when the dataset holds personal data."""
        if not self.dataset(dataset_id).personal_data:
            return []
        return [c for p in self.stewards_for(dataset_id, communes, unplaced)
                for c in p.contacts_with_role(DPO)]

    def steward_contacts_for(self, dataset_id: str, communes=None, unplaced: bool = False) -> list:
        """The contacts with the steward role of the steward partner(s) (whom to write to)."""
        return [c for p in self.stewards_for(dataset_id, communes, unplaced)
                for c in p.contacts_with_role(STEWARD)]

    def steward_areas(self, dataset_id: str) -> list:
        """[(Partner, Territory or None)] of every assignment, in convention order: where
        each steward validates (None: everywhere no territorial steward holds)."""
        out = []
        for assignment in self.dataset(dataset_id).stewards:
            partner = self.partners.get(assignment.partner)
            if partner is not None:
                territory = assignment.territory
                out.append((partner, None if territory is None or territory.is_everywhere else territory))
        return out

    # ------------------------------------------------------------------ proposals
    def may_propose(self, partner_id: str, dataset_id: str) -> bool:
        """Whether ``partner_id`` is a proposer of ``dataset_id`` at all (where its changes
        may lie: :meth:`proposal_territory`, checked by territories/places.py)."""
        dataset = self.datasets.get(dataset_id)
        if dataset is None or partner_id not in self.partners:
            return False
        return EVERY_PARTNER in dataset.proposers or partner_id in dataset.proposers

    def proposal_territory(self, partner_id: str, dataset_id: str) -> Optional[Territory]:
        """Where the partner's proposals must stay: None = anywhere. KeyError if unknown."""
        dataset = self.dataset(dataset_id)
        if not dataset.proposers_own_territory:
            return None
        territory = self.partners[partner_id].territory
        return None if territory.is_everywhere else territory

    # ------------------------------------------------------------------ browsing
    def datasets_of(self, partner_id: str) -> dict:
        """{"produced": [...], "maintained": [...], "stewarded": [...]} dataset ids, in order."""
        out = {"produced": [], "maintained": [], "stewarded": []}
        for dataset in self.datasets.values():
            if partner_id in dataset.producers:
                out["produced"].append(dataset.id)
            if dataset.maintainer == partner_id:
                out["maintained"].append(dataset.id)
            if any(a.partner == partner_id for a in dataset.stewards):
                out["stewarded"].append(dataset.id)
        return out
