"""Paths that work on Windows QGIS as on Linux: file: URLs, QGIS's own data, file names in
messages. (The static scan for POSIX-only code is tests/unit/test_portability.py.)"""

import os

from qgis.PyQt.QtCore import QUrl

from geogov.plugin.bridge.messages.governance import problem_location
from geogov.plugin.bridge.network import local_path, read_location
from geogov.plugin.governance.convention import Problem
from geogov.plugin.territories.reference import load_reference


def test_a_file_url_gives_the_platform_path_back(tmp_path):
    path = tmp_path / "dossier partagé" / "convention été.yaml"
    path.parent.mkdir()
    path.write_bytes(b"format: x\n")
    url = QUrl.fromLocalFile(str(path)).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert "%20" in url and local_path(url) == str(path)
    assert read_location(url) == b"format: x\n"
    assert local_path(str(path)) == str(path)                      # a path stays a path
    assert local_path("file://localhost" + QUrl.fromLocalFile(str(path)).path()) == str(path)


def test_the_territory_reference_is_found_in_the_plugin_folder_not_in_qgis_data():
    import geogov

    reference = load_reference()
    plugin_folder = os.path.dirname(os.path.realpath(geogov.__file__))
    assert os.path.realpath(reference.path).startswith(plugin_folder + os.sep)
    assert os.path.isfile(reference.path) and len(reference.covered_departements()) == 8


def test_a_problem_names_the_file_of_a_windows_path_or_a_url():
    for source in ("C:\\Users\\Agent\\Documents\\convention.yaml",
                   "/home/agent/convention.yaml", "https://example.org/idf/convention.yaml"):
        problem = Problem(code="yaml.syntax", message="bad", source=source, line=3, column=7)
        assert problem_location(problem).startswith("convention.yaml, "), source
