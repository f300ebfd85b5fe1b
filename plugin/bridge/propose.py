"""Propose my changes: a layer's edits → a validated change set, routed to its reviewers.

The technician edits a shared layer in QGIS's normal edit mode (or a local copy of it);
nothing is saved to the authoritative data. This module turns the edits into what a
proposal needs, in two steps:

1. :func:`collect_edit_buffer` / :func:`collect_layers` (main thread, fast): which
   dataset of the convention the layer is, its key (the dataset's ``key_field``, else the
   provider's primary key), the target (WFS service + typename, PostGIS table, GeoPackage
   table), and thread-safe snapshots of the rows — QgsVectorLayerFeatureSource copies the
   edit buffer, so the user may go on editing while the task reads.
2. :func:`prepare` (any thread, in a QgsTask): the ChangeSet, the communes it touches and
   whether it stays inside the proposer's territory (plugin/territories/places.py, the
   rule the PostgreSQL store applies again at submit), who reviews it (the steward(s) of
   those communes, plus the DPO for personal data: governance/stewardship.py) and the
   validation problems (plugin/proposals/validation.py).

Changes may be left out one by one (plugin/proposals/leave_out.py): :func:`prepare` with
``excluded`` validates, places and routes only the included ones, and with ``computed``
(the Prepared of an earlier computation) it does so without computing the diff again.

Saving, submitting and listing are in propose_store.py; the dialog in ui/propose_dialog.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsFields,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from ..errors import Cancelled, GeoGovError
from ..governance.resolution import find_dataset
from ..governance.targets import target_allowed
from ..proposals import rules
from ..proposals.changeset import compute_changeset
from ..proposals.leave_out import change_ref, included, known
from ..proposals.model import INSERT, ChangeSet, Problem, Schema, Target
from ..proposals.stores.base import Identity
from ..proposals.target_rules import gpkg_constraint_problems
from ..proposals.validation import proposer_from_convention, territory_problems, validate
from ..territories.places import Placement, locate
from .features import FEATURE_ID, LayerRows, diff_layer_rows, geometry_wkb, python_value, schema_from_layer
from .layer_description import describe_layer

MODE_EDIT_BUFFER, MODE_LAYERS = "edit_buffer", "layers"
# Custom properties: the authoritative layer a local copy was made from (its layer id),
# and the proposal a layer's edits were last saved to (so proposing again updates it).
COPY_OF_PROPERTY = "geogov/copy_of"
PROPOSAL_PROPERTY = "geogov/proposal_id"

UNKNOWN_IDENTITY = "proposal.unknown_identity"


class ProposeError(GeoGovError):
    """The layer cannot be proposed (not governed, no key, nothing edited…)."""

    code = "proposal.cannot_propose"


def crs_text(crs) -> str:
    """A QgsCoordinateReferenceSystem as the text the core reads (authid, else WKT)."""
    return (crs.authid() or crs.toWkt()) if crs.isValid() else ""


# ---------------------------------------------------------------------------- the layer
def dataset_of_layer(convention, layer):
    """The convention's Dataset for a layer, or None."""
    if convention is None or layer is None:
        return None
    found = find_dataset(convention, layer=describe_layer(layer))
    return found.dataset if found is not None else None


def key_of(dataset, layer: QgsVectorLayer) -> Optional[str]:
    """The dataset's key field when the layer has it, else None (the provider's key)."""
    name = getattr(dataset, "key_field", "") or ""
    if name and layer.fields().indexOf(name) >= 0:
        return name
    return None


def layer_target(layer: QgsVectorLayer) -> Target:
    """Where the layer's data is published, as the apply step reads it (never a password)."""
    provider = layer.providerType()
    source = layer.source()
    if provider == "WFS":
        uri = QgsDataSourceUri(source)
        version = uri.param("version")
        return Target("wfs", uri.param("url"), uri.param("typename"),
                      "" if version in ("", "auto") else version, uri.authConfigId())
    if provider == "OAPIF":
        # QGIS's OGC API Features layer: url='<landing page>' typename='<collection id>'.
        uri = QgsDataSourceUri(source)
        return Target("oapif", uri.param("url"), uri.param("typename"), "", uri.authConfigId())
    if provider == "postgres":
        uri = QgsDataSourceUri(source)
        parts = []
        if uri.service():
            parts.append(f"service={uri.service()}")
        if uri.host():
            parts.append(f"host={uri.host()}")
        if uri.port():
            parts.append(f"port={uri.port()}")
        if uri.database():
            parts.append(f"dbname={uri.database()}")
        if uri.sslMode() != QgsDataSourceUri.SslMode.SslPrefer:
            parts.append(f"sslmode={QgsDataSourceUri.encodeSslMode(uri.sslMode())}")
        table = f"{uri.schema()}.{uri.table()}" if uri.schema() else uri.table()
        return Target("postgis", " ".join(parts), table, "", uri.authConfigId())
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
        path = parts.get("path") or ""
        if path.lower().endswith(".gpkg"):
            return Target("gpkg", path, str(parts.get("layerName") or ""))
    return Target(provider, source, layer.name())


