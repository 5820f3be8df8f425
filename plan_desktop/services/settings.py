"""The installation's settings, validated, in one place: the window's settings page, the set-up wizard
and ``plan-desktop settings`` all write through :class:`SettingsService`.

Each key has a label and a check (:data:`KEYS`); a bad value is a :class:`SettingsError` with a
Vietnamese message. The unit (``unit_code``) cannot change once the data folder holds records. The
signer's title and authority line go together (``CHỦ TỊCH`` under ``TM. ỦY BAN NHÂN DÂN``,
``PHÓ CHỦ TỊCH`` under ``KT. CHỦ TỊCH``). Images (the signer's handwritten signature, the unit's seal)
are copied into the data folder (``images/``), so a backup or another PC keeps them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan_desktop.domain.periods import Cutoff
from plan_desktop.domain.plan import plan_for
from plan_desktop.domain.text import nfc
from plan_desktop.usererror import UserError

if TYPE_CHECKING:
    from plan_desktop.services.installation import Installation

__all__ = [
    "AUTHORITIES",
    "KEYS",
    "TITLES",
    "SettingKey",
    "SettingsError",
    "SettingsService",
    "authority_for",
    "signer_title",
]


class SettingsError(UserError, ValueError):
    """A setting refused (unknown key, bad value, unit change with data); Vietnamese message."""


#: The signer's titles and the authority line each stands under (Decree 30, Phụ lục I).
TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
AUTHORITIES = {"CHỦ TỊCH": "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH": "KT. CHỦ TỊCH"}
LANGUAGES = ("vi", "en")
DEFAULT_KEEP = 20  # backups kept when unset (services.backup.DEFAULT_KEEP)
IMAGES_DIR = "images"


def authority_for(title: str) -> str:
    return AUTHORITIES.get(nfc(title).strip().upper(), "TM. ỦY BAN NHÂN DÂN")


def signer_title(settings: Mapping[str, Any]) -> str:
    """The signer's title (``signer_title``, or the older key ``signer_position``)."""
    return str(settings.get("signer_title") or settings.get("signer_position") or "CHỦ TỊCH")


@dataclass(frozen=True)
class SettingKey:
    key: str
    label: str
    check: Callable[[SettingsService, Any], Any]
    hint: str = ""
    shown: bool = True


def _text(limit: int = 120) -> Callable[[SettingsService, Any], str]:
    def check(_svc: SettingsService, value: Any) -> str:
        s = " ".join(nfc(str(value if value is not None else "")).split())
        if len(s) > limit:
            raise SettingsError(f"Giá trị dài quá {limit} ký tự.", en=f"Longer than {limit} characters.")
        return s
    return check


def _person(svc: SettingsService, value: Any) -> str:
    s = _text()(svc, value)
    if any(ch.isdigit() for ch in s) or any(ch in s for ch in "<>{}[]/\\|@#$%^*=+"):
        raise SettingsError(f"«{s}» không phải họ và tên (chỉ gồm chữ cái và khoảng trắng).",
                            en=f"«{s}» is not a full name (letters and spaces only).")
    return s


def _title(_svc: SettingsService, value: Any) -> str:
    s = " ".join(nfc(str(value or "")).split()).upper()
    if s not in TITLES:
        raise SettingsError(f"Chức danh người ký «{value}» không hợp lệ; chọn một trong: {', '.join(TITLES)}.",
                            en=f"Signer title «{value}» is not valid; one of: {', '.join(TITLES)}.")
    return s


def _authority(_svc: SettingsService, value: Any) -> str:
    s = " ".join(nfc(str(value or "")).split()).upper()
    allowed = sorted(set(AUTHORITIES.values()))
    if s not in allowed:
        raise SettingsError(f"Thẩm quyền ký «{value}» không hợp lệ; chọn một trong: {', '.join(allowed)}.",
                            en=f"Signing authority «{value}» is not valid; one of: {', '.join(allowed)}.")
    return s


def _year(svc: SettingsService, value: Any) -> int:
    plan = plan_for(svc.inst.store.get_setting)
    try:
        y = int(str(value).strip())
    except ValueError:
        y = None
    if y is None or y not in plan.years:
        span = f"{plan.first_year}–{plan.last_year}"
        raise SettingsError(f"Năm làm việc «{value}» phải là một năm của Kế hoạch ({span}).",
                            en=f"Working year «{value}» must be a year of the plan ({span}).")
    return y


