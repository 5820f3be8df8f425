"""Content of the periodic report (báo cáo định kỳ): every figure of sections I–II, the indicators,
the breakdown by unit below and the appendix tables, computed with SQL aggregates.

:func:`build_report` gives a :class:`ReportData` that the PDF (``reports/pdf.py``), the XLSX
(``reports/xlsx.py``) and the window all show; nothing here knows about pages or fonts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plan_desktop.domain.forms import FieldDef
from plan_desktop.domain.periods import Period
from plan_desktop.domain.text import format_date_vi, format_int_vi, format_percent_vi, nfc
from plan_desktop.domain.units import Level, Unit
from plan_desktop.reports.context import ReportContext
from plan_desktop.reports.indicators import STATUS_VI, IndicatorValue, compute_indicators, flagged_sql
from plan_desktop.reports.scope import (
    DATA_HASH_VERSION,
    HASH_PREFIX,
    VERSION_PREFIX,
    Scope,
    make_scope,
    report_data_hash,
)
from plan_desktop.store import audit
from plan_desktop.store.periods import period_where
from plan_desktop.store.reading import (
    COUNT,
    DateBuckets,
    Measure,
    RecordReader,
    Where,
    count_if,
    count_not,
    distinct,
    sum_of,
)

#: Officer-written sections, in order, with the text shown while the officer has written nothing.
DRAFT_SECTIONS = {
    "assessment": (
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm: (cán bộ ghi nhận những kết quả nổi bật trong kỳ).\n"
        "2. Tồn tại, hạn chế: (cán bộ ghi những việc chưa làm được).\n"
        "3. Nguyên nhân: (nguyên nhân khách quan, chủ quan của tồn tại, hạn chế).",
    ),
    "tasks": (
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "Tiếp tục triển khai Kế hoạch phòng, chống mại dâm của tỉnh; đẩy mạnh tuyên truyền tại cộng đồng, "
        "tăng cường kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng; (cán bộ bổ sung nhiệm vụ cụ thể).",
    ),
    "requests": (
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "(Cán bộ ghi kiến nghị, đề xuất với cấp trên, nếu có.)",
    ),
}

#: ``report --text FILE.toml``: the file's keys and the sections they fill.
TEXT_KEYS = {"assessment": "assessment", "next_steps": "tasks", "proposals": "requests"}


def is_hint(key: str, text: str | None) -> bool:
    """Whether a section's text is empty or still the hint printed for the officer to replace."""
    t = " ".join(nfc(text or "").split())
    if not t:
        return True
    hint = " ".join(nfc(DRAFT_SECTIONS[key][1]).split())
    return t == hint or "(cán bộ" in t.casefold()


MONTHS_VI = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"]


@dataclass
class Table:
    """A table of figures: ``kinds`` per column are "text", "int", "money", "percent" or "date"."""

    title: str
    header: list[str]
    kinds: list[str]
    rows: list[list[Any]]
    total: list[Any] | None = None
    widths: list[float] | None = None  # relative widths
    note: str = ""

    def cell_text(self, value: Any, kind: str) -> str:
        if value is None or value == "":
            return "" if kind == "text" else "—" if kind == "percent" else "0" if kind in ("int", "money") else ""
        if kind in ("int", "money") and isinstance(value, (int, float)):
            return format_int_vi(value)
        if kind == "percent" and isinstance(value, (int, float)):
            return format_percent_vi(value)
        if kind == "date":
            return format_date_vi(value)
        return str(value)

    def text_rows(self) -> list[list[str]]:
        rows = [[self.cell_text(v, k) for v, k in zip(r, self.kinds, strict=False)] for r in self.rows]
        if self.total is not None:
            rows.append([self.cell_text(v, k) for v, k in zip(self.total, self.kinds, strict=False)])
        return rows


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    chart: str | None = None  # "monthly" | "indicators"
    level: int = 1  # 1: I., II.; 2: 1., 2.


@dataclass
class Appendix:
    number: str  # "I", "II"
    title: str
    tables: list[Table]
    landscape: bool = False


@dataclass
class ReportData:
    scope: Scope
    agency: list[str]
    number_text: str
    place_date: str
    subject: str
    addressees: list[str]
    intro: str
    sections: list[Section]
    indicators: list[IndicatorValue]
    monthly: list[tuple[str, int]]
    appendices: list[Appendix]
    recipients: list[str]
    signer_authority: str
    signer_position: str
    signer_name: str
    data_hash: str
    drafts: dict[str, str]
    report_date: date
    counts: dict[str, int]
    number: str = ""
    #: what keeps the report from being signed: section keys still empty or the hint, and
    #: ``signer_name`` when no signer's name stands in the signature block
    unfinished: list[str] = field(default_factory=list)
    seal: bool = False  # the unit has a seal image: the agency's signature goes over the signer's
    #: the format of :attr:`data_hash` (``reports/scope.py``)
    data_hash_version: int = DATA_HASH_VERSION
    #: the head of the unit's audit chain when the report was made (``seq:hash``): once signed, the level
    #: above can tell a history rewritten or wiped after the report from one that only grew
    audit_head: str = ""

    @property
    def title(self) -> str:
        return f"Báo cáo {self.subject[0].lower()}{self.subject[1:]}"

    @property
    def keywords(self) -> str:
        return f"{HASH_PREFIX}{self.data_hash} {VERSION_PREFIX}{self.data_hash_version}"


# -- helpers ----------------------------------------------------------------------------------------
def lower_first(s: str) -> str:
    """"Nhà nghỉ" → "nhà nghỉ", but "PCMD", "HIV/AIDS" and "UBND" keep their capitals."""
    words = s.split(" ")
    if words and len(words[0]) > 1 and words[0][1:].islower():
        words[0] = words[0][0].lower() + words[0][1:]
    elif words and len(words[0]) == 1:
        words[0] = words[0].lower()
    return " ".join(words)


def unit_phrase(u: Unit) -> str:
    """"xã Đồng Lý", "thị trấn Vĩnh Trụ", "huyện Lý Nhân", "tỉnh Hà Nam"."""
    return f"{u.kind.lower()} {u.short_name}" if u.kind else u.name


