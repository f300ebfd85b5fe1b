"""Where a proposal is applied: the convention's target for its dataset, else the target
recorded with the proposal (the layer the technician edited).

The one place that binds them (issue 18 adds it for OGC API Features targets; issue 14
binds every target to the convention and will rework this): :func:`bound_target`.
"""

from __future__ import annotations

from typing import Optional

from ..proposals.model import Target


def _same_service(a: str, b: str) -> bool:
    return (a or "").split("?", 1)[0].rstrip("/").lower() == \
        (b or "").split("?", 1)[0].rstrip("/").lower()


def bound_target(recorded: Target, dataset=None) -> Target:
    """The Target to apply to: ``dataset.target`` (governance/convention.DatasetTarget)
    when the convention gives one — keeping the recorded authcfg only for the same
    service —, else ``recorded``."""
    bound = getattr(dataset, "target", None) if dataset is not None else None
    if bound is None:
        return recorded
    authcfg = recorded.authcfg if _same_service(recorded.uri, bound.url) else ""
    return Target(bound.kind, bound.url, bound.layer, bound.version, authcfg)


def dataset_of(convention, dataset_id: str):
    """The convention's dataset (None without a convention or for an unknown id)."""
    if convention is None:
        return None
    return convention.datasets.get(dataset_id)


def catalogue_record(convention, dataset_id: str) -> Optional[object]:
    """The CatalogueRecord the convention names for the dataset, else None."""
    dataset = dataset_of(convention, dataset_id)
    return getattr(dataset, "metadata", None) if dataset is not None else None
