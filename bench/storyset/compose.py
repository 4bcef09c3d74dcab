"""Turn the events into articles: three outlets per language, wire copies with edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bench.storyset.types import Event, Telling

OUTLETS: dict[str, tuple[str, ...]] = {
    "fr": ("maghreb-presse", "le-matin-atlas", "rabat-hebdo", "echo-du-souss",
           "la-voix-du-nord-ma"),
    "ar": ("wikalat-al-maghrib", "al-akhbar-al-yawm", "sawt-al-janoub", "al-massa", "al-rif-news"),
    "es": ("agencia-norte", "diario-del-estrecho", "el-faro-ceuta", "norte-hoy", "sur-digital"),
    "en": ("maghreb-wire-en", "morocco-world-report", "atlas-post", "north-africa-daily",
           "gulf-desk"),
}
# Which sentences article k keeps, in order: outlets pick and reorder the facts.
PICKS: tuple[tuple[int, ...], ...] = ((0, 1, 2, 3), (0, 2, 3), (1, 0, 3), (0, 3))
DATELINE = {"fr": "RABAT (MP) - ", "ar": "الرباط (و م) - ", "es": "RABAT (AN) - ",
            "en": "RABAT (MW) - "}
CREDIT = {"fr": "Avec MP", "ar": "عن وكالة المغرب", "es": "Con información de AN",
          "en": "Reporting by MW"}
ADDED = {"fr": "Nous y reviendrons dans notre prochaine édition.",
         "ar": "وسنعود إلى الموضوع في عددنا المقبل.",
         "es": "Ampliaremos la información en próximas ediciones.",
         "en": "More to follow in our next edition."}


def _when(event: Event, k: int, count: int) -> datetime:
    start = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(days=event.day - 1, hours=event.hour)
    if event.span_days > 1:
        return start + timedelta(days=(event.span_days - 1) * k / max(1, count - 1), hours=k)
    return start + timedelta(hours=2 * k + (k * 37) % 5)


def _own(event: Event, lang: str, telling: Telling) -> list[dict[str, Any]]:
    count = 4 if event.span_days > 1 else min(3, len(telling.sentences))
    if event.distractor_of:
        count = 1
    rows = []
    for k in range(count):
        pick = PICKS[k] if len(telling.sentences) >= 4 else tuple(range(len(telling.sentences)))
        rows.append({
            "id": f"{event.id}-{lang}-{k}", "event": event.id, "language": lang,
            "source": OUTLETS[lang][k + (0 if k < 1 else 1)],
            "title": telling.titles[k % 3],
            "text": " ".join(telling.sentences[i] for i in pick),
            "published_at": _when(event, k, count).isoformat(),
        })
    if event.distractor_of:
        rows[0]["distractor_of"] = event.distractor_of
    return rows


def _copies(event: Event, lang: str, wire: dict[str, Any],
            telling: Telling) -> list[dict[str, Any]]:
    """Two outlets republish the agency's dispatch: a new headline, a dateline, a credit
    line, a sentence removed or one added."""
    wire["source"] = OUTLETS[lang][0]
    sentences = [telling.sentences[i] for i in PICKS[0]]
    first = {
        "title": telling.titles[1],
        "text": DATELINE[lang] + " ".join(sentences[:-1]) + " " + CREDIT[lang],
        "source": OUTLETS[lang][4],
    }
    second = {
        "title": telling.titles[0].rstrip(".") + (" (وكالة)" if lang == "ar" else " [+]"),
        "text": " ".join(sentences) + " " + ADDED[lang],
        "source": OUTLETS[lang][3],
    }
    rows = []
    base = datetime.fromisoformat(wire["published_at"])
    for j, copy in enumerate((first, second)):
        rows.append({
            "id": f"{event.id}-{lang}-c{j}", "event": event.id, "language": lang,
            "source": copy["source"], "title": copy["title"], "text": copy["text"],
            "published_at": (base + timedelta(minutes=25 + 40 * j)).isoformat(),
            "copy_of": wire["id"],
        })
    return rows


def articles(events: tuple[Event, ...]) -> list[dict[str, Any]]:
    """Every article of the set, oldest first."""
    out: list[dict[str, Any]] = []
    for event in events:
        for lang, telling in event.tellings.items():
            own = _own(event, lang, telling)
            out += own
            if lang in event.copies:
                out += _copies(event, lang, own[0], telling)
    out.sort(key=lambda r: (r["published_at"], r["id"]))
    return out
