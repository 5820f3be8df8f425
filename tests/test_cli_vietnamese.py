"""The command line speaks Vietnamese too (issue 17): argparse's own words, option help, the folder lock's
holder, the set-up hint, unknown units, indicator labels, a BOM on CSV, no library warning on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from plan_desktop.cli import build_parser, main
from plan_desktop.store import lock


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, capsys) -> str:
    d = str(tmp_path / "xa")
    assert run(capsys, "--data-dir", d, "init", "--unit", "13597", "--officer", "Đặng Thị Thu")[0] == 0
    return d


ENGLISH = ("usage:", "options:", "positional arguments", "the following arguments are required", "invalid choice",
           "show this help message", "expected one argument", "unrecognized arguments")


def _help_texts():
    parser = build_parser()
    yield parser.format_help()
    stack = [parser]
    while stack:
        p = stack.pop()
        for action in p._actions:
            for sub in getattr(action, "choices", None) or {}:
                if isinstance(action.choices, dict):
                    child = action.choices[sub]
                    stack.append(child)
                    yield child.format_help()


def test_every_help_page_is_vietnamese_and_every_option_says_what_it_does():
    pages = list(_help_texts())
    assert len(pages) > 30
    for text in pages:
        assert "Cách dùng: plan-desktop" in text
        for word in ENGLISH:
            assert word not in text, (word, text)
    parser = build_parser()
    stack, undocumented = [parser], []
    while stack:
        p = stack.pop()
        for a in p._actions:
            if isinstance(a.choices, dict):
                stack.extend(a.choices.values())
            elif not a.help and not a.dest.endswith("command"):
                undocumented.append(f"{p.prog} {a.dest}")
    assert undocumented == []


@pytest.mark.parametrize(("argv", "said"), [
    (["records", "list"], "thiếu tham số bắt buộc: BIỂU_MẪU"),
    (["records", "lst"], "tham số LỆNH: «lst» không hợp lệ (chọn một trong: 'import', 'list')"),
    (["records", "list", "officer", "--format", "xml"], "tham số --format: «xml» không hợp lệ"),
    (["records", "list", "officer", "--period"], "tham số --period: cần một giá trị"),
    (["units", "a", "b"], "không hiểu các tham số: b"),
    (["indicators", "--year", "hai"], "tham số --year: giá trị «hai» không hợp lệ"),
])
def test_argument_errors_in_vietnamese(capsys, argv, said):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert said in err and err.startswith("Cách dùng: plan-desktop")
    for word in ENGLISH:
        assert word not in err


def test_the_set_up_hint_keeps_the_data_dir_given(tmp_path, capsys):
    where = tmp_path / "thư mục có dấu cách"
    code, _, err = run(capsys, "--data-dir", str(where), "records", "list", "officer")
    assert code == 1
    assert f"Hãy chạy «plan-desktop --data-dir '{where}' init --unit MÃ_ĐƠN_VỊ» trước." in err


def test_unknown_units_are_said_with_a_non_zero_exit(folder, capsys):
    code, out, err = run(capsys, "--data-dir", folder, "records", "list", "officer", "--unit", "99999")
    assert code == 1 and "Không có đơn vị nào mã «99999»" in err and out == ""
    code, _, err = run(capsys, "--data-dir", folder, "records", "list", "officer", "--unit", "13285")
    assert code == 1 and "không trực thuộc đơn vị 13597" in err
    assert run(capsys, "--data-dir", folder, "records", "list", "officer", "--unit", "13597")[0] == 0
    code, out, err = run(capsys, "units", "Xã Không Tồn Tại")
    assert code == 1 and "Không có đơn vị hành chính nào khớp «Xã Không Tồn Tại»" in err
    code, out, _ = run(capsys, "units", "ly nhan")
    assert code == 0 and "353" in out


def test_indicators_show_labels(folder, capsys):
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--year", "2019")
    assert code == 0
    assert "Xã tuyên truyền thường xuyên" in out
    assert "communes_with_communication" not in out and "officers_trained" not in out  # labels, not internal ids


def test_records_list_csv_starts_with_a_bom_and_protects_formulas(folder, tmp_path, capsys):
    path = tmp_path / "cs.csv"
    path.write_text("name,kind,licence_no\n'=HYPERLINK(\"x\"),karaoke,0700786453\n", encoding="utf-8")
    assert run(capsys, "--data-dir", folder, "records", "import", "establishment", str(path))[0] == 0
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "establishment", "--format", "csv")
    assert code == 0 and out.startswith("\ufeffid,")
    assert "'=HYPERLINK" in out and ",=" not in out and "0700786453" in out


def test_the_folder_lock_names_who_holds_it(folder, capsys):
    from plan_desktop.services.installation import Installation

    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from plan_desktop.store import lock
        lock.set_holder("lệnh «plan-desktop export»", "the command «plan-desktop export»")
        lock.acquire(Path({folder!r}))
        print("held", flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, _, err = run(capsys, "--data-dir", folder, "records", "list", "officer")
        assert code == 1
        assert f"đang được lệnh «plan-desktop export» (tiến trình số {holder.pid}) sử dụng" in err
        with pytest.raises(lock.FolderLockedError) as exc:
            Installation.open(__import__("pathlib").Path(folder))
        assert f"the command «plan-desktop export» (process {holder.pid})" in exc.value.text("en")
    finally:
        holder.kill()
        holder.wait()


def test_the_window_is_named_as_the_holder(folder, capsys, monkeypatch):
    from plan_desktop import cli

    seen = {}
    monkeypatch.setattr(cli, "cmd_gui", lambda args: seen.setdefault("holder", lock._holder) and 0)
    assert main(["--data-dir", folder]) == 0
    assert seen["holder"] == ("cửa sổ chương trình", "the program's window")
    assert main(["--data-dir", folder, "records", "list", "officer"]) == 0
    written = (__import__("pathlib").Path(folder) / lock.LOCK_NAME).read_text(encoding="utf-8")
    assert "lệnh «plan-desktop records list»" in written  # what the command wrote while it held the folder
    assert lock._holder == ("", "")  # and forgot once it was over


def test_no_library_warning_on_stderr_when_signing_code_loads(tmp_path):
    """cryptography warns «DSA is deprecated» when pyHanko imports its DSA key type; the program silences
    exactly that warning (the same import without the program's signing package still warns)."""
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    ours = subprocess.run([sys.executable, "-c", "import plan_desktop.signing.sign, plan_desktop.signing.verify; "
                           "from pyhanko.sign import signers, validation"],
                          capture_output=True, text=True, env=env)
    assert ours.returncode == 0 and ours.stderr == ""
    bare = subprocess.run([sys.executable, "-c", "from pyhanko.sign import signers"], capture_output=True, text=True,
                          env=env)
    assert "DSA is deprecated" in bare.stderr
    other = subprocess.run([sys.executable, "-c", "import plan_desktop.signing, warnings; "
                            "warnings.warn('keep me', UserWarning)"], capture_output=True, text=True, env=env)
    assert "keep me" in other.stderr  # nothing else is silenced


def test_json_list_is_unchanged(folder, capsys):
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "officer", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_records_list_prints_years_without_a_thousands_separator(folder, tmp_path, capsys):
    path = tmp_path / "us.csv"
    path.write_text("year,healthy\n2019,có\n", encoding="utf-8")
    assert run(capsys, "--data-dir", folder, "records", "import", "unit_status", str(path))[0] == 0
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "unit_status")
    assert code == 0 and "2019" in out and "2.019" not in out
