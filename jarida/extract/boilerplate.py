"""Removes what trafilatura keeps around an article: titles, standfirsts, bylines,
related-link lists and stock phrases (newsletters, copyright, share buttons).

Every rule looks at generic signals (position, link density, likeness to the
page's own title and description, phrases common to news sites in English,
French, Spanish and Arabic); nothing is specific to one site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement

WORD_RE = re.compile(r"\w+", re.UNICODE)
_NON_WORD = re.compile(r"[^\w\n]+")

# Short lines containing these phrases are furniture, not article text.
STOCK_PHRASES = re.compile(
    r"""(?ix)
    \b(?:copyright|all\ rights\ reserved|tous\ droits\ r[ée]serv[ée]s|todos\ los\ derechos
    |derechos\ reservados|newsletter|sign\ up|subscribe|abonnez|inscrivez|suscr[ií]b
    |(?:read|see)\ more\s*:|don'?t\ miss|related\ (?:articles?|stories|posts|news)
    |you\ may\ also\ like|recommended\ for\ you|lire\ aussi|lire\ la\ suite|[àa]\ lire\ aussi
    |voir\ aussi|sur\ le\ m[êe]me\ sujet|leer\ m[áa]s|te\ puede\ interesar|tambi[ée]n\ te
    |follow\ us|suivez-nous|s[íi]guenos|share\ on|print\ article|order\ reprints|text\ size
    |click\ here\ to\ (?:get\ the|subscribe|sign)|cliquez\ ici|haga\ clic
    |thanks\ for\ signing|your\ inbox|share\ it\ with|tell\ us\ what
    |leave\ a\ (?:comment|reply)|post\ comment
    |an\ error\ has\ occurred|error\ processing|filed\ under|reading\ time|\d+\ min(?:ute)?s?\ read
    |temps\ de\ lecture|tiempo\ de\ lectura|tempo\ de\ leitura)\b
    |(?:اقرأ\ أيضا|اقرأ\ المزيد|تابعونا|جميع\ الحقوق\ محفوظة|مواضيع\ ذات\ صلة)
    """
)
# Phrases that mark a whole block as furniture even when it runs to a few sentences:
# newsletter pitches, reporting credits, wire-service slugs, social-media widgets.
TRAILER_PHRASES = re.compile(
    r"""(?ix)
    \b(?:(?:our|free|daily|weekly)\ newsletters?|newsletters?\ (?:delivered|straight)
    |(?:subscrib(?:e|ing)|sign\ up)\ (?:to|for)\ (?:our|the\ \w+\ newsletter)
    |your\ inbox|contributed\ to\ this\ report
    |additional\ reporting\ by|^\(?reporting\ by|writing\ by|editing\ by|writethru
    |click\ to\ tweet|follow\ (?:him|her|us|them|@\w+)\ on|abonnez-vous|inscrivez-vous
    |suscr[íi]bete|(?:we|nous|this\ site)\ (?:use|utilisons|uses)\ (?:des\ )?cookies
    |(?:utilizamos|usamos)\ cookies|cookie\ (?:policy|settings)|politique\ de\ cookies)
    """
)
# Lines that are nothing but one of these labels are section furniture.
STOCK_LABELS = re.compile(
    r"""(?ix)^\W*(?:comments?|commentaires?|comentarios?|tags?|[ée]tiquettes|etiquetas
    |categor(?:ies|y|ias?)|cat[ée]gories?|mots-cl[ée]s|share|partager|compartir
    |advertisement|publicit[ée]|publicidad|related|sorry!?|more|explore\ further
    |most\ (?:read|popular)(?:\ in\ [\w\ ]+)?|read\ more(?:\ here)?|continue\ reading
    |lire\ plus|en\ savoir\ plus|leer\ m[áa]s|seguir\ leyendo|التعليقات|شارك|إعلان)\W*$"""
)
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|f[ée]v|avr|mai|juin|juil|ao[ûu]t"
    r"|sept|d[ée]c|ene|abr|ago|dic|janvier|f[ée]vrier|mars|avril|juillet|septembre|octobre"
    r"|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre|يناير|فبراير|مارس|أبريل|ماي|مايو|يونيو|يوليوز|يوليو|غشت"
    r"|أغسطس|شتنبر|سبتمبر|أكتوبر|نونبر|نوفمبر|دجنبر|ديسمبر"
)
DATE_LINE = re.compile(
    rf"(?i)(?:\b\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b\d{{1,2}}:\d{{2}}\b|(?:^|\W)(?:{MONTHS})\w*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:de\s+)?(?:{MONTHS}))"
)
BYLINE = re.compile(
    r"(?i)^\s*(?:by|par|por|publi[ée]\s+(?:le|par)|publicado|posted|written|updated|mis\s+[àa]\s+jour"
    r"|actualizado|بقلم|نشر\s+في)\b"
)
# "Home > World > Africa > Story": a navigation trail of three or more parts.
BREADCRUMB = re.compile(r"^\s*[^>›»\n]{1,40}(?:\s*[>›»]\s*[^>›»\n]{1,40}){2,}\s*$")
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
COPYRIGHT_LINE = re.compile(r"^\W*(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
_NUMBER = re.compile(r"^[+\-−]?\d[\d.,]*\W*$")


# Compiled once: filtering links by length in libxml2 spares a Python loop over all of them.
_LONG_ANCHORS = etree.XPath("//a[string-length(normalize-space(.)) >= 12]")
_NORMALISED_TEXT = etree.XPath("normalize-space(.)")


@dataclass(frozen=True)
class BoilerplateHints:
    """Page facts the rules compare blocks with."""

    titles: tuple[str, ...] = ()
    description: str | None = None
    site_name: str | None = None
    section: str | None = None
    anchors: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Rules:
    """Thresholds of the pruning pass, tuned on half the benchmark, checked on the other."""

    short_words: int = 12
    lead_words: int = 20
    link_density: float = 0.6
    min_anchor_chars: int = 12
    item_words: int = 25
    dense_words: int = 40
    trailer_words: int = 40
    copyright_words: int = 15
    teaser_share: float = 0.8
    teaser_items: int = 2
    # A link of this many words inside the story reads as a headline (see headline_links).
    headline_words: int = 5
    # Names of rules switched off (see RULE_NAMES), for ablation in bench.extraction.
    off: frozenset[str] = frozenset()
    # The rules together may remove at most this share of trafilatura's text.
    max_removed: float = 0.5

    def on(self, name: str) -> bool:
        return name not in self.off


# Every pruning rule by name, in the order prune_blocks tries them.
RULE_NAMES = (
    "heading", "url_line", "stock_line", "trailer", "copyright", "dateline", "kicker", "breadcrumb",
    "figures_strip", "teaser_list", "link_dense", "inner_headings", "headline_links",
)


DEFAULT_RULES = Rules()


def norm(text: str) -> str:
    """Lower-cased word tokens joined by spaces: the unit every comparison uses."""
    return _NON_WORD.sub(" ", text.lower().replace("\n", " ")).strip()


def anchor_texts(tree: HtmlElement, rules: Rules = DEFAULT_RULES) -> dict[str, tuple[str, ...]]:
    """Lower-cased, space-normalised link texts indexed by first word, for link density."""
    index: dict[str, dict[str, None]] = {}
    joined = "\n".join(str(_NORMALISED_TEXT(anchor)) for anchor in _LONG_ANCHORS(tree))
    for line in _NON_WORD.sub(" ", joined.lower()).split("\n"):  # one regex pass for all
        text = line.strip()
        if len(text) >= rules.min_anchor_chars:
            index.setdefault(text.split(" ", 1)[0], {})[text] = None
    return {first: tuple(sorted(texts, key=len, reverse=True)) for first, texts in index.items()}


def link_density(text: str, anchors: dict[str, tuple[str, ...]]) -> float:
    """Share of a block's characters that are the text of some link on the page."""
    return link_cover(text, anchors)[0]


def link_cover(text: str, anchors: dict[str, tuple[str, ...]]) -> tuple[float, int]:
    """Share of a block's characters that are the text of some link on the page, and
    the number of words of the longest such link."""
    if not text or not anchors:
        return 0.0, 0
    covered, position, end, longest = 0, 0, len(text), 0
    while position < end:
        space = text.find(" ", position)
        word_end = end if space < 0 else space
        for anchor in anchors.get(text[position:word_end], ()):
            if text.startswith(anchor, position) and (
                position + len(anchor) == end or text[position + len(anchor)] == " "
            ):
                covered += len(anchor)
                longest = max(longest, anchor.count(" ") + 1)
                word_end = position + len(anchor)
                break
        position = word_end + 1
    return min(1.0, covered / end), longest


# A title this short ("Lorem", "Live", a one-word section) found inside a longer block
# says nothing about the block: a sentence opening with the same word is text.
MIN_TITLE_INSIDE_CHARS = 20


def _is_title(text: str, titles: Iterable[str]) -> bool:
    """The block is a title, part of one, or a title with a short decoration."""
    for title in titles:
        t = norm(title)
        if not t:
            continue
        if text == t or (len(text) >= 20 and text in t) or (
                len(t) >= MIN_TITLE_INSIDE_CHARS and t in text and len(text) < len(t) + 25):
            return True
    return False


def _is_description(text: str, description: str | None) -> bool:
    if not description or len(text) < 20:
        return False
    d = norm(description)
    if text == d or (text in d and len(text) * 2 > len(d)):
        return True
    return d in text and len(text) < len(d) + 25


def _block_text(element: _Element) -> str:
    return norm(" ".join(element.itertext()))


def _drop(element: _Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def prune_blocks(
    body: _Element, hints: BoilerplateHints, rules: Rules = DEFAULT_RULES
) -> list[str]:
    """Delete furniture blocks from trafilatura's body tree in place.

    Nothing is deleted when the rules together would remove more than
    `rules.max_removed` of the text trafilatura found: on a page unlike those the
    rules were written for, a rule that eats most of the article is wrong, not the
    article. Returns the dateline/byline texts seen before the story (the page's
    printed date is often there).
    """
    date_lines: list[str] = []
    blocks = list(body)
    raws = [" ".join(" ".join(b.itertext()).split()) for b in blocks]
    words = [len(raw.split()) for raw in raws]
    first_real = next((i for i, n in enumerate(words) if n >= rules.lead_words
                       and blocks[i].tag == "p"), len(blocks))
    first_block = next((i for i, n in enumerate(words) if n), len(blocks))
    last_real = max((i for i, n in enumerate(words) if n >= rules.lead_words), default=-1)
    doomed: list[tuple[_Element, int]] = []
    on = rules.on
    for i, (block, raw, count) in enumerate(zip(blocks, raws, words, strict=True)):
        if not count:
            continue
        leading, trailing, short = i < first_real, i > last_real, count <= rules.short_words
        if (
            (on("heading") and leading and _is_heading_furniture(block, norm(raw), hints))
            or (on("url_line") and URL_LINE.match(raw))
            or (on("stock_line") and short and _is_stock(raw))
            or (on("trailer") and count <= rules.trailer_words and TRAILER_PHRASES.search(raw))
            or (on("copyright") and trailing and count <= rules.copyright_words
                and COPYRIGHT_LINE.match(raw))
            or (on("kicker") and leading and short and _is_kicker(raw, hints))
            or (on("breadcrumb") and leading and short and BREADCRUMB.match(raw))
            # a market ticker or weather strip printed above the story
            or (on("figures_strip") and i == first_block and first_real < len(blocks)
                and (block.tag == "table" or (short and _is_figures_strip(raw))))
        ):
            doomed.append((block, len(raw)))
        elif on("dateline") and leading and short and (DATE_LINE.search(raw) or BYLINE.match(raw)):
            date_lines.append(raw)
            doomed.append((block, len(raw)))
        elif block.tag == "list":
            doomed += _list_furniture(block, hints, rules)
        elif on("link_dense") and (leading or trailing or count < rules.dense_words) and (
            # a heading inside the story echoing a table-of-contents link is content
            leading or trailing or block.tag != "head" or not on("inner_headings")
        ) and _link_furniture(norm(raw), hints.anchors, rules, inside=not (leading or trailing)):
            doomed.append((block, len(raw)))
    total = sum(len(raw) + 1 for raw in raws)
    if sum(size for _, size in doomed) > rules.max_removed * total:
        return date_lines
    for element, _ in doomed:
        _drop(element)
    return date_lines


def _link_furniture(
    text: str, anchors: dict[str, tuple[str, ...]], rules: Rules, *, inside: bool
) -> bool:
    """A block that is mostly link text. Inside the story, only when a link reads like a
    headline ("Read more: <headline>", a related story): short linked terms there (a
    product in a recipe, a venue, a site's address) are part of the text."""
    density, longest = link_cover(text, anchors)
    if density < rules.link_density:
        return False
    return not inside or not rules.on("headline_links") or longest >= rules.headline_words


def _is_heading_furniture(block: _Element, text: str, hints: BoilerplateHints) -> bool:
    """The page title repeated, the masthead, or the standfirst set as a heading."""
    if _is_title(text, hints.titles):
        return True
    site = norm(hints.site_name) if hints.site_name else ""
    if len(site) >= 4 and text.startswith(site) and len(text) <= len(site) + 60:
        return True
    return block.tag == "head" and _is_description(text, hints.description)


def _is_kicker(raw: str, hints: BoilerplateHints) -> bool:
    """The section name printed above the headline ("Économie", "SOCIEDAD")."""
    return bool(hints.section) and len(raw.split()) <= 3 and norm(raw) == norm(hints.section or "")


def _is_figures_strip(raw: str) -> bool:
    """A line that is mostly figures (weather, quotes, scores) rather than a sentence."""
    words = [t for t in raw.split() if any(ch.isalnum() for ch in t)]
    numbers = sum(1 for t in words if _NUMBER.match(t))
    return len(words) >= 4 and numbers * 10 >= len(words) * 4


def _is_stock(raw: str) -> bool:
    return bool(STOCK_PHRASES.search(raw) or STOCK_LABELS.match(raw))


def _starts_with_link(text: str, anchors: dict[str, tuple[str, ...]]) -> bool:
    first = text.split(" ", 1)[0]
    return any(text.startswith(a) and a.count(" ") >= 2 for a in anchors.get(first, ()))


def _list_furniture(
    block: _Element, hints: BoilerplateHints, rules: Rules
) -> list[tuple[_Element, int]]:
    """A list whose items nearly all open with a link is a teaser list (headline link
    plus a one-line summary): it goes as a whole. Other lists stay whole: dropping
    their link-dense items one by one lowered F1 on both development corpora.
    """
    items = list(block)
    texts = [_block_text(item) for item in items]
    short = [t.count(" ") < rules.item_words for t in texts]
    heads = sum(
        is_short and _starts_with_link(text, hints.anchors)
        for text, is_short in zip(texts, short, strict=True)
    )
    if (rules.on("teaser_list") and len(items) >= rules.teaser_items
            and heads >= rules.teaser_share * len(items)):
        return [(block, sum(len(t) + 1 for t in texts))]
    return []
