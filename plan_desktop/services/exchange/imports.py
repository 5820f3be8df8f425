"""Import: verify packages (and receipts at a commune) before touching the store, then apply each
in one transaction and write the import report."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from plan_desktop.domain.forms import COMMON_FIELDS
from plan_desktop.domain.units import Level
from plan_desktop.domain.validation import validate
from plan_desktop.exchange import merge
from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.exchange.keys import KeyPair, short_code
from plan_desktop.exchange.package import (
    PACKAGE_EXT,
    RECEIPT_EXT,
    Bundle,
    Untrusted,
    VerifiedPackage,
    VerifyContext,
    open_package,
    read_source,
    verify_document,
)
from plan_desktop.services.exchange.anchors import compare_anchor, record_anchor
from plan_desktop.services.exchange.keys import (
    own_keys,
)
from plan_desktop.services.exchange.receipts import (
    _apply_receipt,
    _source,
    check_receipt,
)
from plan_desktop.services.exchange.state import (
    Progress,
    _bundle_label,
    _label,
    _on,
    _record_key,
    held_message,
    hold_file,
    known_keys,
)
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import Change
from plan_desktop.store import exchange_state, utc_now


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
    new_keys: list[tuple[str, str]] = field(default_factory=list)  # (unit, short code) pinned by this file
    warnings: list[str] = field(default_factory=list)
    #: the file is held apart («chờ xác nhận»): these keys wait for an approver; nothing was applied
    held: list[Untrusted] = field(default_factory=list)
    #: what the audit chain heads the units reported contradict (rewritten or wiped history below)
    anchor_problems: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    unit_code: str
    unit_name: str
    at: str
    files: list[FileResult] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    saved_to: Path | None = None
    #: The backup made before the first package that changed anything (None: nothing needed one).
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def text(self, units=None, forms=None) -> str:
        lines = [
            f"BÁO CÁO NHẬP GÓI DỮ LIỆU — {self.unit_name} (mã {self.unit_code})",
            f"Thời điểm: {local_time(self.at)}",
        ]
        if self.backup is not None:
            lines.append(f"Bản sao lưu dữ liệu trước khi nhập: {self.backup}")
        lines.append("")
        for f in self.files:
            head = f"Tệp {f.path.name}: "
            if f.held:
                lines.append(head + f.message)
                lines.append("")
                continue
            if not f.ok:
                lines.append(head + f"BỊ TỪ CHỐI — {f.message}")
                lines.append("  Dữ liệu không thay đổi.")
                lines.append("")
                continue
            lines.append(head + f.message)
            for unit, code in f.new_keys:
                lines.append(f"  Ghi nhận khóa của {unit}: mã khóa {code}.")
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
        # any unit's record will do for the warning: a district training's officers are its communes'
        if (form_id, record_id) not in self.in_package and not self.store.record_exists(form_id, record_id, None):
            self.missing.append(record_id)
        return True

    def ref_exists_below(self, form_id: str, record_id: str, unit_code: str) -> bool:
        return True  # never asked: ref_exists already said yes (a missing one is a warning)

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


#: Records of one form decided and written together: the stored rows they meet are read with one
#: query per chunk, and a form of a big bundle is never held twice over (parsed rows and rows to write).
APPLY_CHUNK = 2000


def _apply_bundle(
    inst: Installation,
    service,
    bundle: Bundle,
    result: FileResult,
    today: date,
    changed: dict[str, list[str]],
) -> int:
    """Apply one bundle form by form (forms that others refer to first), each form's records parsed
    only now and dropped once written; returns how many records it carried. A line that is not a
    record raises PackageRefused: the caller's transaction then rolls back the whole package."""
    label_unit = bundle.unit
    for fid in bundle.unknown_forms:
        result.warnings.append(f"Gói có biểu mẫu «{fid}» mà phiên bản chương trình này chưa có; đã bỏ qua.")
    note = f"gói {bundle.unit} số {bundle.sequence}" + (
        f" qua {bundle.forwarded_by}" if bundle.forwarded_by else ""
    )
    order = _form_order(inst, bundle.form_ids)
    # the records of the bundle that a reference may point at (a missing one is only a warning when the
    # package carries it): the ids of every form of the bundle some form of it refers to
    targets = {fd.form for fid in order for fd in inst.store.forms[fid].fields
               if fd.type in ("ref", "refs") and fd.form in bundle.form_ids}
    in_package = _early_ids(inst, bundle, order, targets)
    carried = 0
    for fid in order:
        t = result.tally.setdefault((label_unit, fid), FormTally())
        for rows, problems in bundle.row_chunks(fid, APPLY_CHUNK):
            carried += len(rows)
            if fid in targets:
                in_package.update((fid, r["id"]) for r in rows)
            for p in problems:
                t.rejected += 1
                t.reasons.append(f"Từ chối bản ghi {p.record_id}: {p.reason}.")
            _apply_rows(inst, service, fid, rows, t, in_package, result, today, changed, note)
    return carried


