"""The first-run wizard opens a setup file written by the district instead of choosing by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.helpers import type_ime


def _district(tmp_path):
    from plan_desktop.services.installation import Installation

    return Installation.init(tmp_path / "huyen", "353", officer="Lê Văn Nam", extra_settings={"working_year": 2020})


def test_wizard_takes_unit_year_and_district_key_from_a_setup_file(tmp_path, qtbot, shots):
    from plan_desktop.services import exchange as ex
    from plan_desktop.ui.wizard import SetupWizard

    district = _district(tmp_path)
    try:
        setup = ex.write_setup_file(district, "13594", tmp_path)
        district_code = ex.keys_overview(district)[0]
    finally:
        district.close()

    wiz = SetupWizard(tmp_path / "xa")
    qtbot.addWidget(wiz)
    wiz.show()
    page = wiz.unit_page
    assert page.setup_button.isVisible()
    assert page.open_setup_file(setup)
    assert page.unit_code() == "13594" and page.year.value() == 2020
    assert not page.communes.isEnabled() and not page.district.isEnabled()  # the file decides the unit
    assert district_code in page.setup_note.text()  # the code in the file, to compare by phone
    type_ime(page.setup_code, district_code)  # the code the district reads out: the file is confirmed
    _shot = shots / "wizard_setup_file.png"
    wiz.grab().save(str(_shot))
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    type_ime(wiz.officer_page.name, "Phạm Thu Hà")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    inst = wiz.installation
    assert inst is not None
    try:
        assert inst.unit_code == "13594" and inst.working_year == 2020
        known = ex.known_keys(inst)
        assert "353" in known  # the district's key is recorded: the first package is already encrypted to it
        assert inst.store.get_setting("plan_id") and ex.list_pending(inst) == []
    finally:
        inst.close()


def test_a_broken_setup_file_is_explained_and_changes_nothing(tmp_path, qtbot):
    from plan_desktop.ui.wizard import SetupWizard

    bad = tmp_path / "13594_thiet-lap.pdsetup"
    bad.write_bytes(b"PK\x03\x04 not really a setup file")
    wiz = SetupWizard(tmp_path / "xa")
    qtbot.addWidget(wiz)
    page = wiz.unit_page
    assert not page.open_setup_file(bad)
    assert page.setup_info is None and page.communes.isEnabled()
    assert "13594_thiet-lap.pdsetup" in page.setup_note.text()
    assert not (tmp_path / "xa" / "plan_desktop.sqlite").exists()


def test_without_the_code_the_setup_file_waits_for_confirmation(tmp_path, qtbot, monkeypatch):
    """The officer does not type the code read out by phone (or types another): the unit is set up, the
    district's key is not trusted, and the file waits on the exchange page's keys tab."""
    from PySide6.QtWidgets import QMessageBox

    from plan_desktop.services import exchange as ex
    from plan_desktop.ui.wizard import SetupWizard

    district = _district(tmp_path)
    try:
        setup = ex.write_setup_file(district, "13594", tmp_path)
        code = ex.keys_overview(district)[0]
    finally:
        district.close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a, **k: told.append(text)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: told.append(text)))
    for folder, typed in (("xa1", ""), ("xa2", "AAAA-BBBB-CCCC-DDDD")):
        wiz = SetupWizard(tmp_path / folder)
        qtbot.addWidget(wiz)
        wiz.show()
        assert wiz.unit_page.open_setup_file(setup)
        if typed:
            type_ime(wiz.unit_page.setup_code, typed)
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        type_ime(wiz.officer_page.name, "Phạm Thu Hà")
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        inst = wiz.installation
        try:
            assert inst is not None and "353" not in ex.known_keys(inst)
            [pending] = ex.list_pending(inst)
            assert pending.unit_code == "353" and pending.code == code
        finally:
            inst.close()
    assert len(told) == 2 and code in told[0] and "không khớp" in told[1]
