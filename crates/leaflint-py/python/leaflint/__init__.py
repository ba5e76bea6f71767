"""leaflint: health-literacy checks for patient information.

Give it a leaflet's text; get back the report the leaflint CLI writes with ``--format json``:
readability scores and the UK reading age, findings with plain-language messages and fixes, the
numeracy load, chunks and teach-back prompts. The engine is Rust; checks of many texts run in
parallel without the GIL.

>>> import leaflint
>>> report = leaflint.check("Take 2 tablets bd.")
>>> report["findings"][0]["rule"]
'latin-abbreviation'

``leaflint.textstat`` answers the textstat functions it can answer honestly (same names and
signatures) from the same engine.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional

from . import _native

__all__ = ["check", "check_many", "segments", "rules", "picture", "textstat", "__version__"]

__version__: str = _native.__version__

PROFILES = ("nhs", "us", "easy-read")
FORMATS = ("text", "markdown", "html", "docx")


def _name(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str such as {PROFILES[0]!r}, not {type(value).__name__}")
    return value


def _config_json(config: Optional[Mapping[str, Any]]) -> Optional[str]:
    if config is None:
        return None
    if not isinstance(config, Mapping):
        raise TypeError(f"config must be a dict of leaflint.toml settings, not {type(config).__name__}")
    try:
        return json.dumps(config)
    except (TypeError, ValueError) as e:
        raise ValueError(f"invalid leaflint config: {e}") from None


def check(
    text: str,
    profile: str = "nhs",
    format: str = "text",
    config: Optional[Mapping[str, Any]] = None,
) -> dict[str, Any]:
    """Check one text and return its report (a dict, as the CLI's ``--format json``).

    Args:
        text: the leaflet's text.
        profile: ``"nhs"`` (UK, reading age 9 to 11), ``"us"`` (grade 6) or ``"easy-read"``.
        format: how to read ``text``: ``"text"`` (plain text with leaflet conventions),
            ``"markdown"``, ``"html"`` (only ``<main>``/``<article>``/``<body>``) or ``"docx"``
            (extracted Word text; plain-text conventions). File extensions (``"md"``) work too.
        config: settings as in ``leaflint.toml`` (kebab-case keys), e.g.
            ``{"rules": {"long-sentence": {"words": 30}}, "allow-words": ["GP"]}``.

    Returns:
        The report: ``scores`` (``counts``, ``readability``, ``language``, ``numeracy``,
        ``reading_time``), ``targets``, ``findings`` (each with ``rule``, ``message``, ``span``
        in UTF-8 bytes and ``utf16``, ``line``, ``column``, ``fixes``), ``chunks``,
        ``checklists``, ``pictures`` and ``notes``.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown profile or format, or an invalid config.
    """
    return _native.check(text, _name(profile, "profile"), _name(format, "format"), _config_json(config))


def check_many(
    texts: Iterable[str],
    profile: str = "nhs",
    format: str = "text",
    threads: Optional[int] = None,
    config: Optional[Mapping[str, Any]] = None,
) -> list[dict[str, Any]]:
    """Check many texts in parallel (the GIL is released) and return their reports in input order.

    ``texts`` is any iterable of str: a list, a generator, a pandas Series
    (``df["text"]``). ``threads=None`` uses one thread per core; ``threads=1`` checks one at a
    time. Results equal ``[check(t, profile, format) for t in texts]``.

    Raises:
        TypeError: ``texts`` is a single str, or an item is not a str (the message gives its index).
        ValueError: an unknown profile or format, an invalid config, or ``threads < 1``.
    """
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int)):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1 (or None for one per core)")
    return _native.check_many(texts, _name(profile, "profile"), _name(format, "format"), _config_json(config), threads)


def segments(text: str, profile: str = "nhs", format: str = "text") -> dict[str, Any]:
    """How leaflint reads ``text``: ``{"notes": [...], "units": [...]}``: the layout it found
    (``notes``, e.g. PDF text wrapped at a width) and every sentence, heading or fragment with
    its span, word count, whether the formulas count it, and its tokens with their syllable counts
    and where each count came from (CMUdict, the British list, rules, spoken numbers). As the CLI's
    ``leaflint segments --format json``.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown profile or format.
    """
    return _native.segments(text, _name(profile, "profile"), _name(format, "format"))


def rules() -> list[dict[str, Any]]:
    """Every rule's metadata: ``id``, ``category``, ``summary``, ``defaults`` (severity per profile,
    ``None`` when off), ``thresholds``, ``why``, ``flagged`` and ``plainer`` examples, ``source``,
    and ``precision`` (an NHS editor's measured agreement with its findings, or ``None``)."""
    return _native.rules()


def picture(spec: Any, compare: Optional[str] = None, label: Optional[str] = None) -> str:
    """An icon array as standalone SVG text.

    ``spec`` is a number written as text (``"20 in 100"``, ``"1 in 4"``, ``"25%"``; drawn out of
    10, 100 or 1,000 icons), optionally beside ``compare`` in the same base, with ``label`` for who
    the icons are (default "people"); or a picture descriptor from a report
    (``report["pictures"][i]["picture"]``), drawn exactly.

    Raises:
        TypeError: ``spec`` is neither a str nor a dict.
        ValueError: a number that cannot be drawn (``"120 in 100"``), with the reason.
    """
    if isinstance(spec, Mapping):
        if compare is not None or label is not None:
            raise ValueError("compare and label come from the descriptor when spec is a report's picture")
        return _native.picture_of(json.dumps(spec))
    if not isinstance(spec, str):
        raise TypeError(f"spec must be a str such as '20 in 100' or a report's picture dict, not {type(spec).__name__}")
    for value, what in ((compare, "compare"), (label, "label")):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    return _native.picture(spec, compare, label)


from . import textstat  # noqa: E402  (uses the functions above)
