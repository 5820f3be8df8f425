"""Tests for plan_desktop.domain.text: normalisation, search keys, Vietnamese formatting."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest

from plan_desktop.domain.text import (
    clean_text,
    fold,
    format_date_vi,
    format_int_vi,
    format_money_vi,
    format_percent_vi,
    nfc,
)

COMPOSED = "Đặng"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_decomposed_input_is_really_decomposed():
    assert DECOMPOSED != COMPOSED and len(DECOMPOSED) > len(COMPOSED)


def test_nfc_composes():
    assert nfc(DECOMPOSED) == COMPOSED


def test_clean_text_composes_decomposed_input():
    assert clean_text(DECOMPOSED) == COMPOSED
    assert clean_text(f"  {unicodedata.normalize('NFD', 'Nguyễn Thị Ánh')} ") == "Nguyễn Thị Ánh"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("\xa0\t\n ", None),
        ("  Xã   Đồng\tLý  ", "Xã Đồng Lý"),
        ("\xa0Nguyễn\xa0\xa0Văn A\xa0", "Nguyễn Văn A"),
        ("\ufeffHà Nam\u200b", "Hà Nam"),
        ("dòng 1  \n   dòng 2", "dòng 1\ndòng 2"),
        ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"),
        ("đoạn 1\n\nđoạn 2", "đoạn 1\n\nđoạn 2"),
        ("\n\n  ghi chú \n", "ghi chú"),
    ],
)
def test_clean_text_whitespace(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đặng", "dang"),
        ("ĐĂNG", "dang"),
        ("dang", "dang"),
        (DECOMPOSED, "dang"),
        ("Nguyễn Thị Ánh", "nguyen thi anh"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "nguyen thi anh"),
        ("  Xã   Đồng\xa0Lý\n", "xa dong ly"),
        ("Thị trấn Vĩnh Trụ", "thi tran vinh tru"),
        ("ƯỚC LƯỢNG ĐỘ ẨM", "uoc luong do am"),
        ("13597", "13597"),
        ("ABC  def", "abc def"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(raw, expected):
    assert fold(raw) == expected


def test_fold_equalities_from_the_spec():
    assert fold("Đặng") == fold("ĐĂNG") == fold("dang") == "dang"


def test_fold_every_vietnamese_letter_becomes_ascii():
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    for ch in letters + letters.upper():
        assert fold(ch).isascii() and fold(ch).isalpha(), ch


def test_fold_long_text():
    text = "Nguyễn Thị Ánh, xã Đồng Lý, huyện Lý Nhân. " * 2000  # ~90 000 characters
    key = fold(text)
    assert key.count("nguyen thi anh") == 2000
    assert key.startswith("nguyen thi anh, xa dong ly")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1250, "1.250"),
        (1250000, "1.250.000"),
        (-3000, "-3.000"),
        (1234567890, "1.234.567.890"),
        (2.5, "3"),
        (Decimal("1999.4"), "1.999"),
    ],
)
def test_format_int_vi(n, expected):
    assert format_int_vi(n) == expected


def test_format_money_vi():
    assert format_money_vi(1250000) == "1.250.000 đ"
    assert format_money_vi(0) == "0 đ"


@pytest.mark.parametrize(
    ("x", "digits", "expected"),
    [
        (12.5, 1, "12,5 %"),
        (75.0, 1, "75 %"),
        (75, 1, "75 %"),
        (100.0, 1, "100 %"),
        (33.333, 1, "33,3 %"),
        (66.666, 1, "66,7 %"),
        (12.45, 1, "12,5 %"),
        (12.5, 0, "13 %"),
        (12.5, 2, "12,50 %"),
        (0.0, 1, "0 %"),
        (-0.01, 1, "0 %"),
        (-5.5, 1, "-5,5 %"),
        (1250.5, 1, "1.250,5 %"),
    ],
)
def test_format_percent_vi(x, digits, expected):
    assert format_percent_vi(x, digits) == expected


def test_format_percent_vi_default_digits():
    assert format_percent_vi(12.54) == "12,5 %"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2017, 1, 5), "05/01/2017"),
        (datetime(2017, 1, 5, 8, 30), "05/01/2017"),
        ("2017-01-05", "05/01/2017"),
        (" 2017-01-05 ", "05/01/2017"),
        ("2017-01-05T08:30:00", "05/01/2017"),
        (None, ""),
        ("", ""),
        ("không rõ", "không rõ"),
    ],
)
def test_format_date_vi(d, expected):
    assert format_date_vi(d) == expected
