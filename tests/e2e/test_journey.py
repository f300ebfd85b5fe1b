"""The whole GeoGov journey in the real QGIS desktop (Xvfb), as two people make it, in French.

A demo SDI of its own (tests/sdi: QGIS Server WMS/WFS/WFS-T on fresh GeoPackages, pycsw,
pygeoapi, MapServer; the catalogue records point at this QGIS Server) and a shared
folder (the GeoPackage proposal store, the project, the change log) serve two QGIS runs
with fresh profiles in the French locale:

1. tech94, technician of the Val-de-Marne (tests/e2e/journeys/technician.py): catalogue
   search "velo" → responsible parties → Add WFS → "Who is responsible" → three edits in
   the 94 → "Propose my changes" → Submit → My proposals → the project saved;
2. steward94, the steward the convention names for the 94 (journeys/steward.py): Review
   dock → map and attribute diffs → Approve → Apply (WFS-T) → "Who is responsible" shows
   the new revision → change-log export.

Both profiles hold the WFS service's account in QGIS's encrypted auth database (master
password); GeoGov's settings name its authcfg id only. After the runs, the test reads the
store, asks the WFS server itself (GetFeature), reads the change log and scans every
file the runs wrote for the password. A short English run checks the same widgets speak
English when QGIS does. Screenshots: build/screenshots/journey-*.png.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from geogov.tests.sdi.build import build
from geogov.tests.sdi.run import geogov_settings
from geogov.tests.sdi.stack import start_demo
from geogov.tests.support import desktop

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
JOURNEYS = HERE / "journeys"
TYPENAME = "amenagements_cyclables"
DATASET = "amenagements-cyclables"
RECORD_ID = "6ec43d18-6632-5bd7-a5ac-427d141323f3"
# Known secrets: the WFS account's password and the auth database's master password.
PASSWORD = "Gg-e2e-WfsPass-7f3kQ9"
MASTER_PASSWORD = "Gg-e2e-Master-Zx81vB"
AUTHCFG = "gge2e94"
TITLE = "Aménagements cyclables du Val-de-Marne : relevé de terrain"
COMMENT = ("Relevé de terrain : une voie verte nouvelle, une piste déplacée dont le revêtement "
           "a été refait, une piste supprimée.")
NEW_KEY = "CYC-94-00081"
NEW_SURFACE = "enrobé"
FRENCH = {"map_tab": "Carte", "attributes_tab": "Attributs", "proposal_tab": "Proposition",
          "applied_source": "modification intégrée par GeoGov"}
RUN_TIMEOUT = 240


# ---------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def translations():
    """i18n/geogov_fr.qm compiled from the committed .ts (what `make translate-qm` does):
    the plugin in QGIS loads it from its own folder."""
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not Path(lrelease).exists():
        pytest.skip("lrelease is not installed (make setup installs qttools5-dev-tools)")
    subprocess.run([lrelease, "-silent", str(ROOT / "i18n" / "geogov_fr.ts"), "-qm",
                    str(ROOT / "i18n" / "geogov_fr.qm")], check=True)


@pytest.fixture(scope="module")
def journey_sdi(tmp_path_factory):
    """The demo SDI on fresh GeoPackages: what the journey writes reaches only these."""
    demo_dir = tmp_path_factory.mktemp("journey-sdi")
    build(demo_dir)
    # Only the steward's account writes by WFS-T: the technician's QGIS could not Save.
    demo = start_demo(demo_dir, appliers={"steward94": PASSWORD})
    try:
        yield demo
    finally:
        demo.stop()


def settings_for(demo, shared: Path, login: str, partner: str) -> dict:
    """The profile `make run` writes, with this person's identity, the shared store, and
    the WFS service behind the authcfg holding its account."""
    urls = {"wms_url": demo.wms_url, "wfs_url": demo.wfs_url, "csw_url": demo.csw_url,
            "oarec_collection_url": demo.oarec_collection_url, "mapserver_url": demo.mapserver_url}
    settings = geogov_settings(urls, shared)
    services = json.loads(settings["geogov/services"])
    for service in services:
        if service["url"] == demo.wfs_url and service["kind"] == "wfs":
            service["authcfg"] = AUTHCFG      # the WMS of the same endpoint has none
    settings["geogov/services"] = json.dumps(services, ensure_ascii=False)
    settings["geogov/identity/login"] = login
    settings["geogov/identity/partner"] = partner
    return settings


def params(demo, shared: Path, login: str, **extra) -> dict:
    return {"login": login, "password": PASSWORD, "master_password": MASTER_PASSWORD,
            "authcfg": AUTHCFG, "wfs_url": demo.wfs_url, "project": str(shared / "journey.qgs"),
            "changelog_dir": str(shared / "journal"), "title": TITLE, "comment": COMMENT,
            "new_key": NEW_KEY, "new_surface": NEW_SURFACE, "query": "velo",
            "dataset_title": "Aménagements cyclables", "dataset": DATASET, "texts": FRENCH,
            "approval_comment": "Vérifié sur l'orthophoto : d'accord.", **extra}


def run_journey(name, script, demo, shared, login, partner, locale, **extra):
    return desktop.run_qgis(
        JOURNEYS / script, name=name, locale=locale, timeout=RUN_TIMEOUT, keep_run_dir=True,
        settings=settings_for(demo, shared, login, partner),
        env={"GEOGOV_JOURNEY": json.dumps(params(demo, shared, login, **extra), ensure_ascii=False)})


def server_rows(path) -> dict:
    """{identifiant: (attributes…, geometry blob)} of the server's own GeoPackage (sqlite3)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(f'SELECT identifiant, revetement, type_amenagement, geom FROM "{TYPENAME}"')
        return {row[0]: row[1:] for row in rows}
    finally:
        conn.close()


