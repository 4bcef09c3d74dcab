"""The offline sample news web used by `make demo`, end-to-end tests, evaluations and benchmarks.

Nine invented outlets (French, Arabic, Spanish, English) are served by ONE threaded HTTP
server on 127.0.0.1, told apart by path prefix (http://127.0.0.1:PORT/<slug>/...). Every
article text was written for Jarida; the same seed gives the same bytes.

Library API (for the CLI, tests and bench)::

    from jarida.demo import DemoWeb
    web = DemoWeb(seed=7, scale=0, fault_injection=True)
    base = web.start(host="127.0.0.1", port=0)   # background thread; returns base URL
    web.sources()       # list[jarida.model.SourceSpec], feed URLs on the running server
    web.articles()      # list[TruthRecord] visible in the current edition (ground truth)
    web.story_labels()  # {article url: story_id}; key="id" for stable ids
    web.write_labels("labels.json")   # or .csv: every record (story_id, dup_group, ...)
    web.advance()       # next edition: ~15% of articles updated, new articles appear
    web.stop()

    python -m jarida.demo.server --port 8080 [--seed 7] [--scale 100000] [--no-faults]

Outlets and their quirks (slug: feed kind):
- courrier-atlas: RSS 2.0 (+ Sport/Économie section feeds); JSON-LD, article:published_time,
  dates like "mardi 24 novembre 2026 à 10h30".
- akhbar-maghrib: RSS, Arabic, dir="rtl", Moroccan month names ("24 نونبر 2026").
- diario-estrecho: Atom, Spanish, JSON-LD.
- casablanca-business: Google News sitemap only (also sitemap-index.xml, sitemap-articles.xml).
- rif-express: NO feed. Listing pages /rif-express/{fr,ar}/ (and /rubrique/<section>/),
  FeedSpec kind "listing" with listing_pattern = outlets.RIF_LISTING_PATTERN.
- echo-souss: NO declared feed: SourceSpec has homepage and feeds=(); the crawler must run
  feed autodiscovery (<link rel="alternate"> -> /echo-souss/flux.rss). Broken charset on
  purpose: pages say <meta charset="utf-8">, the HTTP header has no charset, bytes are
  windows-1252. Its RSS is honest (encoding="windows-1252") and parses cleanly.
- maghreb-wire: the invented agency, Atom per language (fr/ar/es/en); its dispatches are
  copied with small edits (retitled, one paragraph dropped, "(Maghreb Wire)" credit) by 3-4
  outlets: TruthRecord.dup_group groups those near-duplicates; story_id groups whole stories.
- atlas-tech: RSS; HOSTILE markup in titles and bodies (<script>, <img onerror>,
  javascript: links, <iframe>, <svg onload>, <object>, <form action=javascript:>).
- phare-detroit: FLAKY when fault_injection=True: the n-th request of each path answers 500
  when (n + offset(seed, path)) % 3 == 0 (see faults.Faults), and `web.slow_path` drips its
  body 1 KB per `drip_delay` (0.5 s) seconds. Its RSS links carry utm_* parameters while
  the pages' <link rel="canonical"> is clean.

All responses carry ETag and (when dated) Last-Modified; If-None-Match / If-Modified-Since
get 304. /robots.txt allows all but /<slug>/admin/. Editions: 0 at start, advance() -> 1, 2;
later editions serve the same bytes as 2.

Scale mode (DemoWeb(scale=N)): N generated articles, derived on request from (seed, k), dealt
round-robin over ceil(N/5000) (max 100) outlets /presse-NNN/, pages 30-120 KB, each outlet
with /presse-NNN/sitemap-index.xml -> sitemap-P.xml pages of 1,000 URLs, an rss.xml of the
latest 30, and /scale/sitemap-index.xml over all. `static.generate_static(dir, scale)` writes
the web to files.
"""

from jarida.demo.outlets import OUTLETS, RIF_LISTING_PATTERN
from jarida.demo.static import generate_static
from jarida.demo.truth import TruthRecord
from jarida.demo.web import DemoWeb, story_labels, write_labels

__all__ = [
    "OUTLETS",
    "RIF_LISTING_PATTERN",
    "DemoWeb",
    "TruthRecord",
    "generate_static",
    "story_labels",
    "write_labels",
]