def _early_ids(inst: Installation, bundle: Bundle, order: list[str], targets: set[str]) -> set[tuple[str, str]]:
    """The ids of the referred-to forms that are not wholly read before a form referring to them is
    applied chunk by chunk — itself, or a form after it (forms referring to each other; the program's
    own forms do neither): read before anything is applied."""
    forms = inst.store.forms
    early = {fd.form for k, fid in enumerate(order) for fd in forms[fid].fields
             if fd.type in ("ref", "refs") and fd.form in targets and fd.form in order[k:]}
    out: set[tuple[str, str]] = set()
    for fid in sorted(early):
        for rows, _ in bundle.row_chunks(fid, APPLY_CHUNK):
            out.update((fid, r["id"]) for r in rows)
    return out


def _apply_rows(
    inst: Installation,
    service,
    fid: str,
    rows: list[dict],
    t: FormTally,
    in_package: set[tuple[str, str]],
    result: FileResult,
    today: date,
    changed: dict[str, list[str]],
    note: str,
) -> None:
    """Decide and write one chunk of a form's incoming rows."""
    store = inst.store
    form = store.forms[fid]
    local = form.local_only_names
    values_of = _values_reader(form)
    existing = store.rows_by_ids(form, [r["id"] for r in rows])
    # the winners of this chunk are written together after the decisions (one statement for the
    # records, one for their audit rows); the decisions only read what was there before the package
    # and the package itself, so this is the same as writing each as it is decided
    to_write: list[dict] = []
    hashes: dict[str, str] = {}  # the content hash of a winner written exactly as it came
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
                res = validate(form, values_of(row), ctx, record_id=rid, unit_code=row["unit_code"])
            except (ValueError, TypeError, KeyError):
                t.rejected += 1
                t.reasons.append(f"Từ chối bản ghi {rid}: dữ liệu không đọc được.")
                continue
            # a local_only value stays at its unit: arriving empty it breaks no rule here
            issues = [i for i in res.issues if i.field not in local]
            if issues:
                t.rejected += 1
                t.reasons.append(f"Từ chối bản ghi {rid}: " + "; ".join(i.message for i in issues))
                continue
            if ctx.missing:
                result.warnings.append(
                    f"{form.label}, bản ghi {rid}: tham chiếu tới {len(ctx.missing)} bản ghi chưa có ở "
                    "đây "
                    "(sẽ có khi nhập gói chứa bản ghi đó)."
                )
        # Compared on what travels: local_only fields never do (the parser left them empty), so a
        # value kept here (ours, or one an older program version sent) is no difference.
        # Hashed only when the revisions are equal: otherwise they decide alone (a new record's
        # hash is taken once, as its audit row's content hash, when it is written). The stored
        # record's is the one written with it (shared_hash), computed only for a row written
        # before that column existed.
        inc_hash: str | None = None
        cur_hash: str | None = None
        if merge.needs_hashes(cur, row):
            inc_hash = store.shared_hash(form, row)
            cur_hash = cur.get("shared_hash") or store.shared_hash(form, cur)
        d = merge.decide(cur, cur_hash, row, inc_hash or "")
        if d.conflict:
            t.conflicts += 1
            t.reasons.append(
                f"Xung đột ở bản ghi {rid} (cùng phiên bản {row['revision']} nhưng khác nội dung): "
                + ("giữ bản mới nhận (sửa sau)." if d.write else "giữ bản đang có (sửa sau).")
            )
        if d.write:
            if cur is not None and local and cur["unit_code"] == inst.unit_code:
                row = {**row, **{n: cur[n] for n in local}}  # never blank our own local values
            elif inc_hash is not None and (not local or all(row.get(n) is None for n in local)):
                hashes[rid] = inc_hash  # no local_only value: the shared hash is the content hash
            to_write.append(row)
            changed[fid].append(rid)
            if d.outcome == merge.NEW:
                t.new += 1
            else:
                t.updated += 1
        else:
            t.unchanged += 1
    service.apply_incoming_many(fid, to_write, note=note, hashes=hashes)


