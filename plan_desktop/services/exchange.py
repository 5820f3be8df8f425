"""USB exchange use cases: keys, export, import, receipts, setup files, completeness. No Qt.

The command line and the window both call these functions. Everything the officer reads is
Vietnamese. The package format itself lives in :mod:`plan_desktop.exchange.package`; here we decide
what goes into a package, what a verified package does to the store, and what the exchange
bookkeeping tables say (created idempotently in the same SQLite file, see :func:`ensure_tables`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from plan_desktop import __version__, paths
from plan_desktop.domain.forms import FormDef
from plan_desktop.domain.periods import Period
from plan_desktop.domain.units import Level
from plan_desktop.domain.validation import validate
from plan_desktop.exchange import merge
from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.exchange.keys import KeyPair, b64, ensure_keys, normalise_fingerprint, unb64
from plan_desktop.exchange.package import (
    PACKAGE_EXT,
    RECEIPT_EXT,
    SETUP_EXT,
    Bundle,
    ForwardedBundle,
    KnownKey,
    Recipient,
    SignedManifest,
    TrustCheck,
    VerifiedPackage,
    VerifyContext,
    build_package,
    build_signed_document,
    open_file,
    package_file_name,
    records_member,
    unit_label,
    verify_document,
    verify_package,
)
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import Change
from plan_desktop.store import Query, utc_now

Progress = Callable[[int, int, str], None]

#: Days after the end of a period by which its package is "on time" (completeness board).
DEFAULT_GRACE_DAYS = 15

TABLES_SQL = """
CREATE TABLE IF NOT EXISTS exchange_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_exports (
    seq INTEGER PRIMARY KEY, created_at TEXT NOT NULL, file_name TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL, full INTEGER NOT NULL, since_change_seq INTEGER NOT NULL,
    upto_change_seq INTEGER NOT NULL, upto_archive_id INTEGER NOT NULL, encrypted_to TEXT,
    records INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'sent', status_reason TEXT, status_at TEXT,
    report_ids TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS exchange_keys (
    unit_code TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, signing_key TEXT, encryption_key TEXT,
    source TEXT NOT NULL, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_received (
    manifest_sha256 TEXT PRIMARY KEY, unit_code TEXT NOT NULL, seq INTEGER NOT NULL, via_unit TEXT,
    created_at TEXT NOT NULL, imported_at TEXT NOT NULL, period_from TEXT, period_to TEXT,
    records INTEGER NOT NULL, reports TEXT NOT NULL DEFAULT '[]', fingerprint TEXT, file_name TEXT);
CREATE INDEX IF NOT EXISTS exchange_received_unit ON exchange_received (unit_code, seq);
CREATE TABLE IF NOT EXISTS exchange_archive (
    id INTEGER PRIMARY KEY AUTOINCREMENT, manifest_sha256 TEXT NOT NULL UNIQUE, unit_code TEXT NOT NULL,
    seq INTEGER NOT NULL, blob BLOB NOT NULL, archived_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, seq INTEGER NOT NULL,
    package_sha256 TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL,
    file_name TEXT NOT NULL);
"""


# -- bookkeeping tables ------------------------------------------------------------------------------
def ensure_tables(inst: Installation) -> None:
    """Create the exchange tables if missing (idempotent, one transaction)."""
    db = inst.store.db
    if db["exchange_receipts"].exists():
        return
    with db.atomic():
        for stmt in TABLES_SQL.split(";"):
            if stmt.strip():
                db.execute(stmt)


def _state(inst: Installation, key: str, default: int = 0) -> int:
    row = inst.store.db.execute("SELECT value FROM exchange_state WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row else default


def _set_state(inst: Installation, key: str, value: int) -> None:
    inst.store.db.execute(
        "INSERT INTO exchange_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value",
        [key, str(value)],
    )


def known_keys(inst: Installation) -> dict[str, KnownKey]:
    out: dict[str, KnownKey] = {}
    for r in inst.store.db.query("SELECT * FROM exchange_keys"):
        out[r["unit_code"]] = KnownKey(
            r["unit_code"],
            r["fingerprint"],
            unb64(r["signing_key"], 32) if r["signing_key"] else None,
            unb64(r["encryption_key"], 32) if r["encryption_key"] else None,
        )
    return out


def _record_key(
    inst: Installation, unit: str, signing: bytes, encryption: bytes | None, fpr: str, source: str
) -> None:
    """Insert or complete a unit's key (caller holds the transaction; caller checked trust)."""
    now = utc_now()
    row = inst.store.db.execute(
        "SELECT signing_key, encryption_key FROM exchange_keys WHERE unit_code = ?", [unit]
    ).fetchone()
    enc = b64(encryption) if encryption else None
    if row is None:
        inst.store.db.execute(
            "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [unit, fpr, b64(signing), enc, source, now, now],
        )
    elif row[0] != b64(signing) or (enc and row[1] != enc):
        inst.store.db.execute(
            "UPDATE exchange_keys SET fingerprint = ?, signing_key = ?, encryption_key = COALESCE(?, "
            "encryption_key), "
            "updated_at = ? WHERE unit_code = ?",
            [fpr, b64(signing), enc, now, unit],
        )


def _on(inst: Installation) -> date:
    return date(inst.working_year, 12, 31)


def _label(inst: Installation, code: str, on: date | None = None) -> str:
    return unit_label(inst.units, code, on or _on(inst))


def _bundle_label(inst: Installation, bundle: Bundle) -> str:
    try:
        on = date.fromisoformat(bundle.manifest["period"]["to"])
    except (KeyError, TypeError, ValueError):
        on = None
    return _label(inst, bundle.unit, on)


# -- keys ----------------------------------------------------------------------------------------------
def own_keys(inst: Installation) -> KeyPair:
    """This installation's key pair, made on first use. When password protection is on, the
    logged-in session's KEK encrypts/decrypts the private key files (services/access)."""
    session = getattr(inst, "session", None)
    return ensure_keys(
        paths.keys_dir(inst.folder),
        protect=getattr(session, "protect", None),
        unprotect=getattr(session, "unprotect", None),
    )


def _require_approver(inst: Installation, action_vi: str) -> None:
    session = getattr(inst, "session", None)
    require = getattr(session, "require", None)
    if require is not None:
        require("approver", action_vi)


@dataclass(frozen=True)
class KeyInfo:
    unit_code: str
    unit_name: str
    fingerprint: str
    source: str
    first_seen_at: str
    has_key: bool


def keys_overview(inst: Installation) -> tuple[str, list[KeyInfo]]:
    """Own fingerprint, and the keys on record for other units."""
    ensure_tables(inst)
    own = own_keys(inst).fingerprint
    rows = []
    for r in inst.store.db.query("SELECT * FROM exchange_keys ORDER BY unit_code"):
        u = inst.units.get(r["unit_code"], _on(inst)) or inst.units.get(r["unit_code"])
        rows.append(
            KeyInfo(
                r["unit_code"],
                u.name if u else "",
                r["fingerprint"],
                r["source"],
                r["first_seen_at"],
                bool(r["signing_key"]),
            )
        )
    return own, rows


def trust_key(inst: Installation, unit: str, fingerprint_text: str) -> str:
    """Re-enrol a unit: the next package must be signed by the key with this fingerprint."""
    _require_approver(inst, "đăng ký lại khóa của đơn vị khác")
    ensure_tables(inst)
    try:
        fpr = normalise_fingerprint(fingerprint_text)
    except ValueError:
        raise ExchangeError(
            f"Dấu vân tay «{fingerprint_text}» không hợp lệ: cần đúng 30 chữ số (6 nhóm 5 số)."
        ) from None
    if not inst.units.versions(unit):
        raise ExchangeError(f"Không có đơn vị mã {unit} trong danh mục.")
    if unit == inst.unit_code:
        raise ExchangeError("Không đăng ký khóa cho chính đơn vị mình.")
    now = utc_now()
    with inst.store.db.atomic():
        row = inst.store.db.execute(
            "SELECT fingerprint FROM exchange_keys WHERE unit_code = ?", [unit]
        ).fetchone()
        if row and row[0] == fpr:
            return fpr
        inst.store.db.execute("DELETE FROM exchange_keys WHERE unit_code = ?", [unit])
        inst.store.db.execute(
            "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, "
            "updated_at) VALUES (?, ?, NULL, NULL, 'officer', ?, ?)",
            [unit, fpr, now, now],
        )
    return fpr


# -- writing files safely -------------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_verified(
    path: Path, data: bytes, check: Callable[[bytes], None], before_rename: Callable[[], None]
) -> None:
    """Write under a temporary name, flush, read back and check, run ``before_rename`` (the
    bookkeeping commit), then rename: a stick pulled out mid-write never leaves a file that looks valid."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        back = tmp.read_bytes()
        if back != data:
            raise ExchangeError(f"Tệp ghi ra {path} đọc lại không khớp: ổ đĩa có thể bị lỗi. Hãy thử ổ khác.")
        check(back)
        before_rename()
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()


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
        if e.status in ("signed", "sent") and e.file_path and Path(e.file_path).is_file()
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
    ensure_tables(inst)
    keys = own_keys(inst)
    store = inst.store
    unit = inst.unit()
    parent = inst.units.parent(inst.unit_code, _on(inst))
    if parent is None:
        raise ExchangeError(f"{unit.name} không có đơn vị cấp trên để gửi gói dữ liệu.")
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
            rows = list(
                store.db.query(
                    f"SELECT * FROM [{form.table}] WHERE unit_code = ? AND change_seq > ? AND change_seq "
                    "<= ? ORDER BY id",
                    [inst.unit_code, since, upto],
                )
            )
            if not rows:
                continue
            members.append((f"records/{form.id}.jsonl", records_member(rows, store.content_columns(form))))
            counts[form.id] = {"records": len(rows), "deleted": sum(1 for r in rows if r["deleted"])}
            p = _period_of_rows(form, [r for r in rows])
            if p:
                span += list(p)
        archive = list(
            store.db.query("SELECT id, blob FROM exchange_archive WHERE id > ? ORDER BY id", [since_archive])
        )
        upto_archive = max([since_archive, *(a["id"] for a in archive)])
        forwarded = [ForwardedBundle.from_blob(a["blob"]) for a in archive]
        for b in forwarded:
            fm = json.loads(b.manifest_raw)
            with contextlib.suppress(KeyError, TypeError, ValueError):
                span += [date.fromisoformat(fm["period"]["from"]), date.fromisoformat(fm["period"]["to"])]
        seq = int(store.db.execute("SELECT COALESCE(MAX(seq), 0) FROM exchange_exports").fetchone()[0]) + 1
        parent_key = known_keys(inst).get(parent.code)
    step(len(forms), total_steps, "Đang đóng gói và ký…")
    report_meta = []
    for name, data, meta in _report_members(report_files):
        members.append((name, data))
        report_meta.append(meta)
    year_start, year_end = date(inst.working_year, 1, 1), date(inst.working_year, 12, 31)
    p_from, p_to = (min(span), max(span)) if span else (year_start, year_end)
    recipient = None
    if parent_key is not None and parent_key.encryption_key is not None:
        recipient = Recipient(parent.code, parent_key.encryption_key, parent_key.fingerprint)
    manifest = {
        "kind": "package",
        "source": {"unit": inst.unit_code, "name": unit.name, "level": unit.level.value},
        "parent": parent.code,
        "sequence": seq,
        "created_at": created_at,
        "program_version": __version__,
        "forms_version": store.forms.signature(),
        "working_year": inst.working_year,
        "period": {"from": p_from.isoformat(), "to": p_to.isoformat()},
        "full": bool(full),
        "since_change_seq": since,
        "upto_change_seq": upto,
        "counts": counts,
        "reports": report_meta,
    }
    data, raw = build_package(keys, manifest, members, forwarded, recipient)
    name = package_file_name(inst.unit_code, now.date(), seq)
    path = Path(out_dir) / name
    step(len(forms) + 1, total_steps, f"Đang ghi {name}…")

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Gói vừa ghi")
        if signed.raw != raw or signed.signing_key != keys.signing_public:
            raise ExchangeError("Gói vừa ghi không khớp khi đọc lại.")

    def commit() -> None:
        with store.db.atomic():
            store.db.execute(
                "INSERT INTO exchange_exports(seq, created_at, file_name, manifest_sha256, full, "
                "since_change_seq, "
                "upto_change_seq, upto_archive_id, encrypted_to, records, report_ids) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ],
            )
            _set_report_status(inst, [e.id for e in signed_entries if e.status == "signed"], "sent")
            # what the overview page shows (services/overview.py reads these two settings)
            store.set_settings({"last_export_at": created_at, "last_export_seq": upto})

    _write_verified(path, data, check, commit)
    step(total_steps, total_steps, "Xong.")
    return ExportResult(path, seq, counts, len(forwarded), recipient.unit if recipient else None, full)


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


# -- import --------------------------------------------------------------------------------------------------
@dataclass
class FormTally:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    conflicts: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    path: Path
    kind: str = "package"  # package | receipt
    ok: bool = False
    message: str = ""  # refusal reason (Vietnamese) or a one-line summary
    reason_code: str = ""
    source_unit: str = ""
    sequence: int | None = None
    already_imported: bool = False
    tally: dict[tuple[str, str], FormTally] = field(default_factory=dict)  # (unit, form) -> tally
    new_keys: list[tuple[str, str]] = field(default_factory=list)  # (unit, fingerprint)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    unit_code: str
    unit_name: str
    at: str
    files: list[FileResult] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    saved_to: Path | None = None

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def text(self, units=None, forms=None) -> str:
        lines = [
            f"BÁO CÁO NHẬP GÓI DỮ LIỆU — {self.unit_name} (mã {self.unit_code})",
            f"Thời điểm: {local_time(self.at)}",
            "",
        ]
        for f in self.files:
            head = f"Tệp {f.path.name}: "
            if not f.ok:
                lines.append(head + f"BỊ TỪ CHỐI — {f.message}")
                lines.append("  Dữ liệu không thay đổi.")
                lines.append("")
                continue
            lines.append(head + f.message)
            for unit, fpr in f.new_keys:
                lines.append(
                    f"  Ghi nhận khóa lần đầu của {unit}: dấu vân tay {fpr}. "
                    "Hãy gọi điện cho đơn vị đó để đối chiếu."
                )
            if f.tally:
                lines.append(
                    f"  {'Đơn vị':<8} {'Biểu mẫu':<34} {'Mới':>5} {'Cập nhật':>9} {'Không đổi':>10} "
                    f"{'Từ chối':>8} {'Xung đột':>9}"
                )
            for (unit, form_id), t in sorted(f.tally.items()):
                label = forms[form_id].label if forms and form_id in forms else form_id
                lines.append(
                    f"  {unit:<8} {label[:34]:<34} {t.new:>5} {t.updated:>9} {t.unchanged:>10} "
                    f"{t.rejected:>8} {t.conflicts:>9}"
                )
                for r in t.reasons[:50]:
                    lines.append(f"      - {r}")
                if len(t.reasons) > 50:
                    lines.append(f"      … và {len(t.reasons) - 50} dòng khác")
            for w in f.warnings:
                lines.append(f"  Lưu ý: {w}")
            lines.append("")
        for g in self.gaps:
            lines.append(f"Lưu ý: {g}")
        return "\n".join(lines).rstrip() + "\n"


def local_time(iso: str) -> str:
    """A UTC ISO time as the officer reads it: local ``dd/mm/yyyy HH:MM``."""
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().strftime("%d/%m/%Y %H:%M")
    except (ValueError, AttributeError):
        return iso


class _IncomingContext:
    """Validation context for records that arrive: references may point at records that arrive in
    another package (order must not matter), so a missing reference is a warning, not a refusal;
    uniqueness is the owning unit's business."""

    def __init__(self, inst: Installation, unit_code: str, in_package: set[tuple[str, str]], today: date):
        self.store = inst.store
        self.unit_code = unit_code
        self.today = today
        self.in_package = in_package
        self.missing: list[str] = []

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool:
        if (form_id, record_id) not in self.in_package and not self.store.record_exists(
            form_id, record_id, unit_code
        ):
            self.missing.append(record_id)
        return True

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id) -> bool:
        return True


