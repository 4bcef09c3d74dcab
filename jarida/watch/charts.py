"""Server-side SVG charts of the dashboard: a timeline stacked by tone and horizontal
bars (share of voice, top outlets). Plain SVG with presentation attributes (the site's
Content-Security-Policy allows no inline style), each with a <title> per mark; the page
puts a data table beside every chart for screen readers."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from jarida.storage.watch_analysis import Bucket

TONE_COLOURS = {"negative": "#c0392b", "neutral": "#8c8c8c", "positive": "#2e8b57",
                "unscored": "#cfd8dc"}
STACK = ("negative", "neutral", "positive", "unscored")
WIDTH, HEIGHT, PAD = 640, 220, 32


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def timeline_svg(buckets: Sequence[Bucket], title: str, labels: dict[str, str]) -> Markup:
    """Mentions per period, one bar per period stacked negative/neutral/positive/unscored."""
    top = _nice_max(max((b.total for b in buckets), default=0) or 1)
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    slot = inner_w / max(len(buckets), 1)
    bar = max(1.0, slot * 0.8)
    parts = [f'<svg class="watch-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(title)}" direction="ltr" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for k in range(5):  # grid lines and their values
        y = PAD + inner_h - inner_h * k / 4
        parts.append(f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y:.1f}" y2="{y:.1f}" '
                     'stroke="#e0e0e0" stroke-width="1"/>')
        parts.append(f'<text x="{PAD - 4}" y="{y + 4:.1f}" font-size="10" '
                     f'text-anchor="end" fill="#555">{top * k // 4}</text>')
    for i, b in enumerate(buckets):
        x = PAD + i * slot + (slot - bar) / 2
        y = PAD + inner_h
        parts.append(f'<g class="bar" data-period="{escape(b.period)}">')
        for tone in STACK:
            n = b.tones.get(tone, 0)
            if not n:
                continue
            h = inner_h * n / top
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{TONE_COLOURS[tone]}"><title>{escape(b.period)}: {n} '
                f"{escape(labels.get(tone, tone))}</title></rect>")
        parts.append("</g>")
    step = max(1, len(buckets) // 6)
    for i in range(0, len(buckets), step):
        x = PAD + i * slot + slot / 2
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 8}" font-size="10" text-anchor="middle" '
                     f'fill="#555">{escape(buckets[i].period[5:])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it went through escape()


def bars_svg(rows: Sequence[tuple[str, float, str]], title: str, *, percent: bool = False
             ) -> Markup:
    """Horizontal bars: (label, value, colour) per row."""
    height = 28 * max(len(rows), 1) + 8
    top = max((v for _, v, _ in rows), default=0) or 1
    label_w, inner = 170, WIDTH - 170 - 70
    parts = [f'<svg class="watch-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="{escape(title)}" direction="ltr" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for i, (label, value, colour) in enumerate(rows):
        y = 8 + i * 28
        w = inner * value / top
        shown = f"{value * 100:.1f} %" if percent else f"{value:g}"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end" '
                     f'fill="#222">{escape(label[:28])}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="20" '
                     f'fill="{colour}"><title>{escape(label)}: {shown}</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="12" '
                     f'fill="#222">{shown}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it went through escape()
