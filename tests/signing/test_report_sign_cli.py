"""``plan-desktop report --sign``: the periodic report is made and signed in one command (PKCS#12),
the signature is accepted by the verifier, and the period is locked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

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


def _images(folder: Path) -> tuple[Path, Path]:
    """A handwritten signature (blue strokes, transparent) and a red round seal, as PNG files."""
    from PIL import Image, ImageDraw

    sig = Image.new("RGBA", (360, 140), (0, 0, 0, 0))
    d = ImageDraw.Draw(sig)
    d.line([(20, 100), (80, 30), (120, 110), (170, 40), (230, 100), (330, 60)], fill=(20, 40, 160, 255), width=6)
    seal = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    d = ImageDraw.Draw(seal)
    d.ellipse((10, 10, 290, 290), outline=(200, 20, 20, 255), width=14)
    d.ellipse((60, 60, 240, 240), outline=(200, 20, 20, 255), width=6)
    d.regular_polygon((150, 150, 45), 5, fill=(200, 20, 20, 255))
    paths = folder / "chu-ky.png", folder / "con-dau.png"
    sig.save(paths[0])
    seal.save(paths[1])
    return paths


def test_issue_fills_number_and_date_and_adds_the_agency_signature(filled, pki, tmp_path, capsys, monkeypatch,
                                                                   texts):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    sig, seal = _images(tmp_path)
    dd = ["--data-dir", str(filled)]
    assert main([*dd, "settings", "set", "signature_image", str(sig)]) == 0
    assert main([*dd, "settings", "set", "seal_image", str(seal)]) == 0
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["chairman"].p12),
                          "--text", str(texts), "--date", "2019-07-02")
    assert code == 0, err
    signed = verify_pdf(pdf, [pki["ca"].cert])
    assert [s.field_name for s in signed.signatures] == ["ChuKy_ChuTich"]
    assert signed.signatures[0].signer == "Trần Thị Bích Ngọc"  # the certificate's name on the stamp

    issued = tmp_path / "bc-ban-hanh.pdf"
    code = main([*dd, "issue", str(pdf), "--number", "7/BC-UBND", "--date", "2019-06-20", "--p12",
                 str(pki["officer"].p12), "--out", str(issued)])
    assert code == 1 and "trước ngày kết thúc kỳ" in capsys.readouterr().err and not issued.exists()
    code = main([*dd, "issue", str(pdf), "--number", "7/BC-UBND", "--date", "2019-07-08", "--p12",
                 str(pki["officer"].p12), "--out", str(issued)])
    out = capsys.readouterr()
    assert code == 0, out.err
    fields = {k: str(v.get("/V") or "") for k, v in PdfReader(str(issued)).get_fields().items()}
    assert fields["so_van_ban_1"] == "07" and fields["ngay_1"] == "08" and fields["thang_1"] == "7"
    assert fields["nam_1"] == "2019" and fields["so_van_ban_2"] == "07"  # the appendix heading too
    result = verify_pdf(issued, [pki["ca"].cert])
    assert result.intact and result.trusted
    assert [s.field_name for s in result.signatures] == ["ChuKy_ChuTich", "ChuKy_CoQuan"]
    assert main([*dd, "verify", str(issued), "--trust", str(pki["ca"].pem)]) == 0
    shown = capsys.readouterr().out
    assert shown.count("NGUYÊN VẸN") == 2 and f"Mã băm dữ liệu của báo cáo: {read_data_hash(pdf)}" in shown
    if shutil.which("pdfsig"):
        res = subprocess.run(["pdfsig", str(issued)], capture_output=True, text=True, timeout=60)
        assert res.stdout.count("Signature is Valid") == 2
    assert main([*dd, "reports", "list"]) == 0
    assert "đã ban hành" in capsys.readouterr().out
    # the QR code cannot be filled with something else in between: the signer's signature, the last one
    # then, allows no change after it, so the clerk's step refuses the file
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from plan_desktop.signing.sign import fill_text_fields

    signed_qr = {k: str(v.get("/V") or "") for k, v in PdfReader(str(pdf)).get_fields().items()}["ma_qr_1"]
    w = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    fill_text_fields(w, {"ma_qr": signed_qr.replace(read_data_hash(pdf), "0" * 64), "so_van_ban": "99"})
    forged = tmp_path / "forged.pdf"
    out_buf = io.BytesIO()
    w.write(out_buf)
    forged.write_bytes(out_buf.getvalue())
    assert main([*dd, "issue", str(forged), "--number", "9", "--date", "2019-07-08", "--p12",
                 str(pki["officer"].p12), "--out", str(tmp_path / "forged-issued.pdf")]) == 1
    assert "đã bị sửa sau khi ký" in capsys.readouterr().err and not (tmp_path / "forged-issued.pdf").exists()
    # once issued, never again; a changed byte after issuing is seen
    assert main([*dd, "issue", str(issued), "--number", "8", "--date", "2019-07-09", "--p12",
                 str(pki["officer"].p12)]) == 1
    assert "đã được cấp số" in capsys.readouterr().err
    # the QR code on the last page was redrawn with the number and date: a printed copy of the issued report
    # carries them, and the same data hash ``verify`` prints
    qr_now = fields["ma_qr_1"]
    assert qr_now == f"plan_desktop|don_vi=13597|ky=2019-H1|so=07/BC-UBND|ngay=2019-07-08|sha256={read_data_hash(pdf)}"
    before = {k: str(v.get("/V") or "") for k, v in PdfReader(str(pdf)).get_fields().items()}["ma_qr_1"]
    assert "|so=|ngay=2019-07-02|" in before  # what the chairman signed: no number yet
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(issued), str(tmp_path / "trang")], check=True)
        assert len(list(tmp_path.glob("trang-*.png"))) >= 2
        if shutil.which("zbarimg"):
            for name, expected in ((pdf, before), (issued, qr_now)):
                subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "2", str(name), str(tmp_path / name.stem)],
                               check=True)
                last = max(tmp_path.glob(f"{name.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
                read = subprocess.run(["zbarimg", "-q", "--raw", str(last)], capture_output=True, text=True).stdout
                assert read.strip() == expected, name.name
        import os

        if os.environ.get("PLAN_DESKTOP_SHOTS"):
            shutil.copy(issued, os.path.join(os.environ["PLAN_DESKTOP_SHOTS"], "issued_with_seal.pdf"))


def test_issue_refuses_an_unsigned_report_and_a_number_other_than_the_printed_one(filled, pki, tmp_path, capsys,
                                                                                  monkeypatch, texts):
    monkeypatch.setenv("PLAN_DESKTOP_P12_PASSPHRASE", PASSPHRASE)
    dd = ["--data-dir", str(filled)]
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--text", str(texts), "--number", "12",
                          "--date", "2019-07-02")
    assert code == 0, err
    assert main([*dd, "issue", str(pdf), "--number", "12", "--date", "2019-07-02", "--p12",
                 str(pki["officer"].p12)]) == 1
    assert "chưa được người có thẩm quyền ký số" in capsys.readouterr().err
    assert main([*dd, "sign", str(pdf), "--period", "2019-H1", "--p12", str(pki["chairman"].p12)]) == 0
    capsys.readouterr()
    assert main([*dd, "issue", str(pdf), "--number", "13", "--date", "2019-07-02", "--p12",
                 str(pki["officer"].p12)]) == 1
    assert "đã ghi số 12/BC-UBND" in capsys.readouterr().err
    assert main([*dd, "issue", str(pdf), "--number", "12/BC-UBND", "--date", "2019-07-02", "--p12",
                 str(pki["officer"].p12)]) == 0
    assert verify_pdf(pdf).intact and len(verify_pdf(pdf).signatures) == 2


def test_an_unfinished_report_is_refused_before_the_passphrase_is_asked(filled, pki, tmp_path, capsys,
                                                                         monkeypatch):
    monkeypatch.delenv("PLAN_DESKTOP_P12_PASSPHRASE", raising=False)
    pdf = tmp_path / "bc.pdf"
    code, _, err = report(capsys, filled, "--out", str(pdf), "--sign", "--p12", str(pki["chairman"].p12))
    assert code == 1 and "chưa hoàn chỉnh" in err and "mật khẩu" not in err.lower(), err
    assert not pdf.exists() and not list(tmp_path.glob(".bc*"))
