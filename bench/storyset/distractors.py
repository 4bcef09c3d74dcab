"""Distractors: the same people and places as an event, a different event (one article each)."""

from __future__ import annotations

from bench.storyset.types import Event
from bench.storyset.types import Telling as T


def _one(eid: str, of: str, day: int, lang: str, title: str, *sentences: str) -> Event:
    return Event(eid, day, 12, {lang: T((title, title, title), sentences)}, distractor_of=of)


DISTRACTORS: tuple[Event, ...] = (
    _one("d-alhoceima-hospital", "quake-alhoceima", 4, "fr",
         "Al Hoceïma : le nouvel hôpital provincial ouvre ses urgences",
         "Le gouverneur Hicham Benslimane a inauguré mercredi les urgences du nouvel hôpital "
         "provincial d'Al Hoceïma.",
         "L'établissement compte 250 lits et un service de cardiologie attendu depuis dix ans "
         "dans le Rif.",
         "Les patients n'auront plus à rejoindre Tanger ou Oujda pour une coronarographie."),
    _one("d-alhoceima-port", "quake-alhoceima", 5, "ar",
         "الحسيمة: انطلاق أشغال توسيع ميناء الصيد",
         "أعطى عامل إقليم الحسيمة هشام بنسليمان يوم الخميس انطلاقة أشغال توسيع ميناء الصيد.",
         "وتبلغ كلفة المشروع 160 مليون درهم ويشمل رصيفا جديدا للقوارب التقليدية.",
         "ويطالب صيادو الريف بهذا التوسيع منذ سنوات."),
    _one("d-tangermed-customs", "tangermed-record", 5, "fr",
         "Tanger Med : six douaniers poursuivis pour corruption",
         "Six agents des douanes du port de Tanger Med ont été présentés vendredi au parquet de "
         "Tanger pour corruption.",
         "Ils sont soupçonnés d'avoir laissé passer des conteneurs de cigarettes contre de "
         "l'argent.",
         "La directrice générale Samira El Fassi assure que l'autorité portuaire coopère avec "
         "l'enquête."),
    _one("d-tangermed-strike", "tangermed-record", 6, "es",
         "Huelga de estibadores en Tánger Med",
         "Los estibadores del puerto de Tánger Med iniciaron el domingo una huelga de 48 horas "
         "por los turnos de noche.",
         "Decenas de camiones esperaban en la explanada del terminal 4.",
         "La directora general, Samira El Fassi, ha convocado a los sindicatos el lunes."),
    _one("d-marrakech-airport", "marrakech-climate", 6, "en",
         "Marrakech airport opens its new terminal",
         "Marrakech Menara airport opened a new terminal on Friday that can handle 9 million "
         "passengers a year.",
         "Minister Leila Bennani attended the ceremony, noting its solar roof.",
         "Airlines will move their flights to the terminal over three weeks."),
    _one("d-casa-taxis", "casa-busway", 7, "fr",
         "Casablanca : les chauffeurs de grands taxis en grève à Sidi Moumen",
         "Les chauffeurs de grands taxis de Sidi Moumen ont cessé le travail mardi pour "
         "protester contre la concurrence des bus.",
         "Ils demandent au maire Youssef Alaoui de nouvelles stations de taxis près d'Aïn "
         "Sebaâ.",
         "La grève a été levée en fin de journée après une réunion à la commune."),
    _one("d-agadir-cuts", "agadir-desal", 9, "ar",
         "أكادير: انقطاع الماء عن أحياء الدشيرة لمدة 12 ساعة",
         "أعلن المكتب الوطني للماء عن انقطاع الماء الشروب عن أحياء الدشيرة قرب أكادير يوم "
         "السبت لمدة 12 ساعة.",
         "ويعود الانقطاع إلى إصلاح قناة رئيسية تضررت بفعل أشغال الطريق.",
         "ودعا المدير الجهوي إبراهيم أوشن السكان إلى تخزين حاجياتهم."),
    _one("d-fes-madrasa", "fes-medina-fire", 10, "fr",
         "Fès : la médersa des dinandiers rouvre après sa restauration",
         "La médersa voisine du souk des dinandiers de la médina de Fès a rouvert samedi après "
         "trois ans de restauration.",
         "Les artisans ont refait les boiseries de cèdre et les zelliges de la cour.",
         "La visite coûtera 20 dirhams pour les touristes et sera gratuite pour les élèves."),
    _one("d-coach-friendly", "coach-named", 20, "es",
         "Marruecos empata con Senegal en el estreno de Lahlou",
         "La selección marroquí empató 1-1 con Senegal en Rabat en el primer partido de Karim "
         "Lahlou como seleccionador.",
         "El técnico probó a cinco jugadores de la liga local.",
         "Lahlou se mostró satisfecho con la defensa pese al gol encajado al final."),
    _one("d-ferry-breakdown", "ferry-prices", 12, "es",
         "Un ferri de la línea Tánger-Algeciras queda inmovilizado por una avería",
         "Un ferri que cubre la línea entre Tánger y Algeciras quedó inmovilizado el domingo "
         "en el puerto por una avería en un motor.",
         "Los 600 pasajeros fueron reubicados en otros barcos con tres horas de retraso.",
         "La naviera espera reparar el buque en una semana."),
    _one("d-dakhla-kite", "dakhla-wind", 13, "en",
         "Dakhla hosts world kitesurfing championship",
         "More than 90 riders from 25 countries are competing in Dakhla's lagoon this week for "
         "the world kitesurfing title.",
         "Organisers say the wind that blows here most of the year makes the lagoon one of the "
         "best spots in the world.",
         "The final is scheduled for Sunday."),
    _one("d-bank-banknote", "rate-cut", 15, "fr",
         "Bank Al-Maghrib met en circulation un nouveau billet de 200 dirhams",
         "Bank Al-Maghrib a mis en circulation lundi un nouveau billet de 200 dirhams doté de "
         "signes de sécurité renforcés.",
         "Le gouverneur Abdelaziz Kettani a précisé que les anciens billets resteront valables "
         "deux ans.",
         "Le billet illustre le pont Mohammed VI et des motifs amazighs."),
    _one("d-olive-prices", "olive-harvest", 16, "ar",
         "مكناس: ارتفاع أسعار زيت الزيتون في الأسواق رغم وفرة المحصول",
         "سجلت أسواق مكناس ارتفاعا في أسعار زيت الزيتون التي بلغت 90 درهما للتر.",
         "ويعزو التجار هذا الارتفاع إلى تصدير كميات كبيرة نحو أوروبا.",
         "وطالبت جمعية لحماية المستهلك بمراقبة الأسعار."),
    _one("d-kenitra-station", "train-derailment", 17, "fr",
         "Kénitra : la gare de la grande vitesse agrandit son parking",
         "L'Office des chemins de fer a ouvert un parking de 800 places à la gare de Kénitra, "
         "sur la ligne à grande vitesse Rabat-Tanger.",
         "Les voyageurs pourront réserver leur place en ligne.",
         "Le stationnement coûtera 15 dirhams par jour."),
    _one("d-ifrane-snow", "atlas-fire", 30, "es",
         "La nieve corta las carreteras de Ifrane",
         "Las primeras nevadas del invierno cortaron el martes varias carreteras alrededor de "
         "Ifrane, en el Atlas Medio.",
         "Los vecinos de varias aldeas quedaron aislados durante un día.",
         "Las máquinas quitanieves reabrieron la carretera de Azrou por la tarde."),
)
