"""``plan-desktop report --sign``: the periodic report is made and signed in one command (PKCS#12),
the signature is accepted by the verifier, and the period is locked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

from plan_desktop.cli import main
from plan_desktop.signing.verify import read_data_hash, verify_pdf
from tests.signing.conftest import PASSPHRASE


@pytest.fixture
def filled(commune, data_dir):
    """The commune with a demo year 2019 in its store, closed so the CLI can open it."""
    from plan_desktop.services.demo import fill_demo

    fill_demo(commune, year=2019, today=date(2019, 12, 31))
    commune.close()
    return data_dir


def report(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "report", "--period", "2019-H1", *args])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_report_sign_writes_a_signed_pdf_the_verifier_accepts(filled, pki, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "bao-cao-2019-H1.pdf"
    code, out, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["officer"].p12),
                            "--signer-title", "Công chức Văn hóa - Xã hội")
    assert code == 0, err
    assert "Đã ký số báo cáo" in out and "đã được khóa" in out

    result = verify_pdf(pdf, [pki["ca"].cert])
    assert result.intact and result.trusted
    (sig,) = result.signatures
    assert sig.signer == "Nguyễn Văn An" and sig.field_name == "ChuKy_CanBo" and sig.covers_whole_file
    assert read_data_hash(pdf)  # the report still says which records it was computed from

    # the command line verifier says so too, and so does poppler's pdfsig when installed
    assert main(["--data-dir", str(filled), "verify", str(pdf), "--trust", str(pki["ca"].pem)]) == 0
    assert "NGUYÊN VẸN" in capsys.readouterr().out
    if shutil.which("pdfsig"):
        res = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, timeout=60)
        assert "Signature is Valid" in res.stdout + res.stderr
    # the report is listed as signed and its period is locked
    assert main(["--data-dir", str(filled), "reports", "list"]) == 0
    listed = capsys.readouterr().out
    assert "2019-H1" in listed and "đã ký" in listed and str(pdf.resolve()) in listed


def test_report_sign_wrong_passphrase_signs_and_locks_nothing(filled, pki, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", "not the passphrase")
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["officer"].p12))
    assert code == 1 and err.startswith("Lỗi: ")
    assert not verify_pdf(pdf).signatures  # the report was made, unsigned
    assert main(["--data-dir", str(filled), "reports", "list"]) == 0
    assert "Chưa có báo cáo nào" in capsys.readouterr().out


def test_signer_options_need_sign_and_sign_needs_a_signer(filled, pki, tmp_path, capsys):
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--p12", str(pki["officer"].p12))
    assert code == 1 and "chỉ dùng cùng --sign" in err and not pdf.exists()
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign")
    assert code == 1 and "--p12" in err and not pdf.exists()
