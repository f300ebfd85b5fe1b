"""The public "journal des modifications" of a dataset: CSV, GeoJSON and a standalone HTML page.

Input: the store's changelog entries (``store.changelog(dataset, with_changes=True)``),
one per applied proposal: who proposed it (and for which partner), why (the proposal's
comment), who approved it, who applied it and when, and its change set. Output: one row /
feature / table line per changed feature, oldest first.

- CSV (UTF-8 with a BOM so spreadsheet programs read the accents; comma-separated with
  standard quoting): applied_at, proposal, title, why, author, partner, approved_by,
  applied_by, operation, feature, changes ("field: old → new | …").
- GeoJSON (RFC 7946): the same properties, geometry in WGS 84 longitude/latitude (the
  new geometry; the old one for a deletion), transformed by OGR from the change set's CRS.
- HTML: a page that needs nothing else (inline style, no script, every text escaped),
  one section per proposal with the table of its changes. Its words go through ``tr``
  (identity by default) called with literal English strings, so the bridge can pass
  its Qt translation.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from typing import Callable, Optional

from ..errors import GeoGovError
from ..proposals.model import DELETE, INSERT, UPDATE
from ..safe_files import write_file

GEOMETRY_CHANGED = "geometry"


def _identity(text: str) -> str:
    return text


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return "<binary>"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _time(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return _text(value)


def _approvals(entry) -> str:
    return ", ".join(f"{login} ({role})" for login, role, *_ in (entry.approved_by or []))


def change_rows(entries) -> list:
    """One dict per changed feature (the CSV columns), oldest proposal first."""
    out = []
    for entry in sorted(entries, key=lambda e: (_time(e.applied_at), e.proposal_id or "")):
        common = {"applied_at": _time(entry.applied_at), "proposal": entry.proposal_id or "",
                  "dataset": entry.dataset, "title": entry.title or "",
                  "why": entry.comment or "", "author": entry.author or "",
                  "partner": entry.partner or "", "approved_by": _approvals(entry),
                  "applied_by": entry.applied_by or "",
                  "catalogue": catalogue_text(getattr(entry, "catalogue", None))}
        changeset = entry.changeset
        if changeset is None or not changeset.changes:
            out.append({**common, "operation": "", "feature": "", "changes": "",
                        "_geometry": None, "_crs": ""})
            continue
        for change in changeset.changes:
            out.append({**common, "operation": change.op, "feature": _text(change.key),
                        "changes": _describe(change),
                        "_geometry": change.old_geometry if change.op == DELETE else change.new_geometry,
                        "_crs": changeset.schema.crs})
    return out


def catalogue_text(outcome) -> str:
    """The catalogue update step in the change log: "updated <record> (revision <day>)",
    "refused <record>: <why>"…, "" when the dataset names no record."""
    if not outcome:
        return ""
    status, record = outcome.get("status", ""), outcome.get("record", "")
    if status == "updated":
        return f"updated {record} (revision {outcome.get('revision', '')})"
    reason = (outcome.get("error") or {}).get("message", "")
    return f"{status} {record}" + (f": {reason}" if reason else "")


def _describe(change) -> str:
    if change.op == UPDATE:
        parts = [f"{name}: {_text((change.old or {}).get(name))} → {_text((change.new or {}).get(name))}"
                 for name in change.changed_fields]
        if change.geometry_changed:
            parts.append(GEOMETRY_CHANGED)
        return " | ".join(parts)
    if change.op == INSERT:
        return " | ".join(f"{k}: {_text(v)}" for k, v in (change.new or {}).items() if v is not None)
    return ""


CSV_COLUMNS = ("applied_at", "proposal", "dataset", "title", "why", "author", "partner",
               "approved_by", "applied_by", "operation", "feature", "changes", "catalogue")


def to_csv(entries) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in change_rows(entries):
        writer.writerow(row)
    return buffer.getvalue()


def _to_wgs84(blob, crs: str):
    """A GeoJSON geometry dict in EPSG:4326 (lon/lat), or None."""
    if blob is None:
        return None
    from osgeo import ogr, osr

    geometry = ogr.CreateGeometryFromWkb(bytes(blob))
    if geometry is None:
        return None
    if crs:
        source = osr.SpatialReference()
        target = osr.SpatialReference()
        if source.SetFromUserInput(crs) == 0 and target.ImportFromEPSG(4326) == 0:
            # RFC 7946 is longitude, latitude whatever the CRS's official axis order.
            source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            geometry.Transform(osr.CoordinateTransformation(source, target))
    return json.loads(geometry.ExportToJson(["COORDINATE_PRECISION=7"]))


def to_geojson(entries) -> dict:
    features = []
    for row in change_rows(entries):
        properties = {k: v for k, v in row.items() if not k.startswith("_")}
        features.append({"type": "Feature", "properties": properties,
                         "geometry": _to_wgs84(row["_geometry"], row["_crs"])})
    return {"type": "FeatureCollection", "features": features}


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1d2733;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:2rem 0 .3rem}
.meta{color:#4a5866;margin:.1rem 0}.why{background:#f3f6f9;border-left:4px solid #2f6fab;
padding:.5rem .8rem;margin:.6rem 0}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #d5dde5;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e9eef3}.insert{color:#1b7a3a}.update{color:#9a5b00}.delete{color:#b3261e}
footer{margin-top:3rem;color:#6b7885;font-size:.85rem}
"""


