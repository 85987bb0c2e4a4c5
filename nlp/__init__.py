"""NLP: the structure of acts (nlp.structure), the Kyrgyz and Russian spaCy pipelines (nlp.pipelines,
nlp.components) and the tagging of each article (nlp.tagger_service over nlp.tagging): whether it touches
LSG, which fields it regulates, what it does to local-budget money, and the entities it names."""
