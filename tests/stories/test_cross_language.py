"""Cross-language linking: coverage of one event in French and Arabic ends up in one story,
while another event with the same places and people stays apart."""

from __future__ import annotations

from bench.stories import demo_items, place_fresh
from jarida.stories.features import features


def test_strike_covered_in_french_and_arabic_is_one_story() -> None:
    # The Oujda station strike carries no figure but its weekday ("jeudi", "الخميس"), and
    # the rail line story shares its city and its director: a distractor to keep apart.
    items = [i for i in demo_items() if i.event in ("oujda-station-strike", "rail-oujda")]
    assert {i.language for i in items if i.event == "oujda-station-strike"} == {"fr", "ar"}
    placed = place_fresh(items)
    strike = {placed[i.id] for i in items if i.event == "oujda-station-strike"}
    rail = {placed[i.id] for i in items if i.event == "rail-oujda"}
    assert len(strike) == 1, placed
    assert not strike & rail


def test_arabic_name_candidates_are_kept_in_reading_order() -> None:
    # Every uncommon Arabic word may be a name; when there are more than the budget, the
    # lead's come first (they carried the alphabet's first letters before).
    filler = " ".join(f"كلمة{chr(0x0628 + n % 20)}{chr(0x0628 + n // 20)}" for n in range(60))
    f = features("ar", "وجدة: إضراب", "صرح الوزاني للصحافة. " + filler)
    assert "n:SN" in f.cross  # الوزاني, early in the lead, though late in the alphabet
