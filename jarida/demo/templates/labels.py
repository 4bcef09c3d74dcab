"""Interface words of the fake sites (menus, buttons, banners) in each language."""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "fr": {
        "home": "Accueil", "most_read": "Les plus lus", "related": "À lire aussi",
        "comments": "Commentaires", "share": "Partager", "by": "Par", "search": "Rechercher",
        "cookies": "Nous utilisons des cookies pour mesurer l'audience et personnaliser les "
        "publicités. En poursuivant votre navigation, vous acceptez leur utilisation.",
        "accept": "Accepter", "refuse": "Refuser", "newsletter": "Recevez notre newsletter",
        "subscribe": "S'abonner", "ad": "Publicité", "regions": "Régions", "services": "Services",
        "rights": "Tous droits réservés", "admin": "Espace rédaction", "updated": "Mis à jour le",
        "write": "Laisser un commentaire", "latest": "Dernières infos", "more": "Voir plus",
        "next": "Page suivante",
    },
    "ar": {
        "home": "الرئيسية", "most_read": "الأكثر قراءة", "related": "اقرأ أيضا",
        "comments": "التعليقات", "share": "شارك", "by": "بقلم", "search": "بحث",
        "cookies": "نستخدم ملفات تعريف الارتباط لقياس عدد الزوار وتخصيص الإعلانات. بمواصلة التصفح "
        "فإنك توافق على استخدامها.",
        "accept": "موافق", "refuse": "رفض", "newsletter": "توصل بنشرتنا الإخبارية",
        "subscribe": "اشترك", "ad": "إعلان", "regions": "جهات", "services": "خدمات",
        "rights": "جميع الحقوق محفوظة", "admin": "فضاء التحرير", "updated": "آخر تحديث",
        "write": "أضف تعليقا", "latest": "آخر الأخبار", "more": "المزيد",
        "next": "الصفحة التالية",
    },
    "es": {
        "home": "Portada", "most_read": "Lo más leído", "related": "Te puede interesar",
        "comments": "Comentarios", "share": "Compartir", "by": "Por", "search": "Buscar",
        "cookies": "Utilizamos cookies propias y de terceros para medir la audiencia y mostrar "
        "publicidad. Si continúa navegando, acepta su uso.",
        "accept": "Aceptar", "refuse": "Rechazar", "newsletter": "Recibe nuestro boletín",
        "subscribe": "Suscribirse", "ad": "Publicidad", "regions": "Regiones",
        "services": "Servicios", "rights": "Todos los derechos reservados",
        "admin": "Redacción", "updated": "Actualizado el", "write": "Deja un comentario",
        "latest": "Última hora", "more": "Ver más", "next": "Página siguiente",
    },
    "en": {
        "home": "Home", "most_read": "Most read", "related": "Related stories",
        "comments": "Comments", "share": "Share", "by": "By", "search": "Search",
        "cookies": "We use cookies to measure our audience and personalise advertising. By "
        "continuing to browse you accept their use.",
        "accept": "Accept", "refuse": "Decline", "newsletter": "Get our newsletter",
        "subscribe": "Subscribe", "ad": "Advertisement", "regions": "Regions",
        "services": "Services", "rights": "All rights reserved", "admin": "Newsroom login",
        "updated": "Updated", "write": "Leave a comment", "latest": "Latest", "more": "More",
        "next": "Next page",
    },
}

CITIES = ("Rabat", "Casablanca", "Tanger", "Fès", "Marrakech", "Agadir", "Oujda", "Tétouan",
          "Meknès", "Kénitra", "Laâyoune", "Dakhla", "Nador", "Safi", "El Jadida", "Béni Mellal")