_READERS: dict[int, tuple[Any, Callable[[Mapping[str, Any]], dict[str, Any]]]] = {}
#: How many stored texts of one field :func:`_values_reader` remembers.
_READER_MEMO = 4096


def _values_reader(form) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """:meth:`Store.to_values` for incoming rows of ``form`` (the same values), remembering what the
    stored text of a date or a list became: a package repeats its days and its choice lists, and
    ``date.fromisoformat`` and ``json.loads`` are pure. A text that does not load is not remembered
    (it raises again, for the caller to refuse the record)."""
    hit = _READERS.get(id(form))
    if hit is not None and hit[0] is form:
        return hit[1]
    loaders = []
    for fd in form.fields:
        load = fd.loader
        if fd.type == "date" or fd.is_multi:
            load = _remembering(load, fd.is_multi)
        loaders.append((fd.name, load))
    common = COMMON_FIELDS

    def values_of(row: Mapping[str, Any]) -> dict[str, Any]:
        get = row.get
        out = {c: get(c) for c in common}
        out["deleted"] = bool(get("deleted"))
        for name, load in loaders:
            out[name] = load(get(name))
        return out

    _READERS[id(form)] = (form, values_of)
    return values_of


def _remembering(load: Callable[[Any], Any], is_list: bool) -> Callable[[Any], Any]:
    memo: dict[str, Any] = {}

    def remembered(value: Any) -> Any:
        if value.__class__ is not str:
            return load(value)
        known = memo.get(value)
        if known is not None:
            return list(known) if is_list else known  # a fresh list each time, as the loader gives
        got = load(value)
        if len(memo) < _READER_MEMO and len(value) <= 200:
            if not is_list:
                memo[value] = got
            elif all(v.__class__ is str for v in got):
                memo[value] = tuple(got)
        return got

    return remembered


