"""The ``kenesh`` command: a thin shell over the stages' functions."""
