"""Monitoring cost (issue 14): 1,000 subjects x 10 aliases matched per article, and the
backfill's throughput, extrapolated to 1,000,000 articles.

Side by side in the same run: Jarida's matcher (pyahocorasick over folded text, then
boundaries, proclitics, exclusions) and the usual alternative, one compiled regular
expression holding every alias. Texts and names are synthetic, written by this script
(seeded), in French, Arabic, Spanish and English.

    python -m bench.watch [--articles 2000] [--backfill 20000] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection

from bench.common import RESULTS, machine, replace_section, today
from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import sources as registry
from jarida.storage import watch_subjects as subject_store
from jarida.storage.watch_mentions import ArticleText
from jarida.watch.backfill import backfill
from jarida.watch.folding import fold_fast, fold_term
from jarida.watch.matcher import Matcher
from jarida.watch.model import Subject, Term

SYLLABLES = ("ra", "ma", "sa", "li", "ko", "ne", "ta", "bou", "dri", "el", "fa", "zi", "mo",
             "ha", "ka", "ri", "ou", "na", "be", "lo")
ARABIC = ("ب", "ت", "ج", "د", "ر", "س", "ش", "ع", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي")
WORDS = {
    "fr": ("le", "la", "des", "ministre", "projet", "région", "annonce", "hausse", "contrat",
           "budget", "société", "travaux", "port", "marché", "selon", "cette", "semaine"),
    "es": ("el", "la", "los", "ministro", "proyecto", "región", "anuncia", "subida", "contrato",
           "presupuesto", "empresa", "obras", "puerto", "mercado", "según", "esta", "semana"),
    "en": ("the", "minister", "project", "region", "announced", "rise", "contract", "budget",
           "company", "works", "port", "market", "according", "this", "week", "said"),
    "ar": ("قال", "الوزير", "مشروع", "الجهة", "أعلن", "ارتفاع", "عقد", "ميزانية", "شركة",
           "أشغال", "ميناء", "السوق", "حسب", "هذا", "الأسبوع", "في", "من"),
}


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(words))


def _arabic(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(ARABIC) for _ in range(rng.randint(4, 6)))
                    for _ in range(words))


def subjects(rng: random.Random, n: int = 1000) -> list[Subject]:
    out = []
    for i in range(n):
        aliases = [Term(_name(rng, rng.randint(1, 3))) for _ in range(6)]
        aliases += [Term(_arabic(rng, rng.randint(1, 3)), "ar") for _ in range(3)]
        aliases.append(Term("".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(3)),
                            case_sensitive=True))
        out.append(Subject(f"s{i}", aliases[0].text, "brand", tuple(aliases),
                           (Term(_name(rng, 2)),), id=i + 1))
    return out


def article_text(rng: random.Random, lang: str, names: list[str], words: int = 600) -> str:
    pool = WORDS[lang]
    body = [rng.choice(pool) for _ in range(words)]
    for name in names:
        body.insert(rng.randrange(len(body)), name)
    sentences = [" ".join(body[i:i + 20]).capitalize() + "." for i in range(0, len(body), 20)]
    return "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def corpus(rng: random.Random, subs: list[Subject], n: int) -> list[tuple[str, str, str]]:
    """(language, title, text): one article in ten names one to three subjects."""
    out = []
    for _ in range(n):
        lang = rng.choice(("fr", "fr", "ar", "es", "en"))
        names = []
        if rng.random() < 0.1:
            for s in rng.sample(subs, rng.randint(1, 3)):
                names.append(rng.choice([a.text for a in s.aliases
                                         if (a.language == "ar") == (lang == "ar")]))
        out.append((lang, f"{rng.choice(WORDS[lang])} {rng.choice(WORDS[lang])}",
                    article_text(rng, lang, names)))
    return out


def regex_peer(subs: list[Subject]) -> re.Pattern[str]:
    keys = sorted({fold_term(a.text) for s in subs for a in s.aliases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def time_matching(subs: list[Subject], texts: list[tuple[str, str, str]]) -> dict[str, float]:
    started = time.perf_counter()
    matcher = Matcher(subs)
    build = time.perf_counter() - started
    now = datetime.now(UTC)
    ours, peer, ours_cpu, hits = [], [], 0.0, 0
    pattern = regex_peer(subs)
    for lang, title, text in texts:
        article = ArticleText(1, title, "", text, lang, "bench", now)
        t0, c0 = time.perf_counter(), time.process_time()
        hits += len(matcher.match(article))
        ours.append(time.perf_counter() - t0)
        ours_cpu += time.process_time() - c0
        t0 = time.perf_counter()
        pattern.findall(fold_fast(f"{title}\n{text}"))
        peer.append(time.perf_counter() - t0)
    q = statistics.quantiles
    return {"build_s": round(build, 2), "mentions": hits,
            "ours_mean_ms": round(1000 * statistics.mean(ours), 3),
            "ours_p95_ms": round(1000 * q(ours, n=20)[18], 3),
            "regex_mean_ms": round(1000 * statistics.mean(peer), 3),
            "regex_p95_ms": round(1000 * q(peer, n=20)[18], 3),
            # CPU time: what the matcher costs without the run queue's waits (loaded machine)
            "ours_cpu_ms": round(1000 * ours_cpu / len(texts), 3),
            "chars_mean": round(statistics.mean(len(t) for _, _, t in texts))}


def time_backfill(subs: list[Subject], texts: list[tuple[str, str, str]]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        db.upgrade()
        t0 = datetime(2026, 1, 1, tzinfo=UTC)
        with db.write() as conn:
            sid = registry.insert_source(conn, SourceSpec(slug="bench", name="Bench"))
            fid = registry.insert_feed(conn, sid, FeedSpec(url="https://bench.example/feed"))
        for start in range(0, len(texts), 2000):
            records = [ArticleRecord(
                source_id=sid, feed_id=fid, url=f"https://bench.example/{i}",
                canonical_url=f"https://bench.example/{i}", title=title, text=text, html="",
                excerpt=text[:200], content_hash=f"h{i}", fetched_at=t0,
                published_at=t0 + timedelta(minutes=i), language=lang)
                for i, (lang, title, text) in enumerate(texts[start:start + 2000], start)]
            with db.write() as conn:
                article_store.save_articles(conn, records)
        with db.write() as conn:
            for s in subs:
                subject_store.save_subject(conn, s)
        held = [0.0]
        writer = db.write

        @contextlib.contextmanager
        def timed_write() -> Iterator[Connection]:
            t = time.perf_counter()
            with writer() as conn:
                yield conn
            held[0] += time.perf_counter() - t

        db.write = timed_write  # type: ignore[method-assign]
        started, cpu0 = time.perf_counter(), time.process_time()
        report = backfill(db, score=False, batch=1000)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu0
        db.close()
    rate = report.articles / elapsed
    return {"articles": report.articles, "mentions": report.mentions,
            "seconds": round(elapsed, 1), "articles_per_s": round(rate),
            "million_minutes": round(1_000_000 / rate / 60, 1),
            "cpu_seconds": round(cpu, 1),
            "million_minutes_cpu": round(1_000_000 * cpu / report.articles / 60, 1),
            # wall time the crawl's writer would wait behind the backfill
            "write_lock_seconds": round(held[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--backfill", type=int, default=20000)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    rng = random.Random(14)
    subs = subjects(rng)
    matching = time_matching(subs, corpus(rng, subs, args.articles))
    filling = time_backfill(subs, corpus(rng, subs, args.backfill))
    result = {"date": today(), "machine": machine(), "loaded": True,
              "subjects": len(subs), "aliases": sum(len(s.aliases) for s in subs),
              "matching": matching, "backfill": filling}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "watch.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    if args.write:
        replace_section("watch", (
            f"## Monitoring: matching and backfill ({result['date']})\n\n"
            f"{result['machine']}; shared machine (loaded).\n\n"
            f"{len(subs)} subjects, {result['aliases']} aliases, articles of "
            f"{matching['chars_mean']} characters: {matching['ours_mean_ms']} ms per article "
            f"(p95 {matching['ours_p95_ms']}), one big regular expression "
            f"{matching['regex_mean_ms']} ms (p95 {matching['regex_p95_ms']}). Backfill "
            f"without tone: {filling['articles_per_s']} articles/s, so 1,000,000 articles in "
            f"about {filling['million_minutes']} minutes.\n"))


if __name__ == "__main__":
    main()
