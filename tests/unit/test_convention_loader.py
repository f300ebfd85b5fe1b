"""The convention validator: one broken document per kind of problem, each located exactly.

The expected line and column are not copied from the validator's output: each case names
the piece of text the problem is about, and the test finds where that text is in the
fixture file (tests/unit/conventions/).
"""

from pathlib import Path

import pytest

from geogov.plugin.errors import ConventionError, NetworkError
from geogov.plugin.governance import yaml_nodes
from geogov.plugin.governance.convention_loader import (
    load_convention,
    load_convention_bytes,
    load_convention_url,
    parse_convention,
)
from geogov.plugin.transport import Response

HERE = Path(__file__).resolve().parent / "conventions"


def locate(name: str, needle: str, occurrence: int = 1) -> tuple:
    """1-based (line, column) of the n-th occurrence of ``needle`` in a fixture."""
    text = (HERE / name).read_text(encoding="utf-8")
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


# file, expected code, text the problem points at (occurrence), expected path
CASES = [
    ("syntax-error.yaml", "convention.yaml.syntax", (": {departements", 1), ""),
    ("wrong-type.yaml", "convention.type", ("{id: cd94}", 1), "datasets[0].producers"),
    ("missing-key.yaml", "convention.missing_key", ("id: velo", 1), "datasets[0]"),
    ("unknown-key.yaml", "convention.unknown_key", ("stewart", 1), "datasets[0].stewart"),
    ("unknown-partner.yaml", "convention.unknown_partner", ("cd49", 1),
     "datasets[0].stewards[0].partner"),
    ("bad-frequency.yaml", "convention.bad_frequency", ("quaterly", 1), "datasets[0].frequency"),
    ("bad-dissemination.yaml", "convention.bad_dissemination", ("public", 1),
     "datasets[0].dissemination"),
    ("bad-kind.yaml", "convention.bad_kind", ("departemant", 1), "partners[1].kind"),
    ("duplicate-id.yaml", "convention.duplicate_id", ("cd94", 2), "partners[2].id"),
    ("unknown-commune.yaml", "convention.unknown_commune", ('"94999"', 1),
     "partners[1].territory.communes[1]"),
    ("unknown-departement.yaml", "convention.unknown_departement", ('"96"', 1),
     "partners[1].territory.departements[0]"),
    ("unknown-epci.yaml", "convention.unknown_epci", ('"200057940"', 1),
     "partners[1].territory.epci[0]"),
    ("bad-date.yaml", "convention.bad_date", ("2026-02-30", 1), "convention.signed"),
    ("unsupported-format.yaml", "convention.format", ("geogov.convention/2", 1), "format"),
    ("duplicate-key.yaml", "convention.duplicate_key", ("personal_data", 2),
     "datasets[0].personal_data"),
    ("duplicate-login.yaml", "convention.duplicate_login", ("coord}", 2),
     "partners[1].contacts[0].login"),
    ("bad-role.yaml", "convention.bad_role", ("stewart", 1), "partners[1].contacts[0].roles[0]"),
    ("bad-boolean.yaml", "convention.type", ("non", 1), "datasets[0].personal_data"),
    ("no-dpo-contact.yaml", "convention.no_dpo_contact", ("[steward, dpo]", 1),
     "datasets[0].approval"),
    ("alias-bomb.yaml", "convention.yaml.alias", ("*a", 1), ""),
]


@pytest.mark.parametrize("name, code, needle, path", CASES, ids=[c[0] for c in CASES])
def test_each_broken_convention_reports_its_problem_where_it_is(name, code, needle, path):
    convention, problems = parse_convention((HERE / name).read_bytes(), source=name)
    assert convention is None
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == [code], [str(p) for p in errors]
    problem = errors[0]
    assert (problem.line, problem.column) == locate(name, *needle)
    assert problem.path == path
    assert problem.source == name
    assert problem.message  # English text for logs and headless use


def test_the_syntax_error_says_what_yaml_expected():
    # PyYAML reports where it gave up (the next key), not the bracket: the message says why.
    _c, problems = parse_convention((HERE / "syntax-error.yaml").read_bytes())
    assert "flow sequence" in problems[0].params["detail"]


def test_close_spellings_get_a_suggestion():
    suggestions = {}
    for name in ("unknown-key.yaml", "unknown-partner.yaml", "bad-frequency.yaml",
                 "bad-kind.yaml", "bad-role.yaml"):
        _c, problems = parse_convention((HERE / name).read_bytes())
        suggestions[name] = problems[0].params["suggestion"]
    assert suggestions == {"unknown-key.yaml": "stewards", "unknown-partner.yaml": "cd94",
                           "bad-frequency.yaml": "quarterly", "bad-kind.yaml": "département",
                           "bad-role.yaml": "steward"}


