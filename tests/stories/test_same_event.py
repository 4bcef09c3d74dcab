"""Within a language, the same people and places doing something else are another event."""

from __future__ import annotations

from bench.stories import load_set, place_fresh


def test_taxi_strike_stays_out_of_the_busway_story() -> None:
    # Same city, districts and mayor, a day apart; the taxi drivers' strike shares no
    # event word with the busway line's opening.
    items = [i for i in load_set() if i.event in ("casa-busway", "d-casa-taxis")]
    placed = place_fresh(items)
    busway = {placed[i.id] for i in items if i.event == "casa-busway"}
    taxis = {placed[i.id] for i in items if i.event == "d-casa-taxis"}
    assert len(busway) == 1  # its French and Arabic coverage together
    assert not busway & taxis
