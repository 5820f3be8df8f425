"""What ``check`` verifies beyond the file itself: the anchor, a small file next to the data file that
holds the head of the audit chain (last seq and hash) signed with the unit's own signing key.

The data file can be rewritten by anyone who can write it: records, audit rows, and the head kept in
``meta``, recomputed so that the chain verifies again. The anchor is outside that file and signed by a
key the file does not hold (encrypted under the password when protection is on): a history that no
longer contains the anchored row — a wipe (a fresh file), a shortened or a recomputed chain — is
reported. The anchor is written when the program closes the folder, after a restore, and when it is
missing; a crash leaves an older anchor, which still matches (the chain only grew). Deleting the anchor
together with the file is not detected here; the chain head in every export and signed report lets the
level above see it (README «Your data»).
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any, Protocol

from plan_desktop import paths
from plan_desktop.store import Store, audit, signed, utc_now
from plan_desktop.store.backup import write_file_atomic


class Installation(Protocol):
    """What these functions use of an opened installation (services/installation.py imports this module,
    so it is described here rather than imported)."""

    folder: Path
    store: Store
    session: Any  # services.access.Session: ``unprotect`` for the key files

    @property
    def unit_code(self) -> str: ...

    @property
    def access(self) -> Any: ...  # services.access.Access

log = logging.getLogger(__name__)

ANCHOR_NAME = "anchor.json"
_CONTEXT = b"plan_desktop anchor v1\x00"


def anchor_path(folder: Path) -> Path:
    return folder / ANCHOR_NAME


def _payload(body: dict) -> bytes:
    return _CONTEXT + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _keys(inst: Installation):
    """The unit's key pair, or None when there is none or it cannot be read now (not logged in)."""
    return _folder_keys(inst.folder, inst.session.unprotect)


def _folder_keys(folder: Path, unprotect):
    from plan_desktop.exchange.errors import ExchangeError
    from plan_desktop.exchange.keys import load_keys  # cryptography: only when used (a faster start)
    from plan_desktop.usererror import UserError

    try:
        return load_keys(paths.keys_dir(folder), unprotect)
    except (ExchangeError, UserError, OSError) as exc:
        log.info("anchor: the unit's keys cannot be read now (%s)", exc)
        return None


#: What the anchor keeps of each period locked by a signed report (enough to lock it again).
_LOCK_FIELDS = ("period", "unit_code", "start_date", "end_date", "locked_at", "locked_by")
_REPORT_FIELDS = ("file_sha256", "data_sha256", "signed_at", "signer")


def _active_locks(inst: Installation) -> list[dict]:
    db = inst.store.db
    if not db["period_locks"].exists():
        return []
    return [dict(zip(_LOCK_FIELDS + _REPORT_FIELDS, row, strict=True)) for row in signed.active_locks_with_reports(db)]


def write_anchor(inst: Installation) -> bool:
    """Sign and write the anchor for the chain as it is now. False when the unit's key cannot be used
    now (no keys yet, or protected and nobody logged in); never raises for that."""
    if not inst.unit_code:
        return False
    pair = _keys(inst)
    if pair is None:
        return False
    seq, head_hash = audit.chain_head(inst.store.db)
    body = {"unit": inst.unit_code, "seq": seq, "hash": head_hash, "at": utc_now(), "locks": _active_locks(inst)}
    doc = {**body, "signature": base64.b64encode(pair.sign(_payload(body))).decode("ascii")}
    try:
        write_file_atomic(anchor_path(inst.folder), json.dumps(doc, indent=1).encode())
    except OSError as exc:
        log.warning("anchor not written: %s", exc)
        return False
    return True


def ensure_anchor(inst: Installation) -> None:
    """Write the anchor when there is none yet (a folder from before anchors, or a new one)."""
    if not anchor_path(inst.folder).exists():
        write_anchor(inst)


