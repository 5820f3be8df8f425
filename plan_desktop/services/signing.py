"""Signed reports: sign a report file, verify, the list of reports with their status, locked periods.

Once a period's report is signed, records dated in it can no longer be added, changed or deleted
(a guard on :class:`RecordService`, see :func:`install_period_locks`). Reopening a period takes a
reason, is written to the audit log, and marks the period's signed reports "superseded".

Tables (made by the store's migration ``0005_signing``): ``signed_reports`` (the report list, with the
format version of each report's data hash) and ``period_locks`` (one row per lock; a reopened lock
keeps its row with ``reopened_at`` set).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan_desktop.domain.periods import Period
from plan_desktop.reports.scope import DATA_HASH_VERSION, report_data_hash
from plan_desktop.services.access import APPROVER, AccessError
from plan_desktop.services.locks import PeriodLock, day_vi, lock_of
from plan_desktop.signing import qr
from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.timefmt import now_vn
from plan_desktop.store import audit, signed, utc_now

if TYPE_CHECKING:

    from plan_desktop.services.installation import Installation
    from plan_desktop.signing.specs import SignerSpec
    from plan_desktop.signing.trust import TrustStore
    from plan_desktop.signing.verify import VerifyResult

#: Statuses of a report in the list, and their Vietnamese labels.
STATUSES: dict[str, str] = {
    "draft": "bản nháp",
    "signed": "đã ký",
    "issued": "đã ban hành",
    "superseded": "đã bị thay thế",
    "sent": "đã gửi",
    "accepted": "cấp trên đã tiếp nhận",
}

#: Default signature fields and boxes (A4, points) of the two signers of a commune report:
#: the officer who prepared it (left) and the chairman (right, under "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH").
OFFICER_FIELD = "ChuKy_CanBo"
CHAIRMAN_FIELD = "ChuKy_ChuTich"
OFFICER_BOX = (70.0, 90.0, 290.0, 160.0)
CHAIRMAN_BOX = (320.0, 90.0, 560.0, 160.0)

def same_person(a: str, b: str) -> bool:
    """Two names are the same person's when equal after Unicode NFC, spacing and case folding (the marks
    count: «Nguyễn Văn An» is not «Nguyen Van An»)."""
    import unicodedata

    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s or "").split()).casefold()

    return bool(norm(a)) and norm(a) == norm(b)


def parse_number(number: str) -> str:
    """«15/BC-UBND», «15» or «5» → «15», «05»: the document number as the form field takes it."""
    import re

    text = " ".join(str(number or "").split())
    m = re.fullmatch(r"(\d{1,5})(?:\s*/\s*BC-UBND)?", text, flags=re.IGNORECASE)
    if not m:
        raise SigningError(f"Số văn bản «{number}» không hợp lệ; ghi dạng 15/BC-UBND hoặc 15.",
                           en=f"The document number «{number}» is not valid; write it as 15/BC-UBND or 15.")
    return f"{int(m.group(1)):02d}"


def _name_mismatch(cert_name: str, block_name: str, officer: bool) -> str:
    where = "họ tên cán bộ trong Cài đặt" if officer else "họ tên người ký in trong khối chữ ký của báo cáo"
    return (f"Chứng thư số mang tên «{cert_name}», khác {where} «{block_name}». Không ký được: tên trên "
            "chữ ký số phải đúng là người ký. Hãy dùng chứng thư của người ký, hoặc sửa họ tên người ký "
            "trong Cài đặt rồi lập lại báo cáo.")


def _name_mismatch_en(cert_name: str, block_name: str, officer: bool) -> str:
    where = "the officer's name in Settings" if officer else "the signer's name printed in the report's signature block"
    return (f"The certificate is in the name of «{cert_name}», which differs from {where} «{block_name}». "
            "Cannot sign: the name on the digital signature must be the signer's. Use the signer's certificate, "
            "or correct the signer's name in Settings and make the report again.")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class ReportEntry:
    id: int
    period: str
    unit_code: str
    file_path: str | None
    file_sha256: str | None
    data_sha256: str | None
    created_at: str
    signed_at: str | None
    signer: str | None
    status: str
    status_at: str | None
    superseded_at: str | None
    reason: str | None
    doc_number: str | None = None
    issued_on: str | None = None
    issued_at: str | None = None
    #: the format of ``data_sha256`` (``reports/scope.py``): 1 for every report made before version 2
    data_hash_version: int = 1

    @property
    def status_vi(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def signed_on_vi(self) -> str:
        """Signing day as dd/mm/yyyy in Vietnam's time zone; empty if not signed."""
        return day_vi(self.signed_at)

    @property
    def period_vi(self) -> str:
        try:
            return Period.parse(self.period).label_vi()
        except ValueError:
            return self.period


