"""Events of the demo web that name the watched subjects of `jarida/demo/watch.yaml`
(issue 14): two invented banks, an invented port authority known by an acronym that is
also a common word (CAP / cap), and its invented president. Some articles praise them,
some criticise them, and a card outage makes a spike of coverage on one day.
Written for Jarida; every name is made up."""

from __future__ import annotations

from jarida.demo.content.types import Event
from jarida.demo.content.types import EventText as T

WATCH_EVENTS: tuple[Event, ...] = (
    Event("bds-green-loans", "Économie", 12, 10,
          ("courrier-atlas", "akhbar-maghrib", "diario-estrecho", "casablanca-business",
           "echo-souss")),
    Event("atlas-branches", "Économie", 20, 11,
          ("casablanca-business", "courrier-atlas", "akhbar-maghrib", "phare-detroit:es")),
    Event("ports-plan", "Politique", 29, 15,
          ("courrier-atlas", "akhbar-maghrib", "rif-express:fr", "phare-detroit:es",
           "diario-estrecho")),
    Event("bds-mobile-award", "Technologie", 36, 10,
          ("atlas-tech:en", "atlas-tech:fr", "casablanca-business", "akhbar-maghrib")),
    Event("spartel-regatta", "Sport", 38, 16,
          ("courrier-atlas", "phare-detroit:fr", "rif-express:fr", "phare-detroit:es")),
    Event("bds-outage", "Économie", 44, 9,
          ("courrier-atlas", "akhbar-maghrib", "rif-express:fr", "rif-express:ar",
           "diario-estrecho", "casablanca-business", "echo-souss", "phare-detroit:fr",
           "phare-detroit:es", "atlas-tech:en")),
    # The bank's apology is a communiqué the agency sends out: three French outlets run
    # Maghreb Wire's dispatch (syndicated copies, counted once by monitoring).
    Event("bds-apology", "Économie", 44, 19,
          ("maghreb-wire:fr", "courrier-atlas", "akhbar-maghrib", "casablanca-business",
           "diario-estrecho", "atlas-tech:fr"), wire=True),
    # More of the outage's own coverage on its day, each outlet writing its own article
    # (no wire copy), so the day stands out once syndicated copies count once.
    Event("bds-outage-merchants", "Économie", 44, 4,
          ("echo-souss", "akhbar-maghrib", "phare-detroit:es")),
    Event("bds-outage-complaint", "Économie", 44, 4,
          ("courrier-atlas", "rif-express:ar", "diario-estrecho")),
)

