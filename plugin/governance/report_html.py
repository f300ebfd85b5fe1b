"""The governance report as a standalone HTML page, in plain words for elected officials.

No code of the convention or of ISO 19115 reaches the page: frequencies become "updated
every quarter", statuses "late by 2 months", partner kinds "Département". Every sentence
goes through ``tr`` with a literal English string (pylupdate5 collects them; the bridge
passes the Qt translator, so the page is in French in QGIS); ``tr`` defaults to the
identity, i.e. English. Every value from the convention is escaped with html.escape.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Callable, Optional

from .frequency import LATE, UP_TO_DATE


def identity(text: str) -> str:
    return text


def frequency_phrase(code: str, tr: Callable = identity) -> str:
    phrases = {
        "continual": tr("updated continuously"),
        "daily": tr("updated every day"),
        "weekly": tr("updated every week"),
        "fortnightly": tr("updated every two weeks"),
        "semimonthly": tr("updated twice a month"),
        "monthly": tr("updated every month"),
        "quarterly": tr("updated every quarter"),
        "biannually": tr("updated every six months"),
        "annually": tr("updated every year"),
        "biennially": tr("updated every two years"),
        "periodic": tr("updated periodically"),
        "asNeeded": tr("updated when needed"),
        "irregular": tr("updated irregularly"),
        "notPlanned": tr("no update planned"),
    }
    return phrases.get(code, tr("update rhythm not stated"))


def observed_phrase(observed, tr: Callable = identity) -> str:
    """How often the data really changed (governance/observed.py), in words."""
    if observed is None or not observed.count:
        return tr("no change applied through GeoGov yet")
    if observed.count == 1:
        text = tr("one change applied, on {date}").format(date=date_text(observed.last_applied, tr))
    else:
        text = tr("{n} changes applied, about every {days} days ({rhythm})").format(
            n=observed.count, days=round(observed.interval_days),
            rhythm=delivery_phrase(observed.frequency, tr))
    pace = {"as_committed": tr("as committed"), "more_often": tr("more often than committed"),
            "less_often": tr("less often than committed")}.get(observed.pace)
    if pace:
        text += "; " + pace
    if observed.record_behind:
        text += "; " + tr("the catalogue record ({date}) is older than the last applied change "
                          "({applied})").format(date=date_text(observed.record_date, tr),
                                                applied=date_text(observed.last_applied, tr))
    return text


def delivery_phrase(code: str, tr: Callable = identity) -> str:
    phrases = {
        "continual": tr("continuously"),
        "daily": tr("every day"),
        "weekly": tr("every week"),
        "fortnightly": tr("every two weeks"),
        "semimonthly": tr("twice a month"),
        "monthly": tr("every month"),
        "quarterly": tr("every quarter"),
        "biannually": tr("every six months"),
        "annually": tr("every year"),
        "biennially": tr("every two years"),
    }
    return phrases.get(code, tr("when needed"))


def kind_label(kind: str, tr: Callable = identity) -> str:
    labels = {
        "region": tr("Region"),
        "departement": tr("Département"),
        "mgp": tr("Metropolis of Greater Paris"),
        "ept": tr("Territorial public establishment"),
        "epci": tr("Group of municipalities"),
        "commune": tr("Municipality"),
        "syndicat": tr("Joint syndicate of local authorities"),
        "operateur": tr("Public operator"),
        "etat": tr("State services"),
        "agence": tr("Agency"),
        "prestataire_prive": tr("Private contractor"),
    }
    return labels.get(kind, kind)


def date_text(day: Optional[dt.date], tr: Callable = identity) -> str:
    if day is None:
        return tr("not known")
    months = (tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"),
              tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
              tr("December"))
    return tr("{day} {month} {year}").format(day=day.day, month=months[day.month - 1],
                                             year=day.year)


def lateness_phrase(days_late: int, months_late: int, tr: Callable = identity) -> str:
    if months_late >= 2:
        return tr("late by {n} months").format(n=months_late)
    if months_late == 1:
        return tr("late by one month")
    if days_late == 1:
        return tr("late by one day")
    return tr("late by {n} days").format(n=days_late)


def status_phrase(line, tr: Callable = identity) -> str:
    if line.status == UP_TO_DATE:
        return tr("up to date")
    if line.status == LATE:
        return lateness_phrase(line.days_late, line.months_late, tr)
    return tr("no known update date")


def territory_phrase(section, tr: Callable = identity) -> str:
    """A partner's (or a steward's) territory in words (a Territory or a PartnerSection)."""
    if section.region:
        return tr("the whole region")
    parts = []
    groupings = list(getattr(section, "epci", []) or [])
    if groupings:
        names = getattr(section, "epci_names", {}) or {}
        parts.append(", ".join(names.get(siren, siren) for siren in groupings))
    if len(section.departements) == 1:
        parts.append(tr("département {code}").format(code=section.departements[0]))
    elif section.departements:
        parts.append(tr("départements {codes}").format(codes=", ".join(section.departements)))
    if section.communes:
        n = len(section.communes)
        parts.append(tr("one municipality") if n == 1
                     else tr("{n} municipalities").format(n=n))
    if section.geometry_file:
        parts.append(tr("an area drawn on a map"))
    if not parts:
        return tr("no territorial limit")
    return "; ".join(parts)


STYLE = """
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 2em auto;
       max-width: 60em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #0b5394; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
