"""English mode is English for errors too (issue 17).

Every ``raise X(...)`` of a :class:`UserError` below the window and the command line carries its English
(``en=...``), and an English window shows that English for errors of the store, backup and signing layers.
"""

from __future__ import annotations

import ast
import errno
import importlib
import inspect
import re
import sqlite3
from pathlib import Path

import pytest

import plan_desktop
from plan_desktop.errors import user_message
from plan_desktop.services import backup
from plan_desktop.services.access import AccessError
from plan_desktop.services.installation import Installation
from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.trust import load_certificates
from plan_desktop.store import StoreError
from plan_desktop.usererror import UserError

PACKAGE = Path(plan_desktop.__file__).parent
#: The front doors: the window translates its own messages, the command line speaks Vietnamese only.
SKIPPED = ("ui", "commands", "cli.py", "__main__.py")

#: Classes whose ``__init__`` computes the English itself from what it is given, so a raise needs no ``en=``.
ALLOWED_WITHOUT_EN = {
    # builds both languages from its FieldIssue list (FieldIssue.message_for("en"))
    "ValidationError",
    # builds both languages from the unit code
    "UnknownUnitError",
    # builds both languages from the path (the program's own file is missing or damaged)
    "ResourceMissingError",
}

_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def _modules() -> list[tuple[Path, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in SKIPPED:
            continue
        name = ".".join(("plan_desktop", *rel.with_suffix("").parts)).removesuffix(".__init__")
        out.append((path, name))
    return out


def _user_error_names() -> set[str]:
    """Names of every UserError subclass defined or imported in the scanned modules."""
    names: set[str] = set()
    for _, module in _modules():
        for name, obj in vars(importlib.import_module(module)).items():
            if inspect.isclass(obj) and issubclass(obj, UserError):
                names.add(name)
    return names


def _raises_without_en() -> list[str]:
    names = _user_error_names()
    missing = []
    for path, _ in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in names or name in ALLOWED_WITHOUT_EN:
                continue
            if not any(k.arg == "en" for k in node.exc.keywords):
                missing.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {name}")
    return missing


def test_every_user_error_raised_below_the_front_doors_has_english():
    missing = _raises_without_en()
    assert not missing, "raise without en=...:\n" + "\n".join(missing)


def test_the_scan_sees_the_raises():
    # the scan must find the classes it checks (a broken scan would pass the test above vacuously)
    names = _user_error_names()
    assert {"StoreError", "SigningError", "ExchangeError", "RecordError", "PackageRefused"} <= names
    assert names >= ALLOWED_WITHOUT_EN


def _english(exc: BaseException) -> str:
    text = user_message(exc, "en")
    assert text and not _VIETNAMESE.search(text), text
    assert user_message(exc, "vi") != text  # the Vietnamese window still gets Vietnamese
    return text


def test_refused_restore_speaks_english(commune, tmp_path):
    other = Installation.init(tmp_path / "other", "13594")
    other_backup = backup.make_backup(other.store, other.folder, out=tmp_path / "other.sqlite")
    other.close()
    with pytest.raises(StoreError) as info:
        backup.restore(commune.store, commune.folder, other_backup)
    assert "13594" in _english(info.value) and "Not restored" in _english(info.value)

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as info:
        backup.restore(commune.store, commune.folder, junk)
    assert "not a backup" in _english(info.value)

    commune.records().create("officer", {"full_name": "Trần Thị Hà"})
    tampered = backup.make_backup(commune.store, commune.folder, out=tmp_path / "t.sqlite")
    with sqlite3.connect(tampered) as c:
        c.execute("UPDATE form_officer SET full_name = 'Someone else'")
    with pytest.raises(StoreError) as info:
        backup.restore(commune.store, commune.folder, tampered)
    assert "not intact" in _english(info.value)


def test_wrong_password_speaks_english(commune):
    commune.access.enable("officer-pass", "approver-pass")
    with pytest.raises(AccessError) as info:
        commune.access.login("wrong-pass")
    assert _english(info.value) == "Wrong password."


def test_damaged_data_file_speaks_english(commune, data_dir):
    db = commune.store.path
    commune.close()
    Path(db).write_bytes(b"garbage, not SQLite" * 512)
    with pytest.raises(StoreError) as info:
        Installation.open(data_dir, daily_backup=False)
    assert "damaged" in _english(info.value)


def test_signing_errors_speak_english(tmp_path):
    with pytest.raises(SigningError) as info:
        load_certificates(tmp_path / "missing.cer")
    assert "was not found" in _english(info.value)
    bad = tmp_path / "bad.cer"
    bad.write_bytes(b"not a certificate")
    with pytest.raises(SigningError) as info:
        load_certificates(bad)
    assert "is not a certificate" in _english(info.value)


@pytest.mark.parametrize("exc", [
    sqlite3.OperationalError("database is locked"),
    sqlite3.OperationalError("attempt to write a readonly database"),
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.DatabaseError("file is not a database"),
    OverflowError("Python int too large to convert to SQLite INTEGER"),
    OSError(errno.ENOSPC, "No space left on device", "/media/usb/goi.pdzip"),
    PermissionError(errno.EACCES, "Permission denied", "/media/usb"),
    FileNotFoundError(errno.ENOENT, "No such file", "bao-cao.pdf"),
])
def test_database_and_file_errors_speak_the_windows_language(exc):
    vi, en = user_message(exc, "vi"), user_message(exc, "en")
    assert vi and en and vi != en
    assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", en.lower()), en
