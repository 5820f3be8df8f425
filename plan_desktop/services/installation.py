"""An installation: one data folder, set up for one unit, with its store and services.

The unit's level (commune, district, province) decides what the program does; the CLI and the
window both start here.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import plan_desktop
from plan_desktop import paths
from plan_desktop.domain.forms import FormSet
from plan_desktop.domain.periods import Cutoff, Period
from plan_desktop.domain.units import Level, Unit, UnitRegistry, default_registry
from plan_desktop.reports.context import ReportContext
from plan_desktop.services import backup, integrity
from plan_desktop.services.access import (
    OPEN_SESSION,
    Access,
    AccessError,
    Session,
    data_key,
    folder_locked,
    protect_key_files,
    read_slots_file,
    reencrypt,
    unlock,
)
from plan_desktop.services.locks import install_period_locks
from plan_desktop.services.records import RecordService
from plan_desktop.store import Store, StoreError, lock, utc_now
from plan_desktop.store.backup import private_dir, remove_leftovers
from plan_desktop.store.db import DamagedStoreError, damaged_message, damaged_message_en
from plan_desktop.usererror import UserError

log = logging.getLogger(__name__)

#: Last year of the plan (1295/KH-UBND covers 2016–2020).
PLAN_FIRST_YEAR = 2016
PLAN_LAST_YEAR = 2020


class PasswordRequired(AccessError):
    """An encrypted data folder was opened without a password (Vietnamese message)."""


class SetupError(UserError, ValueError):
    """Set-up refused (Vietnamese message)."""


def default_year(today: date | None = None) -> int:
    """The working year: this year while the plan runs, else the plan's last year."""
    today = today or date.today()
    return min(max(today.year, PLAN_FIRST_YEAR), PLAN_LAST_YEAR)