.meta { color: #555; }
.summary li { margin: 0.3em 0; }
.late { color: #a40000; font-weight: bold; }
.ok { color: #2e7d32; }
.unknown { color: #777; }
"""


def _header_row(labels) -> str:
    return "<tr>" + "".join(f"<th>{escape(label)}</th>" for label in labels) + "</tr>"


def _status_cell(line, tr) -> str:
    css = {UP_TO_DATE: "ok", LATE: "late"}.get(line.status, "unknown")
    return f'<td class="{css}">{escape(status_phrase(line, tr))}</td>'


def _dataset_table(lines, tr) -> str:
    rows = [_header_row([tr("Dataset"), tr("Commitment"), tr("Observed"), tr("Last update"),
                         tr("Situation")])]
    for line in lines:
        observed = getattr(line, "observed", None)
        css = ' class="late"' if observed is not None and observed.record_behind else ""
        rows.append(f"<tr><td>{escape(line.title)}</td>"
                    f"<td>{escape(frequency_phrase(line.frequency, tr))}</td>"
                    f"<td{css}>{escape(observed_phrase(observed, tr))}</td>"
                    f"<td>{escape(date_text(line.last_revision, tr))}</td>"
                    f"{_status_cell(line, tr)}</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _delivery_table(deliveries, tr) -> str:
    rows = [_header_row([tr("Who must deliver"), tr("What"), tr("To whom"), tr("How often"),
                         tr("Last delivery"), tr("Situation")])]
    for d in deliveries:
        rows.append(f"<tr><td>{escape(d.debtor_name)}</td><td>{escape(d.dataset_title)}</td>"
                    f"<td>{escape(d.creditor_name)}</td>"
                    f"<td>{escape(delivery_phrase(d.frequency, tr))}</td>"
                    f"<td>{escape(date_text(d.last_delivery, tr))}</td>"
                    f"{_status_cell(d, tr)}</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def summary_lines(report, tr) -> list:
    """The report's summary as sentences (the HTML page and the PDF layout both show them)."""
    s = report.summary
    # "Label: number" lines: no plural to get wrong in either language.
    items = [
        tr("Partners of the convention: {n}").format(n=s.partners),
        tr("Shared datasets: {n}").format(n=s.datasets),
        tr("Datasets up to date: {n}").format(n=s.up_to_date),
        tr("Datasets late: {n}").format(n=s.late),
        tr("Datasets without a known update date: {n}").format(n=s.unknown),
        tr("Overdue contract deliveries: {n}").format(n=s.overdue_deliveries),
        tr("Proposed changes received: {submitted}; approved: {approved}; rejected: "
           "{rejected}; put into the data: {applied}").format(**s.proposals),
    ]
    if s.not_in_convention or s.not_in_catalogue:
        items.append(tr("Published in the catalogue but not covered by the convention: {n}")
                     .format(n=s.not_in_convention))
        items.append(tr("In the convention but not published in the catalogue: {n}")
                     .format(n=s.not_in_catalogue))
    sweep = getattr(report, "catalogue_sweep", None)
    if sweep is not None:
        items.append(sweep_phrase(sweep, tr))
    return items


def _day(moment) -> Optional[dt.date]:
    """The local calendar day of a UTC moment (a date stays as it is)."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone().date() if moment.tzinfo else moment.date()
    return moment


def sweep_phrase(sweep, tr: Callable = identity) -> str:
    """How the catalogue was read (catalogue/sweep.py SweepInfo), in one sentence."""
    if sweep.incremental:
        return tr("Catalogue read incrementally: the {read} records changed since {since} "
                  "read again ({added} new, {removed} removed from the catalogue), the other "
                  "{kept} as read on {previous}; last full reading on {full}, one is made "
                  "every {days} days.").format(
                      read=sweep.read, since=date_text(sweep.since, tr), added=sweep.added,
                      removed=sweep.removed, kept=sweep.records - sweep.read,
                      previous=date_text(_day(sweep.previous), tr),
                      full=date_text(_day(sweep.last_full), tr), days=sweep.full_every_days)
    why = {
        "no_cache": tr("no earlier reading of it was kept"),
        "requested": tr("as asked"),
        "periodic": tr("one is made every {days} days").format(days=sweep.full_every_days),
        "unsupported": tr("it cannot be asked for the records changed since a date"),
        "clock": tr("the last reading is dated later than now: this computer's clock moved"),
        "unseen": tr("too many of its records had neither been read nor changed recently"),
        "ambiguous": tr("some of its records have no identifier, or the same one"),
    }.get(sweep.reason)
    text = tr("Catalogue read in full: {n} records").format(n=sweep.records)
    return text + (f" ({why})." if why else ".")


def _summary(report, tr) -> str:
    items = summary_lines(report, tr)
    lis = "\n".join(f"<li>{escape(item)}</li>" for item in items)
    heading = escape(tr("Summary"))
    return f'<section class="summary"><h2>{heading}</h2>\n<ul>\n{lis}\n</ul>\n</section>'


def _partner(section, tr) -> str:
    where = tr("{kind} — territory: {territory}").format(
        kind=kind_label(section.kind, tr), territory=territory_phrase(section, tr))
    out = [f'<section class="partner"><h2>{escape(section.name)}</h2>',
           f'<p class="meta">{escape(where)}</p>']
    for heading, lines in ((tr("Datasets it produces"), section.produced),
                           (tr("Datasets it keeps up to date"), section.maintained),
                           (tr("Datasets whose changes it validates"), section.stewarded)):
        if lines:
            out.append(f"<h3>{escape(heading)}</h3>\n{_dataset_table(lines, tr)}")
    late = section.late
    if late:
        titles = ", ".join(line.title for line in late)
        late_text = tr("Late: {titles}.").format(titles=titles)
        out.append(f'<p class="late">{escape(late_text)}</p>')
    if section.stewarded:
        p = section.proposals
        out.append("<p>" + escape(tr("Proposed changes received: {submitted}; approved: "
                                     "{approved}; rejected: {rejected}.").format(**p)) + "</p>")
    if section.deliveries_owed:
        heading = escape(tr("Deliveries it owes under a contract"))
        out.append(f"<h3>{heading}</h3>\n"
                   f"{_delivery_table(section.deliveries_owed, tr)}")
    if section.deliveries_expected:
        heading = escape(tr("Deliveries it is owed under a contract"))
        out.append(f"<h3>{heading}</h3>\n"
                   f"{_delivery_table(section.deliveries_expected, tr)}")
    out.append("</section>")
    return "\n".join(out)


def render_html(report, tr: Callable = identity) -> str:
    """The whole report as one HTML document (UTF-8, inline style, no external resource)."""
    # The HTML language code is itself translated: "fr" in the French translation.
    language = tr("en")
    title = tr("Shared geographic data: who does what")
    overdue_heading = tr("Overdue deliveries")
    on_time = tr("Every contract delivery is on time.")
    meta = tr("Convention “{title}” (version {version}), coordinated by {coordinator}. "
              "Situation on {today}.").format(
                  title=report.convention_title, version=report.convention_version,
                  coordinator=report.coordinator_name, today=date_text(report.today, tr))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        f'<head><meta charset="utf-8"><title>{escape(title)}</title><style>{STYLE}</style></head>',
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(meta)}</p>',
        _summary(report, tr),
        f"<section><h2>{escape(overdue_heading)}</h2>",
        _delivery_table(report.overdue, tr) if report.overdue
        else f"<p>{escape(on_time)}</p>",
        "</section>",
    ]
    parts.extend(_partner(section, tr) for section in report.partners)
    if report.other_partners:
        heading = escape(tr("Other partners"))
        names = tr("No shared dataset yet: {names}.").format(names=", ".join(report.other_partners))
        parts.append(f"<section><h2>{heading}</h2><p>{escape(names)}</p></section>")
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts)
