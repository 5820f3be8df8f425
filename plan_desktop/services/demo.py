"""A realistic demo year, so a newcomer sees a living program at once.

For a commune: its own roster, establishments, activities, inspections, cases, support and status.
For a district: its own plans and trainings plus each of its communes' records (as if imported).
For a province: the same for every district and commune. Deterministic for a given seed.

A year is written all or nothing (one transaction) and only for a year of the plan. Everything the
demo writes for a year is dated inside that year, except the history of the first year filled (the
officers, businesses and models already there when the demo starts), so filling a later year never
changes what an earlier year reports. The demo writes only into a folder that holds nothing but its
own records (``created_by = "demo"``) and marks the folder (settings ``demo_years``, ``demo_data``) so
that an export can say it carries demo data.

Above a commune, the exchange history says how those records came: one received package per unit
below and quarter (``exchange_received``: sequence, package date, records of the quarter, signed
reports carried; at a province the communes' packages came via their district), so the
completeness board and the report's completeness table are filled in. No key is recorded for those
units: the first real package of a unit still records its key (trust on first use).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from plan_desktop.domain.plan import plan_for
from plan_desktop.domain.units import Level, Unit
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import RecordService
from plan_desktop.store import Query, exchange_state, form_rows
from plan_desktop.store.ids import new_ids
from plan_desktop.usererror import UserError

#: the actor of every demo record (``created_by``): how the demo tells its records from real ones
DEMO_ACTOR = "demo"


class DemoError(UserError, ValueError):
    """The demo cannot fill this year in this folder (Vietnamese message)."""

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Đinh"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Quang", "Ngọc", "Thanh", "Xuân"]
GIVEN = ["Ánh", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương",
         "Quyết", "Sơn", "Thảo", "Trang", "Tuấn", "Yến", "Đăng", "Đạt"]
POSITIONS = ["Phó Chủ tịch UBND", "Trưởng Công an xã", "Công chức Văn hóa - Xã hội", "Chủ tịch Hội Phụ nữ",
             "Bí thư Đoàn Thanh niên", "Cán bộ Lao động - Thương binh và Xã hội"]
HAMLETS = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn Đông", "Thôn Tây", "Xóm Chùa", "Xóm Mới", "Tổ dân phố số 4"]
TOPICS = [
    "Tuyên truyền Luật Phòng, chống mại dâm và Nghị định 167/2013/NĐ-CP",
    "Phòng ngừa mại dâm trong thanh niên, học sinh",
    "Tác hại của tệ nạn mại dâm đối với gia đình và xã hội",
    "Phòng, chống mua bán người và mại dâm trá hình",
    "Dự phòng lây nhiễm HIV/AIDS và các bệnh lây truyền qua đường tình dục",
    "Phòng ngừa bạo lực trên cơ sở giới",
    "Trách nhiệm của chủ cơ sở kinh doanh dịch vụ trong phòng, chống mại dâm",
]
EST_NAMES = {
    "hotel": ["Khách sạn Hoàng Gia", "Khách sạn Sông Châu", "Khách sạn Bình Minh"],
    "guesthouse": ["Nhà nghỉ Hoa Hồng", "Nhà nghỉ Phương Anh", "Nhà nghỉ Thanh Bình", "Nhà nghỉ Đức Long"],
    "lodging": ["Nhà trọ Minh Tâm", "Nhà trọ công nhân An Phú"],
    "karaoke": ["Karaoke Ánh Dương", "Karaoke Hải Âu", "Karaoke Thiên Đường"],
    "massage": ["Xoa bóp Thảo Mộc", "Massage Hương Sen"],
    "bar_club": ["Quán bar Ngân Hà"],
    "hair_salon": ["Cắt tóc gội đầu Thủy", "Salon tóc Linh Đan"],
    "cafe": ["Cà phê Góc Phố", "Giải khát Hương Quê", "Cà phê Đồng Quê"],
    "hot_spring": ["Tắm hơi Suối Khoáng"],
}
KIND_WEIGHTS = {"hotel": 1, "guesthouse": 4, "lodging": 2, "karaoke": 3, "massage": 2, "bar_club": 1,
                "hair_salon": 2, "cafe": 3, "hot_spring": 1}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _day(rng: random.Random, year: int, month: int | None = None, until: date | None = None) -> date:
    if month:
        start = date(year, month, 1)
        end = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    else:
        start, end = date(year, 1, 1), date(year, 12, 31)
    if until:
        end = min(end, until)
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


class _Writer:
    """Collects demo records per form and unit, then writes each batch through the record service."""

    def __init__(self, service: RecordService, own_unit: str | None = None):
        self.service = service
        self.own_unit = own_unit
        self.counts: Counter[str] = Counter()

    def roster(self, form_id: str, unit: str, year: int) -> list[str]:
        """Ids of ``unit``'s records of a roster form in force at some time in ``year``."""
        form = self.service.store.forms[form_id]
        pf, uf = form.period_field, form.until_field
        return form_rows.in_force_ids(self.service.store.db, form.table, unit, pf, uf, f"{year}-01-01",
                                      f"{year}-12-31")

    def names(self, form_id: str, unit: str) -> set[str]:
        form = self.service.store.forms[form_id]
        return form_rows.names(self.service.store.db, form.table, unit)

    def write(self, form_id: str, unit: str, items: list[dict[str, Any]]) -> list[str]:
        ids = new_ids(len(items))
        if not items:
            return ids
        local = self.service.store.forms[form_id].local_only_names
        if local and self.own_unit is not None and unit != self.own_unit:
            # a unit above holds the records of the units below as packages bring them: without
            # their local_only fields
            items = [{k: v for k, v in item.items() if k not in local} for item in items]
        created, _, issues = self.service.write_many(form_id, list(zip(ids, items, strict=True)), unit_code=unit)
        if issues:  # demo data must be valid; fail loudly if a form change broke it
            raise AssertionError(f"demo {form_id}: {[i.message for _, i in issues[:3]]}")
        self.counts[form_id] += created
        return ids


