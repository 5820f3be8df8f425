"""Export: the next package for the parent unit, with the signed reports not yet acknowledged."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import plan_desktop
from plan_desktop.domain.forms import FormDef
from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.keys import unb64
from plan_desktop.exchange.package import (
    ForwardedBundle,
    Recipient,
    build_package,
    make_voucher,
    open_file,
    package_file_name,
    records_member,
)
from plan_desktop.services.exchange.anchors import audit_block
from plan_desktop.services.exchange.files import _write_verified
from plan_desktop.services.exchange.keys import (
    own_keys,
)
from plan_desktop.services.exchange.state import (
    Progress,
    _on,
    _state,
    known_keys,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import exchange_state


# -- export ------------------------------------------------------------------------------------------------
@dataclass
class ExportResult:
    path: Path
    sequence: int
    counts: dict[str, dict[str, int]]
    forwarded: int
    encrypted_to: str | None
    full: bool

    @property
    def records(self) -> int:
        return sum(c["records"] for c in self.counts.values())


def exported_columns(store, form: FormDef) -> list[str]:
    """The columns a package carries for ``form``: the stored content columns without the form's
    ``local_only`` fields, which stay at the unit that wrote them (privacy by design: a package
    carries no more than the level above needs). The member hash in the manifest is taken over
    these bytes, so the signature covers exactly what travels."""
    local = set(form.local_only_names)
    return [c for c in store.content_columns(form) if c not in local]


def _period_of_rows(form: FormDef, rows: list[dict[str, Any]]) -> tuple[date, date] | None:
    pf = form.period_field
    if not pf:
        return None
    days: list[date] = []
    for r in rows:
        v = r.get(pf)
        try:
            if isinstance(v, int):
                days += [date(v, 1, 1), date(v, 12, 31)]
            elif isinstance(v, str):
                days.append(date.fromisoformat(v[:10]))
        except ValueError:
            continue
    return (min(days), max(days)) if days else None


_REPORT_PERIOD = re.compile(r"(\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}))?)")


def _report_members(files: Sequence[tuple[Path, str | None]]) -> list[tuple[str, bytes, dict[str, Any]]]:
    out = []
    used: set[str] = set()
    for f, period in files:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", f.stem).strip("._-") or "baocao"
        name = f"{stem[:100]}.pdf"
        i = 1
        while name in used:
            i += 1
            name = f"{stem[:96]}_{i}.pdf"
        used.add(name)
        data = f.read_bytes()
        m = _REPORT_PERIOD.search(f.stem)
        meta = {
            "member": f"reports/{name}",
            "file": f.name[:200],
            "period": period or (m.group(1) if m else None),
            "signed": True,
        }
        out.append((f"reports/{name}", data, meta))
    return out


def _signing_service(inst: Installation):
    try:
        from plan_desktop.services.signing import SigningService
    except ImportError:  # pragma: no cover - signing not installed
        return None
    return SigningService(inst)


def signed_reports_to_send(inst: Installation) -> list[Any]:
    """Signed reports of this unit not yet acknowledged by the parent (they travel with each package
    until a receipt accepts it): entries of the signing service's report list."""
    svc = _signing_service(inst)
    if svc is None:
        return []
    return [
        e
        for e in svc.list_reports()
        if e.status in ("signed", "issued", "sent") and e.file_path and Path(e.file_path).is_file()
    ]