def get_features(url: str) -> dict:
    """GetFeature straight from the WFS server (GeoJSON), never through QGIS."""
    query = urllib.parse.urlencode({"SERVICE": "WFS", "VERSION": "1.1.0", "REQUEST": "GetFeature",
                                    "TYPENAME": TYPENAME, "OUTPUTFORMAT": "application/json",
                                    "EXP_FILTER": "\"departement\" = '94'"})
    with urllib.request.urlopen(f"{url}?{query}", timeout=30) as response:
        collection = json.loads(response.read().decode("utf-8"))
    return {f["properties"]["identifiant"]: f for f in collection["features"]}


def read_store(path: Path) -> dict:
    """What the shared store holds (read as the technician and as the steward)."""
    from geogov.plugin.proposals.stores.base import MINE, TO_REVIEW
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore

    if not path.exists():
        return {}
    with GeoPackageStore(path, "tech94") as tech:
        mine = [tech.get_proposal(s.id) for s in tech.list_proposals(MINE)]
    with GeoPackageStore(path, "steward94") as steward:
        to_review = [s.id for s in steward.list_proposals(TO_REVIEW)]
    return {"mine": mine, "to_review": to_review}


@pytest.fixture(scope="module")
def journey(virtual_display, translations, journey_sdi, tmp_path_factory):
    """Both runs, one after the other, as the technician then the steward; the evidence."""
    shared = tmp_path_factory.mktemp("shared-folder")
    (shared / "journal").mkdir()
    gpkg = journey_sdi.gpkg[TYPENAME]
    evidence = {"shared": shared, "demo": journey_sdi, "rows_before": server_rows(gpkg),
                "wfs_before": get_features(journey_sdi.wfs_url)}
    started = time.monotonic()
    evidence["technician"] = run_journey("journey", "technician.py", journey_sdi, shared,
                                         "tech94", "cd94", "fr")
    evidence["rows_after_proposal"] = server_rows(gpkg)
    evidence["wfs_after_proposal"] = get_features(journey_sdi.wfs_url)
    evidence["store_after_proposal"] = read_store(shared / "proposals.gpkg")
    if evidence["technician"].ok:
        evidence["steward"] = run_journey("journey", "steward.py", journey_sdi, shared,
                                          "steward94", "cd94", "fr")
    evidence["rows_after_apply"] = server_rows(gpkg)
    evidence["wfs_after_apply"] = get_features(journey_sdi.wfs_url)
    evidence["seconds"] = round(time.monotonic() - started, 1)
    yield evidence
    if os.environ.get("GEOGOV_E2E_KEEP"):
        return                   # profiles, logs and result.json kept under build/e2e/
    for key in ("technician", "steward"):
        run = evidence.get(key)
        if run is not None and run.ok:
            shutil.rmtree(run.run_dir, ignore_errors=True)


