"""An outlet's own angle on any event: a paragraph of its own reporting, not of the facts.

Independent articles of one event each take a different angle (by their rank among the
event's independent articles in that language, `compose.independent_paragraphs`), so two
outlets writing their own story share the event's facts and quote but not their framing.
Written for Jarida.
"""

from __future__ import annotations

ANGLES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Dans nos colonnes, les lecteurs ont été nombreux à réagir. Plusieurs d'entre eux disent "
        "attendre des engagements datés et vérifiables, et demandent que les chiffres annoncés "
        "soient publiés au fil des mois plutôt qu'une seule fois, au moment de l'annonce.",
        "Notre correspondant a recueilli des avis partagés. Les plus optimistes parlent d'un "
        "tournant, les plus sceptiques d'une annonce de plus ; tous s'accordent à dire que la "
        "suite se jouera dans les détails de la mise en œuvre, loin des conférences de presse.",
        "Les professionnels que nous avons joints préfèrent attendre avant de se prononcer. Ils "
        "rappellent que les textes d'application, les budgets votés et les calendriers tenus font "
        "souvent toute la différence entre une promesse et un changement réel.",
        "Pour les élus de l'opposition, le dossier mérite un vrai débat public. Ils réclament des "
        "documents détaillés et l'audition des responsables, estimant que les citoyens ont le "
        "droit de savoir comment et par qui les décisions ont été prises.",
        "Ce n'est pas la première fois que le sujet fait la une de notre journal. Nos archives "
        "montrent qu'il revient régulièrement dans l'actualité, avec à chaque fois les mêmes "
        "questions sur les moyens engagés, les délais et le suivi des promesses.",
        "Reste la question de la facture. Les économistes que nous avons consultés rappellent "
        "que chaque dirham dépensé ici ne le sera pas ailleurs, et demandent que le coût "
        "total soit rendu public, avec la part payée par l'État, par les collectivités et par "
        "les usagers.",
        "Chez nos voisins, des situations comparables ont connu des fortunes diverses. Un "
        "chercheur en politiques publiques souligne que les réussites ont toutes un point "
        "commun : un suivi indépendant, des rapports réguliers et des responsables qui "
        "rendent des comptes.",
        "Les jeunes que nous avons interrogés à la sortie des cours se montrent plus directs "
        "que leurs aînés. Ils disent suivre l'affaire sur leur téléphone, comparent les "
        "versions des uns et des autres et attendent surtout qu'on leur parle franchement.",
        "Au café du coin, le patron résume l'humeur générale : on veut y croire, mais on a "
        "appris à attendre. Ses clients, artisans et fonctionnaires pour la plupart, disent "
        "qu'ils jugeront sur pièces, dans quelques mois, quand le bruit sera retombé.",
        "Notre rédaction a demandé l'accès aux documents qui fondent ces décisions et "
        "publiera les réponses obtenues. Nous invitons aussi nos lecteurs à nous faire part "
        "de ce qu'ils constatent près de chez eux, preuves à l'appui.",
    ),
    "ar": (
        "وتفاعل عدد كبير من قرائنا مع هذا الموضوع، إذ يطالب كثيرون منهم بالتزامات محددة بتواريخ "
        "وقابلة للتحقق، وبنشر الأرقام المعلنة بشكل منتظم على مدى الأشهر بدل الاكتفاء بإعلانها مرة "
        "واحدة يوم الإعلان، كما جرت العادة في ملفات مماثلة عرفتها البلاد خلال السنوات الماضية القليلة.",
        "ورصد مراسلنا آراء متباينة، فالمتفائلون يتحدثون عن منعطف حقيقي، والمتشككون يرون فيه إعلاناً "
        "آخر يضاف إلى ما سبقه، بينما يتفق الجميع على أن التفاصيل العملية للتنفيذ هي التي ستحسم الأمر "
        "بعيداً عن الندوات الصحفية والبلاغات الرسمية التي تصدر في المناسبات ثم تنسى بسرعة.",
        "ويفضل المهنيون الذين تواصلنا معهم التريث قبل إبداء رأيهم، مذكرين بأن النصوص التطبيقية "
        "والميزانيات المصادق عليها واحترام الآجال هي ما يصنع الفرق بين وعد يقال وتغيير يلمسه الناس "
        "في حياتهم اليومية، سواء في المدن الكبرى أو في القرى البعيدة "
        "التي تنتظر دورها منذ سنوات.",
        "ويرى منتخبو المعارضة أن الملف يستحق نقاشاً عمومياً حقيقياً، ويطالبون بوثائق مفصلة وبالاستماع "
        "إلى المسؤولين، معتبرين أن من حق المواطنين أن يعرفوا كيف اتخذت القرارات ومن اتخذها وعلى أي "
        "أساس، وما هي الكلفة التي ستتحملها الميزانية العمومية في النهاية.",
        "وليست هذه المرة الأولى التي يتصدر فيها هذا الموضوع صفحات جريدتنا، إذ يظهر أرشيفنا أنه يعود "
        "بانتظام إلى الواجهة، مع الأسئلة نفسها في كل مرة حول الوسائل المرصودة والآجال وتتبع الوعود "
        "التي قطعت، وهو ما يجعل القراء ينتظرون هذه المرة نتائج ملموسة.",
        "ويبقى سؤال الكلفة مطروحاً، إذ يذكر الاقتصاديون الذين استشرناهم بأن كل درهم يصرف هنا "
        "لن يصرف في مكان آخر، ويطالبون بالكشف عن الكلفة الإجمالية وعن حصة الدولة والجماعات "
        "والمرتفقين منها بكل وضوح وفي أقرب الآجال الممكنة.",
        "وعرفت بلدان مجاورة تجارب مماثلة بنتائج متفاوتة، ويوضح باحث في السياسات العمومية أن "
        "التجارب الناجحة كلها تشترك في أمر واحد: تتبع مستقل وتقارير منتظمة ومسؤولون يقدمون "
        "الحساب عن قراراتهم أمام الرأي العام وأمام المؤسسات المنتخبة.",
        "ويبدو الشباب الذين التقيناهم عند خروجهم من الدراسة أكثر صراحة من الكبار، إذ يقولون "
        "إنهم يتابعون القضية على هواتفهم ويقارنون روايات مختلف الأطراف، وينتظرون قبل كل شيء "
        "أن يخاطبهم المسؤولون بصدق ووضوح ودون لغة خشب.",
        "وفي مقهى الحي، يلخص صاحبه المزاج العام بقوله إن الناس يريدون التصديق لكنهم تعلموا "
        "الانتظار، ويقول زبائنه، وأغلبهم من الحرفيين والموظفين، إنهم سيحكمون على النتائج بعد "
        "أشهر حين يهدأ الضجيج وتتضح الصورة.",
        "وطلبت الجريدة الاطلاع على الوثائق التي بنيت عليها هذه القرارات، وستنشر الأجوبة التي "
        "تتوصل بها، كما تدعو قراءها إلى موافاتها بما يلاحظونه في أحيائهم ومدنهم مع ما يثبت "
        "ذلك من صور ووثائق، حتى تكتمل الصورة.",
    ),
    "es": (
        "Muchos lectores han reaccionado en nuestra web. Varios piden compromisos con fecha y "
        "verificables, y que las cifras anunciadas se publiquen mes a mes y no una sola vez, el "
        "día del anuncio, como suele ocurrir en estos casos.",
        "Nuestro corresponsal recogió opiniones divididas: los más optimistas hablan de un giro, "
        "los escépticos de un anuncio más, y todos coinciden en que lo decisivo serán los detalles "
        "de la ejecución, lejos de las ruedas de prensa.",
        "Los profesionales consultados prefieren esperar antes de pronunciarse. Recuerdan que los "
        "reglamentos, los presupuestos aprobados y los plazos cumplidos marcan la diferencia entre "
        "una promesa y un cambio real en la vida de la gente.",
        "Para los concejales de la oposición, el asunto merece un debate público de verdad. Exigen "
        "documentos detallados y la comparecencia de los responsables, porque los ciudadanos "
        "tienen derecho a saber cómo y quién tomó las decisiones.",
        "No es la primera vez que el tema ocupa nuestra portada. La hemeroteca muestra que vuelve "
        "con regularidad a la actualidad, siempre con las mismas preguntas sobre los medios, los "
        "plazos y el seguimiento de lo prometido.",
        "Queda la cuestión de la factura. Los economistas consultados recuerdan que cada "
        "dírham gastado aquí no se gastará en otra parte, y piden que se publique el coste "
        "total, con la parte que pagan el Estado, los municipios y los usuarios.",
        "En los países vecinos, situaciones parecidas tuvieron suertes distintas. Un "
        "investigador en políticas públicas señala que los éxitos comparten un rasgo: un "
        "seguimiento independiente, informes periódicos y responsables que rinden cuentas.",
        "Los jóvenes con los que hablamos a la salida de clase son más directos que sus "
        "mayores. Dicen seguir el asunto en el móvil, comparan las versiones de unos y otros "
        "y esperan, sobre todo, que se les hable con franqueza.",
        "En el café de la esquina, el dueño resume el ánimo general: la gente quiere creer, "
        "pero ha aprendido a esperar. Sus clientes, artesanos y funcionarios en su mayoría, "
        "juzgarán dentro de unos meses, cuando se apague el ruido.",
        "Este diario ha pedido acceso a los documentos en que se basan estas decisiones y "
        "publicará las respuestas. También invitamos a los lectores a contarnos lo que "
        "observan cerca de su casa, con pruebas, fotos o documentos.",
    ),
    "en": (
        "Many readers responded on our website. Several asked for dated, verifiable commitments, "
        "and for the announced figures to be published month by month rather than once, on the "
        "day of the announcement, as so often happens with projects of this kind.",
        "Our correspondent heard mixed views: optimists spoke of a turning point, sceptics of one "
        "more announcement, and all agreed that the details of delivery, far from the press "
        "conferences and official statements, will decide the outcome in the end.",
        "Professionals we reached preferred to wait before commenting. They noted that "
        "implementing rules, approved budgets and deadlines kept usually make the difference "
        "between a promise and a change people can feel in their daily lives.",
        "Opposition councillors said the matter deserves a genuine public debate. They want "
        "detailed documents and a hearing with those responsible, arguing that citizens have a "
        "right to know how, by whom and at what cost the decisions were made.",
        "This is not the first time the subject has made our front page. Our archives show it "
        "returns to the news regularly, always with the same questions about resources, "
        "timelines and whether promises were kept, which is why readers now expect results.",
        "Then there is the bill. Economists we consulted noted that every dirham spent here "
        "will not be spent elsewhere, and asked for the full cost to be made public, with the "
        "shares paid by the state, by local councils and by users.",
        "Neighbouring countries have tried similar things with mixed results. A public-policy "
        "researcher said the successes all had one thing in common: independent monitoring, "
        "regular reports and officials who answer for their decisions.",
        "Young people we met outside their classes were blunter than their elders. They said "
        "they follow the story on their phones, compare what each side says and mostly want "
        "to be spoken to plainly.",
        "At the corner café, the owner summed up the mood: people want to believe, but they "
        "have learned to wait. His customers, mostly craftsmen and civil servants, say they "
        "will judge the results in a few months, once the noise has died down.",
        "Our newsroom has asked to see the documents behind these decisions and will publish "
        "the answers it receives. We also invite readers to tell us what they see where they "
        "live, with photos or documents to back it up.",
    ),
}
