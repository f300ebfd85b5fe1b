"""Leaving changes out of a proposal, one by one.

A technician's edits may hold a change that is not ready (a feature of another
organisation's territory, a field still to be checked): it is left out of the proposal
and stays where it was edited (the layer's edit buffer, the local copy), to be proposed
later. A change is named by its :func:`change_ref` — its operation and its key: an insert's
provisional key may equal the key of a deleted feature (a feature replaced), so the key
alone does not name one change.

Pure functions on the plain data of model.py: the bridge re-validates what is included
(plugin/bridge/propose.py), the dialog keeps the set of left-out refs.
"""

from __future__ import annotations

from typing import Any, Iterable

from .model import ChangeSet

Ref = tuple      # (op, key): see change_ref


def hashable_key(key: Any) -> Any:
    """A key usable in a set: a composite key read back from JSON (a list) becomes a tuple."""
    if isinstance(key, list):
        return tuple(hashable_key(k) for k in key)
    if isinstance(key, dict):
        return tuple(sorted((k, hashable_key(v)) for k, v in key.items()))
    return key


def ref(op: str, key: Any) -> Ref:
    return (op, hashable_key(key))


def change_ref(change) -> Ref:
    """What names one change of a change set: (op, key)."""
    return ref(change.op, change.key)


def problem_ref(problem):
    """The change a validation problem is about, or None for a problem of the whole proposal
    (no key: the proposer's organisation, the CRS)."""
    if problem.key is None or problem.op is None:
        return None
    return ref(problem.op, problem.key)


def refs_of(changeset: ChangeSet) -> set:
    return {change_ref(c) for c in changeset.changes}


def known(excluded: Iterable, changeset: ChangeSet) -> frozenset:
    """The refs of ``excluded`` that name a change of ``changeset``: after the changes are
    computed again, a change that is gone (its edit undone) is no longer left out."""
    return frozenset(excluded) & frozenset(refs_of(changeset))


def included(changeset: ChangeSet, excluded: Iterable) -> ChangeSet:
    """``changeset`` without the changes named in ``excluded`` (a new ChangeSet with the same
    schema and fingerprint scheme; the changes themselves are shared, in their order).
    Nothing excluded: ``changeset`` itself."""
    excluded = frozenset(excluded)
    if not excluded:
        return changeset
    return ChangeSet(schema=changeset.schema,
                     changes=[c for c in changeset.changes if change_ref(c) not in excluded],
                     fingerprint_scheme=changeset.fingerprint_scheme)


def left_out(changeset: ChangeSet, excluded: Iterable) -> list:
    """The changes of ``changeset`` named in ``excluded``, in their order."""
    excluded = frozenset(excluded)
    return [c for c in changeset.changes if change_ref(c) in excluded]


def problems_of(problems: Iterable, which: Ref) -> list:
    """The problems about the change ``which``."""
    return [p for p in problems if problem_ref(p) == which]