def _form_order(inst: Installation, form_ids: Iterable[str]) -> list[str]:
    """Forms that others refer to first."""
    forms = inst.store.forms
    ids = sorted(form_ids)
    done: list[str] = []

    def visit(fid: str, stack: set[str]) -> None:
        if fid in done or fid in stack or fid not in forms:
            return
        stack.add(fid)
        for fd in forms[fid].fields:
            if fd.type in ("ref", "refs") and fd.form in ids:
                visit(fd.form, stack)
        done.append(fid)

    for fid in ids:
        visit(fid, set())
    return done


def _verify_context(inst: Installation, keys: KeyPair) -> VerifyContext:
    return VerifyContext(inst.unit_code, inst.units, keys, known_keys(inst), inst.store.forms)


def _apply_bundle(
    inst: Installation,
    service,
    bundle: Bundle,
    result: FileResult,
    today: date,
    changed: dict[str, list[str]],
) -> None:
    store = inst.store
    label_unit = bundle.unit
    in_package = {(fid, r["id"]) for fid, rows in bundle.records.items() for r in rows}
    for p in bundle.problems:
        t = result.tally.setdefault((label_unit, p.form_id), FormTally())
        t.rejected += 1
        t.reasons.append(f"Từ chối bản ghi {p.record_id}: {p.reason}.")
    for fid in bundle.unknown_forms:
        result.warnings.append(f"Gói có biểu mẫu «{fid}» mà phiên bản chương trình này chưa có; đã bỏ qua.")
    note = f"gói {bundle.unit} số {bundle.sequence}" + (
        f" qua {bundle.forwarded_by}" if bundle.forwarded_by else ""
    )
    for fid in _form_order(inst, bundle.records):
        form = store.forms[fid]
        t = result.tally.setdefault((label_unit, fid), FormTally())
        rows = bundle.records[fid]
        existing = store.rows_by_ids(form, [r["id"] for r in rows])
        for row in rows:
            rid = row["id"]
            cur = existing.get(rid)
            if cur is not None and cur["unit_code"] != row["unit_code"]:
                t.rejected += 1
                t.reasons.append(
                    f"Từ chối bản ghi {rid}: trùng mã với một bản ghi của đơn vị {cur['unit_code']}."
                )
                continue
            if not row["deleted"]:
                ctx = _IncomingContext(inst, row["unit_code"], in_package, today)
                try:
                    res = validate(
                        form, store.to_values(form, row), ctx, record_id=rid, unit_code=row["unit_code"]
                    )
                except (ValueError, TypeError, KeyError):
                    t.rejected += 1
                    t.reasons.append(f"Từ chối bản ghi {rid}: dữ liệu không đọc được.")
                    continue
                if not res.ok:
                    t.rejected += 1
                    t.reasons.append(f"Từ chối bản ghi {rid}: " + "; ".join(i.message for i in res.issues))
                    continue
                if ctx.missing:
                    result.warnings.append(
                        f"{form.label}, bản ghi {rid}: tham chiếu tới {len(ctx.missing)} bản ghi chưa có ở "
                        "đây "
                        "(sẽ có khi nhập gói chứa bản ghi đó)."
                    )
            inc_hash = store.row_hash(form, row)
            cur_hash = store.row_hash(form, cur) if cur is not None else None
            d = merge.decide(cur, cur_hash, row, inc_hash)
            if d.conflict:
                t.conflicts += 1
                t.reasons.append(
                    f"Xung đột ở bản ghi {rid} (cùng phiên bản {row['revision']} nhưng khác nội dung): "
                    + ("giữ bản mới nhận (sửa sau)." if d.write else "giữ bản đang có (sửa sau).")
                )
            if d.write:
                service.apply_incoming(fid, row, note=note)
                changed[fid].append(rid)
                if d.outcome == merge.NEW:
                    t.new += 1
                else:
                    t.updated += 1
            else:
                t.unchanged += 1


