"""How a proposal's change set and status read on screen (propose dialog, My proposals).

The change list is a three-column tree (feature or field / before / after): one group
per kind of change with its count, each modified feature listing its changed fields as
old → new, and "geometry changed" when it moved. Large change sets show the first
:data:`SHOWN_PER_GROUP` features of each group and say how many more there are.

In the propose dialog the list is *checkable*: a checkbox per change (and per group, and
one for the "… and n more" of a large group) leaves it out of the proposal or takes it
back in (:func:`fill_changes` with ``excluded``, :func:`excluded_refs`, :func:`check_refs`).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidget, QTreeWidgetItem

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import feature_label
from ..plugin.proposals.leave_out import change_ref
from ..plugin.proposals.model import DELETE, INSERT, UPDATE
from ..plugin.territories.departements import departement_name

SHOWN_PER_GROUP = 500
VALUE_CHARS = 120
# Item data: a change's leave_out ref (feature items), the refs a "… and n more" item stands for.
REF_ROLE = Qt.ItemDataRole.UserRole + 1
HIDDEN_REFS_ROLE = Qt.ItemDataRole.UserRole + 2
CHECKED, UNCHECKED, PARTLY = (Qt.CheckState.Checked, Qt.CheckState.Unchecked,
                              Qt.CheckState.PartiallyChecked)


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


def proposed_counts_text(counts: dict, left_out: int) -> str:
    """The counts of what is proposed, and how many changes are left out."""
    if not left_out:
        return counts_text(counts)
    return tr("{counts} — {n} left out (kept in your edits)").format(counts=counts_text(counts), n=left_out)


def _group(tree, title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, [title.format(n=count)])
    item.setExpanded(True)
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item


def _checkable(item: QTreeWidgetItem, state, locked: bool) -> None:
    # A QTreeWidgetItem is user-checkable by default: a locked one is not.
    checkable = Qt.ItemFlag.ItemIsUserCheckable
    item.setFlags(item.flags() & ~checkable if locked else item.flags() | checkable)
    item.setCheckState(0, state)


def fill_changes(tree: QTreeWidget, changeset, excluded=None, locked: bool = False) -> None:
    """Fill ``tree`` (3 columns) with the changes of ``changeset`` (None: empty). With
    ``excluded`` (a set of leave_out refs, possibly empty), every change gets a checkbox,
    unchecked for the refs of ``excluded``; ``locked``: shown, but not to be changed."""
    tree.clear()
    if changeset is None:
        return
    checkable = excluded is not None
    excluded = frozenset(excluded or ())
    leave_tip = tr("Uncheck to leave this change out of the proposal: it stays in your edits.")
    by_op = {INSERT: [], UPDATE: [], DELETE: []}
    for change in changeset.changes:
        by_op.setdefault(change.op, []).append(change)
    titles = {INSERT: tr("Added ({n})"), UPDATE: tr("Modified ({n})"), DELETE: tr("Deleted ({n})")}
    for op in (INSERT, UPDATE, DELETE):
        changes = by_op[op]
        if not changes:
            continue
        group = _group(tree, titles[op], len(changes))
        if checkable:
            group.setToolTip(0, tr("Uncheck to leave all these changes out of the proposal."))
        for change in changes[:SHOWN_PER_GROUP]:
            item = QTreeWidgetItem(group, [feature_label(change.key, change.op)])
            item.setData(0, Qt.ItemDataRole.UserRole, change.key)
            if checkable:
                which = change_ref(change)
                item.setData(0, REF_ROLE, which)
                item.setToolTip(0, leave_tip)
                _checkable(item, UNCHECKED if which in excluded else CHECKED, locked)
            if op == UPDATE:
                for name, (old, new) in change.changed_values().items():
                    QTreeWidgetItem(item, [name, value_text(old), value_text(new)])
                if change.geometry_changed:
                    QTreeWidgetItem(item, [tr("geometry"), tr("before"), tr("moved or reshaped")])
                item.setExpanded(len(changes) <= 20)
            elif op == INSERT:
                values = [(n, v) for n, v in (change.new or {}).items() if v is not None]
                item.setText(2, ", ".join(f"{n} = {value_text(v)}" for n, v in values[:4]))
                item.setToolTip(2, "\n".join(f"{n} = {value_text(v)}" for n, v in values))
            else:
                values = [(n, v) for n, v in (change.old or {}).items() if v is not None]
                item.setText(1, ", ".join(f"{n} = {value_text(v)}" for n, v in values[:4]))
                item.setToolTip(1, "\n".join(f"{n} = {value_text(v)}" for n, v in values))
        if len(changes) > SHOWN_PER_GROUP:
            more = QTreeWidgetItem(group, [tr("… and {n} more").format(n=len(changes) - SHOWN_PER_GROUP)])
            if checkable:
                hidden = [change_ref(c) for c in changes[SHOWN_PER_GROUP:]]
                more.setData(0, HIDDEN_REFS_ROLE, hidden)
                more.setToolTip(0, tr("Uncheck to leave these changes out of the proposal."))
                _checkable(more, _state(sum(r in excluded for r in hidden), len(hidden)), locked)
        if checkable:
            # Its state is its children's (Qt computes it): checking it checks them all.
            group.setFlags((group.flags() & ~Qt.ItemFlag.ItemIsUserCheckable if locked else
                            group.flags() | Qt.ItemFlag.ItemIsUserCheckable) | Qt.ItemFlag.ItemIsAutoTristate)


def _state(out: int, total: int):
    return CHECKED if not out else UNCHECKED if out == total else PARTLY


def _feature_items(tree: QTreeWidget):
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for i in range(group.childCount()):
            yield group.child(i)


def excluded_refs(tree: QTreeWidget, previous=frozenset()) -> frozenset:
    """The refs the unchecked items of a checkable change tree leave out. A partly checked
    "… and n more" item keeps the choices of ``previous`` for the changes it stands for."""
    previous = frozenset(previous)
    out = set()
    for item in _feature_items(tree):
        which = item.data(0, REF_ROLE)
        hidden = item.data(0, HIDDEN_REFS_ROLE)
        state = item.checkState(0)
        if which is not None and state == UNCHECKED:
            out.add(which)
        elif hidden:
            if state == UNCHECKED:
                out.update(hidden)
            elif state == PARTLY:
                out.update(r for r in hidden if r in previous)
    return frozenset(out)


def check_refs(tree: QTreeWidget, excluded) -> None:
    """Set the checkboxes of a checkable change tree to ``excluded``."""
    excluded = frozenset(excluded)
    for item in _feature_items(tree):
        which = item.data(0, REF_ROLE)
        hidden = item.data(0, HIDDEN_REFS_ROLE)
        if which is not None:
            state = UNCHECKED if which in excluded else CHECKED
        elif hidden:
            state = _state(sum(r in excluded for r in hidden), len(hidden))
        else:
            continue
        if item.checkState(0) != state:
            item.setCheckState(0, state)


def item_of(tree: QTreeWidget, which):
    """The item of the change ``which`` (None when it is not shown: beyond SHOWN_PER_GROUP)."""
    for item in _feature_items(tree):
        if item.data(0, REF_ROLE) == which:
            return item
    return None


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
    """Dataset, proposer, where, who reviews (stewards, DPO for personal data), then the
    target: its path or address is long, and it comes last in a small window's box."""
    source, routing, identity = prepared.source, prepared.routing, prepared.identity
    lines = [tr("<b>Dataset</b>: {title} ({id})").format(title=escape(source.dataset_title),
                                                          id=escape(source.dataset_id))]
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
    lines.append(tr("<b>Target</b>: {target}").format(target=escape(target_text(source.target))))
    if prepared.offline:
        lines.append(escape(tr("The proposal database cannot be reached: your identity is the "
                               "login of the connection, not yet confirmed by the database.")))
    return "<br>".join(lines)
