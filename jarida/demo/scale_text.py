"""Cheap, varied filler news text for scale-mode articles, built from hand-written word lists."""

from __future__ import annotations

import random

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "subj": ("Le conseil communal", "La direction régionale", "Une coopérative agricole",
                 "Le ministère de tutelle", "Une association de quartier", "Le club local",
                 "La chambre de commerce", "Un groupe d'investisseurs", "Le syndicat des taxis",
                 "L'université", "La wilaya", "Une entreprise de transport", "L'office régional",
                 "Le comité d'organisation", "La fédération"),
        "verb": ("a annoncé", "a présenté", "a lancé", "a reporté", "a validé", "a inauguré",
                 "a critiqué", "a signé", "a financé", "a suspendu", "a étendu", "a confirmé"),
        "obj": ("un programme de rénovation des écoles", "un nouveau marché couvert",
                "la réfection de la route provinciale", "un plan de collecte des déchets",
                "un tournoi de football des jeunes", "une campagne de vaccination",
                "un centre de formation aux métiers du numérique", "une ligne de bus express",
                "la construction d'un bassin de rétention", "un festival de musique populaire",
                "un accord avec les commerçants du souk", "la numérisation de l'état civil",
                "un projet d'éclairage solaire", "l'extension du port de pêche",
                "un appel d'offres pour la station d'épuration"),
        "time": ("lundi", "mardi matin", "mercredi soir", "jeudi", "vendredi après-midi",
                 "ce week-end", "la semaine dernière", "en fin de journée", "hier", "ce matin"),
        "tail": ("pour un budget de {n} millions de dirhams", "au profit de {n} familles",
                 "après {n} mois de discussions", "avec {n} agents mobilisés",
                 "sur une surface de {n} hectares", "devant près de {n} personnes"),
        "kicker": ("Région", "Local", "Économie", "Société", "Sport", "Culture", "Éducation"),
        "at": ("à",),
    },
    "ar": {
        "subj": ("المجلس الجماعي", "المديرية الجهوية", "تعاونية فلاحية", "الوزارة الوصية",
                 "جمعية الحي", "النادي المحلي", "غرفة التجارة", "مجموعة من المستثمرين",
                 "نقابة سيارات الأجرة", "الجامعة", "الولاية", "شركة للنقل", "المكتب الجهوي"),
        "verb": ("أعلن عن", "قدم", "أطلق", "أجل", "صادق على", "دشن", "انتقد", "وقع", "مول",
                 "علق", "وسع", "أكد"),
        "obj": ("برنامجا لتأهيل المدارس", "سوقا مغطاة جديدة", "إصلاح الطريق الإقليمية",
                "مخططا لجمع النفايات", "دوريا لكرة القدم للشباب", "حملة للتلقيح",
                "مركزا للتكوين في المهن الرقمية", "خطا سريعا للحافلات", "بناء حوض لتجميع المياه",
                "مهرجانا للموسيقى الشعبية", "اتفاقا مع تجار السوق", "رقمنة الحالة المدنية",
                "مشروعا للإنارة بالطاقة الشمسية", "توسيع ميناء الصيد"),
        "time": ("يوم الاثنين", "صباح الثلاثاء", "مساء الأربعاء", "يوم الخميس", "بعد ظهر الجمعة",
                 "نهاية الأسبوع", "الأسبوع الماضي", "أمس", "هذا الصباح"),
        "tail": ("بميزانية قدرها {n} مليون درهم", "لفائدة {n} أسرة", "بعد {n} أشهر من النقاش",
                 "بتعبئة {n} عونا", "على مساحة {n} هكتارا", "أمام حوالي {n} شخص"),
        "kicker": ("جهات", "محلي", "اقتصاد", "مجتمع", "رياضة", "ثقافة", "تعليم"),
        "at": ("في",),
    },
    "es": {
        "subj": ("El ayuntamiento", "La delegación regional", "Una cooperativa agrícola",
                 "El ministerio", "Una asociación vecinal", "El club local",
                 "La cámara de comercio", "Un grupo inversor", "El sindicato de taxistas",
                 "La universidad", "Una empresa de transporte", "La oficina regional"),
        "verb": ("anunció", "presentó", "lanzó", "aplazó", "aprobó", "inauguró", "criticó",
                 "firmó", "financió", "suspendió", "amplió", "confirmó"),
        "obj": ("un programa de reforma de escuelas", "un nuevo mercado cubierto",
                "el arreglo de la carretera provincial", "un plan de recogida de basuras",
                "un torneo de fútbol juvenil", "una campaña de vacunación",
                "un centro de formación digital", "una línea de autobús exprés",
                "un festival de música popular", "la digitalización del registro civil",
                "un proyecto de alumbrado solar", "la ampliación del puerto pesquero"),
        "time": ("el lunes", "el martes por la mañana", "el miércoles por la tarde", "el jueves",
                 "el viernes", "este fin de semana", "la semana pasada", "ayer", "esta mañana"),
        "tail": ("con un presupuesto de {n} millones de dírhams", "en beneficio de {n} familias",
                 "tras {n} meses de negociaciones", "con {n} agentes movilizados",
                 "en una superficie de {n} hectáreas", "ante cerca de {n} personas"),
        "kicker": ("Región", "Local", "Economía", "Sociedad", "Deportes", "Cultura", "Educación"),
        "at": ("en",),
    },
}
PLACES = ("Rabat", "Casablanca", "Tanger", "Fès", "Marrakech", "Agadir", "Oujda", "Tétouan",
          "Meknès", "Kénitra", "Laâyoune", "Dakhla", "Nador", "Safi", "El Jadida", "Settat",
          "Khouribga", "Béni Mellal", "Errachidia", "Ouarzazate", "Taza", "Larache", "Essaouira")
AR_PLACES = ("الرباط", "الدار البيضاء", "طنجة", "فاس", "مراكش", "أكادير", "وجدة", "تطوان",
             "مكناس", "القنيطرة", "العيون", "الداخلة", "الناظور", "آسفي", "الجديدة", "سطات")


def sentence(rng: random.Random, lang: str) -> str:
    """One plausible local-news sentence with a number in it."""
    w = WORDS[lang]
    place = rng.choice(AR_PLACES if lang == "ar" else PLACES)
    tail = rng.choice(w["tail"]).format(n=rng.randint(2, 900))
    return (f"{rng.choice(w['subj'])} {rng.choice(w['verb'])} {rng.choice(w['obj'])} "
            f"{w['at'][0]} {place} {rng.choice(w['time'])}، {tail}." if lang == "ar" else
            f"{rng.choice(w['subj'])} {rng.choice(w['verb'])} {rng.choice(w['obj'])} "
            f"{w['at'][0]} {place} {rng.choice(w['time'])}, {tail}.")


def title(rng: random.Random, lang: str) -> str:
    """A headline: kicker, subject, action, place and a number so titles rarely repeat."""
    w = WORDS[lang]
    place = rng.choice(AR_PLACES if lang == "ar" else PLACES)
    return (f"{rng.choice(w['kicker'])} : {rng.choice(w['obj'])} {w['at'][0]} {place} "
            f"({rng.randint(2, 99)})")


def paragraphs(rng: random.Random, lang: str, count: int) -> tuple[str, ...]:
    """`count` paragraphs of 3-6 sentences each."""
    return tuple(" ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6)))
                 for _ in range(count))
