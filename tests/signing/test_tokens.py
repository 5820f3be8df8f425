"""The USB token is found without the officer naming a library: the table of certificate authorities'
PKCS#11 libraries (signing/tokens.py) is searched, SoftHSM2 being one entry of it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

from plan_desktop.signing.tokens import KNOWN_LIBRARIES, find_tokens, installed_libraries, provider_of_path


def test_the_table_names_the_vietnamese_certificate_authorities():
    providers = [t.provider for t in KNOWN_LIBRARIES]
    for name in ("VNPT-CA", "Viettel-CA", "BKAV-CA", "FPT-CA", "Ban Cơ yếu Chính phủ", "SoftHSM2"):
        assert name in providers
    assert all(t.windows or t.linux for t in KNOWN_LIBRARIES)


def test_windows_libraries_are_found_in_the_system_folders(tmp_path):
    system32 = tmp_path / "Windows" / "System32"
    wow = tmp_path / "Windows" / "SysWOW64"
    system32.mkdir(parents=True)
    wow.mkdir()
    (system32 / "viettel-ca_v6.dll").write_bytes(b"MZ")
    (wow / "vnptca_p11_v8.dll").write_bytes(b"MZ")
    (system32 / "newprovider_csp11.dll").write_bytes(b"MZ")  # a provider the table does not know
    (system32 / "kernel32.dll").write_bytes(b"MZ")
    found = installed_libraries(platform="win32", env={"SystemRoot": str(tmp_path / "Windows")})
    by_provider = {f.provider: f.path for f in found}
    assert by_provider["VNPT-CA"] == wow / "vnptca_p11_v8.dll"
    assert by_provider["Viettel-CA"] == system32 / "viettel-ca_v6.dll"
    assert by_provider["newprovider_csp11"] == system32 / "newprovider_csp11.dll"
    assert not any(f.path.name == "kernel32.dll" for f in found)
    assert provider_of_path(Path("C:/Windows/System32/BkavCA.dll")) == "BKAV-CA"


def test_a_broken_library_is_skipped(tmp_path):
    bogus = tmp_path / "libbroken.so"
    bogus.write_bytes(b"not a library")
    assert find_tokens(extra=[bogus], platform="linux", table=()) == []


def test_softhsm_token_is_found_through_the_table(softhsm_token):
    found = find_tokens()
    match = [f for f in found if f.label == softhsm_token.label]
    assert match, found
    assert match[0].provider == "SoftHSM2"
    assert match[0].lib_path == softhsm_token.lib
    assert match[0].describe() == f"SoftHSM2 — {softhsm_token.label}"


def test_sign_dialog_lists_the_token_and_signs_without_a_library_path(qtbot, softhsm_token, report_pdf, pki,
                                                                      tmp_path):
    from plan_desktop.signing.sign import sign_pdf
    from plan_desktop.signing.verify import verify_pdf
    from plan_desktop.ui.pages.signing_dialog import SignDialog

    out = tmp_path / "signed.pdf"

    def sign(spec, title):
        sign_pdf(report_pdf, out, spec, field_name="ChuKy", box=None, title=title or None,
                 reason=None, location=None)

    dlg = SignDialog(sign, title="Chủ tịch")
    qtbot.addWidget(dlg)
    dlg.use_token.setChecked(True)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.token_combo.count() >= 1
    assert dlg.token_combo.currentText() == f"SoftHSM2 — {softhsm_token.label}"
    assert not dlg.lib_box.isVisible()  # the library file is asked for only as a last resort
    assert "PKCS#11" not in dlg.token_note.text()
    dlg.grab().save(str(tmp_path / "token-dialog.png"))
    dlg.secret_edit.setText(softhsm_token.pin)
    dlg.try_sign()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.error_label.text()
    assert verify_pdf(out, [pki["ca"].cert]).intact


def test_sign_dialog_without_any_token_offers_the_library_chooser(qtbot, monkeypatch):
    from plan_desktop.signing import tokens
    from plan_desktop.ui.pages.signing_dialog import SignDialog

    monkeypatch.setattr(tokens, "KNOWN_LIBRARIES", ())
    monkeypatch.setattr(tokens.find_tokens, "__kwdefaults__", {"extra": (), "platform": None, "env": None,
                                                               "table": ()})
    dlg = SignDialog(lambda *a: None, pkcs11_lib="/nowhere/libvendor.so", token_label="X")
    qtbot.addWidget(dlg)
    dlg.use_token.setChecked(True)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.token_combo.count() == 0
    assert "Không thấy thiết bị ký số" in dlg.token_note.text()
    assert dlg.lib_box.isVisible()
    dlg.secret_edit.setText("1234")
    dlg.try_sign()
    assert dlg.result() != dlg.DialogCode.Accepted
    assert "Chưa chọn thiết bị ký số" in dlg.error_label.text()