def date_line(place: str, d: date) -> str:
    """"Kim Bảng, ngày 05 tháng 01 năm 2017": day < 10 and months 1–2 take a leading zero."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def number_text(number: Any, kind: str = "BC-UBND") -> str:
    s = str(number or "").strip()
    if s.isdigit():
        s = f"{int(s):02d}"
    if not s:
        s = "\u00a0" * 8
    return f"Số: {s}/{kind}"


class _Agg:
    """SQL aggregates over the report's scope and period."""

    def __init__(self, ctx: ReportContext, scope: Scope):
        self.ctx = ctx
        self.read = RecordReader(ctx.store)
        self.forms = ctx.store.forms
        self.scope = scope
        self._cube: list[tuple] | None = None
        self._repeated: list[str] | None = None
        #: the report's date: nothing dated after it is cited (receipts, decisions)
        self.until: date = scope.end

    def f(self, form: str, name: str) -> FieldDef:
        return self.forms[form].field(name)

    def previous_bounds(self) -> tuple[date, date] | None:
        """The same period of the previous year (with the installation's cut-off), if it is a period."""
        p = self.scope.period
        try:
            return Period(p.year - 1, p.kind, p.index).bounds(self.ctx.cutoff)
        except ValueError:
            return None

    def count(self, form: str, bounds: tuple[date, date] | None = None) -> int:
        """Live records of ``form`` of the scope's units in the period (or in ``bounds``)."""
        if bounds is None:
            w = self.period_where(form)
        else:
            w = period_where(self.forms[form], bounds[0], bounds[1], codes=list(self.scope.codes))
        return self.read.count(form, w)

    def period_where(self, form: str, codes: list[str] | None = None) -> tuple[str, list[Any]]:
        """The form's live records of the report's period (by its kind) of the scope's units; a training
        a commune recorded for a class its district (or the province) recorded too counts once."""
        where, params = self.scope.period_where(form, codes)
        if form == "training" and (dups := self.repeated_trainings()):
            where += f" AND id NOT IN ({','.join('?' * len(dups))})"
            params = [*params, *dups]
        return where, params

    def repeated_trainings(self) -> list[str]:
        """Trainings a unit below recorded for a class that a unit above it in this report organised: the
        same start day, recorded at the organiser's level (a commune's «cấp huyện» class of 05/04 when its
        district recorded its own «cấp huyện» class of 05/04). The class counts once, as the organiser's."""
        if self._repeated is None:
            self._repeated = []
            rows = self.read.select("training", ["id", "unit_code", "start_date", "level"],
                                    self.scope.period_where("training"))
            units = self.scope.units
            held = {(code, day, lvl) for _, code, day, lvl in rows if (u := units.get(code)) and u.level.value == lvl}
            for rid, code, day, lvl in rows:
                u = units.get(code)
                if u is None or u.level.value == lvl or lvl not in ("district", "province"):
                    continue
                try:
                    on = date.fromisoformat(day)
                except (TypeError, ValueError):
                    continue
                above = units.parent_for(code, on)
                while above is not None and above.level.value != lvl:
                    above = units.parent_for(above.code, on)
                if above is not None and (above.code, day, lvl) in held:
                    self._repeated.append(rid)
        return self._repeated

    #: The communication figures a report adds up, in the order of :meth:`communication_cube`.
    COMM_SUMS = ("sessions", "participants", "participants_female", "materials", "broadcast_minutes", "cost")

    def months(self) -> list[Period]:
        return self.scope.period.months() if self.scope.period.kind != "M" else [self.scope.period]

    def communication_cube(self) -> list[tuple]:
        """The period's communication activities in one pass: per (unit, format, venue, month of the
        period or None) the count and the sums of :attr:`COMM_SUMS`. The section, its monthly chart
        and the breakdown by unit all add these up instead of reading the activities again (one read
        of 100.000 records instead of five)."""
        if self._cube is None:
            # months with the installation's cut-off (statistical months run from the 15th)
            months = DateBuckets("date", tuple(m.bounds(self.ctx.cutoff) for m in self.months()))
            self._cube = self.read.aggregate(
                "communication", self.period_where("communication"), [COUNT, *map(sum_of, self.COMM_SUMS)],
                group_by=["unit_code", "format", "venue_type", months])
        return self._cube

    def open_establishments_where(self) -> tuple[str, list[Any]]:
        """The businesses open at some time in the period (the roster rule of the lists)."""
        return self.scope.period_where("establishment")

    def by_choice(self, form: str, fname: str, measures: list[Measure], where: Where) -> list[list[Any]]:
        """Rows ``[label, *measures]`` of the records of ``where`` by the codes of a choice field."""
        got = {r[0]: list(r[1:]) for r in self.read.aggregate(form, where, measures, group_by=[fname])}
        return self.choice_rows(form, fname, got)

    def choice_rows(self, form: str, fname: str, got: dict[Any, list[Any]]) -> list[list[Any]]:
        """Rows ``[label, *figures]`` of a choice field's codes in the form's order, then codes no
        longer in the form definition."""
        fd = self.f(form, fname)
        got = dict(got)
        out = []
        for c in fd.choices:
            if c.code in got:
                out.append([c.label, *got.pop(c.code)])
        for code, vals in got.items():  # codes no longer in the form definition
            out.append([fd.choice_label(code) or "(không ghi)", *vals])
        return out


def _sum_rows(rows: list[list[Any]], first: str = "Tổng cộng") -> list[Any]:
    if not rows:
        return [first]
    n = len(rows[0])
    return [first, *[sum((r[i] or 0) for r in rows) for i in range(1, n)]]


