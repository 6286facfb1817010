"""Runners: code many documents with a `Pipeline` of `Stage` objects, in this process or in worker processes.

Runners receive the pipeline itself, never stage names, so a stage a user built runs on every worker.
"""
from storyline.run.local import code_documents

__all__ = ["code_documents"]
