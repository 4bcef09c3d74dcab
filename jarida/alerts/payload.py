"""The JSON body of a delivery, fixed when the delivery is queued (so a re-send is the
same bytes, with the same signature)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from jarida.storage.alerts import StoredAlert

VERSION = 1


def alert_object(alert: StoredAlert) -> dict[str, Any]:
    return {"id": alert.id, "rule": alert.rule, "created_at": alert.created_at.isoformat(),
            **alert.details}


def delivery_body(*, key: str, kind: str, created_at: datetime, alerts: Sequence[StoredAlert],
                  day: str | None = None) -> str:
    """`kind` is "alert" (one alert, sent at once) or "digest" (a day's alerts)."""
    body: dict[str, Any] = {
        "version": VERSION, "type": kind, "idempotency_key": key,
        "created_at": created_at.isoformat(),
    }
    if day is not None:
        body["day"] = day
    body["alerts"] = [alert_object(a) for a in alerts]
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