WATCH_FR: dict[str, T] = {
    "bds-green-loans": T(
        ("La Banque du Sahel lance des prêts verts pour les agriculteurs du Souss",
         "Prêts verts : la BDS finance l'irrigation goutte-à-goutte à taux réduit",
         "Agriculture : la Banque du Sahel saluée par les coopératives pour ses prêts verts"),
        "La Banque du Sahel a lancé lundi une gamme de prêts verts à taux réduit destinée aux "
        "petits agriculteurs qui passent à l'irrigation goutte-à-goutte, une initiative saluée "
        "par les coopératives du Souss.",
        ("Les prêts vont jusqu'à 300 000 dirhams, remboursables sur sept ans au taux de 2,9 %.",
         "La BDS a réservé une enveloppe de 1,2 milliard de dirhams pour la première année.",
         "Un conseiller agricole de la banque accompagnera chaque dossier jusqu'à la récolte.",
         "Les coopératives de Taroudant estiment que plus de 4 000 exploitations sont concernées."),
        "Leïla Amghar, présidente de l'union des coopératives de Taroudant",
        "C'est la première fois qu'une banque nous propose un crédit pensé pour nos saisons, "
        "et les agriculteurs en parlent déjà avec enthousiasme",
        "La sécheresse des trois dernières années a poussé de nombreuses exploitations à réduire "
        "leurs surfaces irriguées.",
        "La banque prévoit d'étendre l'offre au Haouz et au Tadla au printemps prochain.",
        "Plus de 600 demandes ont été déposées dès la première semaine.",
    ),
    "atlas-branches": T(
        ("Le Crédit de l'Atlas ouvre trente agences dans les villes moyennes",
         "Réseau bancaire : le Crédit de l'Atlas mise sur les petites villes"),
        "Le Crédit de l'Atlas a annoncé mercredi l'ouverture de trente nouvelles agences dans "
        "des villes moyennes jusqu'ici mal desservies, un pari salué par les élus locaux.",
        ("Les agences ouvriront d'ici juin à Tiznit, Azilal, Guercif et Sidi Kacem notamment.",
         "Chaque agence proposera un guichet pour les très petites entreprises.",
         "La banque recrutera 180 conseillers, formés pendant trois mois à Casablanca.",
         "Le réseau de la Banque du Sahel reste le plus dense du pays avec 540 agences."),
        "Omar Filali, directeur général du Crédit de l'Atlas",
        "Nous voulons être la banque de proximité des villes que les autres ont oubliées",
        "Le taux de bancarisation reste inférieur à 40 % dans plusieurs provinces de l'intérieur.",
        "La banque vise un million de clients supplémentaires d'ici trois ans.",
        "Les cinq premières agences ont ouvert leurs portes dès le lundi suivant.",
    ),
    "ports-plan": T(
        ("Le CAP présente son plan pour les ports de pêche, les syndicats dénoncent un passage en force",
         "Ports de pêche : le plan du CAP critiqué par les marins",
         "Houda Lamrani défend le plan du Conseil autonome des ports face aux critiques"),
        "Le Conseil autonome des ports (CAP) a présenté jeudi un plan de modernisation de douze "
        "ports de pêche, vivement critiqué par les syndicats de marins qui dénoncent un projet "
        "élaboré sans concertation.",
        ("Le plan prévoit la fermeture partielle de trois halles à marée pendant les travaux.",
         "Les syndicats reprochent au CAP des tarifs d'amarrage en hausse de 18 %.",
         "Le budget annoncé atteint 2,7 milliards de dirhams sur cinq ans.",
         "Une grève de deux jours a été annoncée dans les ports de Larache et d'Assilah."),
        "Houda Lamrani, présidente du CAP",
        "Nous avons entendu les inquiétudes, mais ces ports ne peuvent plus attendre : le plan "
        "sera discuté port par port",
        "Le dernier plan de ce type, lancé il y a dix ans, n'avait été réalisé qu'à moitié.",
        "Une première réunion avec les syndicats est prévue la semaine prochaine à Tanger.",
        "Les syndicats ont maintenu leur appel à la grève après la réunion.",
    ),
    "bds-mobile-award": T(
        ("L'application de la Banque du Sahel primée meilleure appli bancaire de l'année",
         "Banque mobile : la BDS récompensée pour son application"),
        "L'application mobile de la Banque du Sahel a reçu mardi le prix de la meilleure "
        "application bancaire de l'année, décerné par un jury de développeurs et d'usagers.",
        ("Le jury a salué la clarté de l'interface et le virement instantané entre particuliers.",
         "L'application compte 2,3 millions d'utilisateurs actifs chaque mois.",
         "Elle fonctionne en arabe, en français et en amazighe.",
         "Les usagers lui attribuent une note moyenne de 4,7 sur 5."),
        "Sanae Idrissi, directrice du numérique de la BDS",
        "Ce prix revient à nos équipes et aux clients qui nous ont signalé chaque défaut",
        "La banque a investi 400 millions de dirhams dans ses services numériques en deux ans.",
        "Une fonction d'épargne automatique sera ajoutée au printemps.",
        "L'application a gagné 80 000 nouveaux utilisateurs dans la semaine du prix.",
    ),
    "spartel-regatta": T(
        ("Régate du Cap Spartel : les voiliers de Tanger gardent le cap malgré le vent",
         "Voile : la régate du Cap Spartel franchit le cap des cent bateaux"),
        "La régate du Cap Spartel a réuni samedi un nombre record de cent quatre voiliers, qui "
        "ont gardé le cap malgré un vent d'est soufflant à trente nœuds.",
        ("Le parcours de 22 milles contournait la pointe du cap avant de revenir vers la baie.",
         "L'équipage tangérois du Bouregreg a remporté la course en trois heures et quart.",
         "Trois bateaux ont dû abandonner après des avaries de gréement.",
         "Les organisateurs veulent passer le cap des cent cinquante bateaux l'an prochain."),
        "le skipper vainqueur, Anouar Chraibi",
        "Il fallait garder le cap et la tête froide : le vent tournait à chaque bord",
        "La régate existe depuis 1987 et attire des équipages d'Espagne et du Portugal.",
        "Une étape de nuit entre Tanger et Asilah est à l'étude.",
        "Le jury a confirmé le classement après examen de deux réclamations.",
    ),
    "bds-outage": T(
        ("Panne géante à la Banque du Sahel : cartes bloquées et clients en colère",
         "Deuxième jour de panne à la BDS : distributeurs à l'arrêt, commerçants excédés",
         "La Banque du Sahel paralysée par une panne informatique, les clients dénoncent le silence"),
        "Des centaines de milliers de clients en colère accusent la Banque du Sahel de les avoir "
        "laissés deux jours sans carte ni argent, à la suite d'une panne informatique que la banque "
        "a tardé à reconnaître.",
        ("Les distributeurs de la BDS affichaient un message d'erreur dans tout le pays.",
         "Des commerçants disent avoir perdu une journée entière de ventes.",
         "L'association des consommateurs dénonce un manque d'information inacceptable.",
         "Les réseaux sociaux ont été inondés de plaintes de clients bloqués à l'étranger."),
        "Rachid Benmoussa, président de l'association de défense des consommateurs",
        "Une banque de cette taille n'a pas le droit de laisser ses clients sans argent et sans "
        "explication pendant deux jours",
        "La banque avait migré son système de paiement le week-end précédent.",
        "Bank Al-Maghrib a demandé un rapport détaillé sur l'incident.",
        "La banque indique que le service a été rétabli dans la soirée.",
    ),
    "bds-apology": T(
        ("La Banque du Sahel s'excuse et promet de rembourser les frais",
         "Après la panne, la BDS présente ses excuses à ses clients"),
        "La Banque du Sahel a présenté ses excuses jeudi soir après deux jours de panne et promis "
        "de rembourser tous les frais prélevés pendant l'incident.",
        ("Les frais de retrait et de paiement à l'étranger seront remboursés d'ici quinze jours.",
         "La banque reconnaît une erreur lors de la migration de son système de paiement.",
         "Le Crédit de l'Atlas dit avoir reçu un nombre inhabituel de demandes d'ouverture de compte.",
         "Un audit indépendant sera confié à un cabinet étranger."),
        "Youssef Tahiri, président de la Banque du Sahel",
        "Nous avons failli et nous le reconnaissons : chaque client sera remboursé",
        "La panne a touché environ 900 000 clients selon la banque.",
        "Les résultats de l'audit seront publiés d'ici trois mois.",
        "Les premiers remboursements ont été crédités dès le lundi suivant.",
    ),
    "bds-outage-merchants": T(
        ("Souss : les commerçants réclament 38 millions de dirhams à la Banque du Sahel",
         "Ventes perdues : 3 650 commerçants du Souss contre la BDS"),
        "Les commerçants du Souss accusent la Banque du Sahel d'avoir ruiné leur semaine : leur "
        "fédération chiffre à 38 millions de dirhams les ventes perdues et réclame une "
        "indemnisation que la banque refuse d'examiner.",
        ("Dans les souks d'Agadir, des marchands disent avoir perdu jusqu'à 70 % de leurs ventes "
         "de la semaine.",
         "Les terminaux de paiement reliés à la banque refusaient toutes les cartes dès le premier "
         "matin de la panne.",
         "Plusieurs stations-service ont dû fermer leurs pompes faute de paiement électronique.",
         "La fédération représente 3 650 commerçants d'Agadir, de Taroudant et de Tiznit."),
        "Hassan Ait Brahim, président de la fédération des commerçants du Souss",
        "La banque encaisse nos commissions chaque mois, mais quand tout s'arrête, personne ne "
        "décroche le téléphone",
        "Près d'un commerçant sur trois de la région utilise un terminal de paiement fourni par la "
        "banque.",
        "La fédération prévoit de déposer une demande d'indemnisation collective la semaine "
        "prochaine.",
        "La banque a proposé de suspendre les frais de terminal pendant un mois.",
    ),
    "bds-outage-complaint": T(
        ("Plainte collective contre la Banque du Sahel : 12 470 clients saisissent le tribunal "
         "de Rabat",
         "Négligence : les consommateurs attaquent la BDS devant le tribunal de Rabat"),
        "L'association de défense des consommateurs a saisi le tribunal de commerce de Rabat "
        "contre la Banque du Sahel, qu'elle accuse de négligence grave et de mépris envers les "
        "12 470 plaignants de sa plainte collective.",
        ("La plainte vise un défaut d'information et des frais prélevés sur des opérations jamais "
         "abouties.",
         "Les 12 470 plaignants ont rempli le formulaire de l'association en vingt-quatre "
         "heures.",
         "Des députés de l'opposition demandent l'audition des dirigeants de la banque en "
         "commission des finances.",
         "Selon l'association, des patients hospitalisés n'ont pas pu régler leurs soins."),
        "Nadia El Ouafi, avocate de l'association",
        "La banque a traité ses clients comme des numéros : elle devra répondre de sa négligence "
        "devant le juge",
        "C'est la troisième panne de paiement signalée dans le secteur bancaire depuis le début "
        "de l'année.",
        "Une première audience pourrait se tenir avant la fin du mois.",
        "Le parquet a ouvert une enquête préliminaire sur l'incident.",
    ),
}