def steward_run(journey):
    run = journey.get("steward")
    if run is None:
        pytest.fail("the steward's run did not start: the technician's failed")
    assert run.ok, run.report()
    return run


# ---------------------------------------------------------------------------- part 1
def test_the_technician_finds_the_dataset_and_proposes_three_edits(journey):
    run = journey["technician"]
    assert run.ok, run.report()
    assert run.python_errors == []
    r = run.results
    assert r["unexpected_message_boxes"] == []
    # QGIS runs in French, and so does GeoGov: docks, buttons, dialogs.
    assert (r["catalogue_dock_title"], r["search_button"], r["add_wfs_text"]) == (
        "Catalogue GeoGov", "Rechercher", "Ajouter le WFS")
    assert (r["prepared"]["window_title"], r["prepared"]["submit_text"]) == (
        "Proposer mes modifications", "Soumettre")
    assert r["my_proposals"]["title"] == "Mes propositions"
    # Search: "velo" without the accent finds the cycling dataset.
    assert r["titles"] == ["Aménagements cyclables"], r["titles"]
    assert r["record_id"] == RECORD_ID
    # Responsible parties in French, the ISO code beside the label.
    assert r["party_headers"][:2] == ["Gestionnaire (custodian)", "Producteur (originator)"], \
        r["party_headers"]
    assert any("L'Institut Paris Region" in p for p in r["parties"]["Gestionnaire (custodian)"])
    assert any("Département du Val-de-Marne" in p for p in r["parties"]["Producteur (originator)"])
    # The WFS layer of the record: QGIS's WFS provider on the journey's server, authcfg only.
    layer = r["layer"]
    assert layer["provider"] == "WFS" and layer["crs"] == "EPSG:2154"
    assert f"url='{journey['demo'].wfs_url}'" in layer["source"]
    assert f"typename='{TYPENAME}'" in layer["source"] and f"authcfg={AUTHCFG}" in layer["source"]
    assert PASSWORD not in layer["source"]
    assert layer["features"] == len(journey["rows_before"]) and r["features_94"] == 80
    # Who is responsible: the Val-de-Marne's steward for a layer in the 94.
    who = r["responsibility"]
    assert who["dock_title"] == "Qui est responsable ?"
    assert who["departements"] == ["94"] and who["stewards"] == ["Département du Val-de-Marne"]
    assert "Département du Val-de-Marne (département 94)" in who["text"]
    # Editing the shared layer: GeoGov says at once not to save but to propose.
    bar = [m["message"] for m in run.messages if m["tag"] == "Messages"]
    assert any("est une donnée partagée : n'enregistrez pas vos modifications" in m for m in bar), bar
    # The three edits, computed, checked, routed to the 94 and submitted.
    prepared = r["prepared"]
    assert prepared["counts"] == {"insert": 1, "update": 1, "delete": 1}, prepared
    assert prepared["problems"] == 0 and prepared["departements"] == ["94"]
    assert prepared["target"] == ["wfs", journey["demo"].wfs_url, TYPENAME, AUTHCFG]
    assert prepared["counts_text"] == "3 modification(s) : 1 ajoutée(s), 1 modifiée(s), 1 supprimée(s)" \
        or "1 ajout" in prepared["counts_text"], prepared["counts_text"]
    assert r["proposal"]["status"] == "submitted" and r["proposal"]["title"] == TITLE
    assert r["layer_after"] == {"editable": False, "modified": False}
    # "discard the edits from the layer?" → Oui; QGIS 3.40 and later also ask before
    # deleting the selected feature → Oui.
    boxes = r["message_boxes"]
    assert len(boxes) == 1 + r["asked_before_deleting"], boxes
    assert not r["asked_before_deleting"] or "sur le point d’être supprimée" in boxes[0], boxes
    assert [row[0] for row in r["my_proposals"]["rows"]] == [TITLE]


