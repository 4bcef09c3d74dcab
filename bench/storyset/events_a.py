"""Events 1-10 of the story set (written for Jarida; people's names are made up)."""

from __future__ import annotations

from bench.storyset.types import Event
from bench.storyset.types import Telling as T

EVENTS_A: tuple[Event, ...] = (
    Event("quake-alhoceima", 3, 4, {
        "fr": T(("Séisme de magnitude 5,2 au large d'Al Hoceïma",
                 "Al Hoceïma : la terre tremble, 14 blessés légers",
                 "Secousse de 5,2 dans le Rif, des fissures dans plusieurs écoles"),
                ("Un séisme de magnitude 5,2 a été ressenti mardi à 3 h 41 à Al Hoceïma et dans "
                 "une grande partie du Rif, selon l'Institut national de géophysique.",
                 "L'épicentre se situe en mer, à 18 kilomètres au nord de la ville, à une "
                 "profondeur de 10 kilomètres.",
                 "Les services de santé ont soigné 14 blessés légers, surtout des personnes "
                 "tombées en quittant leur logement.",
                 "Le gouverneur Hicham Benslimane a ordonné la fermeture de 23 écoles le temps "
                 "de vérifier des fissures dans les murs.")),
        "ar": T(("زلزال بقوة 5,2 درجات قبالة سواحل الحسيمة",
                 "الحسيمة: هزة أرضية تخلف 14 جريحا إصاباتهم خفيفة",
                 "زلزال بالريف وإغلاق 23 مدرسة للتأكد من سلامتها"),
                ("ضرب زلزال بقوة 5,2 درجات على سلم ريشتر مدينة الحسيمة ومناطق واسعة من الريف فجر "
                 "الثلاثاء على الساعة 3 و41 دقيقة، حسب المعهد الوطني للجيوفيزياء.",
                 "وحدد مركز الهزة في البحر على بعد 18 كيلومترا شمال المدينة وعلى عمق 10 كيلومترات.",
                 "وقدمت المصالح الصحية الإسعافات لـ14 جريحا إصاباتهم خفيفة، أغلبهم سقطوا أثناء "
                 "مغادرة منازلهم.",
                 "وأمر عامل الإقليم هشام بنسليمان بإغلاق 23 مدرسة ريثما يتم فحص الشقوق في "
                 "جدرانها.")),
        "es": T(("Un terremoto de magnitud 5,2 sacude Alhucemas",
                 "Alhucemas: el seísmo deja 14 heridos leves",
                 "Cierran 23 escuelas en el Rif tras el terremoto"),
                ("Un terremoto de magnitud 5,2 se sintió el martes a las 3.41 en Alhucemas y en "
                 "buena parte del Rif, según el Instituto Nacional de Geofísica marroquí.",
                 "El epicentro se localizó en el mar, a 18 kilómetros al norte de la ciudad y a "
                 "10 kilómetros de profundidad.",
                 "Los servicios sanitarios atendieron a 14 heridos leves, en su mayoría personas "
                 "que cayeron al salir de sus casas.",
                 "El gobernador Hicham Benslimane ordenó cerrar 23 escuelas para revisar grietas "
                 "en los muros.")),
        "en": T(("Magnitude 5.2 earthquake strikes off Al Hoceima",
                 "Al Hoceima quake leaves 14 lightly injured",
                 "Morocco's Rif shaken by 5.2 tremor, 23 schools shut"),
                ("A magnitude 5.2 earthquake was felt on Tuesday at 3:41 am in Al Hoceima and "
                 "across much of the Rif, the National Institute of Geophysics said.",
                 "The epicentre was at sea, 18 kilometres north of the city, at a depth of 10 "
                 "kilometres.",
                 "Health services treated 14 people with light injuries, most of whom fell while "
                 "leaving their homes.",
                 "Governor Hicham Benslimane ordered 23 schools closed while cracks in their "
                 "walls are inspected.")),
    }, copies=("fr", "ar")),
    Event("tangermed-record", 4, 10, {
        "fr": T(("Tanger Med franchit le cap des 9,1 millions de conteneurs",
                 "Record historique de trafic pour le port de Tanger Med",
                 "Conteneurs : Tanger Med dépasse ses objectifs avec un mois d'avance"),
                ("Le port de Tanger Med a traité 9,1 millions de conteneurs EVP depuis janvier, "
                 "un record atteint un mois avant la fin de l'année.",
                 "La hausse atteint 12 % par rapport à l'an dernier, portée par les lignes vers "
                 "l'Afrique de l'Ouest.",
                 "La directrice générale Samira El Fassi attribue ce résultat à la mise en "
                 "service du terminal 4.",
                 "L'autorité portuaire vise désormais 10 millions de conteneurs en 2027.")),
        "ar": T(("ميناء طنجة المتوسط يتجاوز 9,1 ملايين حاوية",
                 "رقم قياسي تاريخي لحركة الحاويات بطنجة المتوسط",
                 "طنجة المتوسط يحقق أهدافه قبل نهاية السنة بشهر"),
                ("عالج ميناء طنجة المتوسط 9,1 ملايين حاوية من فئة عشرين قدما منذ يناير، وهو رقم "
                 "قياسي تحقق قبل نهاية السنة بشهر.",
                 "وبلغت نسبة الارتفاع 12 في المائة مقارنة بالسنة الماضية بفضل الخطوط نحو غرب "
                 "إفريقيا.",
                 "وأرجعت المديرة العامة سميرة الفاسي هذه النتيجة إلى تشغيل المحطة الرابعة.",
                 "وتطمح سلطة الميناء إلى بلوغ 10 ملايين حاوية سنة 2027.")),
        "es": T(("Tánger Med supera los 9,1 millones de contenedores",
                 "Récord histórico de tráfico en el puerto de Tánger Med",
                 "Tánger Med cumple su objetivo anual con un mes de adelanto"),
                ("El puerto de Tánger Med ha movido 9,1 millones de contenedores TEU desde enero, "
                 "un récord alcanzado un mes antes de que termine el año.",
                 "El aumento es del 12 % respecto al año pasado, impulsado por las líneas hacia "
                 "África Occidental.",
                 "La directora general, Samira El Fassi, lo atribuye a la puesta en marcha de la "
                 "terminal 4.",
                 "La autoridad portuaria aspira ahora a 10 millones de contenedores en 2027.")),
        "en": T(("Tanger Med passes 9.1 million containers",
                 "Record year for Morocco's Tanger Med port",
                 "Tanger Med hits annual target a month early"),
                ("The port of Tanger Med has handled 9.1 million TEU containers since January, a "
                 "record reached a month before the end of the year.",
                 "Traffic is up 12% on last year, driven by routes to West Africa.",
                 "Director general Samira El Fassi credited the opening of terminal 4.",
                 "The port authority now aims for 10 million containers in 2027.")),
    }, copies=("fr", "es")),
    Event("marrakech-climate", 5, 9, {
        "fr": T(("Marrakech accueille 60 pays pour un forum sur l'eau et le climat",
                 "Forum climat de Marrakech : un fonds de 400 millions annoncé",
                 "Climat : à Marrakech, les pays africains réclament des financements"),
                ("Le forum africain sur l'eau et le climat s'est ouvert jeudi à Marrakech avec "
                 "des délégations de 60 pays.",
                 "La ministre de la Transition énergétique, Leila Bennani, a annoncé un fonds "
                 "régional de 400 millions de dollars pour l'adaptation.",
                 "Les délégués discuteront pendant trois jours de barrages, de dessalement et "
                 "d'irrigation économe.",
                 "Une déclaration commune est attendue samedi au palais des congrès.")),
        "ar": T(("مراكش تحتضن منتدى حول الماء والمناخ بمشاركة 60 دولة",
                 "منتدى المناخ بمراكش: الإعلان عن صندوق بـ400 مليون دولار",
                 "الدول الإفريقية تطالب بالتمويل في منتدى مراكش للمناخ"),
                ("افتتح يوم الخميس بمراكش المنتدى الإفريقي للماء والمناخ بمشاركة وفود 60 دولة.",
                 "وأعلنت وزيرة الانتقال الطاقي ليلى بناني عن صندوق جهوي بقيمة 400 مليون دولار "
                 "لدعم التكيف.",
                 "وسيناقش المندوبون على مدى ثلاثة أيام السدود وتحلية المياه والري المقتصد.",
                 "وينتظر صدور إعلان مشترك يوم السبت بقصر المؤتمرات.")),
        "en": T(("Marrakech hosts 60 countries at water and climate forum",
                 "Marrakech climate forum: $400 million fund announced",
                 "African states press for climate finance in Marrakech"),
                ("The African forum on water and climate opened on Thursday in Marrakech with "
                 "delegations from 60 countries.",
                 "Energy transition minister Leila Bennani announced a $400 million regional "
                 "fund for adaptation.",
                 "Delegates will spend three days on dams, desalination and water-saving "
                 "irrigation.",
                 "A joint declaration is expected on Saturday at the congress palace.")),
    }),
    Event("casa-busway", 6, 8, {
        "fr": T(("Casablanca inaugure sa troisième ligne de busway",
                 "Busway : 17 kilomètres entre Sidi Moumen et Aïn Sebaâ",
                 "Transports : la ligne BW3 de Casablanca entre en service"),
                ("La troisième ligne de busway de Casablanca a transporté ses premiers passagers "
                 "lundi matin entre Sidi Moumen et Aïn Sebaâ.",
                 "Longue de 17 kilomètres, la ligne BW3 compte 31 stations et des bus électriques "
                 "de 18 mètres.",
                 "Le ticket reste à 8 dirhams et l'attente ne dépassera pas sept minutes aux "
                 "heures de pointe.",
                 "Le maire Youssef Alaoui promet une quatrième ligne vers l'aéroport d'ici 2028.")),
        "ar": T(("الدار البيضاء تدشن الخط الثالث للحافلات ذات المستوى العالي",
                 "الباصواي: 17 كيلومترا بين سيدي مومن وعين السبع",
                 "النقل: دخول الخط BW3 بالدار البيضاء حيز الخدمة"),
                ("نقل الخط الثالث للباصواي بالدار البيضاء أول ركابه صباح الاثنين بين سيدي مومن "
                 "وعين السبع.",
                 "ويمتد الخط BW3 على طول 17 كيلومترا ويضم 31 محطة وحافلات كهربائية بطول 18 مترا.",
                 "ويبقى ثمن التذكرة 8 دراهم ولن تتجاوز مدة الانتظار سبع دقائق في أوقات الذروة.",
                 "ووعد العمدة يوسف العلوي بخط رابع نحو المطار في أفق 2028.")),
    }),
    Event("agadir-desal", 7, 11, {
        "fr": T(("Agadir : l'usine de dessalement doublera sa capacité",
                 "Dessalement : 1,3 milliard de dirhams pour l'extension de Chtouka",
                 "Eau potable : Agadir mise sur 400 000 mètres cubes par jour"),
                ("L'usine de dessalement de Chtouka, près d'Agadir, va doubler sa production pour "
                 "atteindre 400 000 mètres cubes par jour en 2028.",
                 "Le chantier, estimé à 1,3 milliard de dirhams, a été signé mercredi par "
                 "l'Office de l'eau et un consortium privé.",
                 "La moitié de l'eau produite ira à l'irrigation des serres de la plaine du "
                 "Souss.",
                 "Le directeur régional Brahim Ouchen assure que les coupures de l'été dernier "
                 "ne se répéteront pas.")),
        "ar": T(("أكادير: محطة تحلية المياه ستضاعف طاقتها",
                 "تحلية المياه: 1,3 مليار درهم لتوسيع محطة اشتوكة",
                 "الماء الشروب: أكادير تراهن على 400 ألف متر مكعب يوميا"),
                ("ستضاعف محطة تحلية مياه البحر باشتوكة قرب أكادير إنتاجها ليبلغ 400 ألف متر مكعب "
                 "يوميا سنة 2028.",
                 "ووقع المكتب الوطني للماء وتجمع خاص يوم الأربعاء على الأشغال التي تقدر كلفتها "
                 "بـ1,3 مليار درهم.",
                 "وسيخصص نصف المياه المنتجة لري البيوت المغطاة بسهل سوس.",
                 "وأكد المدير الجهوي إبراهيم أوشن أن انقطاعات الصيف الماضي لن تتكرر.")),
        "es": T(("Agadir duplicará su planta desaladora",
                 "Desalación: 1.300 millones de dírhams para ampliar Chtouka",
                 "Agua potable: Agadir apuesta por 400.000 metros cúbicos diarios"),
                ("La desaladora de Chtouka, cerca de Agadir, duplicará su producción hasta "
                 "400.000 metros cúbicos diarios en 2028.",
                 "La obra, de 1.300 millones de dírhams, fue firmada el miércoles por la Oficina "
                 "del Agua y un consorcio privado.",
                 "La mitad del agua irá al riego de los invernaderos de la llanura del Sus.",
                 "El director regional Brahim Ouchen asegura que los cortes del verano pasado "
                 "no se repetirán.")),
    }, copies=("ar",)),
    Event("fes-medina-fire", 8, 22, {
        "fr": T(("Incendie dans la médina de Fès : 12 échoppes détruites",
                 "Fès : le feu ravage une partie du souk des dinandiers",
                 "Médina de Fès : un incendie nocturne sans victime"),
                ("Un incendie s'est déclaré dimanche vers 22 heures dans le souk des dinandiers "
                 "de la médina de Fès, détruisant 12 échoppes.",
                 "Les pompiers ont mis près de trois heures à maîtriser les flammes dans les "
                 "ruelles étroites, où les camions ne passent pas.",
                 "Aucune victime n'est à déplorer, mais les artisans estiment leurs pertes à "
                 "plusieurs millions de dirhams.",
                 "Une enquête a été ouverte pour déterminer si un court-circuit est en cause.")),
        "ar": T(("حريق بالمدينة العتيقة لفاس يأتي على 12 محلا",
                 "فاس: النيران تلتهم جزءا من سوق النحاسين",
                 "حريق ليلي بالمدينة العتيقة لفاس دون خسائر في الأرواح"),
                ("شب حريق مساء الأحد حوالي الساعة العاشرة ليلا بسوق النحاسين في المدينة العتيقة "
                 "لفاس، وأتى على 12 محلا.",
                 "واستغرق رجال الوقاية المدنية قرابة ثلاث ساعات للسيطرة على النيران في الأزقة "
                 "الضيقة التي لا تمر منها الشاحنات.",
                 "ولم يسجل أي ضحايا، لكن الحرفيين يقدرون خسائرهم بملايين الدراهم.",
                 "وفتح تحقيق لتحديد ما إذا كان تماس كهربائي وراء الحريق.")),
        "es": T(("Un incendio destruye 12 tiendas en la medina de Fez",
                 "Fez: el fuego arrasa parte del zoco de los caldereros",
                 "Incendio nocturno sin víctimas en la medina de Fez"),
                ("Un incendio se declaró el domingo hacia las 22.00 en el zoco de los caldereros "
                 "de la medina de Fez y destruyó 12 tiendas.",
                 "Los bomberos tardaron casi tres horas en controlar las llamas en callejuelas "
                 "por donde no pasan los camiones.",
                 "No hubo víctimas, pero los artesanos calculan pérdidas de varios millones de "
                 "dírhams.",
                 "Se ha abierto una investigación para saber si la causa fue un cortocircuito.")),
    }),
    Event("coach-named", 9, 13, {
        "fr": T(("Football : Karim Lahlou nommé sélectionneur national",
                 "Lahlou prend les rênes des Lions jusqu'en 2030",
                 "Sélection : la fédération choisit Karim Lahlou"),
                ("La fédération de football a nommé lundi Karim Lahlou au poste de sélectionneur "
                 "national, avec un contrat courant jusqu'en 2030.",
                 "L'ancien défenseur de 47 ans entraînait jusqu'ici le club de Berkane, vainqueur "
                 "de la coupe de la confédération.",
                 "Il dirigera son premier match le 14 décembre, un amical face au Sénégal à "
                 "Rabat.",
                 "Le président de la fédération a salué « un technicien qui connaît chaque "
                 "joueur du championnat ».")),
        "ar": T(("كرة القدم: تعيين كريم لحلو مدربا للمنتخب الوطني",
                 "لحلو يقود الأسود حتى سنة 2030",
                 "الجامعة تختار كريم لحلو لتدريب المنتخب"),
                ("عينت جامعة كرة القدم يوم الاثنين كريم لحلو مدربا للمنتخب الوطني بعقد يمتد حتى "
                 "سنة 2030.",
                 "وكان المدافع السابق البالغ من العمر 47 سنة يدرب نادي بركان المتوج بكأس "
                 "الكونفدرالية.",
                 "وسيقود أول مباراة له يوم 14 دجنبر في لقاء ودي أمام السنغال بالرباط.",
                 "ووصفه رئيس الجامعة بأنه تقني يعرف كل لاعب في البطولة.")),
        "es": T(("Karim Lahlou, nuevo seleccionador de Marruecos",
                 "Lahlou dirigirá a los Leones del Atlas hasta 2030",
                 "La federación marroquí elige a Karim Lahlou"),
                ("La federación marroquí de fútbol nombró el lunes a Karim Lahlou seleccionador "
                 "nacional, con contrato hasta 2030.",
                 "El exdefensa, de 47 años, entrenaba al Berkane, campeón de la Copa "
                 "Confederación.",
                 "Debutará el 14 de diciembre en un amistoso ante Senegal en Rabat.",
                 "El presidente de la federación lo definió como un técnico que conoce a todos "
                 "los jugadores de la liga.")),
        "en": T(("Karim Lahlou named Morocco head coach",
                 "Lahlou to lead the Atlas Lions until 2030",
                 "Morocco federation picks Karim Lahlou as coach"),
                ("Morocco's football federation on Monday named Karim Lahlou national team coach "
                 "on a contract running to 2030.",
                 "The 47-year-old former defender had been coaching Berkane, winners of the "
                 "Confederation Cup.",
                 "His first match will be a friendly against Senegal in Rabat on December 14.",
                 "The federation president called him a coach who knows every player in the "
                 "league.")),
    }, copies=("fr",)),
    Event("ferry-prices", 10, 7, {
        "fr": T(("Détroit : les billets de ferry Tanger-Algésiras baissent de 15 %",
                 "Traversée du détroit : un tarif réduit pour l'hiver",
                 "Ferries : accord entre Rabat et Madrid sur les prix"),
                ("Les compagnies qui relient Tanger et Algésiras baisseront leurs tarifs de 15 % "
                 "à partir du 1er décembre, après un accord entre le Maroc et l'Espagne.",
                 "Un aller simple pour un passager passera de 47 à 40 euros, un véhicule de 160 à "
                 "136 euros.",
                 "La commission mixte s'est réunie vendredi à Madrid pour la deuxième fois "
                 "cette année.",
                 "Les associations de Marocains de l'étranger réclamaient cette baisse depuis "
                 "trois étés.")),
        "ar": T(("مضيق جبل طارق: تخفيض أسعار تذاكر العبارات بين طنجة والجزيرة الخضراء "
                 "بـ15 في المائة",
                 "عبور المضيق: تعريفة مخفضة خلال فصل الشتاء",
                 "العبارات: اتفاق بين الرباط ومدريد حول الأسعار"),
                ("ستخفض الشركات التي تربط طنجة بالجزيرة الخضراء أسعارها بنسبة 15 في المائة ابتداء "
                 "من فاتح دجنبر، إثر اتفاق بين المغرب وإسبانيا.",
                 "وسينتقل ثمن تذكرة الذهاب للراكب من 47 إلى 40 يورو، وللسيارة من 160 إلى 136 يورو.",
                 "واجتمعت اللجنة المشتركة يوم الجمعة بمدريد للمرة الثانية هذه السنة.",
                 "وكانت جمعيات مغاربة العالم تطالب بهذا التخفيض منذ ثلاثة مواسم صيفية.")),
        "es": T(("Los billetes del ferri Tánger-Algeciras bajan un 15 %",
                 "Cruzar el Estrecho será más barato este invierno",
                 "Acuerdo entre Madrid y Rabat para rebajar los ferris"),
                ("Las navieras que unen Tánger y Algeciras rebajarán sus tarifas un 15 % desde "
                 "el 1 de diciembre, tras un acuerdo entre España y Marruecos.",
                 "El billete de ida para un pasajero pasará de 47 a 40 euros, y el de un "
                 "vehículo de 160 a 136 euros.",
                 "La comisión mixta se reunió el viernes en Madrid por segunda vez este año.",
                 "Las asociaciones de marroquíes residentes en el extranjero pedían la rebaja "
                 "desde hace tres veranos.")),
    }, copies=("es",)),
    Event("dakhla-wind", 11, 10, {
        "fr": T(("Dakhla : un parc éolien de 300 mégawatts inauguré",
                 "Énergie : 120 éoliennes tournent désormais à Dakhla",
                 "Le plus grand parc éolien du Sud entre en production"),
                ("Un parc éolien de 300 mégawatts a été inauguré mercredi au nord de Dakhla, "
                 "avec 120 turbines réparties sur 40 kilomètres.",
                 "L'électricité alimentera une usine d'hydrogène vert et le réseau de la région.",
                 "L'investissement atteint 4,5 milliards de dirhams, selon l'agence de l'énergie "
                 "durable.",
                 "L'ingénieure Amina Tazi, cheffe du projet, souligne que le vent souffle ici plus "
                 "de 300 jours par an.")),
        "ar": T(("الداخلة: تدشين محطة ريحية بقدرة 300 ميغاواط",
                 "الطاقة: 120 توربينا ريحيا تدور الآن بالداخلة",
                 "أكبر محطة ريحية في الجنوب تدخل مرحلة الإنتاج"),
                ("دشنت يوم الأربعاء شمال الداخلة محطة لطاقة الرياح بقدرة 300 ميغاواط تضم 120 "
                 "توربينا موزعة على 40 كيلومترا.",
                 "وستزود الكهرباء المنتجة مصنعا للهيدروجين الأخضر وشبكة الجهة.",
                 "وبلغ الاستثمار 4,5 مليارات درهم حسب وكالة الطاقة المستدامة.",
                 "وأكدت المهندسة أمينة التازي رئيسة المشروع أن الرياح تهب هنا أكثر من 300 يوم في "
                 "السنة.")),
        "en": T(("300-megawatt wind farm opens in Dakhla",
                 "120 turbines now spinning near Dakhla",
                 "Southern Morocco's largest wind farm starts production"),
                ("A 300-megawatt wind farm opened on Wednesday north of Dakhla, with 120 turbines "
                 "spread over 40 kilometres.",
                 "Its power will feed a green hydrogen plant and the regional grid.",
                 "The investment totals 4.5 billion dirhams, according to the sustainable energy "
                 "agency.",
                 "Project head Amina Tazi, an engineer, said the wind blows here more than 300 "
                 "days a year.")),
    }),
)
