"""QGIS authentication configurations for the tests (Basic: a user name and a password)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig

MASTER_PASSWORD = "geogov-tests"


def basic_authcfg(username: str, password: str, name: str = "") -> str:
    """The id of a new Basic configuration in QGIS's authentication database."""
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(name or f"geogov test {username}")
    config.setConfig("username", username)
    config.setConfig("password", password)
    assert manager.storeAuthenticationConfig(config)[0]
    return config.id()


@pytest.fixture()
def authcfg(qgis_app):
    """``make(login)``: a Basic configuration for a proposal-store login with the tests'
    password; every one made is removed after the test."""
    from .store_fixtures import PASSWORD

    made = []

    def make(login):
        made.append(basic_authcfg(login, PASSWORD))
        return made[-1]

    yield make
    for config_id in made:
        QgsApplication.authManager().removeAuthenticationConfig(config_id)
