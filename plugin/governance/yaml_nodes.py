"""Safe YAML reading that keeps positions, and typed checks that collect every problem.

The convention is read with ``yaml.compose`` on the SafeLoader: a node tree whose nodes
keep their ``start_mark`` (line, column), so each problem can say where it is. Nothing
is ever constructed into Python objects by PyYAML except single scalars.

Hostile documents: an alias (``*name``) is refused where it appears and never followed,
which removes "billion laughs" (a few lines of anchors and aliases that expand to
billions of nodes) at the root; documents over :data:`MAX_BYTES` or with more than
:data:`MAX_NODES` nodes are refused before being walked, and so are documents nesting
more than :data:`MAX_DEPTH` levels (``convention.yaml.too_deep``), checked as the composer
descends, before its recursion can exhaust Python's stack. A convention has no use for
aliases: each partner and dataset is written once and referred to by its id.
"""

from __future__ import annotations

import datetime as dt
import difflib

import yaml

from ..xmlsafe import MAX_DEPTH
from .convention import Problem

MAX_BYTES = 2 * 1024 * 1024     # the demo convention is ~25 kB; a region's, a few hundred kB
MAX_NODES = 100_000

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TooManyNodes(Exception):
    def __init__(self, mark):
        super().__init__("too many nodes")
        self.mark = mark


class _TooDeep(Exception):
    def __init__(self, mark):
        super().__init__("nested too deeply")
        self.mark = mark


