"""Documents nesting thousands of levels: refused at once with ``document.too_deep`` (JSON)
or ``convention.yaml.too_deep`` (a convention's YAML), before any parser's recursion can
end in a RecursionError; every real document of the corpus nests far less than the limit.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from geogov.plugin.catalogue import documents
from geogov.plugin.errors import ConventionError, DocumentError
from geogov.plugin.governance import yaml_nodes
from geogov.plugin.governance.convention_loader import load_convention, parse_convention
from geogov.plugin.xmlsafe import MAX_DEPTH, json_depth, parse_json

HERE = Path(__file__).resolve().parent / "conventions"
# Generous for a loaded machine: the refusals measured take milliseconds (YAML's ~0.2 s).
QUICK = 1.0


def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


def timed(call):
    start = time.perf_counter()
    try:
        call()
    except (DocumentError, ConventionError) as error:
        return error, time.perf_counter() - start
    raise AssertionError("not refused")


@pytest.mark.parametrize("text", [
    nested(100_000),
    '{"a": ' * 5_000 + "1" + "}" * 5_000,
    '{"type": "Feature", "properties": {"keywords": ' + nested(3_000, '"x"') + "}}",
    nested(2_000, ""),                                  # nested empty arrays
    "[" * 200_000,                                      # never closed: refused as too deep
])
def test_deep_json_is_refused_quickly(text):
    error, elapsed = timed(lambda: parse_json(text.encode(), source="deep.json"))
    assert error.code == "document.too_deep"
    assert error.params["limit"] == MAX_DEPTH and error.params["depth"] > MAX_DEPTH
    assert error.source == "deep.json"
    assert elapsed < QUICK


def test_the_limit_itself_is_read_and_brackets_in_strings_do_not_count():
    assert parse_json(nested(MAX_DEPTH)) == json.loads(nested(MAX_DEPTH))
    with pytest.raises(DocumentError) as caught:
        parse_json(nested(MAX_DEPTH + 1))
    assert caught.value.params["depth"] == MAX_DEPTH + 1
    text = json.dumps({"note": "[" * 500 + '\\"{{' * 100, "values": [[1, 2]]})
    assert json_depth(text) == 3 and parse_json(text)["values"] == [[1, 2]]
    # An unterminated string does not make the scan slow or the depth wrong.
    hostile = '"' + '\\"' * 200_000 + "[" * 100
    start = time.perf_counter()
    assert json_depth(hostile) == 0
    assert time.perf_counter() - start < QUICK


def test_a_deep_document_file_is_refused_by_the_document_reader(tmp_path):
    path = tmp_path / "record.json"
    path.write_text('{"type": "Feature", "properties": {"title": ' + nested(10_000) + "}}")
    error, elapsed = timed(lambda: documents.read_file(path))
    assert (error.code, error.params["limit"]) == ("document.too_deep", MAX_DEPTH)
    assert elapsed < QUICK


def test_real_documents_nest_far_less_than_the_limit(shared_data):
    files = sorted(shared_data.rglob("*.json")) + sorted(shared_data.rglob("*.geojson"))
    assert len(files) >= 20
    deepest = max(json_depth(p.read_text(encoding="utf-8")) for p in files)
    assert 8 <= deepest <= MAX_DEPTH // 2


def convention_with(value: str) -> bytes:
    """The minimal valid convention with ``value`` as a partner's siren."""
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    return text.replace("kind: région\n", f"kind: région\n    siren: {value}\n", 1).encode()


def block(depth: int) -> str:
    lines = [" " * (6 + 2 * i) + f"k{i}:" for i in range(depth)]
    return "\n" + "\n".join(lines) + " x"


@pytest.mark.parametrize("value", [
    nested(50_000),                                  # flow style: one line
    "{a: " * 20_000 + "1" + "}" * 20_000,
    block(900),                                      # block style (indentation grows)
])
def test_deep_yaml_is_a_convention_problem_not_a_recursion_error(value):
    data = convention_with(value)
    assert len(data) <= yaml_nodes.MAX_BYTES
    start = time.perf_counter()
    convention, problems = parse_convention(data, source="deep.yaml")
    elapsed = time.perf_counter() - start
    assert convention is None
    [problem] = problems
    assert problem.code == "convention.yaml.too_deep"
    assert problem.params == {"depth": MAX_DEPTH + 1, "limit": MAX_DEPTH}
    assert problem.line >= 1 and problem.source == "deep.yaml"
    assert elapsed < QUICK


def test_yaml_within_the_limit_reads_on(tmp_path):
    # Nesting within the limit is not refused as too deep: the siren is then only the
    # wrong type, reported as usual.
    _, problems = parse_convention(convention_with(nested(MAX_DEPTH - 4)))
    assert [p.code for p in problems] == ["convention.type"]
    path = tmp_path / "deep.yaml"
    path.write_bytes(convention_with(nested(5_000)))
    with pytest.raises(ConventionError) as caught:
        load_convention(path)
    assert caught.value.problems[0].code == "convention.yaml.too_deep"


def test_a_deep_geometry_file_named_by_the_convention_is_refused(tmp_path):
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('{departements: ["94"]}', "{geometry: cd94.geojson}")
    (tmp_path / "convention.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "cd94.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"x": ' + nested(5_000) + '}, "geometry": {"type": "Polygon", "coordinates": '
        '[[[2.45, 48.785], [2.465, 48.785], [2.465, 48.795], [2.45, 48.785]]]}}]}')
    error, elapsed = timed(lambda: load_convention(tmp_path / "convention.yaml"))
    [problem] = error.problems
    assert (problem.code, problem.path) == ("territory.geometry_too_deep",
                                            "partners[1].territory.geometry")
    assert problem.params["limit"] == MAX_DEPTH and problem.params["depth"] > MAX_DEPTH
    assert elapsed < QUICK
