"""Optional password protection: two roles, scrypt-derived key slots, a key-encryption key for private keys."""

from __future__ import annotations

import pytest

from plan_desktop.cli import main
from plan_desktop.services.access import APPROVER, OFFICER, Access, AccessError


def test_off_by_default_and_everyone_is_approver(commune):
    assert not commune.access.enabled
    assert commune.session.role == APPROVER and commune.session.kek is None
    assert commune.session.protect(b"secret") == b"secret"


def test_enable_login_roles_and_the_key_encryption_key(commune):
    acc = commune.access
    with pytest.raises(AccessError, match="ít nhất 8"):
        acc.enable("short", "approver-pass")
    with pytest.raises(AccessError, match="phải khác nhau"):
        acc.enable("same-pass", "same-pass")
    s = acc.enable("officer-pass", "approver-pass")
    stored = commune.store.get_setting("access_slots")
    assert "officer-pass" not in str(stored) and "approver-pass" not in str(stored)
    officer = acc.login("officer-pass")
    approver = acc.login("approver-pass")
    assert (officer.role, approver.role) == (OFFICER, APPROVER)
    assert officer.kek == approver.kek == s.kek  # both slots unwrap the same key
    with pytest.raises(AccessError, match="Mật khẩu không đúng"):
        acc.login("wrong-pass")
    blob = officer.protect(b"ed25519 private key bytes")
    assert b"ed25519" not in blob and approver.unprotect(blob) == b"ed25519 private key bytes"
    with pytest.raises(AccessError, match="Chỉ người phê duyệt"):
        officer.require(APPROVER, "ký báo cáo")
    approver.require(APPROVER, "ký báo cáo")
    officer.require(OFFICER, "nhập dữ liệu")


def test_change_password_keeps_the_key_and_officer_cannot_change_approver(commune):
    acc = commune.access
    acc.enable("officer-pass", "approver-pass")
    officer = acc.login("officer-pass")
    with pytest.raises(AccessError):
        acc.change_password(officer, APPROVER, "new-approver")
    acc.change_password(officer, OFFICER, "officer-new-pass")
    with pytest.raises(AccessError):
        acc.login("officer-pass")
    assert acc.login("officer-new-pass").kek == officer.kek
    with pytest.raises(AccessError):
        acc.disable(officer)
    acc.disable(acc.login("approver-pass"))
    assert not Access(commune.store).enabled


def test_cli_asks_for_the_password(commune, data_dir, capsys, monkeypatch):
    commune.access.enable("officer-pass", "approver-pass")
    commune.close()
    monkeypatch.delenv("PLAN_DESKTOP_PASSWORD", raising=False)
    assert main(["--data-dir", str(data_dir), "records", "list", "officer"]) == 1
    assert "Cần mật khẩu" in capsys.readouterr().err
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "nope-nope")
    assert main(["--data-dir", str(data_dir), "records", "list", "officer"]) == 1
    assert "Mật khẩu không đúng" in capsys.readouterr().err
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "officer-pass")
    assert main(["--data-dir", str(data_dir), "records", "list", "officer"]) == 0
    assert main(["--data-dir", str(data_dir), "access", "status"]) == 0
    assert "Đang bảo vệ" in capsys.readouterr().out
