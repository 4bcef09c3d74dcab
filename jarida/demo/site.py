"""Route a GET on the demo web to the page, feed, image or robots file it names."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from jarida.demo.catalog import DemoArticle, build_catalog
from jarida.demo.content.types import SECTIONS
from jarida.demo.hostile_images import HOSTILE, HOSTILE_PREFIX, hostile_image
from jarida.demo.images import lead_image
from jarida.demo.outlet_feeds import outlet_feed
from jarida.demo.outlets import BY_SLUG, OUTLETS, Outlet
from jarida.demo.pages import chrome_for, render_article, render_listing, section_slug
from jarida.demo.reply import FORBIDDEN, NOT_FOUND, Reply, html
from jarida.demo.scale import ScaleWeb
from jarida.demo.templates.registry import LAYOUTS

SERVICE_PREFIXES = frozenset({"region", "service", "page", "tag", "recherche", "abonnement",
                              "premium", "newsletter"})
FAVICON = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04"
           b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


class Site:
    """The whole demo web for one seed; `get` is pure given (path, base, edition)."""

    def __init__(self, seed: int, scale: int = 0) -> None:
        self.seed = seed
        self.catalog = build_catalog(seed)
        self.by_path = {a.path: a for a in self.catalog}
        self.by_outlet: dict[str, list[DemoArticle]] = defaultdict(list)
        for a in self.catalog:
            self.by_outlet[a.outlet].append(a)
        self.scale = ScaleWeb(seed, scale)

    def visible(self, edition: int, outlet: str | None = None) -> list[DemoArticle]:
        """Articles published as of `edition` (optionally of one outlet)."""
        arts = self.by_outlet.get(outlet, []) if outlet else self.catalog
        return [a for a in arts if a.edition <= edition]

    def get(self, path: str, query: dict[str, str], base: str, edition: int) -> Reply:
        """Answer GET `path` as served at `base` in `edition`."""
        if path == "/robots.txt":
            return self._robots(base)
        if path in ("/", "/index.html"):
            return self._index(base)
        slug, _, rest = path.lstrip("/").partition("/")
        if slug in BY_SLUG:
            return self._outlet(BY_SLUG[slug], rest, query, base, edition)
        return self.scale.get(path, query, base) or NOT_FOUND

    def _robots(self, base: str) -> Reply:
        lines = ["User-agent: *", "Allow: /"]
        lines += [f"Disallow: /{o.slug}/admin/" for o in OUTLETS]
        lines += self.scale.robots_lines()
        lines.append(f"Sitemap: {base}/casablanca-business/sitemap-index.xml")
        lines += [f"Sitemap: {u}" for u in self.scale.sitemap_urls(base)]
        return Reply(200, ("\n".join(lines) + "\n").encode(), "text/plain; charset=utf-8")

    def _index(self, base: str) -> Reply:
        links = "".join(f'<li><a href="{base}/{o.slug}/">{escape(o.name)}</a></li>'
                        for o in OUTLETS)
        return html(f"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                    f"<title>Jarida demo web</title></head><body><h1>Jarida demo web</h1>"
                    f"<ul>{links}</ul></body></html>")

    def _outlet(self, outlet: Outlet, rest: str, query: dict[str, str], base: str,
                edition: int) -> Reply:
        arts = self.visible(edition, outlet.slug)
        path = f"/{outlet.slug}/{rest}"
        if rest.startswith("admin"):
            return FORBIDDEN
        if rest.startswith("images/") and rest.endswith(".jpg"):
            key = rest[len("images/"):-len(".jpg")]
            hostile = key.removeprefix(HOSTILE_PREFIX)
            if outlet.fault == "hostile" and hostile in HOSTILE:  # served as a JPEG, lying
                return Reply(200, hostile_image(hostile), "image/jpeg")
            return Reply(200, lead_image(key, key, self.seed), "image/jpeg")
        article = self.by_path.get(path)
        if article is not None:
            if article.edition > edition:
                return NOT_FOUND
            text = render_article(article, base, edition, arts)
            return self._encode(outlet, text, article.modified_at(edition))
        feed = outlet_feed(outlet.slug, rest, arts, base, edition)
        if feed is not None:
            return feed
        return self._listing(outlet, rest, query, base, edition, arts)

    def _listing(self, outlet: Outlet, rest: str, query: dict[str, str], base: str,
                 edition: int, arts: list[DemoArticle]) -> Reply:
        """Home pages (per language for bilingual outlets) and section pages."""
        lang, sub = outlet.languages[0], rest
        head, _, tail = rest.partition("/")
        if head in outlet.languages and len(outlet.languages) > 1:
            lang, sub = head, tail
        mine = [a for a in arts if a.language == lang]
        try:
            page = max(1, int(query.get("page", "1")))
        except ValueError:
            page = 1
        root = f"{base}/{outlet.slug}" + (f"/{lang}" if len(outlet.languages) > 1 else "")
        if sub in ("", "index.html"):
            title, chosen, url = outlet.name, mine, f"{root}/"
        else:
            match = [s for s in SECTIONS if sub.rstrip("/") == f"rubrique/{section_slug(s)}"]
            if not match:
                return self._service_page(outlet, lang, sub, base, arts)
            title = f"{match[0]} — {outlet.name}"
            chosen = [a for a in mine if a.section == match[0]]
            url = f"{root}/{sub}"
        if (page - 1) * 20 >= max(1, len(chosen)) and page > 1:
            return NOT_FOUND
        text = render_listing(outlet, lang, base, chosen, arts, title, page, url)
        mod = max((a.modified_at(edition) for a in chosen), default=None)
        return self._encode(outlet, text, mod)

    def _service_page(self, outlet: Outlet, lang: str, sub: str, base: str,
                      arts: list[DemoArticle]) -> Reply:
        """The menu/footer targets (regions, services, legal pages): thin pages, not news."""
        if sub == "favicon.ico":
            return Reply(200, FAVICON, "image/gif")
        if sub.split("/")[0] not in SERVICE_PREFIXES:
            return NOT_FOUND
        title = f"{outlet.name} — {sub.strip('/')}"
        main = f'<h1>{escape(title)}</h1><p>{escape(outlet.tagline)}</p>'
        text = LAYOUTS[outlet.template].shell(chrome_for(outlet, lang, base, title, arts, 0),
                                              main, "")
        return self._encode(outlet, text, None)

    @staticmethod
    def _encode(outlet: Outlet, text: str, modified: object) -> Reply:
        """UTF-8 normally; L'Écho du Souss claims UTF-8 in <meta> but sends windows-1252."""
        from datetime import datetime

        mod = modified if isinstance(modified, datetime) else None
        if outlet.fault == "charset":
            return Reply(200, text.encode("cp1252", "xmlcharrefreplace"), "text/html", mod)
        return html(text, mod)
