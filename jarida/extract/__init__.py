"""Article extraction: body text, title, dates, language, image, sanitised HTML."""

from jarida.extract.article import extract_article, extract_to_json, read_html_file
from jarida.extract.dates import parse_date
from jarida.extract.language import detect_language
from jarida.extract.sanitize import sanitize_html
from jarida.extract.titles import clean_title

__all__ = [
    "clean_title",
    "detect_language",
    "extract_article",
    "extract_to_json",
    "parse_date",
    "read_html_file",
    "sanitize_html",
]
