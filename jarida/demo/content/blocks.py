"""Hand-written paragraph building blocks per language, wrapped around each event's facts."""

from __future__ import annotations

QUOTE_FORMS: dict[str, tuple[str, ...]] = {
    "fr": ("« {q} », a déclaré {s}.", "« {q} », estime {s}.", "Pour {s}, « {q} »."),
    "ar": ("وجاء على لسان {s}: «{q}».", "ووفق {s}، «{q}».", "وحسب {s}، فإن «{q}»."),
    "es": ("«{q}», declaró {s}.", "«{q}», afirmó {s}.", "Para {s}, «{q}»."),
    "en": ('"{q}," said {s}.', '"{q}," {s} told reporters.', 'According to {s}, "{q}."'),
}

SECTION_CONTEXT: dict[str, dict[str, str]] = {
    "fr": {
        "Politique": "Le sujet s'invite dans un calendrier politique déjà chargé. Les partis de la "
        "majorité comme ceux de l'opposition multiplient les déclarations, et les observateurs "
        "notent que les électeurs attendent surtout des résultats concrets dans leur vie quotidienne.",
        "Économie": "Pour les économistes interrogés, l'annonce s'inscrit dans une tendance de fond : "
        "l'économie cherche à diversifier ses débouchés et à sécuriser ses recettes en devises, dans "
        "un contexte de prix mondiaux volatils et de croissance encore fragile.",
        "Société": "Sur le terrain, les habitants rencontrés oscillent entre soulagement et prudence. "
        "Beaucoup rappellent que les annonces précédentes ont parfois tardé à se traduire dans les "
        "faits, et les associations de quartier promettent de rester vigilantes.",
        "Sport": "Dans les cafés de la ville, la rencontre a été suivie par des foules compactes. Les "
        "réseaux sociaux se sont enflammés dès le coup de sifflet final, et les supporters "
        "réclamaient déjà une fête digne de l'événement.",
        "Culture": "Les acteurs culturels saluent un rendez-vous devenu incontournable, mais rappellent "
        "que les salles et les lieux de création manquent encore dans de nombreuses villes moyennes, "
        "où le public reste privé d'une offre régulière.",
        "International": "Les diplomates présents soulignent la portée régionale de la rencontre. Le "
        "pays cherche à se positionner comme un interlocuteur de référence sur ces questions, entre "
        "l'Europe et le reste du continent africain.",
        "Technologie": "Le secteur numérique, qui emploie désormais plusieurs dizaines de milliers de "
        "personnes, réclame depuis longtemps des financements plus importants et une réglementation "
        "plus lisible pour retenir ses ingénieurs, souvent courtisés par l'étranger.",
    },
    "ar": {
        "Politique": "ويأتي هذا الموضوع في سياق سياسي مزدحم، إذ تتوالى تصريحات أحزاب الأغلبية والمعارضة على "
        "حد سواء، فيما يرى المتتبعون أن المواطنين ينتظرون قبل كل شيء نتائج ملموسة في حياتهم اليومية، "
        "بعيدا عن الخطابات والوعود.",
        "Économie": "ويرى الخبراء الاقتصاديون أن هذا الإعلان يندرج ضمن توجه عام يسعى من خلاله الاقتصاد الوطني "
        "إلى تنويع أسواقه وتأمين مداخيله من العملة الصعبة، في ظرفية تتسم بتقلب الأسعار العالمية "
        "وبنمو لا يزال هشا.",
        "Société": "وفي عين المكان، يتأرجح السكان بين الارتياح والحذر، إذ يذكر كثيرون بأن إعلانات سابقة تأخرت "
        "في التحول إلى واقع، فيما تعد جمعيات الأحياء بمواصلة اليقظة والتتبع عن قرب.",
        "Sport": "وتابعت جماهير غفيرة المباراة في مقاهي المدينة، واشتعلت مواقع التواصل الاجتماعي منذ صافرة "
        "النهاية، فيما طالب المشجعون باحتفال يليق بالحدث.",
        "Culture": "ويشيد الفاعلون الثقافيون بموعد أصبح لا محيد عنه، لكنهم يذكرون بأن القاعات وفضاءات الإبداع "
        "لا تزال تنقص في عدد كبير من المدن المتوسطة، حيث يظل الجمهور محروما من عرض منتظم.",
        "International": "ويؤكد الدبلوماسيون الحاضرون البعد الإقليمي لهذا اللقاء، إذ يسعى البلد إلى التموقع "
        "كمحاور مرجعي في هذه القضايا بين أوروبا وباقي القارة الإفريقية.",
        "Technologie": "ويطالب القطاع الرقمي، الذي يشغل اليوم عشرات الآلاف من الأشخاص، منذ مدة بتمويلات أكبر "
        "وتشريعات أوضح للاحتفاظ بمهندسيه الذين تستقطبهم الشركات الأجنبية.",
    },
    "es": {
        "Política": "El asunto llega en un calendario político ya cargado. Los partidos de la mayoría "
        "y de la oposición multiplican las declaraciones, y los analistas recuerdan que los votantes "
        "esperan sobre todo resultados concretos en su vida diaria.",
        "Economía": "Para los economistas consultados, el anuncio responde a una tendencia de fondo: "
        "la economía marroquí busca diversificar sus mercados y asegurar ingresos en divisas en un "
        "contexto de precios mundiales volátiles.",
        "Sociedad": "Sobre el terreno, los vecinos oscilan entre el alivio y la prudencia. Muchos "
        "recuerdan que anuncios anteriores tardaron en hacerse realidad, y las asociaciones de barrio "
        "prometen seguir vigilantes.",
        "Deportes": "En los cafés de la ciudad, el partido se siguió ante multitudes. Las redes "
        "sociales ardieron tras el pitido final y la afición ya pedía una fiesta a la altura.",
        "Cultura": "Los agentes culturales celebran una cita ya imprescindible, aunque recuerdan que "
        "faltan salas y espacios de creación en muchas ciudades medianas.",
        "Internacional": "Los diplomáticos presentes subrayan el alcance regional del encuentro, en "
        "un momento en que Marruecos quiere ser interlocutor de referencia entre Europa y África.",
        "Tecnología": "El sector digital reclama desde hace tiempo más financiación y una regulación "
        "más clara para retener a sus ingenieros, muy solicitados en el extranjero.",
    },
    "en": {
        "Politics": "The issue lands on an already crowded political calendar. Government and "
        "opposition parties have traded statements all week, and analysts say voters mostly want "
        "results they can feel in daily life.",
        "Economy": "Economists said the announcement fits a broader trend: the country is trying "
        "to diversify its export markets and secure foreign-currency income while world prices "
        "remain volatile and growth fragile.",
        "Society": "Residents were torn between relief and caution, many recalling that earlier "
        "promises took years to materialise.",
        "Sport": "Crowds packed the cafés to watch, and social media lit up at the final whistle.",
        "Culture": "Cultural figures welcomed an event that has become a fixture, while noting that "
        "many mid-sized towns still lack cinemas, theatres and regular programming.",
        "World": "Diplomats at the meeting stressed its regional reach, as the host country seeks "
        "to be a go-between for Europe and the rest of Africa on the issue.",
        "Technology": "The digital sector, which now employs tens of thousands of people, has long "
        "called for more funding and clearer rules to keep engineers who are courted abroad.",
    },
}

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "fr": ("Politique", "Économie", "Société", "Sport", "Culture", "International", "Technologie"),
    "ar": ("سياسة", "اقتصاد", "مجتمع", "رياضة", "ثقافة", "دولي", "تكنولوجيا"),
    "es": ("Política", "Economía", "Sociedad", "Deportes", "Cultura", "Internacional", "Tecnología"),
    "en": ("Politics", "Economy", "Society", "Sport", "Culture", "World", "Technology"),
}