WATCH_AR: dict[str, T] = {
    "bds-green-loans": T(
        ("بنك الساحل يطلق قروضاً خضراء لفلاحي سوس",
         "قروض خضراء من بنك الساحل لتمويل الري بالتنقيط بفائدة منخفضة"),
        "أطلق بنك الساحل يوم الاثنين مجموعة من القروض الخضراء بفائدة منخفضة لفائدة صغار الفلاحين "
        "الذين ينتقلون إلى الري بالتنقيط، في مبادرة رحبت بها تعاونيات سوس.",
        ("تصل القروض إلى 300 ألف درهم تسدد على سبع سنوات بفائدة 2,9 في المائة.",
         "وخصص البنك غلافاً مالياً قدره 1,2 مليار درهم للسنة الأولى.",
         "وسيرافق مستشار فلاحي من البنك كل ملف إلى غاية الحصاد.",
         "وتقدر تعاونيات تارودانت أن أكثر من أربعة آلاف ضيعة معنية بالعرض."),
        "ليلى أمغار، رئيسة اتحاد تعاونيات تارودانت",
        "إنها المرة الأولى التي يقترح علينا فيها بنك قرضاً يراعي مواسمنا، والفلاحون يتحدثون عنه "
        "بحماس",
        "دفع الجفاف خلال السنوات الثلاث الأخيرة العديد من الضيعات إلى تقليص مساحاتها المسقية.",
        "ويعتزم البنك توسيع العرض ليشمل الحوز وتادلة في الربيع المقبل.",
        "وتم إيداع أكثر من ستمائة طلب خلال الأسبوع الأول.",
    ),
    "atlas-branches": T(
        ("بنك الأطلس يفتح ثلاثين وكالة في المدن المتوسطة",
         "الشبكة البنكية: بنك الأطلس يراهن على المدن الصغيرة"),
        "أعلن بنك الأطلس يوم الأربعاء عن فتح ثلاثين وكالة جديدة في مدن متوسطة ظلت محرومة من "
        "الخدمات البنكية، وهو رهان رحب به المنتخبون المحليون.",
        ("ستفتح الوكالات قبل يونيو في تيزنيت وأزيلال وجرسيف وسيدي قاسم.",
         "وستضم كل وكالة شباكاً مخصصاً للمقاولات الصغيرة جداً.",
         "وسيوظف البنك 180 مستشاراً يتلقون تكويناً لمدة ثلاثة أشهر بالدار البيضاء.",
         "وتبقى شبكة بنك الساحل الأكثر كثافة في البلاد بـ540 وكالة."),
        "عمر الفيلالي، المدير العام لبنك الأطلس",
        "نريد أن نكون بنك القرب في المدن التي نسيها الآخرون",
        "ما تزال نسبة الاستفادة من الخدمات البنكية دون أربعين في المائة في عدة أقاليم داخلية.",
        "ويطمح البنك إلى استقطاب مليون زبون إضافي خلال ثلاث سنوات.",
        "وفتحت الوكالات الخمس الأولى أبوابها يوم الاثنين الموالي.",
    ),
    "ports-plan": T(
        ("المجلس المستقل للموانئ يقدم مخططه لموانئ الصيد والنقابات تندد",
         "هدى اللمراني تدافع عن مخطط المجلس المستقل للموانئ"),
        "قدم المجلس المستقل للموانئ يوم الخميس مخططاً لتأهيل اثني عشر ميناء للصيد، تعرض لانتقادات "
        "شديدة من نقابات البحارة التي نددت بمشروع أعد دون تشاور.",
        ("ينص المخطط على إغلاق جزئي لثلاثة أسواق للسمك خلال الأشغال.",
         "وتعيب النقابات على المجلس رفع رسوم الرسو بنسبة 18 في المائة.",
         "وتبلغ الميزانية المعلنة 2,7 مليار درهم على مدى خمس سنوات.",
         "وأعلن عن إضراب لمدة يومين في ميناءي العرائش وأصيلة."),
        "هدى اللمراني، رئيسة المجلس المستقل للموانئ",
        "سمعنا المخاوف، لكن هذه الموانئ لا يمكنها الانتظار أكثر، وسيناقش المخطط ميناء بميناء",
        "لم ينجز المخطط السابق من هذا النوع، الذي أطلق قبل عشر سنوات، إلا في نصفه.",
        "ومن المقرر عقد أول اجتماع مع النقابات الأسبوع المقبل بطنجة.",
        "وأبقت النقابات على دعوتها إلى الإضراب بعد الاجتماع.",
    ),
    "bds-mobile-award": T(
        ("تطبيق بنك الساحل يفوز بجائزة أفضل تطبيق بنكي",
         "الخدمات البنكية عبر الهاتف: تتويج تطبيق لبنك الساحل"),
        "حصل التطبيق المحمول لبنك الساحل يوم الثلاثاء على جائزة أفضل تطبيق بنكي لهذه السنة، "
        "التي تمنحها لجنة من المطورين والمستعملين.",
        ("أشادت اللجنة بوضوح الواجهة وبالتحويل الفوري بين الأفراد.",
         "ويضم التطبيق 2,3 مليون مستعمل نشيط كل شهر.",
         "ويعمل بالعربية والفرنسية والأمازيغية.",
         "ويمنحه المستعملون تقييماً متوسطاً قدره 4,7 من 5."),
        "سناء الإدريسي، مديرة الرقمنة ببنك الساحل",
        "هذه الجائزة تعود لفرقنا وللزبناء الذين نبهونا إلى كل خلل",
        "استثمر البنك 400 مليون درهم في خدماته الرقمية خلال سنتين.",
        "وستضاف خاصية للادخار التلقائي في الربيع.",
        "وكسب التطبيق ثمانين ألف مستعمل جديد في أسبوع الجائزة.",
    ),
    "bds-outage": T(
        ("عطل كبير في بنك الساحل: بطاقات معطلة وزبناء غاضبون",
         "اليوم الثاني من العطل في بنك الساحل: الشبابيك متوقفة والتجار مستاؤون"),
        "لم يتمكن مئات الآلاف من زبناء بنك الساحل من الأداء بالبطاقة أو سحب الأموال لمدة يومين، "
        "إثر عطل معلوماتي تأخر البنك في الاعتراف به.",
        ("وكانت الشبابيك الأوتوماتيكية للبنك تعرض رسالة خطأ في جميع أنحاء البلاد.",
         "ويقول تجار إنهم خسروا يوماً كاملاً من المبيعات.",
         "وتندد جمعية المستهلكين بنقص غير مقبول في المعلومات.",
         "وغمرت شكاوى الزبناء العالقين في الخارج مواقع التواصل الاجتماعي."),
        "رشيد بنموسى، رئيس جمعية حماية المستهلكين",
        "لا يحق لبنك بهذا الحجم أن يترك زبناءه دون مال ودون تفسير لمدة يومين",
        "وكان البنك قد نقل نظام الأداء الخاص به في نهاية الأسبوع السابق.",
        "وطلب بنك المغرب تقريراً مفصلاً عن الحادث.",
        "وأفاد البنك بأن الخدمة عادت في المساء.",
    ),
    "bds-apology": T(
        ("بنك الساحل يعتذر ويتعهد بإرجاع الرسوم",
         "بعد العطل، بنك الساحل يقدم اعتذاره لزبنائه"),
        "قدم بنك الساحل اعتذاره مساء الخميس بعد يومين من العطل، وتعهد بإرجاع جميع الرسوم "
        "المقتطعة خلال الحادث.",
        ("ستسترجع رسوم السحب والأداء في الخارج في غضون خمسة عشر يوماً.",
         "ويعترف البنك بخطأ خلال نقل نظام الأداء.",
         "ويقول بنك الأطلس إنه تلقى عدداً غير معتاد من طلبات فتح الحسابات.",
         "وسيعهد بتدقيق مستقل إلى مكتب أجنبي."),
        "يوسف الطاهري، رئيس بنك الساحل",
        "لقد أخطأنا ونعترف بذلك، وسيتم تعويض كل زبون",
        "وشمل العطل نحو تسعمائة ألف زبون حسب البنك.",
        "وستنشر نتائج التدقيق خلال ثلاثة أشهر.",
        "وأضيفت أولى التعويضات إلى الحسابات يوم الاثنين الموالي.",
    ),
    "bds-outage-merchants": T(
        ("سوس: التجار يطالبون بنك الساحل بـ38 مليون درهم",
         "مبيعات ضائعة: 3650 تاجراً في سوس ضد بنك الساحل"),
        "يتهم تجار سوس بنك الساحل بإفساد أسبوعهم، إذ تقدر فيدراليتهم المبيعات الضائعة بـ38 مليون "
        "درهم وتطالب بتعويض يرفض البنك النظر فيه.",
        ("ويقول تجار في أسواق أكادير إنهم خسروا ما يصل إلى 70 في المائة من مبيعات الأسبوع.",
         "وظلت أجهزة الأداء المرتبطة بالبنك ترفض جميع البطاقات منذ الصباح الأول للعطل.",
         "واضطرت عدة محطات للوقود إلى إغلاق مضخاتها بسبب تعذر الأداء الإلكتروني.",
         "وتمثل الفيدرالية 3650 تاجراً في أكادير وتارودانت وتيزنيت."),
        "حسن آيت إبراهيم، رئيس فيدرالية تجار سوس",
        "البنك يقتطع عمولاته منا كل شهر، لكن حين يتوقف كل شيء لا أحد يرد على الهاتف",
        "ويستعمل نحو تاجر من كل ثلاثة في الجهة جهاز أداء يوفره البنك.",
        "وتعتزم الفيدرالية تقديم طلب تعويض جماعي الأسبوع المقبل.",
        "واقترح البنك تعليق رسوم أجهزة الأداء لمدة شهر.",
    ),
    "bds-outage-complaint": T(
        ("شكاية جماعية ضد بنك الساحل: 12470 زبوناً يلجؤون إلى محكمة الرباط",
         "الإهمال: المستهلكون يقاضون بنك الساحل أمام محكمة الرباط"),
        "رفعت جمعية حماية المستهلكين دعوى أمام المحكمة التجارية بالرباط ضد بنك الساحل، متهمة "
        "إياه بالإهمال الجسيم والاستخفاف بـ12470 مشتكياً انضموا إلى شكايتها الجماعية.",
        ("وتتعلق الدعوى بغياب المعلومات وباقتطاع رسوم عن عمليات لم تتم.",
         "وملأ المشتكون الـ12470 استمارة الجمعية خلال أربع وعشرين ساعة.",
         "ويطالب نواب من المعارضة بالاستماع إلى مسؤولي البنك داخل لجنة المالية.",
         "وحسب الجمعية، لم يتمكن مرضى في المستشفيات من أداء مصاريف العلاج."),
        "نادية الوافي، محامية الجمعية",
        "عامل البنك زبناءه كأرقام، وعليه أن يجيب عن إهماله أمام القضاء",
        "وهذا ثالث عطل في الأداء يسجل في القطاع البنكي منذ بداية السنة.",
        "وقد تعقد أول جلسة قبل نهاية الشهر.",
        "وفتحت النيابة العامة بحثاً تمهيدياً في الحادث.",
    ),
}

