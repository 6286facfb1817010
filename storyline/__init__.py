"""storyline: reads news articles and writes down what happened in them, each fact tied to its words."""
__version__ = "0.1.0"
