from factories import minimal_grid, new_session


def test_minimal_grid_and_session_are_valid() -> None:
    grid = minimal_grid()
    session = new_session(grid, parents=2, peer_worker=True)
    assert [o.id for o in grid.options] == ["talking", "pills", "wait"]
    assert [p.role.value for p in session.participants] == ["youth", "parent", "parent", "peer_worker"]
    assert len(session.elements) == 9
