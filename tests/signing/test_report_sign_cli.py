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


TEXTS = '''assessment = """1. Ưu điểm: các ngành phối hợp chặt chẽ, tuyên truyền đều đặn.
2. Tồn tại, hạn chế: kinh phí còn ít.
3. Nguyên nhân: địa bàn rộng."""
next_steps = "Tiếp tục tuyên truyền tại các thôn; kiểm tra các cơ sở kinh doanh dịch vụ."
proposals = """Đề nghị Ủy ban nhân dân huyện hỗ trợ kinh phí tập huấn."""
'''


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    path = tmp_path / "noi-dung.toml"
    path.write_text(TEXTS, encoding="utf-8")
    return path


def report(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "report", "--period", "2019-H1", *args])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_report_sign_writes_a_signed_pdf_the_verifier_accepts(filled, pki, tmp_path, capsys, monkeypatch, texts):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "bao-cao-2019-H1.pdf"
    code, out, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["officer"].p12),
                            "--text", str(texts))
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


def test_report_sign_wrong_passphrase_signs_and_locks_nothing(filled, pki, tmp_path, capsys, monkeypatch, texts):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", "not the passphrase")
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["officer"].p12),
                          "--text", str(texts))
    assert code == 1 and err.startswith("Lỗi: ") and "mật khẩu" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == []  # no unsigned PDF left behind
    assert main(["--data-dir", str(filled), "reports", "list"]) == 0
    assert "Chưa có báo cáo nào" in capsys.readouterr().out


def test_signer_options_need_sign_and_sign_needs_a_signer(filled, pki, tmp_path, capsys):
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--p12", str(pki["officer"].p12))
    assert code == 1 and "chỉ dùng cùng --sign" in err and not pdf.exists()
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign")
    assert code == 1 and "--p12" in err and not pdf.exists()


def test_report_sign_refuses_hint_sections_and_a_missing_signer_naming_them(filled, pki, tmp_path, capsys,
                                                                          monkeypatch):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "bc.pdf"
    partial = tmp_path / "mot-phan.toml"
    partial.write_text('assessment = "Ưu điểm: phối hợp tốt."\nnext_steps = ""\n', encoding="utf-8")
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["chairman"].p12),
                          "--text", str(partial))
    assert code == 1 and "mục IV" in err and "mục V" in err and "mục III" not in err and "bc.pdf" in err
    assert not pdf.exists() and "Traceback" not in err
    # without --sign the unsigned report still prints the hint
    code, _, err = report(capsys, filled, "--out", str(pdf), "--text", str(partial))
    assert code == 0 and pdf.exists()
    # and «sign» refuses it, naming the sections
    code = main(["--data-dir", str(filled), "sign", str(pdf), "--period", "2019-H1", "--p12", str(pki["chairman"].p12)])
    err = capsys.readouterr().err
    assert code == 1 and "mục IV" in err and "mục V" in err
    # a certificate whose holder is not the signature block's name is refused, naming both
    code = main(["--data-dir", str(filled), "settings", "set", "signer_name", "Phạm Văn Đức"])
    assert code == 0
    full = tmp_path / "du.toml"
    full.write_text(TEXTS, encoding="utf-8")
    capsys.readouterr()
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["chairman"].p12),
                          "--text", str(full))
    assert code == 1 and "Trần Thị Bích Ngọc" in err and "Phạm Văn Đức" in err