def governed_target(dataset, layer: QgsVectorLayer) -> Target:
    """The layer's target, when it is where the convention publishes the dataset
    (governance/targets.py: the rule both stores apply again). A proposal made from any other
    layer — a downloaded copy, a colleague's file — could never be applied: say so now, while
    the edits are still in the layer (a local copy is compared with the authoritative layer
    instead, :func:`collect_layers`)."""
    found = layer_target(layer)
    declared = getattr(dataset, "target", None)
    if declared is None or target_allowed(declared, found.kind, found.uri, found.layer):
        return found
    raise ProposeError(f"{layer.name()} is not the authoritative data of {dataset.id}",
                       code="proposal.wrong_target", layer=layer.name(), expected=declared.layer,
                       uri=declared.uri, kind=declared.kind)


# ---------------------------------------------------------------------------- snapshots
class EditBufferRows:
    """A thread-safe snapshot of a layer's edit buffer for the diff.

    Built on the main thread: the ids of the added, changed and deleted features, the
    provider's feature source (the authoritative side) and the layer's feature source
    (the provider *plus a copy of the edit buffer*: later edits do not reach it).
    :meth:`changeset` then runs in any thread (or on the main thread, at once): the change
    set of the uncommitted edits against the provider's features. Features are matched by
    QGIS feature id (stable while the layer is edited), so a changed key is an update;
    inserts get their key field's value, else their provisional (negative) feature id.
    Fields added in the edit buffer are not in the schema: their values appear as unknown
    fields (validation refuses them). After :meth:`changeset`, :attr:`feature_ids` says which
    feature of the layer each change is ({(op, key): feature id}, leave_out.change_ref).
    """

    def __init__(self, layer: QgsVectorLayer, schema: Schema):
        self.schema = schema
        buffer = layer.editBuffer()
        self.modified = buffer is not None and layer.isModified()
        self.added, self.base_ids, self.wanted = set(), [], []
        if self.modified:
            self.added = set(buffer.addedFeatures())
            changed = (set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())) - self.added
            deleted = set(buffer.deletedFeatureIds()) - self.added
            self.base_ids = sorted(changed | deleted)
            self.wanted = sorted(changed - deleted) + sorted(self.added)
        provider = layer.dataProvider()
        self.names = schema.field_names()
        provider_fields = provider.fields()
        self.provider_indexes = [provider_fields.indexOf(n) for n in self.names]
        self.key_index = provider_fields.indexOf(schema.key) if schema.key != FEATURE_ID else -1
        layer_fields = layer.fields()
        extra = [layer_fields.at(i).name() for i in range(layer_fields.count())
                 if layer_fields.fieldOrigin(i) == QgsFields.FieldOrigin.OriginEdit]
        self.edited_names = self.names + extra
        self.edited_indexes = [layer_fields.indexOf(n) for n in self.edited_names]
        self.edited_key_index = layer_fields.indexOf(schema.key) if schema.key != FEATURE_ID else -1
        self.provider_source = provider.featureSource()
        self.layer_source = QgsVectorLayerFeatureSource(layer)
        self.feature_ids = {}

    def __len__(self):
        return len(self.base_ids) + len(self.added)

    def changeset(self, progress: Optional[Callable[[float], None]] = None,
                  is_cancelled: Optional[Callable[[], bool]] = None) -> ChangeSet:
        if not self.modified:
            return ChangeSet(schema=self.schema)

        def check():
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("change set computation cancelled")

        base_rows, base_keys = [], {}
        if self.base_ids:
            for feature in self.provider_source.getFeatures(QgsFeatureRequest().setFilterFids(self.base_ids)):
                values = feature.attributes()
                attributes = {n: python_value(values[i]) if i >= 0 else None
                              for n, i in zip(self.names, self.provider_indexes)}
                base_rows.append((feature.id(), attributes, geometry_wkb(feature)))
                base_keys[feature.id()] = feature.id() if self.key_index < 0 else \
                    python_value(values[self.key_index])
        check()
        edited_rows, insert_keys = [], {}
        if self.wanted:
            for feature in self.layer_source.getFeatures(QgsFeatureRequest().setFilterFids(self.wanted)):
                values = feature.attributes()
                attributes = {n: python_value(values[i]) if i >= 0 else None
                              for n, i in zip(self.edited_names, self.edited_indexes)}
                edited_rows.append((feature.id(), attributes, geometry_wkb(feature)))
                if feature.id() in self.added:
                    own = python_value(values[self.edited_key_index]) if self.edited_key_index >= 0 else None
                    insert_keys[feature.id()] = own if own is not None else feature.id()
        check()
        changeset = compute_changeset(base_rows, edited_rows, self.schema, progress=progress,
                                      is_cancelled=is_cancelled,
                                      expected_rows=len(base_rows) + len(edited_rows))
        feature_ids = {}
        for change in changeset.changes:
            fid = change.key
            change.key = insert_keys[fid] if change.op == INSERT else base_keys[fid]
            feature_ids[change_ref(change)] = fid
        self.feature_ids = feature_ids
        return changeset


