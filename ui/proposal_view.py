"""A proposal as the reviewer reads it: why, what, who decided, what happened, the discussion.

:func:`detail_html` is the proposal's page (title and status, dataset and author, the
author's "why", the size of the change, the approvals still needed, the validation
results, the reviews, the apply attempts, the comment thread); :class:`ProposalView`
shows it with a box to add a comment to the thread. The short texts of the queue
(:func:`age_text` "il y a 3 jours", :func:`approvals_text` "référent validation ✓, DPO en
attente", :func:`size_text` "+1 ~2 −1") live here too, so the queue and the page agree.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import problem_text
from ..plugin.bridge.messages.publishing import apply_result_text
from ..plugin.proposals.model import DELETE, INSERT, UPDATE
from .propose_changes import decision_label, proposal_status_label

APPROVED_MARK = "✓"


# ---------------------------------------------------------------------------- short texts
def age_text(moment, now=None) -> str:
    """How long ago: "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago"…"""
    if moment is None:
        return ""
    now = now or dt.datetime.now(dt.timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    seconds = max(0, int((now - moment).total_seconds()))
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 1:
        return tr("just now")
    if minutes == 1:
        return tr("a minute ago")
    if hours < 1:
        return tr("{n} minutes ago").format(n=minutes)
    if hours == 1:
        return tr("an hour ago")
    if days < 1:
        return tr("{n} hours ago").format(n=hours)
    if days == 1:
        return tr("yesterday")
    if days < 60:
        return tr("{n} days ago").format(n=days)
    return tr("{n} months ago").format(n=days // 30)


def approval_role_label(role: str) -> str:
    return {"steward": tr("steward"), "dpo": tr("DPO"), "coordinator": tr("coordinator")}.get(role, role)


def approvals_text(approvals: dict) -> str:
    """``{"steward": True, "dpo": False}`` → "steward ✓, DPO pending"."""
    parts = []
    for role, given in (approvals or {}).items():
        label = approval_role_label(role)
        parts.append(tr("{role} ✓").format(role=label) if given else tr("{role} pending").format(role=label))
    return ", ".join(parts)


def size_text(counts: dict) -> str:
    """"+2 ~1 −3": added, modified, deleted."""
    return f"+{counts.get(INSERT, 0)} ~{counts.get(UPDATE, 0)} −{counts.get(DELETE, 0)}"


def size_tooltip(counts: dict) -> str:
    return tr("{added} added, {modified} modified, {deleted} deleted").format(
        added=counts.get(INSERT, 0), modified=counts.get(UPDATE, 0), deleted=counts.get(DELETE, 0))


def when_text(moment) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def partner_name(convention, partner_id: str) -> str:
    partner = convention.partners.get(partner_id or "") if convention is not None else None
    return partner.name if partner is not None else (partner_id or "?")


def dataset_title(convention, dataset_id: str) -> str:
    dataset = convention.datasets.get(dataset_id or "") if convention is not None else None
    return dataset.title if dataset is not None else (dataset_id or "?")


def attempt_result_label(result: str) -> str:
    return {"applied": tr("applied"), "failed": tr("failed"), "conflict": tr("conflict"),
            "unknown": tr("outcome unknown"), "undone": tr("refused, undone")}.get(result, result)


def attempt_text(attempt) -> str:
    """One apply attempt: when, who, and what happened (from the recorded result)."""
    head = tr("{when}, by {who}: {result}").format(when=when_text(attempt.at), who=attempt.actor,
                                                   result=attempt_result_label(attempt.result))
    details = attempt.details or {}
    if details.get("status"):
        return head + " — " + apply_result_text(details)
    return head


# ---------------------------------------------------------------------------- the page
def _section(title: str) -> str:
    return f"<h4 style='margin-bottom:2px'>{escape(title)}</h4>"


def detail_html(detail, convention=None, now=None) -> str:
    proposal = detail.proposal
    parts = [f"<h3 style='margin-bottom:2px'>{escape(proposal.title or proposal.id)}</h3>"]
    status = proposal_status_label(proposal.status)
    lines = [tr("Status: {status}").format(status=status),
             tr("Dataset: {dataset}").format(dataset=dataset_title(convention, proposal.dataset)),
             tr("Proposed by {author} ({partner}), {age}").format(
                 author=proposal.author, partner=partner_name(convention, proposal.partner),
                 age=age_text(proposal.submitted_at or proposal.created_at, now))]
    if proposal.round > 1:
        lines.append(tr("Review round {n}").format(n=proposal.round))
    parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    parts.append(_section(tr("Why")))
    parts.append("<p>" + (escape(proposal.comment) if proposal.comment
                          else "<i>" + escape(tr("No explanation given.")) + "</i>") + "</p>")
    if proposal.changeset is not None:
        counts = proposal.changeset.counts()
        parts.append(_section(tr("Changes")))
        parts.append(f"<p>{escape(size_tooltip(counts))} ({escape(size_text(counts))})</p>")
    if detail.approvals:
        parts.append(_section(tr("Approvals")))
        parts.append(f"<p>{escape(approvals_text(detail.approvals))}</p>")
    parts.append(_section(tr("Validation")))
    if proposal.validation:
        parts.append("<ul>" + "".join(f"<li>{escape(problem_text(p))}</li>" for p in proposal.validation)
                     + "</ul>")
    else:
        parts.append("<p>" + escape(tr("No problem was found when it was checked before submission."))
                     + "</p>")
    if proposal.reviews:
        parts.append(_section(tr("Reviews")))
        items = []
        for review in proposal.reviews:
            line = tr("{who} ({role}) {decision} on {when}").format(
                who=review.reviewer, role=approval_role_label(review.role),
                decision=decision_label(review.decision), when=when_text(review.at))
            if review.round != proposal.round:
                line += " " + tr("(round {n})").format(n=review.round)
            if review.comment:
                line += " — " + review.comment
            items.append(f"<li>{escape(line)}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    if proposal.apply_attempts:
        parts.append(_section(tr("Apply attempts")))
        parts.append("<ul>" + "".join(f"<li>{escape(attempt_text(a))}</li>" for a in proposal.apply_attempts)
                     + "</ul>")
    parts.append(_section(tr("Discussion")))
    if proposal.comments:
        items = [f"<li><b>{escape(c.author)}</b> <span style='color:#5f6b76'>{escape(when_text(c.at))}</span>"
                 f"<br>{escape(c.body)}</li>" for c in proposal.comments]
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p><i>" + escape(tr("No comment yet.")) + "</i></p>")
    return "".join(parts)


class ProposalView(QWidget):
    """The page of the selected proposal and a box to add a comment to its thread."""

    comment_requested = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(tr("Add a comment to the discussion…"))
        self.comment_edit.setMaximumHeight(60)
        self.send_button = QPushButton(tr("Add the comment"))
        row = QHBoxLayout()
        row.addWidget(self.comment_edit, 1)
        row.addWidget(self.send_button)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self.detail = None
        self.send_button.clicked.connect(self._send)
        self.comment_edit.textChanged.connect(self._update)
        self._update()

    def show_detail(self, detail, convention=None):
        self.detail = detail
        self.browser.setHtml(detail_html(detail, convention))
        self._update()

    def clear(self):
        self.detail = None
        self.browser.clear()
        self._update()

    def _update(self):
        self.send_button.setEnabled(self.detail is not None and bool(self.comment_edit.toPlainText().strip()))

    def _send(self):
        body = self.comment_edit.toPlainText().strip()
        if body and self.detail is not None:
            self.comment_requested.emit(body)

    def comment_sent(self):
        self.comment_edit.clear()
