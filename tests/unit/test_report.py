"""The governance report: its data on the demo convention, and the HTML page."""

import datetime as dt
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from geogov.plugin.catalogue.model import (
    CITED_PARTY,
    MAINTENANCE_CONTACT,
    RESOURCE_CONTACT,
    Maintenance,
    Party,
    Record,
)
from geogov.plugin.governance.convention_loader import load_convention, load_convention_bytes
from geogov.plugin.governance.frequency import FREQUENCIES
from geogov.plugin.governance.report import build_report, render_html

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


def record(identifier, frequency, days_ago, originator, custodian, contact=True):
    parties = [Party(CITED_PARTY, "originator", organisation=originator),
               Party(MAINTENANCE_CONTACT, "custodian", organisation=custodian)]
    if contact:
        parties.append(Party(RESOURCE_CONTACT, "pointOfContact", organisation=custodian))
    return Record(identifier=identifier, standard="iso19139",
                  dates={"revision": TODAY - dt.timedelta(days=days_ago)},
                  maintenance=Maintenance(frequency=frequency), parties=parties)


@pytest.fixture(scope="module")
def demo():
    return load_convention(ROOT / "resources" / "demo" / "convention-idf.yaml")


@pytest.fixture(scope="module")
def records():
    # The DEMO.md catalogue: one record per layer plus the "Zones à faibles émissions" one.
    return [
        record("6ec43d18-6632-5bd7-a5ac-427d141323f3", "quarterly", 30, "Ville de Paris",
               "L'Institut Paris Region"),
        record("b268e272-1ba0-5d78-97e1-f0cacb51330b", "annually", 150, "Syctom", "Syctom"),
        record("878ab4ef-f744-5d75-a196-990f5b36389b", "quarterly", 20,
               "Lumière Île-de-France SAS (concessionnaire fictif)", "SIGEIF"),
        record("45500f6a-3679-556d-bf39-4e32e66ec454", "monthly", 10, "Région Île-de-France",
               "L'Institut Paris Region", contact=False),
        record("512f10f1-7628-5abe-9035-658973ea64c6", "weekly", 3, "Est Ensemble", "Syctom"),
        record("dfa1db1e-4654-53d9-aaf9-0d808c42df1e", "annually", 40, "Région Île-de-France",
               "Région Île-de-France"),
        record("04fc8ed3-b1a2-5339-b485-14f347c96748", "annually", 60,
               "Métropole du Grand Paris", "Métropole du Grand Paris"),
    ]


@pytest.fixture(scope="module")
def report(demo, records):
    return build_report(demo, TODAY, records=records,
                        proposal_counts={"amenagements-cyclables": {"submitted": 5, "approved": 3,
                                                                    "rejected": 1, "applied": 2},
                                         "amenagements-cyclables@cd94": {"submitted": 2,
                                                                         "approved": 1},
                                         "pesees-dechets-menages": {"submitted": 1}})


def section(report, partner_id):
    return next(s for s in report.partners if s.partner_id == partner_id)


def test_the_summary(report):
    s = report.summary
    assert (s.partners, s.datasets) == (31, 7)
    assert (s.up_to_date, s.late, s.unknown) == (5, 1, 1)   # plan vélo: no record, no date
    assert s.overdue_deliveries == 1
    assert (s.not_in_convention, s.not_in_catalogue) == (1, 1)
    assert s.proposals == {"submitted": 6, "approved": 3, "rejected": 1, "applied": 2}


def test_partner_sections(report):
    syctom = section(report, "syctom")
    assert [x.dataset_id for x in syctom.late] == ["points-apport-volontaire"]
    assert [x.dataset_id for x in syctom.stewarded] == ["points-apport-volontaire",
                                                        "pesees-dechets-menages"]
    assert syctom.proposals == {"submitted": 1, "approved": 0, "rejected": 0, "applied": 0}
    [owed] = section(report, "lumiere-idf").deliveries_owed
    assert (owed.status, owed.months_late, owed.creditor_name) == ("late", 2, "SIPPEREC")
    assert [d.obligation_id for d in section(report, "sipperec").deliveries_expected] == \
        ["concession-eclairage-inventaire"]
    # One steward's own counts when given, the dataset's counts otherwise.
    assert section(report, "cd94").proposals["submitted"] == 2
    assert section(report, "cd93").proposals["submitted"] == 5


def test_sections_carry_the_territory_for_the_map(report):
    est_ensemble = section(report, "ept-t8")
    assert est_ensemble.epci == ["200057875"] and est_ensemble.epci_names == {"200057875": "Est Ensemble"}
    assert est_ensemble.departements_reached == ["93"]
    assert section(report, "cd94").departements == ["94"]
    assert section(report, "mgp").departements_reached == ["75", "91", "92", "93", "94", "95"]
    assert section(report, "institut-paris-region").region is True


