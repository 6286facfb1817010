"""Reading articles in (files, folders, stdin) and marking what in them is not news text."""
from storyline.ingest.readers import iter_documents, read_text_document

__all__ = ["iter_documents", "read_text_document"]
