"""Build the labelled syndicated-copies set (bench/data/copies/labelled.jsonl), by seed.

Originals are the demo web's hand-written wire dispatches (one per event and language,
`jarida.demo.content`); copies apply the edits outlets make when they republish one
(a dateline, a credit line, a paragraph dropped or added, their own boilerplate, a
trimmed ending, a few words changed), each written here for the project. Hard negatives:
the same event written independently (bench/data/copies/rewrites.json, by hand), a
short feed excerpt of the dispatch (its lead),
and every other dispatch of the same section, which shares the agency's boilerplate
paragraphs. Run `python -m bench.copies_set` to write the file again (deterministic).
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from jarida.demo.content.compose import TEXTS, wire_paragraphs
from jarida.demo.content.events import EVENTS

DATA = Path(__file__).parent / "data" / "copies"
LABELLED = DATA / "labelled.jsonl"

DATELINES = {
    "fr": ("RABAT (MAP) -", "CASABLANCA (MAP) -", "Dakhla, (MAP) –", "Rabat, le lundi (MAP) -"),
    "ar": ("الرباط (و م ع) -", "الدار البيضاء (و م ع) –", "الداخلة - و م ع:"),
    "es": ("RABAT (EFE).-", "Rabat, (Europa Press) -", "CASABLANCA (MAP).-"),
    "en": ("RABAT (Reuters) -", "CASABLANCA, Morocco (AP) —", "RABAT (MAP) -"),
}
CREDITS = {
    "fr": ("(Avec MAP)", "Source : MAP", "— La rédaction avec agences", "Avec AFP et MAP"),
    "ar": ("(و م ع)", "المصدر: وكالة المغرب العربي للأنباء", "— هيئة التحرير مع وكالات"),
    "es": ("(Con información de EFE)", "Fuente: MAP", "— Redacción con agencias"),
    "en": ("(Reporting by staff; editing by the desk)", "Source: MAP", "— With agencies"),
}
ADDED = {
    "fr": ("Contactée par notre rédaction, la direction régionale n'a pas souhaité commenter.",
           "Dans notre région, plusieurs professionnels suivent ce dossier de près.",
           "Ce sujet avait déjà fait l'objet d'un débat au conseil communal le mois dernier."),
    "ar": ("ولم ترد المديرية الجهوية على أسئلة الجريدة إلى حدود كتابة هذه السطور.",
           "ويتابع عدد من المهنيين في جهتنا هذا الملف عن كثب.",
           "وكان هذا الموضوع قد أثار نقاشا داخل المجلس الجماعي الشهر الماضي."),
    "es": ("Consultada por este diario, la delegación regional declinó hacer comentarios.",
           "En el norte, varios profesionales siguen el asunto con atención.",
           "El tema ya se debatió en el pleno municipal el mes pasado."),
    "en": ("Contacted by our newsroom, the regional office declined to comment.",
           "Several professionals in the region are following the matter closely.",
           "The issue was already debated at the city council last month."),
}
FOOTERS = {
    "fr": ("Lire aussi : nos autres articles sur le sujet. Suivez-nous sur les réseaux sociaux "
           "et abonnez-vous à notre lettre d'information quotidienne.",
           "Tous droits réservés. Reproduction interdite sans autorisation."),
    "ar": ("اقرأ أيضا: مقالاتنا الأخرى حول الموضوع. تابعونا على مواقع التواصل الاجتماعي.",
           "جميع الحقوق محفوظة. يمنع النقل دون إذن."),
    "es": ("Lea también: más noticias sobre el tema. Síganos en las redes sociales y suscríbase "
           "a nuestro boletín diario.", "Todos los derechos reservados."),
    "en": ("Read more: our other stories on the subject. Follow us on social media and sign up "
           "for our daily newsletter.", "All rights reserved. Do not reproduce without consent."),
}
WORD_SWAPS = {
    "fr": (("lundi", "ce lundi"), ("a annoncé", "vient d'annoncer"), (" et ", " ainsi que ")),
    "ar": (("يوم", "اليوم"), ("أعلنت", "كشفت"), (" و", " كما ")),
    "es": (("el lunes", "este lunes"), ("anunció", "ha anunciado"), (" y ", " e incluso ")),
    "en": (("on Monday", "this Monday"), ("announced", "has announced"), (" and ", " as well as ")),
}


@dataclass(frozen=True)
class Item:
    id: str
    group: str  # same group = copies of one dispatch (the label)
    lang: str
    kind: str  # original, copy, rewrite, short
    minutes: int  # publication time, minutes after the set's start
    arrival: int  # order in which the benchmark stores it (copies may come first)
    text: str


def _copy(paragraphs: list[str], lang: str, rng: random.Random) -> tuple[str, str]:
    """One outlet's republication: 2 to 4 of the edits, named in the returned label."""
    edits = rng.sample(("dateline", "credit", "drop", "add", "footer", "trim", "words"),
                       rng.randint(2, 4))
    body = list(paragraphs)
    if "drop" in edits:
        del body[rng.randrange(1, len(body))]
    if "trim" in edits:
        body = body[: max(4, len(body) - 2)]
    if "add" in edits:
        body.insert(rng.randrange(1, len(body)), rng.choice(ADDED[lang]))
    if "words" in edits:
        for old, new in rng.sample(WORD_SWAPS[lang], 2):
            body = [p.replace(old, new, 1) for p in body]
    if "dateline" in edits:
        body[0] = f"{rng.choice(DATELINES[lang])} {body[0]}"
    if "credit" in edits:
        body.append(rng.choice(CREDITS[lang]))
    if "footer" in edits:
        body.append(rng.choice(FOOTERS[lang]))
    return "\n".join(body), "+".join(sorted(edits))


