"""Within a language, the same people and places doing something else are another event."""

from __future__ import annotations

from pathlib import Path

from bench.stories import load_set, place_all
from jarida.storage import Database


def test_taxi_strike_stays_out_of_the_busway_story(tmp_path: Path) -> None:
    # Same city, districts and mayor, a day apart; the taxi drivers' strike shares no
    # event word with the busway line's opening.
    items = [i for i in load_set() if i.event in ("casa-busway", "d-casa-taxis")]
    db = Database.open(f"sqlite:///{tmp_path}/s.db")
    db.upgrade()
    try:
        placed = place_all(items, db)
    finally:
        db.close()
    busway = {placed[i.id] for i in items if i.event == "casa-busway"}
    taxis = {placed[i.id] for i in items if i.event == "d-casa-taxis"}
    assert len(busway) == 1  # its French and Arabic coverage together
    assert not busway & taxis