def test_every_problem_of_a_document_is_reported_not_only_the_first():
    name = "several-problems.yaml"
    _c, problems = parse_convention((HERE / name).read_bytes(), source=name)
    found = [(p.code, p.path, p.line) for p in problems]
    assert found == [
        ("convention.bad_kind", "partners[1].kind", locate(name, "departemant")[0]),
        ("convention.unknown_partner", "datasets[0].maintainer", locate(name, "regoin")[0]),
        ("convention.bad_frequency", "datasets[0].frequency", locate(name, "montly")[0]),
    ]


def test_a_broken_convention_never_half_loads():
    with pytest.raises(ConventionError) as caught:
        load_convention(HERE / "several-problems.yaml")
    error = caught.value
    assert error.code == "convention.invalid"
    assert len(error.problems) == 3
    assert error.params["count"] == 3
    assert str(HERE / "several-problems.yaml") in str(error)


def test_the_minimal_convention_loads_with_its_helpers():
    convention = load_convention(HERE / "valid-minimal.yaml")
    assert convention.warnings == []
    assert list(convention.partners) == ["region", "cd94"]
    assert convention.partners["cd94"].kind == "departement"
    assert convention.coordinator == "region"
    assert str(convention.signed) == "2026-01-15"
    dataset = convention.datasets["velo"]
    assert dataset.producers == ["cd94"]
    assert dataset.approval == ["steward"]
    assert dataset.proposers == ["*"]
    val_de_marne = convention.reference.departement_communes("94")
    assert [p.id for p in convention.stewards_for("velo", val_de_marne)] == ["cd94"]
    assert [p.id for p in convention.stewards_for("velo", ["94028"])] == ["cd94"]
    seine_saint_denis = convention.reference.departement_communes("93")
    assert [p.id for p in convention.stewards_for("velo", seine_saint_denis)] == ["region"]
    # the dataset as a whole: every steward, each for its territory
    assert [p.id for p in convention.stewards_for("velo")] == ["cd94", "region"]
    assert convention.roles_of_login("coord") == {"steward", "coordinator"}
    assert convention.partner_of_login("steward94").id == "cd94"
    assert convention.partner_of_login("nobody") is None
    assert convention.roles_of_login("nobody") == set()


def test_aliases_bombs_are_refused_without_being_expanded():
    data = (HERE / "alias-bomb.yaml").read_bytes()
    _c, problems = parse_convention(data)
    assert problems[0].params["count"] == 80   # 8 lines of 10 aliases: all found, one report
    assert len(problems) == 1


def test_a_single_harmless_alias_is_refused_too():
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("producers: cd94", "producers: &p cd94").replace(
        "stewards: [{partner: cd94, territory: own}, region]", "stewards: [*p]")
    _c, problems = parse_convention(text)
    assert [p.code for p in problems] == ["convention.yaml.alias"]
    assert problems[0].params["anchor"] == "p"


def test_a_huge_document_is_refused_before_parsing():
    data = b"format: geogov.convention/1\n# " + b"x" * yaml_nodes.MAX_BYTES
    _c, problems = parse_convention(data)
    assert [p.code for p in problems] == ["convention.yaml.too_big"]
    assert problems[0].params["size"] == len(data)


def test_a_document_with_too_many_nodes_is_refused(monkeypatch):
    monkeypatch.setattr(yaml_nodes, "MAX_NODES", 50)
    _c, problems = parse_convention((HERE / "valid-minimal.yaml").read_bytes())
    assert [p.code for p in problems] == ["convention.yaml.too_big"]
    assert problems[0].line > 1


@pytest.mark.parametrize("data, code", [
    (b"", "convention.yaml.empty"),
    (b"# only a comment\n", "convention.yaml.empty"),
    (b"- a list\n- not a mapping\n", "convention.type"),
    (b"format: geogov.convention/1\n---\nformat: again\n", "convention.yaml.syntax"),
    (b"\xff\xfe not utf-8", "convention.yaml.encoding"),
    (b"format: geogov.convention/1\ntitle: \x07bell\n", "convention.yaml.syntax"),
])
def test_unusable_documents(data, code):
    convention, problems = parse_convention(data)
    assert convention is None
    assert problems[0].code == code


def test_a_control_character_is_located():
    _c, problems = parse_convention(b"format: geogov.convention/1\ntitle: \x07bell\n")
    assert (problems[0].line, problems[0].column) == (2, 8)


def test_missing_top_level_sections_are_all_reported():
    _c, problems = parse_convention(b"format: geogov.convention/1\n")
    assert sorted(p.params["key"] for p in problems) == ["convention", "datasets", "partners"]
    assert all(p.code == "convention.missing_key" and p.line == 1 for p in problems)