# -- sections -----------------------------------------------------------------------------------------
def _situation(a: _Agg) -> Section:
    sec = Section("I. TÌNH HÌNH")
    where = a.open_establishments_where()
    # suspected as in force on the period's last day: the same rule and day as the indicator table
    suspected = flagged_sql(a.forms, a.scope.plan.indicator("disguised_reduction"), a.scope.end)
    rows = a.by_choice("establishment", "kind", [COUNT, count_if(suspected), sum_of("female_workers")], where)
    total = _sum_rows(rows)
    n_est = total[1] if rows else 0
    n_susp = total[2] if rows else 0
    if n_est:
        kinds = ", ".join(f"{lower_first(r[0])}: {format_int_vi(r[1])}" for r in rows)
        sec.paragraphs.append(
            f"Trên địa bàn có {format_int_vi(n_est)} cơ sở kinh doanh dịch vụ dễ bị lợi dụng hoạt động mại dâm "
            f"({kinds}); trong đó {format_int_vi(n_susp)} cơ sở có dấu hiệu nghi vấn hoạt động mại dâm trá hình "
            f"vào ngày {format_date_vi(a.scope.end)}"
            + (f", với {format_int_vi(total[3])} lao động nữ làm việc tại các cơ sở." if total[3] else "."))
        sec.tables.append(Table(
            "Cơ sở kinh doanh dịch vụ dễ bị lợi dụng đang hoạt động trong kỳ",
            ["Loại hình", "Số cơ sở", f"Nghi vấn ngày {format_date_vi(a.scope.end)}", "Lao động nữ"],
            ["text", "int", "int", "int"], rows, total, [3.2, 1, 1.2, 1]))
    else:
        sec.paragraphs.append("Trên địa bàn chưa ghi nhận cơ sở kinh doanh dịch vụ dễ bị lợi dụng hoạt động mại dâm.")
    w = a.period_where("case")
    n, sellers, minors, buyers, org = a.read.aggregate(
        "case", w, [COUNT, sum_of("sellers"), sum_of("sellers_minor"), sum_of("buyers"), sum_of("organisers")])[0]
    if n:
        sec.paragraphs.append(
            f"Trong kỳ, các lực lượng chức năng phát hiện {format_int_vi(n)} vụ việc liên quan đến mại dâm với "
            f"{format_int_vi(sellers)} người bán dâm (trong đó {format_int_vi(minors)} người dưới 18 tuổi), "
            f"{format_int_vi(buyers)} người mua dâm và {format_int_vi(org)} đối tượng chứa chấp, môi giới, tổ chức.")
    else:
        sec.paragraphs.append("Trong kỳ, trên địa bàn không phát hiện vụ việc liên quan đến hoạt động mại dâm.")
    return sec


def _direction(a: _Agg) -> Section:
    sec = Section("1. Công tác chỉ đạo, ban hành văn bản", level=2)
    w = a.period_where("plan_document")
    docs = a.read.select("plan_document", ["doc_no", "issued_on", "title", "integrated_with"], w,
                         order_by=["issued_on", "doc_no"], limit=200)
    n = a.read.count("plan_document", w)
    if not n:
        sec.paragraphs.append("Trong kỳ không ban hành kế hoạch, văn bản chỉ đạo mới về phòng, chống mại dâm.")
        return sec
    integ = sum(1 for d in docs if d[3] and d[3] not in ("[]", ""))
    sec.paragraphs.append(
        f"Trong kỳ đã ban hành {format_int_vi(n)} kế hoạch, văn bản chỉ đạo về phòng, chống mại dâm, trong đó "
        f"{format_int_vi(integ)} văn bản lồng ghép với các chương trình kinh tế - xã hội.")
    if n <= 12:
        fd = a.f("plan_document", "integrated_with")
        sec.tables.append(Table(
            "Kế hoạch, văn bản chỉ đạo ban hành trong kỳ", ["Số, ký hiệu", "Ngày", "Trích yếu", "Lồng ghép với"],
            ["text", "date", "text", "text"],
            [[d[0], d[1], d[2], fd.display(fd.from_storage(d[3]))] for d in docs], None, [1.3, 1, 3.5, 1.8]))
    return sec


def _communication(a: _Agg) -> tuple[Section, list[tuple[str, int]]]:
    sec = Section("2. Công tác thông tin, tuyên truyền", level=2, chart="monthly")
    # per format and per venue: count, sessions, participants, of whom women, materials
    per_format: dict[Any, list[int]] = {}
    per_venue: dict[Any, list[int]] = {}
    per_month: dict[int, int] = defaultdict(int)
    n = minutes = cost = 0
    for _unit, fmt, venue, month, count, sessions, people, women, materials, mins, money in a.communication_cube():
        for acc, key in ((per_format, fmt), (per_venue, venue)):
            row = acc.setdefault(key, [0, 0, 0, 0, 0])
            for i, v in enumerate((count, sessions, people, women, materials)):
                row[i] += v
        if month is not None:
            per_month[month] += count
        n, minutes, cost = n + count, minutes + mins, cost + money
    by_format = a.choice_rows("communication", "format", per_format)
    by_venue = a.choice_rows("communication", "venue_type", per_venue)
    total = _sum_rows(by_format)
    if n:
        text = (f"Tổ chức {format_int_vi(n)} hoạt động truyền thông với {format_int_vi(total[2])} buổi/lượt, "
                f"thu hút {format_int_vi(total[3])} lượt người tham dự (trong đó nữ {format_int_vi(total[4])} lượt); "
                f"cấp phát {format_int_vi(total[5])} tài liệu (tờ rơi, sách mỏng, áp phích…)")
        if minutes:
            text += f"; phát thanh trên hệ thống truyền thanh cơ sở {format_int_vi(minutes)} phút"
        text += "."
        if cost:
            text += f" Tổng kinh phí {format_int_vi(cost)} đồng."
        sec.paragraphs.append(text)
        head = ["Số hoạt động", "Số buổi/lượt", "Người tham dự", "Trong đó nữ", "Tài liệu"]
        kinds = ["text", "int", "int", "int", "int", "int"]
        sec.tables.append(Table("Hoạt động truyền thông theo hình thức", ["Hình thức", *head], kinds,
                                by_format, total, [3.2, 1, 1, 1.1, 1, 1]))
        sec.tables.append(Table("Hoạt động truyền thông theo địa bàn", ["Địa bàn", *head], kinds,
                                by_venue, _sum_rows(by_venue), [3.2, 1, 1, 1.1, 1, 1]))
    else:
        sec.paragraphs.append("Trong kỳ chưa ghi nhận hoạt động truyền thông nào.")
    # activities by month of the period (the chart), with the installation's cut-off
    monthly = [(MONTHS_VI[m.index - 1], int(per_month.get(i, 0))) for i, m in enumerate(a.months())]
    return sec, monthly