def _since(rng: random.Random, year: int, base: bool, first: int, today: date) -> date:
    """The day a roster record began: any year from ``first`` in the first year filled (the history
    already there), else inside ``year`` (so an earlier year's figures stay as they were)."""
    if base:
        return date(rng.randint(first, year), rng.randint(1, 12), 1)
    return _day(rng, year, until=today)


def _commune_year(w: _Writer, rng: random.Random, unit: Unit, year: int, today: date, base: bool) -> None:
    code = unit.code
    busy = rng.random() < 0.85  # most communes run activities
    new_officers = [
        {"full_name": _name(rng), "position": pos, "role": rng.choice(["full_time", "part_time", "police",
                                                                       "collaborator"]),
         "since": _since(rng, year, base, 2010, today)}
        for pos in rng.sample(POSITIONS, rng.randint(2, 4) if base else rng.randint(0, 1))
    ]
    w.write("officer", code, new_officers)
    officers = w.roster("officer", code, year)
    kinds = list(KIND_WEIGHTS)
    ests: list[dict[str, Any]] = []
    used: set[str] = set()
    used.update(w.names("establishment", code))
    for _ in range(rng.randint(3, 10) if base else rng.randint(0, 1)):
        kind = rng.choices(kinds, weights=list(KIND_WEIGHTS.values()))[0]
        free = [n for n in EST_NAMES[kind] if n not in used]
        if not free:  # each business of a commune has its own name, as in the officer's picker
            continue
        name = rng.choice(free)
        used.add(name)
        suspected = rng.random() < 0.25
        opened = (date(rng.randint(2008, 2015), rng.randint(1, 12), rng.randint(1, 28)) if base
                  else _day(rng, year, until=today))
        est: dict[str, Any] = {
            "name": name, "kind": kind,
            "address": f"{rng.choice(HAMLETS)}, {unit.name}", "owner_name": _name(rng),
            "licence_no": f"{rng.randint(10, 999)}/GPKD", "female_workers": rng.randint(0, 12),
            "opened_on": opened, "suspected": suspected,
        }
        if suspected:
            est["suspected_since"] = opened + timedelta(days=rng.randint(100, 900)) if base else opened
            if est["suspected_since"] > today:
                est["suspected_since"] = opened
            if base and rng.random() < 0.5:
                ended = _day(rng, year, until=today)
                if ended >= est["suspected_since"]:
                    # about half close; the others stop being suspected and keep operating
                    est["closed_on" if rng.random() < 0.5 else "suspected_until"] = ended
        ests.append(est)
    est_ids = w.write("establishment", code, ests)

    comms: list[dict[str, Any]] = []
    for month in range(1, 13):
        if not busy and rng.random() < 0.6:
            continue
        for _ in range(rng.randint(0, 3) if busy else 1):
            fmt = rng.choices(
                ["talk", "group_discussion", "counselling", "interactive_event", "loudspeaker", "press",
                 "print_materials", "film"], weights=[4, 2, 2, 1, 4, 1, 2, 1])[0]
            participants = 0 if fmt in ("loudspeaker", "press") else rng.randint(15, 250)
            comm: dict[str, Any] = {
                "date": _day(rng, year, month, today), "format": fmt,
                "venue_type": rng.choice(["residential", "residential", "school", "industrial_zone", "business",
                                          "border_area"]),
                "location": rng.choice(HAMLETS), "topic": rng.choice(TOPICS),
                "lead_org": rng.choice(["peoples_committee", "police", "womens_union", "youth_union",
                                        "fatherland_front"]),
                "audience": rng.sample(["residents", "youth", "students", "industrial_workers", "business_workers",
                                        "women_job_seekers"], rng.randint(1, 3)),
                "sessions": rng.randint(1, 3), "participants": participants,
                "participants_female": participants * rng.randint(30, 70) // 100,
                "materials": rng.choice([0, 50, 100, 200, 300]), "cost": rng.choice([0, 500_000, 1_200_000, 2_500_000]),
            }
            if fmt == "loudspeaker":
                comm["broadcast_minutes"] = rng.choice([10, 15, 20, 30])
            comms.append(comm)
    w.write("communication", code, comms)

    trainees = rng.randint(20, 60)
    start = _day(rng, year, rng.randint(3, 10), today)
    w.write("training", code, [{
        "start_date": start, "end_date": start + timedelta(days=rng.randint(0, 2)),
        "title": "Tập huấn nghiệp vụ phòng, chống mại dâm năm " + str(year), "level": "commune",
        "content": ["management", "interagency", "monitoring"], "trainee_group": "officers",
        "trainees": trainees, "trainees_female": trainees // 2,
        "officers": rng.sample(officers, k=max(1, len(officers) - rng.randint(0, 1))),
        "cost": 3_000_000,
    }] if busy and officers else [])

    insps: list[dict[str, Any]] = []
    for est_id, est in zip(est_ids, ests, strict=True):
        for _ in range(rng.randint(0, 2)):
            violation = est["suspected"] and rng.random() < 0.5
            action = rng.choice(["warning", "fine"]) if violation else "none"
            insp: dict[str, Any] = {
                "date": _day(rng, year, until=today), "establishment": est_id,
                "team": rng.choice(["interagency", "police", "commune"]),
                "record_no": f"{rng.randint(1, 99):02d}/BB-KT", "violation": violation, "action": action,
            }
            if violation:
                insp["violation_desc"] = rng.choice([
                    "Không có sổ theo dõi khách lưu trú", "Nhân viên không có hợp đồng lao động",
                    "Phòng hát không có cửa kính nhìn từ ngoài vào"])
            if action == "fine":
                insp["fine"] = rng.choice([1_500_000, 3_000_000, 5_000_000])
            insps.append(insp)
    w.write("inspection", code, insps)

    cases: list[dict[str, Any]] = []
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        detected = _day(rng, year, until=today)
        status = rng.choices(["handled", "open", "referred"], weights=[6, 1, 2])[0]
        sellers = rng.randint(1, 4)
        case: dict[str, Any] = {
            "detected_on": detected, "source": rng.choice(["report", "tip_off", "inspection", "patrol"]),
            "kind": rng.choice(["buying_selling", "harbouring", "brokering", "disguised_business"]),
            "scale": "ring" if rng.random() < 0.1 else "case",
            "establishment": rng.choice(est_ids) if est_ids else None,
            "sellers": sellers, "sellers_minor": 0, "buyers": rng.randint(1, 4), "organisers": rng.randint(0, 1),
            "action": {"handled": "admin_fine", "open": "pending", "referred": "referred"}[status],
            "status": status,
        }
        if status != "open":
            case["closed_on"] = min(detected + timedelta(days=rng.randint(5, 40)), today)
            case["decision_no"] = f"{rng.randint(1, 99):02d}/QĐ-XPVPHC"
            if status == "handled":
                case["fine"] = sellers * 500_000
        cases.append(case)
    w.write("case", code, cases)

    model_ids: list[str] = w.roster("support_model", code, year)
    if not model_ids and rng.random() < 0.3:
        model_ids = w.write("support_model", code, [{
            "name": "Nhóm đồng đẳng " + unit.short_name, "model_type": rng.choice(["peer_group", "community_support"]),
            "established_on": (date(year - rng.randint(0, 2), rng.randint(1, 6), 1) if base
                               else _day(rng, year, until=today)),
            "people_reached": rng.randint(10, 60)}])
    supports = [{
        "date": _day(rng, year, until=today), "person_code": f"HT-{code}-{i + 1:04d}",
        "service": rng.choice(["counselling", "health_hiv", "legal", "vocational", "loan", "job"]),
        "provider": rng.choice(["Trạm Y tế xã", "Hội Liên hiệp Phụ nữ", "Trung tâm Dịch vụ việc làm tỉnh"]),
        "model": rng.choice(model_ids) if model_ids and rng.random() < 0.5 else None,
        "outcome": rng.choice(["Đã được tư vấn", "Đã tham gia học nghề", "Đã có việc làm ổn định", ""]),
    } for i in range(rng.choice([0, 0, 1, 2, 4]))]
    w.write("support", code, supports)

    if rng.random() < 0.4:
        issued = min(date(year, rng.randint(1, 3), rng.randint(1, 28)), today)
        w.write("plan_document", code, [{
            "doc_no": f"{rng.randint(1, 60):02d}/KH-UBND", "issued_on": issued,
            "title": f"Kế hoạch phòng, chống mại dâm năm {year}",
            "integrated_with": rng.sample(["poverty", "employment", "hiv", "drugs"], rng.randint(0, 2)),
            "carried_out_on": min(issued + timedelta(days=rng.randint(10, 60)), today)}])
    before = form_rows.unit_status(w.service.store.db, code, year - 1)
    # a commune's status mostly carries over from the year before (when the demo filled it)
    healthy = bool(before[0]) if before and rng.random() < 0.9 else rng.random() < 0.85
    drugs_too = bool(before[1]) if before and healthy and rng.random() < 0.9 else healthy and rng.random() < 0.5
    w.write("unit_status", code, [{
        "year": year, "healthy": healthy, "healthy_drugs_too": healthy and drugs_too,
        "decision_no": f"{rng.randint(1, 99):02d}/QĐ-UBND" if healthy else None,
        "decision_date": date(year, 12, rng.randint(15, 28)) if healthy and date(year, 12, 28) <= today else None,
    }])


