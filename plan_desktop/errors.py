"""Turning exceptions into messages an officer can act on, in Vietnamese or English."""

from __future__ import annotations

import errno

from plan_desktop.usererror import UserError


def _db_error(exc: BaseException, name: str) -> bool:
    """Whether ``exc`` is the ``sqlite3`` exception ``name`` or that of the SQLCipher binding (``sqlcipher3``,
    whose classes are its own, not subclasses of the standard ones)."""
    return any(cls.__name__ == name and cls.__module__.split(".")[0] in ("sqlite3", "sqlcipher3")
               for cls in type(exc).__mro__)


def user_message(exc: BaseException, lang: str = "vi") -> str | None:
    """A message for ``exc`` in ``lang`` ("vi" or "en"; English where the error carries one), or None for a
    programming error (show the crash dialog, log the details)."""
    if isinstance(exc, UserError):
        return exc.text(lang)
    pair = _known(exc)
    if pair is None:
        return None
    return pair[1] if lang == "en" else pair[0]


def _known(exc: BaseException) -> tuple[str, str] | None:
    """(Vietnamese, English) for the database and file errors an officer can meet."""
    if _db_error(exc, "OperationalError"):
        text = str(exc)
        if "locked" in text or "busy" in text:
            return ("Tệp dữ liệu đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.",
                    "The data file is in use by another program. Close that program and try again.")
        if "readonly" in text or "read-only" in text:
            return ("Không ghi được vào tệp dữ liệu: thư mục chỉ cho phép đọc.",
                    "Cannot write to the data file: the folder is read-only.")
        if "disk" in text and "full" in text:
            return ("Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại; "
                    "dữ liệu cũ vẫn còn nguyên.",
                    "The disk is full: nothing was written. Free some space and try again; the data is intact.")
        return f"Lỗi khi làm việc với tệp dữ liệu: {text}.", f"Error while working with the data file: {text}."
    if _db_error(exc, "DatabaseError"):
        return (f"Tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của chương trình ({exc}).",
                f"The data file is damaged or is not a data file of this program ({exc}).")
    if isinstance(exc, OverflowError):  # a number past SQLite's 64 bits reached a write: nothing was written
        return ("Có một số quá lớn (vượt quá 9.223.372.036.854.775.807): không ghi được, dữ liệu không thay đổi.",
                "A number is too large (over 9,223,372,036,854,775,807): nothing was written, the data is unchanged.")
    if isinstance(exc, OSError):
        name = f" «{exc.filename}»" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return (f"Ổ đĩa đã đầy, không ghi được{name}. Dữ liệu cũ vẫn còn nguyên.",
                    f"The disk is full; could not write{name}. The data is intact.")
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"Không có quyền ghi/đọc{name}.", f"No permission to read or write{name}."
        if exc.errno == errno.ENOENT:
            return f"Không tìm thấy tệp hoặc thư mục{name}.", f"File or folder not found{name}."
        return (f"Lỗi đọc/ghi tệp{name}: {exc.strerror or exc}.",
                f"Error reading or writing the file{name}: {exc.strerror or exc}.")
    return None