def test_the_proposal_is_stored_as_submitted_and_the_server_is_unchanged(journey):
    assert journey["technician"].ok, journey["technician"].report()
    store = journey["store_after_proposal"]
    [proposal] = store["mine"]
    assert proposal.status == "submitted" and proposal.author == "tech94"
    assert proposal.title == TITLE and proposal.comment == COMMENT
    assert proposal.dataset == DATASET and proposal.departements == ["94"]
    edits = journey["technician"].results["edits"]
    ops = {c.op: c for c in proposal.changeset.changes}
    assert (ops["insert"].key, ops["update"].key, ops["delete"].key) == \
        (NEW_KEY, edits["moved"], edits["deleted"])
    assert ops["update"].changed_fields == ["revetement"] and ops["update"].geometry_changed
    assert store["to_review"] == [proposal.id]        # in the steward's queue
    # Proposing never writes to the authoritative data.
    assert journey["rows_after_proposal"] == journey["rows_before"]
    assert journey["wfs_after_proposal"] == journey["wfs_before"]


# ---------------------------------------------------------------------------- part 2
def test_the_steward_reviews_approves_and_applies_it(journey):
    run = steward_run(journey)
    assert run.python_errors == []
    r = run.results
    assert r["unexpected_message_boxes"] == []
    assert r["review_dock_title"] == "Valider les propositions" and r["scope"] == "À valider par moi"
    assert r["queue"]["titles"] == [TITLE]
    assert r["detail"]["author"] == "tech94" and r["detail"]["awaiting_me"] is True
    # Map diff: after (added + modified's new state) and before (deleted + modified's old state).
    layers = list(r["map_diff"]["layers"].values())
    assert len(layers) == 2
    ops = {}
    for layer in layers:
        for op, n in layer["ops"].items():
            ops[op] = ops.get(op, 0) + n
        assert layer["crs"] == "EPSG:2154" and {"_op", "_key", "_seq"} <= set(layer["fields"])
    assert ops == {"insert": 1, "update": 2, "delete": 1}, ops     # an update: old and new state
    assert "1 ajoutée" in r["map_diff"]["legend"] or "1 ajout" in r["map_diff"]["legend"], r["map_diff"]
    # Attribute diff: one row per change, _op and the _old_ column of every field.
    diff = r["attribute_diff"]
    assert sorted(row["_op"] for row in diff["rows"]) == ["delete", "insert", "update"]
    assert diff["table_rows"] == 3
    assert {"_op", "_key", "_old_revetement", "revetement", "_old_identifiant"} <= set(diff["fields"])
    # The table's column titles are for people: no inner name (_op, _key, _old_…) shows.
    assert "revetement" in diff["shown_columns"] and "revetement (avant)" in diff["shown_columns"]
    assert not any(title.startswith("_") for title in diff["shown_columns"]), diff["shown_columns"]
    assert {"Modification", "Géométrie modifiée"} <= set(diff["shown_columns"])
    # Approve, then apply from the dock (the confirmation answered "Oui").
    assert r["approve_button"]["text"] == "Approuver" and r["approve_button"]["enabled"]
    assert r["decision"]["status"] == "approved"
    assert r["apply"]["status"] == "applied" and r["apply"]["ok"], r["apply"]
    assert r["apply"]["proposal_status"] == "applied" and r["apply"]["record_error"] is None
    assert len(r["message_boxes"]) == 1
    # After approving, the proposal stays in sight (« Approuvées, à appliquer », selected,
    # « Appliquer » ready, the next step said) with its diff on the map.
    after = r["after_approval"]
    assert (after["scope"], after["selected"], after["apply_enabled"]) == ("to_apply", 1, True), after
    assert "Étape suivante" in after["status"], after
    assert r["canvas_after_approval"][-1] == "Aménagements cyclables"
    assert len(r["canvas_after_approval"]) == 3                   # + the diff's before and after
    # Applied: the diff layers are gone, the WFS layer reloaded with the new state.
    assert r["canvas_after_apply"] == ["Aménagements cyclables"]
    edits = journey["technician"].results["edits"]
    assert NEW_KEY in r["layer_after_apply"] and edits["deleted"] not in r["layer_after_apply"]


