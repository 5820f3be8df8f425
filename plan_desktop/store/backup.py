"""Copies of the store through SQLite's online backup API (consistent even while the file is in use),
and the file helpers every copy goes through: owner-only modes, temp files inside the data folder
(``.part``, removed at the next start when a kill left one), fsync and an atomic rename."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from plan_desktop.paths import FILE_MODE, private_dir, private_file
from plan_desktop.store.db import StoreError, driver_errors, raw_connect

#: What a copy or a check is written to before it is renamed into place; left over only by a kill.
PART_SUFFIX = ".part"


def fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file_atomic(dest: Path, data: bytes) -> Path:
    """Write ``data`` to ``dest``: an owner-only ``.part`` beside it, fsync, rename, fsync the folder."""
    tmp = dest.with_name(dest.name + PART_SUFFIX)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, dest)
    fsync_dir(dest.parent)
    return dest


def backup_to(conn, dest: Path, key: bytes | None = None) -> Path:
    """Write a consistent copy of ``conn``'s database to ``dest`` atomically (owner-only ``.part`` beside
    it, fsync, rename). ``key``: the key ``conn``'s file is encrypted with; the copy is encrypted the same."""
    private_dir(dest.parent)
    tmp = dest.with_name(dest.name + PART_SUFFIX)
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    out = raw_connect(tmp, key=key)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()
    _settle(tmp, dest)
    return dest


def _settle(tmp: Path, dest: Path) -> None:
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    fsync_dir(dest.parent)


def _export(source: Path, dest: Path, src_key: bytes | None, dest_key: bytes | None) -> None:
    """Copy ``source`` to ``dest`` changing its encryption (``sqlcipher_export``: a plain file to an
    encrypted one, the reverse, or from one key to another); the ``.part``-fsync-rename dance."""
    private_dir(dest.parent)
    tmp = dest.with_name(dest.name + PART_SUFFIX)
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    conn = raw_connect(source, key=src_key, readonly=True, cipher=True)
    try:
        attach_key = f"x'{dest_key.hex()}'" if dest_key is not None else ""
        conn.execute(f"ATTACH DATABASE ? AS copy KEY \"{attach_key}\"", [str(tmp)])
        conn.execute("SELECT sqlcipher_export('copy')")
        conn.execute("DETACH DATABASE copy")
    finally:
        conn.close()
    _settle(tmp, dest)


def copy_database(source: Path, dest: Path, *, src_key: bytes | None = None,
                  dest_key: bytes | None = None) -> Path:
    """Copy a data file (a backup being checked or restored, or the data file being encrypted or
    decrypted) to ``dest``: encrypted under ``dest_key`` (plain when None), read with ``src_key``."""
    try:
        if src_key == dest_key:
            try:
                src = raw_connect(source, key=src_key, readonly=True)
            except driver_errors() as exc:
                raise StoreError(f"Không mở được tệp sao lưu {source.name}: {exc}.",
                                 en=f"Cannot open the backup file {source.name}: {exc}.") from exc
            try:
                return backup_to(src, dest, key=dest_key)
            finally:
                src.close()
        _export(source, dest, src_key, dest_key)
        return dest
    except driver_errors() as exc:
        dest.with_name(dest.name + PART_SUFFIX).unlink(missing_ok=True)
        raise StoreError(f"Tệp {source.name} bị hỏng, không phải tệp dữ liệu của chương trình, hoặc được mã hóa "
                         f"bằng mật khẩu khác ({exc}).",
                         en=f"The file {source.name} is damaged, is not a data file of the program, or is encrypted "
                            f"with another password ({exc}).") from exc


def restore_into(source: Path, conn, key: bytes | None = None) -> None:
    """Replace the live database behind ``conn`` with ``source`` (encrypted with ``key`` as the live one
    is) in one step.

    The backup API writes the destination inside one transaction, so a crash or a power cut leaves the
    store either as before or fully restored.
    """
    try:
        src = raw_connect(source, key=key, readonly=True)
    except driver_errors() as exc:
        raise StoreError(f"Không mở được tệp sao lưu {source.name}: {exc}.",
                         en=f"Cannot open the backup file {source.name}: {exc}.") from exc
    try:
        src.backup(conn)
    finally:
        src.close()


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the ``.part`` files a killed copy left in the data folder, its backups and keys folders
    (and the scratch folder of a killed check). Returns what was removed."""
    removed: list[Path] = []
    for where in (folder, folder / "backups", folder / "keys"):
        if not where.is_dir():
            continue
        for p in where.iterdir():
            if (p.name.endswith(PART_SUFFIX) or p.name.endswith(".tmp")) and p.is_file():
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
    scratch = folder / SCRATCH_DIR
    if scratch.is_dir():
        shutil.rmtree(scratch, ignore_errors=True)
        removed.append(scratch)
    return removed


#: Where a backup is checked before a restore: inside the data folder, never the system temp folder
#: (a copy of the data must not outlive a kill somewhere nobody cleans).
SCRATCH_DIR = ".scratch"
