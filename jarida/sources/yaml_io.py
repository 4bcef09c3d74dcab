"""Read and write the YAML source registry, reporting every problem with its line.

Format (one file, UTF-8)::

    sources:
      - slug: hespress-fr          # optional; derived from name (or homepage host)
        name: Hespress FR          # required
        homepage: https://fr.hespress.com
        languages: [fr]            # ISO 639-1 codes
        country: MA                # ISO 3166-1 alpha-2
        section: news              # default section of the outlet's articles
        mode: excerpt              # full (republish text) | excerpt (summary + link)
        timezone: Africa/Casablanca  # optional IANA zone for undated times
        verified: false            # feed addresses checked to work? (default true)
        feeds:
          - url: https://fr.hespress.com/feed
            kind: rss              # rss | atom | sitemap | listing (default rss)
            section: politics      # optional, overrides the source's section
            title: Politique       # optional
            listing_pattern: /\\d+\\.html$  # only for kind listing: regex over link URLs

Unknown keys, duplicate keys, bad values, duplicate slugs and duplicate feed URLs
all raise one `RegistryFileError` naming the line; nothing is returned partially.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml

from jarida.model import FeedKind, FeedSpec, SourceSpec
from jarida.sources import checks
from jarida.sources.errors import InvalidValue, RegistryFileError
from jarida.sources.registry import SourceDraft, finish_sources

SOURCE_KEYS = (
    "slug", "name", "homepage", "languages", "country", "section",
    "mode", "timezone", "verified", "feeds",
)  # fmt: skip
FEED_KEYS = ("url", "kind", "section", "listing_pattern", "title")
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_T = TypeVar("_T")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _compose(text: str) -> yaml.Node | None:
    try:
        loader = yaml.SafeLoader(text)  # refuses control characters at once (ReaderError)
    except yaml.YAMLError as exc:
        raise RegistryFileError(f"malformed YAML: {' '.join(str(exc).split())}") from exc
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        raise RegistryFileError(
            f"malformed YAML: {problem}", mark.line + 1 if mark else None
        ) from exc
    except yaml.YAMLError as exc:
        raise RegistryFileError(f"malformed YAML: {exc}") from exc
    finally:
        loader.dispose()


def _mapping(node: yaml.Node, what: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
    """Keys of a mapping node, refusing duplicates and keys we do not know."""
    if not isinstance(node, yaml.MappingNode):
        raise RegistryFileError(f"{what} must be a mapping", _line(node))
    result: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key not in allowed:
            raise RegistryFileError(
                f"unknown key {key!r} in {what} (expected {', '.join(allowed)})", _line(key_node)
            )
        if key in result:
            raise RegistryFileError(f"key {key!r} repeated in {what}", _line(key_node))
        if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL):
            result[key] = value_node
    return result


def _text(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag == _BOOL:
        raise RegistryFileError(f"{what} must be a plain text value", _line(node))
    try:
        return checks.check_text(str(node.value), what)
    except InvalidValue as exc:
        raise RegistryFileError(str(exc), _line(node)) from exc


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise RegistryFileError(f"{what} must be a list", _line(node))
    return list(node.value)


def _checked(node: yaml.Node, what: str, check: Callable[[str], _T]) -> _T:
    """Run one field check on a scalar, pinning any failure to the node's line."""
    try:
        return check(_text(node, what))
    except InvalidValue as exc:
        raise RegistryFileError(str(exc), _line(node)) from exc


def _feed(node: yaml.Node) -> tuple[FeedSpec, int | None]:
    keys = _mapping(node, "feed", FEED_KEYS)
    if "url" not in keys:
        raise RegistryFileError("feed has no url", _line(node))
    url = _checked(keys["url"], "feed url", lambda v: checks.check_url(v, "feed url"))
    kind: FeedKind = "rss"
    if "kind" in keys:
        kind = _checked(keys["kind"], "kind", checks.check_kind)
    pattern = None
    if "listing_pattern" in keys:
        pattern = _checked(
            keys["listing_pattern"], "listing_pattern",
            lambda v: checks.check_listing_pattern(v, kind),
        )  # fmt: skip
    section = _text(keys["section"], "feed section") if "section" in keys else None
    title = _text(keys["title"], "feed title") if "title" in keys else None
    spec = FeedSpec(url=url, kind=kind, section=section, listing_pattern=pattern, title=title)
    return spec, _line(keys["url"])