def _upper_unit_year(w: _Writer, rng: random.Random, unit: Unit, year: int, today: date, base: bool) -> None:
    code = unit.code
    issued = min(date(year, rng.randint(1, 3), rng.randint(1, 28)), today)
    plan: dict[str, Any] = {
        "doc_no": f"{rng.randint(10, 200)}/KH-UBND", "issued_on": issued,
        "title": f"Kế hoạch thực hiện công tác phòng, chống mại dâm năm {year} trên địa bàn {unit.name}",
        "integrated_with": rng.sample(["poverty", "vocational", "employment", "hiv", "trafficking", "drugs"], 2)}
    if rng.random() < 0.7:  # most plans are carried out within weeks; some not (yet)
        plan["carried_out_on"] = min(issued + timedelta(days=rng.randint(7, 45)), today)
    w.write("plan_document", code, [plan])
    press = [{"date": _day(rng, year, m, today), "format": "press", "venue_type": "other",
              "topic": rng.choice(TOPICS), "lead_org": "peoples_committee", "audience": ["residents"], "sessions": 1}
             for m in range(1, 13) if rng.random() < (0.95 if unit.level == Level.PROVINCE else 0.5)]
    w.write("communication", code, press)
    start = _day(rng, year, rng.randint(3, 9), today)
    w.write("training", code, [{
        "start_date": start, "end_date": start + timedelta(days=1),
        "title": f"Tập huấn kỹ năng phòng, chống mại dâm cho cán bộ cơ sở năm {year}",
        "level": "district" if unit.level == Level.DISTRICT else "province",
        "content": ["management", "interagency", "monitoring", "law"], "trainee_group": "officers",
        "trainees": 80, "trainees_female": 35, "cost": 25_000_000}])
    running = w.roster("support_model", code, year)
    if len(running) < 2 and rng.random() < 0.6:
        types = {"harm_reduction": "Mô hình can thiệp giảm tác hại HIV/AIDS", "gbv_prevention":
                 "Mô hình phòng ngừa bạo lực trên cơ sở giới"}
        kind = rng.choice(sorted(types))
        w.write("support_model", code, [{
            "name": f"{types[kind]} tại {unit.short_name} ({year})", "model_type": kind,
            "established_on": date(year - 1, rng.randint(1, 12), 1) if base else _day(rng, year, until=today),
            "people_reached": rng.randint(30, 200)}])


