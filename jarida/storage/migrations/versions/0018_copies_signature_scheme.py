"""Copies: stored MinHash signatures recomputed with the faster shingle hashing.

`jarida.dedup.minhash` now hashes each distinct word once and combines the hashes of a
5-gram's words (`SIGNATURE_SCHEME` "w5b2") instead of SHA-1 of every shingle's text: a
new signature cannot be compared with an old one. The band keys of the new scheme
never equal those of the old (the scheme is hashed into them), so an old signature is
never a candidate of a new one; this recomputes every stored signature from its
article's text so articles stored before the upgrade are found again (about 3 ms per
article: some 50 minutes per million). Links already made are kept.

Revision ID: 0018_copies_scheme
Revises: 0017_stories
"""

import sys

from alembic import op

# One line on stderr every this many articles.
PROGRESS_EVERY = 50_000

revision = "0018_copies_scheme"
down_revision = "0017_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from jarida.dedup.copies import resign_stored

    def progress(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or (done == total and total >= PROGRESS_EVERY):
            sys.stderr.write(f"recomputing copy signatures: {done:,} of {total:,} articles\n")

    resign_stored(op.get_bind(), progress)


def downgrade() -> None:
    # The signatures keep the new scheme: after a downgrade, run `jarida copies rebuild`.
    pass
