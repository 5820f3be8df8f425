"""Turning exceptions into messages an officer can act on (Vietnamese)."""

from __future__ import annotations

import errno
import sqlite3

from plan_desktop.usererror import UserError


def user_message(exc: BaseException, lang: str = "vi") -> str | None:
    """A message for ``exc`` (Vietnamese; English where the error carries one and ``lang`` is "en"),
    or None for a programming error (show the crash dialog, log the details)."""
    if isinstance(exc, UserError):
        return exc.text(lang)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "locked" in text or "busy" in text:
            return "Tệp dữ liệu đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại."
        if "readonly" in text or "read-only" in text:
            return "Không ghi được vào tệp dữ liệu: thư mục chỉ cho phép đọc."
        if "disk" in text and "full" in text:
            return ("Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; "
                    "dữ liệu cũ vẫn còn nguyên.")
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