CLOSERS: dict[str, tuple[str, ...]] = {
    "fr": ("Notre rédaction suivra l'évolution de ce dossier dans les prochains jours et "
           "publiera les réactions des principaux acteurs concernés.",
           "Contactés par notre journal, plusieurs responsables n'avaient pas donné suite à nos "
           "sollicitations à l'heure où nous mettions sous presse.",
           "Ce dossier sera au menu des discussions de la semaine, alors que les attentes restent "
           "fortes chez les citoyens comme chez les professionnels du secteur."),
    "ar": ("وستواصل الجريدة تتبع تطورات هذا الملف خلال الأيام المقبلة ونشر ردود فعل أبرز الفاعلين المعنيين.",
           "ولم يرد عدد من المسؤولين الذين اتصلت بهم الجريدة على أسئلتنا إلى حدود كتابة هذه السطور.",
           "وسيكون هذا الملف في صلب النقاش خلال الأسبوع، في وقت تبقى فيه انتظارات المواطنين والمهنيين كبيرة."),
    "es": ("Nuestra redacción seguirá la evolución de este asunto en los próximos días.",
           "Varios responsables consultados por este diario no habían respondido al cierre de esta edición.",
           "El asunto centrará los debates de la semana, con grandes expectativas entre los ciudadanos."),
    "en": ("We will follow developments over the coming days.",
           "Several officials contacted did not respond by the time of publication.",
           "The issue is expected to dominate debate this week."),
}

