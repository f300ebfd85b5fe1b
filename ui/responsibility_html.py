"""What the "Who is responsible" panel says: its HTML page (partners and their part, the
stewards of the layer's territory, freshness, discrepancies, DPO, licence, contacts,
proposals awaiting review), its status line, and the e-mail to the stewards. Plain
functions of a LayerGovernance: the dock (responsibility_dock.py) shows them.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels import governance as labels
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.governance import discrepancy_text
from ..plugin.catalogue.model import LINK_WEBPAGE
from ..plugin.governance.report_html import territory_phrase


def mailto_url(emails, subject: str, cc=()) -> str:
    """A mailto: URL for several recipients (RFC 6068: "," between addresses)."""
    to = ",".join(quote(e, safe="@") for e in emails)
    query = "subject=" + quote(subject, safe="")
    if cc:
        query += "&cc=" + ",".join(quote(e, safe="@") for e in cc)
    return f"mailto:{to}?{query}"


def record_link(info) -> str:
    record = info.record
    if record is not None:
        if (record.source or "").startswith(("http://", "https://")):
            return record.source
        for link in record.links_of(LINK_WEBPAGE):
            if link.url:
                return link.url
    return ""


def steward_emails(result) -> list:
    return [r.contact.email for r in result.contacts if r.role == "steward" and r.contact.email]


def dpo_emails(result) -> list:
    return [c.email for c in result.dpo if c.email]


def status_text(result) -> str:
    """"Up to date", "Unknown", or how late: "Late by 3 months"."""
    if result.status == "late":
        text = labels.lateness_label(result.days_late, result.months_late)
        return text[:1].upper() + text[1:]
    return labels.status_label(result.status)


def due_text(result) -> str:
    if result.status == "late" and result.next_due:
        return tr("Update expected since {date}.").format(date=labels.date_label(result.next_due))
    if result.next_due:
        return tr("Next update expected by {date}.").format(date=labels.date_label(result.next_due))
    if result.last_revision is None:
        return tr("No update date is known: neither the catalogue record nor the proposal "
                  "store gives one.")
    return tr("The convention sets no update rhythm for these data.")


def _names(partners) -> str:
    return ", ".join(escape(p.name) for p in partners) or "—"


def _heading(text) -> str:
    return f"<h3>{escape(text)}</h3>"


def _row(label, value) -> str:
    return f"<tr><td><b>{escape(label)}</b></td><td>{value}</td></tr>"


def _steward_areas(result, info) -> str:
    """Each steward with where it validates: "Val-de-Marne (département 94); Région (elsewhere)"."""
    areas = result.steward_areas or [(p, None) for p in result.stewards]
    items = []
    for partner, territory in areas:
        where = tr("elsewhere") if territory is None else territory_phrase(territory, tr)
        if len(areas) == 1 and territory is None:
            items.append(escape(partner.name))
        else:
            items.append(f"{escape(partner.name)} ({escape(where)})")
    return "; ".join(items) or "—"


def responsibility_html(info) -> str:
    """The panel's body for a governed layer (every convention value escaped)."""
    result = info.responsibility
    parts = [_heading(tr("Partners")), "<table cellspacing='2' cellpadding='2'>"]
    parts.append(_row(labels.responsibility_role_label("producer"), _names(result.producers)))
    parts.append(_row(labels.responsibility_role_label("maintainer"),
                      _names([result.maintainer] if result.maintainer else [])))
    parts.append(_row(labels.responsibility_role_label("steward"), _steward_areas(result, info)))
    if result.personal_data:
        dpo = ", ".join(escape(c.name) for c in result.dpo) or escape(tr("none named"))
        parts.append(_row(labels.responsibility_role_label("dpo"), dpo))
    parts.append("</table>")

    parts.append(_heading(tr("Freshness")) + "<p>")
    last = labels.date_label(result.last_revision)
    source = {"metadata": tr("catalogue record"), "store": tr("change applied by GeoGov")}.get(
        result.revision_source, "")
    commitment = tr("Commitment: {phrase}.").format(phrase=labels.frequency_label(result.frequency))
    parts.append(escape(commitment) + "<br>")
    last_text = tr("Last update: {date}").format(date=last)
    if source:
        last_text += f" ({source})"
    # The due date is said under the badge, above.
    parts.append(escape(last_text) + "<br>")
    # Committed vs observed: how often GeoGov really applied changes (governance/observed.py).
    from ..plugin.governance.report_html import observed_phrase

    parts.append(escape(tr("Observed: {phrase}.").format(
        phrase=observed_phrase(result.observed, tr))) + "</p>")
    if info.record_loading:
        parts.append("<p><i>" + escape(tr("Reading the catalogue record…")) + "</i></p>")
    elif info.record_error is not None:
        parts.append("<p><i>" + escape(tr("The catalogue record could not be read: {reason}")
                                       .format(reason=error_text(info.record_error)))
                     + "</i></p>")

    parts.append(_heading(tr("Discrepancies")))
    lines = [discrepancy_text(d) for d in result.discrepancies]
    for status in result.obligations:
        if status.status == "late":
            obligation = status.obligation
            lines.append(tr("Overdue contract delivery: {debtor} must deliver these data to "
                            "{creditor} {rhythm}; last delivery {date}; {late}.").format(
                debtor=_partner_name(info, obligation.debtor),
                creditor=_partner_name(info, obligation.creditor),
                rhythm=_delivery(obligation.frequency),
                date=labels.date_label(obligation.last_delivery),
                late=labels.lateness_label(status.days_late, status.months_late)))
    if lines:
        parts.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in lines) + "</ul>")
    elif info.record is None:
        parts.append("<p>" + escape(tr("Not checked: the catalogue record is not known.")) + "</p>")
    else:
        parts.append("<p>" + escape(tr("The catalogue record and the convention agree.")) + "</p>")

    parts.append(_heading(tr("Use of the data")) + "<table cellspacing='2' cellpadding='2'>")
    parts.append(_row(tr("Licence"), escape(result.licence or tr("not stated"))))
    parts.append(_row(tr("Dissemination"), escape(labels.dissemination_label(result.dissemination))))
    parts.append(_row(tr("Personal data"), escape(tr("yes") if result.personal_data else tr("no"))))
    approval = ", ".join(labels.organisation_role_label(r) for r in result.approval)
    parts.append(_row(tr("Changes approved by"), escape(approval)))
    if info.store_available:
        parts.append(_row(tr("Proposals awaiting review"), escape(str(info.pending))))
    parts.append("</table>")

    if result.contacts:
        parts.append(_heading(tr("Contacts")) + "<ul>")
        for ref in result.contacts:
            contact = ref.contact
            line = f"<b>{escape(contact.name)}</b> — {escape(ref.partner_name)} — " \
                   f"{escape(labels.responsibility_role_label(ref.role))}"
            if contact.email:
                line += f"<br><a href='mailto:{escape(contact.email)}'>{escape(contact.email)}</a>"
            if contact.phone:
                line += f" · {escape(contact.phone)}"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    link = record_link(info)
    record_id = result.record_id or info.description.record_id
    if link:
        text = escape(tr("Open the catalogue record"))
        parts.append(f"<p><a href='{escape(link)}'>{text}</a></p>")
    elif record_id:
        parts.append("<p>" + escape(tr("Catalogue record: {id}").format(id=record_id)) + "</p>")
    return "\n".join(parts)


def _partner_name(info, partner_id) -> str:
    partners = {p.id: p for p in info.responsibility.producers + info.responsibility.stewards}
    if info.responsibility.maintainer is not None:
        partners[info.responsibility.maintainer.id] = info.responsibility.maintainer
    partner = partners.get(partner_id)
    return partner.name if partner is not None else partner_id


def _delivery(frequency) -> str:
    from ..plugin.governance.report_html import delivery_phrase

    return delivery_phrase(frequency, tr)