def _cutoff(_svc: SettingsService, value: Any) -> str:
    s = str(value or "").strip().lower()
    allowed = [c.value for c in Cutoff]
    if s not in allowed:
        raise SettingsError(f"Cách tính kỳ «{value}» không hợp lệ; chọn {' hoặc '.join(allowed)}.",
                            en=f"Period cut-off «{value}» is not valid; one of {', '.join(allowed)}.")
    return s


def _language(_svc: SettingsService, value: Any) -> str:
    s = str(value or "").strip().lower()
    if s not in LANGUAGES:
        raise SettingsError(f"Ngôn ngữ «{value}» không hợp lệ; chọn {' hoặc '.join(LANGUAGES)}.",
                            en=f"Language «{value}» is not valid; one of {', '.join(LANGUAGES)}.")
    return s


def _keep(_svc: SettingsService, value: Any) -> int:
    try:
        n = int(str(value).strip())
    except ValueError:
        n = 0
    if not 1 <= n <= 365:
        raise SettingsError(f"Số bản sao lưu giữ lại «{value}» phải từ 1 đến 365.",
                            en=f"Backups kept «{value}» must be 1 to 365.")
    return n


def _unit(svc: SettingsService, value: Any) -> str:
    code = str(value or "").strip()
    if svc.inst.units.get(code) is None:
        raise SettingsError(f"Mã đơn vị «{code}» không có trong danh mục đơn vị hành chính của tỉnh.",
                            en=f"Unit code «{code}» is not in the province's list of units.")
    if code != svc.inst.unit_code and svc.has_data():
        raise SettingsError(
            f"Thư mục dữ liệu đã có số liệu của đơn vị {svc.inst.unit_code}; không đổi được sang đơn vị {code}. "
            "Hãy thiết lập một thư mục dữ liệu mới cho đơn vị khác.",
            en=f"The data folder already holds records of unit {svc.inst.unit_code}; it cannot change to {code}.")
    return code


def _path(_svc: SettingsService, value: Any) -> str:
    return str(value or "").strip()


def _image(what: str, *, transparent: bool) -> Callable[[SettingsService, Any], str]:
    def check(svc: SettingsService, value: Any) -> str:
        s = str(value or "").strip()
        if not s:
            return ""
        path = Path(s).expanduser()
        if not path.is_file():
            raise SettingsError(f"Không tìm thấy tệp ảnh {what} «{path}».", en=f"Image file «{path}» not found.")
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as im:
                fmt, mode, info = im.format, im.mode, dict(im.info)
                im.load()
        except (UnidentifiedImageError, OSError):
            raise SettingsError(f"Tệp «{path.name}» không phải ảnh PNG đọc được.",
                                en=f"«{path.name}» is not a readable PNG image.") from None
        if fmt != "PNG":
            raise SettingsError(f"Ảnh {what} phải là tệp PNG (tệp «{path.name}» là {fmt}).",
                                en=f"The {what} image must be a PNG file.")
        if transparent and not (mode in ("RGBA", "LA", "PA") or "transparency" in info):
            raise SettingsError(f"Ảnh {what} phải có nền trong suốt (PNG có kênh alpha).",
                                en=f"The {what} image must have a transparent background (PNG with alpha).")
        return str(svc.keep_image(path))
    return check


KEYS: dict[str, SettingKey] = {k.key: k for k in (
    SettingKey("unit_code", "Mã đơn vị", _unit, "không đổi được khi đã có số liệu"),
    SettingKey("officer_name", "Họ tên cán bộ nhập liệu", _person),
    SettingKey("officer_title", "Chức vụ cán bộ", _text()),
    SettingKey("signer_name", "Họ tên người ký báo cáo", _person,
               "in đậm dưới chức danh; phải trùng tên trên chứng thư số"),
    SettingKey("signer_title", "Chức danh người ký", _title, " | ".join(TITLES)),
    SettingKey("signer_authority", "Thẩm quyền ký", _authority, " | ".join(dict.fromkeys(AUTHORITIES.values()))),
    SettingKey("signature_image", "Ảnh chữ ký tay (PNG nền trong suốt)", _image("chữ ký", transparent=True),
               "để trống: dấu chữ ký số chỉ có chữ"),
    SettingKey("seal_image", "Ảnh con dấu (PNG)", _image("con dấu", transparent=False),
               "để trống: chữ ký số của cơ quan chỉ có chữ"),
    SettingKey("working_year", "Năm làm việc", _year),
    SettingKey("period_cutoff", "Cách tính kỳ báo cáo", _cutoff, "calendar | statistical"),
    SettingKey("ui_language", "Ngôn ngữ giao diện", _language, "vi | en"),
    SettingKey("backup_keep", "Số bản sao lưu giữ lại", _keep),
    SettingKey("last_p12_path", "Tệp chứng thư dùng lần trước", _path, shown=False),
    SettingKey("last_pkcs11_lib", "Thư viện PKCS#11 dùng lần trước", _path, shown=False),
    SettingKey("last_token_label", "Thiết bị ký số dùng lần trước", _path, shown=False),
)}


