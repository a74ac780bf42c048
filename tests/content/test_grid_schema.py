"""The committed JSON Schema: up to date with the models, accepts the valid grids, rejects
structural mistakes (cross-references are the loader's job, not the schema's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import MINIMAL_GRID_PATH
from jsonschema import Draft202012Validator

from sdm_aid.content import schema

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED_GRIDS = sorted((REPO / "option_grids").glob("*.json"))


def _validator(version: int) -> Draft202012Validator:
    committed = json.loads(schema.committed_schema_path(version).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(committed)
    return Draft202012Validator(committed)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """The version-1 schema: the fixtures in fixtures/ are version-1 files."""
    return _validator(1)


@pytest.mark.parametrize("version", [1, 2])
def test_committed_schemas_are_up_to_date(version):
    # If this fails: run `sdm-aid schema --write` and commit schemas/option_grid.v*.schema.json.
    assert schema.committed_schema_path(version) == REPO / "schemas" / f"option_grid.v{version}.schema.json"
    assert schema.outdated_message(version=version) is None


@pytest.mark.parametrize("version", [1, 2])
def test_schema_describes_itself(version):
    built = schema.build_schema(version)
    assert built["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert built["$id"] == schema.schema_id(version)
    assert f"format version {version}" in built["title"]
    assert "$schema" in built["properties"]
    assert built["properties"]["schema_version"]["const"] == version
    # Field docstrings become descriptions that editors show while typing.
    holder = "Likelihood" if version == 1 else "TimePoint"
    assert built["$defs"][holder]["properties"]["out_of"]["description"].startswith("Out of how many")


def test_the_v2_schema_lists_the_registry_languages():
    built = schema.build_schema(2)
    assert set(built["$defs"]["Text"]["properties"]) == {"nl", "en"}
    assert built["$defs"]["Text"]["required"] == ["nl"]
    assert built["properties"]["languages"]["items"]["enum"] == ["nl", "en"]


def test_outdated_or_missing_schema_is_detected(tmp_path):
    stale = tmp_path / "stale.json"
    stale.write_text("{}\n")
    assert "out of date" in schema.outdated_message(stale)
    assert "missing" in schema.outdated_message(tmp_path / "absent.json")
    schema.write_schema(stale)
    assert schema.outdated_message(stale) is None


def test_python_module_check_exit_codes(tmp_path, monkeypatch, capsys):
    assert schema.main(["--check"]) == 0
    monkeypatch.setattr(schema, "committed_schema_path", lambda version=2: tmp_path / "absent.json")
    assert schema.main(["--check"]) == 1
    assert "sdm-aid schema --write" in capsys.readouterr().err


@pytest.mark.parametrize(
    "path",
    [MINIMAL_GRID_PATH, *sorted((FIXTURES / "valid").glob("*.json"))],
    ids=lambda path: path.name,
)
def test_valid_fixtures_match_the_schema(validator, path):
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SHIPPED_GRIDS, ids=lambda path: path.name)
def test_shipped_grids_match_the_schema_of_their_version(path):
    grid = json.loads(path.read_text(encoding="utf-8"))
    version = grid["schema_version"]
    _validator(version).validate(grid)
    assert grid["$schema"] == f"../schemas/option_grid.v{version}.schema.json"


# Structural mistakes the schema alone must already catch (with the JSON path it reports).
SCHEMA_REJECTS = {
    "missing_english.json": "title",
    "unknown_field_typo.json": "options/0",
    "wrong_enum.json": "audience",
    "number_as_text.json": "age_band/min_age",
    "bad_id.json": "considerations/0/id",
    "wrong_schema_version.json": "schema_version",
    "text_too_long.json": "title/en",
    "too_few_options.json": "options",
    "bad_url.json": "sources/1/url",
}


@pytest.mark.parametrize("name", sorted(SCHEMA_REJECTS))
def test_schema_rejects_structural_mistakes(validator, name):
    document = json.loads((FIXTURES / "invalid" / name).read_text(encoding="utf-8"))
    paths = {"/".join(map(str, error.absolute_path)) for error in validator.iter_errors(document)}
    assert SCHEMA_REJECTS[name] in paths


def test_the_v2_example_matches_the_v2_schema():
    example = FIXTURES / "v2" / "example-v2.json"
    _validator(2).validate(json.loads(example.read_text(encoding="utf-8")))


# Structural mistakes of format 2 the v2 schema alone catches (cross-field rules are the loader's).
# Inside an optional object (written as "anyOf: [object, null]") the schema names the object.
V2_SCHEMA_REJECTS = {
    "languages_missing.json": "",
    "languages_unknown.json": "languages/1",
    "precision_unknown.json": "questions/0/answers/pills/likelihood",
    "certainty_origin_missing.json": "questions/0/answers/pills/likelihood",
    "v1_likelihood_in_v2.json": "questions/0/answers/talking/likelihood",
    "bad_doi.json": "sources/0/doi",
    "bad_phone.json": "safety",
    "points_empty.json": "questions/0/answers/pills/likelihood",
}


@pytest.mark.parametrize("name", sorted(V2_SCHEMA_REJECTS))
def test_v2_schema_rejects_structural_mistakes(name):
    document = json.loads((FIXTURES / "v2" / "invalid" / name).read_text(encoding="utf-8"))
    paths = {"/".join(map(str, error.absolute_path)) for error in _validator(2).iter_errors(document)}
    assert V2_SCHEMA_REJECTS[name] in paths