def _record_received(inst: Installation, bundle: Bundle, file_name: str, records: int) -> bool:
    """Note a bundle (that carried ``records`` records) as received; False when it was already."""
    m = bundle.manifest
    db = inst.store.db
    if exchange_state.was_received(db, bundle.signed.sha256):
        return False
    reports = [r.get("period") for r in m.get("reports", []) if isinstance(r, dict)]
    exchange_state.add_received(
        db,
        [
            bundle.signed.sha256,
            bundle.unit,
            bundle.sequence,
            bundle.forwarded_by,
            m["created_at"],
            utc_now(),
            m["period"]["from"],
            m["period"]["to"],
            records,
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
    has_parent = inst.units.parent_for(inst.unit_code, _on(inst)) is not None
    # One transaction for the whole package. Its bundles are parsed one after the other as they are
    # applied (the package was verified as a whole before: signatures, hashes, counts), so a line
    # that is not a record in the last bundle is met after the first ones were written: the refusal
    # (PackageRefused) rolls back everything the package wrote, and what the result had gathered.
    try:
        with store.db.atomic():
            fresh = _apply_bundles(inst, pkg, result, service, today, changed, has_parent)
    except BaseException:
        result.tally.clear()
        result.new_keys.clear()
        result.warnings.clear()
        result.anchor_problems.clear()
        raise
    result.already_imported = not fresh
    for fid, ids in changed.items():
        service.notify(Change(fid, tuple(ids), "import"))


def _apply_bundles(inst: Installation, pkg: VerifiedPackage, result: FileResult, service, today: date,
                   changed: dict[str, list[str]], has_parent: bool) -> bool:
    """The body of :func:`_apply_package`'s transaction; True when some bundle was new here."""
    store = inst.store
    # keys enrolled in advance or vouched for by the level above are pinned with the data
    labels = {b.unit: _bundle_label(inst, b) for b in pkg.bundles}
    for unit, (signing, enc, _fpr, status) in pkg.trust.seen.items():
        _record_key(inst, unit, signing, enc, _fpr, _source(status, pkg.trust.vouched.get(unit)))
        if status in ("enrolled", "vouched"):
            result.new_keys.append((labels.get(unit) or _label(inst, unit), short_code(signing)))
    fresh = False
    for bundle in pkg.bundles:
        chain = bundle.manifest.get("audit")
        fpr = bundle.signed.fingerprint
        problems = compare_anchor(
            inst, bundle.unit, "package", bundle.sequence, fpr, chain, _bundle_label(inst, bundle)
        )
        result.anchor_problems += problems
        result.warnings += [f"CẢNH BÁO: {p}" for p in problems]
        record_anchor(inst, bundle.unit, "package", bundle.sequence, fpr, chain)
        carried = _apply_bundle(inst, service, bundle, result, today, changed)
        fresh |= _record_received(inst, bundle, result.path.name, carried)
    if has_parent:  # keep the child's signed bundle to pass upward unchanged
        b = pkg.own
        if not exchange_state.archived(store.db, b.signed.sha256):
            exchange_state.archive_bundle(store.db, b.signed.sha256, b.unit, b.sequence,
                                          b.archive_blob(), utc_now())
    return fresh


#: The furthest a unit's package number may jump past the last one received from it. A commune that
#: exports every day for the whole plan reaches about 2.000; a number far beyond is a forged or broken
#: file, refused before anything is written.
MAX_SEQUENCE_JUMP = 10_000


def missing_numbers(seqs: Iterable[int], limit: int = 20) -> tuple[list[int], int]:
    """The first ``limit`` numbers missing from 1 … max(seqs), and how many are missing in all,
    without materialising the range (a forged sequence of 99.999.999 costs nothing)."""
    shown: list[int] = []
    total = prev = 0
    for s in sorted(set(seqs)):
        if s > prev + 1:
            total += s - prev - 1
            if len(shown) < limit:
                shown.extend(range(prev + 1, min(s, prev + 1 + limit - len(shown))))
        prev = s
    return shown, total


def _gaps(inst: Installation, units: Iterable[str]) -> list[str]:
    out = []
    for unit in sorted(set(units)):
        seqs = exchange_state.received_seqs(inst.store.db, unit)
        shown, total = missing_numbers(seqs)
        if total:
            nums = ", ".join(str(n) for n in shown) + ("…" if total > len(shown) else "")
            out.append(f"thiếu gói số {nums} của {_label(inst, unit)}.")
    return out


def check_sequences(inst: Installation, pkg: VerifiedPackage) -> None:
    """Refuse, before anything is written, a package whose number (or a forwarded bundle's) re-uses one
    received before with other content, or jumps absurdly far past the last one received. Numbers run
    per key: a unit reinstalled (a new key, confirmed by an approver) starts again at 1; a unit that
    restored an old backup keeps its key, so a number it sends twice with other content is refused.
    (The demo's made-up history has no key.)"""
    db = inst.store.db
    for b in pkg.bundles:
        label = _bundle_label(inst, b)
        other = exchange_state.received_other(db, b.unit, b.sequence, b.signed.sha256, b.signed.fingerprint)
        if other is not None:
            raise PackageRefused(
                f"Gói số {b.sequence} của {label} đã được nhận ngày {local_time(other[1])} với nội dung khác. "
                "Một số gói không được dùng hai lần: có thể đơn vị đã khôi phục bản sao lưu cũ rồi xuất lại, "
                "hoặc tệp bị giả mạo. Gói này không được nhập; hãy gọi điện cho đơn vị để kiểm tra.",
                "sequence_reused",
                en=f"Package {b.sequence} of unit {b.unit} was received before with other content; not imported.",
            )
        last = exchange_state.last_received_seq_of_key(db, b.unit, b.signed.fingerprint)
        if b.sequence > last + MAX_SEQUENCE_JUMP:
            raise PackageRefused(
                f"Gói của {label} mang số {b.sequence:,}".replace(",", ".")
                + f", vượt quá xa gói gần nhất đã nhận (số {last}). Tệp bị hỏng hoặc giả mạo; không nhập gì.",
                "sequence_jump",
                en=f"Package number {b.sequence} of unit {b.unit} jumps too far past the last one ({last}).",
            )


def _is_new(inst: Installation, pkg: VerifiedPackage) -> bool:
    """Whether applying ``pkg`` can change the store: some bundle of it was not received yet."""
    db = inst.store.db
    return any(not exchange_state.was_received(db, b.signed.sha256) for b in pkg.bundles)


def _backup_before_import(inst: Installation, what: str = "Gói") -> Path:
    """The automatic backup taken before a package (or receipt) changes the store; refuses the import
    if it fails."""
    from plan_desktop.services import backup
    from plan_desktop.store import StoreError

    try:
        return backup.make_backup(inst.store, inst.folder, "import")
    except StoreError as exc:
        raise ExchangeError(f"{exc} {what} chưa được nhập: cần sao lưu dữ liệu trước khi nhập.",
                            en=f"{getattr(exc, 'en', None) or exc} Nothing was imported: the data must be "
                               "backed up before importing.") from None


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


def process_file(
    inst: Installation,
    report: ImportReport,
    result: FileResult,
    data: bytes,
    keys: KeyPair,
    *,
    actor: str | None = None,
    service=None,
) -> set[str]:
    """Verify and apply one file's bytes (a package, or a receipt at a commune), all or nothing; a file
    whose signing key nothing vouches for is held apart instead. Fills ``result``; returns the units
    whose packages were applied."""
    path = result.path
    try:
        try:
            pkg = open_package(data, _verify_context(inst, keys), what=f"Gói «{path.name}»")
        except PackageRefused as exc:
            if exc.reason != "wrong_kind":
                raise
            signed = verify_document(data, "receipt", f"Tệp «{path.name}»")
            result.kind = "receipt"
            checked = check_receipt(inst, signed)
            if checked.untrusted:
                hold_file(inst, "receipt", path.name, data, checked.untrusted)
                result.held = list(checked.untrusted)
                result.message = held_message(inst, checked.untrusted)
                return set()
            if report.backup is None and checked.changes:  # as before a package that changes anything
                report.backup = _backup_before_import(inst, "Biên nhận")
            result.message = _apply_receipt(inst, signed, checked)
            result.ok = True
            return set()
        result.source_unit = pkg.own.unit
        result.sequence = pkg.own.sequence
        check_sequences(inst, pkg)  # an absurd or re-used number is refused, not even held
        if pkg.trust.untrusted:
            hold_file(inst, "package", path.name, data, pkg.trust.untrusted)
            result.held = list(pkg.trust.untrusted)
            result.message = held_message(inst, pkg.trust.untrusted)
            return set()
        if report.backup is None and _is_new(inst, pkg):
            report.backup = _backup_before_import(inst)
        _apply_package(inst, pkg, result, actor, service)
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
        return {b.unit for b in pkg.bundles}
    except PackageRefused as exc:
        result.message, result.reason_code = str(exc), exc.reason
    except ExchangeError as exc:
        result.message, result.reason_code = str(exc), "refused"
    return set()


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

    Before the first package or receipt that can change anything (one not applied before) the store
    is backed up (``backups/…_import.sqlite``); ``ImportReport.backup`` and the report text say where.
    ``service`` is the window's RecordService, so that its listeners hear about imported records."""
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
            data = read_source(path, f"Gói «{path.name}»")
        except PackageRefused as exc:
            result.message, result.reason_code = str(exc), exc.reason
            continue
        touched |= process_file(inst, report, result, data, keys, actor=actor, service=service)
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
