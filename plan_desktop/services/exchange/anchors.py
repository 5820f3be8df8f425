"""The audit chain's head as an anchor outside the file: every package and receipt carries the sender's
chain head (last audit row number and hash) and the hash its chain has now at the heads it sent before;
the receiving level keeps what it was sent and compares. A unit whose history was rewritten (a chain
recomputed after records were edited with plain SQL), wiped, or restored from an old backup is named in
the import report: the level above holds hashes the unit's own file cannot change.

Anchors are compared per key: a unit reinstalled with a new key starts a new chain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plan_desktop.services.installation import Installation
from plan_desktop.store import audit, exchange_state, utc_now

#: How many earlier heads a file shows the hash of (the receiver compares with the latest it holds).
CHECKPOINTS = 8
_MISSING = object()


def audit_block(inst: Installation, previous_heads: Iterable[int]) -> dict[str, Any]:
    """What a package or receipt carries: this unit's chain head now and, at each earlier head it sent
    (``previous_heads``), the hash its chain has there now (None: that row is gone)."""
    db = inst.store.db
    seq, head_hash = audit.chain_head(db)
    checkpoints = [
        [s, audit.row_hash_at(db, s) if s <= seq else None]
        for s in sorted({int(s) for s in previous_heads if s}, reverse=True)[:CHECKPOINTS]
    ]
    return {"head": [seq, head_hash], "checkpoints": checkpoints}


def _parse(obj: Any) -> tuple[int, str, dict[int, str | None]] | None:
    """The block as sent, or None (an older version sent none; a malformed one is no anchor either)."""
    try:
        seq, head_hash = obj["head"]
        cps = {int(s): h for s, h in obj["checkpoints"]}
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < 2**62 or not isinstance(head_hash, str):
        return None
    if len(cps) > CHECKPOINTS or any(not (h is None or isinstance(h, str)) for h in cps.values()):
        return None
    return seq, head_hash[:64], cps


def compare_anchor(
    inst: Installation, unit: str, kind: str, seq: int, fingerprint: str, block: Any, label: str
) -> list[str]:
    """What the chain ``unit`` reports in file number ``seq`` contradicts of the last one it reported
    (Vietnamese, one line each; empty when nothing or nothing to compare)."""
    parsed = _parse(block)
    if parsed is None:
        return []
    head_seq, head_hash, cps = parsed
    prev = exchange_state.last_anchor(inst.store.db, unit, kind, fingerprint, seq)
    if prev is None:
        return []
    pseq, s0, h0 = prev
    what = "gói" if kind == "package" else "biên nhận về gói"
    if head_seq < s0:
        return [
            f"Nhật ký thay đổi của {label} NGẮN HƠN lần trước: {what} số {pseq} ghi đến dòng {s0}, {what} số "
            f"{seq} chỉ đến dòng {head_seq}. Dữ liệu ở đơn vị đó có thể đã bị xóa, hoặc được khôi phục từ bản "
            "sao lưu cũ. Hãy gọi điện cho đơn vị để kiểm tra."
        ]
    if head_seq == s0:
        seen = head_hash
    else:
        seen = cps.get(s0, _MISSING)
        if seen is _MISSING:
            return [
                f"Không đối chiếu được nhật ký thay đổi của {label}: {what} số {seq} không mang dấu mốc dòng {s0} "
                f"đã ghi nhận ở {what} số {pseq}. Hãy gọi điện cho đơn vị để kiểm tra."
            ]
    if seen != h0:
        return [
            f"Nhật ký thay đổi của {label} ĐÃ BỊ VIẾT LẠI: dòng {s0} không còn như khi nhận {what} số {pseq}. "
            "Dữ liệu ở đơn vị đó có thể đã bị sửa ngoài chương trình. Hãy gọi điện cho đơn vị để kiểm tra."
        ]
    return []


def record_anchor(inst: Installation, unit: str, kind: str, seq: int, fingerprint: str, block: Any) -> None:
    """Keep the chain head ``unit`` reported (caller holds the transaction)."""
    parsed = _parse(block)
    if parsed is None:
        return
    exchange_state.add_anchor(inst.store.db, unit, kind, seq, parsed[0], parsed[1], utc_now(), fingerprint)
