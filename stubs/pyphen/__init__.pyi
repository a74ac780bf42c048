# Type stubs for the parts of pyphen (0.17) that SDM Aid uses; pyphen ships none.
from collections.abc import Iterator

LANGUAGES: dict[str, str]

class Pyphen:
    def __init__(
        self,
        filename: str | None = ...,
        lang: str | None = ...,
        left: int = ...,
        right: int = ...,
        cache: bool = ...,
    ) -> None: ...
    def positions(self, word: str) -> list[int]: ...
    def iterate(self, word: str) -> Iterator[tuple[str, str]]: ...
    def wrap(self, word: str, width: int, hyphen: str = ...) -> tuple[str, str] | None: ...
    def inserted(self, word: str, hyphen: str = ...) -> str: ...
