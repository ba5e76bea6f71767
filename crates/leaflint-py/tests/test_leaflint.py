"""The Python package against the CLI's JSON for the same text, and its error handling."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import threading
import time

import pytest

import leaflint
from leaflint import textstat

ROOT = pathlib.Path(__file__).resolve().parents[3]
LEAFLET = (
    "Your new inhaler\n\n"
    "Take 2 puffs bd. If you feel breathless, use it straight away.\n\n"
    "- Shake the inhaler before use.\n"
    "- Rinse your mouth afterwards; this stops a sore throat developing.\n\n"
    "About 1 in 20 people get a headache. Ring your GP if it lasts more than 3 days.\n"
)


def cli_json(args: list[str], text: str) -> dict:
    exe = os.environ.get("LEAFLINT_CLI")
    cmd = [exe] if exe else ["cargo", "run", "-q", "-p", "leaflint-cli", "--"]
    out = subprocess.run(cmd + args + ["-"], input=text.encode(), capture_output=True, cwd=ROOT, check=False)
    assert out.stdout, out.stderr.decode()
    return json.loads(out.stdout)


def without_source(report: dict) -> dict:
    report = dict(report)
    report.pop("source")
    return report


@pytest.mark.parametrize("profile", ["nhs", "us", "easy-read"])
def test_check_equals_the_cli_json(profile: str) -> None:
    cli = cli_json(["check", "--format", "json", "--profile", profile], LEAFLET)
    py = leaflint.check(LEAFLET, profile=profile)
    # The CLI may wrap one report; compare the report itself, apart from its source name.
    cli_report = cli["reports"][0] if "reports" in cli else cli
    assert without_source(py) == without_source(cli_report)
    # Same keys in the same order, everywhere: the dicts are what json.loads makes of the CLI's JSON.
    assert json.dumps(without_source(py)) == json.dumps(without_source(cli_report))
    assert py["profile"] == profile


def test_segments_equal_the_cli_json() -> None:
    assert leaflint.segments(LEAFLET) == cli_json(["segments", "--format", "json"], LEAFLET)


def test_the_issue_example() -> None:
    assert leaflint.check("Take 2 tablets bd.")["findings"][0]["rule"] == "clinical-shorthand"


def test_textstat_functions_equal_the_report_scores() -> None:
    r = leaflint.check(LEAFLET)["scores"]
    rd, c = r["readability"], r["counts"]
    assert textstat.flesch_kincaid_grade(LEAFLET) == rd["flesch_kincaid_grade"]
    assert textstat.flesch_reading_ease(LEAFLET) == rd["flesch_reading_ease"]
    assert textstat.smog_index(LEAFLET) == rd["smog"]["grade"]
    assert textstat.gunning_fog(LEAFLET) == rd["gunning_fog"]
    assert textstat.coleman_liau_index(LEAFLET) == rd["coleman_liau"]
    assert textstat.automated_readability_index(LEAFLET) == rd["ari"]
    assert textstat.syllable_count(LEAFLET) == c["syllables"]
    assert textstat.lexicon_count(LEAFLET) == c["words"]
    assert textstat.sentence_count(LEAFLET) == c["formula_sentences"]
    assert textstat.polysyllabcount(LEAFLET) == c["polysyllables"]
    grade = textstat.text_standard(LEAFLET, float_output=True)
    assert grade == max(1.0, min(rd["consensus_grade"], 18.0))
    assert textstat.text_standard(LEAFLET).endswith(" grade")


def test_textstat_counts_of_words_we_know() -> None:
    # British spellings and numbers as spoken: "anaemia" 4, "haemorrhage" 3, "250" as "two hundred and fifty" (6).
    assert textstat.syllable_count("anaemia") == 4
    assert textstat.syllable_count("haemorrhage") == 3
    assert textstat.syllable_count("Take 250 mg.") == textstat.syllable_count("Take") + 6 + textstat.syllable_count("mg")
    assert textstat.lexicon_count("You may feel sick. Drink water.") == 6
    assert textstat.sentence_count("Your GP, e.g. Dr. Smith, can help. Ask them.") == 2
    assert textstat.flesch_kincaid_grade("") == 0.0
    assert textstat.smog_index("   ") == 0.0
    with pytest.raises(ValueError, match="English"):
        textstat.syllable_count("hola", lang="es")


def test_check_many_keeps_order_and_equals_check() -> None:
    texts = [f"Take {n} tablets a day. Stop if you feel unwell for {n} days." for n in range(1, 200)]
    texts[50] = "Utilise the medication as prescribed notwithstanding adverse sequelae."
    many = leaflint.check_many(texts)
    assert [r["scores"]["counts"]["words"] for r in many] == [leaflint.check(t)["scores"]["counts"]["words"] for t in texts]
    assert many[50] == leaflint.check(texts[50])
    assert leaflint.check_many(texts, threads=1) == many
    assert leaflint.check_many(iter(texts[:3]), profile="us") == [leaflint.check(t, profile="us") for t in texts[:3]]
    assert leaflint.check_many([]) == []
    # Reports share no dict or list: changing one changes no other.
    many[0]["findings"].append("mine")
    many[0]["scores"]["counts"]["words"] = -1
    assert many[1]["findings"] != many[0]["findings"] and many[1]["scores"]["counts"]["words"] > 0
    assert many[1] == leaflint.check(texts[1])


def test_check_many_releases_the_gil() -> None:
    # While check_many runs, another Python thread keeps running (it gets the GIL whenever the
    # converting thread waits for a check).
    texts = [LEAFLET * 200] * 40
    ticks = 0
    done = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        leaflint.check_many(texts, threads=2)
    finally:
        done.set()
        t.join()
    assert ticks > 5


def test_bad_input_is_an_exception_never_a_crash() -> None:
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        leaflint.check(b"Take 2 tablets")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not NoneType"):
        leaflint.check(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match='unknown profile "uk"'):
        leaflint.check("x", profile="uk")
    with pytest.raises(ValueError, match='unknown format "pdf"'):
        leaflint.check("x", format="pdf")
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        leaflint.check_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        leaflint.check_many("one text")
    with pytest.raises(ValueError, match="threads"):
        leaflint.check_many(["x"], threads=0)
    with pytest.raises(ValueError, match="invalid leaflint config"):
        leaflint.check("x", config={"rulez": {}})
    with pytest.raises(ValueError, match="larger than"):
        leaflint.picture("120 in 100")
    with pytest.raises(TypeError):
        textstat.flesch_kincaid_grade(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        leaflint.check("lone surrogate \ud800")
    with pytest.raises(ValueError, match="16 MB"):
        leaflint.check("a" * (16 * 1024 * 1024 + 1))
    with pytest.raises(ValueError, match=r"texts\[1\].*16 MB"):
        leaflint.check_many(["ok", "a" * (16 * 1024 * 1024 + 1)])
    # Odd but valid text is checked.
    for text in ["", "\x00\x01", "😀" * 1000, "a" * 100_000, "-\n" * 1000]:
        assert leaflint.check(text)["schema_version"] >= 1


def test_formats_config_and_pictures() -> None:
    md = leaflint.check("# Your medicine\n\nTake 2 tablets a day.\n", format="md")
    assert md["source"]["format"] == "markdown"
    html = leaflint.check("<main><h1>Dose</h1><p>Take 2 tablets a day.</p></main>", format="html")
    assert html["scores"]["counts"]["headings"] == 1
    long = "You should take one of these small white tablets with a full glass of water every morning before you eat."
    assert any(f["rule"] == "long-sentence" for f in leaflint.check(long, config={"rules": {"long-sentence": {"words": 10}}})["findings"])
    svg = leaflint.picture("20 in 100", compare="10 in 100", label="women")
    assert svg.startswith("<svg") and "women" in svg
    report = leaflint.check("About 1 in 20 people get a headache.")
    assert report["pictures"], report
    assert leaflint.picture(report["pictures"][0]["picture"]).startswith("<svg")


def test_rules_metadata() -> None:
    rules = leaflint.rules()
    ids = [r["id"] for r in rules]
    assert "long-sentence" in ids and len(ids) == len(set(ids))
    ls = next(r for r in rules if r["id"] == "long-sentence")
    assert ls["defaults"]["easy-read"] == "warning"
    assert {"why", "flagged", "plainer", "source", "precision", "thresholds"} <= set(ls)


def test_a_one_megabyte_text() -> None:
    text = (LEAFLET + "\n") * (1_000_000 // (len(LEAFLET) + 1) + 1)
    assert len(text) >= 1_000_000
    t = time.perf_counter()
    report = leaflint.check(text)
    seconds = time.perf_counter() - t
    assert report["scores"]["counts"]["words"] > 100_000
    assert seconds < 30, seconds
    cli = cli_json(["check", "--format", "json"], text)
    cli_report = cli["reports"][0] if "reports" in cli else cli
    assert report["scores"] == cli_report["scores"]
    assert len(report["findings"]) == len(cli_report["findings"])


def test_version() -> None:
    assert leaflint.__version__ == leaflint.check("x")["leaflint_version"]
