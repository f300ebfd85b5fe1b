"""How a proposal's change set and status read on screen (propose dialog, My proposals).

The change list is a three-column tree (feature or field / before / after): one group
per kind of change with its count, each modified feature listing its changed fields as
old → new, and "geometry changed" when it moved. Large change sets show the first
:data:`SHOWN_PER_GROUP` features of each group and say how many more there are.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidget, QTreeWidgetItem

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import feature_label
from ..plugin.proposals.model import DELETE, INSERT, UPDATE
from ..plugin.territories.departements import departement_name

SHOWN_PER_GROUP = 500
VALUE_CHARS = 120


def proposal_status_label(status: str) -> str:
    return {
        "draft": tr("Draft"), "submitted": tr("Submitted, awaiting review"),
        "changes_requested": tr("Changes requested"), "approved": tr("Approved"),
        "rejected": tr("Rejected"), "applied": tr("Applied to the data"),
        "conflict": tr("Conflict with newer data"), "withdrawn": tr("Withdrawn"),
    }.get(status, status)


def decision_label(decision: str) -> str:
    return {"approve": tr("approved"), "reject": tr("rejected"),
            "request_changes": tr("requested changes")}.get(decision, decision)


def review_role_label(role: str) -> str:
    return {"steward": tr("steward"), "dpo": tr("data protection officer"),
            "coordinator": tr("coordinator")}.get(role, role)


def value_text(value) -> str:
    if value is None:
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return tr("({n} bytes)").format(n=len(value))
    text = str(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


def counts_text(counts: dict) -> str:
    total = sum(counts.values())
    return tr("{total} change(s): {added} added, {modified} modified, {deleted} deleted").format(
        total=total, added=counts.get(INSERT, 0), modified=counts.get(UPDATE, 0),
        deleted=counts.get(DELETE, 0))


def _group(tree, title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, [title.format(n=count)])
    item.setExpanded(True)
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item


def fill_changes(tree: QTreeWidget, changeset) -> None:
    """Fill ``tree`` (3 columns) with the changes of ``changeset`` (None: empty)."""
    tree.clear()
    if changeset is None:
        return
    by_op = {INSERT: [], UPDATE: [], DELETE: []}
    for change in changeset.changes:
        by_op.setdefault(change.op, []).append(change)
    titles = {INSERT: tr("Added ({n})"), UPDATE: tr("Modified ({n})"), DELETE: tr("Deleted ({n})")}
    for op in (INSERT, UPDATE, DELETE):
        changes = by_op[op]
        if not changes:
            continue
        group = _group(tree, titles[op], len(changes))
        for change in changes[:SHOWN_PER_GROUP]:
            item = QTreeWidgetItem(group, [feature_label(change.key, change.op)])
            item.setData(0, Qt.ItemDataRole.UserRole, change.key)
            if op == UPDATE:
                for name, (old, new) in change.changed_values().items():
                    QTreeWidgetItem(item, [name, value_text(old), value_text(new)])
                if change.geometry_changed:
                    QTreeWidgetItem(item, [tr("geometry"), tr("before"), tr("moved or reshaped")])
                item.setExpanded(len(changes) <= 20)
            elif op == INSERT:
                values = [(n, v) for n, v in (change.new or {}).items() if v is not None]
                item.setText(2, ", ".join(f"{n} = {value_text(v)}" for n, v in values[:4]))
            else:
                values = [(n, v) for n, v in (change.old or {}).items() if v is not None]
                item.setText(1, ", ".join(f"{n} = {value_text(v)}" for n, v in values[:4]))
        if len(changes) > SHOWN_PER_GROUP:
            QTreeWidgetItem(group, [tr("… and {n} more").format(n=len(changes) - SHOWN_PER_GROUP)])


# ---------------------------------------------------------------------------- summary
def target_text(target) -> str:
    kinds = {"wfs": tr("WFS service"), "postgis": tr("PostGIS table"), "gpkg": tr("GeoPackage table")}
    return tr("{kind} {layer} at {where}").format(kind=kinds.get(target.kind, target.kind),
                                                  layer=target.layer, where=target.uri)


def contact_text(contact) -> str:
    """A contact as HTML: its name and e-mail address."""
    if contact.email:
        return f"{escape(contact.name)} &lt;{escape(contact.email)}&gt;"
    return escape(contact.name)


def summary_html(prepared, convention) -> str:
    """Dataset, target, proposer, where, who reviews (stewards, DPO for personal data)."""
    source, routing, identity = prepared.source, prepared.routing, prepared.identity
    lines = [tr("<b>Dataset</b>: {title} ({id})").format(title=escape(source.dataset_title),
                                                          id=escape(source.dataset_id)),
             tr("<b>Target</b>: {target}").format(target=escape(target_text(source.target)))]
    partner = convention.partners.get(identity.partner or "") if convention is not None else None
    lines.append(tr("<b>Proposed by</b>: {login} ({partner})").format(
        login=escape(identity.login or "?"),
        partner=escape(partner.name if partner else tr("unknown organisation"))))
    places = ", ".join(f"{departement_name(c)} ({c})" for c in prepared.departements)
    if places:
        communes = len(prepared.placement.communes)
        if communes > 1:
            lines.append(tr("<b>Where</b>: {places} — {n} municipalities").format(places=escape(places),
                                                                              n=communes))
        else:
            lines.append(tr("<b>Where</b>: {places}").format(places=escape(places)))

    reviewers = []
    for steward in routing.stewards:
        contacts = [contact_text(c) for c in steward.contacts_with_role("steward")]
        reviewers.append(escape(steward.name) + (" — " + ", ".join(contacts) if contacts else ""))
    lines.append(tr("<b>Reviewed by</b>: {reviewers}").format(
        reviewers="; ".join(reviewers) or escape(tr("nobody: the convention names no steward"))))
    if routing.personal_data:
        dpos = ", ".join(contact_text(c) for c in routing.dpos) or escape(tr("no DPO named"))
        lines.append(tr("<b>And, for personal data, the data protection officer</b>: {dpos}").format(
            dpos=dpos))
    if prepared.offline:
        lines.append(escape(tr("The proposal database cannot be reached: your identity is the "
                               "login of the connection, not yet confirmed by the database.")))
    return "<br>".join(lines)
