"""Files an officer (or someone else) hands the program: not files at all, hostile spreadsheets, numbers past
SQLite's 64 bits, a closed output pipe. Each gets a Vietnamese message, nothing is written, nothing hangs."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from plan_desktop.cli import main
from plan_desktop.services import tabular

COMM_HEADER = ["date", "format", "venue_type", "topic", "lead_org", "audience", "participants",
               "participants_female"]


def _comm_row(topic: str = "Tuyên truyền", participants: object = 120) -> list[object]:
    return ["2019-03-05", "talk", "residential", topic, "police", "residents", participants, 40]


def _count(inst, form_id: str = "communication") -> int:
    return inst.store.count(inst.store.forms[form_id])


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def _xlsx(path: Path, sheet_xml=None, stored: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["full_name"])
    ws.append(["Nguyễn Văn A"])
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as z:
        members = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    if sheet_xml is not None:
        members[sheet] = sheet_xml(members[sheet])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


def test_a_number_past_64_bits_is_a_row_mistake(commune, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([COMM_HEADER, _comm_row(participants="9" * 25)])
    result = tabular.import_file(commune.records(), "communication", path)
    assert not result.ok and "số quá lớn" in result.errors[0] and "dòng 2" in result.errors[0]
    assert _count(commune) == 0


@pytest.mark.parametrize("kind", ["entities", "external"])
def test_xml_entities_in_a_spreadsheet_are_refused(commune, tmp_path, capsys, data_dir, kind):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    dtd = {"entities": f'<!DOCTYPE worksheet [<!ENTITY l0 "lol">{lol}]>',
           "external": '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'}[kind]
    use = "&l8;" if kind == "entities" else "&x;"
    path = _xlsx(tmp_path / "attack.xlsx", lambda xml: (f'<?xml version="1.0"?>{dtd}'.encode()
                                                        + xml.replace(b"<t>Nguy", f"<t>{use}".encode())))
    commune.close()
    assert _run(data_dir, "records", "import", "officer", str(path)) == 1
    err = capsys.readouterr().err
    assert "thực thể XML" in err and "không mong đợi" not in err


def test_a_spreadsheet_with_a_bad_crc_is_refused(commune, tmp_path, data_dir, capsys):
    path = _xlsx(tmp_path / "crc.xlsx", stored=True)
    raw = bytearray(path.read_bytes())
    at = raw.find(b"Nguy")
    assert at > 0
    raw[at] ^= 0x01
    path.write_bytes(bytes(raw))
    commune.close()
    assert _run(data_dir, "records", "import", "officer", str(path)) == 1
    err = capsys.readouterr().err
    assert "hỏng" in err and "không mong đợi" not in err


@pytest.mark.skipif(os.name != "posix", reason="FIFO and /dev/zero")
@pytest.mark.parametrize("what", ["folder", "fifo", "device"])
@pytest.mark.parametrize("command", [["records", "import", "officer"], ["import"], ["restore"]])
def test_not_a_regular_file_is_refused_without_reading(commune, tmp_path, data_dir, capsys, what, command):
    if what == "folder":
        target = tmp_path / "a-folder.csv"
        target.mkdir()
    elif what == "fifo":
        target = tmp_path / "pipe.csv"
        os.mkfifo(target)  # reading it would wait forever
    else:
        target = Path("/dev/zero")  # reading it would never end
    commune.close()
    assert _run(data_dir, *command, str(target)) == 1
    out = capsys.readouterr()
    text = out.err + out.out
    assert "không mong đợi" not in text
    assert any(word in text for word in ("thư mục", "đường ống", "thiết bị", "không phải", "Không có tệp gói")), text


def test_a_closed_output_pipe_is_not_an_error(commune, data_dir):
    service = commune.records()
    for i in range(400):
        service.create("officer", {"full_name": f"Cán bộ số {i}"})
    commune.close()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "plan_desktop", "--data-dir", str(data_dir), "records", "list", "officer",
           "--format", "csv"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what «| head -1» does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "không mong đợi" not in err


def test_a_big_import_is_read_in_batches_all_or_nothing(commune, tmp_path, monkeypatch):
    """Batches bound the memory; a mistake in the last batch still leaves nothing written."""
    monkeypatch.setattr(tabular, "IMPORT_BATCH", 50)
    good = tmp_path / "good.csv"
    rows = [_comm_row(f"Buổi {i}") for i in range(230)]
    with good.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([COMM_HEADER, *rows])
    service = commune.records()
    result = tabular.import_file(service, "communication", good)
    assert result.ok and result.created == 230 and _count(commune) == 230
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([COMM_HEADER, *rows[:200], _comm_row("Sai", participants="nhiều")])
    result = tabular.import_file(service, "communication", bad)
    assert not result.ok and result.created == 0 and "dòng 202" in result.errors[0]
    assert _count(commune) == 230  # the first four batches were rolled back with the fifth
    assert commune.store.check() == []


def test_an_id_repeated_in_a_later_batch_is_found(commune, tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "IMPORT_BATCH", 3)
    rid = "7d3c1a52-8f6e-4c1b-9a2d-0e5f4b3c2a19"
    path = tmp_path / "ids.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["id", *COMM_HEADER], [rid, *_comm_row("Một")],
                                  *[["", *_comm_row(f"Buổi {i}")] for i in range(4)], [rid, *_comm_row("Hai")]])
    result = tabular.import_file(commune.records(), "communication", path)
    assert not result.ok and any("dòng 7, id: trùng" in e for e in result.errors)
    assert _count(commune) == 0