def export_package(
    inst: Installation,
    out_dir: Path,
    *,
    full: bool = False,
    reports: Sequence[Path] = (),
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the next package for the parent unit into ``out_dir``; returns where and what."""
    keys = own_keys(inst)
    store = inst.store
    unit = inst.unit()
    parent = inst.units.parent_for(inst.unit_code, _on(inst))
    if parent is None:
        raise ExchangeError(f"{unit.name} không có đơn vị cấp trên để gửi gói dữ liệu.",
                            en=f"{unit.name} has no higher-level unit to send the data package to.")
    parent_key = known_keys(inst).get(parent.code)
    if parent_key is None or parent_key.encryption_key is None or not parent_key.confirmed:
        # never an unencrypted package: the parent's key comes with its setup file (or a receipt)
        raise ExchangeError(
            f"Chưa có khóa đã xác nhận của {parent.name} nên không thể mã hóa gói: gói không được xuất. "
            f"Hãy áp dụng tệp thiết lập do {parent.name} lập («plan-desktop setup-file apply TỆP», hoặc ở cửa sổ "
            "chương trình khi thiết lập) và xác nhận mã khóa của cấp trên qua điện thoại, rồi xuất lại.",
            en=f"No confirmed key of {parent.name} on record, so the package cannot be encrypted and was not "
            "written. Apply the setup file the parent unit made, confirm its key code by phone, then export again.",
        )
    now = now or datetime.now(UTC)
    created_at = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    signed_entries = signed_reports_to_send(inst)
    report_files: list[tuple[Path, str | None]] = [(Path(p), None) for p in reports]
    report_files += [(Path(e.file_path), e.period) for e in signed_entries]
    step = (lambda i, n, msg: progress(i, n, msg)) if progress else (lambda i, n, msg: None)
    forms = list(store.forms.values())
    total_steps = len(forms) + 3
    with store.db.atomic():  # one consistent snapshot of records and bookkeeping
        since = 0 if full else _state(inst, "acked_change_seq")
        since_archive = 0 if full else _state(inst, "acked_archive_id")
        upto = int(store.get_meta("audit_head_seq") or 0)
        members: list[tuple[str, bytes]] = []
        counts: dict[str, dict[str, int]] = {}
        span: list[date] = []
        for i, form in enumerate(forms):
            step(i, total_steps, f"Đang đọc {form.label}…")
            rows = exchange_state.changed_rows(store.db, form.table, inst.unit_code, since, upto)
            if not rows:
                continue
            members.append((f"records/{form.id}.jsonl", records_member(rows, exported_columns(store, form))))
            counts[form.id] = {"records": len(rows), "deleted": sum(1 for r in rows if r["deleted"]),
                               "form_version": form.version}
            p = _period_of_rows(form, [r for r in rows])
            if p:
                span += list(p)
        archive = exchange_state.archive_since(store.db, since_archive)
        upto_archive = max([since_archive, *(a["id"] for a in archive)])
        forwarded = [ForwardedBundle.from_blob(a["blob"]) for a in archive]
        for b in forwarded:
            fm = json.loads(b.manifest_raw)
            with contextlib.suppress(KeyError, TypeError, ValueError):
                span += [date.fromisoformat(fm["period"]["from"]), date.fromisoformat(fm["period"]["to"])]
        seq = exchange_state.last_export_seq(store.db) + 1
        # this unit vouches for the keys of the units whose bundles it forwards (it trusted each one)
        vouchers = _vouch_forwarded(inst, keys, forwarded)
        previous = exchange_state.recent_export_audit_seqs(store.db)
        chain = audit_block(inst, previous)
    step(len(forms), total_steps, "Đang đóng gói và ký…")
    report_meta = []
    for name, data, meta in _report_members(report_files):
        members.append((name, data))
        report_meta.append(meta)
    year_start, year_end = date(inst.working_year, 1, 1), date(inst.working_year, 12, 31)
    last_day = inst.units.last_day(inst.unit_code)
    if last_day is not None and year_end > last_day:  # an abolished unit: its last year in force
        year_start, year_end = date(last_day.year, 1, 1), last_day
    p_from, p_to = (min(span), max(span)) if span else (year_start, year_end)
    recipient = Recipient(parent.code, parent_key.encryption_key, parent_key.fingerprint)
    manifest = {
        "kind": "package",
        "source": {"unit": inst.unit_code, "name": unit.name, "level": unit.level.value},
        "parent": parent.code,
        "sequence": seq,
        "created_at": created_at,
        "program_version": plan_desktop.__version__,
        "forms_version": store.forms.signature(),
        "working_year": inst.working_year,
        "period": {"from": p_from.isoformat(), "to": p_to.isoformat()},
        "full": bool(full),
        "since_change_seq": since,
        "upto_change_seq": upto,
        "counts": counts,
        "reports": report_meta,
        "vouchers": vouchers,
        # this unit's audit chain head: the level above keeps it and compares at the next package
        "audit": chain,
    }
    data, raw = build_package(keys, manifest, members, forwarded, recipient)
    name = package_file_name(inst.unit_code, now.date(), seq)
    path = Path(out_dir) / name
    step(len(forms) + 1, total_steps, f"Đang ghi {name}…")

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Gói vừa ghi")
        if signed.raw != raw or signed.signing_key != keys.signing_public:
            raise ExchangeError("Gói vừa ghi không khớp khi đọc lại.",
                                en="The package just written does not match when read back.")

    def commit() -> None:
        with store.db.atomic():
            exchange_state.add_export(
                store.db,
                [
                    seq,
                    created_at,
                    name,
                    _sha(raw),
                    int(full),
                    since,
                    upto,
                    upto_archive,
                    recipient.unit if recipient else None,
                    sum(c["records"] for c in counts.values()),
                    json.dumps([e.id for e in signed_entries]),
                    chain["head"][0],
                    chain["head"][1],
                ],
            )
            _set_report_status(inst, [e.id for e in signed_entries if e.status in ("signed", "issued")], "sent")
            # what the overview page shows (services/overview.py reads these two settings)
            store.set_settings({"last_export_at": created_at, "last_export_seq": upto})

    _write_verified(path, data, check, commit)
    step(total_steps, total_steps, "Xong.")
    return ExportResult(path, seq, counts, len(forwarded), recipient.unit if recipient else None, full)


def _vouch_forwarded(inst: Installation, keys, forwarded: Sequence[ForwardedBundle]) -> list[dict[str, Any]]:
    """This unit's vouchers for the keys that signed the bundles it forwards: it trusted each one when
    it imported it, and the level above enrols those units' keys only as vouched for here."""
    out: dict[str, dict[str, Any]] = {}
    today = datetime.now(UTC).date()
    for b in forwarded:
        fm = json.loads(b.manifest_raw)
        unit, key = fm["source"]["unit"], fm["key"]
        enc = unb64(key["encryption"], 32) if key.get("encryption") else None
        out.setdefault(unit, make_voucher(keys, inst.unit_code, unit, unb64(key["signing"], 32), enc, today).to_json())
    return [out[u] for u in sorted(out)]


def _set_report_status(inst: Installation, ids: Sequence[int], status: str) -> None:
    """Tell the signing service's report list that reports were sent / accepted (best effort)."""
    if not ids:
        return
    svc = _signing_service(inst)
    if svc is None:
        return
    for rid in ids:
        try:
            svc.set_status(rid, status)
        except Exception:
            continue


def _sha(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()