def _record_received(inst: Installation, bundle: Bundle, file_name: str) -> bool:
    """Note a bundle as received; False when it was already."""
    m = bundle.manifest
    db = inst.store.db
    if db.execute(
        "SELECT 1 FROM exchange_received WHERE manifest_sha256 = ?", [bundle.signed.sha256]
    ).fetchone():
        return False
    reports = [r.get("period") for r in m.get("reports", []) if isinstance(r, dict)]
    db.execute(
        "INSERT INTO exchange_received(manifest_sha256, unit_code, seq, via_unit, created_at, imported_at, "
        "period_from, "
        "period_to, records, reports, fingerprint, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            bundle.signed.sha256,
            bundle.unit,
            bundle.sequence,
            bundle.forwarded_by,
            m["created_at"],
            utc_now(),
            m["period"]["from"],
            m["period"]["to"],
            sum(len(v) for v in bundle.records.values()),
            json.dumps(reports),
            bundle.signed.fingerprint,
            file_name[:200],
        ],
    )
    return True


def _apply_package(
    inst: Installation, pkg: VerifiedPackage, result: FileResult, actor: str | None, service=None
) -> None:
    store = inst.store
    service = service or inst.records(actor)
    today = date.today() + timedelta(days=2)  # clocks differ a little between offices
    changed: dict[str, list[str]] = defaultdict(list)
    has_parent = inst.units.parent(inst.unit_code, _on(inst)) is not None
    with store.db.atomic():
        # keys met for the first time (or enrolled by fingerprint) are recorded with the data
        labels = {b.unit: _bundle_label(inst, b) for b in pkg.bundles}
        for unit, (signing, enc, fpr, status) in pkg.trust.seen.items():
            if status in ("new", "enrolled"):
                _record_key(inst, unit, signing, enc, fpr, "tofu" if status == "new" else "officer")
                if status == "new":
                    result.new_keys.append((labels.get(unit) or _label(inst, unit), fpr))
            else:
                _record_key(inst, unit, signing, enc, fpr, "tofu")  # completes a missing encryption key only
        fresh = False
        for bundle in pkg.bundles:
            _apply_bundle(inst, service, bundle, result, today, changed)
            fresh |= _record_received(inst, bundle, result.path.name)
        if has_parent:  # keep the child's signed bundle to pass upward unchanged
            b = pkg.own
            if not store.db.execute(
                "SELECT 1 FROM exchange_archive WHERE manifest_sha256 = ?", [b.signed.sha256]
            ).fetchone():
                store.db.execute(
                    "INSERT INTO exchange_archive(manifest_sha256, unit_code, seq, blob, archived_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [b.signed.sha256, b.unit, b.sequence, b.to_forward().to_blob(), utc_now()],
                )
    result.already_imported = not fresh
    for fid, ids in changed.items():
        service.notify(Change(fid, tuple(ids), "import"))


