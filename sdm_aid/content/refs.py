"""A reference to one exact version of a grid: what a session pins."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class GridRef(BaseModel):
    """The exact grid a session was made with."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str
    version: str
    content_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the grid file's bytes."""
