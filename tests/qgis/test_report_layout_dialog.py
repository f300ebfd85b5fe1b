"""The governance report dialog: outputs chosen, data gathered in a task, files opened."""

from __future__ import annotations

from geogov.tests.qgis.governance_fixtures import loaded_state, make_state, wait_until
from geogov.ui.governance_report_dialog import GovernanceReportDialog


def test_the_dialog_writes_both_files_and_opens_the_pdf(qgis_iface, tmp_path):
    state = loaded_state()
    opened = []
    dialog = GovernanceReportDialog(qgis_iface, state, open_result=opened.append)
    try:
        assert not dialog.store_check.isEnabled()      # no store in the settings
        dialog.pdf_path.setFilePath(str(tmp_path / "r.pdf"))
        dialog.html_check.setChecked(True)
        dialog.html_path.setFilePath(str(tmp_path / "r.html"))
        dialog.run_button.click()
        assert not dialog.run_button.isEnabled()        # running in a task
        wait_until(lambda: dialog.written or "color" in dialog.status.styleSheet(), 60,
                   "the report to be written")
        assert dialog.written == {"pdf": str(tmp_path / "r.pdf"), "html": str(tmp_path / "r.html")}
        assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
        assert opened == [str(tmp_path / "r.pdf")]
        assert dialog.run_button.isEnabled()
    finally:
        state.close()
        dialog.deleteLater()


def test_the_dialog_refuses_without_convention_or_output(qgis_iface, tmp_path):
    state, _ = make_state("")
    state.reload()
    dialog = GovernanceReportDialog(qgis_iface, state, open_result=lambda path: None)
    try:
        dialog.run_button.click()
        assert "c6282" in dialog.status.styleSheet() and dialog.task is None
        assert dialog.status.text()
        loaded = loaded_state()
        dialog.state = loaded
        dialog.pdf_check.setChecked(False)
        dialog.run_button.click()
        assert dialog.task is None and not dialog.written
        loaded.close()
    finally:
        state.close()
        dialog.deleteLater()


def test_closing_the_dialog_aborts_the_catalogue_request_in_flight(qgis_iface, tmp_path):
    """The catalogue does not answer: closing the dialog aborts the request at once, instead
    of leaving the task waiting for the connection's 60 s timeout."""
    import time

    from geogov.plugin.bridge import settings as gsettings
    from geogov.tests.qgis.test_catalogue_dock_tasks import SilentServer

    silent = SilentServer()
    connection = gsettings.CatalogueConnection("Silencieux", f"http://127.0.0.1:{silent.port}/csw",
                                               "csw", "2.0.2", timeout=60)
    state = loaded_state(catalogues=[connection])
    dialog = GovernanceReportDialog(qgis_iface, state, open_result=lambda path: None)
    try:
        dialog.pdf_path.setFilePath(str(tmp_path / "r.pdf"))
        dialog.catalogue.setCurrentIndex(1)
        dialog.run_button.click()
        task = dialog.task
        wait_until(lambda: silent.requests, 10, "the request to reach the catalogue")
        closed_at = time.monotonic()
        dialog.reject()
        wait_until(lambda: silent.closed, 10, "the request to be aborted")
        assert silent.closed[0] - closed_at < 5
        wait_until(lambda: dialog.task is None or task.status() in (task.Complete, task.Terminated),
                   20, "the task to end")
        assert not (tmp_path / "r.pdf").exists()
    finally:
        silent.stop()
        state.close()
        dialog.deleteLater()


def test_the_dialog_asks_for_an_incremental_sweep_unless_unticked(qgis_iface, tmp_path,
                                                                  monkeypatch):
    from geogov.ui import governance_report_dialog as module

    asked = []

    def gather(*args, **kwargs):
        asked.append(kwargs.get("incremental"))
        raise RuntimeError("stop here")

    monkeypatch.setattr(module, "gather_report", gather)
    state = loaded_state()
    dialog = GovernanceReportDialog(qgis_iface, state, open_result=lambda path: None)
    try:
        dialog.pdf_path.setFilePath(str(tmp_path / "r.pdf"))
        assert dialog.incremental_check.isChecked()
        for ticked in (True, False):
            dialog.incremental_check.setChecked(ticked)
            dialog.run_button.click()
            wait_until(lambda: dialog.task is None and dialog.run_button.isEnabled(), 20,
                       "the task to end")
        assert asked == [True, False]
    finally:
        state.close()
        dialog.deleteLater()
