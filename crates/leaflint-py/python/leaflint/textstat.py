"""textstat's functions, by the same names and signatures, answered by the leaflint engine.

Replace ``import textstat`` with ``from leaflint import textstat``. Only the functions leaflint
can answer honestly are here (English formulas whose counts it makes: words, sentences,
syllables, polysyllables, letters); the others raise ``AttributeError`` rather than guess.

Where values differ from textstat, and why (see the package README for the full table):

* **Syllables** come from CMUdict with a list of British spellings and rules for the rest (numbers
  are counted as spoken: "250" is "two hundred and fifty"); textstat uses Pyphen hyphenation
  dictionaries and CMUdict's American spellings ("anaemia": leaflint 4, textstat 1; "Take 250 mg.":
  leaflint 10, textstat 4).
* **Sentences** are leaflet-aware: a bullet, a heading or a table cell ends a unit, "e.g." and
  "Dr." do not; headings (and very short table cells) are left out of the formulas, as in the CLI.
* **Words** in the formulas are the words of those counted units, so ``lexicon_count`` and
  ``syllable_count`` are the counts behind the scores.
* **No rounding**: values are unrounded floats (textstat rounds only when asked).
* **Empty or wordless text** gives ``0.0`` for every score, as textstat does.
* ``smog_index`` is computed for any number of sentences (McLaughlin's 30/S scaling); textstat
  returns 0.0 below 3 sentences. leaflint's report says how reliable it is
  (``scores.readability.smog.confidence``).

Every function takes the text as its first argument; a non-str raises ``TypeError``.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Optional, Union

from . import _native

__all__ = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "smog_index",
    "gunning_fog",
    "coleman_liau_index",
    "automated_readability_index",
    "text_standard",
    "syllable_count",
    "lexicon_count",
    "sentence_count",
    "polysyllabcount",
    "char_count",
    "letter_count",
    "avg_sentence_length",
    "avg_syllables_per_word",
    "reading_time",
]

_PROFILE = "nhs"


@lru_cache(maxsize=256)
def _scores(text: str) -> dict[str, Any]:
    # One engine pass per distinct text: textstat users call several functions on the same text.
    return _native.readability(text, _PROFILE, "text")


def _stats(text: str) -> dict[str, Any]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _scores(text)


def _score(text: str, key: str) -> float:
    value = _stats(text)["readability"][key]
    return 0.0 if value is None else float(value)


def _count(text: str, key: str) -> int:
    return int(_stats(text)["counts"][key])


def flesch_reading_ease(text: str) -> float:
    """Flesch Reading Ease (Flesch 1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words."""
    return _score(text, "flesch_reading_ease")


def flesch_kincaid_grade(text: str) -> float:
    """Flesch–Kincaid grade (Kincaid et al. 1975): 0.39 × words/sentences + 11.8 × syllables/words − 15.59."""
    return _score(text, "flesch_kincaid_grade")


def smog_index(text: str) -> float:
    """SMOG grade (McLaughlin 1969): 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.

    Sentences here count a long sentence's semicolon-separated clauses, as in leaflint's report.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    grade = _stats(text)["readability"]["smog"]["grade"]
    return 0.0 if grade is None else float(grade)


def gunning_fog(text: str) -> float:
    """Gunning fog index: 0.4 × (words/sentences + 100 × complex words/words).

    Complex words are words of three or more syllables that are not names, hyphenated, or three
    syllables only through -es, -ed or -ing (Gunning's own exclusions).
    """
    return _score(text, "gunning_fog")


def coleman_liau_index(text: str) -> float:
    """Coleman–Liau index: 0.0588 × letters per 100 words − 0.296 × sentences per 100 words − 15.8."""
    return _score(text, "coleman_liau")


def automated_readability_index(text: str) -> float:
    """Automated Readability Index: 4.71 × characters/words + 0.5 × words/sentences − 21.43."""
    return _score(text, "ari")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def text_standard(text: str, float_output: bool = False) -> Union[float, str]:
    """The consensus grade of the formulas (leaflint's ``consensus_grade``: the median of SMOG,
    Flesch–Kincaid, fog, Coleman–Liau, ARI and the familiar-word grade), clamped to 1–18 as
    textstat does. ``float_output=True`` gives the number; otherwise ``"7th and 8th grade"``
    (the grade rounded down, and the next).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    value = _stats(text)["readability"]["consensus_grade"]
    value = max(1.0, min(0.0 if value is None else float(value), 18.0))
    if float_output:
        return value
    lower = int(math.floor(value)) - 1
    upper = lower + 1
    return f"{lower}{_suffix(lower)} and {upper}{_suffix(upper)} grade"


def syllable_count(text: str, lang: Optional[str] = None) -> int:
    """Syllables in the words the formulas count (CMUdict, British spellings, numbers as spoken).

    ``lang`` is accepted for textstat's signature; only English (``None``, ``"en"``, ``"en_GB"``,
    ``"en_US"``…) is answered, anything else raises ``ValueError``.
    """
    if lang is not None and not str(lang).lower().startswith("en"):
        raise ValueError(f"leaflint counts English syllables only, not {lang!r}")
    return _count(text, "syllables")


def lexicon_count(
    text: str,
    removepunct: bool = True,
    split_contractions: bool = False,
    split_hyphens: bool = False,
) -> int:
    """Words the formulas count (headings left out). Contractions and hyphenated words are one
    word; the keyword arguments are accepted for textstat's signature but ``split_contractions``
    and ``split_hyphens`` must stay ``False`` (leaflint does not split them): ``ValueError``
    otherwise."""
    if split_contractions or split_hyphens:
        raise ValueError("leaflint counts contractions and hyphenated words as one word")
    return _count(text, "words")


def sentence_count(text: str) -> int:
    """Sentences the formulas count: leaflet-aware units (a bullet, list item or table cell ends
    one; abbreviations such as "e.g." and "Dr." do not), headings left out."""
    return _count(text, "formula_sentences")


def polysyllabcount(text: str) -> int:
    """Words of three or more syllables (the SMOG count)."""
    return _count(text, "polysyllables")


def char_count(text: str, ignore_spaces: bool = True) -> int:
    """Letters and digits of the counted words (what ARI reads). ``ignore_spaces=False`` is not
    answered (leaflint does not count spaces): ``ValueError``."""
    if not ignore_spaces:
        raise ValueError("leaflint counts the characters of words only (ignore_spaces=True)")
    return _count(text, "characters")


def letter_count(text: str, ignore_spaces: Optional[bool] = None) -> int:
    """Letters of the counted words (what Coleman–Liau reads)."""
    return _count(text, "letters")


def avg_sentence_length(text: str) -> float:
    """Words per sentence (0.0 without sentences)."""
    words, sentences = _count(text, "words"), _count(text, "formula_sentences")
    return words / sentences if sentences else 0.0


def avg_syllables_per_word(text: str, interval: Optional[int] = None) -> float:
    """Syllables per word (times ``interval`` when given, as textstat), 0.0 without words."""
    words, syllables = _count(text, "words"), _count(text, "syllables")
    if not words:
        return 0.0
    return syllables / words * (interval if interval else 1)


def reading_time(text: str, ms_per_char: float = 14.69) -> float:
    """Seconds to read: characters × ``ms_per_char`` / 1000, textstat's method (Demberg & Keller
    2008) on leaflint's character count. leaflint's own estimate, from words at 238 a minute
    (Brysbaert 2019), is ``check(text)["scores"]["reading_time"]["silent_seconds"]``."""
    return _count(text, "characters") * float(ms_per_char) / 1000.0
