"""SQLite's search index holds Snowball stems (in each article's language).

Until 0003 the index held folded words and long query words were looked up by prefix,
which FTS5 answers by merging every word that starts that way: hundreds of
milliseconds over a million articles. From 0004 each word is indexed under its stem,
so the index is rebuilt from the stored articles here (about 0.8 ms per article:
some 13 minutes per million). PostgreSQL already stems with its language
configurations and is not touched.

Revision ID: 0004
Revises: 0003
"""

import sys

from alembic import op

# One line on stderr every this many articles: a million take some 13 minutes.
PROGRESS_EVERY = 50_000

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from jarida.storage.search import rebuild_search_index

    def progress(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or (done == total and total >= PROGRESS_EVERY):
            sys.stderr.write(f"rebuilding the search index: {done:,} of {total:,} articles\n")

    rebuild_search_index(bind, progress)


def downgrade() -> None:
    # The index keeps its stems: after a downgrade, run that version's `jarida db reindex`.
    pass