def verify_anchor(inst: Installation) -> list[str]:
    """Problems (Vietnamese) between the anchor and the data file's audit chain; [] when they agree or
    when the unit's key cannot be read now (nothing to check it with)."""
    path = anchor_path(inst.folder)
    if not path.exists():
        return []
    pair = _keys(inst)
    if pair is None:
        return []
    try:
        body = _verified(path, pair)
        seq = int(body["seq"])
    except _BadAnchor as exc:
        return [str(exc)]
    if body["unit"] != inst.unit_code:
        return [f"Tệp neo {path.name} là của đơn vị {body['unit']}, không phải của đơn vị này."]
    head_seq, _ = audit.chain_head(inst.store.db)
    if head_seq < seq:
        return [f"Nhật ký thay đổi chỉ có {head_seq} dòng, nhưng tệp neo ghi nhận đã có {seq} dòng (lúc {body['at']}): "
                "dữ liệu đã bị xóa sạch, thay bằng tệp khác hoặc bị cắt bớt ngoài chương trình."]
    if seq and audit.row_hash_at(inst.store.db, seq) != body["hash"]:
        return [f"Dòng số {seq} của nhật ký thay đổi không còn như lúc được ghi nhận trong tệp neo: lịch sử thay đổi "
                "đã bị viết lại (tính lại mã băm) ngoài chương trình."]
    held = {(lk["unit_code"], lk["period"]) for lk in _active_locks(inst)}
    reopened = signed.reopen_notes_since(inst.store.db, seq)
    return [f"Kỳ báo cáo {lk['period']} đã khóa bởi báo cáo đã ký (theo tệp neo) nhưng trong dữ liệu không còn khóa, "
            "và không có lần mở lại nào được ghi nhận: khóa đã bị xóa ngoài chương trình."
            for lk in body.get("locks") or []
            if (lk.get("unit_code"), lk.get("period")) not in held
            and not any(f" {lk.get('period')}:" in note for note in reopened if note)]


class _BadAnchor(Exception):
    pass


def _verified(path: Path, pair) -> dict:
    """The anchor's body, its signature checked with the unit's key (:class:`_BadAnchor` otherwise)."""
    from plan_desktop.exchange.keys import verify_signature

    try:
        doc = json.loads(path.read_bytes())
        body = {k: v for k, v in doc.items() if k != "signature"}
        signature = base64.b64decode(doc["signature"])
        int(body["seq"])
    except (OSError, ValueError, KeyError, TypeError):
        raise _BadAnchor(f"Tệp neo {path.name} bị hỏng hoặc đã bị sửa: không đối chiếu được nhật ký thay đổi."
                         ) from None
    if not verify_signature(pair.signing_public, signature, _payload(body)):
        raise _BadAnchor(f"Tệp neo {path.name} không mang chữ ký của đơn vị: đã bị sửa hoặc thay ngoài chương trình.")
    return body


def anchored_locks(folder: Path, unprotect=None) -> list[dict]:
    """The periods the anchor says were locked by signed reports, when it is there and its signature checks
    with the unit's key; else []. A restore over a damaged file locks them again."""
    path = anchor_path(folder)
    pair = _folder_keys(folder, unprotect) if path.exists() else None
    if pair is None:
        return []
    try:
        locks = _verified(path, pair).get("locks") or []
    except _BadAnchor as exc:
        log.warning("anchor not used: %s", exc)
        return []
    return [lk for lk in locks if isinstance(lk, dict) and lk.get("period") and lk.get("unit_code")]


def remove_stale_anchor(folder: Path) -> None:
    """Drop the anchor (a restore replaces the history it vouched for; a new one is written at once)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(anchor_path(folder))


def check_installation(inst: Installation) -> list[str]:
    """Everything ``check`` reports (Vietnamese): the data file (Store.check: SQLite, schema, audit chain,
    records, the seal of settings, locks and exchange bookkeeping), the anchor outside it, and the
    password slots against their copy beside the data file."""
    problems = inst.store.check()
    problems += verify_anchor(inst)
    if not inst.access.file_matches():
        problems.append("Mật khẩu (khóa mở của hai vai trò) trong tệp dữ liệu khác với bản giữ bên cạnh tệp dữ liệu: "
                        "bảo vệ bằng mật khẩu đã bị thay đổi ngoài chương trình.")
    return problems
