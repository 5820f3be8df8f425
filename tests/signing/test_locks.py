"""Locked periods: signing a period's report locks its records; reopening takes a reason, is audited,
and makes the signed report superseded. Headless, through RecordService with the guard installed."""

from __future__ import annotations

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

from plan_desktop.cli import main
from plan_desktop.reports.scope import DATA_HASH_VERSION, report_data_hash
from plan_desktop.services.locks import install_period_locks
from plan_desktop.services.records import RecordError
from plan_desktop.services.signing import SigningService
from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.specs import Pkcs12Spec
from plan_desktop.signing.verify import read_data_hash
from tests.signing.conftest import PASSPHRASE

COMM = {
    "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền tại thôn Đông",
    "lead_org": "police", "audience": ["residents"], "participants": 120, "participants_female": 60,
}


@pytest.fixture
def locked(commune, service, pki, report_for, tmp_path):
    """A record in 2019-H1 and one in 2019-H2; the 2019-H1 report signed by the officer."""
    install_period_locks(service, commune)
    in_h1 = service.create("communication", COMM)
    in_h2 = service.create("communication", {**COMM, "date": "2019-08-01"})
    signing = SigningService(commune)
    report_pdf = report_for("2019-H1")
    draft = signing.register_draft(report_pdf, "2019-H1")
    assert draft.status == "draft" and draft.data_sha256 == read_data_hash(report_pdf)
    assert draft.data_hash_version == DATA_HASH_VERSION == 3
    entry = signing.sign_report(report_pdf, tmp_path / "signed.pdf", "2019-H1",
                                Pkcs12Spec(pki["officer"].p12, PASSPHRASE), title="Công chức Văn hóa - Xã hội")
    return signing, entry, in_h1, in_h2


def test_signing_locks_the_period_and_lists_the_report(locked):
    signing, entry, _, _ = locked
    assert entry.status == "signed" and entry.signer == "Nguyễn Văn An"
    assert entry.data_sha256 == report_data_hash(signing.inst, "2019-H1")
    stored = signing.db.execute("SELECT data_hash_version FROM signed_reports WHERE id = ?", [entry.id]).fetchone()
    assert entry.data_hash_version == stored[0] == DATA_HASH_VERSION
    assert [e.id for e in signing.list_reports()] == [entry.id]  # the draft became the signed report
    lock = signing.active_lock("2019-H1")
    assert lock is not None and lock.report_id == entry.id
    assert (str(lock.start_date), str(lock.end_date)) == ("2019-01-01", "2019-06-30")


def test_records_of_a_locked_period_cannot_be_changed_or_deleted(locked, service):
    _, _, in_h1, in_h2 = locked
    with pytest.raises(RecordError) as exc:
        service.update("communication", in_h1["id"], {**COMM, "participants": 130})
    message = str(exc.value)
    assert "6 tháng đầu năm 2019" in message and "đã bị khóa" in message and "05/03/2019" in message
    assert "mở lại kỳ báo cáo" in message
    with pytest.raises(RecordError, match="đã bị khóa"):
        service.delete("communication", in_h1["id"])
    with pytest.raises(RecordError, match="đã bị khóa"):
        service.create("communication", {**COMM, "date": "2019-06-30"})
    with pytest.raises(RecordError, match="đã bị khóa"):  # nor moved into the locked period
        service.update("communication", in_h2["id"], {**COMM, "date": "2019-04-01"})
    guard = service.guards[-1]
    form = service.store.forms["communication"]
    assert guard.lock_for(form, service.store.get_row(form, in_h1["id"])).period == "2019-H1"
    assert guard.lock_for(form, service.store.get_row(form, in_h2["id"])) is None
    # outside the period everything still works
    service.update("communication", in_h2["id"], {**COMM, "date": "2019-08-01", "participants": 99})
    service.create("communication", {**COMM, "date": "2019-07-01"})
    assert service.get("communication", in_h1["id"])["participants"] == 120


def test_a_second_signature_goes_on_the_same_report(locked, pki, tmp_path):
    signing, entry, _, _ = locked
    second = signing.sign_report(tmp_path / "signed.pdf", tmp_path / "signed-2.pdf", "2019-H1",
                                 Pkcs12Spec(pki["chairman"].p12, PASSPHRASE), title="Chủ tịch UBND xã Đồng Lý")
    assert second.id == entry.id and second.status == "signed"
    assert second.signer == "Nguyễn Văn An; Trần Thị Bích Ngọc"
    result = signing.verify(tmp_path / "signed-2.pdf", trust=[pki["ca"].pem])
    assert result.intact and result.trusted and len(result.signatures) == 2


def test_reopen_needs_a_reason_is_audited_and_supersedes(locked, service, commune):
    signing, entry, in_h1, _ = locked
    with pytest.raises(SigningError, match="lý do"):
        signing.reopen("2019-H1", "  ")
    superseded = signing.reopen("2019-H1", "Sai số người tham gia buổi tuyên truyền thôn Đông")
    assert [e.id for e in superseded] == [entry.id]
    assert signing.get(entry.id).status == "superseded"
    assert "Sai số người tham gia" in signing.get(entry.id).reason
    assert signing.active_lock("2019-H1") is None
    service.update("communication", in_h1["id"], {**COMM, "participants": 130})  # allowed again

    audit = list(commune.store.db.query("SELECT * FROM audit_log WHERE action IN ('sign', 'reopen') ORDER BY seq"))
    assert [a["action"] for a in audit] == ["sign", "reopen"]
    assert audit[1]["record_id"] is None and "Sai số người tham gia" in audit[1]["note"]
    assert audit[1]["unit_code"] == commune.unit_code
    assert commune.store.check() == []
    with pytest.raises(SigningError, match="không bị khóa"):
        signing.reopen("2019-H1", "Một lần nữa cho chắc")


