"""Old-style pages lay out the whole page in <table>s; their cells are not data.

trafilatura renders tables row by row ("| masthead | article |"), so a layout
table would mix the masthead, the headline and the article into one line.
Tables whose cells hold headings or several paragraphs are turned into plain
blocks before extraction; data tables (short cells) are left alone.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

# A cell with a heading, or with this many paragraphs, is a page region, not a datum.
LAYOUT_PARAGRAPHS = 2
_LAYOUT_TABLES = etree.XPath(
    "//table[./tr/td[.//h1 or .//h2 or count(.//p) >= $paragraphs]"
    " or ./tbody/tr/td[.//h1 or .//h2 or count(.//p) >= $paragraphs]]"
)
_SECTIONS = ("thead", "tbody", "tfoot")


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """The table, its sections, rows and cells, but not those of a table nested in a
    cell: a data table inside a layout cell stays a table (its own layout test decides)."""
    parts = [table]
    rows = [child for child in table if child.tag == "tr"]
    for section in (child for child in table if child.tag in _SECTIONS):
        parts.append(section)
        rows += [child for child in section if child.tag == "tr"]
    for row in rows:
        parts.append(row)
        parts += [cell for cell in row if cell.tag in ("td", "th")]
    return parts


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Rename layout tables and their parts to <div> in place; return how many."""
    tables = _LAYOUT_TABLES(tree, paragraphs=LAYOUT_PARAGRAPHS)
    if not isinstance(tables, list):
        return 0
    for table in tables:
        for element in _own_parts(table):
            element.tag = "div"
            for attribute in ("role", "colspan", "rowspan", "width", "cellpadding"):
                element.attrib.pop(attribute, None)
    return len(tables)
