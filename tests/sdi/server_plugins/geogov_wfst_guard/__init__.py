"""QGIS Server access control for the demo SDI: who may write the shared data by WFS-T.

A technician who adds a shared layer to QGIS and presses Save sends a WFS-T Transaction
like any other client: the server, not the plugin, must refuse it. This server plugin (QGIS
Server loads it from QGIS_PLUGINPATH) lets everyone read and only the appliers write:
GEOGOV_WFST_APPLIERS holds ``login:sha256(password)`` pairs separated by commas, matched
against the request's HTTP Basic credentials (in constant time). Without that variable the
server is left as QGIS Server makes it (every WFS-T layer writable), which the tests of the
apply engine use. In production the same rule belongs to the data host (its own auth proxy,
QGIS Server plugin or database rights); this one is the demo's.
"""

import base64
import binascii
import hashlib
import hmac
import os

from qgis.server import QgsAccessControlFilter

APPLIERS_VARIABLE = "GEOGOV_WFST_APPLIERS"


def appliers_from(text):
    """{login: sha256 hex of the password} from ``login:hex,login:hex``."""
    pairs = {}
    for item in (text or "").split(","):
        login, _, digest = item.strip().partition(":")
        if login and len(digest) == 64:
            pairs[login] = digest.lower()
    return pairs


def basic_login(header, appliers):
    """The applier whose Basic credentials ``header`` carries, else None."""
    scheme, _, encoded = (header or "").strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        login, _, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    expected = appliers.get(login)
    offered = hashlib.sha256(password.encode("utf-8")).hexdigest()
    if expected is None:
        hmac.compare_digest(offered, offered)       # the same work for an unknown login
        return None
    return login if hmac.compare_digest(offered, expected) else None


class WfstGuard(QgsAccessControlFilter):
    def __init__(self, server_iface, appliers):
        super().__init__(server_iface)
        self.server_iface = server_iface
        self.appliers = appliers

    def layerPermissions(self, layer):
        permissions = QgsAccessControlFilter.LayerPermissions()
        permissions.canRead = True
        header = self.server_iface.requestHandler().requestHeader("Authorization")
        writer = basic_login(header, self.appliers) is not None
        permissions.canInsert = permissions.canUpdate = permissions.canDelete = writer
        return permissions

    def cacheKey(self):
        # Responses (capabilities included) differ for an applier and anyone else.
        header = self.server_iface.requestHandler().requestHeader("Authorization")
        return "applier" if basic_login(header, self.appliers) else "reader"


class _Loaded:
    """What serverClassFactory returns: the filter is registered, nothing else to hold."""


def serverClassFactory(server_iface):
    appliers = appliers_from(os.environ.get(APPLIERS_VARIABLE, ""))
    if appliers:
        server_iface.registerAccessControl(WfstGuard(server_iface, appliers), 100)
    return _Loaded()
