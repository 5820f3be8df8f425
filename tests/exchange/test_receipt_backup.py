"""Importing a receipt takes the same backup as a package (reason «import») before it changes
anything; a receipt applied before, or refused, makes none; no backup possible means no change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from plan_desktop.cli import main
from plan_desktop.paths import backup_dir
from plan_desktop.services import exchange as ex
from tests.exchange.conftest import (
    C1,
    C2,
    DISTRICT,
    add_records,
    block_backups,
    dump,
    import_backups,
    link,
    new_inst,
)


def _acked(path: Path) -> tuple:
    """What a receipt changes, read from a data file: the acknowledged point and the export's status."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        acked = conn.execute("SELECT value FROM exchange_state WHERE key = 'acked_change_seq'").fetchone()
        status = conn.execute("SELECT status FROM exchange_exports WHERE seq = 1").fetchone()
        keys = conn.execute("SELECT COUNT(*) FROM exchange_keys WHERE unit_code = ?", [DISTRICT]).fetchone()
        return (acked[0] if acked else None, status[0] if status else None, keys[0])
    finally:
        conn.close()


def _sent_and_acknowledged(world, **receipt) -> Path:
    add_records(world.c1, 2)
    pkg = ex.export_package(world.c1, world.usb()).path
    assert ex.import_files(world.d, [pkg], save_report=False).ok
    return ex.write_receipt(world.d, C1, world.usb("back"), **receipt).path


def test_a_receipt_is_imported_after_a_backup_of_the_store(world):
    receipt = _sent_and_acknowledged(world)
    assert import_backups(world.c1.folder) == []
    before = _acked(world.c1.store.path)
    assert before == (None, "sent", 1)  # the district's key came with its setup file

    rep = ex.import_files(world.c1, [receipt], save_report=False)
    assert rep.ok and rep.files[0].kind == "receipt", rep.text()
    assert import_backups(world.c1.folder) == [rep.backup]
    assert rep.backup.parent == backup_dir(world.c1.folder)
    assert _acked(rep.backup) == before  # the backup holds the store as it was before the receipt
    after = _acked(world.c1.store.path)
    assert after[1] == "accepted" and after[0] is not None and after[2] == 1
    assert f"Bản sao lưu dữ liệu trước khi nhập: {rep.backup}" in rep.text()
    assert world.c1.store.check() == []

    # the same receipt again changes nothing: no backup, none mentioned
    again = ex.import_files(world.c1, [receipt], save_report=False)
    assert again.ok and again.backup is None and "Bản sao lưu" not in again.text()
    assert import_backups(world.c1.folder) == [rep.backup]
    assert _acked(world.c1.store.path) == after


def test_a_returned_package_s_receipt_is_backed_up_too(world):
    receipt = _sent_and_acknowledged(world, status="returned", reason="Thiếu số liệu tháng 3")
    rep = ex.import_files(world.c1, [receipt], save_report=False)
    assert rep.ok and rep.backup is not None and import_backups(world.c1.folder) == [rep.backup]
    assert _acked(rep.backup)[1] == "sent" and _acked(world.c1.store.path)[1] == "returned"


def test_a_refused_receipt_makes_no_backup(world):
    receipt = _sent_and_acknowledged(world)
    before = dump(world.c2)
    rep = ex.import_files(world.c2, [receipt], save_report=False)  # meant for another commune
    assert not rep.ok and rep.backup is None and rep.files[0].reason_code == "foreign_unit"
    assert import_backups(world.c2.folder) == [] and dump(world.c2) == before

    data = bytearray(receipt.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = world.usb("bad") / receipt.name
    bad.write_bytes(bytes(data))
    rep = ex.import_files(world.c1, [bad], save_report=False)
    assert not rep.ok and rep.backup is None and import_backups(world.c1.folder) == []


def test_no_backup_possible_means_the_receipt_is_not_imported(world):
    receipt = _sent_and_acknowledged(world)
    block_backups(world.c1.folder)
    before = dump(world.c1)
    rep = ex.import_files(world.c1, [receipt], save_report=False)
    assert not rep.ok and rep.backup is None
    assert "Không ghi được bản sao lưu" in rep.files[0].message
    assert "Biên nhận chưa được nhập" in rep.files[0].message
    assert dump(world.c1) == before


def test_cli_import_of_a_receipt_prints_where_the_backup_is(tmp_path, capsys):
    c1 = new_inst(tmp_path / "c1", C1)
    d = new_inst(tmp_path / "d", DISTRICT)
    try:
        link(d, c1, tmp_path / "setup")
        add_records(c1, 1)
        pkg = ex.export_package(c1, tmp_path / "usb").path
        assert ex.import_files(d, [pkg], save_report=False).ok
        receipt = ex.write_receipt(d, C1, tmp_path / "back").path
    finally:
        c1.close()
        d.close()
    assert main(["--data-dir", str(tmp_path / "c1"), "import", str(receipt)]) == 0
    out = capsys.readouterr().out
    (made,) = import_backups(tmp_path / "c1")
    assert f"Bản sao lưu dữ liệu trước khi nhập: {made}" in out
    assert _acked(made)[1] == "sent" and _acked(tmp_path / "c1" / "plan_desktop.sqlite")[1] == "accepted"
    assert C2 not in out