def _training(a: _Agg) -> Section:
    sec = Section("3. Công tác tập huấn, nâng cao năng lực", level=2)
    w = a.period_where("training")
    rows = a.by_choice("training", "level", [COUNT, sum_of("trainees"), sum_of("trainees_female"), sum_of("cost")], w)
    total = _sum_rows(rows)
    if rows:
        sec.paragraphs.append(
            f"Tổ chức và tham gia {format_int_vi(total[1])} lớp tập huấn với {format_int_vi(total[2])} lượt học viên "
            f"(trong đó nữ {format_int_vi(total[3])})"
            + (f"; kinh phí {format_int_vi(total[4])} đồng." if total[4] else "."))
        groups = a.by_choice("training", "trainee_group", [COUNT, sum_of("trainees")], w)
        if groups:
            sec.paragraphs.append("Đối tượng học viên: " + "; ".join(
                f"{lower_first(g[0])}: {format_int_vi(g[1])} lớp, {format_int_vi(g[2])} học viên"
                for g in groups) + ".")
        sec.tables.append(Table("Lớp tập huấn theo cấp tổ chức", ["Cấp tổ chức", "Số lớp", "Học viên", "Trong đó nữ",
                                                                  "Kinh phí (đồng)"],
                                ["text", "int", "int", "int", "money"], rows, total, [2.6, 1, 1, 1, 1.5]))
    else:
        sec.paragraphs.append("Trong kỳ chưa tổ chức lớp tập huấn nào.")
    return sec


def _inspection(a: _Agg) -> Section:
    sec = Section("4. Công tác kiểm tra các cơ sở kinh doanh dịch vụ", level=2)
    w = a.period_where("inspection")
    n, ests, viol, fines = a.read.aggregate(
        "inspection", w, [COUNT, distinct("establishment"), sum_of("violation"), sum_of("fine")])[0]
    if not n:
        sec.paragraphs.append("Trong kỳ chưa tiến hành kiểm tra cơ sở kinh doanh dịch vụ nào.")
        return sec
    sec.paragraphs.append(
        f"Tiến hành {format_int_vi(n)} lượt kiểm tra tại {format_int_vi(ests)} cơ sở kinh doanh dịch vụ; phát hiện "
        f"{format_int_vi(viol)} lượt vi phạm"
        + (f"; xử phạt vi phạm hành chính tổng số tiền {format_int_vi(fines)} đồng." if fines else "."))
    by_team = a.by_choice("inspection", "team", [COUNT, sum_of("violation"), sum_of("fine")], w)
    by_action = a.by_choice("inspection", "action", [COUNT, sum_of("fine")], w)
    sec.tables.append(Table("Kiểm tra theo đoàn kiểm tra", ["Đoàn kiểm tra", "Lượt kiểm tra", "Lượt vi phạm",
                                                           "Tiền phạt (đồng)"],
                            ["text", "int", "int", "money"], by_team, _sum_rows(by_team), [3, 1, 1, 1.5]))
    sec.tables.append(Table("Hình thức xử lý sau kiểm tra", ["Hình thức xử lý", "Lượt", "Tiền phạt (đồng)"],
                            ["text", "int", "money"], by_action, _sum_rows(by_action), [3, 1, 1.5]))
    return sec


def _cases(a: _Agg) -> Section:
    sec = Section("5. Công tác đấu tranh, xử lý vi phạm", level=2)
    w = a.period_where("case")
    rows = a.by_choice("case", "kind", [COUNT, sum_of("sellers"), sum_of("sellers_minor"), sum_of("buyers"),
                                        sum_of("organisers"), count_not("status", "open"), sum_of("fine")], w)
    total = _sum_rows(rows)
    if not rows:
        sec.paragraphs.append("Trong kỳ không phát sinh vụ việc phải đấu tranh, xử lý.")
        return sec
    by_action = a.by_choice("case", "action", [COUNT], w)
    sec.paragraphs.append(
        f"Phát hiện {format_int_vi(total[1])} vụ việc, đã xử lý hoặc chuyển cơ quan chức năng "
        f"{format_int_vi(total[6])} vụ ({format_percent_vi(100 * total[6] / total[1])})"
        + (f"; tổng số tiền phạt {format_int_vi(total[7])} đồng" if total[7] else "")
        + ". Biện pháp xử lý: "
        + "; ".join(f"{lower_first(r[0])}: {format_int_vi(r[1])} vụ" for r in by_action) + ".")
    sec.tables.append(Table("Vụ việc theo loại", ["Loại vụ việc", "Số vụ", "Người bán dâm", "Dưới 18 tuổi",
                                                 "Người mua dâm", "Chủ chứa, môi giới", "Đã xử lý",
                                                 "Tiền phạt (đồng)"],
                            ["text", "int", "int", "int", "int", "int", "int", "money"], rows, total,
                            [2.6, 0.8, 1, 0.9, 1, 1.1, 0.9, 1.4]))
    return sec


def _support(a: _Agg) -> Section:
    sec = Section("6. Công tác hỗ trợ người bán dâm hòa nhập cộng đồng", level=2)
    w = a.period_where("support")
    rows = a.by_choice("support", "service", [COUNT, distinct("person_code")], w)
    n_people = a.read.aggregate("support", w, [distinct("person_code")])[0][0]
    total = _sum_rows(rows)
    if rows:
        sec.paragraphs.append(
            f"Thực hiện {format_int_vi(total[1])} lượt hỗ trợ cho {format_int_vi(n_people)} người bán dâm "
            "(theo mã số, không ghi thông tin cá nhân).")
        sec.tables.append(Table("Hỗ trợ theo loại dịch vụ", ["Loại hỗ trợ", "Lượt hỗ trợ", "Số người"],
                                ["text", "int", "int"], rows, [*total[:2], n_people], [3, 1, 1]))
    else:
        sec.paragraphs.append("Trong kỳ chưa có lượt hỗ trợ người bán dâm nào được ghi nhận.")
    models = a.by_choice("support_model", "model_type", [COUNT, sum_of("people_reached")],
                         a.period_where("support_model"))
    if models:
        mt = _sum_rows(models)
        sec.paragraphs.append(
            f"Duy trì {format_int_vi(mt[1])} mô hình hỗ trợ, can thiệp giảm hại, "
            f"tiếp cận {format_int_vi(mt[2])} người.")
        sec.tables.append(Table("Mô hình hỗ trợ, can thiệp giảm hại hoạt động trong kỳ",
                                ["Loại mô hình", "Số mô hình", "Người được tiếp cận"],
                                ["text", "int", "int"], models, mt, [3.6, 1, 1.2]))
    return sec


