"""Backups of the store: automatic (first start of the day, before imports and migrations), on demand,
and restore.

Backups are whole SQLite files written with the online backup API into ``<data folder>/backups``,
named ``<unit>_<UTC time>_<reason>.sqlite``; the newest N are kept (setting ``backup_keep``,
default 20). A restore refuses a file that is not a valid backup of this unit, keeps a backup of
what it replaces, and swaps the data in one transaction.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plan_desktop import paths
from plan_desktop.services.access import APPROVER
from plan_desktop.store import Store, StoreError
from plan_desktop.store.backup import backup_to, open_for_copy, read_identity, restore_into

log = logging.getLogger(__name__)
DEFAULT_KEEP = 20
_NAME = re.compile(r"^(?P<unit>\d+)_(?P<stamp>\d{8}T\d{6}\d*Z)_(?P<reason>[a-z-]+)\.sqlite$")
REASONS_VI = {
    "daily": "tự động đầu ngày", "import": "trước khi nhập gói", "migration": "trước khi nâng cấp dữ liệu",
    "manual": "do người dùng tạo", "restore": "trước khi khôi phục",
}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    unit_code: str
    taken_at: datetime
    reason: str

    @property
    def reason_vi(self) -> str:
        return REASONS_VI.get(self.reason, self.reason)


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    out: list[BackupInfo] = []
    bdir = paths.backup_dir(folder)
    if not bdir.exists():
        return out
    for p in bdir.glob("*.sqlite"):
        m = _NAME.match(p.name)
        if not m:
            continue
        taken = datetime.strptime(m["stamp"][:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        out.append(BackupInfo(p, m["unit"], taken, m["reason"]))
    return sorted(out, key=lambda b: b.path.name.split("_")[1], reverse=True)


def _write(conn: sqlite3.Connection, dest: Path) -> None:
    try:
        backup_to(conn, dest)
    except OSError as exc:
        raise StoreError(f"Không ghi được bản sao lưu vào {dest.parent}: {exc.strerror or exc}.") from exc


def _dest(store: Store, folder: Path, reason: str) -> Path:
    return paths.backup_dir(folder) / f"{store.unit_code or '0'}_{_stamp()}_{reason}.sqlite"


def make_backup(store: Store, folder: Path, reason: str = "manual", out: Path | None = None) -> Path:
    """A consistent copy of the store. With ``out`` the copy goes there (not counted for retention)."""
    dest = out or _dest(store, folder, reason)
    _write(store.db.conn, dest)
    log.info("backup written: %s (%s)", dest, reason)
    if out is None:
        prune(store, folder)
    return dest


def _keep(store: Store) -> int:
    return int(store.get_setting("backup_keep", DEFAULT_KEEP) or DEFAULT_KEEP)


def _prune_files(folder: Path, keep: int) -> None:
    for info in list_backups(folder)[keep:]:
        info.path.unlink(missing_ok=True)


def prune(store: Store, folder: Path) -> None:
    _prune_files(folder, _keep(store))


def _daily_due(store: Store, folder: Path, now: datetime | None) -> bool:
    if store.unit_code is None:
        return False
    today = (now or datetime.now(UTC)).date()
    return not any(b.taken_at.date() == today for b in list_backups(folder))


def daily_backup(store: Store, folder: Path, now: datetime | None = None) -> Path | None:
    """At the first start of each (UTC) day: a backup, unless one was taken today already."""
    return make_backup(store, folder, "daily") if _daily_due(store, folder, now) else None


def daily_backup_in_background(store: Store, folder: Path, now: datetime | None = None) -> threading.Thread | None:
    """:func:`daily_backup` on a thread with a connection of its own, so that the window opens without
    waiting for a copy of the whole file (a second or more for 100.000 records). The copy is the data
    as it was when the thread began to read (SQLite's WAL keeps that view while the officer goes on
    working). Returns the running thread, or None when no backup is due; join it before closing the
    store (:meth:`Installation.close` does). A failure (full disk…) is logged: the officer works on."""
    if not _daily_due(store, folder, now) or store.path is None:
        return None
    dest, keep, source = _dest(store, folder, "daily"), _keep(store), store.path

    def run() -> None:
        try:
            conn = open_for_copy(source)
            try:
                _write(conn, dest)
            finally:
                conn.close()
            log.info("backup written: %s (daily, in the background)", dest)
            _prune_files(folder, keep)
        except (StoreError, sqlite3.Error, OSError) as exc:
            log.warning("daily backup failed: %s", exc)

    thread = threading.Thread(target=run, name="daily-backup")
    thread.start()
    return thread


def inspect_backup(path: Path) -> dict[str, str]:
    """Read a candidate backup's identity (unit, version) without changing it; raise StoreError if it
    is not a plan_desktop data file or is damaged."""
    if not path.exists():
        raise StoreError(f"Không tìm thấy tệp {path}.")
    try:
        ok, settings, meta = read_identity(path)
    except sqlite3.DatabaseError:
        raise StoreError(f"Tệp {path.name} không phải là tệp sao lưu dữ liệu của chương trình.") from None
    import json

    if ok != "ok":
        raise StoreError(f"Tệp {path.name} bị hỏng ({ok}); không khôi phục từ tệp này.")
    unit = json.loads(settings["unit_code"]) if "unit_code" in settings else None
    if not unit:
        raise StoreError(f"Tệp {path.name} không phải là tệp sao lưu dữ liệu của chương trình.")
    return {"unit_code": unit, "created_by_version": meta.get("created_by_version", "")}


def restore(store: Store, folder: Path, source: Path) -> Path:
    """Replace the store's content with a backup of the same unit. Returns the backup of what was replaced."""
    info = inspect_backup(source)
    if info["unit_code"] != store.unit_code:
        raise StoreError(
            f"Tệp {source.name} là dữ liệu của đơn vị {info['unit_code']}, không phải của đơn vị này "
            f"({store.unit_code}). Không khôi phục."
        )
    problems = _check_file(source, store)
    if problems:
        raise StoreError(f"Tệp {source.name} không toàn vẹn: {problems[0]} Không khôi phục.")
    saved = make_backup(store, folder, "restore")
    restore_into(source, store.db.conn)
    store.migrate()  # a backup from an older version comes up to date
    log.info("restored from %s (previous data saved in %s)", source, saved)
    return saved


def restore_installation(inst, source: Path) -> Path:
    """:func:`restore` for an open installation: replacing all the data is the approver's (when password
    protection is on). Returns the backup of what was replaced."""
    inst.session.require(APPROVER, "khôi phục dữ liệu từ bản sao lưu")
    inst.wait_for_backup()
    return restore(inst.store, inst.folder, Path(source))


def _check_file(source: Path, store: Store) -> list[str]:
    """Run the integrity and audit checks on a temporary copy (never on the user's file)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "check.sqlite"
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            backup_to(src, copy)
        finally:
            src.close()
        other = Store.open(copy, store.forms, create=False)
        try:
            return other.check()
        finally:
            other.close()
