"""Full-text search of the library behind one interface: SQLite FTS5 on the default database,
PostgreSQL full-text search on PostgreSQL. Both index three weighted fields (title; areas and
organisations; the rest of the text), match every word of the query (or, where no entry has
them all, any word), stem English words, and rank best first with ties broken by title.
"""

from __future__ import annotations

from django.db import connection

from bluelight.practice.search.base import Backend


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from bluelight.practice.search.postgres import PostgresBackend

        return PostgresBackend()
    from bluelight.practice.search.sqlite import SqliteBackend

    return SqliteBackend()