def test_what_waits_is_in_sight_and_qt_speaks_french(journey):
    """At the steward's start-up, before any panel: the count on the review action, the
    message bar's sentence, the pending badge on the layer; Qt's own buttons in French."""
    r = steward_run(journey).results
    waiting = r["waiting"]
    assert waiting["action"] == "Valider les propositions (1)", waiting
    assert "En attente de votre part : 1 proposition(s) attendent votre examen" in waiting["tooltip"]
    assert any("1 proposition(s) attendent votre examen" in text for text in waiting["bar"]), waiting
    assert any("Propositions en attente de validation : 1" in tip for tip in waiting["indicators"]), waiting
    [buttons] = r["message_box_buttons"]                    # « Appliquer… ? » Oui / Non
    assert {b.replace("&", "") for b in buttons} == {"Oui", "Non"}, buttons


def test_the_feature_history_names_who_and_why_and_revert_is_checked(journey):
    """From the applied feature (the identify tool's GeoGov action): its history, then
    « Défaire cette proposition » planned against the authoritative data, not saved."""
    r = steward_run(journey).results
    history = r["history"]
    assert len(history["entries"]) == 1, history
    page = history["page"]
    assert TITLE in page and COMMENT in page, page           # what, and why
    assert "Proposée par Samuel Leroy" in page and "Validée par Émilie Dubois" in page, page
    assert not any(text.startswith("_") for row in history["entries"] for text in row), history
    revert = r["revert"]
    assert revert["title"] == f"Défaire « {TITLE} »" and "Annuler" in revert["buttons"], revert
    # The inverse of the technician's insert, update and delete, nothing left out.
    assert "3 changement(s) : 1 ajoutée(s), 1 modifiée(s), 1 supprimée(s)" in revert["text"], revert
    assert "laissées hors du retour en arrière" not in revert["text"], revert


def test_the_wfs_serves_the_new_state(journey):
    steward_run(journey)
    before, after = journey["wfs_before"], journey["wfs_after_apply"]
    edits = journey["technician"].results["edits"]
    assert NEW_KEY not in before and NEW_KEY in after
    assert after[NEW_KEY]["properties"]["type_amenagement"] == "voie verte"
    assert edits["deleted"] in before and edits["deleted"] not in after
    moved = edits["moved"]
    assert after[moved]["properties"]["revetement"] == NEW_SURFACE
    assert before[moved]["properties"]["revetement"] != NEW_SURFACE
    assert after[moved]["geometry"]["coordinates"] != before[moved]["geometry"]["coordinates"]
    unchanged = set(before) - {moved, edits["deleted"]}
    assert all(after[key] == before[key] for key in unchanged)
    # The server's own GeoPackage agrees (sqlite3, not through QGIS or GeoGov).
    rows = journey["rows_after_apply"]
    assert rows[moved][0] == NEW_SURFACE and rows[moved][2] != journey["rows_before"][moved][2]
    assert NEW_KEY in rows and edits["deleted"] not in rows