def to_html(entries, *, dataset_title: str = "", tr: Callable[[str], str] = _identity,
            generated_at: Optional[dt.datetime] = None,
            person: Optional[Callable[[str], str]] = None,
            partner: Optional[Callable[[str], str]] = None,
            local_time: Optional[Callable[[dt.datetime], str]] = None) -> str:
    """A standalone HTML page for publication: one section per applied proposal, its changes
    in a table. ``person`` (login → name), ``partner`` (id → name) and ``local_time`` (an
    aware datetime → the reader's local time in words) come from the bridge (the convention,
    the user's locale); without them, logins, ids and UTC times as in the CSV."""
    esc = html.escape
    person = person or (lambda login: login)
    partner = partner or (lambda pid: pid)
    when_of = local_time or _time
    # Every sentence through tr() outside any f-string: pylupdate collects only those.
    title = tr("Change log")
    heading = f"{title} — {dataset_title}" if dataset_title else title
    ops = {INSERT: tr("added"), UPDATE: tr("modified"), DELETE: tr("deleted")}
    intro = tr("Changes published to the authoritative data, oldest first.")
    nothing = tr("No change has been published yet.")
    proposed_by, approved_by, applied_by = tr("Proposed by"), tr("approved by"), tr("applied by")
    why_label, record_label = tr("Why"), tr("Catalogue record")
    change_label, feature_label, details_label = tr("Change"), tr("Feature"), tr("Details")
    proposal_label, generated = tr("Proposal"), tr("Generated by GeoGov on")
    parts = ["<!DOCTYPE html>", '<html lang="fr"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(heading)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{esc(heading)}</h1>", f'<p class="meta">{esc(intro)}</p>']
    rows = change_rows(entries)
    if not rows:
        parts.append(f"<p>{esc(nothing)}</p>")
    by_proposal = {}
    for row in rows:
        by_proposal.setdefault(row["proposal"], []).append(row)
    applied_at = {entry.proposal_id or "": entry.applied_at for entry in entries}
    approvers = {entry.proposal_id or "": entry.approved_by or [] for entry in entries}
    for proposal, items in by_proposal.items():
        first = items[0]
        moment = applied_at.get(proposal)
        shown_time = when_of(moment) if isinstance(moment, dt.datetime) else first["applied_at"]
        approved = ", ".join(person(login) for login, *_ in approvers.get(proposal, [])) or "—"
        parts.append(f"<section><h2>{esc(shown_time)} — {esc(first['title'] or proposal)}</h2>")
        parts.append(f'<p class="meta">{esc(proposed_by)} {esc(person(first["author"]))}'
                     f' ({esc(partner(first["partner"]))}) · {esc(approved_by)} '
                     f'{esc(approved)} · {esc(applied_by)} {esc(person(first["applied_by"]))}</p>')
        if first["why"]:
            parts.append(f'<p class="why"><strong>{esc(why_label)}:</strong> {esc(first["why"])}</p>')
        if first.get("catalogue"):
            parts.append(f'<p class="meta">{esc(record_label)}: {esc(first["catalogue"])}</p>')
        changes = [r for r in items if r["operation"]]
        if changes:
            parts.append(f"<table><thead><tr><th>{esc(change_label)}</th><th>{esc(feature_label)}"
                         f"</th><th>{esc(details_label)}</th></tr></thead><tbody>")
            for r in changes:
                parts.append(f'<tr><td class="{esc(r["operation"])}">'
                             f'{esc(ops.get(r["operation"], r["operation"]))}</td>'
                             f"<td>{esc(r['feature'])}</td><td>{esc(r['changes'])}</td></tr>")
            parts.append("</tbody></table>")
        parts.append(f'<p class="meta">{esc(proposal_label)} {esc(proposal)}</p></section>')
    moment = generated_at or dt.datetime.now(dt.timezone.utc)
    parts.append(f"<footer>{esc(generated)} {esc(when_of(moment))}</footer></body></html>")
    return "\n".join(parts)


FORMATS = ("csv", "geojson", "html")


def export_changelog(entries, path: str, fmt: str = "", *, dataset_title: str = "",
                     tr: Callable[[str], str] = _identity, **page) -> str:
    """Write the change log to ``path`` (format from ``fmt`` or the file extension);
    returns the format written."""
    fmt = (fmt or path.rsplit(".", 1)[-1]).lower()
    if fmt == "json":
        fmt = "geojson"
    if fmt not in FORMATS:
        raise GeoGovError(f"Unknown change log format {fmt!r}", code="changelog.format", format=fmt)
    # Built whole first, then written beside the file and renamed over it: a full disk or
    # a read-only folder raises FileWriteError and leaves an earlier export whole.
    if fmt == "csv":
        # utf-8-sig: a spreadsheet opening the file reads the accents right.
        write_file(path, to_csv(entries), encoding="utf-8-sig", newline="")
    elif fmt == "geojson":
        write_file(path, json.dumps(to_geojson(entries), ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        # ``page``: to_html's person / partner / local_time (the CSV and GeoJSON stay
        # machine-readable: logins, ids, UTC).
        write_file(path, to_html(entries, dataset_title=dataset_title, tr=tr, **page),
                   encoding="utf-8")
    return fmt
