"""The content-addressed media store: files named by the picture's hash, written atomically.

Layout: `<media_dir>/ab/cd/<sha256>-<width>.<ext>` (ab and cd the hash's first four hex
digits). A name is a function of the content, so several machines can share the
directory (NFS, a synced volume, an object store mounted as files): whoever writes a
name first wins, and the others would write the very same bytes. Each file is written
to a temporary name in the same directory and renamed into place, so no reader ever
sees half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_HEX64 = re.compile(r"[0-9a-f]{64}")
EXTENSIONS = {"webp": "image/webp", "jpg": "image/jpeg"}


class MediaStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str, width: int, ext: str) -> Path:
        if not _HEX64.fullmatch(sha256) or ext not in EXTENSIONS or width <= 0:
            raise ValueError("not a media name")
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}-{width}.{ext}"

    def has(self, sha256: str, width: int, ext: str) -> bool:
        return self.path(sha256, width, ext).is_file()

    def put(self, sha256: str, width: int, ext: str, data: bytes) -> Path:
        target = self.path(sha256, width, ext)
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target
