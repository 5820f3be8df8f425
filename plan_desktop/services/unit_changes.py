"""Units over time: an abolished commune's rosters taken over by its successor, in one audited step.

A commune abolished by a reform (``resources/orgunits/changes.toml``) keeps its records up to its last
day: its reports of earlier years do not change, and no record dated later is accepted (the validator
names the successor). What was still in force on that day — officers on the roster, establishments,
support models — carries on at the successor. The district (or the province) moves them: each record
ends at the abolished commune on its last day and a copy begins at the successor the next day. The
copy's id is derived from the original's (``store.ids.moved_id``), so the same move made at the
district and at the province gives the same records, and a training attended under the old id still
counts for the officer (``store.ids.with_moved_ids``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from plan_desktop.domain.units import Unit
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import RecordError, RecordService
from plan_desktop.store import form_rows
from plan_desktop.store.ids import moved_id

__all__ = ["AbolishedUnit", "MoveResult", "abolished_units", "move_rosters", "moved_forms"]

#: Rosters whose end field is the first day no longer in force rather than the last day in force (an
#: establishment is open on a date when ``closed_on`` is after it, see reports/indicators.py)
END_IS_FIRST_DAY_OUT = {"establishment"}


def moved_forms(inst: Installation) -> list[tuple[str, str, str, bool]]:
    """The forms whose records move: every roster (``kind = "roster"`` in ``forms/*.toml``), as
    ``(form, start field, end field, the end field holds the last day in force)``."""
    return [(f.id, f.period_field, f.until_field, f.id not in END_IS_FIRST_DAY_OUT)
            for f in inst.store.forms.values() if f.kind == "roster" and f.period_field and f.until_field]


@dataclass(frozen=True)
class AbolishedUnit:
    unit: Unit  # its last version
    last_day: date
    successor: Unit | None
    #: roster records still in force after the last day, per form (what a move would carry over)
    pending: dict[str, int]

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


@dataclass
class MoveResult:
    source: Unit
    target: Unit
    last_day: date
    moved: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.moved.values())

    def text(self) -> str:
        if not self.total:
            return (f"{self.source.name} (mã {self.source.code}) không còn cán bộ, cơ sở hay mô hình nào "
                    f"đang hoạt động sau ngày {self.last_day:%d/%m/%Y}; không có gì để chuyển.")
        order = list(_FORM_WORDS)
        moved = sorted(self.moved.items(), key=lambda fn: order.index(fn[0]) if fn[0] in order else len(order))
        parts = [f"{n} {_FORM_WORDS.get(f, f)}" for f, n in moved if n]
        return (f"Đã chuyển {', '.join(parts)} của {self.source.name} (mã {self.source.code}) sang "
                f"{self.target.name} (mã {self.target.code}) từ ngày {self.last_day + timedelta(days=1):%d/%m/%Y}.")


_FORM_WORDS = {"officer": "cán bộ", "establishment": "cơ sở kinh doanh", "support_model": "mô hình hỗ trợ"}


def _in_force_after(inst: Installation, form_id: str, start: str, end: str, code: str, last: date,
                    end_is_last_day: bool) -> list[dict[str, Any]]:
    # still in force the day after the last day: no end, or an end past the last day (or, for an
    # exclusive end, past the day after)
    after = last if end_is_last_day else last + timedelta(days=1)
    return form_rows.in_force_after(inst.store.db, f"form_{form_id}", code, start, end, last.isoformat(),
                                    after.isoformat())


def abolished_units(inst: Installation) -> list[AbolishedUnit]:
    """The abolished units below this installation (by code), with what is still to move."""
    units = inst.units
    seen: dict[str, AbolishedUnit] = {}
    own = inst.unit_code
    for code in sorted(units.all_codes()):
        last = units.last_day(code)
        if last is None or code == own or not units.is_ancestor(own, code, last):
            continue
        pending = {f: len(_in_force_after(inst, f, s, e, code, last, inc)) for f, s, e, inc in moved_forms(inst)}
        seen[code] = AbolishedUnit(units.require(code, last), last, units.successor(code), pending)
    return list(seen.values())


def move_rosters(inst: Installation, from_code: str, to_code: str | None = None, *,
                 actor: str | None = None, service: RecordService | None = None) -> MoveResult:
    """Move what of ``from_code``'s rosters is still in force after its abolition to ``to_code`` (default:
    its successor in ``changes.toml``), in one transaction with an audit row per record. Running it
    again moves nothing more. ``service``: the window's record service (its listeners hear the change).
    Only the approver moves (``AccessError`` otherwise). Refuses (:class:`RecordError`, Vietnamese) a
    unit that was not abolished, a target not in force the next day, and units outside this installation."""
    units = inst.units
    code = from_code.strip()
    if not units.versions(code):
        raise RecordError(f"Không tìm thấy đơn vị hành chính có mã {code}.",
                          en=f"No administrative unit has the code {code}.")
    last = units.last_day(code)
    source = units.require(code, last) if last else units.require(code)
    if last is None:
        raise RecordError(f"{source.name} (mã {code}) vẫn còn trong danh mục đơn vị hành chính; "
                          "chỉ chuyển danh sách của đơn vị đã bị giải thể, sáp nhập.",
                          en=f"{source.name} (code {code}) is still in the administrative unit list; "
                             "only the lists of a dissolved or merged unit can be moved.")
    first = last + timedelta(days=1)
    if to_code is None:
        target = units.successor(code)
        if target is None:
            raise RecordError(f"Chưa rõ đơn vị kế thừa {source.name} (mã {code}); hãy ghi rõ mã đơn vị nhận.",
                              en=f"The successor of {source.name} (code {code}) is not known; give the code of "
                                 "the receiving unit.")
    else:
        target = units.get(to_code.strip(), first)
        if target is None:
            raise RecordError(f"Đơn vị mã {to_code.strip()} không có trong danh mục vào ngày {first:%d/%m/%Y}, "
                              "nên không nhận được danh sách chuyển sang.",
                              en=f"The unit with code {to_code.strip()} is not in the unit list on {first:%d/%m/%Y}, "
                                 "so it cannot receive the list.")
    if target.level != source.level:
        raise RecordError(f"{target.name} (mã {target.code}) không cùng cấp với {source.name} (mã {code}).",
                          en=f"{target.name} (code {target.code}) is not at the same level as {source.name} "
                             f"(code {code}).")
    own = inst.unit_code
    if not units.is_ancestor(own, code, last) or not units.is_ancestor(own, target.code, first):
        raise RecordError(f"{source.name} (mã {code}) và {target.name} (mã {target.code}) phải cùng thuộc "
                          f"{inst.unit().name}; đơn vị cấp trên của cả hai mới chuyển được danh sách.",
                          en=f"{source.name} (code {code}) and {target.name} (code {target.code}) must both be under "
                             f"{inst.unit().name}; only their common higher-level unit can move the list.")
    # a step on other units' records, like reopening a period: the approver's
    inst.session.require("approver", "chuyển danh sách của đơn vị đã giải thể sang đơn vị kế thừa")
    service = service or inst.records(actor)
    store = inst.store
    batches = []
    for form_id, start, end, inclusive in moved_forms(inst):
        form = store.forms[form_id]
        ends, copies = [], []
        for row in _in_force_after(inst, form_id, start, end, code, last, inclusive):
            values = store.to_values(form, row)
            ended = dict(values)
            ended[end] = last if inclusive else first
            ends.append((row["id"], ended))
            copy = dict(values)
            copy[start] = first
            copies.append((moved_id(row["id"]), target.code, copy))
        batches.append((form_id, ends, copies))
    note = f"chuyển từ {code} sang {target.code} từ {first.isoformat()}"
    moved = service.move_records(batches, note) if any(b[1] for b in batches) else {}
    return MoveResult(source, target, last, moved)