def _gaps(inst: Installation, units: Iterable[str]) -> list[str]:
    out = []
    for unit in sorted(set(units)):
        seqs = {
            r[0]
            for r in inst.store.db.execute("SELECT seq FROM exchange_received WHERE unit_code = ?", [unit])
        }
        if not seqs:
            continue
        missing = sorted(set(range(1, max(seqs) + 1)) - seqs)
        if missing:
            nums = ", ".join(str(n) for n in missing[:20]) + ("…" if len(missing) > 20 else "")
            out.append(f"thiếu gói số {nums} của {_label(inst, unit)}.")
    return out


def expand_paths(items: Iterable[Path], inst: Installation | None = None) -> list[Path]:
    """Files as given; a folder gives its package and receipt files, by name. From a folder, the
    installation's own packages (``<own unit>_….pdpkg``), any package at a commune, and receipts meant
    for other units are left out: a stick often carries both directions at once."""
    own_unit = inst.unit_code if inst is not None else None
    no_packages = inst is not None and inst.level == Level.COMMUNE
    out: list[Path] = []
    for p in items:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.iterdir()):
                suffix = f.suffix.lower()
                if not f.is_file() or f.name.startswith(".") or suffix not in (PACKAGE_EXT, RECEIPT_EXT):
                    continue
                if suffix == PACKAGE_EXT and (
                    no_packages or (own_unit and f.name.startswith(f"{own_unit}_"))
                ):
                    continue
                if own_unit and suffix == RECEIPT_EXT and not f.name.startswith(f"{own_unit}_"):
                    continue
                out.append(f)
        else:
            out.append(p)
    return out


