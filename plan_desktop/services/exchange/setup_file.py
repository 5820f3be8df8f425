"""Setup files: a parent writes one for a child unit; the child's first-run wizard reads it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from plan_desktop.domain.forms import FormSet, default_forms
from plan_desktop.domain.plan import default_plan, load_plans
from plan_desktop.domain.units import default_registry
from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.exchange.keys import b64, fingerprint, short_code, unb64
from plan_desktop.exchange.package import (
    SETUP_EXT,
    SignedManifest,
    TrustCheck,
    Untrusted,
    build_signed_document,
    forms_versions_of,
    newer_forms,
    open_file,
    read_source,
    read_vouchers,
    refuse_newer_forms,
    verify_document,
)
from plan_desktop.services.exchange.files import _write_verified
from plan_desktop.services.exchange.keys import (
    _require_approver,
    own_keys,
)
from plan_desktop.services.exchange.receipts import _source, _vouched_by_above
from plan_desktop.services.exchange.state import (
    _on,
    _record_key,
    hold_file,
    known_keys,
    received_vouchers,
    store_voucher,
    vouchers_for,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import utc_now


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
    #: set by :func:`apply_setup_file`: the file is held apart until an approver confirms the issuer's key
    held: bool = False
    untrusted: tuple[Untrusted, ...] = ()
    warnings: tuple[str, ...] = ()
    data: bytes = b""  # the file itself (kept while held)
    file_name: str = ""


def _plan_info(inst: Installation) -> dict[str, Any]:
    """The plan this installation follows and its targets per indicator and year (for a setup file)."""
    try:
        plan = default_plan(inst.store.get_setting("plan_id"))
    except Exception:  # no plan file shipped: the setup file simply carries none
        return {"plan_id": None, "plan_targets": {}}
    targets = {i.id: {str(y): t.as_json() for y, t in sorted(i.targets.items())} for i in plan.indicators}
    return {"plan_id": plan.id, "plan_number": plan.number, "plan_targets": targets}


def write_setup_file(inst: Installation, unit: str, out_dir: Path) -> Path:
    """A signed setup file for a child unit: its code, our public keys, the forms version, the targets."""
    _require_approver(inst, "lập tệp thiết lập cho đơn vị cấp dưới")
    keys = own_keys(inst)
    child = inst.units.get(unit, _on(inst))
    last = inst.units.last_day(unit)
    if child is None and last is not None and last < _on(inst):  # abolished: still sends its earlier years
        child = inst.units.get(unit, last)
    if child is None or child.parent_code != inst.unit_code:
        raise ExchangeError(
            f"Đơn vị mã {unit} không trực thuộc {inst.unit().name} trong năm {inst.working_year}.",
            en=f"The unit with code {unit} is not under {inst.unit().name} in {inst.working_year}.",
        )
    me = inst.unit()
    manifest = {
        "kind": "setup",
        "issuer": {"unit": inst.unit_code, "name": me.name, "level": me.level.value},
        "unit": unit,
        "unit_name": child.name,
        "created_at": utc_now(),
        "forms_version": inst.store.forms.signature(),
        "forms_versions": inst.store.forms.versions(),
        "working_year": inst.working_year,
        **_plan_info(inst),
        # the keys this unit pinned for the levels above it, its vouchers for its children's keys, and
        # the level above's voucher for its own key: a child that trusts a key above can check this file
        "keys_above": _keys_above(inst),
        "vouchers": vouchers_for(inst),
        "vouchers_above": received_vouchers(inst),
    }
    data, raw = build_signed_document(keys, manifest)
    path = Path(out_dir) / f"{unit}_thiet-lap{SETUP_EXT}"

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Tệp thiết lập vừa ghi")
        if signed.raw != raw:
            raise ExchangeError("Tệp thiết lập vừa ghi không khớp khi đọc lại.",
                                en="The setup file just written does not match when read back.")

    _write_verified(path, data, check, lambda: None)
    return path


def _keys_above(inst: Installation) -> list[dict[str, Any]]:
    out = []
    known = known_keys(inst)
    p = inst.units.parent_for(inst.unit_code, _on(inst))
    while p is not None:
        k = known.get(p.code)
        if k is not None and k.signing_key is not None and k.confirmed:
            out.append(
                {
                    "unit": p.code,
                    "signing": b64(k.signing_key),
                    "encryption": b64(k.encryption_key) if k.encryption_key else None,
                }
            )
        p = inst.units.parent_for(p.code, _on(inst))
    return out


def _ancestors(inst: Installation, unit: str) -> set[str]:
    out: set[str] = set()
    p = inst.units.parent_for(unit, _on(inst))
    while p is not None and p.code not in out:
        out.add(p.code)
        p = inst.units.parent_for(p.code, _on(inst))
    return out


def read_setup_file(path: Path | bytes, name: str = "", *, forms: FormSet | None = None) -> SetupInfo:
    """Open and check a setup file (for the first-run wizard). Nothing is written. A file made with
    newer forms than this program's (``forms``, default the program's own) is refused."""
    name = name or (Path(path).name if isinstance(path, (str, Path)) else "tệp thiết lập")
    what = f"Tệp thiết lập «{name}»"
    data = read_source(Path(path) if isinstance(path, str) else path, what)
    signed = verify_document(data, "setup", what)
    m = signed.data
    newer = newer_forms(forms_versions_of(m, what), forms if forms is not None else default_forms())
    if newer:
        raise refuse_newer_forms(newer, what)
    units = default_registry()
    unit, issuer = m["unit"], m["issuer"]["unit"]
    versions = units.versions(unit)
    if not versions or not any(v.parent_code == issuer for v in versions):
        raise PackageRefused(
            f"{what}: đơn vị mã {unit} không trực thuộc đơn vị lập tệp (mã {issuer}).", "foreign_unit",
            en=f"The setup file: the unit with code {unit} is not under the unit that made the file (code {issuer}).",
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
        data=data,
        file_name=name,
    )


def apply_setup_file(inst: Installation, info: SetupInfo | Path) -> SetupInfo:
    """Record the parent's keys (and the plan targets) from a setup file, at the unit it is for."""
    if not isinstance(info, SetupInfo):
        info = read_setup_file(info, forms=inst.store.forms)
    if info.unit != inst.unit_code:
        raise PackageRefused(
            f"Tệp thiết lập dành cho {info.unit_name} (mã {info.unit}), "
            f"không phải đơn vị của thư mục này (mã {inst.unit_code}).",
            "foreign_unit",
            en=f"The setup file is for {info.unit_name} (code {info.unit}), "
               f"not for the unit of this folder (code {inst.unit_code}).",
        )
    known = known_keys(inst)
    trust = TrustCheck(known)
    trust.vouched = _vouched_by_above(inst, info.signed.data.get("vouchers_above"), info.issuer, known)
    status = trust.check(info.issuer, info.signed, f"{info.issuer_name} (mã {info.issuer})")
    if status == "held":  # nothing of it applied: the approver compares the issuer's code by phone first
        hold_file(inst, "setup", info.file_name or f"{info.unit}_thiet-lap{SETUP_EXT}", info.data, trust.untrusted)
        return replace(info, held=True, untrusted=tuple(trust.untrusted))
    m = info.signed.data
    warnings: list[str] = []
    own = own_keys(inst)
    with inst.store.db.atomic():
        _record_key(
            inst,
            info.issuer,
            info.signed.signing_key,
            info.signed.encryption_key,
            info.fingerprint,
            _source(status, trust.vouched.get(info.issuer)),
        )
        # the keys above the issuer, as the (now trusted) issuer pinned them: kept when none is on record
        for k in m.get("keys_above") or []:
            try:
                unit, signing = k["unit"], unb64(k["signing"], 32)
                enc = unb64(k["encryption"], 32) if k.get("encryption") else None
            except (KeyError, TypeError, ValueError):
                continue
            if unit not in _ancestors(inst, info.issuer):
                continue
            cur = known.get(unit)
            if cur is None or cur.signing_key is None:
                _record_key(inst, unit, signing, enc, fingerprint(signing), f"via:{info.issuer}")
            elif cur.signing_key != signing:
                warnings.append(
                    f"Tệp ghi khóa của đơn vị mã {unit} khác với khóa đã ghi nhận ở đây; giữ khóa đã ghi nhận."
                )
        mine = read_vouchers(m.get("vouchers"), info.issuer, info.signed.signing_key, date.today()).get(inst.unit_code)
        if mine is not None and mine.signing == own.signing_public:
            store_voucher(inst, mine)
        elif mine is not None:
            warnings.append(
                f"{info.issuer_name} đang ghi nhận cho đơn vị này một khóa khác (mã khóa {short_code(mine.signing)}, "
                f"khóa của đơn vị: {own.code}): hãy gọi điện để cấp trên xác nhận lại khóa."
            )
    settings: dict[str, Any] = {}
    if info.plan_targets:
        settings["plan_targets"] = info.plan_targets
    if info.plan_id:
        try:
            if any(p.id == info.plan_id for p in load_plans()):
                settings["plan_id"] = info.plan_id
        except Exception:  # the plan files could not be read: keep the current plan
            pass
    if settings:
        inst.store.set_settings(settings)
    return replace(info, warnings=tuple(warnings))
