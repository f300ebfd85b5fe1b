"""The convention browser, and the shared state reloading on settings and file changes."""

from __future__ import annotations

import shutil

import pytest

from geogov.plugin.bridge.messages.governance import problem_text
from geogov.tests.qgis.governance_fixtures import CONVENTION, SYCTOM, make_state, wait_until
from geogov.ui.convention_browser import ConventionBrowser


@pytest.fixture()
def convention_copy(tmp_path):
    path = tmp_path / "convention.yaml"
    shutil.copyfile(CONVENTION, path)
    return path


def children(item) -> dict:
    return {item.child(i).text(0): item.child(i) for i in range(item.childCount())}


def top(tree, text):
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == text)


def test_partners_to_datasets_and_back(qgis_iface, convention_copy):
    state, _ = make_state(convention_copy)
    state.reload()
    wait_until(lambda: not state.busy)
    browser = ConventionBrowser(qgis_iface, state)
    try:
        assert len(browser.top_level_texts(browser.partners)) == 31
        syctom = children(top(browser.partners, SYCTOM))
        produced = [syctom["Produces"].child(i).text(1) for i in range(syctom["Produces"].childCount())]
        maintained = [syctom["Maintains"].child(i).text(1)
                      for i in range(syctom["Maintains"].childCount())]
        stewarded = syctom["Validates the changes to"]
        assert produced == ["points-apport-volontaire"]
        assert maintained == ["points-apport-volontaire", "pesees-dechets-menages"]
        assert stewarded.childCount() == 2
        lighting = children(top(browser.datasets, "Éclairage public"))
        assert lighting["Producer"].text(1) == "Lumière Île-de-France SAS (concessionnaire fictif)"
        assert lighting["Validates the changes"].text(1) == "SIPPEREC"
        assert "Lumière" in lighting["Contract delivery"].text(1)
        cycling = children(top(browser.datasets, "Aménagements cyclables"))
        assert "Département du Val-de-Marne (in département 94)" in \
            cycling["Validates the changes"].text(1)
        browser.filter.setText("sipperec")
        visible = [browser.partners.topLevelItem(i).text(0)
                   for i in range(browser.partners.topLevelItemCount())
                   if not browser.partners.topLevelItem(i).isHidden()]
        # SIPPEREC itself, and the concessionaire whose delivery SIPPEREC receives is not
        # a partner match: only partners whose texts mention it.
        assert "SIPPEREC" in visible and SYCTOM not in visible
    finally:
        state.close()
        browser.deleteLater()


def test_a_broken_file_lists_every_problem_then_a_fix_reloads(qgis_iface, convention_copy):
    state, _ = make_state(convention_copy)
    state.reload()
    wait_until(lambda: not state.busy)
    browser = ConventionBrowser(qgis_iface, state)
    state.changed.connect(browser.refresh)
    try:
        text = convention_copy.read_text(encoding="utf-8")
        broken = text.replace("frequency: monthly", "frequency: monthyl", 1) \
                     .replace("producers: [syctom]", "producers: [syctome]", 1)
        convention_copy.write_text(broken, encoding="utf-8")
        wait_until(lambda: state.error is not None and not state.busy, 10,
                   "the watcher to reload the broken file")
        assert state.convention is None
        assert browser.tabs.currentWidget() is browser.problems
        rows = browser.problems.rowCount()
        assert rows == 2
        lines = broken.splitlines()
        found = {}
        for row in range(rows):
            line = int(browser.problems.item(row, 2).text())
            found[browser.problems.item(row, 4).text()] = (line, browser.problems.item(row, 5).text())
        frequency = next(v for k, v in found.items() if k.endswith(".frequency"))
        producer = next(v for k, v in found.items() if ".producers" in k)
        assert "monthyl" in lines[frequency[0] - 1] and "monthyl" in frequency[1]
        assert "syctome" in lines[producer[0] - 1] and "syctome" in producer[1]
        assert "“syctom”" in producer[1]      # did you mean…
        assert browser.problems.item(0, 1).text() == "convention.yaml"
        assert all(problem_text(p) for p in state.error.problems)
        convention_copy.write_text(text, encoding="utf-8")
        wait_until(lambda: state.convention is not None and not state.busy, 10,
                   "the watcher to reload the fixed file")
        assert browser.problems.rowCount() == 0 and state.error is None
        assert len(browser.top_level_texts(browser.datasets)) == 7
    finally:
        state.close()
        browser.deleteLater()


def test_settings_change_reloads_only_when_the_source_changes(qgis_app, convention_copy, tmp_path):
    state, values = make_state(convention_copy)
    state.reload()
    wait_until(lambda: not state.busy)
    first = state.convention
    state.settings_changed()          # nothing changed: the same objects stay
    assert state.convention is first and not state.busy
    other = tmp_path / "other.yaml"
    other.write_text(convention_copy.read_text(encoding="utf-8").replace(
        "(démonstration)", "(autre)"), encoding="utf-8")
    values.convention_source = str(other)
    state.settings_changed()
    wait_until(lambda: not state.busy)
    assert state.convention is not first and state.convention.title.endswith("(autre)")
    values.convention_source = ""
    state.settings_changed()
    assert state.convention is None and state.error is None
    state.close()


def test_the_no_convention_header_shows_apostrophes_not_entities(qgis_iface, tmp_path):
    """French sentences have apostrophes: escaped for rich text, they must not show as
    "&#x27;" (seen in a French screenshot: "n&#x27;est configurée")."""
    from geogov.tests.support.french import french

    state, _values = make_state("")
    with french(tmp_path):
        browser = ConventionBrowser(qgis_iface, state)
        try:
            browser.refresh()
            text = browser.header.text()
            assert "configurée" in text
            assert "&#x27;" not in text and "'" in text
        finally:
            browser.close()
            state.close()