def import_files(
    inst: Installation,
    files: Iterable[Path],
    *,
    actor: str | None = None,
    progress: Progress | None = None,
    save_report: bool = True,
    service=None,
) -> ImportReport:
    """Verify and apply each file (packages; receipts at a commune). Each file is all-or-nothing.

    ``service`` is the window's RecordService, so that its listeners hear about imported records."""
    ensure_tables(inst)
    keys = own_keys(inst)
    items = expand_paths(files, inst)
    report = ImportReport(inst.unit_code, inst.unit().name, utc_now())
    touched: set[str] = set()
    for i, path in enumerate(items):
        if progress:
            progress(i, len(items), f"Đang kiểm tra {path.name}…")
        result = FileResult(path)
        report.files.append(result)
        try:
            try:
                pkg = verify_package(path, _verify_context(inst, keys), what=f"Gói «{path.name}»")
            except PackageRefused as exc:
                if exc.reason != "wrong_kind":
                    raise
                signed = verify_document(path, "receipt", f"Tệp «{path.name}»")
                result.kind = "receipt"
                result.message = _apply_receipt(inst, signed)
                result.ok = True
                continue
            result.source_unit = pkg.own.unit
            result.sequence = pkg.own.sequence
            if progress:
                progress(i, len(items), f"Đang nhập {path.name}…")
            _apply_package(inst, pkg, result, actor, service)
            touched |= {b.unit for b in pkg.bundles}
            t = result.tally.values()
            summary = (
                f"gói số {pkg.own.sequence} của {_bundle_label(inst, pkg.own)}"
                + (f", kèm {len(pkg.forwarded)} gói của đơn vị cấp dưới" if pkg.forwarded else "")
                + f": {sum(x.new for x in t)} mới, {sum(x.updated for x in t)} cập nhật, "
                f"{sum(x.unchanged for x in t)} không đổi, {sum(x.rejected for x in t)} bị từ chối."
            )
            if result.already_imported:
                summary += " (Gói này đã được nhập trước đây.)"
            result.message = "Đã nhập " + summary
            result.ok = True
        except PackageRefused as exc:
            result.message, result.reason_code = str(exc), exc.reason
        except ExchangeError as exc:
            result.message, result.reason_code = str(exc), "refused"
    report.gaps = _gaps(inst, touched)
    if progress:
        progress(len(items), len(items), "Xong.")
    if save_report and items:
        folder = inst.folder / "exchange" / "import-reports"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            name = datetime.now(UTC).strftime("nhap-goi_%Y%m%d_%H%M%S_%f.txt")
            (folder / name).write_text(report.text(forms=inst.store.forms), encoding="utf-8")
            report.saved_to = folder / name
        except OSError:
            report.saved_to = None
    return report


