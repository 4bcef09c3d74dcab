"""`python -m bench.tone`: macro-F1 of the tone model beside VADER, and its latency.

Sets: NewsMTSC's real-world test split (English, ../shared/corpora/newsmtsc/devtest_rw,
skipped when absent) and the project's held-out mentions in fr, ar, es
(bench/data/tone/*.test.tsv). VADER (vaderSentiment, English lexicon) scores the whole
sentence, compound ±0.05, as in the NewsMTSC paper's baseline. Latency: one mention at
a time through `score_mention`, the encoder on one thread, after one warm-up call.
`--write` saves bench/results/tone.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Sequence

import numpy as np

from bench.common import RESULTS, machine, today
from jarida.tone import score_many, score_mention
from jarida.tone.corpus import NEWSMTSC, OWN_LANGUAGES, Labelled, own_set, read_newsmtsc
from jarida.tone.head_fit import macro_f1

TONE_INDEX = {"negative": 0, "neutral": 1, "positive": 2}


def model_f1(rows: Sequence[Labelled]) -> float:
    results = score_many([r.mention for r in rows])
    predicted = np.array([TONE_INDEX[r.tone] for r in results])
    return macro_f1(np.array([r.label for r in rows]), predicted)


def vader_f1(rows: Sequence[Labelled]) -> float | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyser = SentimentIntensityAnalyzer()
    predicted = []
    for row in rows:
        compound = analyser.polarity_scores(row.mention.text)["compound"]
        predicted.append(0 if compound <= -0.05 else 2 if compound >= 0.05 else 1)
    return macro_f1(np.array([r.label for r in rows]), np.array(predicted))


def latency_ms(rows: Sequence[Labelled], count: int) -> dict[str, float]:
    sample = list(rows)[:count]
    first = sample[0].mention
    score_mention(first.text, first.target, first.start, first.end, first.language)
    times, cpu = [], []
    for row in sample:
        m = row.mention
        started, started_cpu = time.perf_counter(), time.process_time()
        score_mention(m.text, m.target, m.start, m.end, m.language)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    return {"mentions": len(times), "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "mean_ms": round(statistics.fmean(times), 2),
            "cpu_median_ms": round(statistics.median(cpu), 2),
            "cpu_mean_ms": round(statistics.fmean(cpu), 2)}


def sets() -> dict[str, list[Labelled]]:
    found: dict[str, list[Labelled]] = {}
    path = NEWSMTSC / "devtest_rw.jsonl.gz"
    if path.exists():
        found["newsmtsc-rw (en)"] = list(read_newsmtsc(path))
    for language in OWN_LANGUAGES:
        found[f"own {language} (held out)"] = own_set(language, "test")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latency-mentions", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("JARIDA_TONE_THREADS", "1")
    report: dict[str, object] = {"date": today(), "machine": machine(), "load": os.getloadavg()}
    rows: list[dict[str, object]] = []
    everything: list[Labelled] = []
    print(f"{'set':24} {'n':>5} {'model F1':>9} {'VADER F1':>9}")
    for name, labelled in sets().items():
        mine, vader = model_f1(labelled), vader_f1(labelled)
        everything += labelled
        rows.append({"set": name, "n": len(labelled), "model_macro_f1": round(mine, 3),
                     "vader_macro_f1": None if vader is None else round(vader, 3)})
        shown = "-" if vader is None else f"{vader:.3f}"
        print(f"{name:24} {len(labelled):5} {mine:9.3f} {shown:>9}", flush=True)
    spread = everything[::max(1, len(everything) // args.latency_mentions)]
    latency = latency_ms(spread, args.latency_mentions)
    print(f"latency per mention, one at a time, one thread: median {latency['median_ms']} ms, "
          f"p95 {latency['p95_ms']} ms over {latency['mentions']} mentions; CPU time median "
          f"{latency['cpu_median_ms']} ms (wall time includes waiting for a core on a "
          "loaded machine)")
    report.update(sets=rows, latency=latency)
    if args.write:
        (RESULTS / "tone.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
