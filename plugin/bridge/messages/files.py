"""Sentences for the files GeoGov writes on the user's disk (plugin/safe_files.py).

Exports, reports, caches and copies are written to a temporary file beside the final
one and renamed over it at the end, so each sentence can say that nothing was lost.
Params: ``path`` (the file), ``folder`` (its folder), ``detail`` (the system's words).
"""

from __future__ import annotations

from ..i18n import tr


def messages() -> dict:
    return {
        "file.write_failed": tr("The file “{path}” could not be written ({detail}). Nothing was lost: "
                                "a file that was already there is unchanged."),
        "file.disk_full": tr("The file “{path}” could not be written: the disk is full (or your disk "
                             "quota is used up). Nothing was lost: a file that was already there is "
                             "unchanged. Free some space on that disk, or choose another folder, then "
                             "try again."),
        "file.too_large": tr("The file “{path}” could not be written: it is larger than that disk or "
                             "the system allows. Nothing was lost: a file that was already there is "
                             "unchanged. Choose a folder on another disk, then try again."),
        "file.read_only": tr("The file “{path}” could not be written: its disk is read-only. Nothing "
                             "was lost: a file that was already there is unchanged. Choose a folder "
                             "you can write to, then try again."),
        "file.permission": tr("You may not write the file “{path}”: the file or its folder is "
                              "protected or read-only, or the file is open in another program. "
                              "Nothing was lost: a file that was already there is unchanged. Close "
                              "the file in other programs, or choose a folder you can write to, then "
                              "try again."),
        "file.locked": tr("The file “{path}” is open in another program, which prevents replacing "
                          "it. Nothing was lost: the file is unchanged. Close it in that program, "
                          "then try again."),
        "file.no_folder": tr("The folder of “{path}” does not exist: choose an existing folder. "
                             "Nothing was written."),
    }
