"""Fill French translations into i18n/geogov_fr.ts from a Python mapping file.

    /usr/bin/python3 .ci/ts_fill.py translations.py      # a file defining FR = {source: french}
    /usr/bin/python3 .ci/ts_fill.py --list [pattern]     # unfinished sources (optionally by file)

Only messages whose <source> is a key of FR are touched; the file stays as pylupdate5
writes it (run `make translate` before and after).
"""

import runpy
import sys
from pathlib import Path

from lxml import etree

TS = Path(__file__).resolve().parent.parent / "i18n" / "geogov_fr.ts"


def main(argv):
    tree = etree.parse(str(TS))
    if argv[1:2] == ["--list"]:
        pattern = argv[2] if len(argv) > 2 else ""
        for message in tree.iter("message"):
            translation = message.find("translation")
            location = message.find("location")
            where = location.get("filename") if location is not None else ""
            if translation.get("type") == "unfinished" and pattern in where:
                print(repr(message.findtext("source")), "#", where)
        return 0
    mapping = runpy.run_path(argv[1])["FR"]
    done = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source in mapping:
            translation = message.find("translation")
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            done += 1
    tree.write(str(TS), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    print(f"{done} translations set")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
