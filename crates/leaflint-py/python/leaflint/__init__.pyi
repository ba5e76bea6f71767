from typing import Any, Iterable, Mapping, Optional

from . import textstat as textstat

__version__: str
PROFILES: tuple[str, ...]
FORMATS: tuple[str, ...]

def check(
    text: str, profile: str = "nhs", format: str = "text", config: Optional[Mapping[str, Any]] = None
) -> dict[str, Any]: ...
def check_many(
    texts: Iterable[str],
    profile: str = "nhs",
    format: str = "text",
    threads: Optional[int] = None,
    config: Optional[Mapping[str, Any]] = None,
) -> list[dict[str, Any]]: ...
def segments(text: str, profile: str = "nhs", format: str = "text") -> dict[str, Any]: ...
def rules() -> list[dict[str, Any]]: ...
def picture(spec: str | Mapping[str, Any], compare: Optional[str] = None, label: Optional[str] = None) -> str: ...
