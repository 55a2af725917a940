"""Every example in README.md and docs/ runs: Python examples as doctests, console lines as commands."""
import doctest
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _python_blocks(page):
    """The ```python blocks of a page, joined (later blocks see earlier names), with their line numbers."""
    out, inside = [], False
    for lineno, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = line.strip() == "```python"
            out.append("")  # a blank line ends the expected output of the example before
            continue
        out.append(line if inside else "")
    return "\n".join(out)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples(page, monkeypatch):
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_python_blocks(page), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) in {page.name} failed (see output above)"


def _console_commands(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    inside = False
    for line in lines:
        if line.startswith("```"):
            inside = line.strip() == "```console"
            continue
        if inside and line.startswith("$ "):
            yield line[2:]


COMMANDS = [(p, c) for p in PAGES for c in _console_commands(p)]


@pytest.mark.parametrize("page,command", COMMANDS, ids=[f"{p.name}: {c}" for p, c in COMMANDS])
def test_console_examples(page, command, tmp_path):
    argv = shlex.split(command)
    assert argv[0] == "eventcoder"
    # run from a scratch directory holding a copy of the seeds, so outputs land there
    (tmp_path / "seeds").mkdir()
    for f in (ROOT / "seeds").iterdir():
        (tmp_path / "seeds" / f.name).write_bytes(f.read_bytes())
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "eventcoder", *argv[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
