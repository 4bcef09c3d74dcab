"""Generators of hostile documents: mostly well-formed, so the fuzz reaches deep code,
with the odd pieces real feeds and pages carry (entities, control characters, odd URLs)."""

from __future__ import annotations

from html import escape

from hypothesis import strategies as st

ODD_TEXT = st.sampled_from([
    "&amp;", "&bogus;", "&#0;", "&#x1F;", "&#xD800;", "\x00", "\x0b", "\ufffe", "\ud800",
    "]]>", "<![CDATA[", "<script>alert(1)</script>", "\u202e", "\u200f", "é", "مرحبا",
    "<b>gras</b>", "&lt;p&gt;", "\r\n", "%00", "{{7*7}}",
])
TEXT = st.lists(st.one_of(st.text(max_size=12), ODD_TEXT), max_size=6).map("".join)
HOSTS = st.sampled_from([
    "fuzz.example", "FUZZ.Example.", "xn--bcher-kva.example", "bücher.example", "127.0.0.1",
    "[::1]", "[fe80::1%25eth0]", "user:pw@fuzz.example", "fuzz.example:0", "fuzz.example:99999",
    "0x7f.1", "2130706433", "", "fuzz..example", "-a.example",
])
PATHS = st.lists(st.sampled_from([
    "a", "..", ".", "%2e%2E", "%41", "%zz", "index.html", "", "é", "%C3%A9", "a b", ";p=1",
    "~x", "%2F", "//",
]), max_size=5).map("/".join)
QUERIES = st.lists(st.sampled_from([
    "utm_source=x", "a=1", "b", "=", "&", "fbclid=1", "a=%20", "q=é", "x=1;y=2", "A=1",
]), max_size=4).map("&".join)
URLS = st.one_of(
    st.builds(lambda scheme, host, path, query, frag: f"{scheme}{host}/{path}"
              + (f"?{query}" if query else "") + (f"#{frag}" if frag else ""),
              st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "javascript:", "//",
                               "", "data:text/html,", "https:/", "http:\\\\"]),
              HOSTS, PATHS, QUERIES, st.sampled_from(["", "top", "%00"])),
    st.text(max_size=40),
)
DATES = st.one_of(st.sampled_from([
    "Wed, 04 Mar 2020 10:00:00 CET", "2020-03-04T10:00:00+01:00", "03/04/2020", "GMT+1",
    "2100-01-01T00:00:00Z", "0000-00-00", "Mon, 31 Feb 2020 25:61:61 +9999", "il y a 3 heures",
    "99999-01-01", "-1", "2020-13-45", "Tue, 1 Jan 10000 00:00:00 GMT", "1e400",
]), st.text(max_size=30))
PROLOGUES = st.sampled_from([
    '<?xml version="1.0" encoding="utf-8"?>', "", "\ufeff",
    '<?xml version="1.0" encoding="iso-8859-1"?>', '<?xml version="1.0" encoding="bogus"?>',
    '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
])


def _maybe_escape(value: str, raw: bool) -> str:
    return value if raw else escape(value)


@st.composite
def rss_item(draw: st.DrawFn) -> str:
    raw = draw(st.booleans())
    fields = [
        f"<title>{_maybe_escape(draw(TEXT), raw)}</title>",
        f"<link>{_maybe_escape(draw(URLS), raw)}</link>",
        f"<guid>{draw(st.sampled_from(['g', 'g2', 'https://fuzz.example/g', '']))}</guid>",
        f"<pubDate>{_maybe_escape(draw(DATES), raw)}</pubDate>",
        f"<description>{_maybe_escape(draw(TEXT), raw)}</description>",
        f'<enclosure url="{escape(draw(URLS))}" type="image/jpeg"/>',
    ]
    chosen = draw(st.lists(st.sampled_from(fields), max_size=len(fields)))
    return "<item>" + "".join(chosen) + "</item>"