def test_partners_with_nothing_are_only_named(report):
    assert "SEDIF" in report.other_partners and "SIAAP" in report.other_partners
    assert all(s.name not in report.other_partners for s in report.partners)
    assert len(report.partners) + len(report.other_partners) == 31


def test_without_a_catalogue_nothing_is_said_about_it(demo):
    report = build_report(demo, TODAY, applied={"eclairage-public": TODAY})
    assert report.orphans == []
    assert report.summary.up_to_date == 1 and report.summary.unknown == 6


def visible_text(page: str) -> str:
    tree = lxml_html.fromstring(page.encode("utf-8"))
    for style in tree.iter("style"):
        style.drop_tree()
    return " ".join(tree.itertext())


def test_the_page_is_standalone_with_the_summary_first(report):
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|url\(", page)
    tree = lxml_html.fromstring(page.encode("utf-8"))
    headings = [h.text_content() for h in tree.iter("h2")]
    assert headings[:2] == ["Summary", "Overdue deliveries"]
    assert len(tree.xpath("//section[@class='partner']")) == len(report.partners)
    overdue_rows = tree.xpath("//section[h2='Overdue deliveries']//tr")
    assert len(overdue_rows) == 2   # header + the lighting inventory
    assert "late by 2 months" in overdue_rows[1].text_content()


def test_the_page_speaks_plainly(report, demo):
    text = visible_text(render_html(report))
    assert "updated every quarter" in text
    assert "31 May 2026" in text
    assert "late by 3 months" in text      # points d'apport volontaire, due 25 July
    jargon = set(FREQUENCIES) | {"up_to_date", "restreint", "steward", "dpo", "maintainer",
                                 "custodian", "originator", "pointOfContact",
                                 "prestataire_prive", "MD_MaintenanceFrequencyCode"}
    found = sorted(w for w in jargon if re.search(rf"\b{re.escape(w)}\b", text))
    assert found == []
    for dataset in demo.datasets.values():     # ids and record UUIDs are for machines
        assert dataset.id not in text
        assert all(r not in text for r in dataset.match.record_ids)


def test_every_sentence_goes_through_tr_and_data_never_does(report, demo):
    asked = []

    def spy(text):
        asked.append(text)
        return text.upper() if "{" not in text else text

    page = render_html(report, tr=spy)
    assert "SHARED GEOGRAPHIC DATA: WHO DOES WHAT" in page
    assert "UPDATED EVERY QUARTER" in page
    names = [p.name for p in demo.partners.values()] + [d.title for d in demo.datasets.values()]
    assert not [t for t in asked if any(n in t for n in names)]


FRENCH = {
    "en": "fr",
    "Summary": "En résumé",
    "updated every quarter": "mis à jour chaque trimestre",
    "late by {n} months": "en retard de {n} mois",
    "{day} {month} {year}": "{day} {month} {year}",
    "May": "mai",
}


def test_the_page_in_french_through_a_translator(report):
    page = render_html(report, tr=lambda text: FRENCH.get(text, text))
    assert '<html lang="fr">' in page
    assert "<h2>En résumé</h2>" in page
    assert "mis à jour chaque trimestre" in page
    assert "en retard de 2 mois" in page
    assert "31 mai 2026" in page


def test_values_are_escaped():
    text = (ROOT / "tests" / "unit" / "conventions" / "valid-minimal.yaml").read_text("utf-8")
    text = text.replace("name: Département du Val-de-Marne",
                        "name: \"<script>alert('x')</script> & Fils\"")
    text = text.replace("title: Aménagements cyclables", "title: \"Vélo <b>gras</b>\"")
    convention = load_convention_bytes(text)
    page = render_html(build_report(convention, TODAY))
    assert "<script>" not in page and "<b>gras</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Fils" in page
    assert "Vélo &lt;b&gt;gras&lt;/b&gt;" in page


def ts_translations(context="@default") -> dict:
    """{English: French} of i18n/geogov_fr.ts (what the Qt translator gives in QGIS)."""
    from lxml import etree

    tree = etree.parse(str(ROOT / "i18n" / "geogov_fr.ts"))
    out = {}
    for ctx in tree.iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and \
                    translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[message.findtext("source")] = translation.text
    return out


def test_every_sentence_of_the_page_has_its_french_translation(report):
    french = ts_translations()
    untranslated = []

    def tr(text):
        if text not in french:
            untranslated.append(text)
        return french.get(text, text)

    page = render_html(report, tr=tr)
    assert untranslated == []
    text = visible_text(page)
    assert '<html lang="fr">' in page
    assert "Données géographiques partagées : qui fait quoi" in text
    assert "mis à jour chaque trimestre" in text
    assert "en retard de 2 mois" in text and "en retard de 3 mois" in text
    assert "31 mai 2026" in text
    assert "Livraisons en retard" in text


def tr_calls_in_fstrings(source: str) -> list:
    """Line numbers of the tr(...) calls written inside an f-string of ``source``.

    Before Python 3.12 an f-string is one STRING token; from 3.12 on it is FSTRING_START,
    its pieces and expressions as tokens of their own, FSTRING_END. Either way what counts
    is a call, ``tr`` followed by ``(``: tr handed on as a function (``phrase(line, tr)``)
    is no string pylupdate5 should have seen.
    """
    import io
    import tokenize

    fstring_start = getattr(tokenize, "FSTRING_START", None)   # Python 3.12+
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    found, depth, previous = [], 0, None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if fstring_start is not None and token.type == fstring_start:
            depth += 1
        elif fstring_end is not None and token.type == fstring_end:
            depth -= 1
        if token.type == tokenize.STRING and token.string[:2].lower().strip("rb")[:1] == "f":
            if re.search(r"\btr\s*\(", token.string):
                found.append(token.start[0])
        elif (depth and token.string == "(" and previous is not None
              and previous.type == tokenize.NAME and previous.string == "tr"):
            found.append(token.start[0])
        previous = token
    return found


def test_the_f_string_scan_finds_a_tr_call_and_only_a_call():
    source = ('a = f"<p>{tr(\'Late\')}</p>"\n'
              'b = f"<td>{escape(status_phrase(line, tr))}</td>"\n'
              "c = f'{self.tr(\"Up to date\")} {n}'\n"
              'd = tr("Not in an f-string")\n')
    assert tr_calls_in_fstrings(source) == [1, 3]


def test_no_tr_call_hides_in_an_f_string():
    # pylupdate5 reads an f-string as one opaque string: a tr("…") inside it would never
    # reach the .ts file, and the page would stay in English in QGIS.
    for path in sorted((ROOT / "plugin" / "governance").glob("*.py")):
        found = tr_calls_in_fstrings(path.read_text("utf-8"))
        assert not found, f"{path.name}: tr() inside an f-string on lines {found}"


@pytest.mark.parametrize("code", FREQUENCIES)
def test_every_frequency_has_a_plain_phrase_in_both_languages(code):
    from geogov.plugin.governance.report_html import delivery_phrase, frequency_phrase

    french = ts_translations()
    phrase = frequency_phrase(code)
    assert code not in phrase.split()
    assert phrase != frequency_phrase("no-such-code") or code == "unknown"
    assert french[phrase] and french[delivery_phrase(code)]


@pytest.mark.parametrize("mode, reason, english, french", [
    ("incremental", "", "Catalogue read incrementally: the 12 records changed since 6 December "
     "2026 read again (3 new, 2 removed from the catalogue), the other 9988 as read on 7 "
     "December 2026; last full reading on 2 December 2026, one is made every 7 days.",
     "Catalogue lu en incrémental : les 12 fiches modifiées depuis le 6 décembre 2026 relues "
     "(3 nouvelles, 2 retirées du catalogue), les 9988 autres telles que lues le 7 décembre "
     "2026 ; dernière lecture complète le 2 décembre 2026, une est faite tous les 7 jours."),
    ("full", "periodic", "Catalogue read in full: 10000 records (one is made every 7 days).",
     "Catalogue lu en entier : 10000 fiches (une est faite tous les 7 jours)."),
    ("full", "no_cache", "Catalogue read in full: 10000 records (no earlier reading of it "
     "was kept).", "Catalogue lu en entier : 10000 fiches (aucune lecture précédente n'en "
     "était gardée)."),
])
def test_the_report_says_how_the_catalogue_was_read(demo, records, mode, reason, english,
                                                    french):
    from geogov.plugin.catalogue.sweep import SweepInfo

    utc = dt.timezone.utc
    info = SweepInfo(catalogue="csw", mode=mode, reason=reason, records=10_000,
                     read=12 if mode == "incremental" else 10_000, added=3, removed=2,
                     since=dt.date(2026, 12, 6),
                     previous=dt.datetime(2026, 12, 7, 12, 0, tzinfo=utc),
                     last_full=dt.datetime(2026, 12, 2, 12, 0, tzinfo=utc))
    report = build_report(demo, TODAY, records=records, sweep=info)
    assert report.catalogue_sweep is info
    assert english in " ".join(visible_text(render_html(report)).split())
    translations = ts_translations()
    page = render_html(report, tr=lambda s: translations.get(s, s))
    assert french in " ".join(visible_text(page).split())
    # No catalogue read: nothing said about how.
    assert build_report(demo, TODAY, sweep=info).catalogue_sweep is None
