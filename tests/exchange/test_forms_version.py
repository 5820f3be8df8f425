"""``forms_versions`` in packages and setup files: a file made with newer forms than this program's is
refused whole (nothing changes, the message says to update the program); a package made with older
forms is read through the forms' ``[[history]]``: renamed fields under today's names, fields removed
on purpose left out, and any other unknown field refused rather than silently dropped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plan_desktop.domain.forms import load_forms
from plan_desktop.services import exchange as ex
from plan_desktop.services.installation import Installation
from tests.exchange.conftest import C1, DISTRICT, comm_values, dump, link

FORMS_DIR = Path(__file__).parents[2] / "forms"


def forms_with(tmp_path: Path, name: str, edit) -> Path:
    folder = tmp_path / name
    shutil.copytree(FORMS_DIR, folder)
    toml = folder / "communication.toml"
    toml.write_text(edit(toml.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def newer(text: str) -> str:
    """Version 2 of communication: one more field."""
    return (text.replace("order = 10\n", "order = 10\nversion = 2\n")
            + '\n[[fields]]\nname = "hamlet_count"\ntype = "int"\nlabel = "Số thôn"\nmin = 0\n')


def renamed_and_removed(text: str) -> str:
    """Version 2 of communication: «location» renamed «place», «materials» removed on purpose."""
    text = text.replace('name = "location"', 'name = "place"')
    text = re.sub(r'\[\[fields\]\]\nname = "materials"\n.*?(?=\[\[fields\]\])', "", text, flags=re.S)
    return (text.replace("order = 10\n", "order = 10\nversion = 2\n")
            + '\n[[history]]\nversion = 2\nremoved_fields = ["materials"]\nrenamed_fields = { location = "place" }\n')


def removed_silently(text: str) -> str:
    """«materials» taken out with no history: the forms disagree with an older package."""
    return re.sub(r'\[\[fields\]\]\nname = "materials"\n.*?(?=\[\[fields\]\])', "", text, flags=re.S)


def init(folder: Path, unit: str, forms_dir: Path | None = None):
    forms = load_forms(forms_dir) if forms_dir else None
    return Installation.init(folder, unit, officer="Cán bộ", forms=forms, extra_settings={"working_year": 2019})


def commune_package(tmp_path: Path, commune_forms: Path | None, **values) -> Path:
    """The district (this program's forms) and commune 13597 (``commune_forms``) enrolled with each other;
    the commune's package of one activity. Returns the package; the district's folder is tmp/d."""
    with init(tmp_path / "d", DISTRICT) as d, init(tmp_path / "c1", C1, commune_forms) as c1:
        link(d, c1, tmp_path / "link")
        c1.records("tester").create("communication", comm_values(1, **values))
        return ex.export_package(c1, tmp_path / "usb").path


def district(tmp_path: Path, forms_dir: Path | None = None) -> Installation:
    """The district's folder opened again, with ``forms_dir`` (an upgraded program) or the program's own."""
    return Installation.open(tmp_path / "d", forms=load_forms(forms_dir) if forms_dir else None, daily_backup=False)


def test_a_package_made_with_newer_forms_is_refused_and_changes_nothing(tmp_path):
    pkg = commune_package(tmp_path, forms_with(tmp_path, "forms-v2", newer), hamlet_count=3)
    with district(tmp_path) as d:
        before = dump(d)
        rep = ex.import_files(d, [pkg], save_report=False)
        (res,) = rep.files
        assert not rep.ok and res.reason_code == "forms_newer"
        text = rep.text()
        assert "biểu mẫu mới hơn" in text and "«Hoạt động truyền thông» phiên bản 2 (ở đây: phiên bản 1)" in text
        assert dump(d) == before


def test_a_package_made_with_older_forms_is_migrated(tmp_path):
    pkg = commune_package(tmp_path, None, location="Thôn Đông", materials=30)
    with district(tmp_path, forms_with(tmp_path, "forms-v2", renamed_and_removed)) as d:
        rep = ex.import_files(d, [pkg], save_report=False)
        assert rep.ok, rep.text()
        form = d.store.forms["communication"]
        (row,) = list(d.store.db.query(f"SELECT * FROM [{form.table}] WHERE unit_code = ?", [C1]))
        assert row["place"] == "Thôn Đông" and row["materials"] is None  # the old column stays, empty
        assert row["participants"] == comm_values(1)["participants"]
        assert d.store.check() == []


def test_an_unknown_field_not_removed_on_purpose_is_refused(tmp_path):
    pkg = commune_package(tmp_path, None, materials=30)
    with district(tmp_path, forms_with(tmp_path, "forms-cut", removed_silently)) as d:
        before = dump(d)
        rep = ex.import_files(d, [pkg], save_report=False)
        assert not rep.ok and rep.files[0].reason_code == "forms_mismatch"
        assert "materials" in rep.text() and dump(d) == before


def test_a_setup_file_made_with_newer_forms_is_refused(tmp_path):
    with init(tmp_path / "d", DISTRICT, forms_with(tmp_path, "forms-v2", newer)) as d:
        path = ex.write_setup_file(d, C1, tmp_path)
    with pytest.raises(ex.PackageRefused) as exc:
        ex.read_setup_file(path)
    assert exc.value.reason == "forms_newer" and "cài phiên bản chương trình mới" in str(exc.value)
    assert exc.value.en and "newer forms" in exc.value.en
    with init(tmp_path / "c1", C1) as fresh:
        before = dump(fresh)
        with pytest.raises(ex.PackageRefused):
            ex.apply_setup_file(fresh, path)
        assert dump(fresh) == before
    # made with the same forms, it reads
    (tmp_path / "ok").mkdir()
    with init(tmp_path / "d2", DISTRICT) as d2:
        assert ex.read_setup_file(ex.write_setup_file(d2, C1, tmp_path / "ok")).unit == C1