@dataclass
class ProposeSource:
    """What the task needs of the layer(s), collected on the main thread."""

    mode: str
    layer_id: str
    layer_name: str
    dataset_id: str
    dataset_title: str
    schema: Schema                 # the target's schema (the authoritative layer's)
    target: Target
    rows: object                   # EditBufferRows, or (LayerRows base, LayerRows edited)
    edited_layer_id: str = ""
    proposal_id: str = ""          # the proposal these edits were last saved to

    @property
    def crs(self) -> str:
        return self.schema.crs


def _governed(layer, convention, dataset_id: Optional[str] = None):
    if convention is None:
        raise ProposeError("no partnership convention is loaded", code="proposal.no_convention")
    if dataset_id:
        dataset = convention.datasets.get(dataset_id)
        if dataset is None:
            raise ProposeError(f"no dataset {dataset_id} in the convention", code="proposal.unknown_dataset",
                               dataset=dataset_id)
        return dataset
    dataset = dataset_of_layer(convention, layer)
    if dataset is None:
        raise ProposeError(f"{layer.name()} is no dataset of the convention", code="proposal.not_governed",
                           layer=layer.name())
    return dataset


def collect_edit_buffer(layer: QgsVectorLayer, convention, dataset_id: Optional[str] = None,
                        key: Optional[str] = None) -> ProposeSource:
    """The source of a proposal from ``layer``'s uncommitted edits (main thread)."""
    dataset = _governed(layer, convention, dataset_id)
    if not layer.isEditable() or not layer.isModified():
        raise ProposeError(f"{layer.name()} has no edits", code="proposal.no_edits", layer=layer.name())
    schema = schema_from_layer(layer, key or key_of(dataset, layer))
    return ProposeSource(MODE_EDIT_BUFFER, layer.id(), layer.name(), dataset.id, dataset.title or dataset.id,
                         schema, governed_target(dataset, layer), EditBufferRows(layer, schema),
                         proposal_id=str(layer.customProperty(PROPOSAL_PROPERTY, "") or ""))


def collect_layers(base: QgsVectorLayer, edited: QgsVectorLayer, convention,
                   dataset_id: Optional[str] = None, key: Optional[str] = None) -> ProposeSource:
    """The source of a proposal from an edited local copy and the authoritative layer."""
    dataset = _governed(base, convention, dataset_id)
    key = key or key_of(dataset, base)
    schema = schema_from_layer(base, key)
    if schema.key != FEATURE_ID and edited.fields().indexOf(schema.key) < 0:
        raise ProposeError(f"{edited.name()} has no field {schema.key}", code="proposal.key_missing",
                           layer=edited.name(), key=schema.key)
    if base.crs() != edited.crs():
        raise ProposeError("the two layers are in different CRS", code="proposal.crs_differ",
                           base=crs_text(base.crs()), edited=crs_text(edited.crs()))
    return ProposeSource(MODE_LAYERS, base.id(), base.name(), dataset.id, dataset.title or dataset.id,
                         schema, governed_target(dataset, base),
                         (LayerRows(base, schema), LayerRows(edited, schema)),
                         edited_layer_id=edited.id(),
                         proposal_id=str(edited.customProperty(PROPOSAL_PROPERTY, "") or ""))


# ---------------------------------------------------------------------------- routing
@dataclass
class Routing:
    """Who reviews a proposal: the steward partners of the communes it touches, their
    steward contacts, and the DPO contacts when the dataset holds personal data."""

    stewards: list = field(default_factory=list)          # Partner
    steward_contacts: list = field(default_factory=list)  # Contact
    dpos: list = field(default_factory=list)              # Contact
    approvals: list = field(default_factory=list)         # roles: steward, dpo…
    personal_data: bool = False