# -- receipts -----------------------------------------------------------------------------------------------
@dataclass
class ReceiptResult:
    path: Path
    unit: str
    sequence: int
    status: str


def write_receipt(
    inst: Installation,
    unit: str,
    out_dir: Path,
    *,
    sequence: int | None = None,
    status: str = "accepted",
    reason: str = "",
) -> ReceiptResult:
    """A signed receipt for a child's package (the latest received unless ``sequence``)."""
    ensure_tables(inst)
    if status not in ("accepted", "returned"):
        raise ExchangeError("Kết quả phải là «accepted» (tiếp nhận) hoặc «returned» (trả lại).")
    if status == "returned" and not reason.strip():
        raise ExchangeError("Khi trả lại gói cần ghi rõ lý do.")
    keys = own_keys(inst)
    sql = "SELECT * FROM exchange_received WHERE unit_code = ? AND via_unit IS NULL"
    params: list[Any] = [unit]
    if sequence is not None:
        sql += " AND seq = ?"
        params.append(sequence)
    rows = list(inst.store.db.query(sql + " ORDER BY seq DESC, imported_at DESC LIMIT 1", params))
    if not rows:
        which = f"gói số {sequence}" if sequence else "gói nào"
        raise ExchangeError(f"Chưa nhận {which} của {_label(inst, unit)}; không lập được biên nhận.")
    r = rows[0]
    me = inst.unit()
    now = utc_now()
    manifest = {
        "kind": "receipt",
        "issuer": {"unit": inst.unit_code, "name": me.name},
        "unit": unit,
        "sequence": r["seq"],
        "package_sha256": r["manifest_sha256"],
        "status": status,
        "reason": reason.strip(),
        "created_at": now,
        "records": r["records"],
    }
    data, raw = build_signed_document(keys, manifest)
    name = f"{unit}_bien-nhan_{r['seq']:04d}_{now[:10].replace('-', '')}{RECEIPT_EXT}"
    path = Path(out_dir) / name

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Biên nhận vừa ghi")
        if signed.raw != raw:
            raise ExchangeError("Biên nhận vừa ghi không khớp khi đọc lại.")

    def commit() -> None:
        with inst.store.db.atomic():
            inst.store.db.execute(
                "INSERT INTO exchange_receipts(unit_code, seq, package_sha256, status, reason, created_at, "
                "file_name) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [unit, r["seq"], r["manifest_sha256"], status, reason.strip(), now, name],
            )

    _write_verified(path, data, check, commit)
    return ReceiptResult(path, unit, r["seq"], status)


def _check_issuer_is_parent(inst: Installation, signed: SignedManifest, what: str) -> str:
    issuer = signed.data["issuer"]["unit"]
    on = _on(inst)
    parents = {p.code for d in (on, date.today()) if (p := inst.units.parent(inst.unit_code, d))}
    if issuer not in parents:
        raise PackageRefused(
            f"{what} do {_label(inst, issuer)} lập, không phải đơn vị cấp trên của đơn vị này.",
            "foreign_unit",
        )
    return issuer


def _apply_receipt(inst: Installation, signed: SignedManifest) -> str:
    m = signed.data
    what = "Biên nhận"
    if m["unit"] != inst.unit_code:
        raise PackageRefused(
            f"{what} này dành cho đơn vị mã {m['unit']}, không phải đơn vị này.", "foreign_unit"
        )
    issuer = _check_issuer_is_parent(inst, signed, what)
    trust = TrustCheck(known_keys(inst))
    status = trust.check(issuer, signed, _label(inst, issuer))
    db = inst.store.db
    exp = db.execute(
        "SELECT upto_change_seq, upto_archive_id, manifest_sha256, status, status_reason, report_ids "
        "FROM exchange_exports WHERE seq = ?",
        [m["sequence"]],
    ).fetchone()
    if exp is None or exp[2] != m["package_sha256"]:
        raise PackageRefused(
            f"{what} ghi nhận gói số {m['sequence']}, nhưng đơn vị này không xuất gói đó.", "unknown_package"
        )
    with db.atomic():
        _record_key(
            inst,
            issuer,
            signed.signing_key,
            signed.encryption_key,
            signed.fingerprint,
            "tofu" if status == "new" else "officer",
        )
        if (exp[3], exp[4] or "") != (m["status"], m.get("reason", "")):
            db.execute(
                "UPDATE exchange_exports SET status = ?, status_reason = ?, status_at = ? WHERE seq = ?",
                [m["status"], m.get("reason", ""), m["created_at"], m["sequence"]],
            )
        if m["status"] == "accepted":
            if exp[0] > _state(inst, "acked_change_seq"):
                _set_state(inst, "acked_change_seq", exp[0])
            if exp[1] > _state(inst, "acked_archive_id"):
                _set_state(inst, "acked_archive_id", exp[1])
            if exp[3] != "accepted":
                _set_report_status(inst, json.loads(exp[5] or "[]"), "accepted")
    if m["status"] == "accepted":
        msg = f"{_label(inst, issuer)} đã tiếp nhận gói số {m['sequence']}."
    else:
        msg = f"{_label(inst, issuer)} TRẢ LẠI gói số {m['sequence']}: {m.get('reason', '')}"
    if status == "new":
        msg += f" Ghi nhận khóa của đơn vị cấp trên: dấu vân tay {signed.fingerprint}."
    return msg