def build(seed: int = 13) -> list[Item]:
    rng = random.Random(seed)
    rewrites = json.loads((DATA / "rewrites.json").read_text(encoding="utf-8"))["items"]
    items: list[Item] = []
    for n, event in enumerate(EVENTS):
        for lang in ("fr", "ar", "es", "en"):
            text = TEXTS[lang].get(event.id)
            if text is None:
                continue
            wire = list(wire_paragraphs(text, lang, event.section))
            group = f"{event.id}:{lang}"
            start = n * 600 + rng.randint(0, 60)
            items.append(Item(f"{group}:original", group, lang, "original", start, 0,
                              "\n".join(wire)))
            for k in range(rng.randint(1, 3)):
                body, label = _copy(wire, lang, rng)
                items.append(Item(f"{group}:copy{k}:{label}", group, lang, "copy",
                                  start + rng.randint(20, 300), 0, body))
            items.append(Item(f"{group}:short", f"{group}:short", lang, "short",
                              start + 15, 0, text.lead))
    for k, rewrite in enumerate(rewrites):
        group = f"{rewrite['event']}:{rewrite['lang']}:rewrite{k}"
        minutes = EVENTS.index(next(e for e in EVENTS if e.id == rewrite["event"])) * 600 + 90
        items.append(Item(group, group, rewrite["lang"], "rewrite", minutes, 0, rewrite["text"]))
    order = list(range(len(items)))
    rng.shuffle(order)  # arrival order: an original is often stored after its copies
    return [Item(**{**asdict(it), "arrival": order[i]}) for i, it in enumerate(items)]


def load() -> list[Item]:
    lines = LABELLED.read_text(encoding="utf-8").splitlines()
    return [Item(**json.loads(line)) for line in lines if line.strip()]


def main() -> None:
    items = build()
    LABELLED.write_text(
        "".join(json.dumps(asdict(i), ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
    )
    kinds: dict[str, int] = {}
    for i in items:
        kinds[i.kind] = kinds.get(i.kind, 0) + 1
    print(f"{len(items)} items written to {LABELLED}: {kinds}")


if __name__ == "__main__":
    main()
