"""One valid record per form, with the Vietnamese an officer types, and a text field to edit."""

from __future__ import annotations

SAMPLES: dict[str, dict] = {
    "communication": {
        "date": "2019-03-05", "format": "talk", "venue_type": "residential", "location": "Thôn Đông",
        "topic": "Tuyên truyền Luật Phòng, chống mại dâm tại nhà văn hóa", "lead_org": "police",
        "audience": ["residents", "youth"], "sessions": 2, "participants": 120, "participants_female": 65,
        "cost": 1_500_000, "notes": "Ủy ban nhân dân xã phối hợp\nHội Liên hiệp Phụ nữ",
    },
    "training": {
        "start_date": "2019-04-10", "end_date": "2019-04-12",
        "title": "Tập huấn kỹ năng truyền thông về phòng, chống mại dâm", "level": "district",
        "content": ["communication_skills"], "trainee_group": "propagandists", "trainees": 30,
        "trainees_female": 18, "cost": 5_000_000,
    },
    "inspection": {
        "date": "2019-05-20", "establishment": "@establishment", "team": "interagency", "record_no": "12/BB-ĐKT",
        "violation": True, "violation_desc": "Không đăng ký lưu trú cho khách", "action": "warning",
    },
    "establishment": {
        "name": "Nhà nghỉ Hoa Hồng", "kind": "guesthouse", "address": "Thôn Đông, xã Đồng Lý",
        "owner_name": "Đặng Văn Hùng", "female_workers": 3, "opened_on": "2019-01-15",
    },
    "case": {
        "detected_on": "2019-06-02", "source": "tip_off", "kind": "buying_selling", "sellers": 2,
        "sellers_minor": 0, "buyers": 2, "action": "admin_fine", "fine": 1_500_000,
        "decision_no": "25/QĐ-XPVPHC", "status": "handled", "closed_on": "2019-06-20",
    },
    "support": {
        "date": "2019-07-01", "person_code": "HT-13597-0001", "service": "vocational",
        "provider": "Trung tâm Giáo dục nghề nghiệp huyện Lý Nhân", "outcome": "Đã học xong lớp may",
    },
    "support_model": {
        "name": "Nhóm đồng đẳng Ánh Dương", "model_type": "peer_group", "established_on": "2019-02-01",
        "people_reached": 25,
    },
    "plan_document": {
        "doc_no": "15/KH-UBND", "issued_on": "2019-01-20", "title": "Kế hoạch phòng, chống mại dâm năm 2019",
        "integrated_with": ["hiv", "drugs"],
    },
    "unit_status": {
        "year": 2019, "healthy": True, "healthy_drugs_too": True, "decision_no": "120/QĐ-UBND",
        "decision_date": "2019-12-20",
    },
    "officer": {
        "full_name": "Đặng Thị Thu", "position": "Công chức Văn hóa - Xã hội", "role": "full_time",
        "since": "2018-01-01",
    },
}

#: (field, new value) changed in the edit step
EDITS: dict[str, tuple[str, str]] = {
    "communication": ("topic", "Phòng ngừa mại dâm trong thanh niên, học sinh"),
    "training": ("title", "Lớp tập huấn nghiệp vụ cho cộng tác viên"),
    "inspection": ("record_no", "13/BB-ĐKT"),
    "establishment": ("name", "Nhà nghỉ Hoàng Gia"),
    "case": ("decision_no", "26/QĐ-XPVPHC"),
    "support": ("provider", "Hội Liên hiệp Phụ nữ xã"),
    "support_model": ("name", "Nhóm tự lực Bình Minh"),
    "plan_document": ("title", "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2019"),
    "unit_status": ("decision_no", "121/QĐ-UBND"),
    "officer": ("full_name", "Nguyễn Thị Ánh"),
}


def resolve(service, form_id: str) -> dict:
    """The sample of ``form_id`` with ``@form`` references replaced by ids of records made for them."""
    values = dict(SAMPLES[form_id])
    for k, v in values.items():
        if isinstance(v, str) and v.startswith("@"):
            target = v[1:]
            values[k] = service.create(target, resolve(service, target))["id"]
    return values
