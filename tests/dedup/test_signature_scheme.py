"""The copies signature's shingle hashing (`minhash.SIGNATURE_SCHEME`) and the migration
that moved stored signatures to it."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import select, text

from jarida.dedup.copies import copy_print
from jarida.dedup.minhash import shingle_hashes, shingles, signature, words_of
from jarida.storage import Database, migrate
from jarida.storage.tables import copy_bands, copy_signatures

TEXT = ("Le trafic du port de Tanger Med a progressé au troisième trimestre, selon "
        "l'autorité portuaire, porté par les exportations automobiles et les conteneurs "
        "en transbordement vers l'Afrique de l'Ouest. ") * 3


def test_equal_five_grams_hash_equal_and_word_order_counts() -> None:
    words = ["a", "b", "c", "d", "e", "x", "a", "b", "c", "d", "e"]
    hashes = shingle_hashes(words).tolist()
    assert len(hashes) == len(words) - 4  # one per 5-gram, as `shingles` cuts them
    assert hashes[0] == hashes[6]  # "a b c d e" twice
    assert len(set(hashes)) == 6
    assert shingle_hashes(["b", "a", "c", "d", "e"]).tolist() != [hashes[0]]
    assert all(0 <= h < 2**32 for h in hashes)
    # a text of at most five words is one shingle, the empty text none
    assert len(shingle_hashes(["a", "b"])) == 1
    assert len(shingle_hashes([])) == 0


def test_the_signature_estimates_the_jaccard_of_the_shingle_sets() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    errors = []
    for _ in range(40):
        a = [rng.choice(vocabulary) for _ in range(400)]
        b = list(a)
        for _ in range(rng.randrange(5, 60)):
            b[rng.randrange(len(b))] = rng.choice(vocabulary)
        sa, sb = shingles(a), shingles(b)
        exact = len(sa & sb) / len(sa | sb)
        errors.append(signature(a).jaccard(signature(b)) - exact)
    assert abs(sum(errors) / len(errors)) < 0.03  # unbiased
    assert max(abs(e) for e in errors) < 0.2  # 128 permutations: standard error ~0.045


def test_upgrade_recomputes_signatures_of_the_old_scheme(tmp_path: Path) -> None:
    """An article signed by 0017's scheme (SHA-1 of each shingle) is signed again with the
    current one, its band keys with it, so new articles can find it."""
    db = Database.open(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(db.engine, "0017_stories")
    with db.write() as conn:
        conn.execute(text(
            "INSERT INTO sources (id, slug, name, languages, mode, verified, created_at)"
            " VALUES (1, 'journal', 'Journal', 'fr', 'full', 1, '2026-01-01')"))
        conn.execute(text(
            "INSERT INTO articles (id, source_id, url, canonical_url, title, text, html,"
            " excerpt, content_hash, language, fetched_at, sort_at, updated_at, status)"
            " VALUES (1, 1, 'https://journal.test/a', 'https://journal.test/a', 'Port',"
            " :text, '', '', 'h', 'fr', '2026-01-01', '2026-01-01', '2026-01-01', 'ok')"),
            {"text": TEXT})
        conn.execute(copy_signatures.insert().values(article_id=1, signature=b"\x01" * 512))
        conn.execute(copy_bands.insert(), [{"band_key": k, "article_id": 1} for k in (7, 8)])
    db.upgrade()
    expected = copy_print(TEXT)
    with db.read() as conn:
        stored = conn.execute(select(copy_signatures.c.signature)).scalar_one()
        keys = set(conn.execute(select(copy_bands.c.band_key)).scalars())
    assert bytes(stored) == expected.signature
    assert keys == set(expected.band_keys)
    assert expected.words == len(words_of(TEXT))
    db.close()
