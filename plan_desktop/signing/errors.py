"""The one error type of the signing package (its message written for the officer), and reading the files the
officer names (certificates), refused as that error."""

from __future__ import annotations

from pathlib import Path

from plan_desktop.paths import NotARegularFileError, require_regular_file
from plan_desktop.usererror import UserError


class SigningError(UserError, ValueError):
    """Signing, verifying or importing a trust root failed; ``str(exc)`` says why, in Vietnamese."""


def read_given_file(path: Path, what_vi: str, what_en: str) -> bytes:
    """The bytes of a file the officer named (a certificate, a .p12): a folder, a pipe or a device is refused
    before anything is read (a FIFO would wait forever); a missing or unreadable file is a SigningError."""
    path = Path(path)
    if not path.exists():
        raise SigningError(f"Không tìm thấy {what_vi} «{path}».", en=f"The {what_en} «{path}» was not found.")
    try:
        require_regular_file(path, what_vi)
        return path.read_bytes()
    except NotARegularFileError as exc:
        raise SigningError(str(exc), en=exc.en) from None
    except OSError as exc:
        raise SigningError(f"Không đọc được {what_vi} «{path}»: {exc.strerror}.",
                           en=f"Cannot read the {what_en} «{path}»: {exc.strerror}.") from None