def test_codes_written_as_numbers_keep_their_text():
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('{departements: ["94"]}', "{departements: [94, 93], communes: [75056]}")
    convention, problems = parse_convention(text)
    assert problems == []
    territory = convention.partners["cd94"].territory
    assert territory.departements == ["94", "93"]
    assert territory.communes == ["75056"]
    assert len(territory.members) == 47 + 39 + 1


def test_a_departement_outside_the_reference_is_located():
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('{departements: ["94"]}', '{departements: ["94", "01"]}')
    _c, problems = parse_convention(text)
    assert [(p.code, p.path, p.params["code"]) for p in problems] == [
        ("convention.departement_outside_reference", "partners[1].territory.departements[1]", "01")]
    assert problems[0].params["reference"] == "Île-de-France"


def test_a_departement_code_without_its_zero_gets_a_suggestion():
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('{departements: ["94"]}', '{departements: ["1"]}')
    _c, problems = parse_convention(text)
    assert problems[0].code == "convention.unknown_departement"
    assert problems[0].params["suggestion"] == "01"


def test_personal_data_without_dpo_is_a_warning_not_an_error():
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("personal_data: false", "personal_data: true\n    approval: [steward]")
    convention = load_convention_bytes(text)
    assert [w.code for w in convention.warnings] == ["convention.personal_data_without_dpo"]


def test_personal_data_defaults_to_steward_and_dpo_approval():
    text = (HERE / "no-dpo-contact.yaml").read_text(encoding="utf-8")
    text = text.replace("    approval: [steward, dpo]\n", "").replace(
        "roles: [steward], login: steward94}",
        "roles: [steward], login: steward94}\n      - {name: DPO, roles: [DPO]}")
    convention = load_convention_bytes(text)
    assert convention.datasets["velo"].approval == ["steward", "dpo"]
    reference = convention.reference
    assert [c.name for c in convention.dpo_for("velo", reference.departement_communes("94"))] == ["DPO"]
    # the Région has no DPO
    assert convention.dpo_for("velo", reference.departement_communes("93")) == []


def test_geometry_files_are_resolved_beside_the_convention(tmp_path):
    text = (HERE / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace('{departements: ["94"]}', "{geometry: territoires/cd94.geojson}")
    path = tmp_path / "convention.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConventionError) as caught:
        load_convention(path)
    assert caught.value.problems[0].code == "convention.geometry_not_found"
    assert caught.value.problems[0].path == "partners[1].territory.geometry"
    (tmp_path / "territoires").mkdir()
    (tmp_path / "territoires" / "cd94.geojson").write_text("{}", encoding="utf-8")
    with pytest.raises(ConventionError) as caught:
        load_convention(path)
    assert caught.value.problems[0].code == "territory.geometry_unreadable"
    assert caught.value.problems[0].path == "partners[1].territory.geometry"
    # A square of about 1 km around Créteil's town hall, in WGS 84.
    (tmp_path / "territoires" / "cd94.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[2.45, 48.785], [2.465, 48.785], '
        '[2.465, 48.795], [2.45, 48.795], [2.45, 48.785]]]}}]}', encoding="utf-8")
    convention = load_convention(path)
    territory = convention.partners["cd94"].territory
    assert Path(territory.geometry_file) == (tmp_path / "territoires" / "cd94.geojson").resolve()
    assert territory.geometry is not None and not territory.members
    assert "94028" in territory.routing_communes     # the square touches Créteil


def test_an_unreadable_file_is_a_convention_error(tmp_path):
    with pytest.raises(ConventionError) as caught:
        load_convention(tmp_path / "absent.yaml")
    assert caught.value.code == "convention.unreadable"


class FakeTransport:
    def __init__(self, status, content):
        self.status, self.content, self.calls = status, content, []

    def request(self, method, url, **kwargs):
        self.calls.append((method, url))
        return Response(url=url, status=self.status, content=self.content)


def test_loading_from_a_url_goes_through_the_transport():
    url = "https://geo.example.org/conventions/idf.yaml"
    transport = FakeTransport(200, (HERE / "valid-minimal.yaml").read_bytes())
    convention = load_convention_url(url, transport)
    assert transport.calls == [("GET", url)]
    assert convention.source == url
    with pytest.raises(NetworkError) as caught:
        load_convention_url(url, FakeTransport(404, b"not here"))
    assert caught.value.code == "http.not_found"
    with pytest.raises(ConventionError) as caught:
        load_convention_url(url, FakeTransport(200, (HERE / "bad-kind.yaml").read_bytes()))
    assert caught.value.problems[0].source == url