WATCH_ES: dict[str, T] = {
    "bds-green-loans": T(
        ("El Banco del Sahel lanza préstamos verdes para los agricultores del Sus",
         "Préstamos verdes del Banco del Sahel para el riego por goteo"),
        "El Banco del Sahel lanzó el lunes una gama de préstamos verdes a tipo reducido para los "
        "pequeños agricultores que pasan al riego por goteo, una iniciativa aplaudida por las "
        "cooperativas del Sus.",
        ("Los préstamos llegan a 300.000 dírhams, a devolver en siete años al 2,9 %.",
         "El banco ha reservado 1.200 millones de dírhams para el primer año.",
         "Un asesor agrícola del banco acompañará cada expediente hasta la cosecha.",
         "Las cooperativas de Tarudant calculan que más de 4.000 explotaciones pueden acogerse."),
        "Leila Amghar, presidenta de la unión de cooperativas de Tarudant",
        "Es la primera vez que un banco nos ofrece un crédito pensado para nuestras temporadas",
        "La sequía de los últimos tres años obligó a muchas explotaciones a reducir el regadío.",
        "El banco prevé extender la oferta al Haouz y al Tadla la próxima primavera.",
        "En la primera semana se presentaron más de 600 solicitudes.",
    ),
    "atlas-branches": T(
        ("El Crédito del Atlas abre treinta oficinas en ciudades medianas",
         "Red bancaria: el Crédito del Atlas apuesta por las ciudades pequeñas"),
        "El Crédito del Atlas anunció el miércoles la apertura de treinta nuevas oficinas en "
        "ciudades medianas hasta ahora mal atendidas, una apuesta celebrada por los cargos locales.",
        ("Las oficinas abrirán antes de junio en Tiznit, Azilal, Guercif y Sidi Kacem.",
         "Cada oficina tendrá una ventanilla para microempresas.",
         "El banco contratará a 180 asesores, formados durante tres meses en Casablanca.",
         "La red del Banco del Sahel sigue siendo la más densa del país, con 540 oficinas."),
        "Omar Filali, director general del Crédito del Atlas",
        "Queremos ser el banco de proximidad de las ciudades que los demás olvidaron",
        "La bancarización sigue por debajo del 40 % en varias provincias del interior.",
        "El banco aspira a un millón de clientes más en tres años.",
        "Las cinco primeras oficinas abrieron el lunes siguiente.",
    ),
    "ports-plan": T(
        ("El CAP presenta su plan para los puertos pesqueros y los sindicatos lo rechazan",
         "Puertos pesqueros: Huda Lamrani defiende el plan del Consejo Autónomo de Puertos"),
        "El Consejo Autónomo de Puertos (CAP) presentó el jueves un plan de modernización de doce "
        "puertos pesqueros, duramente criticado por los sindicatos de marineros, que denuncian un "
        "proyecto elaborado sin consulta.",
        ("El plan prevé el cierre parcial de tres lonjas durante las obras.",
         "Los sindicatos reprochan al CAP una subida del 18 % de las tasas de amarre.",
         "El presupuesto anunciado alcanza 2.700 millones de dírhams en cinco años.",
         "Se ha convocado una huelga de dos días en los puertos de Larache y Arcila."),
        "Huda Lamrani, presidenta del CAP",
        "Hemos escuchado las inquietudes, pero estos puertos no pueden esperar más",
        "El plan anterior, lanzado hace diez años, solo se ejecutó a medias.",
        "La primera reunión con los sindicatos está prevista la semana próxima en Tánger.",
        "Los sindicatos mantuvieron la convocatoria de huelga tras la reunión.",
    ),
    "spartel-regatta": T(
        ("Regata del cabo Espartel: récord de cien veleros frente a Tánger",
         "Vela: la regata del cabo Espartel supera los cien barcos"),
        "La regata del cabo Espartel reunió el sábado a un récord de ciento cuatro veleros, que "
        "mantuvieron el rumbo pese a un viento de levante de treinta nudos.",
        ("El recorrido de 22 millas rodeaba el cabo antes de volver a la bahía.",
         "La tripulación tangerina del Bouregreg ganó la carrera en tres horas y cuarto.",
         "Tres barcos abandonaron por averías en la jarcia.",
         "Los organizadores quieren superar los ciento cincuenta barcos el año que viene."),
        "el patrón ganador, Anouar Chraibi",
        "Había que mantener el rumbo y la cabeza fría: el viento cambiaba en cada bordada",
        "La regata existe desde 1987 y atrae a tripulaciones de España y Portugal.",
        "Se estudia una etapa nocturna entre Tánger y Arcila.",
        "El jurado confirmó la clasificación tras examinar dos reclamaciones.",
    ),
    "bds-outage": T(
        ("Apagón informático en el Banco del Sahel: tarjetas bloqueadas y clientes indignados",
         "Segundo día de avería en el Banco del Sahel: cajeros parados y comercios furiosos"),
        "Cientos de miles de clientes del Banco del Sahel no pudieron pagar con tarjeta ni sacar "
        "dinero durante dos días por una avería informática que el banco tardó en reconocer.",
        ("Los cajeros del banco mostraban un mensaje de error en todo el país.",
         "Varios comerciantes dicen haber perdido un día entero de ventas.",
         "La asociación de consumidores denuncia una falta de información inaceptable.",
         "Las redes sociales se llenaron de quejas de clientes bloqueados en el extranjero."),
        "Rachid Benmoussa, presidente de la asociación de consumidores",
        "Un banco de este tamaño no puede dejar a sus clientes sin dinero y sin explicaciones "
        "durante dos días",
        "El banco había migrado su sistema de pagos el fin de semana anterior.",
        "Bank Al-Maghrib ha pedido un informe detallado del incidente.",
        "El banco indica que el servicio se restableció por la noche.",
    ),
    "bds-apology": T(
        ("El Banco del Sahel pide perdón y promete devolver las comisiones",
         "Tras la avería, el Banco del Sahel se disculpa ante sus clientes"),
        "El Banco del Sahel pidió disculpas el jueves por la noche tras dos días de avería y "
        "prometió devolver todas las comisiones cobradas durante el incidente.",
        ("Las comisiones de retirada y de pago en el extranjero se devolverán en quince días.",
         "El banco reconoce un error en la migración de su sistema de pagos.",
         "El Crédito del Atlas afirma haber recibido un número inusual de solicitudes de cuenta.",
         "Una auditoría independiente se encargará a una firma extranjera."),
        "Youssef Tahiri, presidente del Banco del Sahel",
        "Hemos fallado y lo reconocemos: cada cliente será reembolsado",
        "La avería afectó a unos 900.000 clientes, según el banco.",
        "Los resultados de la auditoría se publicarán en tres meses.",
        "Los primeros reembolsos se abonaron el lunes siguiente.",
    ),
    "bds-outage-merchants": T(
        ("Sus: los comerciantes reclaman 38 millones de dírhams al Banco del Sahel",
         "Ventas perdidas: 3.650 comerciantes del Sus contra el Banco del Sahel"),
        "Los comerciantes del Sus acusan al Banco del Sahel de haberles arruinado la semana: su "
        "federación cifra en 38 millones de dírhams las ventas perdidas y reclama una "
        "indemnización que el banco se niega a estudiar.",
        ("En los zocos de Agadir, algunos vendedores dicen haber perdido hasta el 70 % de las "
         "ventas de la semana.",
         "Los terminales de pago vinculados al banco rechazaban todas las tarjetas desde la "
         "primera mañana de la avería.",
         "Varias gasolineras tuvieron que cerrar sus surtidores por falta de pago electrónico.",
         "La federación representa a 3.650 comerciantes de Agadir, Tarudant y Tiznit."),
        "Hassan Ait Brahim, presidente de la federación de comerciantes del Sus",
        "El banco nos cobra comisiones cada mes, pero cuando todo se para nadie contesta al "
        "teléfono",
        "Casi uno de cada tres comerciantes de la región usa un terminal de pago del banco.",
        "La federación prevé presentar una reclamación colectiva la semana próxima.",
        "El banco ha propuesto suspender las tarifas de los terminales durante un mes.",
    ),
    "bds-outage-complaint": T(
        ("Demanda colectiva contra el Banco del Sahel: 12.470 clientes acuden al tribunal de "
         "Rabat",
         "Negligencia: los consumidores llevan al Banco del Sahel ante el tribunal de Rabat"),
        "La asociación de consumidores acusa al Banco del Sahel de negligencia grave y de "
        "desprecio hacia sus clientes, y lo ha denunciado ante el tribunal mercantil de Rabat en "
        "nombre de 12.470 afectados.",
        ("La demanda apunta a la falta de información y a comisiones cobradas por operaciones "
         "que nunca se completaron.",
         "Los 12.470 afectados rellenaron el formulario de la asociación en veinticuatro "
         "horas.",
         "Diputados de la oposición piden que los directivos del banco comparezcan en la "
         "comisión de finanzas.",
         "Según la asociación, varios pacientes hospitalizados no pudieron pagar su "
         "tratamiento."),
        "Nadia El Ouafi, abogada de la asociación",
        "El banco trató a sus clientes como números y tendrá que responder de su negligencia "
        "ante el juez",
        "Es la tercera avería de pagos registrada en el sector bancario en lo que va de año.",
        "La primera vista podría celebrarse antes de fin de mes.",
        "La fiscalía ha abierto una investigación preliminar sobre el incidente.",
    ),
}

