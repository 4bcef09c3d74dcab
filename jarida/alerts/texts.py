"""E-mail subject lines and text of alerts, in the subscription's language (fr, ar, es, en).

The strings live in the `alerts.po` catalogues beside the website's; the English msgid is
the English text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jarida.web.i18n import LANGUAGES, translations

Translate = Callable[[str], str]


def translator(language: str) -> Translate:
    return translations(language if language in LANGUAGES else "en").gettext


def _figure(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def alert_headline(alert: dict[str, Any], _: Translate) -> str:
    """One line naming an alert: the e-mail subject of an immediate alert."""
    rule = alert.get("rule")
    name = alert.get("subject_name") or alert.get("subject") or ""
    if rule == "spike":
        return _("Mention spike: {subject}").format(subject=name)
    if rule == "negative":
        return _("Negative tone surge: {subject}").format(subject=name)
    if rule == "new_outlet":
        return _("First mention of {subject} by {source}").format(
            subject=name, source=alert.get("source", ""))
    if rule == "query":
        return _("Saved search {query}: {title}").format(
            query=alert.get("query", ""), title=alert.get("title", ""))
    return _("Test alert")


def alert_lines(alert: dict[str, Any], _: Translate) -> list[str]:
    """The lines describing one alert in an e-mail body."""
    lines = ["* " + alert_headline(alert, _)]
    if "observed" in alert and alert.get("rule") in ("spike", "negative"):
        lines.append("  " + _("{observed} mentions, {expected} expected").format(
            observed=alert["observed"], expected=_figure(alert.get("expected", 0))))
    if alert.get("window_start"):
        lines.append("  " + _("Period: {start} to {end}").format(
            start=alert["window_start"], end=alert.get("window_end", "")))
    if alert.get("rule") == "new_outlet" and alert.get("title"):
        lines.append(f"  {alert['title']}")
    lines.extend(f"  {alert[field]}" for field in ("url", "link") if alert.get(field))
    return lines


def subject_line(site: str, payload: dict[str, Any], language: str) -> str:
    _ = translator(language)
    alerts = payload.get("alerts", [])
    if payload.get("type") == "digest":
        line = _("Daily digest of {day}: {count} alerts").format(
            day=payload.get("day", ""), count=len(alerts))
    else:
        line = alert_headline(alerts[0] if alerts else {}, _)
    return f"[{site}] {line}"


def body_text(site: str, payload: dict[str, Any], language: str) -> str:
    _ = translator(language)
    lines = [subject_line(site, payload, language), ""]
    for alert in payload.get("alerts", []):
        lines.extend(alert_lines(alert, _))
        lines.append("")
    lines.append(_("Reference: {key}").format(key=payload.get("idempotency_key", "")))
    return "\n".join(lines) + "\n"
