"""Stories: articles about the same event grouped online, within and across languages.

`features.py` reads an article into weighted terms (stems, numbers, dates, names) and
cross-language keys (names reduced to a consonant skeleton shared by the Arabic and Latin
scripts, a gazetteer of places, numbers, dates, weekdays); `assign.py` places one article
in a story of the sliding window through `jarida.storage.stories`; `hook.py` runs it after
every stored batch; `rebuild.py` recomputes stories for an existing database.
"""
