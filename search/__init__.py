"""Search: one behaviour over two backends (embedded SQLite FTS5, Elasticsearch). Analysis happens in
Kenesh: texts are indexed as lemma keys and queries are lemmatised the same way."""
