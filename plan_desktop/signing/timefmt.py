"""Signing times shown the Vietnamese way, in Vietnam's time zone (UTC+7, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

#: Giờ Đông Dương (Indochina Time): every signing time is shown and stored in it.
VN_TZ = timezone(timedelta(hours=7), "GMT+7")

#: ``strftime`` pattern of the stamp: ``14:05:09 ngày 30/06/2020 (GMT+7)``.
STAMP_TIME_FORMAT = "%H:%M:%S ngày %d/%m/%Y (GMT+7)"


def now_vn() -> datetime:
    return datetime.now(UTC).astimezone(VN_TZ).replace(microsecond=0)


def format_vn(moment: datetime | None) -> str:
    """``14:05:09 ngày 30/06/2020 (GMT+7)``; empty for None. Naive datetimes are taken as UTC."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ).strftime(STAMP_TIME_FORMAT)
