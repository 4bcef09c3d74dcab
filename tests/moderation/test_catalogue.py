"""Every message of the image, report and admin templates is translated (fr, ar, es)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jarida.web.i18n import translations

WEB = Path(__file__).parents[2] / "jarida" / "web"
FILES = [*WEB.glob("templates/admin/*.html"), WEB / "templates" / "_images.html",
         WEB / "templates" / "report_thanks.html", WEB / "admin" / "routes.py",
         WEB / "reports.py"]


def _msgids() -> set[str]:
    pattern = re.compile(r"""(?:\b_|gettext)\(\s*(["'])(.+?)\1""")
    return {m.group(2) for f in FILES for m in pattern.finditer(f.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lang", ["fr", "ar", "es"])
def test_admin_and_report_messages_are_translated(lang: str) -> None:
    used = _msgids()
    assert len(used) > 40
    catalogue = translations(lang)
    assert not sorted(m for m in used if catalogue.gettext(m) == m and m not in {
        "Administration", "Articles", "Action", "Violence", "image", "Source", "Sources"} | (
        {"Pause"} if lang == "fr" else set()))