# -- setup file ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SetupInfo:
    unit: str
    unit_name: str
    issuer: str
    issuer_name: str
    fingerprint: str
    working_year: int | None
    forms_version: str
    plan_targets: dict[str, Any]
    signed: SignedManifest
    plan_id: str | None = None


def _plan_info(inst: Installation) -> dict[str, Any]:
    """The plan this installation follows and its targets per indicator and year (for a setup file)."""
    try:
        from plan_desktop.domain.plan import default_plan

        plan = default_plan(inst.store.get_setting("plan_id"))
    except Exception:  # no plan file shipped: the setup file simply carries none
        return {"plan_id": None, "plan_targets": {}}
    targets = {i.id: {str(y): t.as_json() for y, t in sorted(i.targets.items())} for i in plan.indicators}
    return {"plan_id": plan.id, "plan_number": plan.number, "plan_targets": targets}


def write_setup_file(inst: Installation, unit: str, out_dir: Path) -> Path:
    """A signed setup file for a child unit: its code, our public keys, the forms version, the targets."""
    _require_approver(inst, "lập tệp thiết lập cho đơn vị cấp dưới")
    ensure_tables(inst)
    keys = own_keys(inst)
    child = inst.units.get(unit, _on(inst))
    if child is None or child.parent_code != inst.unit_code:
        raise ExchangeError(
            f"Đơn vị mã {unit} không trực thuộc {inst.unit().name} trong năm {inst.working_year}."
        )
    me = inst.unit()
    manifest = {
        "kind": "setup",
        "issuer": {"unit": inst.unit_code, "name": me.name, "level": me.level.value},
        "unit": unit,
        "unit_name": child.name,
        "created_at": utc_now(),
        "forms_version": inst.store.forms.signature(),
        "working_year": inst.working_year,
        **_plan_info(inst),
    }
    data, raw = build_signed_document(keys, manifest)
    path = Path(out_dir) / f"{unit}_thiet-lap{SETUP_EXT}"

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Tệp thiết lập vừa ghi")
        if signed.raw != raw:
            raise ExchangeError("Tệp thiết lập vừa ghi không khớp khi đọc lại.")

    _write_verified(path, data, check, lambda: None)
    return path


def read_setup_file(path: Path) -> SetupInfo:
    """Open and check a setup file (for the first-run wizard). Nothing is written."""
    from plan_desktop.domain.units import default_registry

    what = f"Tệp thiết lập «{Path(path).name}»"
    signed = verify_document(Path(path), "setup", what)
    m = signed.data
    units = default_registry()
    unit, issuer = m["unit"], m["issuer"]["unit"]
    versions = units.versions(unit)
    if not versions or not any(v.parent_code == issuer for v in versions):
        raise PackageRefused(
            f"{what}: đơn vị mã {unit} không trực thuộc đơn vị lập tệp (mã {issuer}).", "foreign_unit"
        )
    u = units.get(unit)
    wy = m.get("working_year")
    return SetupInfo(
        unit,
        str(m.get("unit_name") or (u.name if u else unit)),
        issuer,
        str(m["issuer"].get("name") or issuer),
        signed.fingerprint,
        wy if isinstance(wy, int) and not isinstance(wy, bool) else None,
        str(m.get("forms_version") or ""),
        m.get("plan_targets") if isinstance(m.get("plan_targets"), dict) else {},
        signed,
        m.get("plan_id") if isinstance(m.get("plan_id"), str) else None,
    )


def apply_setup_file(inst: Installation, info: SetupInfo | Path) -> SetupInfo:
    """Record the parent's keys (and the plan targets) from a setup file, at the unit it is for."""
    ensure_tables(inst)
    if not isinstance(info, SetupInfo):
        info = read_setup_file(info)
    if info.unit != inst.unit_code:
        raise PackageRefused(
            f"Tệp thiết lập dành cho {info.unit_name} (mã {info.unit}), "
            f"không phải đơn vị của thư mục này (mã {inst.unit_code}).",
            "foreign_unit",
        )
    trust = TrustCheck(known_keys(inst))
    trust.check(info.issuer, info.signed, f"{info.issuer_name} (mã {info.issuer})")
    with inst.store.db.atomic():
        _record_key(
            inst, info.issuer, info.signed.signing_key, info.signed.encryption_key, info.fingerprint, "setup"
        )
    settings: dict[str, Any] = {}
    if info.plan_targets:
        settings["plan_targets"] = info.plan_targets
    if info.plan_id:
        try:
            from plan_desktop.domain.plan import load_plans

            if any(p.id == info.plan_id for p in load_plans()):
                settings["plan_id"] = info.plan_id
        except Exception:  # the plan files could not be read: keep the current plan
            pass
    if settings:
        inst.store.set_settings(settings)
    return info


