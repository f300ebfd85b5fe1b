"""Sentences for proposals: validation problems (proposal.*), change-set input errors
(changeset.*), "Propose my changes" errors and notes, and the store set-up codes the
propose workflow adds (store.not_configured, store.no_login). The store's own refusals
(plugin/proposals/stores/base.py ERROR_CODES) are in messages/store.py.

A validation problem is shown as one line naming the feature and the rule
(:func:`problem_text`): "Entité CYC-94-00012 (modifiée) : le champ « sens » est
obligatoire."
"""

from __future__ import annotations

from ...proposals.model import DELETE, INSERT, UPDATE
from ..i18n import tr


def messages() -> dict:
    return {
        # a change set read back from the store (plugin/proposals/serialization.py)
        "changeset": tr("A stored change set cannot be read: {message}. The proposal store "
                        "may be damaged; nothing was changed. Tell your coordinator."),
        "changeset.version": tr("This change set was written by a newer version of GeoGov "
                                "(format {version}): update the plugin to read it."),
        "changeset.value_type": tr("A value of type {type} cannot be stored in a proposal."),
        "value.wrong_type": tr("{value} is not a valid {type}."),
        "geopackage.unreadable": tr("The GeoPackage cannot be read: {message}"),
        # validation (plugin/proposals/validation.py)
        "proposal.invalid": tr("{count} problem(s) prevent submitting this proposal."),
        "proposal.not_allowed": tr("Your organisation ({partner}) may not propose changes to this "
                                   "dataset."),
        "proposal.crs_mismatch": tr("The changes are in {crs}, the dataset in {expected}."),
        "proposal.unknown_field": tr("the field “{field}” does not exist in the dataset."),
        "proposal.wrong_type": tr("the value “{value}” of the field “{field}” is not a valid {type}."),
        "proposal.required_missing": tr("the field “{field}” is required."),
        "proposal.too_long": tr("the value of the field “{field}” has {length} characters, at most "
                                "{max} are allowed."),
        "proposal.geometry_missing": tr("the geometry is missing (a {expected} is expected)."),
        "proposal.geometry_unreadable": tr("the geometry cannot be read ({reason})."),
        "proposal.wrong_geometry_type": tr("the geometry is a {type}, the dataset expects a {expected}."),
        "proposal.geometry_invalid": tr("the geometry is not valid ({reason})."),
        "proposal.geometry_invalid.self_intersection":
            tr("the geometry is not valid: its outline crosses itself."),
        "proposal.geometry_invalid.self_intersection_near":
            tr("the geometry is not valid: its outline crosses itself near {near}."),
        "proposal.geometry_invalid.ring_self_intersection":
            tr("the geometry is not valid: one of its rings touches itself."),
        "proposal.geometry_invalid.ring_self_intersection_near":
            tr("the geometry is not valid: one of its rings touches itself near {near}."),
        "proposal.geometry_invalid.too_few_points":
            tr("the geometry is not valid: a part has too few points."),
        "proposal.geometry_invalid.too_few_points_near":
            tr("the geometry is not valid: a part has too few points near {near}."),
        "proposal.geometry_invalid.ring_not_closed":
            tr("the geometry is not valid: one of its rings is not closed."),
        "proposal.geometry_invalid.ring_not_closed_near":
            tr("the geometry is not valid: one of its rings is not closed near {near}."),
        "proposal.geometry_invalid.hole_outside":
            tr("the geometry is not valid: a hole lies outside its polygon."),
        "proposal.geometry_invalid.hole_outside_near":
            tr("the geometry is not valid: a hole lies outside its polygon near {near}."),
        "proposal.geometry_invalid.holes_nested":
            tr("the geometry is not valid: a hole lies inside another hole."),
        "proposal.geometry_invalid.holes_nested_near":
            tr("the geometry is not valid: a hole lies inside another hole near {near}."),
        "proposal.geometry_invalid.interior_disconnected":
            tr("the geometry is not valid: its holes cut the inside in pieces."),
        "proposal.geometry_invalid.interior_disconnected_near":
            tr("the geometry is not valid: its holes cut the inside in pieces near {near}."),
        "proposal.geometry_invalid.shells_nested":
            tr("the geometry is not valid: one of its polygons lies inside another."),
        "proposal.geometry_invalid.shells_nested_near":
            tr("the geometry is not valid: one of its polygons lies inside another near {near}."),
        "proposal.geometry_invalid.duplicate_rings":
            tr("the geometry is not valid: one of its rings is repeated."),
        "proposal.geometry_invalid.duplicate_rings_near":
            tr("the geometry is not valid: one of its rings is repeated near {near}."),
        "proposal.geometry_invalid.invalid_coordinate":
            tr("the geometry is not valid: a coordinate is not a number."),
        "proposal.geometry_invalid.invalid_coordinate_near":
            tr("the geometry is not valid: a coordinate is not a number near {near}."),
        "proposal.geometry_invalid.repeated_point":
            tr("the geometry is not valid: it repeats a point."),
        "proposal.geometry_invalid.repeated_point_near":
            tr("the geometry is not valid: it repeats a point near {near}."),
        "proposal.outside_territory": tr("the feature lies outside your organisation's territory."),
        "proposal.outside_territory.new": tr("the feature lies outside your organisation's territory."),
        "proposal.outside_territory.old": tr("the feature was outside your organisation's territory "
                                             "before your change: it is not yours to edit."),
        "proposal.key_missing_value": tr("the new feature has no “{field}”, the key that identifies "
                                         "the features of the dataset."),
        "proposal.target_constraint": tr("the dataset's own table refuses this feature ({reason})."),
        "proposal.key_duplicate": tr("another feature of the proposal already has the key “{value}” "
                                     "(field “{field}”)."),
        "proposal.unknown_identity": tr("Your login “{login}” is not a member of the partnership "
                                        "convention: nobody knows which organisation proposes."),
        # Propose my changes (plugin/bridge/propose.py)
        "proposal.cannot_propose": tr("These changes cannot be proposed: {message}"),
        "proposal.no_convention": tr("No partnership convention is loaded: set it in the GeoGov "
                                     "settings."),
        "proposal.unknown_dataset": tr("The convention has no dataset “{dataset}”."),
        "proposal.not_governed": tr("The layer “{layer}” is not a shared dataset of the partnership "
                                    "convention: there is nobody to review changes to it."),
        "proposal.wrong_target": tr("The layer “{layer}” is not where the partnership convention "
                                    "publishes this dataset (“{expected}” at {uri}): a proposal made "
                                    "from it could never be applied. Your edits are still in the "
                                    "layer; to propose them from a copy, compare the copy with the "
                                    "authoritative layer."),
        "proposal.copy_failed": tr("The local copy “{path}” could not be written ({reason}). The shared "
                                   "layer is unchanged, and no half-written copy was left."),
        "proposal.no_edits": tr("The layer “{layer}” has no edits to propose."),
        "proposal.key_missing": tr("The layer “{layer}” has no field “{key}”, the key that identifies "
                                   "the features of the dataset."),
        "proposal.crs_differ": tr("The edited copy is in {edited}, the authoritative layer in {base}: "
                                  "use the same CRS."),
        # change sets (plugin/proposals/changeset.py)
        "changeset.input": tr("The features cannot be compared: {message}"),
        "changeset.unsorted": tr("The features of the {side} layer do not come in key order."),
        "changeset.duplicate_key": tr("The key {key} appears twice in the {side} layer: the key field "
                                      "must identify each feature."),
        "changeset.missing_key": tr("A feature of the authoritative layer has no key: it cannot be "
                                    "followed."),
        "changeset.key_types": tr("The keys of the two layers are of different types and cannot be "
                                  "matched."),
        "changeset.row_shape": tr("A feature has {values} values for {fields} fields."),
        "geometry.unreadable": tr("A geometry cannot be read: {message}"),
        # store set-up for proposing (plugin/bridge/propose_store.py)
        "store.not_configured": tr("No proposal store is configured: choose one in the GeoGov "
                                   "settings."),
        "store.no_login": tr("Your login is not set: in GeoPackage mode, type it in the GeoGov "
                             "settings."),
    }


