"""The quick test for an outlet dateline gives the answer of a full scan of the text."""

from __future__ import annotations

import pytest

from jarida.extract.datelines import _DANGLING, _LEAD_RE, DATELINE, _may_hold_dateline

STORY = "The council voted on Tuesday. " * 40


def _full_scan(text: str) -> bool:
    """The reference: every lead the pattern finds anywhere in the text, tried in turn."""
    return any(DATELINE.match(text, lead.start()) or _DANGLING.match(text, lead.start())
               for lead in _LEAD_RE.finditer(text))


@pytest.mark.parametrize("text", [
    STORY + "\nPublié dans Hespress le 24 - 11 - 2020",
    STORY + "\nFIRST PUBLISHED IN The Courier ON 3 March 2021",
    STORY + "\nFirst published in The Courier on 3 March 2021 at 10:15",
    "Publicado en El País el 5 de mayo de 2019\n" + STORY,
    STORY + "\nAparecido en Diario Sur el 12/04/2018",
    STORY + "\nParu dans Le Matin le\n",
    STORY + "\nنشر في هسبريس يوم 24 - 11 - 2020",
    STORY + "\nIt was republished in The Courier on 3 March 2021",  # inside a word: no lead
    STORY + "\nThe public was published in print on 3 March",  # hints without a dateline
    STORY,
    "İstanbul " + STORY + "\nPublished in The Courier on 3 March 2021",  # lower() grows
])
def test_quick_test_agrees_with_a_full_scan(text: str) -> None:
    assert _may_hold_dateline(text) == _full_scan(text)


def test_quick_test_finds_a_dateline_after_first() -> None:
    assert _may_hold_dateline(STORY + "\nFirst published in The Courier on 3 March 2021")
    assert not _may_hold_dateline(STORY + "\nIt was republished in The Courier on 3 March 2021")