@st.composite
def atom_entry(draw: st.DrawFn) -> str:
    return ("<entry>"
            f"<title type=\"{draw(st.sampled_from(['text', 'html', 'xhtml']))}\">"
            f"{escape(draw(TEXT))}</title><id>{escape(draw(TEXT))}</id>"
            f"<link rel=\"{draw(st.sampled_from(['alternate', 'self', '']))}\" "
            f"href=\"{escape(draw(URLS))}\"/>"
            f"<updated>{escape(draw(DATES))}</updated>"
            + draw(st.sampled_from(["", f"<published>{escape(draw(DATES))}</published>"]))
            + f"<content type=\"html\">{escape(draw(TEXT))}</content></entry>")


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["rss", "atom", "sitemap", "index", "rdf"]))
    prologue = draw(PROLOGUES)
    if kind == "rss":
        items = "".join(draw(st.lists(rss_item(), max_size=5)))
        title = escape(draw(TEXT))
        doc = f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'
    elif kind == "atom":
        items = "".join(draw(st.lists(atom_entry(), max_size=5)))
        base = escape(draw(URLS))
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}">{items}</feed>'
    elif kind == "rdf":
        items = "".join(draw(st.lists(rss_item(), max_size=3)))
        doc = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
               f'xmlns="http://purl.org/rss/1.0/"><channel/>{items}</rdf:RDF>')
    else:
        tag = "sitemap" if kind == "index" else "url"
        root = "sitemapindex" if kind == "index" else "urlset"
        locs = "".join(f"<{tag}><loc>{escape(u)}</loc><lastmod>{escape(d)}</lastmod></{tag}>"
                       for u, d in draw(st.lists(st.tuples(URLS, DATES), max_size=5)))
        doc = f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</{root}>'
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1"]))
    errors = "surrogatepass" if encoding != "latin-1" else "replace"
    data = (prologue + doc).encode(encoding, errors)
    cut = draw(st.integers(0, len(data)))
    return data if draw(st.booleans()) else data[:cut]  # truncated documents too


TAGS = st.sampled_from([
    "p", "div", "article", "main", "h1", "h2", "span", "a", "table", "tr", "td", "script",
    "style", "time", "meta", "link", "br", "img", "ul", "li", "noscript", "template", "svg",
    "iframe", "form", "header", "footer", "nav", "aside", "figure", "blockquote", "pre",
])
ATTRS = st.sampled_from([
    'href="{u}"', 'src="{u}"', 'rel="alternate" type="application/rss+xml" href="{u}"',
    'property="article:published_time" content="{d}"', 'datetime="{d}"', 'class="date"',
    'rel="canonical" href="{u}"', 'name="description" content="{t}"', 'lang="{t}"',
    'type="application/ld+json"', 'style="display:none"', 'onload="{t}"',
])


@st.composite
def html_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(TAGS)
            attrs = " ".join(a.format(u=escape(draw(URLS)), d=escape(draw(DATES)),
                                      t=escape(draw(TEXT)))
                             for a in draw(st.lists(ATTRS, max_size=2)))
            inner = draw(html_fragments(depth + 1))
            closing = draw(st.sampled_from([f"</{tag}>", "", "</p>"]))
            parts.append(f"<{tag} {attrs}>{inner}{closing}")
        else:
            parts.append(draw(st.one_of(TEXT, st.just("Le conseil municipal a adopté un plan "
                                                      "de transport ambitieux pour la ville. " * 3),
                                        st.sampled_from(["Publié dans X le 24 - 11 - 2020",
                                                         "il y a 3 heures", "<!--", "-->"]))))
    return "".join(parts)


HTML_PAGES = st.one_of(
    st.builds(lambda lang, head, body: f'<!doctype html><html lang="{lang}"><head>{head}</head>'
              f"<body>{body}</body></html>",
              st.sampled_from(["fr", "ar", "es", "en", "", "\x00", "en-US"]),
              html_fragments(), html_fragments()),
    html_fragments(),
    st.text(max_size=200),
)


@st.composite
def opml_documents(draw: st.DrawFn) -> bytes:
    def outline(attrs: list[tuple[str, str]]) -> str:
        return "<outline " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs) + "/>"

    keys = st.sampled_from(["text", "title", "xmlUrl", "htmlUrl", "type", "language",
                            "jarida:slug", "jarida:kind", "jarida:timezone", "category"])
    values = st.one_of(URLS, TEXT, st.sampled_from(["rss", "atom", "fr", "Africa/Casablanca"]))
    outlines = draw(st.lists(st.lists(st.tuples(keys, values), max_size=5), max_size=4))
    body = "".join(outline(a) for a in outlines)
    if draw(st.booleans()):
        body = f'<outline text="{escape(draw(TEXT))}">{body}</outline>'
    prologue = draw(PROLOGUES)
    return (f'{prologue}<opml version="2.0" xmlns:jarida="https://jarida.ma/opml">'
            f"<head><title>t</title></head><body>{body}</body></opml>").encode("utf-8", "replace")


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    scalar = st.one_of(URLS, TEXT, st.sampled_from(["fr", "rss", "null", "~", "[]", "{}", "&a",
                                                    "*a", "!!python/object:os.system", "1e9"]))
    keys = st.sampled_from(["slug", "name", "homepage", "languages", "feeds", "url", "kind",
                            "timezone", "mode", "section", "country", "verified", "extra"])
    sources = draw(st.lists(st.lists(st.tuples(keys, scalar), max_size=5), max_size=3))
    lines = ["sources:"]
    for fields in sources:
        first = True
        for key, value in fields:
            lines.append(("  - " if first else "    ") + f"{key}: {value!r}")
            first = False
    return "\n".join(lines) + "\n"
