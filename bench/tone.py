"""`python -m bench.tone`: macro-F1 of the tone model beside VADER, and its latency.

Sets: NewsMTSC's real-world test split (English, ../shared/corpora/newsmtsc/devtest_rw,
skipped when absent) and the project's held-out mentions in fr, ar, es
(bench/data/tone/*.test.tsv). VADER (vaderSentiment, English lexicon) scores the whole
sentence, compound ±0.05, as in the NewsMTSC paper's baseline. Latency: one mention at
a time through `score_mention`, the encoder on one thread, after one warm-up call;
`--against OLD.npz` measures another head's model on the same mentions in turn (CPU
time by `time.process_time`, meaningful on a shared machine; wall time is not).
`--write` saves bench/results/tone.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench.common import RESULTS, machine, today
from jarida.tone import score_many, score_mention
from jarida.tone.api import Mention
from jarida.tone.corpus import NEWSMTSC, OWN_LANGUAGES, Labelled, own_set, read_newsmtsc
from jarida.tone.encoder import Encoder
from jarida.tone.head_fit import macro_f1
from jarida.tone.model import ToneModel, read_head

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


def latency_ms(rows: Sequence[Labelled], count: int, against: Path | None = None
               ) -> dict[str, dict[str, float]]:
    """Per mention, one at a time: the shipped model through `score_mention`, and with
    AGAINST (another head file, e.g. an older one) its model on the same mention right
    after, so both see the same load."""
    sample = list(rows)[:count]
    scorers: dict[str, Callable[[Mention], object]] = {
        "shipped": lambda m: score_mention(m.text, m.target, m.start, m.end, m.language)}
    if against is not None:
        head = read_head(against)
        other = ToneModel(Encoder(threads=1, layers=head.encoder_layers), head)
        scorers[against.name] = lambda m: other.probabilities([m])
    times: dict[str, list[float]] = {name: [] for name in scorers}
    cpu: dict[str, list[float]] = {name: [] for name in scorers}
    for score in scorers.values():
        score(sample[0].mention)  # warm up
    for row in sample:
        for name, score in scorers.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            score(row.mention)
            times[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - started_cpu) * 1000)
    return {name: _summary(times[name], cpu[name]) for name in scorers}


def _summary(times: list[float], cpu: list[float]) -> dict[str, float]:
    times = sorted(times)
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
    parser.add_argument("--against", type=Path,
                        help="Another head file whose model's latency is measured in turn "
                        "with the shipped one's (e.g. an older head.npz).")
    parser.add_argument("--latency-only", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("JARIDA_TONE_THREADS", "1")
    report: dict[str, object] = {"date": today(), "machine": machine(), "load": os.getloadavg()}
    rows: list[dict[str, object]] = []
    everything: list[Labelled] = []
    print(f"{'set':24} {'n':>5} {'model F1':>9} {'VADER F1':>9}")
    for name, labelled in sets().items():
        everything += labelled
        if args.latency_only:
            continue
        mine, vader = model_f1(labelled), vader_f1(labelled)
        rows.append({"set": name, "n": len(labelled), "model_macro_f1": round(mine, 3),
                     "vader_macro_f1": None if vader is None else round(vader, 3)})
        shown = "-" if vader is None else f"{vader:.3f}"
        print(f"{name:24} {len(labelled):5} {mine:9.3f} {shown:>9}", flush=True)
    spread = everything[::max(1, len(everything) // args.latency_mentions)]
    latency = latency_ms(spread, args.latency_mentions, args.against)
    for name, figures in latency.items():
        print(f"latency per mention ({name}), one at a time, one thread: CPU time median "
              f"{figures['cpu_median_ms']} ms, mean {figures['cpu_mean_ms']} ms; wall median "
              f"{figures['median_ms']} ms, p95 {figures['p95_ms']} ms over "
              f"{figures['mentions']} mentions (wall includes waiting for a core)")
    report.update(sets=rows, latency=latency["shipped"])
    if args.write:
        (RESULTS / "tone.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
