"""Storage: SQLAlchemy Core tables, named queries, Alembic migrations and search backends.

All SQL of Jarida lives in this package; callers use the named functions of its
modules (`storage.articles.save_articles`, `storage.feeds.due_feeds`...) on a
connection from `Database.read()` or `Database.write()`.
"""

from jarida.storage.database import Database
from jarida.storage.engine import StorageError
from jarida.storage.filters import ArticleFilter, BadCursor

__all__ = ["ArticleFilter", "BadCursor", "Database", "StorageError"]
