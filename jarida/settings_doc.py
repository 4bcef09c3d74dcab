"""Writes the settings reference table (docs/configuration.md) from the Settings fields."""

from __future__ import annotations

import json
import sys

from pydantic_core import PydanticUndefined

from jarida.settings import Settings

HEADER = """# Configuration

Every setting can be given as an environment variable (`JARIDA_` + the name in
capitals), or in a TOML file passed with `jarida --config FILE` whose keys are
the names below in lower case. Environment variables win over the file; the
file wins over the defaults. An invalid value stops Jarida at start with one
line naming the setting.

```toml
# jarida.toml
database_url = "postgresql+psycopg://jarida@db.internal/jarida"
timezone = "Africa/Casablanca"
host_delay_seconds = 2.0
```

| variable | default | description |
|---|---|---|
"""


def _default(name: str) -> str:
    field = Settings.model_fields[name]
    if field.default is not PydanticUndefined:
        value = field.default
    elif field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    else:
        return "(required)"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def reference_markdown() -> str:
    rows = [
        f"| `JARIDA_{name.upper()}` | {_default(name)} | {field.description} |"
        for name, field in Settings.model_fields.items()
    ]
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(reference_markdown())
