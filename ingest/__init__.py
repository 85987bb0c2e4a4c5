"""Ingest: from any draft file to clean, repaired text (readers -> repair -> language), stored once."""
