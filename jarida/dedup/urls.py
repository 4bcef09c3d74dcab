"""Canonical article URLs: one spelling per article, so the same story is stored once.

Only normalisations that cannot change which resource a server returns are
applied (RFC 3986 section 6 plus tracking parameters), with one documented
exception: a trailing `index.html`/`index.htm` is dropped, because news sites
serve the directory and its index file as the same page and feeds mix the two.
Never applied: trailing-slash changes, `//` collapsing, `www.` removal, query
value decoding, http->https upgrades. Those merge distinct pages on some sites.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

import idna
from courlan import extract_domain

# Exact parameter names (compared lowercase) that only track clicks and campaigns.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "twclid", "ttclid", "yclid",
        "ysclid", "wbraid", "gbraid", "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl",
        "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "ref_src", "ref_url", "spm", "scm",
        "xtor", "xtref", "cmpid", "ocid", "s_cid", "li_fat_id", "wt.mc_id", "wt_mc_id",
        "__twitter_impression", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid",
        "ns_campaign", "ns_mchannel", "ns_source", "ns_linkname", "ns_fee",
    }
)
# Parameter-name prefixes used only by analytics suites (Google, AT Internet, Matomo, Piwik...).
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "matomo_", "piwik_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT_RE = re.compile(r"%([0-9A-Fa-f]{2})")
# Characters allowed unescaped in a path or query (RFC 3986 pchar plus '/' and '?').
_PATH_SAFE = frozenset(_UNRESERVED | set("!$&'()*+,;=:@/%"))
_QUERY_SAFE = frozenset(_PATH_SAFE | {"?"})
_INDEX_FILES = ("/index.html", "/index.htm")


def canonical_url(url: str, *, rel_canonical: str | None = None) -> str:
    """The one spelling under which an article is stored; raises ValueError if not http(s).

    A page's rel=canonical is preferred when it stays on the same site (same
    registrable domain) and does not point at the site's home page while the page
    itself is deeper: cross-site canonicals (syndication, hostile pages) and the
    common "everything is canonical to /" CMS bug are ignored.
    """
    own = _normalise(url)
    if rel_canonical:
        try:
            preferred = _normalise(urljoin(url.strip(), rel_canonical.strip()))
        except ValueError:
            return own
        if same_site(own, preferred) and not _is_home_demotion(own, preferred):
            return preferred
    return own


def url_key(url: str, *, rel_canonical: str | None = None) -> str:
    """SHA-256 (hex) of the canonical URL: fixed-length, index-friendly."""
    return hashlib.sha256(canonical_url(url, rel_canonical=rel_canonical).encode()).hexdigest()


def registrable_domain(host: str) -> str:
    """'www.hespress.com' -> 'hespress.com' (public suffix list); IPs and odd hosts as-is."""
    return _registrable(host.lower().rstrip("."))


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs share a registrable domain (m., www., amp. subdomains agree)."""
    host_a, host_b = urlsplit(url_a).hostname, urlsplit(url_b).hostname
    if not host_a or not host_b:
        return False
    return registrable_domain(host_a) == registrable_domain(host_b)


@lru_cache(maxsize=4096)
def _registrable(host: str) -> str:
    known = extract_domain(f"http://{host}/")
    if known:
        return known
    # Not on the public suffix list (IPs, localhost, .test/.example demo hosts):
    # IPs stay whole, names keep their last two labels.
    labels = host.strip("[]").split(".")
    if ":" in host or all(label.isdigit() for label in labels) or len(labels) < 2:
        return host
    return ".".join(labels[-2:])


def _normalise(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url[:200]!r}")
    host = _ascii_host(parts.hostname)
    if not host:  # "https://./": nothing left once the root dot is dropped
        raise ValueError(f"not an absolute http(s) URL: {url[:200]!r}")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal: urlsplit's hostname drops the brackets
    port = parts.port  # raises ValueError on a non-numeric port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _remove_dot_segments(_normalise_escapes(parts.path, _PATH_SAFE)) or "/"
    if path.endswith(_INDEX_FILES):
        path = path.rsplit("/", 1)[0] + "/"
    query = _clean_query(parts.query)
    fragment = parts.fragment if parts.fragment.startswith("!") else ""  # keep #! routes
    return urlunsplit((scheme, netloc, path, query, _normalise_escapes(fragment, _QUERY_SAFE)))


def _ascii_host(host: str) -> str:
    """Lowercase, no trailing dot, IDN in its xn-- (punycode) form."""
    host = host.rstrip(".").lower()
    if host.isascii() or host.startswith("["):
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        return host.encode("idna").decode("ascii")


def _normalise_escapes(component: str, safe: frozenset[str]) -> str:
    """Decode escapes of unreserved characters, uppercase the others, escape the unsafe."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match[1], 16))
        return char if char in _UNRESERVED else "%" + match[1].upper()

    text = _PCT_RE.sub(fix, component)
    if all(char in safe for char in text) and "%" not in _PCT_RE.sub("", text):
        return text
    out = []
    for index, char in enumerate(text):
        keep = _PCT_RE.match(text, index) if char == "%" else char in safe
        if keep:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: resolve '.' and '..' segments."""
    if "." not in path:
        return path
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/".join(output)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def _clean_query(query: str) -> str:
    """Drop tracking parameters and empty pairs; sort the rest by name (stable)."""
    if not query:
        return ""
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name = pair.split("=", 1)[0]
        lowered = unquote_plus(name).lower()
        if lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES):
            continue
        kept.append((name, _normalise_escapes(pair, _QUERY_SAFE)))
    kept.sort(key=lambda item: _normalise_escapes(item[0], _QUERY_SAFE))
    return "&".join(pair for _, pair in kept)


def _is_home_demotion(own: str, preferred: str) -> bool:
    """True when a deep page claims the site root as its canonical (a CMS bug)."""
    return urlsplit(preferred).path in ("", "/") and urlsplit(own).path not in ("", "/")