def test_status_sent_and_accepted(locked):
    signing, entry, _, _ = locked
    assert signing.set_status(entry.id, "sent").status_vi == "đã gửi"
    assert signing.set_status(entry.id, "accepted").status == "accepted"
    with pytest.raises(SigningError):
        signing.set_status(entry.id, "draft")


def test_year_records_are_locked_only_by_a_locked_year(commune, service, pki, report_for, tmp_path):
    install_period_locks(service, commune)
    install_period_locks(service, commune)  # idempotent
    assert sum(type(g).__name__ == "PeriodLockGuard" for g in service.guards) == 1
    signing = SigningService(commune)
    signing.sign_report(report_for("2019-H1"), tmp_path / "h1.pdf", "2019-H1",
                        Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    form = commune.store.forms["unit_status"]
    guard = service.guards[-1]
    guard(form, {"unit_code": commune.unit_code, "year": 2019})  # a half-year lock leaves the year open
    signing.sign_report(report_for("2019"), tmp_path / "y.pdf", "2019", Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    with pytest.raises(RecordError, match="năm 2019"):
        guard(form, {"unit_code": commune.unit_code, "year": 2019})


def test_cli_reopen_and_reports_list(locked, commune, data_dir, capsys):
    commune.close()  # the CLI takes the folder lock itself
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "reports", "list"]) == 0
    assert "đã ký" in capsys.readouterr().out
    assert main([*args, "reopen", "--period", "2019-H1", "--reason", "Bổ sung hoạt động tháng 6"]) == 0
    assert "Đã mở lại kỳ báo cáo 2019-H1" in capsys.readouterr().out
    assert main([*args, "reports", "list"]) == 0
    out = capsys.readouterr().out
    assert "đã bị thay thế" in out and "Bổ sung hoạt động tháng 6" in out
    assert main([*args, "reopen", "--period", "2019-H1", "--reason", "lần nữa đi"]) != 0
    assert "không bị khóa" in capsys.readouterr().err
    assert main([*args, "check"]) == 0


def test_a_report_made_before_the_data_changed_is_not_signed(commune, service, pki, report_for, tmp_path):
    service.create("communication", COMM)
    stale = report_for("2019-H1")
    service.create("communication", {**COMM, "date": "2019-04-02", "topic": "Buổi thứ hai"})
    signing = SigningService(commune)
    assert signing.data_matches(stale, "2019-H1") is False
    assert signing.data_matches(report_for("2019-H1"), "2019-H1") is True
    with pytest.raises(SigningError, match="đã thay đổi kể từ khi lập"):
        signing.sign_report(stale, tmp_path / "s.pdf", "2019-H1", Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    assert not (tmp_path / "s.pdf").exists() and signing.active_lock("2019-H1") is None
    signing.sign_report(report_for("2019-H1"), tmp_path / "s.pdf", "2019-H1",
                        Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    assert signing.active_lock("2019-H1") is not None


def test_cli_sign_countersigns_an_existing_report(commune, service, pki, report_for, data_dir, tmp_path, capsys,
                                                  monkeypatch):
    service.create("communication", COMM)
    report = report_for("2019-H1")
    commune.close()
    args = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "signed.pdf"
    assert main([*args, "sign", str(report), "--period", "2019-H1", "--out", str(out), "--p12", str(pki["officer"].p12),
                 "--signer-title", "Công chức Văn hóa - Xã hội"]) == 0
    assert main([*args, "sign", str(out), "--period", "2019-H1", "--p12", str(pki["chairman"].p12),
                 "--signer-title", "Chủ tịch UBND xã Đồng Lý"]) == 0
    assert "Nguyễn Văn An; Trần Thị Bích Ngọc" in capsys.readouterr().out
    assert main([*args, "verify", str(out), "--trust", str(pki["ca"].pem)]) == 0
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", "sai")
    assert main([*args, "sign", str(report), "--period", "2019-H1", "--p12", str(pki["officer"].p12)]) != 0
    assert "sai mật khẩu" in capsys.readouterr().err


def test_an_import_into_a_locked_period_is_refused_whole(locked, service, commune):
    """The batch path (locks read once per import) says the same as one record at a time."""
    form = commune.store.forms["communication"]
    before = commune.store.count(form)
    items = [(None, {**COMM, "date": "2019-09-01"}), (None, {**COMM, "date": "2019-05-20"}),
             (None, {**COMM, "date": "2019-10-01"})]
    created, updated, issues = service.write_many("communication", items)
    assert (created, updated) == (0, 0) and [i for i, _ in issues] == [1]
    assert "đã bị khóa" in issues[0][1].message and "20/05/2019" in issues[0][1].message
    assert commune.store.count(form) == before
    created, _, issues = service.write_many("communication", [items[0], items[2]])  # outside the lock
    assert created == 2 and not issues
