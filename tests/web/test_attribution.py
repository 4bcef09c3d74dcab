"""Interface.attribution, built from pre-escaped parts, must give exactly the markup of the
straightforward construction (Markup formatting of each part, strftime for the date)."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta, timezone

import pytest
from markupsafe import Markup, escape

from jarida.web.i18n import LANGUAGES, Interface

SOURCES = ["Le Matin", "هسبريس", '<script>alert("x")</script> & Co', "50% %(date)s {0}"]
WHEN = [
    None,
    datetime(2026, 11, 20, 23, 30, tzinfo=UTC),  # already the next day in Casablanca (UTC+1)
    datetime(2026, 3, 1, 0, 15, tzinfo=timezone(timedelta(hours=-5))),
    datetime(5, 1, 2, 12, 0, tzinfo=UTC),  # %Y does not pad years below 1000
    datetime(987, 7, 9, 12, 0, 0, 123456, tzinfo=UTC),
]


def _reference(ui: Interface, source_name: str, when: datetime | None) -> Markup:
    source = Markup('<cite class="source-name">%s</cite>') % source_name
    if when is None:
        return escape(ui.gettext("Published in %(source)s")) % {"source": source}
    local = when.astimezone(zoneinfo.ZoneInfo(ui.timezone))
    # The date keeps the interface's direction: "يوم 20 - 11 - 2026" reads day first in Arabic.
    date = Markup('<time datetime="%s" dir="%s">%s</time>') % (
        when.isoformat(), ui.dir, local.strftime("%d - %m - %Y")
    )
    template = escape(ui.gettext("Published in %(source)s on %(date)s"))
    return template % {"source": source, "date": date}


@pytest.mark.parametrize("lang", [*LANGUAGES, "xx"])
@pytest.mark.parametrize("tz", ["Africa/Casablanca", "UTC", "Pacific/Kiritimati"])
def test_attribution_matches_the_plain_construction(lang: str, tz: str) -> None:
    ui = Interface(lang=lang, timezone=tz)
    for source in SOURCES:
        for when in WHEN:
            got = ui.attribution(source, when)
            assert isinstance(got, Markup)
            assert got == _reference(ui, source, when), (source, when)


def test_numeric_date_is_in_the_site_time_zone() -> None:
    ui = Interface(lang="fr", timezone="Africa/Casablanca")
    assert ui.numeric_date(datetime(2026, 11, 20, 23, 30, tzinfo=UTC)) == "21 - 11 - 2026"
    assert ui.numeric_date(datetime(5, 1, 2, 12, 0, tzinfo=UTC)) == "02 - 01 - 5"
