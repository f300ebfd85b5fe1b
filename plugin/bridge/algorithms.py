"""The list of GeoGov Processing algorithms (each lives in its own module)."""


def all_algorithms():
    return []