def demo_years(inst: Installation) -> list[int]:
    """The years the demo filled in this folder (empty: no demo data)."""
    return sorted(int(y) for y in inst.store.get_setting("demo_years", []) or [])


def demo_note(inst: Installation) -> str:
    """A line saying the folder holds demo data (for ``export`` and the like), or ""."""
    years = demo_years(inst)
    if not years:
        return ""
    return (f"Lưu ý: thư mục này chứa dữ liệu mẫu do lệnh «demo» tạo (năm {', '.join(map(str, years))}), "
            "không phải số liệu thật.")


def _foreign_records(inst: Installation) -> int:
    """Records in the folder that the demo did not write (typed, imported, received)."""
    n = 0
    for form in inst.store.forms.values():
        n += form_rows.count_not_created_by(inst.store.db, form.table, DEMO_ACTOR)
    return n


def fill_demo(inst: Installation, *, year: int | None = None, seed: int = 1295,
              today: date | None = None) -> dict[str, int]:
    """Write a demo year for the installation's unit and every unit below it, all or nothing.
    Returns counts per form. Refuses (:class:`DemoError`) a year outside the plan, a year already
    filled and a folder holding records the demo did not make."""
    year = int(year or inst.working_year)
    today = today or date.today()
    plan = plan_for(inst.store.get_setting)
    if year not in plan.years:
        raise DemoError(
            f"Chỉ tạo được dữ liệu mẫu cho các năm của Kế hoạch {plan.number} ({plan.first_year}–{plan.last_year}), "
            f"không phải năm {year}.",
            en=f"Demo data can only be made for the years of plan {plan.number} "
               f"({plan.first_year}–{plan.last_year}), not {year}.")
    made = demo_years(inst)
    if year in made:
        raise DemoError(f"Thư mục đã có dữ liệu mẫu năm {year}; không tạo thêm.",
                        en=f"The folder already holds demo data for {year}; nothing added.")
    foreign = _foreign_records(inst)
    if foreign:
        raise DemoError(
            f"Thư mục dữ liệu đã có {foreign} bản ghi không phải dữ liệu mẫu (nhập tay, nhập từ tệp hoặc nhận từ "
            "đơn vị khác); không tạo dữ liệu mẫu vào đây để không lẫn với số liệu thật. Hãy dùng một thư mục mới.",
            en=f"The data folder already holds {foreign} records that are not demo data; demo data is not "
               "added to it, so as not to mix with real figures. Use a new folder.")
    base = not made  # the first year filled carries the history already there (rosters begun earlier)
    rng = random.Random(f"{seed}-{inst.unit_code}-{year}")
    w = _Writer(inst.records(actor=DEMO_ACTOR), inst.unit_code)
    on = date(year, 12, 31)
    with inst.store.db.atomic():
        for unit in inst.reporting_units(on):
            if unit.level == Level.COMMUNE:
                _commune_year(w, rng, unit, year, today, base)
            else:
                _upper_unit_year(w, rng, unit, year, today, base)
        _received_history(inst, year, seed, today)
        inst.store.set_settings({"working_year": year, "demo_years": sorted({*made, year}), "demo_data": True})
    return {f: w.counts[f] for f in inst.store.forms if w.counts[f]}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _received_history(inst: Installation, year: int, seed: int, today: date) -> None:
    """Received-package rows for the demo records of the units below (see the module docstring).

    One transaction; its own random stream, so the records are the same with or without it."""
    from plan_desktop.domain.periods import Period
    from plan_desktop.exchange.package import package_file_name

    if inst.level == Level.COMMUNE:
        return
    rng = random.Random(f"{seed}-{inst.unit_code}-{year}-exchange")
    on = date(year, 12, 31)
    forms = [f for f in inst.store.forms.values() if f.period_field]
    dated = [f for f in forms if f.field(f.period_field).type != "int"]
    yearly = [f for f in forms if f.field(f.period_field).type == "int"]
    quarters = Period.parse(str(year)).parts("Q")
    db = inst.store.db
    with db.atomic():
        for unit in inst.units.descendants(inst.unit_code, on):
            via = unit.parent_code if unit.parent_code != inst.unit_code else None
            seq = exchange_state.last_received_seq(db, unit.code)
            for q in quarters:
                start, end = inst.period_bounds(q)
                sent = end + timedelta(days=rng.choice([3, 5, 7, 8, 10, 12, 14, 20, 26]))
                if sent > today:
                    break
                seq += 1
                # records dated in the quarter; a year's records (e.g. the unit's status) with the last
                in_quarter = Query(unit_code=unit.code, start=start, end=end, by_date=True)
                records = sum(inst.store.count(f, in_quarter) for f in dated)
                if q.index == 4:
                    records += sum(inst.store.count(f, in_quarter) for f in yearly)
                reports = []
                if q.index == 2 and rng.random() < 0.8:  # the half-year report went with the Q2 package
                    reports.append(f"{year}-H1")
                if q.index == 4 and rng.random() < 0.8:
                    reports.append(str(year))
                created = datetime.combine(sent, time(rng.randint(8, 16), rng.randint(0, 59)), UTC)
                imported = created + timedelta(days=rng.randint(0, 2), hours=rng.randint(1, 5))
                name = package_file_name(unit.code, sent, seq)
                digest = hashlib.sha256(f"demo {inst.unit_code} {unit.code} {year} {seq}".encode())
                exchange_state.add_received_stub(
                    db,
                    [digest.hexdigest(), unit.code, seq, via, _iso(created),
                     _iso(min(imported, datetime.now(UTC))), start.isoformat(), end.isoformat(), records,
                     json.dumps(reports), name],
                )
