"""Write the demo web to a directory (one file per URL), for tools that want plain files."""

from __future__ import annotations

from pathlib import Path

from jarida.demo.site import Site
from jarida.demo.sources import source_specs


def _urls(site: Site, edition: int, base: str) -> list[str]:
    """Every path worth saving: pages, images, feeds, listings, sitemaps, robots."""
    paths = ["/robots.txt", "/"]
    for a in site.visible(edition):
        paths += [a.path, f"/{a.outlet}/images/{a.image_key}.jpg"]
    for spec in source_specs(base, site.scale):
        paths.append(spec.homepage.removeprefix(base) if spec.homepage else "/")
        paths += [f.url.removeprefix(base) for f in spec.feeds]
    scale = site.scale
    for i, o in enumerate(scale.outlets):
        paths += [f"/{o.slug}/sitemap-{p}.xml" for p in range(scale.sitemap_pages(i))]
    paths += [f"/{scale.article(k, light=True).path.lstrip('/')}" for k in range(scale.n)]
    if scale.n:
        paths.append("/scale/sitemap-index.xml")
    return list(dict.fromkeys(paths))


def generate_static(directory: str | Path, scale: int = 0, seed: int = 7, edition: int = 0,
                    base: str = "http://127.0.0.1:8080") -> int:
    """Render the web as served at `base` into `directory`; returns the number of files.

    Directory-like URLs ("/x/") are written as "/x/index.html". Cost is linear in `scale`
    (about a millisecond per generated article).
    """
    site = Site(seed, scale)
    root = Path(directory)
    count = 0
    for path in _urls(site, edition, base):
        reply = site.get(path, {}, base, edition)
        if reply.status != 200:
            continue
        target = root / (path.lstrip("/") or "index.html")
        if path.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(reply.body)
        count += 1
    return count