class SigningService:
    """Use cases of signed reports for one installation (no Qt; the window and the CLI call these)."""

    def __init__(self, inst: Installation, actor: str | None = None):
        self.inst = inst
        self.db = inst.store.db
        self.actor = actor if actor is not None else (inst.store.get_setting("officer_name", "") or "")

    @property
    def unit_code(self) -> str:
        return self.inst.unit_code

    @property
    def trust_store(self) -> TrustStore:
        from plan_desktop.signing.trust import TrustStore  # cryptography's x509: only when asked

        return TrustStore.for_data_folder(self.inst.folder)

    # -- the report list ----------------------------------------------------------------------------
    def _entry(self, row: Mapping[str, Any]) -> ReportEntry:
        return ReportEntry(**{k: row[k] for k in ReportEntry.__dataclass_fields__})

    def get(self, report_id: int) -> ReportEntry | None:
        row = signed.report(self.db, report_id)
        return self._entry(row) if row else None

    def list_reports(self, period: str | None = None) -> list[ReportEntry]:
        """This unit's reports, newest first (optionally of one period)."""
        key = str(Period.parse(period)) if period else None
        return [self._entry(r) for r in signed.reports(self.db, self.unit_code, key)]

    def register_draft(self, path: Path, period: str, data_sha256: str | None = None) -> ReportEntry:
        """Put a generated, unsigned report in the list as a draft (the report page calls this), with
        the data hash it carries and that hash's format version."""
        from plan_desktop.signing.verify import read_data_hash_info

        path = Path(path)
        carried = read_data_hash_info(path)
        version = carried[1] if carried else DATA_HASH_VERSION
        p = str(Period.parse(period))
        sha = file_sha256(path)
        now = utc_now()
        with self.db.atomic():
            existing = signed.latest_of_file(self.db, self.unit_code, sha, ["draft"], period=p)
            if existing:
                return self.get(existing["id"])  # type: ignore[return-value]
            rid = signed.add_report(
                self.db, period=p, unit_code=self.unit_code, file_path=str(path.resolve()), file_sha256=sha,
                data_sha256=data_sha256 or (carried[0] if carried else None), created_at=now, status="draft",
                status_at=now, data_hash_version=version)
        return self.get(rid)  # type: ignore[return-value]

    def set_status(self, report_id: int, status: str) -> ReportEntry:
        """``sent`` (the export put it in a package) or ``accepted`` (the district's receipt)."""
        if status not in ("sent", "accepted"):
            raise SigningError(f"Không đặt được trạng thái «{status}» cho báo cáo bằng tay.",
                               en=f"The status «{status}» cannot be set on a report by hand.")
        entry = self.get(report_id)
        if entry is None:
            raise SigningError(f"Không có báo cáo số {report_id} trong danh sách.",
                               en=f"There is no report number {report_id} in the list.")
        if entry.status in ("draft", "superseded") or (status == "sent" and entry.status == "accepted"):
            raise SigningError(f"Báo cáo số {report_id} đang ở trạng thái «{entry.status_vi}»; "
                               "chỉ báo cáo đã ký mới được gửi hoặc tiếp nhận.",
                               en=f"Report number {report_id} is «{entry.status}»; "
                                  "only a signed report can be sent or received.")
        with self.db.atomic():
            signed.update_report(self.db, report_id, status=status, status_at=utc_now())
        return self.get(report_id)  # type: ignore[return-value]

    # -- signing --------------------------------------------------------------------------------------
    def sign_report(
        self,
        in_path: Path,
        out_path: Path,
        period: str,
        signer: SignerSpec,
        *,
        title: str | None = None,
        reason: str | None = None,
        location: str | None = None,
        field_name: str | None = None,
        box: tuple[float, float, float, float] | None = None,
        page: int = -1,
        check_data: bool = True,
    ) -> ReportEntry:
        """Sign ``in_path`` into ``out_path``, record it as signed and lock the period.

        The certificate decides the signature field: its holder's name must be the signature block's
        name (the signer, under «CHỦ TỊCH») or the officer's (the officer who prepared the report,
        under «Nơi nhận»), compared after NFC and case folding; otherwise signing is refused naming
        both. The stamp shows the certificate's name. A report the program made that still has an
        empty or hint section III–V, or no signer's name, is refused. Signing a file that is already in
        the list as signed adds a signature to the same report entry; other reports of the period
        become superseded. With ``check_data``, a report whose ``plan_desktop:data_sha256`` no longer
        matches the records (they changed since it was made) is refused: it must be made again first.
        """
        from plan_desktop.signing.sign import sign_pdf
        from plan_desktop.signing.verify import read_data_hash_info

        self._require_approver("ký số báo cáo")
        in_path, out_path = Path(in_path), Path(out_path)
        p = Period.parse(period)
        key = str(p)
        if check_data:
            self.check_data_hash(in_path, p)
        info = self.report_info(in_path)
        self.check_ready(in_path, info)
        in_sha = file_sha256(in_path)
        prev = signed.latest_of_file(self.db, self.unit_code, in_sha, ["draft", "signed"], period=key)
        countersign = prev is not None and prev["status"] == "signed"
        choose = self._field_chooser(in_path, info, field_name, title)
        moment = now_vn()
        if location is None:
            location = self.inst.unit().name
        if box is None and field_name is not None and not self._declares(in_path, field_name):
            box = CHAIRMAN_BOX if field_name == CHAIRMAN_FIELD else OFFICER_BOX
        chosen: dict[str, str] = {}

        def pick(cn: str) -> tuple[str, str | None]:
            field, stamp_title = choose(cn)
            chosen["field"] = field
            return field, stamp_title

        image = self._image("signature_image")
        signer_name = sign_pdf(
            in_path, out_path, signer, choose=pick, box=box, title=None,
            reason=reason or f"Ký báo cáo {p.label_vi()}", location=location, page=page, signing_time=moment,
            image_for=lambda field: image if field == CHAIRMAN_FIELD else None)
        out_sha = file_sha256(out_path)
        carried = read_data_hash_info(out_path)
        data_hash, version = carried if carried else (None, DATA_HASH_VERSION)
        now = utc_now()
        start, end = self.inst.period_bounds(p)
        with self.db.atomic():
            if countersign:
                rid = prev["id"]
                signed.update_report(self.db, rid, file_path=str(out_path.resolve()), file_sha256=out_sha,
                                     signed_at=now, signer=f"{prev['signer']}; {signer_name}", status_at=now)
            else:
                if prev is not None:  # a draft of this very file becomes the signed report
                    rid = prev["id"]
                    signed.update_report(self.db, rid, file_path=str(out_path.resolve()), file_sha256=out_sha,
                                         data_sha256=data_hash, signed_at=now, signer=signer_name, status="signed",
                                         status_at=now, data_hash_version=version)
                else:
                    rid = signed.add_report(
                        self.db, period=key, unit_code=self.unit_code, file_path=str(out_path.resolve()),
                        file_sha256=out_sha, data_sha256=data_hash, created_at=now, signed_at=now,
                        signer=signer_name, status="signed", status_at=now, data_hash_version=version)
                signed.supersede(self.db, self.unit_code, key, now, "Đã có báo cáo khác được ký cho kỳ này.",
                                 keep=rid)
                signed.update_active_lock(self.db, self.unit_code, key, report_id=rid)
                if not self.active_lock(key):
                    signed.add_lock(self.db, period=key, unit_code=self.unit_code, start_date=start.isoformat(),
                                    end_date=end.isoformat(), locked_at=now, locked_by=self.actor, report_id=rid)
            audit.append(self.db, at=now, actor=self.actor, action="sign", form=None, record_id=None,
                         unit_code=self.unit_code, revision=None, content_hash=out_sha,
                         note=f"Ký báo cáo kỳ {key} ({signer_name}); kỳ báo cáo bị khóa.")
        return self.get(rid)  # type: ignore[return-value]

    # -- who signs, and whether the report may be signed --------------------------------------------------
    @staticmethod
    def report_info(path: Path) -> dict[str, str]:
        """The document information the report carries (as signed: the first signed revision)."""
        import io

        from pyhanko.pdf_utils.reader import PdfFileReader

        from plan_desktop.signing.sign import read_info

        try:
            reader = PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False)
        except Exception:
            return {}
        return read_info(reader)

    def check_ready(self, path: Path, info: Mapping[str, str] | None = None) -> None:
        """Refuse a report the program made with sections III–V empty or still the hint, and any report
        without a signer's name in the signature block; the message names each gap."""
        from plan_desktop.signing.placement import (
            SIGNER_KEY,
            UNFINISHED_KEY,
            unfinished_texts,
        )

        info = self.report_info(path) if info is None else info
        codes = [c for c in (info.get(UNFINISHED_KEY) or "").split(",") if c and c != "-"]
        if SIGNER_KEY not in info and not self._setting("signer_name"):
            codes.append("signer_name")
        if codes:
            vi, en = unfinished_texts(codes, Path(path).name)
            raise SigningError(vi, en=en)

    def _setting(self, key: str) -> str:
        return str(self.inst.store.get_setting(key, "") or "").strip()

    def _image(self, key: str) -> Path | None:
        value = self._setting(key)
        return Path(value) if value else None

    def _field_chooser(self, path: Path, info: Mapping[str, str], field_name: str | None, title: str | None):
        """``choose(certificate name)`` → (field, stamp title): the signer's field when the certificate
        holder is the signature block's name, the officer's when it is the officer's name; else refused."""
        from plan_desktop.signing.placement import SIGNER_KEY

        def signer_title(s: Mapping[str, Any]) -> str:  # as services.settings.signer_title
            return str(s.get("signer_title") or s.get("signer_position") or "CHỦ TỊCH")

        settings = self.inst.store.settings()
        block = str(info.get(SIGNER_KEY) or settings.get("signer_name") or "").strip()
        officer = str(settings.get("officer_name") or "").strip()

        def choose(cn: str) -> tuple[str, str | None]:
            if field_name is not None:
                expected = officer if field_name == OFFICER_FIELD else block
                if not same_person(cn, expected):
                    raise SigningError(_name_mismatch(cn, expected, field_name == OFFICER_FIELD),
                                       en=_name_mismatch_en(cn, expected, field_name == OFFICER_FIELD))
                return field_name, title or (settings.get("officer_title") if field_name == OFFICER_FIELD
                                             else signer_title(settings))
            if same_person(cn, block):
                return CHAIRMAN_FIELD, title or signer_title(settings)
            if officer and same_person(cn, officer):
                return OFFICER_FIELD, title or str(settings.get("officer_title") or "") or None
            raise SigningError(_name_mismatch(cn, block, False),
                               en=_name_mismatch_en(cn, block, False))

        return choose

    # -- issuing (the clerk gives number and date, and adds the agency's signature) ----------------------
    def issue_report(self, in_path: Path, out_path: Path, signer: SignerSpec, *, number: str,
                     issued_on: date, location: str | None = None) -> ReportEntry | None:
        """Fill the number and date of a signed report and add the agency's signature (with the unit's
        seal image when set) in one incremental update; the signer's signature allowed exactly this.
        The report's entry in the list (when it is there) becomes «đã ban hành». Returns the entry."""
        from plan_desktop.reports.layout import (
            AGENCY_SIGNATURE_FIELD,
            DAY_FIELD,
            MONTH_FIELD,
            NUMBER_FIELD,
            YEAR_FIELD,
        )
        from plan_desktop.signing.sign import sign_pdf
        from plan_desktop.signing.verify import read_data_hash, verify_pdf

        self._require_approver("cấp số, ban hành báo cáo")
        in_path, out_path = Path(in_path), Path(out_path)
        digits = parse_number(number)
        checked = verify_pdf(in_path)
        if checked.error:
            raise SigningError(f"Tệp «{in_path.name}»: {checked.error}",
                               en=f"File «{in_path.name}»: {checked.error}")
        if not checked.signatures:
            raise SigningError(f"Báo cáo «{in_path.name}» chưa được người có thẩm quyền ký số; ký trước rồi mới "
                               "cấp số, ban hành.",
                               en=f"The report «{in_path.name}» has not been digitally signed by the authorised "
                                  "person; sign it before "
                                  "giving it a number and issuing it.")
        if not checked.intact:
            raise SigningError(f"Báo cáo «{in_path.name}» có chữ ký không hợp lệ hoặc đã bị sửa sau khi ký; "
                               "không ban hành được.",
                               en=f"The report «{in_path.name}» has an invalid signature or was changed after signing; "
                                  "it cannot be issued.")
        if any(s.field_name == AGENCY_SIGNATURE_FIELD for s in checked.signatures):
            raise SigningError(f"Báo cáo «{in_path.name}» đã được cấp số và ban hành.",
                               en=f"The report «{in_path.name}» has already been numbered and issued.")
        fields_now = self._text_fields(in_path)
        info = self.report_info(in_path)
        report = (info.get("PlanDesktopReport") or "").split("|")
        given = {v for k, v in fields_now.items() if k.startswith(NUMBER_FIELD + "_") and v}
        if len(report) == 4 and report[3]:
            given = {report[3]}  # printed when the report was made
            if report[2] != issued_on.isoformat():
                printed = date.fromisoformat(report[2])
                raise SigningError(f"Báo cáo «{in_path.name}» đã in số và ngày {printed:%d/%m/%Y} khi ký; "
                                   "ngày ban hành phải trùng ngày đó.",
                                   en=f"The report «{in_path.name}» was printed with its number and date "
                                      f"{printed:%d/%m/%Y} when signed; "
                                      "the issue date must be that date.")
        if given and given != {digits}:
            raise SigningError(f"Báo cáo «{in_path.name}» đã ghi số {next(iter(given))}/BC-UBND khi ký; không đổi "
                               f"sang số {digits} được.",
                               en=f"The report «{in_path.name}» was given number {next(iter(given))}/BC-UBND when "
                                  "signed; it cannot be "
                                  f"changed to number {digits}.")
        if len(report) >= 3 and report[1]:
            _start, end = self.inst.period_bounds(report[1])
            if issued_on < end:
                raise SigningError(f"Ngày ban hành {issued_on:%d/%m/%Y} trước ngày kết thúc kỳ báo cáo "
                                   f"({end:%d/%m/%Y}).",
                                   en=f"The issue date {issued_on:%d/%m/%Y} is before the end of the report period "
                                      f"({end:%d/%m/%Y}).")
        month = f"{issued_on.month:02d}" if issued_on.month <= 2 else str(issued_on.month)
        values = {NUMBER_FIELD: digits, DAY_FIELD: f"{issued_on.day:02d}", MONTH_FIELD: month,
                  YEAR_FIELD: str(issued_on.year)}
        if f"{qr.QR_FIELD}_1" in fields_now and len(report) >= 2:
            # the QR code on the last page is redrawn with the number and date given now; the unit, period
            # and data hash come from what the signer signed, not from the field's current value
            values[qr.QR_FIELD] = qr.qr_payload(report[0], report[1], digits, issued_on, read_data_hash(in_path) or "")
        in_sha = file_sha256(in_path)
        sign_pdf(in_path, out_path, signer, field_name=AGENCY_SIGNATURE_FIELD, box=None, title=None,
                 reason=f"Ban hành văn bản số {digits}/BC-UBND ngày {issued_on:%d/%m/%Y}",
                 location=location or self.inst.unit().name, agency=True, seal=self._image("seal_image"),
                 certify=False, fill=values if fields_now else None, signing_time=now_vn())
        out_sha = file_sha256(out_path)
        now = utc_now()
        row = signed.latest_of_file(self.db, self.unit_code, in_sha, ["signed"])
        with self.db.atomic():
            if row:
                signed.update_report(self.db, row["id"], status="issued", status_at=now,
                                     file_path=str(out_path.resolve()), file_sha256=out_sha,
                                     doc_number=f"{digits}/BC-UBND", issued_on=issued_on.isoformat(), issued_at=now)
            audit.append(self.db, at=now, actor=self.actor, action="issue", form=None, record_id=None,
                         unit_code=self.unit_code, revision=None, content_hash=out_sha,
                         note=f"Cấp số {digits}/BC-UBND ngày {issued_on:%d/%m/%Y}, ký số của cơ quan.")
        return self.get(row["id"]) if row else None

    @staticmethod
    def _text_fields(path: Path) -> dict[str, str]:
        import io

        from pyhanko.pdf_utils.reader import PdfFileReader

        from plan_desktop.signing.sign import text_fields

        return text_fields(PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False))

    def data_matches(self, path: Path, period: str | Period, unit_code: str | None = None) -> bool | None:
        """Whether the data hash a report PDF carries is the hash of the records held here for
        ``period`` and ``unit_code`` (a district checks a commune's report against the commune's
        imported records). None when the PDF carries no data hash. The hash is computed in the format
        version the PDF names (a report signed under version 1 keeps verifying), from the records'
        content (version 3's stored record hashes are computed again, not trusted)."""
        from plan_desktop.signing.verify import read_data_hash_info

        carried = read_data_hash_info(Path(path))
        if carried is None:
            return None
        digest, version = carried
        return digest == report_data_hash(self.inst.report_context(), period, unit_code, version=version,
                                          recompute=True)

    def check_data_hash(self, path: Path, period: str | Period) -> None:
        """Refuse a report whose data hash differs from the hash of the records as they are now."""
        if self.data_matches(path, period) is False:
            raise SigningError(
                f"Số liệu kỳ {Period.parse(period)} đã thay đổi kể từ khi lập tệp «{Path(path).name}» "
                "(mã băm dữ liệu không khớp). Hãy lập lại báo cáo rồi mới ký.",
                en=f"The figures of period {Period.parse(period)} have changed since the file "
                   f"«{Path(path).name}» was made "
                   "(the data hash does not match). Make the report again, then sign it.",
            )

    @staticmethod
    def _declares(path: Path, field_name: str) -> bool:
        """Whether the PDF declares where ``field_name`` goes (a report's SignatureSpace)."""
        import io

        from pyhanko.pdf_utils.reader import PdfFileReader

        from plan_desktop.signing.sign import declared_boxes

        try:
            return field_name in declared_boxes(PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False))
        except Exception:
            return False

    # -- locks ------------------------------------------------------------------------------------------
    def active_lock(self, period: str) -> PeriodLock | None:
        row = signed.active_lock(self.db, self.unit_code, str(Period.parse(period)))
        return lock_of(row) if row else None

    def locks(self, *, include_reopened: bool = False) -> list[PeriodLock]:
        return [lock_of(r) for r in signed.locks(self.db, self.unit_code, include_reopened=include_reopened)]

    def _require_approver(self, action_vi: str) -> None:
        """Signing and reopening are the approver's (when password protection is on)."""
        try:
            self.inst.session.require(APPROVER, action_vi)
        except AccessError as exc:
            raise SigningError(str(exc),
                               en=getattr(exc, "en", None) or str(exc)) from None

    def reopen(self, period: str, reason: str) -> list[ReportEntry]:
        """Unlock a signed period. Needs a reason; audited; its reports become superseded (returned)."""
        self._require_approver("mở lại kỳ báo cáo đã khóa")
        p = Period.parse(period)
        key = str(p)
        reason = (reason or "").strip()
        if len(reason) < 5:
            raise SigningError("Hãy ghi rõ lý do mở lại kỳ báo cáo (ít nhất 5 ký tự).",
                               en="Please give the reason for reopening the report period (at least 5 characters).")
        lock = self.active_lock(key)
        if lock is None:
            raise SigningError(f"Kỳ báo cáo {p.label_vi()} ({key}) không bị khóa; không cần mở lại.",
                               en=f"The report period {key} is not closed; it does not need "
                                  "reopening.")
        now = utc_now()
        with self.db.atomic():
            signed.update_active_lock(self.db, self.unit_code, key, reopened_at=now, reopened_by=self.actor,
                                      reopen_reason=reason)
            ids = signed.supersede(self.db, self.unit_code, key, now, f"Mở lại kỳ báo cáo: {reason}")
            audit.append(self.db, at=now, actor=self.actor, action="reopen", form=None, record_id=None,
                         unit_code=self.unit_code, revision=None, content_hash=None,
                         note=f"Mở lại kỳ báo cáo {key}: {reason}")
        return [e for e in (self.get(i) for i in ids) if e is not None]

    # -- verification -------------------------------------------------------------------------------------
    def verify(self, path: Path, trust: Iterable[Path] | None = None) -> VerifyResult:
        """Check a signed PDF against ``trust`` certificate files, or else the imported trust roots."""
        from plan_desktop.signing.trust import load_certificates
        from plan_desktop.signing.verify import verify_pdf

        if trust is not None:
            roots = [c for t in trust for c in load_certificates(t)]
        else:
            roots = self.trust_store.certificates()
        return verify_pdf(path, roots)
