"""Events added for the stories work (issue 13): one wire event in fr/ar/es/en, one
covered independently in fr/ar/es, and a distractor sharing the first one's people and
places (written for Jarida; every name is made up)."""

from __future__ import annotations

from jarida.demo.content.types import EventText as T

STORY_TEXTS: dict[str, dict[str, T]] = {
    "fr": {
        "rail-oujda": T(
            ("La ligne ferroviaire Fès-Oujda sera modernisée pour 2,6 milliards de dirhams",
             "Fès-Oujda en moins de quatre heures d'ici 2029",
             "Rail : feu vert au chantier de la ligne de l'Oriental"),
            "L'Office des chemins de fer a signé lundi à Oujda les marchés de modernisation de la "
            "ligne Fès-Oujda, un chantier de 2,6 milliards de dirhams sur 343 kilomètres.",
            ("Le trajet passera de cinq heures quarante à trois heures cinquante en 2029.",
             "Trente-deux ouvrages d'art seront reconstruits et la voie entièrement électrifiée.",
             "Six gares, dont Taourirt et Guercif, seront agrandies."),
            "Khalid Ouazzani, directeur général de l'Office",
            "L'Oriental attend ce train depuis vingt ans, nous tiendrons le calendrier",
            "La ligne actuelle, à voie unique, date pour l'essentiel des années 1930.",
            "Les premiers travaux commenceront en mars entre Guercif et Taourirt.",
            "L'Office a précisé que la circulation sera maintenue la nuit pendant le chantier.",
        ),
        "marchica-flamingos": T(
            ("Lagune de Marchica : 1 240 flamants roses recensés, un record",
             "Nador : les flamants roses reviennent en nombre à Marchica"),
            "Les ornithologues ont compté 1 240 flamants roses dimanche dans la lagune de "
            "Marchica, près de Nador, le chiffre le plus élevé depuis le début des relevés.",
            ("Le comptage a mobilisé 36 bénévoles répartis sur 24 kilomètres de rivage.",
             "La qualité de l'eau s'est améliorée depuis la fermeture de deux rejets en 2024.",
             "Des spatules et des sternes naines ont aussi été observées."),
            "l'ornithologue Salma Bouhlal",
            "La lagune redevient une étape sûre entre l'Europe et l'Afrique",
            "Marchica est classée zone humide d'importance internationale.",
            "Un sentier d'observation doit ouvrir au printemps.",
            "Un second comptage a confirmé les chiffres mardi.",
        ),
        "oujda-station-strike": T(
            ("Grève des cheminots à la gare d'Oujda",
             "Oujda : les guichets de la gare fermés par une grève"),
            "Les agents de la gare d'Oujda ont cessé le travail jeudi pour réclamer des primes de "
            "nuit, laissant les guichets fermés toute la matinée.",
            ("Les trains vers Fès ont circulé, mais les voyageurs ont dû acheter leur billet à "
             "bord.",
             "Le syndicat demande l'ouverture de négociations avant la fin du mois.",
             "La direction régionale parle d'un mouvement limité à la gare d'Oujda."),
            "Khalid Ouazzani, directeur général de l'Office",
            "Nous recevrons les représentants du personnel la semaine prochaine",
            "Une grève semblable avait touché la gare de Fès au printemps.",
            "Le syndicat menace de reconduire le mouvement lundi.",
            "Les guichets ont rouvert en fin d'après-midi.",
        ),
    },
    "ar": {
        "rail-oujda": T(
            ("تحديث خط السكة الحديدية فاس وجدة بكلفة 2,6 مليار درهم",
             "فاس وجدة في أقل من أربع ساعات في أفق 2029",
             "السكك الحديدية: الضوء الأخضر لأشغال خط الجهة الشرقية"),
            "وقع المكتب الوطني للسكك الحديدية يوم الاثنين بوجدة صفقات تحديث خط فاس وجدة، وهو "
            "مشروع بكلفة 2,6 مليار درهم على طول 343 كيلومترا.",
            ("ستنتقل مدة الرحلة من خمس ساعات وأربعين دقيقة إلى ثلاث ساعات وخمسين دقيقة سنة 2029.",
             "سيعاد بناء اثنين وثلاثين منشأة فنية وستتم كهربة الخط بالكامل.",
             "سيتم توسيع ست محطات من بينها تاوريرت وجرسيف."),
            "خالد الوزاني، المدير العام للمكتب",
            "تنتظر الجهة الشرقية هذا القطار منذ عشرين سنة وسنحترم الآجال",
            "يعود الخط الحالي ذو السكة الواحدة في معظمه إلى ثلاثينيات القرن الماضي.",
            "ستنطلق الأشغال الأولى في مارس بين جرسيف وتاوريرت.",
            "أوضح المكتب أن حركة القطارات ستستمر ليلا خلال الأشغال.",
        ),
        "marchica-flamingos": T(
            ("بحيرة مارتشيكا: إحصاء 1240 طائر نحام وردي في رقم قياسي",
             "الناظور: عودة طيور النحام الوردي بأعداد كبيرة إلى مارتشيكا"),
            "أحصى علماء الطيور يوم الأحد 1240 طائر نحام وردي في بحيرة مارتشيكا قرب الناظور، وهو "
            "أعلى رقم منذ بداية عمليات الرصد.",
            ("شارك في الإحصاء 36 متطوعا توزعوا على 24 كيلومترا من الساحل.",
             "تحسنت جودة المياه منذ إغلاق نقطتين لتصريف المياه العادمة سنة 2024.",
             "كما تمت مشاهدة طيور أبو ملعقة وخطاف البحر الصغير."),
            "عالمة الطيور سلمى بوهلال",
            "أصبحت البحيرة من جديد محطة آمنة بين أوروبا وإفريقيا",
            "تصنف مارتشيكا منطقة رطبة ذات أهمية دولية.",
            "من المنتظر افتتاح مسار للمراقبة في فصل الربيع.",
            "أكد إحصاء ثان الأرقام يوم الثلاثاء.",
        ),
        "oujda-station-strike": T(
            ("إضراب عمال السكك الحديدية بمحطة وجدة",
             "وجدة: إغلاق شبابيك المحطة بسبب إضراب"),
            "توقف مستخدمو محطة وجدة عن العمل يوم الخميس للمطالبة بتعويضات العمل الليلي، وظلت "
            "الشبابيك مغلقة طوال الصباح.",
            ("سارت القطارات نحو فاس لكن المسافرين اضطروا إلى شراء تذاكرهم على متن القطار.",
             "تطالب النقابة بفتح مفاوضات قبل نهاية الشهر.",
             "تتحدث المديرية الجهوية عن حركة محدودة في محطة وجدة."),
            "خالد الوزاني، المدير العام للمكتب",
            "سنستقبل ممثلي المستخدمين الأسبوع المقبل",
            "عرفت محطة فاس إضرابا مماثلا في فصل الربيع.",
            "تهدد النقابة بتجديد الإضراب يوم الاثنين.",
            "أعيد فتح الشبابيك في آخر الزوال.",
        ),
    },
    "es": {
        "rail-oujda": T(
            ("Marruecos modernizará la línea férrea Fez-Uxda por 2.600 millones de dírhams",
             "Fez-Uxda en menos de cuatro horas en 2029",
             "Luz verde a las obras del ferrocarril del Oriental"),
            "La Oficina de Ferrocarriles marroquí firmó el lunes en Uxda los contratos para "
            "modernizar la línea Fez-Uxda, una obra de 2.600 millones de dírhams en 343 "
            "kilómetros.",
            ("El trayecto bajará de cinco horas y cuarenta minutos a tres horas y cincuenta en "
             "2029.",
             "Se reconstruirán treinta y dos obras de fábrica y se electrificará toda la vía.",
             "Se ampliarán seis estaciones, entre ellas Taourirt y Guercif."),
            "Khalid Ouazzani, director general de la Oficina",
            "El Oriental lleva veinte años esperando este tren y cumpliremos los plazos",
            "La línea actual, de vía única, data en su mayor parte de los años treinta.",
            "Las primeras obras empezarán en marzo entre Guercif y Taourirt.",
            "La Oficina precisó que los trenes seguirán circulando de noche durante las obras.",
        ),
        "marchica-flamingos": T(
            ("Récord de flamencos en la laguna de Mar Chica: 1.240 ejemplares",
             "Nador: los flamencos vuelven en masa a Mar Chica"),
            "Los ornitólogos contaron el domingo 1.240 flamencos en la laguna de Mar Chica, junto "
            "a Nador, la cifra más alta desde que empezaron los censos.",
            ("En el recuento participaron 36 voluntarios repartidos en 24 kilómetros de orilla.",
             "La calidad del agua ha mejorado desde el cierre de dos vertidos en 2024.",
             "También se observaron espátulas y charranes chicos."),
            "la ornitóloga Salma Bouhlal",
            "La laguna vuelve a ser una escala segura entre Europa y África",
            "Mar Chica está catalogada como humedal de importancia internacional.",
            "Un sendero de observación abrirá en primavera.",
            "Un segundo recuento confirmó las cifras el martes.",
        ),
    },
    "en": {
        "rail-oujda": T(
            ("Morocco to upgrade Fez-Oujda railway for 2.6 billion dirhams",
             "Fez to Oujda in under four hours by 2029",
             "Work approved on Morocco's eastern rail line"),
            "Morocco's rail office on Monday signed contracts in Oujda to upgrade the Fez-Oujda "
            "line, a 2.6 billion dirham project covering 343 kilometres.",
            ("The journey will drop from five hours forty minutes to three hours fifty in 2029.",
             "Thirty-two bridges and culverts will be rebuilt and the whole line electrified.",
             "Six stations, including Taourirt and Guercif, will be enlarged."),
            "Khalid Ouazzani, the office's director general",
            "The East has waited twenty years for this train, and we will keep to schedule",
            "The current single-track line mostly dates from the 1930s.",
            "The first works will start in March between Guercif and Taourirt.",
            "The office said trains would keep running at night during the works.",
        ),
    },
}
