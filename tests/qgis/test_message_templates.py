"""Every error code the core raises (Python and the PostgreSQL store's SQL) has a sentence of
its own in plugin/bridge/messages/, or one of its family (``changeset`` for ``changeset.bad_op``):
never the generic "Unexpected error" with an English message. The French of every sentence
is checked by tests/unit/test_translations.py."""

from __future__ import annotations

import re
from pathlib import Path

from geogov.plugin.bridge.messages import all_messages, error_text

ROOT = Path(__file__).resolve().parents[2]
# code="a.b" / code = "a.b" (a class's default code) / refuse('GG403', 'store.x', ...)
PYTHON_CODE = re.compile(r'\bcode\s*=\s*f?"([a-z_0-9]+(?:\.[a-z_0-9]+)*)"')
SQL_CODE = re.compile(r"refuse\(\s*'GG\d+'\s*,\s*'([a-z_0-9]+(?:\.[a-z_0-9]+)+)'")
# Codes that are families only, filled at run time (code=f"http.tls.{kind}").
TEMPLATE_ONLY = re.compile(r"\{")


def raised_codes() -> dict:
    codes = {}
    for path in sorted((ROOT / "plugin").rglob("*.py")):
        for match in PYTHON_CODE.finditer(path.read_text(encoding="utf-8")):
            codes.setdefault(match.group(1), path.relative_to(ROOT).as_posix())
    for path in sorted((ROOT / "plugin").rglob("*.sql")):
        for match in SQL_CODE.finditer(path.read_text(encoding="utf-8")):
            codes.setdefault(match.group(1), path.relative_to(ROOT).as_posix())
    return codes


def _template(table, code):
    while code not in table and "." in code:
        code = code.rsplit(".", 1)[0]
    return code if code in table else None


def test_the_scan_finds_the_codes_it_should(qgis_app):
    codes = raised_codes()
    assert len(codes) > 150
    for known in ("http.redirect_scheme", "store.outside_territory", "changeset.bad_op",
                  "proposal.copy_failed", "cancelled"):
        assert known in codes


def test_every_raised_code_has_a_sentence(qgis_app):
    table = all_messages()
    missing = {code: where for code, where in raised_codes().items()
               if _template(table, code) in (None, "error") and code != "error"}
    assert missing == {}


def test_a_family_sentence_is_used_for_its_members(qgis_app):
    class Stored(Exception):
        code = "changeset.bad_op"
        params = {"op": "explode"}

    text = error_text(Stored("unknown change op"))
    assert "Unexpected error" not in text


def test_an_invalid_geometry_is_said_in_words_not_in_geos_english(qgis_app):
    from geogov.plugin.bridge.messages.proposals import problem_text
    from geogov.plugin.proposals.model import INSERT, Problem
    from geogov.plugin.proposals.validation import GEOMETRY_INVALID, geometry_reason

    reason = "Self-intersection at or near point 652001.125 6862002.5"
    text = problem_text(Problem(GEOMETRY_INVALID, key=-3, op=INSERT,
                                params={"reason": reason, **geometry_reason(reason)}))
    assert text == ("New feature no. 3 (no key yet): the geometry is not valid: its outline "
                    "crosses itself near 652001.12 6862002.5.")
    unknown = problem_text(Problem(GEOMETRY_INVALID, key="A", op=INSERT,
                                   params={"reason": "Something new"}))
    assert unknown.endswith("the geometry is not valid (Something new).")
