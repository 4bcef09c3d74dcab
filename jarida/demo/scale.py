"""Scale mode: N extra articles derived lazily from (seed, number), over many generated outlets.

Nothing is stored: article #k, its page, its image and the sitemap page that lists it are
computed on request, so serving article 999,999 costs the same as article 0.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import replace
from datetime import timedelta

from jarida.demo.catalog import EPOCH, DemoArticle
from jarida.demo.content.types import SECTIONS
from jarida.demo.feeds import rss, sitemap_index, url_sitemap
from jarida.demo.images import lead_image
from jarida.demo.outlet_feeds import RSS_TYPE, XML_TYPE, feed_items
from jarida.demo.outlets import BY_SLUG, Outlet
from jarida.demo.pages import render_article, render_listing
from jarida.demo.reply import NOT_FOUND, Reply, html, xml
from jarida.demo.scale_text import paragraphs, title

SITEMAP_PAGE = 1000
PER_OUTLET = 5000
MAX_OUTLETS = 100
SCALE_EPOCH = EPOCH - timedelta(days=365)
TEMPLATES = (("courrier-atlas", "fr"), ("akhbar-maghrib", "ar"), ("diario-estrecho", "es"),
             ("casablanca-business", "fr"), ("maghreb-wire", "fr"), ("phare-detroit", "fr"),
             ("atlas-tech", "fr"), ("echo-souss", "fr"))
NAMES = {"fr": "Presse Régionale", "ar": "صحافة الجهات", "es": "Prensa Regional"}
_PATH = re.compile(r"^/presse-(\d{3})/(.*)$")


class ScaleWeb:
    """The generated part of the demo web; empty when n == 0."""

    def __init__(self, seed: int, n: int) -> None:
        self.seed, self.n = seed, max(0, n)
        self.outlet_count = 0 if n <= 0 else min(MAX_OUTLETS, max(1, math.ceil(n / PER_OUTLET)))
        self.outlets = tuple(self._outlet(i) for i in range(self.outlet_count))

    def _outlet(self, i: int) -> Outlet:
        key, lang = TEMPLATES[i % len(TEMPLATES)]
        model = BY_SLUG[key]
        return Outlet(slug=f"presse-{i:03d}", name=f"{NAMES[lang]} {i:03d}", languages=(lang,),
                      feed_style="sitemap", date_style=model.date_style, jsonld=model.jsonld,
                      og_published=model.og_published, authors=model.authors,
                      tagline=model.tagline, layout=key)

    def count_for(self, i: int) -> int:
        """How many articles outlet i holds (articles are dealt round-robin)."""
        return 0 if i >= self.outlet_count else math.ceil((self.n - i) / self.outlet_count)

    def article(self, k: int, light: bool = False) -> DemoArticle:
        """Ground truth (and text unless `light`) of generated article number k."""
        outlet = self.outlets[k % self.outlet_count]
        lang = outlet.languages[0]
        rng = random.Random(f"{self.seed}:scale:{k}")
        step = 365 * 86400 / max(1, self.n)
        published = SCALE_EPOCH + timedelta(seconds=int(k * step))
        head = title(rng, lang)
        body = () if light else paragraphs(rng, lang, rng.randint(12, 22))
        return DemoArticle(
            id=f"scale:{k}", num=k, outlet=outlet.slug, language=lang, story_id=f"scale-{k}",
            dup_group=f"scale-{k}", section=SECTIONS[k % len(SECTIONS)], title=head,
            author=outlet.authors[k % len(outlet.authors)], published=published,
            paragraphs=body, path=f"/{outlet.slug}/archives/{k}.html", image_key=f"s{k}",
            hostile=False, edition=0,
        )

    def _neighbours(self, i: int, top: int, count: int) -> list[DemoArticle]:
        """Light versions of outlet i's articles just below number `top` (for sidebars)."""
        m = self.outlet_count
        start = top - ((top - i) % m) if top >= i else -1
        ks = [start - m * j for j in range(count) if start - m * j >= 0]
        return [self.article(k, light=True) for k in ks]

    def robots_lines(self) -> list[str]:
        """robots.txt rules for the generated outlets."""
        return [f"Disallow: /{o.slug}/admin/" for o in self.outlets]

    def sitemap_urls(self, base: str) -> list[str]:
        """The top-level scale sitemap index, when there is one."""
        return [f"{base}/scale/sitemap-index.xml"] if self.n else []

    def sitemap_pages(self, i: int) -> int:
        """Number of sitemap pages of outlet i."""
        return math.ceil(self.count_for(i) / SITEMAP_PAGE)

    def get(self, path: str, query: dict[str, str], base: str) -> Reply | None:
        """Answer a scale path, or None when the path is not ours."""
        if not self.n:
            return None
        if path == "/scale/sitemap-index.xml":
            pages = ((f"{base}/{o.slug}/sitemap-{p}.xml", SCALE_EPOCH.isoformat())
                     for i, o in enumerate(self.outlets) for p in range(self.sitemap_pages(i)))
            return xml(sitemap_index(pages), XML_TYPE)
        m = _PATH.match(path)
        if not m or int(m.group(1)) >= self.outlet_count:
            return None
        i, rest = int(m.group(1)), m.group(2)
        outlet = self.outlets[i]
        return self._outlet_get(i, outlet, rest, query, base)

    def _outlet_get(self, i: int, outlet: Outlet, rest: str, query: dict[str, str],
                    base: str) -> Reply:
        m = self.outlet_count
        last = self.n - 1 - ((self.n - 1 - i) % m)
        if rest.startswith("archives/") and rest.endswith(".html"):
            num = rest[len("archives/"):-len(".html")]
            if not num.isdigit() or int(num) >= self.n or int(num) % m != i:
                return NOT_FOUND
            a = self.article(int(num))
            side = self._neighbours(i, min(last, int(num) + 10 * m), 24)
            return html(render_article(a, base, 0, [a, *side], outlet), a.published)
        if rest.startswith("images/s") and rest.endswith(".jpg"):
            key = rest[len("images/"):-len(".jpg")]
            return Reply(200, lead_image(key, outlet.name, self.seed), "image/jpeg")
        if rest == "sitemap-index.xml":
            pages = ((f"{base}/{outlet.slug}/sitemap-{p}.xml", SCALE_EPOCH.isoformat())
                     for p in range(self.sitemap_pages(i)))
            return xml(sitemap_index(pages), XML_TYPE)
        sm = re.fullmatch(r"sitemap-(\d+)\.xml", rest)
        if sm:
            return self._sitemap(i, int(sm.group(1)), base)
        if rest == "rss.xml":
            arts = [replace(a, paragraphs=(a.title,)) for a in self._neighbours(i, last, 30)]
            items = feed_items(arts, base, 0)
            return xml(rss(outlet.name, f"{base}/{outlet.slug}/", outlet.languages[0], items,
                           f"{base}/{outlet.slug}/rss.xml"), RSS_TYPE)
        if rest in ("", "index.html"):
            arts = [replace(a, paragraphs=(a.title,)) for a in self._neighbours(i, last, 20)]
            return html(render_listing(outlet, outlet.languages[0], base, arts, arts,
                                       outlet.name, 1, f"{base}/{outlet.slug}/"))
        return NOT_FOUND

    def _sitemap(self, i: int, page: int, base: str) -> Reply:
        """Sitemap page `page` of outlet i: up to SITEMAP_PAGE article URLs."""
        if page >= self.sitemap_pages(i):
            return NOT_FOUND
        m = self.outlet_count
        step = 365 * 86400 / max(1, self.n)
        slug = self.outlets[i].slug
        ks = range(i + m * page * SITEMAP_PAGE, min(self.n, i + m * (page + 1) * SITEMAP_PAGE), m)
        rows = ((f"{base}/{slug}/archives/{k}.html",
                 (SCALE_EPOCH + timedelta(seconds=int(k * step))).isoformat()) for k in ks)
        return xml(url_sitemap(rows), XML_TYPE)
