"""Turning exceptions into messages an officer can act on (Vietnamese)."""

from __future__ import annotations

import errno
import sqlite3

#: Exception types whose message is already written for the officer.
_USER_FACING: tuple[type[BaseException], ...] = ()


def _user_facing() -> tuple[type[BaseException], ...]:
    global _USER_FACING
    if not _USER_FACING:
        from plan_desktop.domain.forms import FormDefinitionError, UnknownFormError
        from plan_desktop.domain.periods import PeriodError
        from plan_desktop.domain.plan import PlanError
        from plan_desktop.domain.units import UnitDataError, UnknownUnitError
        from plan_desktop.domain.validation import ValidationError
        from plan_desktop.exchange.errors import ExchangeError
        from plan_desktop.paths import ResourceMissingError
        from plan_desktop.services.access import AccessError
        from plan_desktop.signing.errors import SigningError
        from plan_desktop.services.installation import SetupError
        from plan_desktop.services.records import RecordError
        from plan_desktop.services.tabular import ImportFileError
        from plan_desktop.store import StoreError

        _USER_FACING = (
            FormDefinitionError, UnknownFormError, PeriodError, UnknownUnitError, ValidationError,
            SetupError, RecordError, ImportFileError, StoreError, AccessError,
            ExchangeError, SigningError, ResourceMissingError, UnitDataError, PlanError,
        )
    return _USER_FACING


def user_message(exc: BaseException) -> str | None:
    """A Vietnamese message for ``exc``, or None for a programming error (show the crash dialog)."""
    if isinstance(exc, _user_facing()):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "locked" in text or "busy" in text:
            return "Tệp dữ liệu đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại."
        if "readonly" in text or "read-only" in text:
            return "Không ghi được vào tệp dữ liệu: thư mục chỉ cho phép đọc."
        if "disk" in text and "full" in text:
            return "Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; dữ liệu cũ vẫn còn nguyên."
        return f"Lỗi khi làm việc với tệp dữ liệu: {text}."
    if isinstance(exc, sqlite3.DatabaseError):
        return f"Tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của chương trình ({exc})."
    if isinstance(exc, OSError):
        name = f" «{exc.filename}»" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return f"Ổ đĩa đã đầy, không ghi được{name}. Dữ liệu cũ vẫn còn nguyên."
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"Không có quyền ghi/đọc{name}."
        if exc.errno == errno.ENOENT:
            return f"Không tìm thấy tệp hoặc thư mục{name}."
        return f"Lỗi đọc/ghi tệp{name}: {exc.strerror or exc}."
    return None
