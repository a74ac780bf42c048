"""Property: whatever bytes arrive, the loader returns a grid or raises GridLoadError -- and
the error is a worded problem, never the last-resort 'unexpected problem'."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from factories import MINIMAL_GRID_PATH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_aid.content.loader import GridLoadError, LoadedGrid, load_grid_bytes

EXAMPLE_V2 = Path(__file__).parent / "fixtures" / "v2" / "example-v2.json"
BASES: dict[str, dict[str, Any]] = {
    "v1": json.loads(MINIMAL_GRID_PATH.read_text(encoding="utf-8")),
    "v2": json.loads(EXAMPLE_V2.read_text(encoding="utf-8")),
}
"""A version-1 and a version-2 grid: both formats must hold up to damage."""
BASE_BYTES = {"v1": MINIMAL_GRID_PATH.read_bytes(), "v2": EXAMPLE_V2.read_bytes()}
FIELD_NAMES = sorted(
    {
        key
        for base in BASES.values()
        for key in json.dumps(base).split('"')
        if key.isidentifier() or key == "$schema"
    }
    | {"nl", "en"}
)

SAMPLE_TEXTS = (
    *("2026-01-01", "talking", "src-a", "nl", "en", "draft", "", "x" * 300),
    *("about", "exact", "source_grade", "authors_judgement", "clinically_reviewed", "when", "only_if"),
    "10.1000/x",
)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(SAMPLE_TEXTS)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _check(data: bytes) -> None:
    try:
        result = load_grid_bytes(data, source_name="fuzz.json")
    except GridLoadError as error:
        assert error.file == "fuzz.json"
        assert error.problems
        for problem in error.problems:
            assert problem.location and problem.message and problem.hint
            assert problem.severity in ("error", "warning")
            assert "unexpected problem" not in problem.message, problem
            assert len(problem.message) < 600
        str(error)
        return
    assert isinstance(result, LoadedGrid)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _parent(document: Any, path: tuple) -> Any:
    for part in path[:-1]:
        document = document[part]
    return document


fast = settings(
    max_examples=int(os.environ.get("SDM_AID_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@fast
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _check(data)


@fast
@given(json_values)
def test_random_json_values(value):
    _check(json.dumps(value).encode("utf-8"))


@pytest.mark.parametrize("version", sorted(BASES))
@fast
@given(data=st.data())
def test_mutated_valid_grids(version, data):
    grid = copy.deepcopy(BASES[version])
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        paths = [path for path in _paths(grid) if path]
        path = data.draw(st.sampled_from(paths))
        parent = _parent(grid, path)
        action = data.draw(st.sampled_from(["replace", "delete", "add", "rename", "duplicate"]))
        key = path[-1]
        if action == "replace":
            parent[key] = data.draw(json_values)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(FIELD_NAMES))] = data.draw(json_values)
        elif action == "rename" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=10))] = parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    _check(json.dumps(grid, ensure_ascii=data.draw(st.booleans())).encode("utf-8"))


@pytest.mark.parametrize("version", sorted(BASES))
@fast
@given(data=st.data())
def test_byte_level_damage_to_a_valid_grid(version, data):
    raw = bytearray(BASE_BYTES[version])
    for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
        position = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            raw[position] = data.draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            raw[position:position] = data.draw(st.binary(min_size=1, max_size=4))
        else:
            del raw[position]
    _check(bytes(raw))
