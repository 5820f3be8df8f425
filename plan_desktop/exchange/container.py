"""Reading and writing the ZIP containers of packages, receipts and setup files — defensively.

A file from a USB stick is hostile until proven otherwise. :func:`read_members` opens a ZIP with
bounded memory and refuses, before reading any content: too many members, duplicate names, names
that are absolute, contain ``..``, backslashes or drive letters, names outside an allow-list,
encrypted or exotically compressed members, and declared sizes over the limits. While reading it
counts the bytes actually produced, so a member that lies about its size (a zip bomb) is stopped at
the limit, not after filling the memory. Every refusal is a :class:`PackageRefused` in Vietnamese.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from plan_desktop import paths
from plan_desktop.exchange.errors import PackageRefused

_FIXED_TIME = (2016, 1, 1, 0, 0, 0)
_CHUNK = 64 * 1024

#: The largest file we open at all, and the most members a ZIP may hold.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 20_000


def write_zip(members: Iterable[tuple[str, bytes | Callable[[], Iterable[bytes]]]], *, compress: bool,
              level: int | None = None) -> bytes:
    """A ZIP with the members in the given order and fixed timestamps (same input, same bytes).
    ``level``: zlib's compression level (None: its default). A member's data may be a function giving
    its bytes in pieces: called as it is written, so that no member is held whole (the same ZIP)."""
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            if not callable(data):
                zf.writestr(info, data, compresslevel=level if compress else None)
                continue
            if compress and level is not None:  # what writestr's compresslevel sets (renamed in 3.13)
                setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", level)
            with zf.open(info, "w") as dest:
                for piece in data():
                    dest.write(piece)
    return buf.getvalue()


def stored_zip(members: list[tuple[str, bytes]]) -> bytes:
    """The one canonical encoding of an uncompressed ZIP with these members, in this order.

    Written by hand (not by :mod:`zipfile`) so that it is byte-for-byte the same on every platform
    and Python version: the reader rebuilds it from the members it read and refuses a file that
    differs in any byte, so nothing outside the signed content can be changed unnoticed.
    Names must be ASCII; sizes under 4 GiB (no ZIP64).
    """
    out = io.BytesIO()
    central = io.BytesIO()
    for name, data in members:
        raw_name = name.encode("ascii")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, crc, len(data), len(data), len(raw_name), 0
            )
        )
        out.write(raw_name)
        out.write(data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                0,
                0,
                0x21,
                crc,
                len(data),
                len(data),
                len(raw_name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
        )
        central.write(raw_name)
    cd = central.getvalue()
    cd_offset = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), cd_offset, 0))
    return out.getvalue()


_BAD_NAME = re.compile(r"(^/|^[A-Za-z]:|\\|(^|/)\.\.?(/|$)|//|[\x00-\x1f])")


def safe_name(name: str) -> bool:
    return bool(name) and len(name) <= 255 and not _BAD_NAME.search(name) and not name.endswith("/")


def require_regular(source: Path, what: str = "tệp") -> None:
    """Refuse a folder, a named pipe or a device given as a file, before reading a byte of it (a FIFO
    would wait forever, ``/dev/zero`` never end)."""
    try:
        paths.require_regular_file(source, what.lower())
    except paths.NotARegularFileError as exc:
        raise PackageRefused(str(exc), "not_a_file",
                             en=getattr(exc, "en", None) or str(exc)) from None


def read_members(
    source: bytes | Path,
    limit_for: Callable[[str], int | None],
    *,
    what: str = "tệp",
    max_total: int = MAX_FILE_BYTES,
    max_members: int = MAX_MEMBERS,
) -> dict[str, bytes]:
    """Every member of a ZIP as bytes. ``limit_for(name)`` gives the largest size allowed for a
    member, or None when the name is not allowed at all."""
    try:
        if isinstance(source, Path):
            require_regular(source, what)
            size = source.stat().st_size
            if size > MAX_FILE_BYTES:
                raise PackageRefused(f"{what} quá lớn ({size // (1024 * 1024)} MB).", "oversized",
                                     en=f"The file is too large ({size // (1024 * 1024)} MB).")
            data = source.read_bytes()
        else:
            data = source
    except OSError as exc:
        raise PackageRefused(f"Không đọc được {what}: {exc.strerror or exc}.", "unreadable",
                             en=f"The file cannot be read: {exc.strerror or exc}.") from None
    with Members(data, limit_for, what=what, max_total=max_total, max_members=max_members) as members:
        return {name: members.read(name) for name in members.names}


class Members:
    """A ZIP held in memory (its bytes, compressed), every member's name, size and method checked at
    once as :func:`read_members` checks them; a member is inflated only when :meth:`read` asks for it,
    with the same limits. A package's content is read this way twice (hashed, then parsed) instead of
    being held inflated as a whole."""

    def __init__(self, data: bytes, limit_for: Callable[[str], int | None], *, what: str = "tệp",
                 max_total: int = MAX_FILE_BYTES, max_members: int = MAX_MEMBERS):
        self.what = what
        if len(data) > MAX_FILE_BYTES:
            raise PackageRefused(f"{what} quá lớn.", "oversized", en="The file is too large.")
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise PackageRefused(
                f"{what} không phải là gói dữ liệu của chương trình, hoặc đã bị cắt cụt/hỏng.",
                "not_a_package",
                en="The file is not a data package of the program, or it is truncated or damaged.",
            ) from None
        try:
            self._infos, self._limits = _checked(self._zf, limit_for, what, max_total, max_members)
        except BaseException:
            self._zf.close()
            raise

    @property
    def names(self) -> list[str]:
        """The members' names, in the order they are stored."""
        return list(self._infos)

    def __contains__(self, name: object) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """One member's bytes (KeyError when there is no such member)."""
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """One member's bytes a piece at a time, as they are inflated (KeyError when there is no such
        member); a member larger or smaller than it declared raises PackageRefused, the smaller one
        after its last piece."""
        info = self._infos[name]
        what = self.what
        limit = min(self._limits[name], info.file_size)
        got = 0
        try:
            with self._zf.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > limit:
                        raise PackageRefused(
                            f"{what}: thành phần «{info.filename}» lớn hơn khai báo (có thể là "
                            "«bom nén»).",
                            "oversized",
                            en=f"The file's member «{info.filename}» is larger than declared (possibly "
                               "a «zip bomb»).",
                        )
                    yield chunk
        except PackageRefused:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
            raise PackageRefused(
                f"{what} bị hỏng hoặc bị cắt cụt (thành phần «{info.filename}»).", "corrupt",
                en=f"The file is damaged or truncated (member «{info.filename}»).",
            ) from None
        except Exception:  # zlib.error and friends
            raise PackageRefused(
                f"{what} bị hỏng (thành phần «{info.filename}»).", "corrupt",
                en=f"The file is damaged (member «{info.filename}»).",
            ) from None
        if got != info.file_size:
            raise PackageRefused(f"{what} bị hỏng (thành phần «{info.filename}»).", "corrupt",
                                 en=f"The file is damaged (member «{info.filename}»).")

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> Members:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _checked(zf: zipfile.ZipFile, limit_for: Callable[[str], int | None], what: str, max_total: int,
             max_members: int) -> tuple[dict[str, zipfile.ZipInfo], dict[str, int]]:
    """The members of ``zf`` by name and the size limit of each, every refusal made before any content
    is read. The declared sizes add up to ``max_total`` at most, and :meth:`Members.read` stops a
    member at its declared size, so no more than that is ever inflated."""
    infos = zf.infolist()
    if len(infos) > max_members:
        raise PackageRefused(f"{what} có quá nhiều thành phần ({len(infos)}).", "too_many_members",
                             en=f"The file has too many members ({len(infos)}).")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise PackageRefused(f"{what} có hai thành phần trùng tên.", "duplicate_member",
                             en="The file has two members with the same name.")
    declared = 0
    limits: dict[str, int] = {}
    for info in infos:
        name = info.filename
        if not safe_name(name):
            raise PackageRefused(f"{what} chứa tên tệp không hợp lệ «{name[:80]}».", "bad_name",
                                 en=f"The file contains an invalid file name «{name[:80]}».")
        limit = limit_for(name)
        if limit is None:
            raise PackageRefused(f"{what} chứa thành phần lạ «{name[:80]}».", "unexpected_member",
                                 en=f"The file contains an unexpected member «{name[:80]}».")
        if info.flag_bits & 0x1:
            raise PackageRefused(
                f"{what}: thành phần «{name}» được mã hóa theo kiểu không hỗ trợ.", "bad_member",
                en=f"The file's member «{name}» is encrypted in a way that is not supported.",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageRefused(
                f"{what}: thành phần «{name}» nén theo kiểu không hỗ trợ.", "bad_member",
                en=f"The file's member «{name}» is compressed in a way that is not supported.",
            )
        if info.file_size > limit:
            raise PackageRefused(f"{what}: thành phần «{name}» quá lớn.", "oversized",
                                 en=f"The file's member «{name}» is too large.")
        declared += info.file_size
        if declared > max_total:
            raise PackageRefused(f"{what}: tổng dung lượng giải nén quá lớn.", "oversized",
                                 en="The file is too large once uncompressed.")
        limits[name] = limit
    return {i.filename: i for i in infos}, limits
