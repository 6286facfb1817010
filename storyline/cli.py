"""The `storyline` command line."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date as Date
from typing import TextIO

from storyline import __version__
from storyline.errors import StorylineError, message


def _iso_date(value: str) -> str:
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(message("E023", value=value)) from exc


# More worker processes than this is a typo, not a machine: each loads its own model (about 0.5 GB).
MAX_WORKERS = 256


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(message("E014", value=value, most=MAX_WORKERS))
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="storyline", description="Code news articles into evidenced events.")
    p.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("code", help="code articles (files, folders, - for stdin) into events")
    c.add_argument("paths", nargs="+", help=".txt .html .jsonl .csv files, folders, or - for stdin")
    c.add_argument("--date", type=_iso_date, help="article date (YYYY-MM-DD) where the input gives none")
    c.add_argument("--source", help="source name where the input gives none")
    c.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    c.add_argument("--db", help="SQLite store to write into (created if missing)")
    c.add_argument("--explain", action="store_true", help="say why each article yielded nothing or was rejected")
    c.add_argument("--workers", type=_workers, default=1, help="processes, each loading the model once (1-256)")
    c.add_argument("--no-progress", action="store_true", help="no progress bar")
    c.add_argument("--stage", action="append", default=[], metavar="MODULE:NAME",
                   help="also run your own stage (a storyline.pipeline.Stage) after the built-in ones; repeatable")
    c.set_defaults(func=cmd_code)
    e = sub.add_parser("eval", help="score against the gold sets in ../shared/gold; write docs/EVALUATION.md")
    e.add_argument("sets", nargs="*", help="sets to run (default: all): " + ", ".join(_set_names()))
    e.add_argument("--shared", help="the shared folder (default: ../shared beside the checkout, or $STORYLINE_SHARED)")
    e.add_argument("--limit", type=int, help="at most N documents/sentences per set (a quick look; not for floors)")
    e.add_argument("--peers", action="store_true", help="also run installed peers (HeidelTime) on the same files")
    e.add_argument("--report", default="docs/EVALUATION.md", help="where to write the report ('-' for none)")
    e.add_argument("--pin", action="store_true", help="pin these scores as the new floors")
    e.set_defaults(func=cmd_eval)
    return p


def _set_names() -> list[str]:
    from storyline.eval.run import SETS

    return list(SETS)


def cmd_eval(args: argparse.Namespace) -> int:
    from storyline.commands import eval_command

    return eval_command(args, sys.stdout, sys.stderr)


def cmd_code(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from storyline.commands import code_command

    return code_command(args, out, err)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except StorylineError as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `storyline code ... | head` is a normal way to look
        return 0


if __name__ == "__main__":
    sys.exit(main())
