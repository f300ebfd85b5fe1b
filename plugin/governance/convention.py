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
    commune = str(commune)
    return commune[:3] if commune.startswith("97") else commune[:2]


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

    Empty (no code, no file) means everywhere; ``region`` means the whole region of the
    convention, which for a regional convention is everywhere too. ``epci`` keeps the
    SIREN numbers a territory was written with (``territory: {epci: …}``); their member
    communes are already expanded into ``communes`` by the loader.
    """

    departements: list = field(default_factory=list)   # INSEE codes "75", "2A", "971"
    communes: list = field(default_factory=list)       # INSEE codes "94028"
    region: bool = False
    geometry_file: Optional[str] = None                # absolute path, resolved by the loader
    epci: list = field(default_factory=list)           # SIREN of EPCI/EPT/MGP, for display

    @property
    def is_everywhere(self) -> bool:
        return self.region or not (self.departements or self.communes or self.geometry_file)

    def contains(self, departement: Optional[str] = None, commune: Optional[str] = None
                 ) -> Optional[bool]:
        """Whether the place given by a département and/or commune code lies inside.

        Returns None when it cannot be told from codes: no place given, or a territory
        known only by a geometry file (the bridge tests geometries, not the core).
        """
        if self.is_everywhere:
            return True
        if commune:
            if commune in self.communes:
                return True
            departement = departement or departement_of_commune(commune)
            if departement in self.departements:
                return True
            return None if self.geometry_file else False
        if departement:
            if departement in self.departements:
                return True
            if self.communes and any(departement_of_commune(c) == departement
                                     for c in self.communes):
                # Only part of the département is covered: a commune is needed to say.
                return None
            return None if self.geometry_file else False
        return None


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

    def stewards_for(self, dataset_id: str, departement: Optional[str] = None,
                     commune: Optional[str] = None) -> list:
        """The partners who approve changes to ``dataset_id`` at that place.

        Stewards assigned to a territory that contains the place win; otherwise the
        stewards assigned everywhere (``territory: None``). With no place given, the
        everywhere stewards. KeyError for an unknown dataset id.
        """
        dataset = self.dataset(dataset_id)
        local, default = [], []
        for assignment in dataset.stewards:
            if assignment.territory is None or assignment.territory.is_everywhere:
                default.append(assignment.partner)
            elif (departement or commune) and assignment.territory.contains(departement, commune):
                local.append(assignment.partner)
        chosen = local or default
        seen = []
        for pid in chosen:
            if pid not in seen:
                seen.append(pid)
        return [self.partners[pid] for pid in seen if pid in self.partners]

    def dpo_for(self, dataset_id: str, departement: Optional[str] = None,
                commune: Optional[str] = None) -> list:
        """The DPO contacts of the steward partner(s), when the dataset holds personal data."""
        if not self.dataset(dataset_id).personal_data:
            return []
        return [c for p in self.stewards_for(dataset_id, departement, commune)
                for c in p.contacts_with_role(DPO)]

    def steward_contacts_for(self, dataset_id: str, departement: Optional[str] = None,
                             commune: Optional[str] = None) -> list:
        """The contacts with the steward role of the steward partner(s) (whom to write to)."""
        return [c for p in self.stewards_for(dataset_id, departement, commune)
                for c in p.contacts_with_role(STEWARD)]

    # ------------------------------------------------------------------ proposals
    def may_propose(self, partner_id: str, dataset_id: str, departement: Optional[str] = None,
                    commune: Optional[str] = None) -> bool:
        """Whether ``partner_id`` may propose changes to ``dataset_id``.

        Without a place this answers "is the partner a proposer at all"; when the dataset
        restricts proposers to their own territory, pass the place of each change (or use
        :meth:`proposal_territory`) — a place the codes cannot decide counts as refused.
        """
        dataset = self.datasets.get(dataset_id)
        if dataset is None or partner_id not in self.partners:
            return False
        if EVERY_PARTNER not in dataset.proposers and partner_id not in dataset.proposers:
            return False
        if not dataset.proposers_own_territory or not (departement or commune):
            return True
        return self.partners[partner_id].territory.contains(departement, commune) is True

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
