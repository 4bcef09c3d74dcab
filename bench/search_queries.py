"""A labelled set of reader queries over the demo web's hand-written articles.

Written for Jarida, before any tuning of the ranking, as readers of each language would
type them: topics, places, people, figures, outlet names and quoted phrases. Each query
names the articles that must come first by what they are in the demo catalogue
(jarida.demo.catalog): the story (event id), the language of the articles that answer
it (None: any language, for a query made of names only) and, for an outlet-name query,
the outlet. Rows are matched to articles by their URL path, never by database id.

Every third query of each language (index % 3 == 2) is held out: the ranking was tuned
looking only at the others, and the held-out ones were scored once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelledQuery:
    lang: str  # the language the query is written in
    q: str
    story: str | None  # event id of the answering articles; None: any story of `outlet`
    answer_lang: str | None = ""  # "": same as `lang`; None: any language
    outlet: str | None = None  # only this outlet's articles answer

    def answers(self, story: str, language: str, outlet: str) -> bool:
        wanted_lang = self.lang if self.answer_lang == "" else self.answer_lang
        return ((self.story is None or story == self.story)
                and (wanted_lang is None or language == wanted_lang)
                and (self.outlet is None or outlet == self.outlet))


def _q(lang: str, rows: list[tuple[str, str | None] | tuple[str, str | None, str | None]]
       | list[tuple[str, ...]]) -> list[LabelledQuery]:
    out = []
    for row in rows:
        q, story, *rest = row
        extra: dict[str, str | None] = {}
        for value in rest:
            if value is None or value == "*":
                extra["answer_lang"] = None
            else:
                extra["outlet"] = value
        out.append(LabelledQuery(lang, q, story, **extra))  # type: ignore[arg-type]
    return out


# (query, story[, "*" for any language][, outlet slug])
FRENCH = _q("fr", [
    ("tramway Rabat Salé", "tram-rabat"),
    ("ligne 3 du tramway", "tram-rabat"),
    ("Hay Riad Salé Al Jadida", "tram-rabat"),
    ("contrat phosphates Inde", "phosphate-contract"),
    ("engrais Jorf Lasfar", "phosphate-contract"),
    ("Phosphates du Maghreb accord indien", "phosphate-contract"),
    ("barrages taux de remplissage", "drought-dams"),
    ("sécheresse barrages 23 %", "drought-dams"),
    ("réserves d'eau au plus bas", "drought-dams"),
    ("festival de cinéma Oujda", "film-festival"),
    ("Festival des images de l'Oriental", "film-festival"),
    ("films Oujda premiers films", "film-festival"),
    ("Sahlpay levée de fonds", "startup-funding"),
    ("fintech casablancaise", "startup-funding"),
    ("start-up paiement mobile", "startup-funding"),
    ("finale coupe nationale Agadir", "cup-final"),
    ("Racing Club d'Agadir Étoile de Fès", "cup-final"),
    ("tirs au but finale", "cup-final"),
    ("locations touristiques députés", "parliament-rentals"),
    ("location courte durée projet de loi", "parliament-rentals"),
    ("locations saisonnières Parlement", "parliament-rentals"),
    ("incendie Chefchaouen", "wildfire"),
    ("feu de forêt Bab Taza", "wildfire"),
    ("pompiers incendie", "wildfire"),
    ("calendrier du baccalauréat", "bac-reform"),
    ("réforme du bac examen régional", "bac-reform"),
    ("examens bac mai", "bac-reform"),
    ("salon du livre Fès", "book-fair"),
    ("éditeurs pays invité livre", "book-fair"),
    ("usine de dessalement Agadir", "desalination"),
    ("station de dessalement Chtouka", "desalination"),
    ("marathon de Marrakech record", "marathon"),
    ("Kiptoo", "marathon", "*"),
    ("centre de données Benguerir", "data-center"),
    ("Atlas Cloud investissement", "data-center"),
    ("sommet africain de l'eau", "water-summit"),
    ("ministres africains de l'eau Rabat", "water-summit"),
    ("Tanger Med conteneurs record", "port-record"),
    ("trafic portuaire Tanger", "port-record"),
    ("quota de poulpe", "octopus-season"),
    ("pêche poulpe Dakhla", "octopus-season"),
    ("grève des médecins internes", "doctors-strike"),
    ("médecins en formation hôpitaux", "doctors-strike"),
    ("ferry Tanger Algésiras", "ferry-line"),
    ("nouvelle ligne de ferry", "ferry-line"),
    ("handball féminin finale africaine", "handball"),
    ("handballeuses", "handball"),
    ("Rencontres musicales de Mogador", "music-festival"),
    ("musique Essaouira", "music-festival"),
    ("budget de Casablanca", "city-budget"),
    ("conseil de la ville budget milliards", "city-budget"),
    ("inondations Tétouan", "tetouan-floods"),
    ("pluies torrentielles", "tetouan-floods"),
    ("plan d'urgence pour l'eau", "water-plan"),
    ('"plan d\'urgence"', "water-plan"),
    ('"ligne 3"', "tram-rabat"),
    ("Rif Express", None, "*", "rif-express"),
    ("Le Courrier de l'Atlas", None, "*", "courrier-atlas"),
    ("Rif Express incendie", "wildfire", "rif-express"),
    ("Casablanca Business", None, "*", "casablanca-business"),
])

ARABIC = _q("ar", [
    ("ترامواي الرباط سلا", "tram-rabat"),
    ("الخط الثالث للترامواي", "tram-rabat"),
    ("حي الرياض سلا الجديدة", "tram-rabat"),
    ("الفوسفاط الهند", "phosphate-contract"),
    ("عقد تصدير الفوسفاط", "phosphate-contract"),
    ("الأسمدة الجرف الأصفر", "phosphate-contract"),
    ("نسبة ملء السدود", "drought-dams"),
    ("الجفاف السدود", "drought-dams"),
    ("مخزون السدود", "drought-dams"),
    ("مهرجان صور الشرق", "film-festival"),
    ("مهرجان السينما وجدة", "film-festival"),
    ("أفلام وجدة", "film-festival"),
    ("سهل باي", "startup-funding"),
    ("شركة ناشئة تمويل", "startup-funding"),
    ("التكنولوجيا المالية", "startup-funding"),
    ("نهائي الكأس الوطنية", "cup-final"),
    ("الراسينغ أكادير", "cup-final"),
    ("الضربات الترجيحية", "cup-final"),
    ("الكراء السياحي", "parliament-rentals"),
    ("مجلس النواب الكراء", "parliament-rentals"),
    ("حريق غابوي شفشاون", "wildfire"),
    ("حريق باب تازة", "wildfire"),
    ("الوقاية المدنية حريق", "wildfire"),
    ("امتحانات البكالوريا", "bac-reform"),
    ("الامتحان الجهوي", "bac-reform"),
    ("إصلاح البكالوريا", "bac-reform"),
    ("المعرض المغاربي للكتاب", "book-fair"),
    ("معرض الكتاب فاس", "book-fair"),
    ("تحلية مياه البحر", "desalination"),
    ("محطة اشتوكة", "desalination"),
    ("قمة الماء الإفريقية", "water-summit"),
    ("وزراء الماء الأفارقة", "water-summit"),
    ("طنجة المتوسط حاويات", "port-record"),
    ("ميناء طنجة المتوسط", "port-record"),
    ("الأخطبوط", "octopus-season"),
    ("داخلة", "octopus-season"),
    ("موسم صيد الأخطبوط", "octopus-season"),
    ("إضراب الأطباء", "doctors-strike"),
    ("الأطباء المقيمون", "doctors-strike"),
    ("المستشفيات الجامعية إضراب", "doctors-strike"),
    ("كرة اليد النسوية", "handball"),
    ("المنتخب النسوي لكرة اليد", "handball"),
    ("ميزانية الدار البيضاء", "city-budget"),
    ("مجلس مدينة الدار البيضاء", "city-budget"),
    ("فيضانات تطوان", "tetouan-floods"),
    ("أمطار طوفانية", "tetouan-floods"),
    ("مخطط استعجالي للماء", "water-plan"),
    ('"مخطط استعجالي"', "water-plan"),
    ('"صور الشرق"', "film-festival"),
    ("Rif Express", None, "*", "rif-express"),
    ("Akhbar Al Maghrib", None, "*", "akhbar-maghrib"),
])

SPANISH = _q("es", [
    ("tranvía Rabat", "tram-rabat"),
    ("línea 3 del tranvía", "tram-rabat"),
    ("tranvía Rabat-Salé primeros viajeros", "tram-rabat"),
    ("fosfatos India contrato", "phosphate-contract"),
    ("Phosphates du Maghreb acuerdo", "phosphate-contract"),
    ("fertilizantes Jorf Lasfar", "phosphate-contract"),
    ("sequía embalses", "drought-dams"),
    ("embalses nivel más bajo", "drought-dams"),
    ("llenado de los embalses", "drought-dams"),
    ("final de la Copa nacional", "cup-final"),
    ("Racing Club de Agadir penaltis", "cup-final"),
    ("Agadir gana la copa", "cup-final"),
    ("incendio forestal Chefchaouen", "wildfire"),
    ("incendio Bab Taza", "wildfire"),
    ("cedros alcornoques incendio", "wildfire"),
    ("desaladora Agadir", "desalination"),
    ("planta desaladora Chtouka", "desalination"),
    ("desalación agua", "desalination"),
    ("cumbre africana del agua", "water-summit"),
    ("ministros africanos del agua", "water-summit"),
    ("estrés hídrico cumbre Rabat", "water-summit"),
    ("Tanger Med récord", "port-record"),
    ("tráfico portuario", "port-record"),
    ("contenedores Tanger Med", "port-record"),
    ("cuota pulpo", "octopus-season"),
    ("pesca del pulpo Dajla", "octopus-season"),
    ("campaña de invierno del pulpo", "octopus-season"),
    ("ferri Tánger Algeciras", "ferry-line"),
    ("ferri rápido 75 minutos", "ferry-line"),
    ("nueva línea de ferri", "ferry-line"),
    ("Encuentros musicales de Mogador", "music-festival"),
    ("música Esauira", "music-festival"),
    ("festival Mogador artistas", "music-festival"),
    ("inundaciones Tetuán", "tetouan-floods"),
    ("lluvias torrenciales Tetuán", "tetouan-floods"),
    ("Tetuán bajo el agua", "tetouan-floods"),
    ('"bajo el agua"', "tetouan-floods"),
    ('"Tanger Med"', "port-record", "*"),
    ('"línea 3"', "tram-rabat"),
    ("Diario del Estrecho", None, "*", "diario-estrecho"),
    ("Le Phare du Détroit", None, "*", "phare-detroit"),
    ("Diario del Estrecho incendio", "wildfire", "diario-estrecho"),
    ("Maghreb Wire sequía", "drought-dams", "maghreb-wire"),
])

QUERIES: dict[str, list[LabelledQuery]] = {"fr": FRENCH, "ar": ARABIC, "es": SPANISH}


def held_out(index: int) -> bool:
    """Every third query of a language was kept out of the tuning."""
    return index % 3 == 2