# -- status and completeness ---------------------------------------------------------------------------------
@dataclass
class ExportStatus:
    sequence: int
    created_at: str
    file_name: str
    records: int
    full: bool
    encrypted_to: str | None
    status: str  # sent | accepted | returned
    reason: str


def export_history(inst: Installation) -> list[ExportStatus]:
    ensure_tables(inst)
    return [
        ExportStatus(
            r["seq"],
            r["created_at"],
            r["file_name"],
            r["records"],
            bool(r["full"]),
            r["encrypted_to"],
            r["status"],
            r["status_reason"] or "",
        )
        for r in inst.store.db.query("SELECT * FROM exchange_exports ORDER BY seq DESC")
    ]


def pending_changes(inst: Installation) -> int:
    """How many own records changed since the acknowledged export (what the next package carries)."""
    ensure_tables(inst)
    since = _state(inst, "acked_change_seq")
    return sum(
        inst.store.db.execute(
            f"SELECT COUNT(*) FROM [{f.table}] WHERE unit_code = ? AND change_seq > ?",
            [inst.unit_code, since],
        ).fetchone()[0]
        for f in inst.store.forms.values()
    )


@dataclass
class Cell:
    status: str  # on_time | late | missing | pending
    package_date: str | None = None
    report_signed: bool = False

    @property
    def label(self) -> str:
        return {"on_time": "Đúng hạn", "late": "Muộn", "missing": "Chưa nhận", "pending": "Chưa đến hạn"}[
            self.status
        ]


@dataclass
class Board:
    periods: list[str]
    units: list[tuple[str, str]]  # (code, name)
    cells: dict[tuple[str, str], Cell]
    last_package: dict[str, str | None]
    records: dict[str, int]

    def text(self) -> str:
        head = f"{'Mã':<6} {'Đơn vị':<26} " + " ".join(f"{p:<13}" for p in self.periods) + "  Gói gần nhất"
        lines = [head]
        for code, name in self.units:
            cells = []
            for p in self.periods:
                c = self.cells[(code, p)]
                cells.append(f"{c.label + (' ✔BC' if c.report_signed else ''):<13}")
            lines.append(
                f"{code:<6} {name[:26]:<26} " + " ".join(cells) + f"  {(self.last_package[code] or '—')[:10]}"
            )
        return "\n".join(lines) + "\n"


def completeness(
    inst: Installation,
    *,
    year: int | None = None,
    kind: str = "Q",
    all_levels: bool = False,
    grace_days: int = DEFAULT_GRACE_DAYS,
    today: date | None = None,
) -> Board:
    """Units by periods: received on time / late / missing, report signed or not, last package date."""
    ensure_tables(inst)
    year = year or inst.working_year
    today = today or date.today()
    on = date(year, 12, 31)
    units = inst.units.descendants(inst.unit_code, on) if all_levels else inst.child_units(on)
    periods = Period.parse(str(year)).parts(kind)
    received: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in inst.store.db.query(
        "SELECT unit_code, created_at, reports, records FROM exchange_received ORDER BY created_at"
    ):
        received[r["unit_code"]].append(r)
    cells: dict[tuple[str, str], Cell] = {}
    last: dict[str, str | None] = {}
    counts: dict[str, int] = {}
    for u in units:
        pk = received.get(u.code, [])
        last[u.code] = pk[-1]["created_at"] if pk else None
        counts[u.code] = sum(inst.store.count(f, Query(unit_code=u.code)) for f in inst.store.forms.values())
        for p in periods:
            _, end = inst.period_bounds(p)
            deadline = end + timedelta(days=grace_days)
            after = [r for r in pk if r["created_at"][:10] >= end.isoformat()]
            signed = any(_report_covers(rep, p) for r in pk for rep in json.loads(r["reports"] or "[]"))
            if after:
                first = after[0]["created_at"][:10]
                status = "on_time" if first <= deadline.isoformat() else "late"
                cells[(u.code, str(p))] = Cell(status, first, signed)
            else:
                cells[(u.code, str(p))] = Cell("pending" if today <= deadline else "missing", None, signed)
    return Board([str(p) for p in periods], [(u.code, u.name) for u in units], cells, last, counts)


def _report_covers(report_period: Any, p: Period) -> bool:
    if not isinstance(report_period, str):
        return False
    try:
        rp = Period.parse(report_period)
    except ValueError:
        return False
    a, b = rp.bounds()
    c, d = p.bounds()
    return a <= c and d <= b


def level_can_import(inst: Installation) -> bool:
    return inst.level != Level.COMMUNE


def has_keys(inst: Installation) -> bool:
    folder = paths.keys_dir(inst.folder)
    return (folder / "signing_ed25519.pem").exists()
