"""Who stewards what, where: the one rule (mirrored in SQL by ``geogov.steward_partners``,
stores/sql/postgres/0007_territories.sql; tests/integration/test_territory_parity.py runs the same
cases through both).

A dataset's steward assignments come in convention order; each either covers a set of
communes (its territory: a département, an EPT, an EPCI, communes…) or everywhere (a
plain partner id: the default stewards). For changes that touch ``communes`` (INSEE
codes) — and ``unplaced`` changes, which touch no commune of the reference:

- every assignment whose territory holds one of the touched communes stewards them: a
  change on a border between two territories goes to both stewards;
- the default stewards take what no territorial assignment holds: a touched commune
  outside every territory, unplaced changes, and a proposal that touches no commune;
- with no place at all (the dataset as a whole: a catalogue record, the report), every
  assignment is named: each territory's steward for its territory, the defaults elsewhere.

The chosen stewards come in **groups**: one per kind of place — the stewards holding a
touched commune (or the defaults). A proposal is approved when each group has given a
steward approval (proposals/rules.py): cd93 decides what happens in the 93 even when the
change also touches the 94, while two co-stewards of the same place (both everywhere, or
two partners given the same territory) need only one of them.
"""

from __future__ import annotations

from typing import Iterable, Optional


def steward_groups(assignments: Iterable, communes: Iterable, unplaced: bool = False) -> list:
    """The groups of steward partner ids for changes touching ``communes`` (and, when
    ``unplaced``, changes touching none): each group is the partners of one kind of place,
    in convention order; groups are ordered by their first partner. A group may be empty
    (a place no assignment holds, in a dataset without default stewards): only a
    coordinator's approval covers it.

    ``assignments``: (partner id, communes) pairs where communes is a set of INSEE codes,
    or None for everywhere.
    """
    assignments = list(assignments)
    first = {}
    for number, (partner, _area) in enumerate(assignments):
        first.setdefault(partner, number)
    defaults = tuple(dict.fromkeys(p for p, area in assignments if area is None))
    wanted = set(communes)
    groups = set()
    for code in wanted:
        holders = tuple(dict.fromkeys(p for p, area in assignments if area is not None and code in area))
        groups.add(holders or defaults)
    if unplaced or not wanted:
        groups.add(defaults)
    return [list(g) for g in sorted(groups, key=lambda g: [first[p] for p in g] or [len(first)])]


def steward_partners(assignments: Iterable, communes: Optional[Iterable] = None,
                     unplaced: bool = False) -> list:
    """Partner ids, in convention order, of the assignments that steward these places
    (every group's members). ``communes`` None: no place known — every assignment.
    """
    assignments = list(assignments)
    if communes is None:
        return list(dict.fromkeys(partner for partner, _area in assignments))
    first = {}
    for number, (partner, _area) in enumerate(assignments):
        first.setdefault(partner, number)
    chosen = {p for group in steward_groups(assignments, communes, unplaced) for p in group}
    return sorted(chosen, key=first.get)


def assignments_of(dataset) -> list:
    """(partner id, frozenset of communes or None) of a convention Dataset's stewards."""
    out = []
    for assignment in dataset.stewards:
        territory = assignment.territory
        if territory is None or territory.is_everywhere:
            out.append((assignment.partner, None))
        else:
            out.append((assignment.partner, frozenset(territory.routing_communes)))
    return out


def assignments_from_rows(rows: Iterable, dataset: str) -> list:
    """The same pairs from the stores' ``stewardships`` rows ({dataset, partner, communes,
    everywhere})."""
    return [(row["partner"], None if row["everywhere"] else frozenset(row["communes"]))
            for row in rows if row["dataset"] == dataset]
