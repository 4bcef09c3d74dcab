"""The reader's website, JSON API and feeds over the storage layer.

`create_app` builds the ASGI application; `jarida.web.server` runs it (one process, or
`--workers N` forked processes on one socket).
"""

from jarida.web.app import create_app

__all__ = ["create_app"]
