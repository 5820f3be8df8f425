"""What CI must run besides the tests proper, run as tests so that the README's one test command (and so
``.ci/run``) covers it: the linter over the whole tree, and the quick benchmark — every case must still
complete. Nothing here measures or asserts a time: the benchmark prints ratios for people to read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.fail("ruff is not installed: it comes with the test extra (pip install -e '.[test]')")
    r = subprocess.run([str(ruff), "check", "--no-cache", "--output-format", "concise", "."], cwd=ROOT,
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]


@pytest.mark.timeout(900)  # many child processes; on a loaded box well past the usual 300 s
def test_quick_benchmark_runs_every_case():
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run_bench.py"), "--quick"], cwd=ROOT,
                       capture_output=True, text=True, encoding="utf-8", timeout=880)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-6000:]
    print(r.stdout)  # the figures, for whoever reads the CI log with -s
    # every case prints its measured line(s); a case that silently printed nothing would pass otherwise
    for case in ("start to main window shown", "list of", "peak RSS", "save one record", "CSV import", "scale:",
                 "import at the district", "import at the province", "district report PDF"):
        assert any(line.startswith(case) for line in r.stdout.splitlines()), (case, r.stdout)
    assert "case(s) miss their target" in r.stdout or "All cases meet their targets" in r.stdout
