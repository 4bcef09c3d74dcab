"""Places whose names differ across languages beyond what a skeleton reconciles.

Each folded spelling (one or two words) maps to one id; the Arabic forms are written
without the article when the skeleton code strips it anyway.
"""

from __future__ import annotations

from jarida.storage.searchtext import fold

_PLACES: dict[str, tuple[str, ...]] = {
    "morocco": ("maroc", "marruecos", "morocco", "المغرب", "moroccan", "marocain", "marroqui",
                "marroquies", "marocaine", "مغربي"),
    "spain": ("espagne", "espana", "spain", "إسبانيا", "اسبانيا", "spanish", "espagnol"),
    "france": ("france", "francia", "فرنسا"),
    "europe": ("europe", "europa", "أوروبا", "اوروبا", "european", "europeenne", "europea"),
    "casablanca": ("casablanca", "casa", "الدار البيضاء", "الدارالبيضاء", "كازابلانكا"),
    "tanger": ("tanger", "tangier", "tangiers", "طنجة"),
    "tetouan": ("tetouan", "tetuan", "تطوان"),
    "alhoceima": ("alhucemas", "hoceima", "الحسيمة"),
    "fes": ("fes", "fez", "فاس"),
    "meknes": ("meknes", "mequinez", "مكناس"),
    "rabat": ("rabat", "الرباط"),
    "marrakech": ("marrakech", "marrakesh", "marraquech", "مراكش"),
    "oujda": ("oujda", "uxda", "وجدة"),
    "algeciras": ("algesiras", "algeciras", "الجزيرة الخضراء"),
    "brussels": ("bruxelles", "bruselas", "brussels", "بروكسيل", "بروكسل"),
    "madrid": ("madrid", "مدريد"),
    "senegal": ("senegal", "السنغال"),
    "africa": ("afrique", "africa", "إفريقيا", "افريقيا", "african", "africain", "africaine"),
    "india": ("inde", "india", "الهند"),
    "almeria": ("almeria", "ألميريا", "المرية"),
    "rif": ("rif", "الريف"),
    "atlas": ("atlas", "الأطلس", "الاطلس"),
    "sous": ("souss", "sus", "سوس"),
    "canary": ("canaries", "canarias", "canary", "الكناري"),
    "andalusia": ("andalousie", "andalucia", "andalusia", "الأندلس"),
}

PLACES: dict[str, str] = {fold(form): pid for pid, forms in _PLACES.items() for form in forms}
