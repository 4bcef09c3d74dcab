"""The sqlite + postgres database fixture of the storage contract."""

from tests.storage.conftest import db  # noqa: F401
