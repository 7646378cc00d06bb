"""SQLite FTS5: a table whose rowid is the entry's id, ranked by BM25."""

from __future__ import annotations

from django.db import connection

from bluelight.practice.search.base import Backend, Document

TABLE = "practice_search"
WEIGHTS = "10.0, 4.0, 1.0"  # title, places, body


def _expression(words: list[str], every: bool) -> str:
    # Each word double-quoted: an FTS5 string, never an operator or column filter.
    quoted = ['"' + w.replace('"', "") + '"' for w in words]
    return (" AND " if every else " OR ").join(quoted)


class SqliteBackend(Backend):
    vendor = "sqlite"

    def create(self, cursor) -> None:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "title, places, body, tokenize='porter unicode61 remove_diacritics 2')"
        )

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def index(self, documents: list[Document]) -> None:
        with connection.cursor() as cursor:
            self._delete(cursor, [d.entry_id for d in documents])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, places, body) VALUES (%s, %s, %s, %s)",
                [(d.entry_id, d.title, d.places, d.body) for d in documents],
            )

    def remove(self, entry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            self._delete(cursor, entry_ids)

    @staticmethod
    def _delete(cursor, entry_ids: list[int]) -> None:
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start : start + 500]
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def matches(self, words, every):
        return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [_expression(words, every)]

    def ranked(self, words, every, within, limit, offset):
        within_sql, within_params = within
        sql = (
            f"SELECT {TABLE}.rowid, -bm25({TABLE}, {WEIGHTS}) AS score, practice_entry.title FROM {TABLE} "
            f"JOIN practice_entry ON practice_entry.id = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s AND {TABLE}.rowid IN ({within_sql}) "
            "ORDER BY score DESC, practice_entry.title, practice_entry.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_expression(words, every), *within_params, limit, offset])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]
