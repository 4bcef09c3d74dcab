"""The four alert rules, from stored mentions and articles to `NewAlert` events.

Each event has a `dedup_key` naming it (a subject's spike on a local day, an outlet's
first mention of a subject, a saved query's article), so evaluating again (after every
crawl pass, after a restart) never records it twice:

- spike: at most one per subject and local day, raised by the day's count so far or by
  any one clock hour of that day (`spike.spike`, baseline: the 14 days before);
- negative: at most one per subject and local day (`spike.negative_surge`, scored
  mentions only);
- new_outlet: once per (subject, outlet), when an outlet's first mention of a subject
  is recent and some other outlet mentioned the subject before;
- query: once per (saved query, article) for articles published after the query was saved.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from jarida.alerts import spike as stats
from jarida.alerts.windows import day_bounds, hour_floor, local_day, recent_days
from jarida.settings import Settings
from jarida.storage.alert_signals import (
    MentionPoint,
    article_briefs,
    articles_matching,
    first_mentions_since,
    mention_points,
    subject_names,
)
from jarida.storage.alerts import NewAlert, list_queries


def _subject_details(settings: Settings, names: dict[int, tuple[str, str]], subject_id: int
                     ) -> dict[str, str]:
    slug, name = names.get(subject_id, (str(subject_id), str(subject_id)))
    return {"subject": slug, "subject_name": name,
            "link": f"{settings.base_url.rstrip('/')}/veille/{slug}"}


def _daily(points: list[MentionPoint], zone: ZoneInfo) -> dict[int, Counter[date]]:
    per: dict[int, Counter[date]] = defaultdict(Counter)
    for p in points:
        per[p.subject_id][local_day(p.at, zone)] += 1
    return per


def spike_alerts(settings: Settings, points: list[MentionPoint],
                 names: dict[int, tuple[str, str]], now: datetime) -> list[NewAlert]:
    zone = ZoneInfo(settings.timezone)
    daily = _daily(points, zone)
    by_subject: dict[int, list[MentionPoint]] = defaultdict(list)
    for p in points:
        by_subject[p.subject_id].append(p)
    found: list[NewAlert] = []
    for subject_id, counts in sorted(daily.items()):
        for day in recent_days(now, zone, settings.alerts_lookback_days):
            history = [counts[day - timedelta(days=k)] for k in range(1, stats.BASELINE_DAYS + 1)]
            start, end = day_bounds(day, zone)
            past_start = start - timedelta(days=stats.BASELINE_DAYS)
            mine = by_subject[subject_id]
            hours = Counter(hour_floor(p.at) for p in mine if start <= p.at < end)
            clock = Counter(p.at.astimezone(zone).hour for p in mine
                            if past_start <= p.at < start)
            limits = (settings.alerts_spike_min_count, settings.alerts_spike_ratio,
                      settings.alerts_spike_alpha)
            windows = [(start, min(end, now), 24, stats.spike(
                counts[day], history, min_count=limits[0], ratio=limits[1], alpha=limits[2]))]
            for h, n in sorted(hours.items()):
                usual = clock[h.astimezone(zone).hour] / stats.BASELINE_DAYS
                windows.append((h, h + timedelta(hours=1), 1, stats.hour_spike(
                    n, history, usual, min_count=limits[0], ratio=limits[1], alpha=limits[2])))
            for w_start, w_end, length, verdict in windows:
                if not verdict.alert:
                    continue
                n = verdict.observed
                found.append(NewAlert(
                    dedup_key=f"spike:{subject_id}:{day.isoformat()}", rule="spike",
                    subject_id=subject_id, window_start=w_start, window_end=w_end,
                    observed=n, expected=round(verdict.expected, 3), score=verdict.tail,
                    details={**_subject_details(settings, names, subject_id),
                             "window": "day" if length == 24 else "hour",
                             "day": day.isoformat()},
                ))
                break  # one spike per subject and day: the first window that shows it
    return found


def negative_alerts(settings: Settings, points: list[MentionPoint],
                    names: dict[int, tuple[str, str]], now: datetime) -> list[NewAlert]:
    zone = ZoneInfo(settings.timezone)
    scored = [p for p in points if p.tone is not None]
    by_subject: dict[int, list[MentionPoint]] = defaultdict(list)
    for p in scored:
        by_subject[p.subject_id].append(p)
    found: list[NewAlert] = []
    for subject_id, mine in sorted(by_subject.items()):
        for day in recent_days(now, zone, settings.alerts_lookback_days):
            start, end = day_bounds(day, zone)
            past_start = start - timedelta(days=stats.BASELINE_DAYS)
            today = [p for p in mine if start <= p.at < end]
            past = [p for p in mine if past_start <= p.at < start]
            negative = sum(p.tone == "negative" for p in today)
            verdict = stats.negative_surge(
                negative, len(today), sum(p.tone == "negative" for p in past), len(past),
                min_negative=settings.alerts_negative_min, alpha=settings.alerts_spike_alpha)
            if verdict.alert:
                found.append(NewAlert(
                    dedup_key=f"negative:{subject_id}:{day.isoformat()}", rule="negative",
                    subject_id=subject_id, window_start=start, window_end=min(end, now),
                    observed=negative, expected=round(verdict.expected, 3),
                    score=verdict.tail,
                    details={**_subject_details(settings, names, subject_id),
                             "day": day.isoformat(), "mentions": len(today)},
                ))
    return found


def new_outlet_alerts(conn: Connection, settings: Settings, names: dict[int, tuple[str, str]],
                      since: datetime, now: datetime) -> list[NewAlert]:
    return [
        NewAlert(
            dedup_key=f"new_outlet:{f.subject_id}:{f.source_id}", rule="new_outlet",
            subject_id=f.subject_id, source_id=f.source_id, article_id=f.article_id,
            window_start=f.at, observed=1,
            details={**_subject_details(settings, names, f.subject_id),
                     "source": f.source_name, "title": f.title, "url": f.url,
                     "published_at": f.at.isoformat()},
        )
        for f in first_mentions_since(conn, since, now) if f.subject_since < f.at
    ]


def query_alerts(conn: Connection, since: datetime, now: datetime) -> list[NewAlert]:
    found: list[NewAlert] = []
    for query in list_queries(conn):
        ids = articles_matching(conn, query.query, query.language, max(since, query.created_at),
                                now)
        for brief in article_briefs(conn, ids):
            found.append(NewAlert(
                dedup_key=f"query:{query.id}:{brief.id}", rule="query", query_id=query.id,
                article_id=brief.id, observed=1,
                details={"query": query.name, "search": query.query, "title": brief.title,
                         "url": brief.url, "source": brief.source,
                         "published_at": brief.at.isoformat()},
            ))
    return found


def evaluate(conn: Connection, settings: Settings, now: datetime) -> list[NewAlert]:
    """Every event the rules see in the last `alerts_lookback_days` days up to `now`."""
    zone = ZoneInfo(settings.timezone)
    first_day = recent_days(now, zone, settings.alerts_lookback_days)[0]
    since, _ = day_bounds(first_day, zone)
    history_start = since - timedelta(days=stats.BASELINE_DAYS)
    points = mention_points(conn, history_start, now)
    names = subject_names(conn)
    return (spike_alerts(settings, points, names, now)
            + negative_alerts(settings, points, names, now)
            + new_outlet_alerts(conn, settings, names, since, now)
            + query_alerts(conn, since, now))
