"""Sentences for the governance codes: convention problems, discrepancies, panel errors.

``messages()`` is merged into lookup.py's table (error_text). Convention problems
and discrepancies are not exceptions but listed items: :func:`problem_text` and
:func:`discrepancy_text` word them, :func:`problem_location` says where a problem is
(file, line, column, path in the document).
"""

from __future__ import annotations

import re

from ..i18n import tr
from ..labels.governance import frequency_label
from .lookup import format_template


def messages() -> dict:
    return {
        # The error raised when a convention does not validate (its problems follow).
        "convention.invalid": tr("The partnership convention is not valid: {count} problem(s) "
                                 "must be corrected."),
        "governance.no_convention": tr("No partnership convention is configured. Choose its "
                                       "file or address in Settings ▸ Options ▸ GeoGov."),
        "governance.no_mail_client": tr("No e-mail application opened the message. Write to "
                                        "the address shown in the panel."),
        "report.pdf_failed": tr("The PDF report could not be written to {path}."),
        "report.html_failed": tr("The HTML report could not be written: {detail}"),
        "store.authcfg": tr("The authentication configuration {authcfg} of the proposal store "
                            "cannot be read (is QGIS's master password entered?)."),
        # YAML level
        "convention.yaml.syntax": tr("The file is not valid YAML: {detail}"),
        "convention.yaml.alias": tr("YAML aliases (*{anchor}) are not accepted in a convention "
                                    "({count} found): write the value out, or refer to it by "
                                    "its id."),
        "convention.yaml.too_big": tr("The document is too large (limit: {limit})."),
        "convention.yaml.too_deep": tr("The document nests more than {limit} levels deep: it "
                                       "was not read."),
        "convention.yaml.encoding": tr("The file is not UTF-8 text (byte {offset}). Save it "
                                       "as UTF-8."),
        "convention.yaml.empty": tr("The file is empty."),
        # structure
        "convention.type": tr("Expected {expected}, found {found}."),
        "convention.missing_key": tr("The required key “{key}” is missing."),
        "convention.unknown_key": tr("Unknown key “{key}”."),
        "convention.duplicate_key": tr("The key “{key}” is given twice."),
        "convention.empty": tr("A value is required here."),
        "convention.format": tr("Unsupported format “{found}”: this version of GeoGov reads "
                                "{expected}."),
        "convention.unreadable": tr("The convention file cannot be read: {detail}"),
        # values
        "convention.bad_kind": tr("Unknown kind of partner “{value}”."),
        "convention.bad_siren": tr("“{value}” is not a SIREN number (9 digits)."),
        "convention.bad_role": tr("Unknown role “{value}”."),
        "convention.bad_email": tr("“{value}” is not an e-mail address."),
        "convention.bad_date": tr("“{value}” is not a date (expected YYYY-MM-DD)."),
        "convention.bad_frequency": tr("“{value}” is not an update frequency (ISO 19115 "
                                       "maintenance frequency code)."),
        "convention.bad_dissemination": tr("“{value}” is not a dissemination level (open, "
                                           "partenaires or restreint)."),
        "convention.bad_url": tr("“{value}” is not an http(s) address."),
        "convention.metadata_record": tr("Name the catalogue record to update (record:): the "
                                         "dataset's match.records names {count}."),
        "convention.bad_approval_role": tr("“{value}” cannot approve changes (steward, dpo or "
                                           "coordinator)."),
        "convention.unknown_departement": tr("“{code}” is not a French département code."),
        "convention.unknown_commune": tr("“{code}” is not the INSEE code of a commune of the "
                                         "territory reference ({reference})."),
        "convention.unknown_epci": tr("“{siren}” is not the SIREN number of an EPCI, an EPT or "
                                      "the Métropole du Grand Paris of the territory reference "
                                      "({reference})."),
        "convention.unknown_ept": tr("“{siren}” is not the SIREN number of an établissement public "
                                     "territorial of the territory reference ({reference})."),
        "convention.departement_outside_reference": tr(
            "The territory reference ({reference}) has no commune of the département “{code}”: "
            "its territory cannot be checked. Name a reference that covers it (territories: "
            "reference)."),
        "convention.target_kind": tr("A target names one of wfs, oapif, postgis or gpkg."),
        "convention.target_pattern": tr("A target address may hold * and ? as wildcards, not "
                                        "brackets: “{value}”."),
        "convention.target_crs": tr("“{value}” is not a coordinate reference system with an EPSG "
                                    "code."),
        "convention.too_small": tr("Expected at least {minimum}, found {value}."),
        "convention.no_partner_of_kind": tr("No partner of kind “{kind}” has a territory."),
        # the territory reference (plugin/territories)
        "territory.not_found": tr("The territory reference “{file}” does not exist."),
        "territory.unreadable": tr("The territory reference “{file}” cannot be read as geographic "
                                   "data: {reason}"),
        "territory.download": tr("The territory reference “{file}” cannot be downloaded: {reason}"),
        "territory.no_layer": tr("The territory reference “{file}” has no layer “{layer}” (its "
                                 "layers: {layers})."),
        "territory.no_field": tr("The territory reference “{file}” has no field “{field}” (its "
                                 "fields: {fields})."),
        "territory.no_crs": tr("The territory reference “{file}” does not say its coordinate "
                               "reference system."),
        "territory.wrong_crs": tr("The territory reference “{file}” is in {crs}, not in {expected} "
                                  "as the convention says."),
        "territory.no_code": tr("{count} commune(s) of the territory reference “{file}” have no "
                                "code (features {features})."),
        "territory.duplicate": tr("The territory reference “{file}” has the code(s) {codes} twice."),
        "territory.no_geometry": tr("{count} commune(s) of the territory reference “{file}” have "
                                    "no polygon: {codes}."),
        "territory.invalid_geometry": tr("{count} commune(s) of the territory reference “{file}” "
                                         "have an invalid polygon: {codes} ({reason})."),
        "territory.overlap": tr("Communes of the territory reference “{file}” overlap: {pairs}. "
                                "A place would belong to two communes."),
        "territory.empty": tr("The territory reference “{file}” holds no commune."),
        "territory.geometry_not_found": tr("The territory geometry file “{file}” does not exist."),
        "territory.geometry_unreadable": tr("The territory geometry file “{file}” cannot be read "
                                            "as geographic data: {reason}"),
        "territory.geometry_no_crs": tr("The territory geometry file “{file}” does not say its "
                                        "coordinate reference system."),
        "territory.geometry_invalid": tr("The territory geometry file “{file}” has an invalid "
                                         "polygon (feature {feature})."),
        "territory.geometry_empty": tr("The territory geometry file “{file}” holds no polygon."),
        "territory.geometry_too_deep": tr("The territory geometry file “{file}” nests more "
                                          "than {limit} levels deep: it was not read."),
        "territory.too_deep": tr("The territory reference “{file}” nests more than {limit} "
                                 "levels deep: it was not read."),
        "territory.changes_without_crs": tr("The changes have no coordinate reference system: "
                                            "where they lie cannot be told."),
        "territory.changes_crs": tr("The changes are in {crs}, which cannot be compared with the "
                                    "territory reference: {reason}"),
        "convention.geometry_not_found": tr("The territory file “{file}” does not exist beside "
                                            "the convention."),
        # references and uniqueness
        "convention.unknown_partner": tr("No partner has the id “{id}”."),
        "convention.unknown_dataset": tr("No dataset has the id “{id}”."),
        "convention.duplicate_id.partner": tr("The partner id “{id}” is already used "
                                              "(line {first_line})."),
        "convention.duplicate_id.dataset": tr("The dataset id “{id}” is already used "
                                              "(line {first_line})."),
        "convention.duplicate_id": tr("The id “{id}” is already used (line {first_line})."),
        "convention.duplicate_login": tr("The login “{login}” is already given to another "
                                         "contact (line {first_line}): a login is one person."),
        "convention.duplicate_match": tr("“{value}” already identifies another dataset (line "
                                         "{first_line}): a record or a layer belongs to one "
                                         "dataset only."),
        "convention.no_dpo_contact": tr("The approval rule of “{dataset}” needs the DPO, but no "
                                        "steward partner of this dataset has a contact with "
                                        "the DPO role."),
        # warnings
        "convention.personal_data_without_dpo": tr("“{dataset}” holds personal data but its "
                                                   "approval rule does not require the DPO."),
        "convention.steward_without_contact": tr("The steward partner “{partner}” of "
                                                 "“{dataset}” has no contact with the steward "
                                                 "role: nobody will be told of proposals."),
        "convention.no_match": tr("Nothing says how to recognise the dataset “{dataset}” "
                                  "(match: records, services or sources)."),
        # discrepancies between the catalogue and the convention
        "discrepancy.custodian_differs": tr("The metadata names {found} as custodian; the "
                                            "convention says {expected_name}."),
        "discrepancy.producer_differs": tr("The metadata names {found} as producer; the "
                                           "convention says {expected_names}."),
        "discrepancy.frequency_differs": tr("Update rhythm: the metadata says “{found}”, "
                                            "the convention commits to “{expected}”."),
        "discrepancy.no_point_of_contact": tr("The metadata names no point of contact for the "
                                              "data."),
        "discrepancy.no_steward": tr("The convention names nobody to validate changes here."),
        "discrepancy.record_behind_data": tr("The catalogue record was last revised on "
                                             "{record_date}, before the last change applied to "
                                             "the data ({applied}): update the record."),
        "discrepancy.not_in_convention": tr("The catalogue record “{title}” is not covered by "
                                            "the convention."),
        "discrepancy.not_in_catalogue": tr("The dataset “{title}” of the convention has no "
                                           "record in the catalogue."),
    }


