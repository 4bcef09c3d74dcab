"""Many rows as one bound parameter: `INSERT ... SELECT` from them in one statement.

An executemany of small rows spends most of its time in per-row parameter handling (in
SQLAlchemy and in the driver). The after-store hooks write tens of rows per article (a
story's index keys, a signature's band keys), so they pack a batch's rows instead: as a
JSON array read back with `json_each` on SQLite, as one array per column unpacked with
`unnest` on PostgreSQL. Values are the ones the column types would bind (`bind_values`),
so what is stored is exactly what an executemany would have stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column
from sqlalchemy.engine import Dialect


def packed_select(dialect: str, pg_types: Sequence[str]) -> str:
    """`SELECT` of the packed rows' columns (`c0`, `c1`, ...) in the order given; on
    PostgreSQL each column is cast to its array type (`pg_types`, e.g. "bigint")."""
    names = [f"c{i}" for i in range(len(pg_types))]
    if dialect == "postgresql":
        arrays = ", ".join(f"CAST(:{n} AS {t}[])" for n, t in zip(names, pg_types, strict=True))
        return f"SELECT * FROM unnest({arrays}) AS packed({', '.join(names)})"
    # json_extract, not `->>`: SQLite 3.9 onwards, not only 3.38
    columns = ", ".join(f"json_extract(value, '$[{i}]') AS {n}" for i, n in enumerate(names))
    return f"SELECT {columns} FROM json_each(:rows) WHERE true"  # `WHERE`: before ON CONFLICT


def packed_params(dialect: str, rows: Sequence[tuple[Any, ...]], width: int) -> dict[str, Any]:
    """The bound parameters of `packed_select` for these rows (values already bound)."""
    if dialect == "postgresql":
        columns: list[list[Any]] = [[] for _ in range(width)]
        for row in rows:
            for i, value in enumerate(row):
                columns[i].append(value)
        return {f"c{i}": col for i, col in enumerate(columns)}
    return {"rows": json.dumps(rows, ensure_ascii=False, separators=(",", ":"))}


def bind_values(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """The column type's own conversion of a value to what the driver receives."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process if process is not None else (lambda value: value)
