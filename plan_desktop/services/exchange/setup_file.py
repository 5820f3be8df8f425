"""Setup files: a parent writes one for a child unit; the child's first-run wizard reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plan_desktop.domain.forms import FormSet, default_forms
from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.exchange.package import (
    SETUP_EXT,
    SignedManifest,
    TrustCheck,
    build_signed_document,
    forms_versions_of,
    newer_forms,
    open_file,
    refuse_newer_forms,
    verify_document,
)
from plan_desktop.services.exchange.files import _write_verified
from plan_desktop.services.exchange.keys import (
    _require_approver,
    own_keys,
)
from plan_desktop.services.exchange.state import (
    _on,
    _record_key,
    known_keys,
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
        "forms_versions": inst.store.forms.versions(),
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


def read_setup_file(path: Path, forms: FormSet | None = None) -> SetupInfo:
    """Open and check a setup file (for the first-run wizard). Nothing is written. A file made with
    newer forms than this program's (``forms``, default the program's own) is refused."""
    from plan_desktop.domain.units import default_registry

    what = f"Tệp thiết lập «{Path(path).name}»"
    signed = verify_document(Path(path), "setup", what)
    m = signed.data
    newer = newer_forms(forms_versions_of(m, what), forms if forms is not None else default_forms())
    if newer:
        raise refuse_newer_forms(newer, what)
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
    if not isinstance(info, SetupInfo):
        info = read_setup_file(info, inst.store.forms)
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