def _type_words() -> dict:
    # The core's English words for node kinds (yaml_nodes.kind_of / Checker.wrong_type).
    return {
        "mapping": tr("a mapping (key: value)"), "list": tr("a list"), "text": tr("a text"),
        "nothing": tr("nothing"), "true/false": tr("true or false"),
        "true or false": tr("true or false"), "date": tr("a date"),
        "a date (YYYY-MM-DD)": tr("a date (YYYY-MM-DD)"), "a key": tr("a key"),
        "'own' or mapping": tr("“own” or a territory"),
    }


def _listing(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def problem_text(problem, table: dict | None = None) -> str:
    """The translated sentence of a convention Problem (with "did you mean…?")."""
    table = table if table is not None else messages()
    params = dict(problem.params or {})
    code = problem.code
    if code == "convention.type":
        words = _type_words()
        params["expected"] = words.get(params.get("expected"), params.get("expected", ""))
        found = params.get("found", "")
        params["found"] = words.get(found, f"“{found}”")
    if code == "convention.duplicate_id" and params.get("what") in ("partner", "dataset"):
        code = f"{code}.{params['what']}"
    for key in ("expected", "found"):
        if isinstance(params.get(key), (list, tuple)):
            params[key] = _listing(params[key])
    template = table.get(code)
    if template is None and code.startswith("file."):
        from .files import messages as file_messages  # a territory cache not written

        template = file_messages().get(code)
    if template is None:
        return problem.message
    text = format_template(template, params)
    if params.get("suggestion"):
        text += " " + tr("Did you mean “{suggestion}”?").format(suggestion=params["suggestion"])
    return text


def problem_location(problem) -> str:
    """"convention.yaml, line 12, column 5" (what is known of it)."""
    parts = []
    if problem.source:
        # The file's name, from a URL or a path of any platform (C:\…\convention.yaml).
        parts.append(re.split(r"[\\/]", problem.source.rstrip("\\/"))[-1])
    if problem.line:
        parts.append(tr("line {line}, column {column}").format(line=problem.line,
                                                              column=problem.column))
    return ", ".join(parts)


def problem_line(problem) -> str:
    """One line for a log or a Processing report: where, the path, the sentence."""
    where = problem_location(problem)
    path = tr("at {path}").format(path=problem.path) if problem.path else ""
    head = " — ".join(p for p in (where, path) if p)
    severity = tr("Warning") if problem.severity == "warning" else tr("Error")
    return f"{severity}: {head}: {problem_text(problem)}" if head else \
        f"{severity}: {problem_text(problem)}"


def discrepancy_text(discrepancy, table: dict | None = None) -> str:
    table = table if table is not None else messages()
    params = dict(discrepancy.params or {})
    if discrepancy.code == "discrepancy.frequency_differs":
        params["found"] = frequency_label(params.get("found", ""))
        params["expected"] = frequency_label(params.get("expected", ""))
    for key in ("found", "expected_names"):
        if isinstance(params.get(key), (list, tuple)):
            params[key] = _listing(params[key])
    template = table.get(discrepancy.code)
    if template is None:
        return discrepancy.message
    return format_template(template, params)


def convention_problems(error) -> list:
    """The Problem list of a ConventionError (empty for any other error)."""
    return list(getattr(error, "problems", None) or [])
