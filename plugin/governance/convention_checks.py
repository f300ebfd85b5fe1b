"""Checks that need the whole convention: unique logins and matches, DPO presence, warnings.

They run on whatever part of the document could be read, so a convention with a typo in
one dataset still gets every other problem reported in the same pass.
"""

from __future__ import annotations

from . import convention as model


def check_whole_document(reader) -> None:
    check = reader.check
    for login, places in reader.logins.items():
        for node, path in places[1:]:
            first = places[0][0].start_mark.line + 1
            check.report("convention.duplicate_login", f"The login '{login}' is already given "
                         f"to another contact (line {first}): a login is one person",
                         node, path, login=login, first_line=first)
    for key, places in reader.match_refs.items():
        for node, path in places[1:]:
            first = places[0][0].start_mark.line + 1
            what = "record identifier" if key[0] == "record" else "service layer"
            check.report("convention.duplicate_match", f"This {what} already identifies another "
                         f"dataset (line {first}): a record or layer belongs to one dataset",
                         node, path, value=key[1], first_line=first)
    partners = reader.partners or {}
    datasets = reader.datasets or {}
    for keys, path in reader.dataset_keys:
        did = keys["id"].value.strip() if "id" in keys and hasattr(keys["id"], "value") else None
        dataset = datasets.get(did)
        if dataset is None:
            continue
        _check_dataset(check, dataset, keys, path, partners)


def _check_dataset(check, dataset, keys, path, partners) -> None:
    steward_partners = [partners[a.partner] for a in dataset.stewards if a.partner in partners]
    at = keys.get("approval") or keys["id"]
    if model.DPO in dataset.approval and not any(p.contacts_with_role(model.DPO)
                                                 for p in steward_partners):
        check.report("convention.no_dpo_contact", "The approval rule needs a DPO, but no steward "
                     "partner of this dataset has a contact with the role dpo", at,
                     f"{path}.approval", dataset=dataset.id)
    if dataset.personal_data and model.DPO not in dataset.approval:
        check.report("convention.personal_data_without_dpo", "The dataset holds personal data "
                     "but its approval rule does not require the DPO", at, f"{path}.approval",
                     severity="warning", dataset=dataset.id)
    for index, assignment in enumerate(dataset.stewards):
        partner = partners.get(assignment.partner)
        if partner is not None and not partner.contacts_with_role(model.STEWARD):
            check.report("convention.steward_without_contact", f"The steward partner "
                         f"'{partner.id}' has no contact with the role steward: nobody will be "
                         "notified of proposals", keys["stewards"],
                         f"{path}.stewards[{index}]", severity="warning", partner=partner.id,
                         dataset=dataset.id)
    match = dataset.match
    if not (match.record_ids or match.services or match.sources):
        check.report("convention.no_match", "Nothing says how to recognise this dataset "
                     "(match: records, services or sources)", keys["id"], f"{path}.match",
                     severity="warning", dataset=dataset.id)
