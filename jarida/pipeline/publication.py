"""Whether a publication date can be believed, given when the page was fetched.

A page cannot have been published after we fetched it. A date a little later than
the fetch is a clock or time-zone slip on a page just published: it becomes the
fetch time. A date further ahead (a `pubDate` in 2100, an embargo stamp, a day-month
swap) says nothing true about when the article appeared: it is dropped, and the
article sorts by its fetch time like any undated one, instead of staying on top of
every list until the date comes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# UTC+14 is the widest offset in use: a local time misread in the wrong zone is off
# by less than this, so it is clock error; beyond it, the date itself is wrong.
FUTURE_MARGIN = timedelta(hours=14)


def trusted_publication(published: datetime | None, fetched_at: datetime) -> datetime | None:
    """`published` if it is not after `fetched_at`; clamped within the margin; else None."""
    if published is None or published <= fetched_at:
        return published
    if published - fetched_at <= FUTURE_MARGIN:
        return fetched_at
    return None
