"""Labelled mentions for training and evaluation: NewsMTSC and the project's own sets.

The project's sets (`bench/data/tone/<lang>.<split>.tsv`) hold one mention a line:
`neg|neu|pos`, a tab, then the sentence with the target between `[[` and `]]`; the
offsets are those of the target once the brackets are removed. NewsMTSC is read from
its JSON lines (one row per target; polarity 2/4/6 → negative/neutral/positive).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jarida.tone.api import TONES, Mention

REPO = Path(__file__).resolve().parents[2]
OWN_DATA = REPO / "bench" / "data" / "tone"
NEWSMTSC = REPO.parent / "shared" / "corpora" / "newsmtsc"
OWN_LANGUAGES = ("fr", "ar", "es")
_SHORT = {"neg": 0, "neu": 1, "pos": 2}
_POLARITY = {2: 0, 4: 1, 6: 2}


class CorpusError(ValueError):
    """A labelled file that does not follow its format (names the file and line)."""


@dataclass(frozen=True)
class Labelled:
    mention: Mention
    label: int  # index into TONES

    @property
    def tone(self) -> str:
        return TONES[self.label]


def parse_marked(line: str, language: str, where: str) -> Labelled:
    """One `label<TAB>text with [[target]]` line."""
    label, sep, marked = line.rstrip("\n").partition("\t")
    if not sep or label not in _SHORT:
        raise CorpusError(f"{where}: expected neg|neu|pos, a tab, then the sentence")
    start = marked.find("[[")
    close = marked.find("]]", start + 2)
    if start < 0 or close < 0 or "[[" in marked[close:]:
        raise CorpusError(f"{where}: the sentence needs exactly one [[target]]")
    target = marked[start + 2:close]
    text = marked[:start] + target + marked[close + 2:]
    mention = Mention(text, target, start, start + len(target), language)
    return Labelled(mention, _SHORT[label])


def read_marked(path: Path, language: str) -> list[Labelled]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append(parse_marked(line, language, f"{path.name}:{number}"))
    return rows


def own_set(language: str, split: str, root: Path = OWN_DATA) -> list[Labelled]:
    """The project's labelled mentions in LANGUAGE, SPLIT "train" or "test" (held out)."""
    return read_marked(root / f"{language}.{split}.tsv", language)


def read_newsmtsc(path: Path) -> Iterator[Labelled]:
    """Every target of a NewsMTSC JSON lines file (gzip), one labelled mention each."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            row = json.loads(line)
            text = row["sentence_normalized"]
            for target in row["targets"]:
                polarity = int(target["polarity"])
                if polarity not in _POLARITY:
                    raise CorpusError(f"{path.name}:{number}: polarity {polarity} unknown")
                mention = Mention(text, target["mention"], int(target["from"]),
                                  int(target["to"]), "en")
                yield Labelled(mention, _POLARITY[polarity])
