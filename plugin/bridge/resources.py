"""Paths of files shipped in resources/ (icons, QML styles, demo convention)."""

import os

RESOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources")


def resource_path(*parts):
    return os.path.join(RESOURCES, *parts)


def icon_path(name):
    return resource_path("icons", name)
