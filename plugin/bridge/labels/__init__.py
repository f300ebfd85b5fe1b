"""Translated labels of the codes GeoGov shows (roles, statuses, frequencies, dates…).

Below both the bridge and ui/, like the messages: ``governance`` holds the role, status and
convention labels every panel shares, ``catalogue`` those of the catalogue's records.
"""
