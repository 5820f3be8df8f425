"""Makes ``db_v0_1_0.sqlite``: a data file written by plan_desktop 0.1.0, the first version.

Kept (with its output) so that every later version is tested against a file it did not write:
``tests/store/test_migrations.py`` opens it with the current code. Run only to re-make it from the
0.1.0 tag: ``python tests/data/make_db_v0_1_0.py``.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from plan_desktop.services.installation import Installation
from plan_desktop.services.records import RecordService

OUT = Path(__file__).with_name("db_v0_1_0.sqlite")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inst = Installation.init(Path(tmp), "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
        svc = RecordService(inst.store, actor="Đặng Thị Thu", today=lambda: date(2019, 12, 31))
        est = svc.create("establishment", {"name": "Nhà nghỉ Hoa Hồng", "kind": "guesthouse",
                                           "suspected": True, "suspected_since": "2018-05-01"},
                         record_id="11111111-2222-4333-8444-555555555555")
        svc.create("inspection", {"date": "2019-04-02", "establishment": est["id"], "violation": True,
                                  "violation_desc": "Không có sổ theo dõi khách lưu trú", "action": "fine",
                                  "fine": 3_000_000}, record_id="11111111-2222-4333-8444-666666666666")
        c = svc.create("communication", {"date": "2019-03-05", "format": "talk", "venue_type": "residential",
                                         "topic": "Tuyên truyền phòng, chống mại dâm tại thôn Đông",
                                         "lead_org": "police", "audience": ["residents", "youth"],
                                         "participants": 120, "participants_female": 64},
                       record_id="11111111-2222-4333-8444-777777777777")
        svc.update("communication", c["id"], {**{k: c[k] for k in inst.store.forms["communication"].field_names},
                                              "participants": 125})
        inst.close()
        src = Path(tmp) / "plan_desktop.sqlite"
        with sqlite3.connect(src) as conn:  # fold the WAL in so one file holds everything
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        shutil.copyfile(src, OUT)
    print(OUT)


if __name__ == "__main__":
    main()
