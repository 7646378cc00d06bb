"""PostgreSQL full-text search: a weighted tsvector per entry (GIN-indexed), ranked by ts_rank
with the length normalisation that makes long entries no better for being long."""

from __future__ import annotations

from django.db import connection

from bluelight.practice.search.base import Backend, Document

TABLE = "practice_search"
WEIGHTS = "'{0.1, 0.1, 0.4, 1.0}'"  # D (body), C, B (places), A (title)


def _query(words: list[str], every: bool) -> str:
    # Words are letters and digits only (see query.terms), so they are safe tsquery lexemes.
    return (" & " if every else " | ").join(words)


class PostgresBackend(Backend):
    vendor = "postgresql"

    def create(self, cursor) -> None:
        cursor.execute(
            # No foreign key: Django's flush truncates practice_entry without CASCADE. Rows are
            # replaced whenever an entry is indexed, and every query joins the entries, so a row
            # left behind by a removed entry is never returned.
            f"CREATE TABLE IF NOT EXISTS {TABLE} (entry_id integer PRIMARY KEY, document tsvector NOT NULL)"
        )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING GIN (document)")

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def index(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (entry_id, document) VALUES (%s, "
                "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') "
                "|| setweight(to_tsvector('english', %s), 'D')) "
                "ON CONFLICT (entry_id) DO UPDATE SET document = EXCLUDED.document",
                [(d.entry_id, d.title, d.places, d.body) for d in documents],
            )

    def remove(self, entry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE entry_id = ANY(%s)", [list(entry_ids)])

    def matches(self, words, every):
        return (
            f"SELECT entry_id FROM {TABLE} WHERE document @@ to_tsquery('english', %s)",
            [_query(words, every)],
        )

    def ranked(self, words, every, within, limit, offset):
        within_sql, within_params = within
        sql = (
            f"SELECT s.entry_id, ts_rank({WEIGHTS}, s.document, q, 1) AS score, e.title "
            f"FROM {TABLE} s JOIN practice_entry e ON e.id = s.entry_id, to_tsquery('english', %s) q "
            f"WHERE s.document @@ q AND s.entry_id IN ({within_sql}) "
            "ORDER BY score DESC, e.title, e.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_query(words, every), *within_params, limit, offset])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]
