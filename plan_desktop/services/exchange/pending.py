"""Files held apart («chờ xác nhận») until an approver confirms the key that signed them.

A package, receipt or setup file signed by a key that nothing vouches for (a unit never confirmed, a
key that contradicts the one on record, a key an older version took on first use) is verified and then
kept in ``exchange_pending``, nothing of it applied. The approver calls the unit, compares the short
code it reads out with the one shown here, and approves (:func:`approve_key`: the key is pinned and
every held file it unblocks is applied, each all or nothing) or rejects (:func:`reject_key`: the held
files are discarded, so records an impostor sent are never merged)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.keys import code_matches, unb64
from plan_desktop.services.exchange.imports import FileResult, ImportReport, process_file
from plan_desktop.services.exchange.keys import _require_approver, own_keys
from plan_desktop.services.exchange.setup_file import apply_setup_file, read_setup_file
from plan_desktop.services.exchange.state import _label, _record_key
from plan_desktop.services.installation import Installation
from plan_desktop.store import exchange_state, utc_now

KIND_VI = {"package": "gói dữ liệu", "receipt": "biên nhận", "setup": "tệp thiết lập"}


@dataclass(frozen=True)
class PendingKey:
    """One unit's key that held files wait for."""

    unit_code: str
    unit_label: str
    code: str
    fingerprint: str
    reason: str  # unknown | changed | unconfirmed
    files: tuple[str, ...]  # the held files' names
    kinds: tuple[str, ...]
    received_at: str


def list_pending(inst: Installation) -> list[PendingKey]:
    """The keys held files wait for, one entry per (unit, key)."""
    by_key: dict[tuple[str, str], dict] = {}
    for r in exchange_state.pending_list(inst.store.db):
        for u in json.loads(r["units"]):
            e = by_key.setdefault(
                (u["unit"], u["code"]),
                {"u": u, "files": [], "kinds": [], "at": r["received_at"]},
            )
            e["files"].append(r["file_name"])
            e["kinds"].append(r["kind"])
    return [
        PendingKey(
            unit,
            _label(inst, unit),
            code,
            e["u"]["fingerprint"],
            e["u"]["reason"],
            tuple(e["files"]),
            tuple(e["kinds"]),
            e["at"],
        )
        for (unit, code), e in sorted(by_key.items())
    ]


@dataclass
class ApproveResult:
    unit: str
    code: str
    report: ImportReport
    setup_messages: list[str] = field(default_factory=list)


def _rows_for(inst: Installation, unit: str) -> list[dict]:
    rows = []
    for r in exchange_state.pending_files(inst.store.db):
        units = json.loads(r["units"])
        if any(u["unit"] == unit for u in units):
            rows.append({**r, "units": units})
    return rows


def approve_key(
    inst: Installation, unit: str, code_text: str, *, actor: str | None = None, service=None
) -> ApproveResult:
    """Confirm ``unit``'s key whose short code the approver heard by phone (``code_text``), pin it, and
    apply every held file that now has all its keys trusted. Raises ExchangeError when nothing waits
    for that unit or the code does not match the key held."""
    _require_approver(inst, "xác nhận khóa của đơn vị khác")
    rows = _rows_for(inst, unit)
    if not rows:
        raise ExchangeError(
            f"Không có tệp nào của {_label(inst, unit)} đang chờ xác nhận.",
            en=f"Nothing from unit {unit} is waiting for confirmation.",
        )
    match = None
    for r in rows:
        for u in r["units"]:
            if u["unit"] == unit and code_matches(code_text, unb64(u["signing"], 32)):
                match = u
    if match is None:
        codes = sorted({u["code"] for r in rows for u in r["units"] if u["unit"] == unit})
        raise ExchangeError(
            f"Mã khóa «{code_text}» không khớp với khóa đang chờ của {_label(inst, unit)} "
            f"({', '.join(codes)}). Không xác nhận: hãy đọc lại mã qua điện thoại; nếu mã đơn vị đọc khác với "
            "mã trong tệp thì tệp không phải của đơn vị đó — hãy từ chối.",
            en=f"Key code {code_text!r} does not match the key waiting for unit {unit}; nothing confirmed.",
        )
    signing = unb64(match["signing"], 32)
    enc = unb64(match["encryption"], 32) if match.get("encryption") else None
    with inst.store.db.atomic():
        _record_key(inst, unit, signing, enc, match["fingerprint"], "confirmed")
        # files held for another key of the same unit (an impostor's) stay held until rejected
    keys = own_keys(inst)
    report = ImportReport(inst.unit_code, inst.unit().name, utc_now())
    out = ApproveResult(unit, match["code"], report)
    for r in _rows_for(inst, unit):
        if any(u["unit"] == unit and u["code"] != match["code"] for u in r["units"]):
            continue
        result = FileResult(Path(r["file_name"]))
        if r["kind"] == "setup":
            info = apply_setup_file(inst, read_setup_file(r["blob"], r["file_name"], forms=inst.store.forms))
            if not info.held:
                out.setup_messages.append(f"Đã áp dụng tệp thiết lập «{r['file_name']}» của {info.issuer_name}.")
                out.setup_messages.extend(info.warnings)
                _drop(inst, r["id"])
            continue
        report.files.append(result)
        process_file(inst, report, result, r["blob"], keys, actor=actor, service=service)
        if not result.held:  # applied, or refused for another reason now (said in the report)
            _drop(inst, r["id"])
    return out


def reject_key(inst: Installation, unit: str, code_text: str | None = None) -> int:
    """Discard the files held for ``unit``'s key (only that key's, when ``code_text`` is given):
    nothing of them is ever applied. Returns how many files were discarded."""
    _require_approver(inst, "từ chối khóa của đơn vị khác")
    rows = _rows_for(inst, unit)
    if code_text:
        rows = [
            r
            for r in rows
            if any(u["unit"] == unit and code_matches(code_text, unb64(u["signing"], 32)) for u in r["units"])
        ]
    if not rows:
        raise ExchangeError(
            f"Không có tệp nào của {_label(inst, unit)} đang chờ xác nhận"
            + (f" với mã khóa «{code_text}»." if code_text else "."),
            en=f"Nothing from unit {unit} is waiting for confirmation.",
        )
    for r in rows:
        _drop(inst, r["id"])
    return len(rows)


def _drop(inst: Installation, row_id: int) -> None:
    with inst.store.db.atomic():
        exchange_state.drop_pending(inst.store.db, row_id)


__all__ = ["KIND_VI", "ApproveResult", "PendingKey", "approve_key", "list_pending", "reject_key"]