class _PositionKeepingLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases, counts nodes and bounds the nesting (see
    the module doc). PyYAML's scanner and parser keep their own stacks as lists; only the
    composer recurses (a few Python frames per level), through compose_node."""

    def __init__(self, stream):
        super().__init__(stream)
        self.alias_marks = []
        self.node_count = 0
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.alias_marks.append((event.anchor, event.start_mark))
            # A null placeholder: the alias is reported, its target is never shared.
            return yaml.ScalarNode(NULL, "", event.start_mark, event.end_mark)
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise _TooManyNodes(self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def position(mark) -> tuple:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def compose(data, source: str = "") -> tuple:
    """(root node or None, problems) for YAML ``data`` (bytes or str)."""
    problems = []

    def fail(code, message, mark=None, **params):
        line, column = position(mark)
        problems.append(Problem(code, message, "", line, column, source, params))

    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            fail("convention.yaml.too_big", f"The document is larger than {MAX_BYTES} bytes",
                 size=len(data), limit=MAX_BYTES)
            return None, problems
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            fail("convention.yaml.encoding", f"The document is not UTF-8 text: {exc.reason} "
                 f"at byte {exc.start}", offset=exc.start)
            return None, problems
    elif len(data.encode("utf-8")) > MAX_BYTES:
        fail("convention.yaml.too_big", f"The document is larger than {MAX_BYTES} bytes",
             size=len(data.encode("utf-8")), limit=MAX_BYTES)
        return None, problems
    loader = None
    try:
        # The reader checks for unprintable characters as soon as it is built.
        loader = _PositionKeepingLoader(data)
        root = loader.get_single_node()
    except _TooManyNodes as exc:
        fail("convention.yaml.too_big", f"The document has more than {MAX_NODES} nodes",
             exc.mark, nodes=MAX_NODES, limit=MAX_NODES)
        return None, problems
    except _TooDeep as exc:
        # depth: where reading stopped (the document may nest deeper still).
        fail("convention.yaml.too_deep", f"The document nests more than {MAX_DEPTH} levels "
             "deep", exc.mark, depth=MAX_DEPTH + 1, limit=MAX_DEPTH)
        return None, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(p for p in (exc.context, exc.problem) if p)
        fail("convention.yaml.syntax", f"YAML syntax error: {detail}", mark, detail=detail)
        return None, problems
    except yaml.reader.ReaderError as exc:  # a control character: no mark, only an offset
        line = data.count("\n", 0, exc.position) + 1
        column = exc.position - (data.rfind("\n", 0, exc.position) + 1) + 1
        problems.append(Problem("convention.yaml.syntax", f"YAML error: {exc}", "", line,
                                column, source, {"detail": str(exc)}))
        return None, problems
    finally:
        if loader is not None:
            loader.dispose()
    if loader.alias_marks:
        # The first one says where; a bomb has thousands, listing them would be a flood.
        anchor, mark = loader.alias_marks[0]
        count = len(loader.alias_marks)
        fail("convention.yaml.alias", f"YAML aliases (*{anchor}) are not accepted in a "
             f"convention ({count} found): write the value out, or refer to it by id", mark,
             anchor=anchor, count=count)
        return None, problems
    if root is None:
        fail("convention.yaml.empty", "The document is empty")
    return root, problems


def suggestion(word: str, choices) -> str:
    """The closest of ``choices`` to ``word`` ("" when none is close): "did you mean …?"."""
    lowered = {str(c).lower(): str(c) for c in choices}
    close = difflib.get_close_matches(str(word).lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else ""


def kind_of(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if node is None or node.tag == NULL:
        return "nothing"
    return {BOOL: "true/false", TIMESTAMP: "date"}.get(node.tag, "text")


class Checker:
    """Typed reads of nodes; every failed read adds a :class:`Problem` and returns None."""

    def __init__(self, source: str = ""):
        self.source = source
        self.problems = []

    def report(self, problem_code, message, node, path, /, severity="error", **params):
        # Positional-only: a problem's params may themselves be called "code" or "path".
        line, column = position(node.start_mark if node is not None else None)
        self.problems.append(Problem(problem_code, message, path, line, column, self.source,
                                     params, severity))

    def wrong_type(self, node, path, expected):
        found = kind_of(node)
        self.report("convention.type", f"Expected {expected}, found {found}", node, path,
                    expected=expected, found=found)

    def mapping(self, node, path, required=(), optional=()):
        """{key: value node} of a mapping, reporting missing, unknown and duplicate keys."""
        if not isinstance(node, yaml.MappingNode):
            self.wrong_type(node, path, "mapping")
            return None
        allowed = tuple(required) + tuple(optional)
        out = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key_path = f"{path}.{key}" if path else str(key)
            if key is None:
                self.wrong_type(key_node, path, "a key")
                continue
            if key in out:
                self.report("convention.duplicate_key", f"The key '{key}' is given twice",
                            key_node, key_path, key=key)
                continue
            if key not in allowed:
                close = suggestion(key, allowed)
                hint = f"; did you mean '{close}'?" if close else ""
                self.report("convention.unknown_key", f"Unknown key '{key}'{hint}", key_node,
                            key_path, key=key, suggestion=close, allowed=list(allowed))
                continue
            out[key] = value_node
        for key in required:
            if key not in out:
                self.report("convention.missing_key", f"The required key '{key}' is missing",
                            node, path, key=key)
        return out

    def sequence(self, node, path, scalar_ok=False):
        """[(path, node)] of a list; a lone scalar counts as a one-item list when allowed."""
        if isinstance(node, yaml.SequenceNode):
            return [(f"{path}[{i}]", item) for i, item in enumerate(node.value)]
        if scalar_ok and isinstance(node, yaml.ScalarNode) and node.tag != NULL:
            return [(path, node)]
        self.wrong_type(node, path, "list")
        return None

    def text(self, node, path, empty_ok=False):
        """The text of a scalar, as written (75, 01 and 1.10 stay "75", "01", "1.10")."""
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL:
            self.wrong_type(node, path, "text")
            return None
        value = node.value.strip()
        if not value and not empty_ok:
            self.report("convention.empty", "Expected text, found an empty value", node, path)
            return None
        return value

    def texts(self, node, path, scalar_ok=True):
        items = self.sequence(node, path, scalar_ok=scalar_ok)
        if items is None:
            return None
        values = [(p, n, self.text(n, p)) for p, n in items]
        return [(p, n, v) for p, n, v in values if v is not None]

    def number(self, node, path, minimum=None):
        """A number (int or float, as YAML writes them); None (reported) otherwise."""
        value = None
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL:
            try:
                value = float(node.value.strip())
            except ValueError:
                value = None
        if value is None or value != value or value in (float("inf"), float("-inf")):
            self.wrong_type(node, path, "a number")
            return None
        if minimum is not None and value < minimum:
            self.report("convention.too_small", f"Expected at least {minimum:g}, found {value:g}",
                        node, path, value=f"{value:g}", minimum=f"{minimum:g}")
            return None
        return value

    def boolean(self, node, path):
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.wrong_type(node, path, "true or false")
        return None

    def date(self, node, path):
        """A date written 2026-05-31 (plain or quoted); a time of day is dropped."""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (TIMESTAMP, STR):
            self.wrong_type(node, path, "a date (YYYY-MM-DD)")
            return None
        try:
            if node.tag == TIMESTAMP:
                value = yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
            else:
                value = dt.date.fromisoformat(node.value.strip())
        except ValueError:
            self.report("convention.bad_date", f"'{node.value}' is not a date (YYYY-MM-DD)",
                        node, path, value=node.value)
            return None
        return value.date() if isinstance(value, dt.datetime) else value