def _healthy(a: _Agg, indicators: list[IndicatorValue]) -> Section:
    sec = Section("7. Xây dựng xã, phường, thị trấn lành mạnh không có tệ nạn mại dâm", level=2)
    year = a.scope.year
    communes = a.scope.communes()
    codes = [u.code for u in communes]
    if not codes:
        return sec
    this_year = period_where(a.forms["unit_status"], date(year, 1, 1), date(year, 12, 31), codes=codes)
    # only assessments decided by the period's end (one without a date counts at the end of its year)
    rows = [r for r in a.read.select("unit_status", ["unit_code", "healthy", "healthy_drugs_too", "decision_no",
                                                     "decision_date"], this_year)
            if (r[4] or f"{year}-12-31") <= a.scope.end.isoformat()]
    if a.scope.level == Level.COMMUNE:
        if not rows:
            upto = f" đến ngày {format_date_vi(a.scope.end)}" if a.scope.period.kind != "Y" else ""
            sec.paragraphs.append(f"Chưa có kết quả đánh giá xã, phường lành mạnh năm {year}{upto}.")
        else:
            _, healthy, drugs, no, d = rows[0]
            if healthy:
                txt = (f"Năm {year}, {unit_phrase(a.scope.unit)} được công nhận đạt tiêu chuẩn xã, phường, thị trấn "
                       "lành mạnh không có tệ nạn mại dâm" + (" và ma túy" if drugs else ""))
                if no:
                    txt += f" (Quyết định số {no}" + (f" ngày {format_date_vi(d)}" if d else "") + ")"
                sec.paragraphs.append(txt + ".")
            else:
                sec.paragraphs.append(f"Năm {year}, {unit_phrase(a.scope.unit)} chưa đạt tiêu chuẩn xã, phường, "
                                      "thị trấn lành mạnh không có tệ nạn mại dâm.")
        return sec
    ind = next(i for i in indicators if i.id == "healthy_communes")
    if not rows:  # no assessment decided by the period's end: not «0 % healthy»
        sec.paragraphs.append(f"{ind.detail[0].upper()}{ind.detail[1:]}.")
        return sec
    # each fact once: this year's count and share, the change from last year, the drugs-too subset,
    # and the communes not yet assessed (only when there are some)
    healthy = {r[0] for r in rows if r[1]}
    drugs = {r[0] for r in rows if r[2]}
    last_year = period_where(a.forms["unit_status"], date(year - 1, 1, 1), date(year - 1, 12, 31), codes=codes)
    before = a.read.select("unit_status", ["unit_code", "healthy", "healthy_drugs_too"], last_year)
    text = (f"Năm {year}, {format_int_vi(len(healthy))}/{format_int_vi(len(codes))} xã, phường, thị trấn "
            f"({format_percent_vi(100 * len(healthy) / len(codes))}) đạt tiêu chuẩn lành mạnh không có tệ nạn mại dâm")
    if before:
        was = {r[0] for r in before if r[1]}
        text += (f" (năm {year - 1}: {format_int_vi(len(was))} xã; mới đạt {format_int_vi(len(healthy - was))}, "
                 f"không giữ được {format_int_vi(len(was - healthy))})")
    text += f", trong đó {format_int_vi(len(drugs))} đơn vị không có cả tệ nạn ma túy và mại dâm"
    if before:
        was_drugs = {r[0] for r in before if r[2]}
        text += (f" (mới đạt {format_int_vi(len(drugs - was_drugs))}, "
                 f"không giữ được {format_int_vi(len(was_drugs - drugs))})")
    missing = len(codes) - len(rows)
    text += f"; {format_int_vi(missing)} đơn vị chưa có kết quả đánh giá." if missing else "."
    sec.paragraphs.append(text)
    return sec


def _indicators_section(indicators: list[IndicatorValue], scope: Scope) -> Section:
    sec = Section(f"8. Kết quả thực hiện các chỉ tiêu của Kế hoạch số {scope.plan.number}", level=2,
                  chart="indicators")
    met = sum(1 for i in indicators if i.status == "met")
    judged = sum(1 for i in indicators if i.status in ("met", "not_met"))
    label = indicators[0].period_label if indicators else scope.period.label_vi()
    as_of = format_date_vi(indicators[0].as_of or scope.end) if indicators else format_date_vi(scope.end)
    others = {s: sum(1 for i in indicators if i.status == s) for s in ("no_target", "not_applicable", "no_data")}
    rest = "; ".join(f"{n} chỉ tiêu {STATUS_VI[s].lower()}" for s, n in others.items() if n)
    sec.paragraphs.append(
        f"Số liệu {label} (tính đến ngày {as_of}): có {met}/{judged} chỉ tiêu được đánh giá đạt yêu cầu "
        f"của Kế hoạch" + (f"; {rest}" if rest else "") + " (chi tiết tại bảng dưới).")
    rows = [[str(n), f"{i.label}\n({i.detail})" if i.detail else i.label, i.target_text, i.value_text, i.met_text]
            for n, i in enumerate(indicators, 1)]
    sec.tables.append(Table(f"Kết quả thực hiện chỉ tiêu {label}",
                            ["TT", "Chỉ tiêu", f"Mục tiêu năm {scope.year}", "Kết quả", "Đánh giá"],
                            ["text", "text", "center", "center", "center"], rows, None, [0.45, 4.4, 1.3, 1.0, 1.15]))
    return sec