def test_the_technicians_account_cannot_write_the_shared_layer(journey):
    """What QGIS's Save would send with tech94's account (its authcfg): the server refuses it."""
    import urllib.error
    import urllib.request

    steward_run(journey)
    key = sorted(journey["wfs_after_apply"])[0]
    body = (f'<wfs:Transaction service="WFS" version="1.1.0" xmlns:wfs="http://www.opengis.net/wfs" '
            f'xmlns:ogc="http://www.opengis.net/ogc"><wfs:Delete typeName="{TYPENAME}"><ogc:Filter>'
            f'<ogc:PropertyIsEqualTo><ogc:PropertyName>identifiant</ogc:PropertyName>'
            f'<ogc:Literal>{key}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></wfs:Delete>'
            f'</wfs:Transaction>').encode()
    token = base64.b64encode(f"tech94:{PASSWORD}".encode()).decode()
    request = urllib.request.Request(journey["demo"].wfs_url + "?SERVICE=WFS", data=body, method="POST",
                                     headers={"Content-Type": "text/xml", "Authorization": f"Basic {token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            text = answer.read()
    except urllib.error.HTTPError as error:        # QGIS Server may answer 403
        text = error.read()
    assert b"No permissions" in text and b"totalDeleted" not in text, text[:300]
    assert key in get_features(journey["demo"].wfs_url)


def test_who_is_responsible_shows_the_new_revision_and_the_change_log_lists_it(journey):
    run = steward_run(journey)
    today = time.strftime("%Y-%m-%d")
    who = run.results["responsibility_after"]
    assert who["revision_source"] == "store" and who["last_revision"] == today, who
    assert FRENCH["applied_source"] in who["text"]
    assert who["stewards"] == ["Département du Val-de-Marne"]
    log = run.results["changelog"]
    assert log["errors"] == [] and log["proposals"] == [1, 1, 1], log
    assert log["dataset"] == "Aménagements cyclables" and log["window_title"] == \
        "Exporter le journal des modifications"
    assert [Path(p).name for p in log["written"]] == [
        f"journal-des-modifications-{DATASET}.{ext}" for ext in ("csv", "geojson", "html")]
    written = {Path(p).suffix: Path(p) for p in log["written"]}
    assert set(written) == {".csv", ".geojson", ".html"}
    with written[".csv"].open(encoding="utf-8-sig") as handle:      # BOM for spreadsheets
        lines = list(csv.DictReader(handle))
    edits = journey["technician"].results["edits"]
    assert {(line["operation"], line["feature"]) for line in lines} == {
        ("insert", NEW_KEY), ("update", edits["moved"]), ("delete", edits["deleted"])}
    assert {(line["title"], line["why"], line["author"], line["applied_by"]) for line in lines} == {
        (TITLE, COMMENT, "tech94", "steward94")}
    assert all("steward94" in line["approved_by"] for line in lines)
    assert all(line["applied_at"].startswith(today) for line in lines)
    assert TITLE in written[".html"].read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- evidence
SCREENSHOTS = ["01-search", "02-wfs-layer", "03-responsibility", "04-edits", "05-propose",
               "06-discard-edits", "07-submitted", "08-my-proposals",
               "09a-waiting", "09-review-queue", "10-map-diff",
               "11-attribute-diff", "12-approved", "13-confirm-apply", "14-applied",
               "14b-history", "14c-revert", "15-responsibility", "16-changelog"]


def test_every_step_has_its_screenshot(journey):
    run = steward_run(journey)
    taken = [p.name for p in journey["technician"].screenshots + run.screenshots]
    assert taken == [f"journey-{name}.png" for name in SCREENSHOTS]
    for path in journey["technician"].screenshots + run.screenshots:
        header = path.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(header[16:20], "big") >= 600


def secret_forms(secret: str) -> list:
    """The password as it could leak: plain, URL-encoded, in an HTTP Basic header, UTF-16."""
    forms = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
    for user in ("tech94", "steward94"):
        forms.add(base64.b64encode(f"{user}:{secret}".encode()).decode())
    encoded = [f.encode("utf-8") for f in forms]
    encoded.append(secret.encode("utf-16-le"))
    return encoded


def files_written(journey) -> list:
    """Everything the two runs wrote: each profile (QGIS3.ini, the auth database, GeoGov's
    outbox), QGIS's output and message log, the shared folder (store, project, change log)."""
    files = []
    for key in ("technician", "steward"):
        run = journey.get(key)
        if run is not None:
            files += [p for p in run.run_dir.rglob("*") if p.is_file()]
    files += [p for p in journey["shared"].rglob("*") if p.is_file()]
    return files


def find_secrets(paths, secrets) -> list:
    forms = [form for secret in secrets for form in secret_forms(secret)]
    return [(str(path), form) for path in paths for form in forms if form in path.read_bytes()]


def test_no_password_is_written_anywhere(journey, tmp_path):
    run = steward_run(journey)
    files = files_written(journey)
    names = {p.name for p in files}
    # What must have been scanned is there: both profiles' settings and auth databases,
    # the message logs, the store, the saved project, the change log.
    assert {"QGIS3.ini", "qgis-auth.db", "messages.jsonl", "qgis.log", "proposals.gpkg",
            "journey.qgs"} <= names, sorted(names)
    assert any(p.suffix == ".csv" for p in files)
    # The password was really configured: the authcfg of the layer and of the settings.
    assert journey["technician"].results["authcfg_stored"] and run.results["authcfg_stored"]
    ini = next(p for p in files if p.name == "QGIS3.ini").read_text(encoding="utf-8")
    assert AUTHCFG in ini
    assert f"authcfg={AUTHCFG}" in (journey["shared"] / "journey.qgs").read_text(encoding="utf-8")
    assert find_secrets(files, [PASSWORD, MASTER_PASSWORD]) == []
    # The scan itself finds a password where one is (a file like those above).
    decoy = tmp_path / "QGIS3.ini"
    decoy.write_text("[geogov]\nservices=\"[{\\\"url\\\": \\\"x\\\", \\\"password\\\": \\\""
                     + urllib.parse.quote(PASSWORD) + "\\\"}]\"\n", encoding="utf-8")
    assert find_secrets([decoy], [PASSWORD]) == [(str(decoy), urllib.parse.quote(PASSWORD, safe="").encode())]


def test_the_journey_takes_a_few_minutes_at_most(journey):
    steward_run(journey)
    assert journey["seconds"] < 240, journey["seconds"]


# ---------------------------------------------------------------------------- screens
SCREENS = {"1366x768": ("1366x768x24", None), "1920x1080-150": ("1920x1080x24", "1.5")}
DOCK_NAMES = ["catalogue", "responsibility", "review", "my-proposals", "convention"]
DIALOG_NAMES = ["propose", "history", "changelog", "report", "services"]


@pytest.fixture(scope="module", params=sorted(SCREENS))
def screen(request):
    size, scale = SCREENS[request.param]
    display = desktop.VirtualDisplay(size)
    display.start()
    yield request.param, display.display, scale
    display.stop()


@pytest.mark.parametrize("locale", ["fr", "en_US"])
def test_every_panel_and_dialog_is_readable_at_its_default_size(journey, screen, locale):
    """After the journey, as steward94 on the same shared folder: every GeoGov dock and
    dialog at the size GeoGov gives it, in French and in English, on 1366×768 and on
    1920×1080 at 150 % — nothing cut, nothing larger than the screen, the docks in the
    right-hand area as QGIS's own panels, the propose dialog not modal. Screenshots:
    build/screenshots/screens-<locale>-<screen>-<panel>.png."""
    steward_run(journey)
    label, display_name, scale = screen
    env = {"GEOGOV_JOURNEY": json.dumps(params(journey["demo"], journey["shared"], "steward94"),
                                        ensure_ascii=False)}
    if scale:
        env.update({"QT_SCALE_FACTOR": scale, "QT_AUTO_SCREEN_SCALE_FACTOR": "0"})
    run = desktop.run_qgis(JOURNEYS / "screens.py", name=f"screens-{locale[:2]}-{label}", locale=locale,
                           timeout=RUN_TIMEOUT, settings=settings_for(journey["demo"], journey["shared"],
                                                                      "steward94", "cd94"),
                           env=env, display_name=display_name, keep_run_dir=True)
    assert run.ok, run.report()
    r = run.results
    assert r["unexpected_message_boxes"] == []
    expected = [1366, 768] if label == "1366x768" else [1280, 720]
    assert abs(r["screen"][0] - expected[0]) <= 2 and r["screen"][1] <= expected[1], r["screen"]
    screens = r["screens"]
    assert sorted(screens) == sorted(DOCK_NAMES + DIALOG_NAMES), sorted(screens)
    for name, seen in screens.items():
        assert seen["fits_screen"], (name, seen)
        assert seen["cramped"] == [], (name, seen["cramped"])
    right = {screens[name]["area"] for name in DOCK_NAMES}
    assert right == {2}, right                          # Qt.RightDockWidgetArea
    assert screens["propose"]["modal"] is False
    french = locale == "fr"
    assert (screens["review"]["title"].startswith("Valider les propositions") if french
            else screens["review"]["title"].startswith("Review proposals")), screens["review"]["title"]
    assert len(run.screenshots) == len(DOCK_NAMES) + len(DIALOG_NAMES)


# ---------------------------------------------------------------------------- English
ENGLISH_JOURNEY = '''
from geogov.tests.support.desktop_ui import click_cell, close_dock, open_dock, type_text
import re


def journey(driver):
    driver.wait_until(lambda: driver.plugin("geogov"), message="GeoGov did not load")
    dock = open_dock(driver, "geogov_catalogue", "GeoGovCatalogueDock")
    driver.window.resizeDocks([dock], [660], 1)
    type_text(dock.search_edit, "velo")
    driver.wait_until(lambda: dock.model.rowCount() > 0, 60, "no result")
    click_cell(driver, dock.table, 0)
    driver.wait(0.3)
    driver.result("texts", {
        "dock": dock.windowTitle(), "search": dock.search_button.text(),
        "add_wfs": dock.add_buttons["wfs"].text(),
        "headers": [re.sub("<[^>]+>", "", h.text()) for h, _ in dock.details.group_labels][:2]})
    close_dock(driver, "geogov_catalogue", "GeoGovCatalogueDock")
    review = open_dock(driver, "geogov_review", "GeoGovReviewDock")
    driver.result("review", {"dock": review.windowTitle(), "approve": review.ui.approve_button.text(),
                             "scope": review.ui.scope_combo.currentText()})
    driver.screenshot("01-search")
'''


def test_in_english_the_same_widgets_speak_english(virtual_display, translations, demo_sdi, tmp_path):
    settings = settings_for(demo_sdi, tmp_path, "tech94", "cd94")
    run = desktop.run_qgis(ENGLISH_JOURNEY, name="journey-en", locale="en_US", timeout=RUN_TIMEOUT,
                           settings=settings)
    assert run.ok, run.report()
    texts = run.results["texts"]
    assert texts == {"dock": "GeoGov catalogue", "search": "Search", "add_wfs": "Add WFS",
                     "headers": ["Custodian (custodian)", "Originator (originator)"]}
    assert run.results["review"] == {"dock": "Review proposals", "approve": "Approve",
                                     "scope": "To review by me"}
