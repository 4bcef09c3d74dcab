"""The reader's website, JSON API and feeds over the storage layer."""

from jarida.web.app import create_app, serve

__all__ = ["create_app", "serve"]
