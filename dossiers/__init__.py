"""Positions, reconciliation meetings, and the protocol dossiers and conclusions built from them."""
