"""Issue 13's promise, end to end: adding a field to a form is one edit of its TOML file. With a copy of
the forms where «communication» has one more field, the field reaches the entry dialog, the CSV import,
the package a commune sends to its district, and the XLSX export — and no report's data hash changes."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plan_desktop.domain.forms import load_forms
from plan_desktop.reports.scope import report_data_hash
from plan_desktop.services import exchange as ex
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import RecordService
from plan_desktop.services.tabular import export_file, import_file
from plan_desktop.store import Query
from tests.exchange.conftest import link

FORMS = Path(__file__).resolve().parents[2] / "forms"
FIELD = '\n[[fields]]\nname = "hamlets"\ntype = "int"\nmin = 0\nlabel = "Số thôn được tuyên truyền"\n'
LABEL = "Số thôn được tuyên truyền"
TODAY = date(2020, 6, 30)


@pytest.fixture
def forms(tmp_path):
    folder = tmp_path / "forms"
    shutil.copytree(FORMS, folder)
    toml = folder / "communication.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + FIELD, encoding="utf-8")  # the one edit
    return load_forms(folder)


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


ROW = {"date": "2020-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền",
       "lead_org": "police", "audience": "residents", "sessions": "1", "participants": "40",
       "participants_female": "20"}


def test_a_new_field_reaches_import_package_and_xlsx_and_changes_no_hash(forms, tmp_path):
    # a commune's records, entered before the field existed
    with Installation.init(tmp_path / "xa", "13597", extra_settings={"working_year": 2020}) as old:
        assert import_file(old.records(actor="t"), "communication", _csv(tmp_path / "a.csv", [ROW])).ok
        before = report_data_hash(old, "2020-H1")
    # the program with the edited form opens the same folder
    commune = Installation.open(tmp_path / "xa", forms=forms, daily_backup=False)
    district = Installation.init(tmp_path / "huyen", "353", forms=forms, extra_settings={"working_year": 2020})
    try:
        assert "hamlets" in commune.store.db["form_communication"].columns_dict  # the column, derived
        assert report_data_hash(commune, "2020-H1") == before  # the new field changes no hash
        assert commune.store.check() == []  # nor the audit chain
        path = _csv(tmp_path / "c.csv", [{**ROW, "topic": "Có số thôn", "hamlets": "3"}])
        result = import_file(commune.records(actor="t"), "communication", path)
        assert result.ok and result.created == 1
        bad = import_file(commune.records(actor="t"), "communication",
                          _csv(tmp_path / "d.csv", [{**ROW, "hamlets": "-2"}]))
        assert not bad.ok and LABEL in "\n".join(bad.errors_for("vi"))  # its rule is checked too
        rows = commune.store.db.execute("SELECT hamlets FROM form_communication WHERE topic = 'Có số thôn'")
        assert [r[0] for r in rows] == [3]
        # the XLSX export carries it under its label, and imports back
        xlsx = tmp_path / "list.xlsx"
        export_file(commune.store, commune.store.forms["communication"], Query(), xlsx)
        sheet = load_workbook(xlsx).active
        header = [c.value for c in next(sheet.iter_rows(max_row=1))]
        assert LABEL in header
        col = header.index(LABEL)
        assert sorted(str(r[col].value) for r in sheet.iter_rows(min_row=2)) == ["3", "None"]
        # the package: the district receives the field's value
        link(district, commune, tmp_path / "setup")
        usb = tmp_path / "usb"
        usb.mkdir()
        ex.export_package(commune, usb)
        report = ex.import_files(district, [usb], save_report=False)
        assert report.ok, report.text()
        got = district.store.db.execute(
            "SELECT hamlets FROM form_communication WHERE unit_code = '13597' AND topic = 'Có số thôn'")
        assert [r[0] for r in got] == [3]
    finally:
        commune.close()
        district.close()


def test_a_new_field_reaches_the_entry_dialog(forms, tmp_path, qtbot):
    from plan_desktop.ui.entry_dialog import EntryDialog
    from tests.ui.helpers import fill
    from tests.ui.samples import SAMPLES

    with Installation.init(tmp_path / "xa", "13597", forms=forms, extra_settings={"working_year": 2020}) as inst:
        svc = RecordService(inst.store, actor="t", today=lambda: TODAY)
        dlg = EntryDialog(inst.store.forms["communication"], svc, today=TODAY)
        qtbot.addWidget(dlg)
        assert dlg.rows["hamlets"].label.text().startswith(LABEL)
        fill(qtbot, dlg, {**SAMPLES["communication"], "date": "2020-03-05", "hamlets": 4})
        assert dlg.save(), [dlg.issue_text(n) for n in dlg.rows]
        got = inst.store.db.execute("SELECT hamlets FROM form_communication").fetchall()
        assert got == [(4,)]