@dataclass
class Installation:
    folder: Path
    store: Store
    units: UnitRegistry
    _closed: bool = False
    #: The day's first backup when it runs on a thread (see :meth:`start_daily_backup`).
    _backup_thread: threading.Thread | None = None
    #: Who is working (role and key-encryption key); see services/access.py. Open: approver, no key.
    session: Session = OPEN_SESSION

    # -- opening ------------------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, *, forms: FormSet | None = None, require_setup: bool = True,
             daily_backup: bool = True, password: str | None = None) -> Installation:
        """Open a set-up data folder: take the folder lock, back up before a migration, migrate,
        and make the first backup of the day.

        An encrypted data file (password protection on) opens only with ``password``, either role's:
        :class:`PasswordRequired` without one, :class:`AccessError` for a wrong one (after the growing
        wait of :func:`access.unlock`); the session is then that role's."""
        db = paths.db_path(folder)
        session, key = OPEN_SESSION, None
        missed: list[tuple[str, str]] = []
        if folder_locked(folder):
            slots = read_slots_file(folder) or {}
            if password is None:
                raise PasswordRequired("Dữ liệu được bảo vệ bằng mật khẩu; hãy nhập mật khẩu.",
                                       en="The data is protected by a password; please enter the password.")
            # the wrong passwords before this one go to the audit log once the file is open
            session = unlock(folder, slots, password, lambda count, note, action: missed.append((note, action)))
            key = data_key(session.kek)  # type: ignore[arg-type]
        if require_setup and not db.exists():
            raise StoreError(
                f"Thư mục dữ liệu {folder} chưa được thiết lập. Hãy chạy «plan-desktop init --unit MÃ_ĐƠN_VỊ».",
                en=f"The data folder {folder} has not been set up. Run «plan-desktop init --unit UNIT_CODE».",
            )
        lock.acquire(folder)
        try:
            remove_leftovers(folder)  # copies a kill cut off (.part, a restore's scratch copy)
            if db.exists() and db.stat().st_size == 0:
                raise DamagedStoreError(damaged_message(db, "tệp rỗng, 0 byte"),
                                        en=damaged_message_en(db, "empty file, 0 bytes"))
            store = Store.open(db, forms, key=key,
                               before_migrate=lambda s: backup.make_backup(s, folder, "migration"))
        except DamagedStoreError as exc:
            lock.release(folder)
            offer, good = backup.damaged_offer(folder, key)
            raise DamagedStoreError(f"{exc} {offer}", backup=good, damage=str(exc),
                                    en=exc.en) from exc.__cause__
        except BaseException:
            lock.release(folder)
            raise
        inst = cls(folder, store, default_registry(), session=session)
        if require_setup and not store.unit_code:
            inst.close()
            raise StoreError(f"Thư mục dữ liệu {folder} chưa được thiết lập cho đơn vị nào.",
                             en=f"The data folder {folder} has not been set up for any unit.")
        for note, action in missed:
            inst.access.record_login(0, note, action)
        if not inst.access.enabled or session.kek is not None:  # else written once logged in (login)
            integrity.ensure_anchor(inst)
        if daily_backup:
            try:
                backup.daily_backup(store, folder)
            except StoreError as exc:  # a full disk must not stop the officer from working
                log.warning("daily backup failed: %s", exc)
        return inst

    @classmethod
    def init(cls, folder: Path, unit_code: str, *, officer: str = "", title: str = "",
             forms: FormSet | None = None, extra_settings: dict[str, Any] | None = None) -> Installation:
        """Set a data folder up for one unit. Refuses an unknown code and a folder that has data."""
        units = default_registry()
        code = unit_code.strip()
        if units.get(code) is None:
            raise SetupError(f"Mã đơn vị «{code}» không có trong danh mục đơn vị hành chính của tỉnh.",
                             en=f"The unit code «{code}» is not in the province's list of administrative units.")
        db = paths.db_path(folder)
        try:
            if not folder.exists():
                private_dir(folder)  # owner-only: it holds the data, its backups, logs and keys
        except OSError as exc:
            raise SetupError(f"Không tạo được thư mục dữ liệu {folder}: {exc.strerror}.",
                             en=f"Cannot create the data folder {folder}: {exc.strerror}.") from None
        lock.acquire(folder)
        try:
            if db.exists() and db.stat().st_size == 0 and any(paths.backup_dir(folder).glob("*.sqlite")):
                raise SetupError(
                    f"Tệp dữ liệu {db} rỗng (0 byte) nhưng thư mục có bản sao lưu: dữ liệu đã bị hỏng, không thiết "
                    "lập lại đè lên. Hãy khôi phục từ bản sao lưu («plan-desktop backups», «plan-desktop "
                    "restore TỆP»).",
                    en=f"The data file {db} is empty (0 bytes) but the folder has backups: the data is damaged "
                       "and is not "
                       "set up again over it. Restore from a backup («plan-desktop backups», «plan-desktop "
                       "restore FILE»).",
                )
            store = Store.open(db, forms)
        except BaseException:
            lock.release(folder)
            raise
        existing = store.unit_code
        if existing:
            store.close()
            lock.release(folder)
            raise SetupError(
                f"Thư mục {folder} đã được thiết lập cho đơn vị {existing}; "
                "không thiết lập lại để tránh mất dữ liệu. Hãy chọn thư mục khác.",
                en=f"The folder {folder} is already set up for unit {existing}; "
                   "it is not set up again, to avoid losing data. Please choose another folder.",
            )
        from plan_desktop.exchange.errors import ExchangeError
        from plan_desktop.exchange.keys import ensure_keys  # cryptography, only when setting up
        extra = dict(extra_settings or {})  # the officer's values go through services.settings afterwards

        try:  # the unit's exchange keys, so that a fresh installation can export at once
            ensure_keys(paths.keys_dir(folder))
        except (ExchangeError, OSError) as exc:
            store.close()
            lock.release(folder)
            raise SetupError(
                f"Không tạo được khóa trao đổi dữ liệu của đơn vị trong {paths.keys_dir(folder)}: {exc}",
                en=f"Cannot create the unit's data exchange key in {paths.keys_dir(folder)}: {exc}",
            ) from None
        settings: dict[str, Any] = {
            "unit_code": code,
            "officer_name": officer.strip(),
            "officer_title": title.strip(),
            "period_cutoff": Cutoff.CALENDAR.value,
            "working_year": default_year(),
            "signer_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH",
            "signer_position": "CHỦ TỊCH",
            "signer_name": "",
            "initialised_at": utc_now(),
            "initialised_by_version": plan_desktop.__version__,
        }
        settings.update(extra)
        if "signer_title" in extra:
            settings["signer_position"] = extra["signer_title"]
        store.set_settings(settings)
        return cls(folder, store, units)

    @property
    def access(self) -> Access:
        return Access(self.store)

    def login(self, password: str) -> Session:
        """Check a password (when protection is on) and remember who is working."""
        self.session = self.access.login(password)
        if self.session.kek is not None and self.store.key is None:
            # protected but still plain (made before encryption, or a crash while enabling): encrypt now
            reencrypt(self, data_key(self.session.kek))
        integrity.ensure_anchor(self)
        try:  # key files left plain while protection is on (e.g. a crash while enabling it)
            protect_key_files(self.folder, self.session)
        except Exception as exc:  # still readable as they are: never stop a login for this
            log.warning("could not encrypt the private key files: %s", exc)
        return self.session

    def start_daily_backup(self) -> threading.Thread | None:
        """The first backup of the day on a thread (for the window: it opens without waiting); the
        data folder stays locked until it is written. None when one was taken today already."""
        self._backup_thread = backup.daily_backup_in_background(self.store, self.folder)
        return self._backup_thread

    def wait_for_backup(self) -> None:
        """Let the day's backup (when it runs on a thread) finish: before closing, and before a restore
        replaces the data it is copying."""
        if self._backup_thread is not None:
            self._backup_thread.join()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.wait_for_backup()  # a backup being written is finished, not cut off
            try:  # the chain head, signed, outside the file (services/integrity.py)
                integrity.write_anchor(self)
            except Exception as exc:  # never keep the officer from closing
                log.warning("anchor not written: %s", exc)
            self.store.close()
            lock.release(self.folder)

    def __enter__(self) -> Installation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what this installation is ---------------------------------------------------------------------
    @property
    def unit_code(self) -> str:
        return self.store.unit_code or ""

    def unit(self, on: date | None = None) -> Unit:
        on = on or date(self.working_year, 12, 31)
        return self.units.get(self.unit_code, on) or self.units.require(self.unit_code)

    @property
    def level(self) -> Level:
        return self.unit().level

    @property
    def working_year(self) -> int:
        return int(self.store.get_setting("working_year", default_year()))

    @property
    def cutoff(self) -> Cutoff:
        return Cutoff(self.store.get_setting("period_cutoff", Cutoff.CALENDAR.value))

    def period_bounds(self, period: str | Period) -> tuple[date, date]:
        p = Period.parse(period) if isinstance(period, str) else period
        return p.bounds(self.cutoff)

    def records(self, actor: str | None = None) -> RecordService:
        service = RecordService(self.store, actor or self.store.get_setting("officer_name", "") or "")
        install_period_locks(service, self)  # records of a signed (locked) period can't be changed
        return service

    def report_context(self) -> ReportContext:
        """What reports read (``reports/context.py``): the store, the units, this unit, the cut-off."""
        return ReportContext(self.store, self.units, self.unit_code, self.cutoff, self.working_year)

    def child_units(self, on: date | None = None) -> list[Unit]:
        on = on or date(self.working_year, 12, 31)
        return self.units.children(self.unit_code, on)

    def reporting_units(self, on: date | None = None) -> list[Unit]:
        """The units whose records this installation holds: itself and every unit below it."""
        on = on or date(self.working_year, 12, 31)
        return [self.unit(on), *self.units.descendants(self.unit_code, on)]
