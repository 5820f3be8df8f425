"""Locked periods: once a period's report is signed, records dated in it can no longer be added,
changed or deleted. :class:`PeriodLockGuard` is the ``RecordService`` guard that refuses them;
``Installation.records()`` installs it. (Signing, reopening and the report list are
``services/signing.py``; this module needs none of it, so the installation does not import signing.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlite_utils import Database

from plan_desktop.domain.forms import FormDef
from plan_desktop.domain.periods import Period
from plan_desktop.services.records import RecordError, RecordService
from plan_desktop.signing.timefmt import VN_TZ
from plan_desktop.store import Store, signed
from plan_desktop.store.periods import record_span


class HasStore(Protocol):
    """Anything with the store whose records are guarded (an installation)."""

    store: Store


def day_vi(iso: str | None) -> str:
    """An ISO moment as dd/mm/yyyy in Vietnam's time zone; empty for none."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    return moment.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class PeriodLock:
    id: int
    period: str
    unit_code: str
    start_date: date
    end_date: date
    locked_at: str
    locked_by: str | None
    report_id: int | None
    reopened_at: str | None
    reopen_reason: str | None


def lock_of(row: Mapping[str, Any]) -> PeriodLock:
    return PeriodLock(row["id"], row["period"], row["unit_code"], date.fromisoformat(row["start_date"]),
                      date.fromisoformat(row["end_date"]), row["locked_at"], row["locked_by"], row["report_id"],
                      row["reopened_at"], row["reopen_reason"])


class PeriodLockGuard:
    """``RecordService`` guard: refuse any write to a record dated inside an actively locked period.

    A record is inside a locked period when its date (a year field: its whole year) lies within the
    period's bounds as they were drawn when it was locked.
    """

    def __init__(self, db: Database):
        self.db = db

    def _active_locks(self) -> list[dict[str, Any]]:
        """The locks not reopened (few: one per signed period), oldest period first."""
        return signed.active_locks(self.db)

    @staticmethod
    def _covering(locks: list[dict[str, Any]], form: FormDef, row: Mapping[str, Any]
                  ) -> tuple[tuple[date, date], dict[str, Any]] | None:
        """The record's span and the first of ``locks`` that covers it, if any."""
        span = record_span(form, row)
        if span is None:
            return None
        start, end, unit = span[0].isoformat(), span[1].isoformat(), row.get("unit_code")
        for lock in locks:
            if lock["unit_code"] == unit and lock["start_date"] <= start and lock["end_date"] >= end:
                return span, lock
        return None

    def lock_for(self, form: FormDef, row: Mapping[str, Any]) -> PeriodLock | None:
        """The active lock covering this record, if any (the window may show such records read-only)."""
        hit = self._covering(self._active_locks(), form, row) if form.period_field else None
        return lock_of(hit[1]) if hit else None

    def __call__(self, form: FormDef, row: Mapping[str, Any]) -> None:
        self.for_batch(form)(form, row)

    def for_batch(self, form: FormDef):
        """The check for many rows of ``form`` (an import; one row is a batch of one): the active locks
        are read once, inside the caller's transaction, and each row is checked in memory."""
        locks = self._active_locks() if form.period_field else []
        if not locks:
            return lambda _form, _row: None

        def check(form: FormDef, row: Mapping[str, Any]) -> None:
            hit = self._covering(locks, form, row)
            if hit is not None:
                self._refuse(form, *hit)

        return check

    @staticmethod
    def _refuse(form: FormDef, span: tuple[date, date], lock: Mapping[str, Any]) -> None:
        try:
            label = Period.parse(lock["period"]).label_vi()
        except ValueError:
            label = lock["period"]
        field_label = form.field(form.period_field).label
        when = span[0].strftime("%d/%m/%Y") if span[0] == span[1] else str(span[0].year)
        signed_on = day_vi(lock["report_signed_at"] or lock["locked_at"])
        raise RecordError(
            f"Kỳ báo cáo {label} ({lock['period']}) đã được ký báo cáo ngày {signed_on} nên đã bị khóa: không thêm, "
            f"sửa hoặc xóa được bản ghi «{form.label}» có {field_label.lower()} {when} thuộc kỳ này. "
            f"Nếu cần sửa, người có thẩm quyền phải mở lại kỳ báo cáo (nêu lý do); báo cáo đã ký của kỳ "
            f"sẽ bị đánh dấu «đã bị thay thế» và phải ký lại.",
            en=f"The report period {label} ({lock['period']}) was closed when its report was signed on {signed_on}: "
               f"records of «{form.label}» dated {when} in this period cannot be added, changed or deleted. "
               f"To correct them, an authorised person must reopen the period (giving a reason); the period's signed "
               f"report will be marked «replaced» and must be signed again.",
        )


def install_period_locks(service: RecordService, inst: HasStore) -> PeriodLockGuard:
    """Make ``service`` refuse writes to records of locked periods. Idempotent; returns the guard.

    Call it wherever a RecordService is made for an installation (``Installation.records()``).
    """
    for g in service.guards:
        if isinstance(g, PeriodLockGuard):
            return g
    guard = PeriodLockGuard(inst.store.db)
    service.guards.append(guard)
    return guard


