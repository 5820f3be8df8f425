"""Optional password protection: two roles, scrypt-derived key slots, a key-encryption key for private keys."""

from __future__ import annotations

from datetime import date

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


# -- the unit's private keys follow password protection ----------------------------------------------------
def _key_files(folder):
    from plan_desktop.exchange.keys import ENCRYPTION_FILE, SIGNING_FILE
    from plan_desktop.paths import keys_dir

    return [keys_dir(folder) / SIGNING_FILE, keys_dir(folder) / ENCRYPTION_FILE]


def _plain_pem(folder) -> bool:
    return all(f.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----") for f in _key_files(folder))


def _with_parent(commune, tmp_path) -> None:
    """The commune's district, its setup file applied and confirmed at the commune: exports need its key."""
    from plan_desktop.services import exchange
    from plan_desktop.services.installation import Installation

    parent = commune.units.parent(commune.unit_code, date(2019, 12, 31))
    with Installation.init(tmp_path / "district", parent.code, extra_settings={"working_year": 2019}) as d:
        info = exchange.apply_setup_file(commune, exchange.write_setup_file(d, commune.unit_code, tmp_path / "s"))
        assert info.held
        exchange.approve_key(commune, d.unit_code, exchange.own_keys(d).code)


def test_init_makes_the_exchange_keys_so_a_fresh_commune_can_export(commune, tmp_path):
    from plan_desktop.services import exchange

    assert _plain_pem(commune.folder)
    fingerprint, _ = exchange.keys_overview(commune)
    _with_parent(commune, tmp_path)
    res = exchange.export_package(commune, tmp_path / "usb")
    assert res.path.is_file() and res.sequence == 1
    assert exchange.keys_overview(commune)[0] == fingerprint  # the key made at init, not a new one


def test_enable_encrypts_key_files_export_works_after_login_disable_decrypts(commune, data_dir, tmp_path):
    from plan_desktop.exchange.keys import PROTECTED_MAGIC
    from plan_desktop.services import exchange
    from plan_desktop.services.access import disable_protection, enable_protection
    from plan_desktop.services.installation import Installation, PasswordRequired
    from plan_desktop.store.db import is_encrypted

    fingerprint = exchange.keys_overview(commune)[0]
    _with_parent(commune, tmp_path)
    plain = [f.read_bytes() for f in _key_files(commune.folder)]
    enable_protection(commune, "officer-pass", "approver-pass")
    for f in _key_files(commune.folder):
        blob = f.read_bytes()
        assert blob.startswith(PROTECTED_MAGIC) and b"PRIVATE KEY" not in blob
    commune.close()
    assert is_encrypted(data_dir / "plan_desktop.sqlite")  # the data file too: it opens only with a password
    with pytest.raises(PasswordRequired):
        Installation.open(data_dir)
    with pytest.raises(AccessError, match="không đúng"):
        Installation.open(data_dir, password="wrong-pass")

    with Installation.open(data_dir, password="officer-pass") as inst:  # a new program start
        assert inst.session.role == OFFICER
        assert exchange.keys_overview(inst)[0] == fingerprint
        res = exchange.export_package(inst, tmp_path / "usb")
        assert res.path.is_file()
        with pytest.raises(AccessError, match="Chỉ người phê duyệt"):  # an officer may not switch it off
            disable_protection(inst)
        assert all(f.read_bytes().startswith(PROTECTED_MAGIC) for f in _key_files(inst.folder))
        assert inst.access.enabled
        inst.login("approver-pass")
        disable_protection(inst)
        assert not inst.access.enabled
        assert [f.read_bytes() for f in _key_files(inst.folder)] == plain  # the same keys, plain PEM again
    assert not is_encrypted(data_dir / "plan_desktop.sqlite")

    with Installation.open(data_dir) as inst:  # no password needed any more
        assert exchange.keys_overview(inst)[0] == fingerprint
        assert exchange.export_package(inst, tmp_path / "usb").sequence == 2


def test_refused_enable_changes_nothing(commune):
    from plan_desktop.services.access import enable_protection

    before = [f.read_bytes() for f in _key_files(commune.folder)]
    with pytest.raises(AccessError, match="ít nhất 8"):
        enable_protection(commune, "short", "approver-pass")
    with pytest.raises(AccessError, match="phải khác nhau"):
        enable_protection(commune, "same-pass", "same-pass")
    assert not commune.access.enabled
    assert [f.read_bytes() for f in _key_files(commune.folder)] == before


def test_cli_enable_and_disable_rewrap_the_keys_wrong_password_changes_nothing(commune, data_dir, capsys,
                                                                               monkeypatch):
    from plan_desktop.exchange.keys import PROTECTED_MAGIC

    commune.close()
    d = str(data_dir)
    monkeypatch.setenv("PLAN_DESKTOP_OFFICER_PASSWORD", "officer-pass")
    monkeypatch.setenv("PLAN_DESKTOP_APPROVER_PASSWORD", "approver-pass")
    assert main(["--data-dir", d, "access", "enable"]) == 0
    assert "khóa bí mật của đơn vị đã được mã hóa" in capsys.readouterr().out
    protected = [f.read_bytes() for f in _key_files(data_dir)]
    assert all(b.startswith(PROTECTED_MAGIC) for b in protected)

    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "wrong-password")
    assert main(["--data-dir", d, "access", "disable"]) == 1
    assert "Mật khẩu không đúng" in capsys.readouterr().err
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "officer-pass")
    assert main(["--data-dir", d, "access", "disable"]) == 1
    assert "Chỉ người phê duyệt mới được tắt bảo vệ" in capsys.readouterr().err
    assert [f.read_bytes() for f in _key_files(data_dir)] == protected  # nothing changed
    assert main(["--data-dir", d, "access", "status"]) == 0
    assert "Đang bảo vệ" in capsys.readouterr().out

    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "approver-pass")
    assert main(["--data-dir", d, "access", "disable"]) == 0
    assert "không mã hóa" in capsys.readouterr().out
    assert _plain_pem(data_dir)
    monkeypatch.delenv("PLAN_DESKTOP_PASSWORD")
    assert main(["--data-dir", d, "access", "status"]) == 0
    assert "Không bảo vệ" in capsys.readouterr().out


def test_a_key_file_left_plain_while_protection_is_on_is_encrypted_at_login(commune):
    """A crash between committing the password slots and encrypting the files leaves plain files:
    still readable, and encrypted at the next login."""
    from plan_desktop.exchange.keys import PROTECTED_MAGIC

    commune.access.enable("officer-pass", "approver-pass")  # the slots only, as if the program died here
    assert _plain_pem(commune.folder)
    commune.login("officer-pass")
    assert all(f.read_bytes().startswith(PROTECTED_MAGIC) for f in _key_files(commune.folder))
