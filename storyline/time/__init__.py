"""The time stage: recognise temporal expressions and normalise them against the article date."""
from storyline.time.recognize import find_timexes
from storyline.time.tense import tense_from_doc

__all__ = ["find_timexes", "tense_from_doc"]