# -- the same period of the previous year, abbreviations ------------------------------------------------
def _compare_with_last_year(a: _Agg, items: list[tuple[Section, str, str]]) -> None:
    """Add «so với cùng kỳ năm trước» to each figure section's first paragraph, where the previous
    year's same period has data (any record of the scope dated in it)."""
    bounds = a.previous_bounds()
    if bounds is None:
        return
    forms = [f.id for f in a.forms.values() if f.period_field and a.forms[f.id].field(f.period_field).type == "date"]
    if not any(a.count(f, bounds) for f in forms):
        return
    for sec, form, word in items:
        now, before = a.count(form), a.count(form, bounds)
        if now == before:
            text = f"Bằng cùng kỳ năm trước ({format_int_vi(before)} {word})."
        elif before == 0:
            text = f"Cùng kỳ năm trước không có {word} nào."
        else:
            diff = now - before
            text = (f"So với cùng kỳ năm trước ({format_int_vi(before)} {word}), "
                    f"{'tăng' if diff > 0 else 'giảm'} {format_int_vi(abs(diff))} {word} "
                    f"({format_percent_vi(100 * abs(diff) / before)}).")
        if sec.paragraphs:
            sec.paragraphs[0] = f"{sec.paragraphs[0]} {text}"
        else:
            sec.paragraphs.append(text)


#: Abbreviations a report may use, spelled out at their first use in the body.
ABBREVIATIONS = {
    "PCMD": "phòng, chống mại dâm",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
}


def spell_out_abbreviations(sections: list[Section]) -> None:
    """The first use of each abbreviation in the body (paragraphs, then table titles and cells, in
    order) reads «phòng, chống mại dâm (PCMD)»; a document symbol such as «1295/KH-UBND» is left alone."""
    import re

    pending = dict(ABBREVIATIONS)

    def fix(text: str) -> str:
        for abbr in list(pending):
            pattern = re.compile(rf"(?<![\w/-]){re.escape(abbr)}(?![\w/-])")
            if pattern.search(text):
                text = pattern.sub(f"{pending.pop(abbr)} ({abbr})", text, count=1)
        return text

    for sec in sections:
        sec.paragraphs = [fix(p) for p in sec.paragraphs]
        for t in sec.tables:
            t.title = fix(t.title)
            t.rows = [[fix(v) if isinstance(v, str) else v for v in r] for r in t.rows]


