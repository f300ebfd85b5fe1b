"""Typed reads of parsed JSON: one rule for "the value at this path must be …".

A JSON document from a server or a user can hold any type anywhere. The readers of the
core (OGC API Records, OGC API Features) read it through :class:`Expect`, which either
returns a value of the type the reader relies on or raises :class:`DocumentError`
``json.type`` with the params

* ``path``: where, from the document's root: ``properties.contacts[2].roles`` ("" is the
  document itself);
* ``expected``: what was expected, one of the ``EXPECT_*`` words below;
* ``found``: what is there, one of the ``FOUND_*`` words.

The words are stable English phrases: the UI translates them (plugin/bridge/messages/documents.py),
never the core. Absent values and ``null`` read as "nothing" (an empty string, an empty
list, None) wherever a reader can do without them; a reader that requires a value
checks its presence itself.
"""

from __future__ import annotations

import math

from .errors import DocumentError

EXPECT_OBJECT = "an object"
EXPECT_LIST = "a list"
EXPECT_STRING = "a string"
EXPECT_NUMBER = "a number"
EXPECT_INTEGER = "an integer"
EXPECT_STRINGS = "a list of strings"
EXPECT_OBJECTS = "a list of objects"
EXPECT_STRING_OR_OBJECT = "a string or an object"
EXPECT_OBJECT_OR_NULL = "an object or null"
EXPECT_ID = "a string or a number"
EXPECT_POSITION = "a position (two or more numbers)"
EXPECT_BOX = "a box (4 or 6 numbers)"
EXPECT_TYPE_NAME = "a string or a list of strings"     # a JSON Schema "type"
EXPECTED_WORDS = (EXPECT_OBJECT, EXPECT_LIST, EXPECT_STRING, EXPECT_NUMBER, EXPECT_INTEGER,
                  EXPECT_STRINGS, EXPECT_OBJECTS, EXPECT_STRING_OR_OBJECT,
                  EXPECT_OBJECT_OR_NULL, EXPECT_ID, EXPECT_POSITION, EXPECT_BOX,
                  EXPECT_TYPE_NAME)

FOUND_OBJECT = "an object"
FOUND_LIST = "a list"
FOUND_STRING = "a string"
FOUND_NUMBER = "a number"
FOUND_BOOLEAN = "true or false"
FOUND_NULL = "null"
FOUND_WORDS = (FOUND_OBJECT, FOUND_LIST, FOUND_STRING, FOUND_NUMBER, FOUND_BOOLEAN,
               FOUND_NULL)


def kind_of(value) -> str:
    """The JSON kind of a parsed value, as a ``FOUND_*`` word."""
    if value is None:
        return FOUND_NULL
    if isinstance(value, bool):
        return FOUND_BOOLEAN
    if isinstance(value, (int, float)):
        return FOUND_NUMBER
    if isinstance(value, str):
        return FOUND_STRING
    if isinstance(value, dict):
        return FOUND_OBJECT
    return FOUND_LIST


def is_number(value) -> bool:
    """A JSON number (true/false are not numbers, though Python's bool is an int)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def child(path: str, key) -> str:
    """The path of ``key`` (a member name) or of item ``key`` (an int) under ``path``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


class Expect:
    """Typed reads in one document (``source`` names it in the errors)."""

    def __init__(self, source: str | None = None):
        self.source = source or None

    def wrong(self, value, path: str, expected: str) -> DocumentError:
        found = kind_of(value)
        where = path or "the document"
        return DocumentError(f"In the JSON document, {where} should be {expected}, "
                             f"not {found}", code="json.type", source=self.source,
                             path=path, expected=expected, found=found)

    # ------------------------------------------------------------------ containers
    def object(self, value, path: str) -> dict:
        """``value``, which must be an object."""
        if not isinstance(value, dict):
            raise self.wrong(value, path, EXPECT_OBJECT)
        return value

    def object_or_none(self, value, path: str):
        """``value`` as an object, or None when absent/null."""
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.wrong(value, path, EXPECT_OBJECT_OR_NULL)
        return value

    def items(self, value, path: str) -> list:
        """[(item path, item)] of a list; absent/null is an empty list."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.wrong(value, path, EXPECT_LIST)
        return [(child(path, i), item) for i, item in enumerate(value)]

    def objects(self, value, path: str) -> list:
        """[(item path, object)] of a list of objects; absent/null is an empty list."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.wrong(value, path, EXPECT_OBJECTS)
        return [(p, self.object(item, p)) for p, item in self.items(value, path)]

    # ------------------------------------------------------------------ scalars
    def text(self, value, path: str, multilingual: bool = False) -> str:
        """A string, stripped; absent/null is "". ``multilingual``: an object of language
        -> string (pre-1.0 drafts: ``{"en": "…", "fr": "…"}``) gives its first string."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if multilingual and isinstance(value, dict):
            for key, translated in value.items():
                if translated is not None:
                    return self.text(translated, child(path, key))
            return ""
        raise self.wrong(value, path, EXPECT_STRING_OR_OBJECT if multilingual else EXPECT_STRING)

    def texts(self, value, path: str, lone: bool = False, multilingual: bool = False) -> list:
        """The strings of a list of strings; absent/null is []. ``lone``: a single string
        stands for a one-item list (the forms a module documents as tolerated)."""
        if value is None:
            return []
        if lone and isinstance(value, str):
            return [value.strip()]
        if not isinstance(value, list):
            raise self.wrong(value, path, EXPECT_STRINGS)
        return [self.text(item, p, multilingual) for p, item in self.items(value, path)]

    def identifier(self, value, path: str) -> str:
        """An id: a string or a number (GeoJSON allows both); absent/null is ""."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if is_number(value) and math.isfinite(value):
            return str(value)
        raise self.wrong(value, path, EXPECT_ID)

    def number(self, value, path: str) -> float:
        if not is_number(value):
            raise self.wrong(value, path, EXPECT_NUMBER)
        return float(value)

    def integer_or_none(self, value, path: str):
        """An integer count (``numberMatched``…), None when absent/null."""
        if value is None:
            return None
        if is_number(value) and float(value).is_integer():
            return int(value)
        raise self.wrong(value, path, EXPECT_INTEGER)
