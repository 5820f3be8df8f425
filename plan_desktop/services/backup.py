"""Backups of the store: automatic (first start of the day, before imports and migrations), on demand,
and restore.

Backups are whole SQLite files written with the online backup API into ``<data folder>/backups``,
named ``<unit>_<UTC time>_<reason>.sqlite``; the newest N are kept (setting ``backup_keep``,
default 20). A restore refuses a file that is not a valid backup of this unit, keeps a backup of
what it replaces, and swaps the data in one transaction.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plan_desktop import paths
from plan_desktop.domain.forms import default_forms
from plan_desktop.services import integrity
from plan_desktop.services.access import APPROVER, OPEN_SESSION, AccessError, data_key, read_slots_file, unlock
from plan_desktop.store import Store, StoreError, audit, backups, exchange_state, lock, utc_now
from plan_desktop.store.backup import (
    SCRATCH_DIR,
    backup_to,
    copy_database,
    fsync_dir,
    private_dir,
    restore_into,
)
from plan_desktop.store.db import driver_errors, is_encrypted, raw_connect

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


def _write(conn, dest: Path, key: bytes | None = None) -> None:
    try:
        backup_to(conn, dest, key=key)
    except OSError as exc:
        raise StoreError(f"Không ghi được bản sao lưu vào {dest.parent}: {exc.strerror or exc}.",
                         en=f"Cannot write the backup to {dest.parent}: {exc.strerror or exc}.") from exc


def _dest(store: Store, folder: Path, reason: str) -> Path:
    return paths.backup_dir(folder) / f"{store.unit_code or '0'}_{_stamp()}_{reason}.sqlite"


def make_backup(store: Store, folder: Path, reason: str = "manual", out: Path | None = None) -> Path:
    """A consistent copy of the store. With ``out`` the copy goes there (not counted for retention)."""
    dest = out or _dest(store, folder, reason)
    _write(store.db.conn, dest, store.key)  # encrypted as the data file is
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
    dest, keep, source, key = _dest(store, folder, "daily"), _keep(store), store.path, store.key

    def run() -> None:
        try:
            conn = raw_connect(source, key=key)
            try:
                backups.set_busy_timeout(conn, 5000)
                _write(conn, dest, key)
            finally:
                conn.close()
            log.info("backup written: %s (daily, in the background)", dest)
            _prune_files(folder, keep)
        except (StoreError, *driver_errors("Error"), OSError) as exc:
            log.warning("daily backup failed: %s", exc)

    thread = threading.Thread(target=run, name="daily-backup")
    thread.start()
    return thread


def inspect_backup(path: Path, key: bytes | None = None) -> dict[str, str]:
    """Read a candidate backup's identity (unit, version) without changing it; raise StoreError if it
    is not a plan_desktop data file or is damaged. ``key``: the data key of this folder, for an encrypted
    backup (a plain one is read without it)."""
    if not path.exists():
        raise StoreError(f"Không tìm thấy tệp {path}.",
                         en=f"File not found: {path}.")
    if not path.is_file():
        raise StoreError(f"«{path}» không phải là một tệp (là thư mục hoặc thiết bị); hãy chọn tệp sao lưu .sqlite.",
                         en=f"«{path}» is not a file (it is a folder or a device); please choose a .sqlite "
                            "backup file.")
    not_ours = f"Tệp {path.name} không phải là tệp sao lưu dữ liệu của chương trình."
    not_ours_en = f"The file {path.name} is not a backup of the program's data."
    encrypted = is_encrypted(path)
    if encrypted and key is None:
        raise StoreError(f"Tệp {path.name} không phải là tệp sao lưu dữ liệu của chương trình, hoặc là bản sao lưu "
                         "được mã hóa (khi bật bảo vệ bằng mật khẩu) mà thư mục dữ liệu này hiện không được bảo vệ.",
                         en=f"The file {path.name} is not a backup of the program's data, or it is a backup encrypted "
                            "(with password protection) while this data folder is not protected.")
    if encrypted:
        not_ours = (f"Tệp {path.name} không phải là tệp sao lưu dữ liệu của chương trình, hoặc được mã hóa bằng mật "
                    "khẩu của một lần bật bảo vệ khác (trước khi tắt rồi bật lại).")
        not_ours_en = (f"The file {path.name} is not a backup of the program's data, or it is encrypted with the "
                       "password of another protection (before it was turned off and on again).")
    try:
        conn = raw_connect(path, key=key if encrypted else None, readonly=True)
        try:
            ok = backups.quick_check(conn)
            if ok != "ok":
                raise StoreError(f"Tệp {path.name} bị hỏng ({ok}); không khôi phục từ tệp này.",
                                 en=f"The file {path.name} is damaged ({ok}); not restoring from this file.")
            settings, meta = backups.settings_and_meta(conn)
        finally:
            conn.close()
    except (*driver_errors(), UnicodeDecodeError):
        raise StoreError(not_ours,
                         en=not_ours_en) from None
    try:
        unit = json.loads(settings["unit_code"]) if "unit_code" in settings else None
    except ValueError:
        unit = None
    if not unit or not isinstance(unit, str):
        raise StoreError(not_ours,
                         en=not_ours_en)
    return {"unit_code": unit, "created_by_version": meta.get("created_by_version", "")}


def newest_good_backup(folder: Path, unit_code: str | None = None, key: bytes | None = None) -> BackupInfo | None:
    """The newest backup in the folder that opens as this program's data (of ``unit_code`` when given;
    an encrypted one only with ``key``)."""
    for info in list_backups(folder):
        if unit_code and info.unit_code != unit_code:
            continue
        try:
            inspect_backup(info.path, key)
        except StoreError:
            continue
        return info
    return None


def damaged_offer(folder: Path, key: bytes | None = None) -> tuple[str, Path | None]:
    """What to say after «the data file is damaged»: the newest good backup and how to restore it."""
    good = newest_good_backup(folder, key=key)
    if good is None:
        return ("Không có bản sao lưu nào còn tốt trong thư mục dữ liệu; hãy tìm bản sao lưu trên USB hoặc máy khác "
                "rồi khôi phục bằng «plan-desktop restore TỆP».", None)
    when = f"{good.taken_at.astimezone():%d/%m/%Y %H:%M}"
    return (f"Bản sao lưu gần nhất còn tốt: {good.path.name} ({when}, {good.reason_vi}). Khôi phục bằng "
            f"«plan-desktop restore \"{good.path}\"» (tệp hỏng được giữ lại bên cạnh).", good.path)


def _prepare(source: Path, folder: Path, forms, unit_code: str, current: Store | None,
             key: bytes | None = None, anchored: list[dict] | None = None) -> Path:
    """Copy the backup into the data folder's scratch space, bring it to this version, refuse it when it
    is not sound, and carry over what a restore must not take back. Returns the prepared copy.

    Refused: another unit's file, a damaged one, one whose audit chain or records do not match, and one
    whose schema holds anything the program did not make (a trigger, a view, a table). Carried over from
    the data being replaced (``current``, when it can be read): the periods still locked by a signed report
    (with the report), the packages already sent (so the next export's sequence number is above them), and
    the password slots, which belong with the folder's key files (from the copy beside the data file, or
    from ``current``)."""
    info = inspect_backup(source, key)
    if info["unit_code"] != unit_code:
        raise StoreError(
            f"Tệp {source.name} là dữ liệu của đơn vị {info['unit_code']}, không phải của đơn vị này "
            f"({unit_code}). Không khôi phục.",
            en=f"The file {source.name} holds the data of unit {info['unit_code']}, not of this unit "
               f"({unit_code}). Not restored.",
        )
    scratch = private_dir(folder / SCRATCH_DIR)
    copy = scratch / "restore.sqlite"
    for leftover in scratch.glob("restore.sqlite*"):
        leftover.unlink()
    # encrypted as the data file is (``key``), whether the backup was plain or not
    copy_database(source, copy, src_key=key if is_encrypted(source) else None, dest_key=key)
    try:
        other = Store.open(copy, forms, create=False, key=key)
    except StoreError as exc:
        raise StoreError(f"Tệp {source.name} không dùng được: {exc} Không khôi phục.",
                         en=f"The file {source.name} cannot be used: {exc.text('en')} Not restored.") from None
    try:
        problems = other.check()
        if problems:
            raise StoreError(f"Tệp {source.name} không toàn vẹn: {problems[0]} Không khôi phục.",
                             en=f"The file {source.name} is not intact: it fails the program's integrity "
                                f"check ({len(problems)} problem(s): data changed outside the program or "
                                "damaged). Not restored.")
        carried = _carry_over(other, current, folder, source, anchored or [])
    finally:
        other.close()
    log.info("restore of %s prepared: %s", source, carried)
    return copy


def _carry_over(target: Store, current: Store | None, folder: Path, source: Path, anchored: list[dict]) -> str:
    """Inside one transaction on ``target``: locks, sent packages and slots from ``current`` (or, when it
    cannot be read, the locks the signed anchor lists); an audit row."""
    notes: list[str] = []
    db = target.db
    with db.atomic():
        if current is not None:
            notes += _carry_locks(db, current)
            notes += _carry_exports(db, current)
        else:
            notes += _lock_anchored(db, anchored)
        slots = read_slots_file(folder)
        if slots is None and current is not None:
            slots = current.get_setting("access_slots") or {}
        if slots is not None and slots != (target.get_setting("access_slots") or {}):
            backups.set_access_slots(db, json.dumps(slots, ensure_ascii=False), utc_now())
            notes.append("giữ mật khẩu hiện tại")
        note = f"Khôi phục dữ liệu từ tệp {source.name}" + (f" ({'; '.join(notes)})" if notes else "") + "."
        audit.append(db, at=utc_now(), actor="", action="restore", form=None, record_id=None,
                     unit_code=target.unit_code, revision=None, content_hash=None, note=note)
    return note


def _carry_locks(db, current: Store) -> list[str]:
    """Periods locked (by a signed report) in the data being replaced but not in the backup."""
    if not (current.db["period_locks"].exists() and current.db["signed_reports"].exists()):
        return []
    have = backups.open_lock_keys(db)
    carried = []
    for held in backups.open_locks(current):
        if (held["unit_code"], held["period"]) in have:
            continue
        report_id = None
        if held["report_id"] is not None:
            found = backups.signed_report(current, held["report_id"])
            if found:
                rep = {k: v for k, v in found.items() if k != "id"}
                report_id = backups.insert_row(db, "signed_reports", rep)
        row = {k: v for k, v in held.items() if k != "id"}
        row["report_id"] = report_id
        backups.insert_row(db, "period_locks", row)
        carried.append(held["period"])
    return [f"giữ khóa kỳ đã ký {', '.join(carried)}"] if carried else []


def _lock_anchored(db, anchored: list[dict]) -> list[str]:
    """Lock again the periods the anchor (signed by the unit) lists as locked but the backup does not."""
    have = backups.open_lock_keys(db)
    carried = []
    for lk in anchored:
        if (lk["unit_code"], lk["period"]) in have:
            continue
        backups.add_anchored_lock(db, lk, utc_now())
        carried.append(lk["period"])
    return [f"khóa lại kỳ đã ký {', '.join(carried)} theo tệp neo"] if carried else []


def _carry_exports(db, current: Store) -> list[str]:
    """Packages sent after the backup was taken: kept in the list so that the next package's sequence
    number is above every number already used (the level above refuses a number used twice). Their
    change marks are cleared: the records they carried are sent again by the next package."""
    if not current.db["exchange_exports"].exists():
        return []
    top = exchange_state.last_export_seq(db)
    later = backups.exports_after(current, top)
    for row in later:
        row.update(upto_change_seq=0, upto_archive_id=0, status_reason="Gói gửi trước khi khôi phục dữ liệu.")
        backups.insert_row(db, "exchange_exports", row)
    return [f"giữ số thứ tự gói đã gửi đến {later[-1]['seq']}"] if later else []


def restore(store: Store, folder: Path, source: Path) -> Path:
    """Replace the store's content with a backup of the same unit. Returns the backup of what was replaced.

    The backup is checked and prepared in a copy inside the data folder (:func:`_prepare`), then copied
    into the live file in one transaction; the audit log says so."""
    try:
        copy = _prepare(source, folder, store.forms, store.unit_code or "", store, store.key)
        saved = make_backup(store, folder, "restore")
        restore_into(copy, store.db.conn, store.key)
        store.migrate()  # the seal's triggers again, on the restored tables
    finally:
        shutil.rmtree(folder / SCRATCH_DIR, ignore_errors=True)
    log.info("restored from %s (previous data saved in %s)", source, saved)
    return saved


def restore_damaged(folder: Path, source: Path, forms=None, password: str | None = None) -> Path:
    """Put a backup in place of a data file that cannot be opened (damaged, empty, not SQLite).

    The damaged file is kept beside it (``plan_desktop.sqlite.damaged-<time>``); the backup is checked
    and prepared as by :func:`restore`. When the folder is password-protected (its slots kept beside the
    data file) the approver's ``password`` is needed and the result is encrypted. Returns the path the
    damaged file was moved to."""
    db_file = paths.db_path(folder)
    key, session = None, OPEN_SESSION
    slots = read_slots_file(folder)
    if slots:
        if password is None:
            raise AccessError("Dữ liệu được bảo vệ bằng mật khẩu: cần mật khẩu của người phê duyệt để khôi phục.",
                              en="The data is protected by a password: the approver's password is needed to restore.")
        session = unlock(folder, slots, password)
        session.require(APPROVER, "khôi phục dữ liệu từ bản sao lưu")
        key = data_key(session.kek)  # type: ignore[arg-type]
    anchored = integrity.anchored_locks(folder, session.unprotect)  # the damaged file's locks, signed
    lock.acquire(folder)
    try:
        info = inspect_backup(source, key)
        try:
            copy = _prepare(source, folder, forms or default_forms(), info["unit_code"], None, key, anchored)
            kept = db_file.with_name(f"{db_file.name}.damaged-{_stamp()}")
            if db_file.exists():
                os.replace(db_file, kept)
            for extra in ("-wal", "-shm"):
                side = db_file.with_name(db_file.name + extra)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + extra))
            os.replace(copy, db_file)
            fsync_dir(folder)
            integrity.remove_stale_anchor(folder)  # it vouched for the damaged history; the next open writes one
        finally:
            shutil.rmtree(folder / SCRATCH_DIR, ignore_errors=True)
    finally:
        lock.release(folder)
    log.warning("damaged data file replaced by %s (kept as %s)", source, kept)
    return kept


def restore_installation(inst, source: Path) -> Path:
    """:func:`restore` for an open installation: replacing all the data is the approver's (when password
    protection is on). Returns the backup of what was replaced. The anchor follows the restored history."""
    inst.session.require(APPROVER, "khôi phục dữ liệu từ bản sao lưu")
    inst.wait_for_backup()
    saved = restore(inst.store, inst.folder, Path(source))
    integrity.write_anchor(inst)
    return saved
