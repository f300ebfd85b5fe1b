"""Paths that work on Windows QGIS as on Linux: file: URLs, QGIS's own data, file names in
messages. (The static scan for POSIX-only code is tests/unit/test_portability.py.)"""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl

from geogov.plugin.bridge.layer_description import departement_polygons, world_map_path
from geogov.plugin.bridge.network import local_path, read_location
from geogov.plugin.governance.convention import Problem
from geogov.ui.messages_governance import problem_location


def test_a_file_url_gives_the_platform_path_back(tmp_path):
    path = tmp_path / "dossier partagé" / "convention été.yaml"
    path.parent.mkdir()
    path.write_bytes(b"format: x\n")
    url = QUrl.fromLocalFile(str(path)).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert "%20" in url and local_path(url) == str(path)
    assert read_location(url) == b"format: x\n"
    assert local_path(str(path)) == str(path)                      # a path stays a path
    assert local_path("file://localhost" + QUrl.fromLocalFile(str(path)).path()) == str(path)


def test_qgis_world_map_is_found_through_qgis_own_data_folder():
    path = world_map_path()
    assert path.startswith(QgsApplication.pkgDataPath()) and os.path.isfile(path)
    assert len(departement_polygons()) == 8


def test_a_problem_names_the_file_of_a_windows_path_or_a_url():
    for source in ("C:\\Users\\Agent\\Documents\\convention.yaml",
                   "/home/agent/convention.yaml", "https://example.org/idf/convention.yaml"):
        problem = Problem(code="yaml.syntax", message="bad", source=source, line=3, column=7)
        assert problem_location(problem).startswith("convention.yaml, "), source
