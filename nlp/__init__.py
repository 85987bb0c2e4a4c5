"""NLP: the structure of acts (nlp.structure) and, later, tagging of articles."""