def review_routing(convention, dataset_id: str, communes, unplaced: bool) -> Routing:
    """The stewards the stores will route to (governance/stewardship.py, one rule)."""
    dataset = convention.dataset(dataset_id)
    partners = convention.stewards_for(dataset_id, list(communes or ()), unplaced)
    approvals = rules.required_approvals(dataset.approval, dataset.personal_data)
    dpos = [c for p in partners for c in p.contacts_with_role(rules.DPO)] if rules.DPO in approvals else []
    return Routing(stewards=partners,
                   steward_contacts=[c for p in partners for c in p.contacts_with_role(rules.STEWARD)],
                   dpos=dpos, approvals=approvals, personal_data=bool(dataset.personal_data))


# ---------------------------------------------------------------------------- preparing
@dataclass
class Prepared:
    """A change set ready to be saved as a draft, with everything the dialog shows."""

    source: ProposeSource
    changeset: ChangeSet
    problems: list                 # validation Problems
    placement: Placement           # communes touched, unplaced, outside the territory
    routing: Routing
    identity: Identity
    store_kind: str = ""
    offline: bool = False          # the PostgreSQL store could not be reached
    proposal: object = None        # the Proposal as saved, when saved
    saved_locally: bool = False    # saved in the PostgreSQL store's local outbox only
    save_error: Optional[GeoGovError] = None
    # Every change computed (``changeset`` holds the included ones: all but ``excluded``,
    # the leave_out refs of the changes left out); None: the same as ``changeset``.
    computed: Optional[ChangeSet] = None
    excluded: frozenset = frozenset()
    # Edit buffer: which feature of the layer each computed change is ({ref: feature id}).
    feature_ids: dict = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Nothing is proposed (nothing changed, or every change is left out)."""
        return not self.changeset.changes

    @property
    def all_changes(self) -> ChangeSet:
        """Every change computed, the left-out ones included."""
        return self.computed if self.computed is not None else self.changeset

    @property
    def nothing_changed(self) -> bool:
        """The edited version is the same as the authoritative one."""
        return not self.all_changes.changes

    @property
    def departements(self) -> list:
        return self.placement.departements


def compute(source: ProposeSource, progress=None, is_cancelled=None) -> ChangeSet:
    """The ChangeSet of a source (any thread)."""
    if source.mode == MODE_EDIT_BUFFER:
        return source.rows.changeset(progress=progress, is_cancelled=is_cancelled)
    base, edited = source.rows
    return diff_layer_rows(base, edited, source.schema, progress=progress, is_cancelled=is_cancelled)


def prepare(source: ProposeSource, convention, identity: Identity, *, excluded=(), computed=None,
            progress=None, is_cancelled=None) -> Prepared:
    """Change set, places, reviewers, proposer territory, validation (any thread).

    ``excluded``: the refs (leave_out.change_ref) of the changes left out — they are not
    validated, placed nor proposed (a ref no longer computed is forgotten). ``computed``: a
    Prepared of the same source whose changes are taken as they are (only the checks run
    again, e.g. after a change was left out)."""
    def part(start, end):
        if progress is None:
            return None
        return lambda fraction: progress(start + (end - start) * fraction)

    if computed is not None:
        everything, feature_ids = computed.all_changes, dict(computed.feature_ids)
        start = 0.0
    else:
        everything = compute(source, progress=part(0.0, 0.5), is_cancelled=is_cancelled)
        feature_ids = dict(getattr(source.rows, "feature_ids", None) or {})
        start = 0.5
    excluded = known(excluded, everything)
    changeset = included(everything, excluded)
    partner = identity.partner or ""
    problems = []
    if not partner:
        problems.append(Problem(UNKNOWN_IDENTITY, params={"login": identity.login}))
    restricted = None
    if partner in convention.partners:
        restricted = convention.proposal_territory(partner, source.dataset_id)
    placement = locate(changeset, convention.reference,
                       restricted.territory_set() if restricted is not None else None,
                       progress=part(start, start + (1.0 - start) * 0.6), is_cancelled=is_cancelled)
    routing = review_routing(convention, source.dataset_id, placement.communes, bool(placement.unplaced))
    proposer = proposer_from_convention(convention, partner, source.dataset_id)
    problems += validate(changeset, source.schema, proposer, progress=part(start + (1.0 - start) * 0.6, 1.0),
                         is_cancelled=is_cancelled)
    if source.target.kind == "gpkg":
        problems += gpkg_constraint_problems(source.target.uri, source.target.layer, changeset,
                                             known=problems, is_cancelled=is_cancelled)
    problems += territory_problems(changeset, placement, known=problems)
    return Prepared(source, changeset, problems, placement, routing, identity,
                    computed=everything if excluded else None, excluded=excluded, feature_ids=feature_ids)