def _languages(node: yaml.Node) -> tuple[str, ...]:
    items = [node] if isinstance(node, yaml.ScalarNode) else _sequence(node, "languages")
    codes = [_text(item, "language") for item in items]
    try:
        return checks.check_languages(codes)
    except InvalidValue as exc:
        raise RegistryFileError(str(exc), _line(node)) from exc


def _source(node: yaml.Node) -> SourceDraft:
    keys = _mapping(node, "source", SOURCE_KEYS)
    if "name" not in keys:
        raise RegistryFileError("source has no name", _line(node))
    verified = True
    if "verified" in keys:
        flag = keys["verified"]
        if not (isinstance(flag, yaml.ScalarNode) and flag.tag == _BOOL):
            raise RegistryFileError("verified must be true or false", _line(flag))
        verified = str(flag.value).lower() in ("true", "yes", "on")

    def opt(key: str, check: Callable[[str], str]) -> str | None:
        return _checked(keys[key], key, check) if key in keys else None

    feeds = [_feed(item) for item in _sequence(keys["feeds"], "feeds")] if "feeds" in keys else []
    return SourceDraft(
        line=_line(node),
        slug=opt("slug", checks.check_slug),
        slug_line=_line(keys["slug"]) if "slug" in keys else _line(node),
        name=_text(keys["name"], "name"),
        homepage=opt("homepage", lambda v: checks.check_url(v, "homepage")),
        languages=_languages(keys["languages"]) if "languages" in keys else (),
        country=opt("country", checks.check_country),
        section=_text(keys["section"], "section") if "section" in keys else None,
        mode=_checked(keys["mode"], "mode", checks.check_mode) if "mode" in keys else "full",
        timezone=opt("timezone", checks.check_timezone),
        verified=verified,
        feeds=feeds,
    )


def _read_text(text_or_path: str | Path) -> str:
    if isinstance(text_or_path, Path):
        path = text_or_path
    elif "\n" not in text_or_path and text_or_path.endswith((".yaml", ".yml")):
        path = Path(text_or_path)
    else:
        return text_or_path
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryFileError(f"cannot read {path}: {exc}") from exc


def load_sources_yaml(text_or_path: str | Path) -> list[SourceSpec]:
    """Parse a registry file (YAML text, or a Path / '*.yaml' path string) into sources."""
    root = _compose(_read_text(text_or_path))
    if root is None:
        raise RegistryFileError("file is empty: expected a top-level 'sources:' list", 1)
    keys = _mapping(root, "file", ("sources",))
    if "sources" not in keys:
        raise RegistryFileError("expected a top-level 'sources:' list", _line(root))
    drafts = [_source(item) for item in _sequence(keys["sources"], "sources")]
    return finish_sources(drafts)


class _Dumper(yaml.SafeDumper):
    """Writes language lists inline ([fr, ar]) and everything else in block style."""


class _Inline(list[str]):
    pass


_Dumper.add_representer(
    _Inline, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _feed_dict(feed: FeedSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"url": feed.url, "kind": feed.kind}
    for key in ("section", "title", "listing_pattern"):
        if getattr(feed, key) is not None:
            out[key] = getattr(feed, key)
    return out


def _source_dict(spec: SourceSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"slug": spec.slug, "name": spec.name}
    if spec.homepage is not None:
        out["homepage"] = spec.homepage
    out["languages"] = _Inline(spec.languages)
    for key in ("country", "section"):
        if getattr(spec, key) is not None:
            out[key] = getattr(spec, key)
    out["mode"] = spec.mode
    if spec.timezone is not None:
        out["timezone"] = spec.timezone
    out["verified"] = spec.verified
    out["feeds"] = [_feed_dict(feed) for feed in spec.feeds]
    return out


def dump_sources_yaml(specs: Sequence[SourceSpec]) -> str:
    """Serialise sources so that `load_sources_yaml` gives them back unchanged."""
    data = {"sources": [_source_dict(spec) for spec in specs]}
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
        width=100,
    )  # fmt: skip