# -- breakdown by the units below ------------------------------------------------------------------------
def _breakdown(a: _Agg) -> tuple[Table, Table] | None:
    scope = a.scope
    children = scope.children()
    if not children:
        return None
    child_of: dict[str, str | None] = {c: scope.child_of(c) for c in scope.codes}
    figures: dict[str | None, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for unit, _f, _v, _m, count, _s, people, *_ in a.communication_cube():
        k = child_of.get(unit)
        figures[k]["comm"] += count
        figures[k]["people"] += people
    queries = {
        "training": [COUNT, sum_of("trainees")],
        "inspection": [COUNT, sum_of("violation")],
        "case": [COUNT, count_not("status", "open")],
        "support": [COUNT, distinct("person_code")],
    }
    keys = {"training": ("train", "trainees"),
            "inspection": ("insp", "viol"), "case": ("cases", "handled"), "support": ("support", "persons")}
    records: dict[str | None, int] = defaultdict(int)
    with_data: set[str] = set()
    for form, measures in queries.items():
        for r in a.read.aggregate(form, a.period_where(form), measures, group_by=["unit_code"]):
            k = child_of.get(r[0])
            figures[k][keys[form][0]] += r[1]
            figures[k][keys[form][1]] += r[2]
    # every form counts for "has data in the period"
    for form in a.forms.values():
        if form.period_field is None:
            continue
        dated = period_where(form, scope.start, scope.end, codes=scope.codes, by_date=True)
        for code, n in a.read.aggregate(form.id, dated, [COUNT], group_by=["unit_code"]):
            records[child_of.get(code)] += n
            with_data.add(code)
    communes_all = {u.code for u in scope.communes()}
    this_year = period_where(a.forms["unit_status"], date(scope.year, 1, 1), date(scope.year, 12, 31),
                             codes=sorted(communes_all))
    healthy = {code for code, ok in a.read.select("unit_status", ["unit_code", "healthy"], this_year) if ok == 1}
    received = _signed_reports_received(a)
    district_level = scope.level == Level.PROVINCE
    rows, comp = [], []
    for i, child in enumerate(children, 1):
        f = figures.get(child.code, {})
        if district_level:
            under = [u.code for u in scope.units.descendants(child.code, scope.on, Level.COMMUNE)]
            h = f"{sum(1 for c in under if c in healthy)}/{len(under)}"
            n_data = sum(1 for c in under if c in with_data)
            comp.append([str(i), child.name, len(under), n_data, len(under) - n_data,
                         records.get(child.code, 0), _received_text(received.get(child.code))])
        else:
            h = "Có" if child.code in healthy else "Không"
            comp.append([str(i), child.name, "Có" if child.code in with_data else "Chưa có",
                         records.get(child.code, 0), _received_text(received.get(child.code))])
        rows.append([str(i), child.name, f.get("comm", 0), f.get("people", 0), f.get("train", 0),
                     f.get("trainees", 0), f.get("insp", 0), f.get("viol", 0), f.get("cases", 0),
                     f.get("handled", 0), f.get("support", 0), h])
    own = figures.get(None)
    if own and any(own.values()):
        rows.append(["", f"Cấp {'tỉnh' if district_level else 'huyện'} trực tiếp thực hiện", own.get("comm", 0),
                     own.get("people", 0), own.get("train", 0), own.get("trainees", 0), own.get("insp", 0),
                     own.get("viol", 0), own.get("cases", 0), own.get("handled", 0), own.get("support", 0), ""])
    total = ["", "Tổng cộng", *[sum(r[k] for r in rows) for k in range(2, 11)],
             f"{len(healthy)}/{len(communes_all)}"]
    who = "huyện, thành phố" if district_level else "xã, phường, thị trấn"
    breakdown = Table(
        f"Kết quả theo {who}",
        ["TT", "Đơn vị", "Hoạt động truyền thông", "Lượt người tham dự", "Lớp tập huấn", "Học viên",
         "Lượt kiểm tra", "Lượt vi phạm", "Vụ việc", "Đã xử lý", "Lượt hỗ trợ",
         "Xã lành mạnh" if district_level else "Lành mạnh"],
        ["text", "text", "int", "int", "int", "int", "int", "int", "int", "int", "int", "center"],
        rows, total, [0.45, 2.6, 1, 1, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 0.9])
    if district_level:
        completeness = Table(
            "Tình hình cập nhật số liệu của các huyện, thành phố",
            ["TT", "Đơn vị", "Số xã", "Xã có số liệu", "Xã chưa có số liệu", "Số bản ghi trong kỳ", "Báo cáo đã ký số"],
            ["text", "text", "int", "int", "int", "int", "center"], comp,
            ["", "Tổng cộng", *[sum(r[k] for r in comp) for k in (2, 3, 4, 5)],
             f"{sum(1 for r in comp if r[6] != 'Chưa nhận')}/{len(comp)}"],
            [0.45, 3, 1, 1, 1.1, 1.2, 1.4])
    else:
        n_yes = sum(1 for r in comp if r[2] == "Có")
        completeness = Table(
            "Tình hình cập nhật số liệu của các xã, phường, thị trấn",
            ["TT", "Đơn vị", "Có số liệu trong kỳ", "Số bản ghi trong kỳ", "Báo cáo đã ký số"],
            ["text", "text", "center", "int", "center"], comp,
            ["", "Tổng cộng", f"{n_yes}/{len(comp)}", sum(r[3] for r in comp),
             f"{sum(1 for r in comp if r[4] != 'Chưa nhận')}/{len(comp)}"],
            [0.45, 3, 1.3, 1.3, 1.6])
    return breakdown, completeness


def _signed_reports_received(a: _Agg) -> dict[str, str]:
    """Unit code → date (ISO) of the first package that brought a signed report covering the period.

    Read-only look at the exchange bookkeeping (``exchange_received.reports`` lists the periods of
    the signed reports a package carried); empty when nothing was ever imported.
    """
    p_start, p_end = a.scope.period.bounds()
    out: dict[str, str] = {}
    until = a.until.isoformat()
    for code, created, periods in a.read.received_report_periods():
        if created and created[:10] > until:
            continue  # received after the report's date: not cited
        for rp in periods:
            try:
                s, e = Period.parse(str(rp)).bounds()
            except ValueError:
                continue
            if s <= p_start and p_end <= e:
                out.setdefault(code, created)
    return out


def _received_text(info: Any) -> str:
    if info is None:
        return "Chưa nhận"
    if isinstance(info, str) and info:
        return f"Đã nhận {format_date_vi(info[:10])}"
    return "Đã nhận"


# -- appendix lists of a commune ------------------------------------------------------------------------
LIST_FORMS = ("communication", "training", "inspection", "case", "support", "plan_document")
LIST_LIMIT = 2000  # rows per form in the appendix; beyond it the summary tables speak


def _record_lists(a: _Agg) -> list[Table]:
    tables = []
    for form_id in LIST_FORMS:
        form = a.forms[form_id]
        cols = form.columns_for_list()
        w = a.period_where(form_id)
        n = a.read.count(form_id, w)
        if not n:
            continue
        refs: dict[str, str] = {}
        for c in cols:
            if c.type == "ref" and c.form:
                target = a.forms[c.form]
                tf = target.title_fields[0] if target.title_fields else target.fields[0].name
                every = period_where(target, None, None, codes=a.scope.codes, include_deleted=True)
                refs.update(dict(a.read.select(target.id, ["id", tf], every)))
        rows = []
        listed = a.read.select(form_id, [c.name for c in cols], w, order_by=[form.period_field], limit=LIST_LIMIT)
        for i, r in enumerate(listed, 1):
            cells: list[Any] = [str(i)]
            for c, v in zip(cols, r, strict=True):
                if c.type == "ref":
                    cells.append(refs.get(v, "") if v else "")
                elif c.type in ("int", "money"):
                    cells.append(v)
                else:
                    cells.append(c.display(c.from_storage(v)))
            rows.append(cells)
        kinds = ["text"] + ["int" if c.type in ("int", "money") else "text" for c in cols]
        widths = [0.45] + [_width(c) for c in cols]
        note = f"Chỉ liệt kê {format_int_vi(LIST_LIMIT)}/{format_int_vi(n)} bản ghi đầu tiên." if n > LIST_LIMIT else ""
        tables.append(Table(form.label, ["TT", *[c.label for c in cols]], kinds, rows, None, widths, note))
    return tables


def _width(c: FieldDef) -> float:
    if c.type == "text":
        return 2.4 if (c.max_length or 0) > 100 else 1.3
    if c.type in ("choice", "choices", "ref"):
        return 1.7
    if c.type == "date":
        return 1.05
    if c.type == "money":
        return 1.1
    return 0.85


# -- the whole report ------------------------------------------------------------------------------------
def addressees_for(scope: Scope) -> list[str]:
    u = scope.unit
    parent = scope.units.parent(u.code, scope.on)
    if u.level == Level.COMMUNE and parent is not None:
        return [f"Ủy ban nhân dân {unit_phrase(parent)}"]
    if u.level == Level.DISTRICT and parent is not None:
        return [f"Ủy ban nhân dân {unit_phrase(parent)}",
                f"Sở Lao động - Thương binh và Xã hội {unit_phrase(parent)}"]
    return ["Bộ Lao động - Thương binh và Xã hội"]


#: The party committee of a district-level unit, by its kind.
PARTY_COMMITTEE = {"Thành phố": "Thành ủy", "Thị xã": "Thị ủy", "Huyện": "Huyện ủy"}


def recipients_for(scope: Scope, on: date | None = None) -> list[str]:
    """``Nơi nhận`` by the unit's kind in the year the report covers (``on``, default the period's end, as
    the header names the unit): a town (thị xã) has a Thị ủy, a city a Thành ủy; a commune keeps its
    file at the office only (it has no department)."""
    on = on or scope.on
    u = scope.units.get(scope.unit.code, on) or scope.unit
    parent = scope.units.parent(u.code, on)
    out = ["Như trên"]
    if u.level == Level.COMMUNE:
        if parent is not None:
            out.append(f"Phòng LĐTBXH {unit_phrase(parent)}")
        out += ["TT Đảng ủy, HĐND " + u.kind.lower(), "Chủ tịch, các PCT UBND " + u.kind.lower(), "Lưu: VT"]
        return out
    if u.level == Level.DISTRICT:
        out += [f"TT {PARTY_COMMITTEE.get(u.kind, 'Huyện ủy')}, HĐND {u.kind.lower()}", "UBND các xã, phường, thị trấn"]
    else:
        kinds = {c.kind for c in scope.units.children(u.code, on)}
        below = ", ".join(k for k, present in (("huyện", "Huyện" in kinds), ("thị xã", "Thị xã" in kinds),
                                                ("thành phố", "Thành phố" in kinds)) if present) or "huyện"
        out += ["TT Tỉnh ủy, HĐND tỉnh", "Sở Lao động - Thương binh và Xã hội", f"UBND các {below}"]
    out.append("Lưu: VT, LĐTBXH")
    return out


def build_report(ctx: ReportContext, period: str | Period, unit_code: str | None = None, *,
                 drafts: dict[str, str] | None = None, report_date: date | None = None,
                 number: str | None = None) -> ReportData:
    """Every figure and text of the report of ``period`` for ``unit_code`` (default: the installation's unit)."""
    scope = make_scope(ctx, period, unit_code)
    a = _Agg(ctx, scope)
    a.until = report_date or date.today()
    drafts = {k: (v or "").strip() for k, v in (drafts or {}).items()}
    indicators = compute_indicators(ctx, scope.year, scope.unit.code, scope=scope)
    situation = _situation(a)
    comm, monthly = _communication(a)
    results = [
        Section("II. KẾT QUẢ THỰC HIỆN"),
        _direction(a), comm, _training(a), _inspection(a), _cases(a), _support(a),
        _healthy(a, indicators), _indicators_section(indicators, scope),
    ]
    _compare_with_last_year(a, [(comm, "communication", "hoạt động"), (results[3], "training", "lớp"),
                                (results[4], "inspection", "lượt kiểm tra"), (results[5], "case", "vụ việc"),
                                (results[6], "support", "lượt hỗ trợ")])
    sections = [situation, *results]
    spell_out_abbreviations(sections)
    unfinished: list[str] = []
    for key, (title, placeholder) in DRAFT_SECTIONS.items():
        text = drafts.get(key) or placeholder
        if is_hint(key, drafts.get(key)):
            unfinished.append(key)
        sections.append(Section(title, [p.strip() for p in text.split("\n") if p.strip()]))

    appendices: list[Appendix] = []
    bd = _breakdown(a)
    if bd:
        appendices.append(Appendix("I", f"KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM {scope.period.label_vi().upper()} "
                                        f"THEO ĐƠN VỊ", [bd[0]], landscape=True))
        appendices.append(Appendix("II", "TÌNH HÌNH CẬP NHẬT SỐ LIỆU CỦA CÁC ĐƠN VỊ", [bd[1]]))
    else:
        lists = _record_lists(a)
        if lists:
            appendices.append(Appendix("I", f"DANH SÁCH CÁC HOẠT ĐỘNG, VỤ VIỆC {scope.period.label_vi().upper()}",
                                       lists, landscape=True))
    counts = {form_id: a.read.count(form_id, scope.where(form_id)) for form_id in ctx.store.forms}

    u = scope.unit
    today = report_date or date.today()
    settings = ctx.store.settings()
    if not str(settings.get("signer_name") or "").strip():
        unfinished.append("signer_name")
    number_value = str(number if number is not None else drafts.get("number") or "").strip()
    if number_value.isdigit():
        number_value = f"{int(number_value):02d}"
    signer_title = str(settings.get("signer_title") or settings.get("signer_position") or "CHỦ TỊCH")
    subject = f"Kết quả công tác phòng, chống mại dâm {scope.period.label_vi()}"
    issued = scope.plan.issued_on
    plan_ref = (f"Kế hoạch số {scope.plan.number}" + (f" ngày {format_date_vi(issued)}" if issued else "")
                + (f" của {scope.plan.issuer}" if scope.plan.issuer else "")
                + f" về {scope.plan.title.removeprefix('Kế hoạch ')}")
    return ReportData(
        scope=scope,
        agency=["ỦY BAN NHÂN DÂN", u.agency_name],
        number_text=number_text(number if number is not None else drafts.get("number")),
        place_date=date_line(u.short_name, today),
        subject=subject,
        addressees=[a_ for a_ in (drafts.get("addressees") or "").split("\n") if a_.strip()] or addressees_for(scope),
        intro=(f"Thực hiện {plan_ref}, Ủy ban nhân dân {unit_phrase(u)} báo cáo kết quả công tác phòng, chống mại dâm "
               f"{scope.period.label_vi()} như sau:"),
        sections=sections,
        indicators=indicators,
        monthly=monthly,
        appendices=appendices,
        recipients=recipients_for(scope),
        signer_authority=str(settings.get("signer_authority")
                             or ("KT. CHỦ TỊCH" if signer_title == "PHÓ CHỦ TỊCH" else "TM. ỦY BAN NHÂN DÂN")),
        signer_position=signer_title,
        signer_name=str(settings.get("signer_name") or ""),
        data_hash=report_data_hash(ctx, scope, version=DATA_HASH_VERSION),
        data_hash_version=DATA_HASH_VERSION,
        drafts=drafts,
        report_date=today,
        counts=counts,
        number=number_value,
        unfinished=unfinished,
        seal=bool(settings.get("seal_image")),
        audit_head="{}:{}".format(*audit.chain_head(ctx.store.db)),
    )
