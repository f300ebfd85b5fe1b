"""Sentences for the proposal store's errors (plugin/proposals/stores/base.py ERROR_CODES).

Params come from the stores: for PostgreSQL, from the database's own refusal (the JSON
in its HINT, see plugin/proposals/stores/postgres/errors.py); for the GeoPackage store, from
the same checks in code. ``{message}`` is the store's English text, kept for the
unexpected cases.
"""

from __future__ import annotations

from ..i18n import tr


def messages() -> dict:
    return {
        "store": tr("The proposal store refused the operation: {message}"),
        "store.permission": tr("The proposal database refused this operation to your login."),
        "store.concurrent": tr("Someone changed this proposal meanwhile (last change by {by}). "
                               "Reload it and decide again."),
        "store.busy": tr("The proposal store is busy: another user is writing to it. Try again in "
                         "a moment."),
        "store.not_found": tr("This proposal does not exist, or you may not see it."),
        "store.transition": tr("A proposal cannot go from “{old}” to “{new}”."),
        "store.not_author": tr("Only the author of the proposal may do this."),
        "store.self_review": tr("You cannot decide a proposal whose changes you wrote or rebased: "
                                "another reviewer must decide it."),
        "store.not_yourself": tr("Decisions are taken as the login that connected to the database, "
                                 "not under another login's role."),
        "store.not_reviewer": tr("You are not a steward, DPO or coordinator for this proposal."),
        "store.not_applier": tr("Only a steward of this dataset or a coordinator may do this."),
        "store.not_under_review": tr("This proposal is not awaiting a decision (it is “{status}”)."),
        "store.not_editable": tr("A proposal that is “{status}” cannot be edited."),
        "store.comment_required": tr("A comment is required to reject a proposal or to request "
                                     "changes."),
        "store.approvals_missing": tr("The approvals the dataset's rule requires are not all given."),
        "store.not_proposer": tr("Your organisation may not propose changes to this dataset."),
        "store.outside_territory": tr("The changes lie outside your organisation's territory."),
        "store.wrong_target": tr("The proposal does not point at the layer the convention names for "
                                 "this dataset: it cannot be stored."),
        "store.wrong_srid": tr("The changes are not in the dataset's coordinate reference system "
                               "(EPSG:{srid})."),
        "store.bad_id": tr("This proposal id was not made for your login: GeoGov makes one for each "
                           "new draft."),
        "store.one_key_each": tr("You have already approved this proposal: each approval it needs is "
                                 "given by a different person."),
        "store.reference_crs": tr("The territory reference's coordinate reference system has no "
                                  "EPSG code: PostGIS cannot hold it."),
        "store.unknown_member": tr("This login is not a member of the partnership convention."),
        "store.immutable": tr("The author, organisation and dataset of a proposal cannot change."),
        "store.append_only": tr("The audit trail cannot be changed or deleted."),
        "store.bad_value": tr("The proposal store refused a value: {message}"),
        "store.duplicate": tr("A proposal with this identifier already exists."),
        "store.offline": tr("The proposal database cannot be reached. Drafts are kept on this "
                            "computer and can be submitted later."),
        "store.auth": tr("The proposal database refused the login: check the user name and "
                         "password of the authentication configuration chosen in GeoGov's "
                         "settings."),
        "store.schema_newer": tr("This proposal store was created by a newer version of GeoGov. "
                                 "Update the plugin."),
        "store.schema_older": tr("This proposal database was set up for an older version of GeoGov "
                                 "(schema {version}; this plugin needs {needed}). Nothing was "
                                 "changed. Ask its administrator to run the Processing algorithm "
                                 "“Set up the PostgreSQL proposal store (administrator)” "
                                 "(geogov:setup_postgres_store) on it again: it upgrades it in "
                                 "place, keeping every proposal and the audit trail."),
        "store.file": tr("The proposal file cannot be used: {message}"),
        "store.file.no_folder": tr("The folder of the proposal file does not exist: {folder}. "
                                   "Choose another file in Settings ▸ Options ▸ GeoGov."),
        "store.file.is_folder": tr("The proposal store is a folder, not a GeoPackage file: "
                                   "choose a .gpkg file in Settings ▸ Options ▸ GeoGov."),
        # The file of a GeoPackage store (plugin/proposals/stores/geopackage/reads.py store_error): the
        # operation was rolled back, nothing in the file changed.
        "store.disk_full": tr("The proposal store “{path}” could not be written: the disk is full (or "
                              "your disk quota is used up). Nothing was lost: the store is as it was "
                              "before, and what you were saving is still here in QGIS. Free some space "
                              "on that disk, then try again."),
        "store.read_only": tr("The proposal store “{path}” is read-only: the file, its folder or the "
                              "drive cannot be written to. Nothing was lost: the store is as it was "
                              "before, and what you were saving is still here in QGIS. Ask for the "
                              "right to write to the file and its folder, then try again; or choose "
                              "another file in Settings ▸ Options ▸ GeoGov."),
        "store.locked": tr("The proposal store “{path}” is locked: another user or program is writing "
                           "to it. Nothing was lost: the store is as it was before, and what you were "
                           "saving is still here in QGIS. Try again in a moment; if it stays locked, "
                           "close the program that holds the file open (a database tool, another "
                           "QGIS)."),
        "store.unopenable": tr("The proposal store “{path}” cannot be opened for writing: SQLite must "
                               "create a temporary journal file beside it, in “{folder}”. Nothing was "
                               "lost: the store is as it was before, and what you were saving is "
                               "still here in QGIS. Check that the folder is still there (a network "
                               "drive may be disconnected) and that you may write to it, then try "
                               "again."),
        "store.io_error": tr("The disk failed while writing the proposal store “{path}” ({detail}): it "
                             "may be full, over its quota, or a network drive that was disconnected. "
                             "Nothing was lost: the store is as it was before, and what you were "
                             "saving is still here in QGIS. Check the disk, then try again."),
        "store.corrupt": tr("The proposal store “{path}” is damaged ({detail}): GeoGov wrote nothing "
                            "to it. Restore it from a backup, or ask your coordinator."),
        "store.not_a_database": tr("The file “{path}” is not a GeoPackage proposal store: GeoGov wrote "
                                   "nothing to it. Choose the right file in Settings ▸ Options ▸ "
                                   "GeoGov."),
        "store.database": tr("The proposal database failed: {message}"),
        "store.authcfg": tr("The QGIS authentication configuration {authcfg} cannot be read."),
    }