SERVICES: dict[str, tuple[str, ...]] = {
    "fr": ("Météo", "Horaires de prière", "Petites annonces", "Nécrologie", "Archives",
           "Newsletter", "Podcasts", "Vidéos", "Mots croisés", "Horoscope", "Bourse", "Abonnement"),
    "ar": ("الطقس", "مواقيت الصلاة", "إعلانات", "تعازي", "الأرشيف", "النشرة", "بودكاست",
           "فيديو", "كلمات متقاطعة", "البورصة", "اشتراك", "اتصل بنا"),
    "es": ("El tiempo", "Horarios", "Clasificados", "Esquelas", "Hemeroteca", "Boletín",
           "Podcasts", "Vídeos", "Crucigramas", "Bolsa", "Suscripción", "Contacto"),
    "en": ("Weather", "Prayer times", "Classifieds", "Obituaries", "Archive", "Newsletter",
           "Podcasts", "Video", "Crossword", "Markets", "Subscribe", "Contact"),
}

FOOTER: dict[str, tuple[str, ...]] = {
    "fr": ("Qui sommes-nous", "Contact", "Mentions légales", "Conditions d'utilisation",
           "Politique de confidentialité", "Gestion des cookies", "Publicité", "Recrutement",
           "Flux RSS", "Plan du site", "Charte éditoriale", "Droit de réponse"),
    "ar": ("من نحن", "اتصل بنا", "إشعار قانوني", "شروط الاستخدام", "سياسة الخصوصية",
           "ملفات الارتباط", "الإشهار", "التوظيف", "خلاصات RSS", "خريطة الموقع",
           "الميثاق التحريري", "حق الرد"),
    "es": ("Quiénes somos", "Contacto", "Aviso legal", "Condiciones de uso", "Privacidad",
           "Cookies", "Publicidad", "Empleo", "RSS", "Mapa del sitio", "Código ético",
           "Derecho de réplica"),
    "en": ("About us", "Contact", "Legal notice", "Terms of use", "Privacy policy", "Cookies",
           "Advertise", "Careers", "RSS feeds", "Sitemap", "Editorial standards", "Corrections"),
}

COMMENTS: dict[str, tuple[str, ...]] = {
    "fr": ("Enfin une bonne nouvelle, il était temps !", "On attend de voir les résultats sur "
           "le terrain, les promesses on connaît.", "Merci pour cet article très complet.",
           "Et pour les petites villes, rien comme d'habitude...", "Bravo à toutes les équipes.",
           "Quelqu'un sait si ça concerne aussi la région de l'Oriental ?",
           "Article intéressant mais il manque les chiffres de l'an dernier.",
           "Je confirme, j'étais sur place ce matin, c'était impressionnant."),
    "ar": ("أخيرا خبر سار، لقد طال الانتظار", "ننتظر النتائج على أرض الواقع", "شكرا على هذا المقال",
           "والمدن الصغيرة كالعادة خارج الحسابات", "برافو لكل الفرق", "هل يشمل هذا جهة الشرق أيضا؟",
           "مقال مفيد لكن تنقصه أرقام السنة الماضية", "كنت هناك هذا الصباح والأمر مثير للإعجاب"),
    "es": ("¡Por fin una buena noticia!", "Habrá que ver los resultados sobre el terreno.",
           "Gracias por el artículo, muy completo.", "Y las ciudades pequeñas, como siempre, olvidadas.",
           "Enhorabuena a todos los equipos.", "¿Alguien sabe si afecta también al norte?",
           "Interesante, pero faltan las cifras del año pasado.", "Yo estuve allí esta mañana."),
    "en": ("Finally some good news!", "Let's see the results on the ground first.",
           "Thanks for a thorough piece.", "Smaller towns left out again, as usual.",
           "Well done to everyone involved.", "Does anyone know if this covers the north too?",
           "Interesting, but last year's numbers are missing.", "I was there this morning."),
}

COMMENTERS = ("Karim_B", "Sanaa.R", "abdou75", "Leila M.", "tangerois", "Yousra", "Hicham K",
              "marrakchi_90", "Nora", "Said El.", "observateur", "Imane_Z")