#: Keys whose check needs no installation (the names and titles), so a value can be refused before a
#: data folder is even set up.
STANDALONE = ("officer_name", "officer_title", "signer_name", "signer_title", "signer_authority")


def check_standalone(values: Mapping[str, Any]) -> None:
    """Refuse a bad name or title (:data:`STANDALONE` keys) before anything is written anywhere."""
    for key, value in values.items():
        spec = KEYS[key]
        try:
            spec.check(None, value)  # type: ignore[arg-type]
        except SettingsError as exc:
            raise SettingsError(f"{spec.label} ({key}): {exc}", en=f"{key}: {exc.en or exc}") from None


class SettingsService:
    """Read and write the installation's settings through :data:`KEYS`."""

    def __init__(self, inst: Installation):
        self.inst = inst

    def has_data(self) -> bool:
        store = self.inst.store
        return any(store.count(f) for f in store.forms.values())

    def keep_image(self, path: Path) -> Path:
        """Copy an image into the data folder (kept with the data); returns the copy's path."""
        folder = self.inst.folder / IMAGES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / path.name
        if path.resolve() != target.resolve():
            shutil.copyfile(path, target)
        return target

    def show(self) -> dict[str, Any]:
        """Every settable key with its current value (signer_title from the older key when unset)."""
        s = self.inst.store.settings()
        out: dict[str, Any] = {}
        for key, spec in KEYS.items():
            if not spec.shown:
                continue
            if key == "signer_title":
                out[key] = signer_title(s)
            elif key == "signer_authority":
                out[key] = s.get(key) or authority_for(signer_title(s))
            elif key == "working_year":
                out[key] = self.inst.working_year
            elif key == "period_cutoff":
                out[key] = self.inst.cutoff.value
            elif key == "backup_keep":
                out[key] = int(s.get(key) or DEFAULT_KEEP)
            else:
                out[key] = s.get(key, "" if key != "ui_language" else "vi")
        return out

    def validate(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The values as they will be stored, or :class:`SettingsError` for the first bad one."""
        clean: dict[str, Any] = {}
        for key, value in values.items():
            spec = KEYS.get(key)
            if spec is None:
                known = ", ".join(k for k, s in KEYS.items() if s.shown)
                raise SettingsError(f"Không có mục cài đặt «{key}». Các mục: {known}.",
                                    en=f"No setting «{key}». Known: {known}.")
            try:
                clean[key] = spec.check(self, value)
            except SettingsError as exc:
                raise SettingsError(f"{spec.label} ({key}): {exc}", en=f"{key}: {exc.en or exc}") from None
        # the title and its authority line go together
        if "signer_title" in clean and "signer_authority" not in clean:
            clean["signer_authority"] = authority_for(clean["signer_title"])
        if "signer_authority" in clean:
            title = clean.get("signer_title") or signer_title(self.inst.store.settings())
            if authority_for(title) != clean["signer_authority"]:
                raise SettingsError(
                    f"Thẩm quyền ký «{clean['signer_authority']}» không đi với chức danh «{title}»: "
                    f"{title} ký «{authority_for(title)}».",
                    en=f"Authority «{clean['signer_authority']}» does not go with title «{title}».")
        return clean

    def set(self, key: str, value: Any) -> dict[str, Any]:
        return self.update({key: value})

    def update(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Validate every value, then write them all in one transaction. Returns what was written."""
        clean = self.validate(values)
        if "signer_title" in clean:
            clean["signer_position"] = clean["signer_title"]  # the older key, still read by older files
        self.inst.store.set_settings(clean)
        return clean