WATCH_EN: dict[str, T] = {
    "bds-mobile-award": T(
        ("Banque du Sahel app named banking app of the year",
         "Mobile banking: BDS wins top prize for its app"),
        "The mobile app of Banque du Sahel won the banking app of the year award on Tuesday, "
        "given by a jury of developers and users.",
        ("The jury praised its clear interface and instant transfers between individuals.",
         "The app has 2.3 million active users each month.",
         "It works in Arabic, French and Amazigh.",
         "Users give it an average rating of 4.7 out of 5."),
        "Sanae Idrissi, head of digital at BDS",
        "This prize belongs to our teams and to the customers who reported every flaw to us",
        "The bank has invested 400 million dirhams in its digital services over two years.",
        "An automatic savings feature will be added in the spring.",
        "The app gained 80,000 new users in the week of the award.",
    ),
    "bds-outage": T(
        ("Banque du Sahel outage leaves cards blocked and customers furious",
         "Second day of outage at Banque du Sahel as cash machines stay dark"),
        "Hundreds of thousands of Banque du Sahel customers could neither pay by card nor "
        "withdraw cash for two days after a computer failure the bank was slow to acknowledge.",
        ("The bank's cash machines showed an error message across the country.",
         "Shopkeepers say they lost a full day of sales.",
         "The consumer association condemned an unacceptable lack of information.",
         "Social networks filled with complaints from customers stranded abroad."),
        "Rachid Benmoussa, head of the consumer protection association",
        "A bank this size has no right to leave its customers without money and without an "
        "explanation for two days",
        "The bank had migrated its payment system the weekend before.",
        "Bank Al-Maghrib has asked for a detailed report on the incident.",
        "The bank says service was restored in the evening.",
    ),
}
