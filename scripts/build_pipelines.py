"""Write the packaged spaCy pipelines to nlp/pipelines/ky and nlp/pipelines/ru (configs and tokenizer
data; no weights). Run after changing tokenizer rules or components: python scripts/build_pipelines.py"""

from nlp.pipelines import package

if __name__ == "__main__":
    package()
