"""A backup of the store is made before the first package of an import that changes anything, and the
import report says where it is."""

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
    count,
    dump,
    import_backups,
    link,
    new_inst,
)


def _records_in(path: Path, unit: str) -> int:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        sql = "SELECT COUNT(*) FROM form_communication WHERE unit_code = ?"
        return conn.execute(sql, [unit]).fetchone()[0]
    finally:
        conn.close()


def test_backup_before_the_first_changing_package_and_the_report_says_where(world):
    add_records(world.c1, 3)
    add_records(world.c2, 2)
    p1 = ex.export_package(world.c1, world.usb()).path
    p2 = ex.export_package(world.c2, world.usb()).path
    assert import_backups(world.d.folder) == []

    rep = ex.import_files(world.d, [p1, p2], save_report=False)
    assert rep.ok and count(world.d, unit=C1) == 3 and count(world.d, unit=C2) == 2
    assert import_backups(world.d.folder) == [rep.backup]  # one backup for the whole import
    assert rep.backup.parent == backup_dir(world.d.folder)
    # the backup holds the store as it was before the first package was applied
    assert _records_in(rep.backup, C1) == 0 and _records_in(rep.backup, C2) == 0
    assert f"Bản sao lưu dữ liệu trước khi nhập: {rep.backup}" in rep.text()

    # the same packages again change nothing, so no backup is made and none is mentioned
    again = ex.import_files(world.d, [p1, p2], save_report=False)
    assert again.ok and all(f.already_imported for f in again.files)
    assert again.backup is None and "Bản sao lưu" not in again.text()
    assert len(import_backups(world.d.folder)) == 1


def test_a_refused_package_makes_no_backup(world):
    add_records(world.c1, 1)
    f = ex.export_package(world.c1, world.usb()).path
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = world.usb("bad") / f.name
    bad.write_bytes(bytes(data))
    rep = ex.import_files(world.d, [bad], save_report=False)
    assert not rep.ok and rep.backup is None
    assert import_backups(world.d.folder) == []


def test_no_backup_possible_means_no_import(world):
    """A backup that cannot be written (here: a file where the backup folder should be) refuses the
    package with a Vietnamese message, and the store is unchanged."""
    add_records(world.c1, 2)
    f = ex.export_package(world.c1, world.usb()).path
    block_backups(world.d.folder)
    before = dump(world.d)
    rep = ex.import_files(world.d, [f], save_report=False)
    assert not rep.ok and rep.backup is None
    assert "Không ghi được bản sao lưu" in rep.files[0].message
    assert "Gói chưa được nhập" in rep.files[0].message
    assert dump(world.d) == before


def test_cli_import_prints_where_the_backup_is(tmp_path, capsys):
    c1 = new_inst(tmp_path / "c1", C1)
    d = new_inst(tmp_path / "d", DISTRICT)
    try:
        link(d, c1, tmp_path / "setup")
        add_records(c1, 2)
        pkg = ex.export_package(c1, tmp_path / "usb").path
    finally:
        c1.close()
        d.close()
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(pkg)]) == 0
    out = capsys.readouterr().out
    (made,) = import_backups(tmp_path / "d")
    assert f"Bản sao lưu dữ liệu trước khi nhập: {made}" in out
    assert _records_in(made, C1) == 0