GENERIC: dict[str, tuple[str, ...]] = {
    "fr": (
        "Interrogés par nos soins, plusieurs spécialistes appellent à la prudence. Ils rappellent "
        "que l'effet réel de ce type d'annonce se mesure sur plusieurs années, et que la réussite "
        "dépendra de la capacité des administrations à suivre les engagements pris, à publier des "
        "chiffres réguliers et à associer les élus locaux comme la société civile.",
        "Cette actualité a suscité de nombreuses réactions sur les réseaux sociaux, où les "
        "internautes ont partagé photos, témoignages et questions. Certains saluent une bonne "
        "nouvelle attendue depuis longtemps, d'autres s'interrogent sur le coût et sur le "
        "calendrier, signe que le sujet touche directement la vie quotidienne.",
        "Pour mémoire, le dossier avait déjà fait l'objet de plusieurs annonces au cours des "
        "dernières années, sans toujours aboutir. Les responsables assurent cette fois que les "
        "financements sont bouclés et que les équipes sont en place, ce que les prochains mois "
        "permettront de vérifier.",
    ),
    "ar": (
        "ويدعو عدد من المختصين الذين استقت الجريدة آراءهم إلى التريث، مذكرين بأن الأثر الحقيقي لمثل هذه "
        "الإعلانات لا يقاس إلا على مدى سنوات، وبأن النجاح رهين بقدرة الإدارات على تتبع الالتزامات ونشر "
        "الأرقام بانتظام وإشراك المنتخبين المحليين وهيئات المجتمع المدني في كل المراحل.",
        "وأثار هذا الخبر تفاعلا واسعا على مواقع التواصل الاجتماعي، حيث تقاسم المستخدمون صورا وشهادات "
        "وتساؤلات، فمنهم من رحب بخبر طال انتظاره، ومنهم من تساءل عن الكلفة والآجال، وهو ما يعكس ارتباط "
        "الموضوع المباشر بالحياة اليومية للمواطنين في مختلف المدن والقرى.",
        "وللتذكير، فقد كان هذا الملف موضوع عدة إعلانات خلال السنوات الأخيرة دون أن يرى النور دائما، غير "
        "أن المسؤولين يؤكدون هذه المرة أن التمويل متوفر وأن الفرق جاهزة، وهو ما ستكشف عنه الأشهر المقبلة "
        "بشكل واضح أمام الرأي العام.",
    ),
    "es": (
        "Varios especialistas consultados por este diario piden prudencia. Recuerdan que el efecto "
        "real de este tipo de anuncios se mide en años y que el éxito dependerá de que las "
        "administraciones cumplan sus compromisos, publiquen cifras con regularidad y cuenten con "
        "los cargos locales y la sociedad civil.",
        "La noticia ha provocado numerosas reacciones en las redes sociales, donde los usuarios han "
        "compartido fotos, testimonios y preguntas. Unos celebran una buena noticia largamente "
        "esperada; otros se preguntan por el coste y por los plazos.",
        "El asunto ya había sido objeto de varios anuncios en los últimos años, sin que siempre "
        "llegaran a buen puerto. Los responsables aseguran que esta vez la financiación está "
        "cerrada y los equipos preparados, algo que los próximos meses permitirán comprobar.",
    ),
    "en": (
        "Specialists consulted urged caution, noting that the real effect of such announcements "
        "is measured over years and depends on whether officials follow through, publish regular "
        "figures and involve local councils and civil society along the way.",
        "The news drew a wave of reactions on social media, where users shared photos, first-hand "
        "accounts and questions. Some welcomed long-awaited good news; others asked about the cost "
        "and the timetable, a sign of how closely the subject touches daily life.",
        "The project had been announced several times in recent years without always coming to "
        "fruition. Officials insist that this time the money is in place and the teams are ready, "
        "something the coming months will put to the test.",
    ),
}

UPDATE_LABEL: dict[str, str] = {
    "fr": "Mise à jour :",
    "ar": "تحيين:",
    "es": "Actualización:",
    "en": "Update:",
}

WIRE_CREDIT: dict[str, str] = {
    "fr": "(Maghreb Wire)",
    "ar": "(وكالة المغرب للأنباء)",
    "es": "(Maghreb Wire)",
    "en": "(Maghreb Wire)",
}


def section_label(section: str, lang: str) -> str:
    """Translate a canonical (French) section name for display on a page in `lang`."""
    index = SECTION_NAMES["fr"].index(section)
    return SECTION_NAMES[lang][index]
