"""Events 11-19 of the story set (written for Jarida; people's names are made up)."""

from __future__ import annotations

from bench.storyset.types import Event
from bench.storyset.types import Telling as T

EVENTS_B: tuple[Event, ...] = (
    Event("rate-cut", 12, 17, {
        "fr": T(("Bank Al-Maghrib abaisse son taux directeur à 2,25 %",
                 "Taux directeur : nouvelle baisse d'un quart de point",
                 "La banque centrale desserre le crédit face au ralentissement"),
                ("Le conseil de Bank Al-Maghrib a abaissé mardi son taux directeur de 25 points "
                 "de base, à 2,25 %.",
                 "La banque centrale prévoit une inflation de 1,8 % cette année et une croissance "
                 "de 3,1 %.",
                 "Le gouverneur Abdelaziz Kettani a expliqué que la sécheresse pèse sur "
                 "l'activité agricole.",
                 "Les banques commerciales devraient répercuter la baisse sur les crédits "
                 "immobiliers dès janvier.")),
        "ar": T(("بنك المغرب يخفض سعر الفائدة الرئيسي إلى 2,25 في المائة",
                 "سعر الفائدة الرئيسي: تخفيض جديد بربع نقطة",
                 "البنك المركزي يخفف شروط الائتمان في مواجهة التباطؤ"),
                ("خفض مجلس بنك المغرب يوم الثلاثاء سعر الفائدة الرئيسي بـ25 نقطة أساس إلى 2,25 "
                 "في المائة.",
                 "ويتوقع البنك المركزي تضخما في حدود 1,8 في المائة هذه السنة ونموا بنسبة 3,1 في "
                 "المائة.",
                 "وأوضح الوالي عبد العزيز الكتاني أن الجفاف يثقل كاهل النشاط الفلاحي.",
                 "ومن المنتظر أن تنعكس هذه الخطوة على القروض العقارية ابتداء من يناير.")),
        "es": T(("El banco central de Marruecos baja los tipos al 2,25 %",
                 "Bank Al-Maghrib recorta un cuarto de punto el precio del dinero",
                 "Marruecos abarata el crédito ante la desaceleración"),
                ("El consejo de Bank Al-Maghrib rebajó el martes su tipo de interés de "
                 "referencia en 25 puntos básicos, hasta el 2,25 %.",
                 "El banco central prevé una inflación del 1,8 % este año y un crecimiento del "
                 "3,1 %.",
                 "El gobernador Abdelaziz Kettani explicó que la sequía lastra la actividad "
                 "agrícola.",
                 "Se espera que los bancos trasladen la rebaja a las hipotecas en enero.")),
        "en": T(("Morocco's central bank cuts key rate to 2.25%",
                 "Bank Al-Maghrib trims rates by a quarter point",
                 "Morocco eases credit as growth slows"),
                ("Bank Al-Maghrib's board cut its benchmark rate by 25 basis points to 2.25% on "
                 "Tuesday.",
                 "The central bank expects inflation of 1.8% this year and growth of 3.1%.",
                 "Governor Abdelaziz Kettani said drought was weighing on farm output.",
                 "Commercial banks are expected to pass the cut on to mortgages from January.")),
    }, copies=("fr", "ar")),
    Event("olive-harvest", 13, 9, {
        "fr": T(("Olives : une récolte record de 2,1 millions de tonnes attendue",
                 "Meknès : les oléiculteurs prévoient une saison exceptionnelle",
                 "Huile d'olive : la production devrait bondir de 40 %"),
                ("Le ministère de l'Agriculture prévoit une récolte d'olives de 2,1 millions de "
                 "tonnes, un record, grâce aux pluies du printemps.",
                 "La région de Fès-Meknès assure à elle seule près de 30 % de la production.",
                 "La production d'huile devrait augmenter de 40 % et faire baisser les prix en "
                 "magasin.",
                 "Le président de l'interprofession, Driss Amrani, craint toutefois un manque de "
                 "main-d'œuvre pour la cueillette.")),
        "ar": T(("الزيتون: توقع محصول قياسي يبلغ 2,1 مليون طن",
                 "مكناس: الفلاحون يتوقعون موسما استثنائيا للزيتون",
                 "زيت الزيتون: الإنتاج مرشح للارتفاع بـ40 في المائة"),
                ("تتوقع وزارة الفلاحة محصولا من الزيتون يبلغ 2,1 مليون طن، وهو رقم قياسي بفضل "
                 "أمطار الربيع.",
                 "وتؤمن جهة فاس مكناس وحدها قرابة 30 في المائة من الإنتاج.",
                 "ومن المرتقب أن يرتفع إنتاج الزيت بنسبة 40 في المائة وأن تنخفض الأسعار في "
                 "المحلات.",
                 "غير أن رئيس الفيدرالية البيمهنية إدريس العمراني يخشى نقصا في اليد العاملة "
                 "لجني المحصول.")),
        "es": T(("Marruecos espera una cosecha récord de 2,1 millones de toneladas de aceituna",
                 "Mequinez prevé una campaña excepcional del olivar",
                 "La producción de aceite marroquí subirá un 40 %"),
                ("El Ministerio de Agricultura marroquí prevé una cosecha de aceituna de 2,1 "
                 "millones de toneladas, un récord gracias a las lluvias de primavera.",
                 "La región de Fez-Mequinez aporta casi el 30 % de la producción.",
                 "La producción de aceite aumentaría un 40 % y los precios bajarían en las "
                 "tiendas.",
                 "El presidente de la interprofesión, Driss Amrani, teme falta de mano de obra "
                 "para la recogida.")),
    }),
    Event("train-derailment", 14, 6, {
        "fr": T(("Un train de marchandises déraille près de Kénitra",
                 "Kénitra : 8 wagons de phosphate sortent des rails",
                 "Déraillement : la ligne Rabat-Tanger perturbée toute la matinée"),
                ("Un train de marchandises transportant du phosphate a déraillé jeudi vers 6 h "
                 "à 12 kilomètres au nord de Kénitra.",
                 "Huit des 40 wagons sont sortis des rails, sans faire de blessé, selon l'Office "
                 "des chemins de fer.",
                 "Les trains de voyageurs entre Rabat et Tanger ont subi jusqu'à 90 minutes de "
                 "retard.",
                 "La circulation a repris normalement en début d'après-midi sur une seule voie.")),
        "ar": T(("خروج قطار للبضائع عن السكة قرب القنيطرة",
                 "القنيطرة: 8 عربات محملة بالفوسفاط تخرج عن السكة",
                 "حادث القطار يربك خط الرباط طنجة طوال الصباح"),
                ("خرج قطار لنقل البضائع محمل بالفوسفاط عن السكة صباح الخميس حوالي الساعة السادسة "
                 "على بعد 12 كيلومترا شمال القنيطرة.",
                 "وخرجت ثماني عربات من أصل 40 عن السكة دون تسجيل إصابات حسب المكتب الوطني للسكك "
                 "الحديدية.",
                 "وعرفت قطارات المسافرين بين الرباط وطنجة تأخيرا وصل إلى 90 دقيقة.",
                 "واستؤنفت الحركة بشكل عادي بعد الظهر على سكة واحدة.")),
        "es": T(("Descarrila un tren de mercancías cerca de Kenitra",
                 "Kenitra: ocho vagones de fosfato se salen de la vía",
                 "Retrasos de hasta 90 minutos en la línea Rabat-Tánger"),
                ("Un tren de mercancías cargado de fosfato descarriló el jueves hacia las 6.00 a "
                 "12 kilómetros al norte de Kenitra.",
                 "Ocho de los 40 vagones se salieron de la vía sin causar heridos, según la "
                 "Oficina de Ferrocarriles.",
                 "Los trenes de pasajeros entre Rabat y Tánger sufrieron retrasos de hasta 90 "
                 "minutos.",
                 "La circulación se reanudó a primera hora de la tarde por una sola vía.")),
        "en": T(("Freight train derails near Kenitra",
                 "Eight phosphate wagons leave the tracks near Kenitra",
                 "Rabat-Tangier trains delayed by derailment"),
                ("A freight train carrying phosphate derailed around 6 am on Thursday 12 "
                 "kilometres north of Kenitra.",
                 "Eight of its 40 wagons left the tracks and nobody was hurt, the rail office "
                 "said.",
                 "Passenger trains between Rabat and Tangier were delayed by up to 90 minutes.",
                 "Traffic resumed on a single track in the early afternoon.")),
    }),
    Event("gnaoua-dates", 15, 12, {
        "fr": T(("Essaouira : le festival Gnaoua aura lieu du 18 au 21 juin",
                 "Gnaoua 2027 : 35 concerts et une scène sur la plage",
                 "Festival d'Essaouira : les dates de la 27e édition dévoilées"),
                ("Les organisateurs du festival Gnaoua et musiques du monde ont annoncé que la "
                 "27e édition se tiendra du 18 au 21 juin à Essaouira.",
                 "Le programme comptera 35 concerts, dont une nouvelle scène installée sur la "
                 "plage.",
                 "La directrice artistique Zineb Kabbaj promet des rencontres entre maâlems et "
                 "musiciens de jazz venus de huit pays.",
                 "L'an dernier, le festival avait attiré 300 000 spectateurs selon la ville.")),
        "ar": T(("الصويرة: مهرجان كناوة من 18 إلى 21 يونيو",
                 "كناوة 2027: 35 حفلا ومنصة على الشاطئ",
                 "الكشف عن تواريخ الدورة 27 لمهرجان الصويرة"),
                ("أعلن منظمو مهرجان كناوة وموسيقى العالم أن الدورة 27 ستنظم من 18 إلى 21 يونيو "
                 "بالصويرة.",
                 "ويتضمن البرنامج 35 حفلا من بينها منصة جديدة على الشاطئ.",
                 "ووعدت المديرة الفنية زينب القباج بلقاءات بين المعلمين وموسيقيي الجاز القادمين "
                 "من ثمانية بلدان.",
                 "وكان المهرجان قد استقطب السنة الماضية 300 ألف متفرج حسب المدينة.")),
        "en": T(("Essaouira's Gnaoua festival set for June 18-21",
                 "Gnaoua 2027: 35 concerts and a beach stage",
                 "Dates announced for 27th Essaouira festival"),
                ("Organisers of the Gnaoua and World Music festival said the 27th edition will "
                 "run from June 18 to 21 in Essaouira.",
                 "The programme includes 35 concerts, among them a new stage on the beach.",
                 "Artistic director Zineb Kabbaj promised meetings between maalems and jazz "
                 "musicians from eight countries.",
                 "Last year the festival drew 300,000 people, according to the city.")),
    }),
    Event("nador-rescue", 16, 5, {
        "es": T(("Salvamento rescata a 47 migrantes frente a Nador",
                 "Rescatadas 47 personas de una neumática en el mar de Alborán",
                 "Una patrullera marroquí y Salvamento Marítimo socorren a 47 migrantes"),
                ("Salvamento Marítimo y la Marina Real marroquí rescataron el sábado a 47 "
                 "personas a bordo de una neumática a 20 millas de Nador.",
                 "Entre los rescatados hay 9 mujeres y 4 menores, todos en buen estado según la "
                 "Cruz Roja.",
                 "La embarcación había salido de la costa de Nador dos días antes y tenía el "
                 "motor averiado.",
                 "Los migrantes fueron trasladados al puerto de Almería.")),
        "ar": T(("إنقاذ 47 مهاجرا قبالة سواحل الناظور",
                 "إنقاذ 47 شخصا كانوا على متن قارب مطاطي في بحر البوران",
                 "البحرية الملكية والإنقاذ البحري الإسباني يغيثان 47 مهاجرا"),
                ("أنقذت البحرية الملكية وفرق الإنقاذ البحري الإسباني يوم السبت 47 شخصا كانوا على "
                 "متن قارب مطاطي على بعد 20 ميلا من الناظور.",
                 "ومن بين من تم إنقاذهم 9 نساء و4 قاصرين، وجميعهم في حالة جيدة حسب الصليب الأحمر.",
                 "وكان القارب قد انطلق من سواحل الناظور قبل يومين وتعطل محركه.",
                 "ونقل المهاجرون إلى ميناء ألميريا.")),
        "fr": T(("47 migrants secourus au large de Nador",
                 "Mer d'Alboran : 47 personnes sauvées d'un pneumatique",
                 "La Marine royale et les secours espagnols sauvent 47 migrants"),
                ("La Marine royale et les secours en mer espagnols ont sauvé samedi 47 personnes "
                 "à bord d'un pneumatique à 20 milles de Nador.",
                 "Parmi elles figurent 9 femmes et 4 mineurs, tous en bonne santé selon la "
                 "Croix-Rouge.",
                 "L'embarcation avait quitté la côte de Nador deux jours plus tôt et son moteur "
                 "était en panne.",
                 "Les migrants ont été conduits au port d'Almería.")),
    }),
    Event("wheat-subsidy", 17, 15, {
        "fr": T(("Blé tendre : la subvention à l'importation prolongée jusqu'en juin",
                 "Pain : le gouvernement maintient l'aide aux importateurs de blé",
                 "Importations de blé : 2,5 millions de tonnes subventionnées"),
                ("Le gouvernement a prolongé jusqu'au 30 juin la subvention aux importations de "
                 "blé tendre, pour un volume de 2,5 millions de tonnes.",
                 "L'aide, de 140 dirhams par quintal, vise à garder le pain à 1,20 dirham.",
                 "Le porte-parole du gouvernement, Nabil Chraibi, a évoqué une récolte locale "
                 "réduite par la sécheresse.",
                 "Le coût de la mesure est estimé à 3,5 milliards de dirhams.")),
        "ar": T(("تمديد دعم استيراد القمح اللين إلى غاية يونيو",
                 "الخبز: الحكومة تواصل دعم مستوردي القمح",
                 "استيراد القمح: دعم 2,5 مليون طن"),
                ("مددت الحكومة إلى غاية 30 يونيو الدعم المخصص لاستيراد القمح اللين في حدود 2,5 "
                 "مليون طن.",
                 "ويهدف الدعم البالغ 140 درهما للقنطار إلى الحفاظ على ثمن الخبز في 1,20 درهم.",
                 "وأشار الناطق الرسمي باسم الحكومة نبيل الشرايبي إلى محصول محلي ضعيف بسبب الجفاف.",
                 "وتقدر كلفة هذا الإجراء بـ3,5 مليارات درهم.")),
    }),
    Event("tetouan-campus", 18, 11, {
        "es": T(("Tetuán estrena un campus universitario para 12.000 estudiantes",
                 "La Universidad Abdelmalek Saadi abre su nuevo campus en Martil",
                 "Nuevo campus en Tetuán con facultad de medicina"),
                ("La Universidad Abdelmalek Saadi inauguró el lunes en Martil, junto a Tetuán, un "
                 "campus para 12.000 estudiantes.",
                 "El recinto incluye una facultad de medicina, una biblioteca de 5 plantas y "
                 "residencias para 2.000 alumnos.",
                 "La obra ha costado 900 millones de dírhams y ha durado cuatro años.",
                 "El rector Mohamed Bouzid espera recibir a los primeros estudiantes de medicina "
                 "en febrero.")),
        "fr": T(("Tétouan : un campus universitaire pour 12 000 étudiants",
                 "L'université Abdelmalek Saâdi ouvre son campus de Martil",
                 "Un nouveau campus avec faculté de médecine à Tétouan"),
                ("L'université Abdelmalek Saâdi a inauguré lundi à Martil, près de Tétouan, un "
                 "campus pour 12 000 étudiants.",
                 "Le site comprend une faculté de médecine, une bibliothèque de 5 étages et des "
                 "résidences pour 2 000 étudiants.",
                 "Les travaux ont coûté 900 millions de dirhams et duré quatre ans.",
                 "Le président Mohamed Bouzid attend les premiers étudiants en médecine en "
                 "février.")),
        "ar": T(("تطوان: حرم جامعي جديد يتسع لـ12 ألف طالب",
                 "جامعة عبد المالك السعدي تفتتح حرمها الجديد بمرتيل",
                 "حرم جامعي جديد بكلية للطب في تطوان"),
                ("دشنت جامعة عبد المالك السعدي يوم الاثنين بمرتيل قرب تطوان حرما جامعيا يتسع لـ12 "
                 "ألف طالب.",
                 "ويضم الحرم كلية للطب ومكتبة من 5 طوابق وإقامات لفائدة 2000 طالب.",
                 "وكلفت الأشغال 900 مليون درهم ودامت أربع سنوات.",
                 "ويرتقب رئيس الجامعة محمد بوزيد استقبال أول طلبة الطب في فبراير.")),
    }),
    Event("atlas-fire", 19, 14, {
        "fr": T(("Feu de forêt dans le Moyen Atlas : 600 hectares brûlés près d'Ifrane",
                 "Incendie d'Ifrane : les pompiers luttent toujours contre les flammes",
                 "Moyen Atlas : le feu de la forêt de cèdres enfin maîtrisé"),
                ("Un feu de forêt a parcouru 600 hectares de cèdres près d'Ifrane, dans le Moyen "
                 "Atlas, selon l'Agence des eaux et forêts.",
                 "Quatre avions bombardiers d'eau et 350 pompiers sont mobilisés contre l'incendie "
                 "d'Ifrane.",
                 "Les habitants de deux douars ont été évacués par précaution vers Azrou.",
                 "Le feu d'Ifrane, attisé par le vent, a repris à deux reprises dans les cèdres "
                 "avant d'être maîtrisé.")),
        "ar": T(("حريق غابوي بالأطلس المتوسط يأتي على 600 هكتار قرب إفران",
                 "حريق إفران: رجال الإطفاء يواصلون مواجهة النيران",
                 "الأطلس المتوسط: السيطرة أخيرا على حريق غابة الأرز"),
                ("أتى حريق غابوي على 600 هكتار من أشجار الأرز قرب إفران بالأطلس المتوسط حسب وكالة "
                 "المياه والغابات.",
                 "وتمت تعبئة أربع طائرات لإخماد الحرائق و350 من رجال الإطفاء لمواجهة حريق إفران.",
                 "وتم إجلاء سكان دوارين احتياطيا نحو أزرو.",
                 "وعاد حريق إفران الذي أذكته الرياح إلى الاشتعال مرتين في غابة الأرز قبل السيطرة "
                 "عليه.")),
        "es": T(("Un incendio forestal quema 600 hectáreas cerca de Ifrane",
                 "Ifrane: los bomberos siguen luchando contra el fuego del Atlas",
                 "Controlado el incendio del bosque de cedros del Atlas Medio"),
                ("Un incendio forestal ha arrasado 600 hectáreas de cedros cerca de Ifrane, en "
                 "el Atlas Medio, según la Agencia de Aguas y Bosques.",
                 "Cuatro aviones anfibios y 350 bomberos combaten el incendio de Ifrane.",
                 "Los vecinos de dos aldeas fueron evacuados por precaución a Azrou.",
                 "El fuego de Ifrane, avivado por el viento, se reavivó dos veces entre los cedros "
                 "antes de ser controlado.")),
    }, span_days=10),
    Event("fishing-talks", 20, 16, {
        "es": T(("Bruselas y Rabat reanudan la negociación pesquera",
                 "Pesca: 128 barcos españoles esperan un nuevo acuerdo con Marruecos",
                 "Los pescadores de Barbate confían en volver a faenar en aguas marroquíes"),
                ("La Comisión Europea y Marruecos reanudaron el miércoles en Bruselas la "
                 "negociación de un nuevo acuerdo pesquero.",
                 "Del acuerdo dependen 128 barcos, 92 de ellos andaluces y canarios.",
                 "El anterior protocolo preveía una contrapartida de 52 millones de euros "
                 "anuales.",
                 "La cofradía de Barbate pide una solución antes de la primavera.")),
        "en": T(("EU and Morocco resume fisheries talks",
                 "128 Spanish boats await a new EU-Morocco fishing deal",
                 "Brussels and Rabat back at the table on fishing"),
                ("The European Commission and Morocco resumed talks on a new fisheries agreement "
                 "in Brussels on Wednesday.",
                 "Some 128 vessels depend on the deal, 92 of them from Andalusia and the Canary "
                 "Islands.",
                 "The previous protocol provided 52 million euros a year in return.",
                 "Fishermen in Barbate want a solution before spring.")),
    }),
)
