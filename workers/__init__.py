"""Workers: run the stages as jobs; without Redis they run in-process through the same functions."""
