"""The embedded backend: SQLite FTS5 over lemma streams in the data directory; nothing to start."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from core.logs import get_logger
from search.analysis import fingerprint
from search.models import Hit, SearchDoc, SearchRequest, SearchResult, decode_cursor, encode_cursor
from search.query import Node, Not, Or, ParsedQuery, Phrase, Prefix, Term
from search.typos import expand

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY, key TEXT UNIQUE, document_id INTEGER, version_id INTEGER, version_seq INTEGER,
  latest INTEGER, unit_id TEXT, number TEXT, heading TEXT, title TEXT, language TEXT, act_type TEXT,
  draft INTEGER, date TEXT, year INTEGER, source TEXT, competences TEXT, budget INTEGER, lsg INTEGER
);
CREATE TABLE IF NOT EXISTS bodies (rowid INTEGER PRIMARY KEY, text TEXT, lemmas TEXT);
CREATE TABLE IF NOT EXISTS article_competences (rowid INTEGER, competence TEXT);
CREATE INDEX IF NOT EXISTS article_competences_idx ON article_competences(competence, rowid);
CREATE INDEX IF NOT EXISTS article_competences_row ON article_competences(rowid);
CREATE INDEX IF NOT EXISTS articles_document ON articles(document_id);
CREATE INDEX IF NOT EXISTS articles_date ON articles(latest, date, rowid);
CREATE INDEX IF NOT EXISTS articles_filters ON articles(latest, language, budget, act_type);
CREATE INDEX IF NOT EXISTS articles_budget ON articles(latest, budget, act_type);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  lemmas, content='bodies', content_rowid='rowid', tokenize="unicode61 remove_diacritics 0 tokenchars '-'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_vocab USING fts5vocab(articles_fts, 'row');
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
"""
COLUMNS = [
    "key",
    "document_id",
    "version_id",
    "version_seq",
    "latest",
    "unit_id",
    "number",
    "heading",
    "title",
    "language",
    "act_type",
    "draft",
    "date",
    "year",
    "source",
    "competences",
    "budget",
    "lsg",
]
log = get_logger(__name__)
TOTAL_CAP = 10_000  # counts beyond this are reported as a lower bound, as Elasticsearch does


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        self.conn.executescript(SCHEMA)

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    # -- lifecycle -------------------------------------------------------------------------------
    def analysis(self) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'analysis'").fetchone()
        return str(row[0]) if row else None

    def _stamp(self) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(name, value) VALUES('analysis', ?)", (fingerprint(),))

    def ensure(self, feed: Callable[[], Iterable[SearchDoc]] | None = None) -> None:
        """An index whose keys were made by another analysis is rebuilt from ``feed``: searching it with
        today's keys would miss words silently. An empty index is simply stamped."""
        if self.analysis() == fingerprint():
            return
        if self.count() == 0:
            with self.conn:
                self._stamp()
        elif feed is not None:
            log.info("search index made by another analysis: rebuilding", path=str(self.path))
            self.rebuild(feed)
        else:
            log.warning("search index built by another analysis; run `kenesh reindex`", path=str(self.path))

    def rebuild(self, feed: Callable[[], Iterable[SearchDoc]]) -> str:
        """Empty the index and fill it from the records store, stamped with today's analysis."""
        self.clear()
        self.index(list(feed()))
        with self.conn:
            self._stamp()
        return str(self.path)

    # -- writing ---------------------------------------------------------------------------------
    def _delete_rows(self, where: str, params: tuple[Any, ...]) -> None:
        rows = self.conn.execute(
            f"SELECT a.rowid, b.lemmas FROM articles a JOIN bodies b ON b.rowid = a.rowid WHERE {where}",
            params,
        ).fetchall()
        for row in rows:
            self.conn.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, lemmas) VALUES('delete', ?, ?)",
                (row["rowid"], row["lemmas"]),
            )
            self.conn.execute("DELETE FROM bodies WHERE rowid = ?", (row["rowid"],))
            self.conn.execute("DELETE FROM article_competences WHERE rowid = ?", (row["rowid"],))
            self.conn.execute("DELETE FROM articles WHERE rowid = ?", (row["rowid"],))

    def index(self, docs: list[SearchDoc]) -> None:
        with self.conn:
            for doc in docs:
                self._delete_rows("a.key = ?", (doc.key,))
                values = doc.model_dump()
                values["competences"] = json.dumps(doc.competences)
                cur = self.conn.execute(
                    f"INSERT INTO articles({', '.join(COLUMNS)}) VALUES({', '.join('?' for _ in COLUMNS)})",
                    [values[c] for c in COLUMNS],
                )
                rowid = cur.lastrowid
                self.conn.execute(
                    "INSERT INTO bodies(rowid, text, lemmas) VALUES(?, ?, ?)", (rowid, doc.text, doc.lemmas)
                )
                self.conn.execute("INSERT INTO articles_fts(rowid, lemmas) VALUES(?, ?)", (rowid, doc.lemmas))
                self.conn.executemany(
                    "INSERT INTO article_competences(rowid, competence) VALUES(?, ?)",
                    [(rowid, c) for c in doc.competences],
                )

    def delete_document(self, document_id: int) -> None:
        with self.conn:
            self._delete_rows("a.document_id = ?", (document_id,))

    def clear(self) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM articles")
            self.conn.execute("DELETE FROM bodies")
            self.conn.execute("DELETE FROM article_competences")
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('delete-all')")

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def get(self, key: str) -> SearchDoc | None:
        row = self.conn.execute(
            "SELECT a.*, b.text, b.lemmas FROM articles a JOIN bodies b ON b.rowid = a.rowid WHERE a.key = ?",
            (key,),
        ).fetchone()
        return _doc(row) if row else None

    def known(self, keys: set[str]) -> set[str]:
        marks = ", ".join("?" for _ in keys)
        rows = self.conn.execute(f"SELECT term FROM articles_vocab WHERE term IN ({marks})", sorted(keys))
        return {r[0] for r in rows}

    def vocabulary(self, first_letter: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT term FROM articles_vocab WHERE term >= ? AND term < ?",
            (first_letter, first_letter + "\uffff"),
        )
        return {r[0] for r in rows}

    # -- searching -------------------------------------------------------------------------------
    def _expr(self, node: Node | None) -> tuple[str | None, str | None]:
        """(positive FTS5 expression, negative expression) for a query tree."""
        if node is None:
            return None, None
        if isinstance(node, Term):
            keys = sorted(expand(node.keys, self.vocabulary, self.known))
            return "(" + " OR ".join(_quote(k) for k in keys) + ")", None
        if isinstance(node, Prefix):
            return _quote(node.stem) + "*", None
        if isinstance(node, Phrase):
            return "(" + " OR ".join(_quote(" ".join(v)) for v in sorted(node.variants)) + ")", None
        if isinstance(node, Not):
            positive, _ = self._expr(node.node)
            return None, positive
        if isinstance(node, Or):
            parts = [p for p, _ in (self._expr(n) for n in node.nodes) if p]
            return ("(" + " OR ".join(parts) + ")" if parts else None), None
        positives, negatives = [], []
        for child in node.nodes:
            p, n = self._expr(child)
            if p:
                positives.append(p)
            if n:
                negatives.append(n)
        pos = "(" + " AND ".join(positives) + ")" if positives else None
        neg = "(" + " OR ".join(negatives) + ")" if negatives else None
        return pos, neg

    def _filters(self, request: SearchRequest) -> tuple[list[str], list[Any]]:
        where, params = [], []
        if not request.all_versions:
            where.append("a.latest = 1")
        for column, value in (
            ("language", request.language),
            ("act_type", request.act_type),
            ("source", request.source),
            ("document_id", request.document_id),
        ):
            if value is not None:
                where.append(f"a.{column} = ?")
                params.append(value)
        for column, flag in (("budget", request.budget), ("lsg", request.lsg), ("draft", request.draft)):
            if flag is not None:
                where.append(f"a.{column} = ?")
                params.append(int(flag))
        if request.date_from:
            where.append("a.date >= ?")
            params.append(request.date_from)
        if request.date_to:
            where.append("a.date <= ?")
            params.append(request.date_to)
        for competence in request.competences:
            where.append("a.rowid IN (SELECT rowid FROM article_competences WHERE competence = ?)")
            params.append(competence)
        return where, params

    def search(self, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        started = time.perf_counter()
        positive, negative = self._expr(parsed.tree)
        where, params = self._filters(request)
        match_params: list[Any] = []
        if positive:
            base = "FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
            where.insert(0, "articles_fts MATCH ?")
            match_params.append(positive + (f" NOT {negative}" if negative else ""))
            score = "-bm25(articles_fts)"
        else:
            base = "FROM articles a"
            score = "0.0"
            if negative:
                where.append("a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
                params.append(negative)
        all_params = match_params + params
        clause = " WHERE " + " AND ".join(where) if where else ""
        total = int(
            self.conn.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 {base}{clause} LIMIT {TOTAL_CAP + 1})", all_params
            ).fetchone()[0]
        )
        order, cursor_sql, cursor_params = self._order(request, score)
        page_clause = clause
        if cursor_sql:
            page_clause = (clause + " AND " if clause else " WHERE ") + cursor_sql
        rows = self.conn.execute(
            f"SELECT a.*, {score} AS score {base}{page_clause} ORDER BY {order} LIMIT ?",
            [*all_params, *cursor_params, request.limit + 1],
        ).fetchall()
        more = len(rows) > request.limit
        rows = rows[: request.limit]
        texts = self._texts([row["rowid"] for row in rows])
        hits = [_hit(row, texts.get(row["rowid"], "")) for row in rows]
        next_cursor = None
        if more and rows:
            last = rows[-1]
            value = last["score"] if request.sort != "date" else (last["date"] or "")
            next_cursor = encode_cursor([value, last["rowid"]])
        facets = self._facets(base, clause, all_params) if request.facets else {}
        return SearchResult(
            total=min(total, TOTAL_CAP),
            total_is_lower_bound=total > TOTAL_CAP,
            hits=hits,
            facets=facets,
            next=next_cursor,
            backend=self.name,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def _texts(self, rowids: list[int]) -> dict[int, str]:
        if not rowids:
            return {}
        marks = ", ".join("?" for _ in rowids)
        rows = self.conn.execute(f"SELECT rowid, text FROM bodies WHERE rowid IN ({marks})", rowids)
        return {r[0]: r[1] for r in rows}

    def _order(self, request: SearchRequest, score: str) -> tuple[str, str | None, list[Any]]:
        if request.sort == "date":
            order = "COALESCE(a.date, '') DESC, a.rowid ASC"
            if request.after:
                value, rowid = decode_cursor(request.after)
                return (
                    order,
                    "(COALESCE(a.date, '') < ? OR (COALESCE(a.date, '') = ? AND a.rowid > ?))",
                    [value, value, rowid],
                )
            return order, None, []
        order = f"{score} DESC, a.rowid ASC"
        if request.after:
            value, rowid = decode_cursor(request.after)
            return order, f"({score} < ? OR ({score} = ? AND a.rowid > ?))", [value, value, rowid]
        return order, None, []

    def _facets(self, base: str, clause: str, params: list[Any]) -> dict[str, dict[str, int]]:
        """Counts over every match: the matched rows are collected once (FTS first), then grouped."""
        out: dict[str, dict[str, int]] = {}
        conn = self.conn
        conn.execute("DROP TABLE IF EXISTS temp.facet_rows")
        conn.execute(f"CREATE TEMP TABLE facet_rows AS SELECT a.rowid AS rowid {base}{clause}", params)
        try:
            for name, column in (
                ("language", "language"),
                ("act_type", "act_type"),
                ("year", "year"),
                ("budget", "budget"),
            ):
                rows = conn.execute(
                    f"SELECT a.{column} AS v, COUNT(*) AS n FROM temp.facet_rows f CROSS JOIN articles a "
                    "ON a.rowid = f.rowid GROUP BY v ORDER BY n DESC, v"
                ).fetchall()
                out[name] = {_facet_value(name, r["v"]): r["n"] for r in rows if r["v"] is not None}
            rows = conn.execute(
                "SELECT c.competence AS v, COUNT(*) AS n FROM temp.facet_rows f "
                "JOIN article_competences c ON c.rowid = f.rowid GROUP BY v ORDER BY n DESC, v"
            ).fetchall()
            out["competence"] = {r["v"]: r["n"] for r in rows}
        finally:
            conn.execute("DROP TABLE IF EXISTS temp.facet_rows")
        return out

    def more_like_this(self, key: str, request: SearchRequest) -> SearchResult:
        """Articles that share the most distinctive lemmas of ``key``, from other documents."""
        source = self.get(key)
        if source is None:
            return SearchResult(total=0, hits=[], backend=self.name)
        terms = distinctive_terms(source.lemmas, self.document_frequency, self.count())
        if not terms:
            return SearchResult(total=0, hits=[], backend=self.name)
        where, params = self._filters(request)
        where += ["articles_fts MATCH ?", "a.document_id != ?"]
        expr = " OR ".join(_quote(t) for t in terms)
        rows = self.conn.execute(
            "SELECT a.*, -bm25(articles_fts) AS score "
            "FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE {' AND '.join(where)} ORDER BY score DESC, a.rowid LIMIT ?",
            [*params, expr, source.document_id, request.limit],
        ).fetchall()
        texts = self._texts([r["rowid"] for r in rows])
        return SearchResult(
            total=len(rows), hits=[_hit(r, texts.get(r["rowid"], "")) for r in rows], backend=self.name
        )

    def document_frequency(self, term: str) -> int:
        row = self.conn.execute("SELECT doc FROM articles_vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0


def distinctive_terms(lemmas: str, frequency: Any, total: int, limit: int = 12) -> list[str]:
    """The terms of a text that say most about it: frequent in it, rare in the index (tf-idf)."""
    import math
    from collections import Counter

    # Kyrgyz verb stems are short and say much (бөл- allocate, бер- give): keep three letters and up;
    # numbers (point numbers, amounts) say nothing about the norm.
    counts = Counter(t for t in lemmas.split() if len(t) >= 3 and not any(c.isdigit() for c in t))
    scored = []
    for term, tf in counts.items():
        df = frequency(term)
        if df <= 0:
            continue
        scored.append((tf * math.log(1 + total / df), term))
    return [t for _, t in sorted(scored, reverse=True)[:limit]]


def _facet_value(name: str, value: Any) -> str:
    if name == "budget":
        return "yes" if value else "no"
    return str(value)


def _doc(row: sqlite3.Row) -> SearchDoc:
    data = {c: row[c] for c in [*COLUMNS, "text", "lemmas"]}
    data["competences"] = json.loads(data["competences"] or "[]")
    for flag in ("latest", "draft", "budget", "lsg"):
        data[flag] = bool(data[flag])
    return SearchDoc(**data)


def _hit(row: sqlite3.Row, text: str) -> Hit:
    return Hit.of(row, row["score"], text, json.loads(row["competences"] or "[]"))
