"""Sources that can be edited: re-import applies and reports changes, `sources edit`,
`sources add` checked like an import, and one registration per feed whatever its spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarida.cli import main
from jarida.sources.urls import feed_url_key, feed_url_variants, normalise_feed_url
from jarida.storage import Database
from jarida.storage import sources as store
from jarida.storage.web_queries import data_version

RIF = """sources:
  - slug: rif-express
    name: Rif Express
    languages: [fr]
    country: MA
    mode: {mode}
    feeds:
      - url: https://rif-express.ma/feed
        kind: rss
        section: {section}
"""


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JARIDA_DATABASE_URL", f"sqlite:///{tmp_path}/j.db")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, " ".join(captured.out.split()), captured.err

    assert run("init")[0] == 0
    return run


def _listed(cli) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    code, out, _ = cli("sources", "list", "--json")
    assert code == 0
    return {s["slug"]: s for s in json.loads(out)}


def test_reimport_applies_and_reports_changes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    registry = tmp_path / "sources.yaml"
    registry.write_text(RIF.format(mode="full", section="news"), encoding="utf-8")
    assert cli("sources", "import", str(registry))[0] == 0
    registry.write_text(RIF.format(mode="excerpt", section="politics"), encoding="utf-8")

    code, out, _ = cli("sources", "import", str(registry), "--dry-run")
    assert code == 0 and "would change rif-express: mode full → excerpt" in out
    assert "nothing written" in out
    assert _listed(cli)["rif-express"]["mode"] == "full"

    code, out, _ = cli("sources", "import", str(registry))
    assert code == 0
    assert "rif-express: mode full → excerpt" in out
    assert "rif-express: feed https://rif-express.ma/feed section news → politics" in out
    assert "updated 1 sources" in out
    assert _listed(cli)["rif-express"]["mode"] == "excerpt"
    code, out, _ = cli("sources", "import", str(registry))  # nothing left to change
    assert code == 0 and "→" not in out and "updated 0 sources" in out


def test_edit_one_source(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("sources", "add", "https://rif-express.ma/feed", "--slug", "rif-express",
               "--lang", "fr", "--country", "MA")[0] == 0
    code, out, _ = cli("sources", "edit", "rif-express", "--mode", "excerpt", "--dry-run")
    assert code == 0 and "would change rif-express: mode full → excerpt" in out
    assert _listed(cli)["rif-express"]["mode"] == "full"
    code, out, _ = cli("sources", "edit", "rif-express", "--mode", "excerpt", "--lang", "fr",
                       "--lang", "ar", "--country", "", "--unverified")
    assert code == 0
    for change in ("mode full → excerpt", "languages fr → fr,ar", "country MA → (none)",
                   "verified true → false"):
        assert f"rif-express: {change}" in out
    after = _listed(cli)["rif-express"]
    assert (after["mode"], after["languages"], after["country"], after["verified"]) == (
        "excerpt", ["fr", "ar"], None, False)
    code, _, err = cli("sources", "edit", "rif-express", "--country", "Morocco")
    assert code == 2 and "ISO 3166-1" in err
    code, _, err = cli("sources", "edit", "nosuch", "--mode", "full")
    assert code == 2 and "no source named 'nosuch'" in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--slug", "Bad Slug/../é!"], "slug must be lowercase ASCII"),
        (["--country", "Morocco"], "ISO 3166-1"),
        (["--country", "XX"], "ISO 3166-1"),
        (["--lang", "french"], "ISO 639-1"),
        (["--lang", "fr", "--lang", "fr"], "listed twice"),
        (["--mode", "summary"], "mode must be one of"),
        (["--kind", "html"], "feed kind must be one of"),
        (["--timezone", "Mars/Base"], "unknown IANA time zone"),
        (["--name", "two\nlines"], "single line"),
        (["--homepage", "ftp://x.ma"], "homepage must be an http or https URL"),
        (["--slug", "taken"], "source 'taken' already exists"),
    ],
)
def test_add_refuses_what_import_refuses(cli, args: list[str], fragment: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("sources", "add", "https://taken.ma/feed", "--slug", "taken")[0] == 0
    code, _, err = cli("sources", "add", "https://other.ma/feed", *args)
    assert code == 2 and fragment in err and err.count("\n") == 1
    assert set(_listed(cli)) == {"taken"}


def test_what_add_accepts_reimports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("sources", "add", "https://lematin.ma/rss", "--name", "Le Matin", "--lang", "fr",
               "--country", "ma", "--mode", "excerpt", "--timezone", "Africa/Casablanca",
               "--section", "Économie")[0] == 0
    assert cli("sources", "add", "https://lematin.ma/sitemap.xml", "--to", "le-matin",
               "--kind", "sitemap")[0] == 0
    exported = tmp_path / "out.yaml"
    assert cli("sources", "export", "-o", str(exported))[0] == 0
    before = _listed(cli)
    code, out, _ = cli("sources", "import", str(exported))
    assert code == 0 and "imported 0 sources and 0 feeds" in out and "→" not in out
    assert _listed(cli) == before
    code, _, err = cli("sources", "add", "https://x.ma/f", "--to", "le-matin", "--mode", "full")
    assert code == 2 and "sources edit le-matin" in err


@pytest.mark.parametrize(
    "spelling",
    ["HTTPS://Rif-Express.MA/feed", "https://rif-express.ma:443/feed",
     "https://rif-express.ma/feed/", "https://rif-express.ma/feed#top"],
)
def test_one_feed_is_registered_once_whatever_its_spelling(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           spelling: str) -> None:
    assert cli("sources", "add", "https://rif-express.ma/feed", "--slug", "rif-express")[0] == 0
    code, _, err = cli("sources", "add", spelling)
    assert code == 2 and "feed already registered" in err
    registry = tmp_path / "again.yaml"
    registry.write_text(
        f"sources:\n  - name: Rif Express bis\n    feeds: [{{url: '{spelling}'}}]\n",
        encoding="utf-8")
    code, out, _ = cli("sources", "import", str(registry))
    assert code == 0 and "and 0 feeds" in out
    listed = _listed(cli)
    assert sum(len(s["feeds"]) for s in listed.values()) == 1  # type: ignore[arg-type]


def test_url_normal_form() -> None:
    assert normalise_feed_url("HTTP://Example.MA:80/a/?q=1#x") == "http://example.ma/a/?q=1"
    assert normalise_feed_url("https://example.ma") == "https://example.ma/"
    assert normalise_feed_url("https://example.ma:8443/f") == "https://example.ma:8443/f"
    assert normalise_feed_url("http://[2001:DB8::1]:80/f") == "http://[2001:db8::1]/f"
    assert "https://example.ma/feed/" in feed_url_variants("https://Example.ma/feed")
    assert feed_url_key("https://a.ma/feed/") == feed_url_key("HTTPS://A.MA:443/feed")
    assert feed_url_key("https://a.ma/feed?x=1") != feed_url_key("https://a.ma/feed?x=2")


def test_switching_to_excerpt_changes_the_site_data_version(tmp_path: Path) -> None:
    """The site's page cache keys on the data version: an edit must move it at once."""
    from jarida.model import SourceSpec

    db = Database.open(f"sqlite:///{tmp_path}/v.db")
    db.upgrade()
    with db.write() as conn:
        store.insert_source(conn, SourceSpec(slug="rif", name="Rif"))
    with db.read() as conn:
        before = data_version(conn).fingerprint
    with db.write() as conn:
        source = store.source_by_slug(conn, "rif")
        assert source is not None
        store.update_source(conn, source.id, {"mode": "excerpt"})
    with db.read() as conn:
        assert data_version(conn).fingerprint != before
    db.close()