def type_label(kind: str) -> str:
    return {
        "string": tr("text"), "integer": tr("whole number"), "real": tr("decimal number"),
        "boolean": tr("yes/no value"), "date": tr("date"), "datetime": tr("date and time"),
        "binary": tr("binary value"),
    }.get(kind, kind)


def feature_label(key, op) -> str:
    """How a problem or a change names its feature."""
    if op == INSERT and isinstance(key, int) and not isinstance(key, bool) and key < 0:
        # QGIS numbers the features it adds -1, -2…: no key yet, only a place in the list.
        return tr("New feature no. {n} (no key yet)").format(n=-key)
    if op == INSERT:
        return tr("New feature {key}").format(key=key)
    if op == UPDATE:
        return tr("Feature {key} (modified)").format(key=key)
    if op == DELETE:
        return tr("Feature {key} (deleted)").format(key=key)
    return tr("Feature {key}").format(key=key)


def problem_text(problem, table: dict | None = None) -> str:
    """One line for a validation Problem: the feature, then the rule, in the user's language."""
    from .lookup import all_messages, format_template

    table = table if table is not None else all_messages()
    params = dict(problem.params or {})
    if problem.field is not None:
        params.setdefault("field", problem.field)
    if "type" in params and problem.code == "proposal.wrong_type":
        params["type"] = type_label(params["type"])
    code = problem.code
    which = params.get("which")
    template = table.get(f"{code}.{which}") if which else None
    if template is None:
        template = table.get(code, table.get("error", "{message}"))
    params.setdefault("message", code)
    text = format_template(template, params)
    if problem.key is None and problem.op is None:
        return text[:1].upper() + text[1:]
    return tr("{feature}: {rule}").format(feature=feature_label(problem.key, problem.op), rule=text)
