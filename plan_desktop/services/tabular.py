"""CSV/XLSX import of records, all or nothing, and CSV/XLSX export of a list that imports again.

The header row holds field names (the Vietnamese labels are accepted too). ``choices`` cells are
codes separated by ``;``; booleans ``1/0``, ``true/false`` or ``có/không``; dates ``YYYY-MM-DD`` or
``dd/mm/yyyy``; numbers may carry ``.`` thousands separators. An ``id`` column gives records their
UUID, so re-importing a row with a known id updates it. If any row is invalid nothing is written and
every bad row is reported as ``dòng N, <nhãn trường>: <lý do>``.
"""

from __future__ import annotations

import codecs
import csv
import os
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plan_desktop import paths
from plan_desktop.domain.forms import COMMON_FIELDS, FieldDef, FormDef
from plan_desktop.domain.text import FORMULA_START, clean_text, fold, protect_formula
from plan_desktop.domain.validation import FieldIssue, is_uuid
from plan_desktop.services.records import Change, RecordService
from plan_desktop.store import Query, Store, audit
from plan_desktop.usererror import UserError

MAX_CSV_BYTES = 200 * 1024 * 1024  # 200 MB of text
MAX_XLSX_BYTES = 100 * 1024 * 1024  # compressed
MAX_XLSX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_ERRORS_SHOWN = 200


class ImportFileError(UserError, ValueError):
    """The file itself cannot be read (Vietnamese message); nothing was written."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    #: the record errors among ``errors`` as (line, issue), to say them in the window's language
    issues: list[tuple[int, FieldIssue]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_for(self, lang: str) -> list[str]:
        """``errors`` in the window's language (the file-level ones stay Vietnamese)."""
        if lang != "en" or not self.issues:
            return self.errors
        return [_row_error(line, issue, lang) for line, issue in self.issues]


def _row_error(line: int, issue: FieldIssue, lang: str = "vi") -> str:
    """``dòng N, <nhãn trường>: <lý do>`` (``line N, <label>: <reason>`` in English)."""
    where = f"line {line}" if lang == "en" else f"dòng {line}"
    message = issue.message_for(lang)
    return f"{where}, {message}" if issue.label else f"{where}: {message}"


def _csv_encoding(path: Path) -> str:
    """How a CSV file is encoded: UTF-8 (with or without BOM), else Windows-1258, which Vietnamese Excel
    writes for «CSV (Comma delimited)». Read in pieces (bounded memory); neither is refused."""
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    offset, bad_at = 0, None
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_at = offset + exc.start
                break
            offset += len(chunk)
        else:
            try:
                utf8.decode(b"", final=True)
                return "utf-8-sig"
            except UnicodeDecodeError:
                bad_at = offset
    cp1258 = codecs.getincrementaldecoder("cp1258")()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                cp1258.decode(chunk)
            except UnicodeDecodeError:
                raise ImportFileError(
                    f"Tệp {path.name} không phải văn bản UTF-8 hay Windows-1258 (lỗi ở byte {bad_at}). "
                    "Trong Excel hãy lưu dạng «CSV UTF-8 (Comma delimited)».",
                    en=f"The file {path.name} is not UTF-8 or Windows-1258 text (error at byte {bad_at}). "
                       "In Excel, save it as «CSV UTF-8 (Comma delimited)».",
                ) from None
    return "cp1258"


def _read_csv(path: Path) -> Iterator[list[str]]:
    """The rows of a CSV file, read as they are needed (a file of a million rows is never held whole)."""
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ImportFileError(f"Tệp {path.name} quá lớn ({size // 1_048_576} MB); giới hạn là 200 MB.",
                              en=f"The file {path.name} is too large ({size // 1_048_576} MB); the limit is 200 MB.")
    encoding = _csv_encoding(path)
    with path.open("rb") as raw:
        first_text = raw.readline(1 << 20).decode(encoding, errors="ignore")
    delim = max((",", ";", "\t"), key=first_text.count)
    compose = encoding != "utf-8-sig"  # Windows-1258 keeps tone marks apart: composed as typed (NFC)
    try:
        with path.open(encoding=encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=delim, strict=True)
            for row in reader:
                if any("\x00" in cell for cell in row):
                    raise ImportFileError(f"Tệp {path.name} chứa dữ liệu nhị phân, không phải tệp CSV.",
                                          en=f"The file {path.name} contains binary data; it is not a CSV file.")
                yield [unicodedata.normalize("NFC", c) for c in row] if compose else row
    except csv.Error as exc:
        raise ImportFileError(f"Tệp {path.name} có dòng CSV sai định dạng: {exc}.",
                              en=f"The file {path.name} has a badly formed CSV line: {exc}.") from None


def _read_xlsx(path: Path) -> Iterator[list[Any]]:
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        raise ImportFileError(f"Tệp {path.name} quá lớn ({size // 1_048_576} MB); giới hạn là 100 MB.",
                              en=f"The file {path.name} is too large ({size // 1_048_576} MB); the limit is 100 MB.")
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_XLSX_UNCOMPRESSED:
                raise ImportFileError(f"Tệp {path.name} khi giải nén quá lớn; có thể là tệp độc hại. Không nhập.",
                                      en=f"The file {path.name} is too large when uncompressed; it may be "
                                         "harmful. Not imported.")
            for info in zf.infolist():  # Excel never writes a DTD: entities are an attack (expansion, file reads)
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as member:
                        prolog = member.read(4096)
                    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                        raise ImportFileError(f"Tệp {path.name} chứa khai báo thực thể XML (DOCTYPE/ENTITY), điều "
                                              "tệp Excel thật không có; có thể là tệp độc hại. Không nhập.",
                                              en=f"The file {path.name} declares XML entities (DOCTYPE/ENTITY), "
                                                 "which a real Excel file does not; "
                                                 "it may be harmful. Not imported.")
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error, ValueError):
        raise ImportFileError(f"Tệp {path.name} không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.",
                              en=f"The file {path.name} is not a valid Excel (.xlsx) file, or it is damaged.") from None
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise ImportFileError(f"Không đọc được tệp Excel {path.name}: {exc}.",
                              en=f"Cannot read the Excel file {path.name}: {exc}.") from None
    try:
        ws = wb.worksheets[0]
        for row in ws.iter_rows(values_only=True):
            yield ["" if v is None else v for v in row]
    except ImportFileError:
        raise
    except Exception as exc:  # read lazily: a damaged member (bad CRC, broken XML) shows up here
        raise ImportFileError(f"Không đọc được tệp Excel {path.name}: tệp bị hỏng ({type(exc).__name__}).",
                              en=f"Cannot read the Excel file {path.name}: the file is damaged "
                                 f"({type(exc).__name__}).") from None
    finally:
        wb.close()


def read_rows(path: Path) -> Iterator[list[Any]]:
    if not path.exists():
        raise ImportFileError(f"Không tìm thấy tệp {path}.",
                              en=f"File not found: {path}.")
    try:
        paths.require_regular_file(path)  # a folder, a pipe or a device (/dev/zero) is never read
    except paths.NotARegularFileError as exc:
        raise ImportFileError(str(exc),
                              en=getattr(exc, "en", None) or str(exc)) from None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(path)
    raise ImportFileError(f"Không nhập được tệp {path.name}: chỉ nhận tệp .csv hoặc .xlsx.",
                          en=f"Cannot import the file {path.name}: only .csv or .xlsx files are accepted.")


def map_header(form: FormDef, header: list[Any]) -> list[str | None]:
    """Column index → field name (or 'id', or None for an ignored common column)."""
    by_key: dict[str, str] = {}
    for f in form.fields:
        by_key[f.name] = f.name
        by_key[fold(f.label)] = f.name
    mapping: list[str | None] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for cell in header:
        name = clean_text(str(cell)) or ""
        key = name if name in by_key or name in COMMON_FIELDS else fold(name)
        if key == "id":
            mapping.append("id")
        elif key in COMMON_FIELDS or not name:
            mapping.append(None)
        elif key in by_key:
            target = by_key[key]
            if target in seen:
                raise ImportFileError(f"Cột «{name}» xuất hiện hai lần trong dòng tiêu đề.",
                                      en=f"The column «{name}» appears twice in the header row.")
            seen.add(target)
            mapping.append(target)
        else:
            unknown.append(name)
            mapping.append(None)
    if unknown:
        known = "; ".join(f"{f.label} ({f.name})" for f in form.fields)
        raise ImportFileError(
            f"Dòng tiêu đề có cột không thuộc biểu mẫu «{form.label}»: {', '.join(unknown)}. "
            f"Các cột hợp lệ (tên cột hoặc mã trong ngoặc): id; {known}.",
            en=f"The header row has columns that are not in the form «{form.label}»: {', '.join(unknown)}. "
               f"Valid columns (column name or the code in brackets): id; {known}.",
        )
    if not seen:
        raise ImportFileError(f"Dòng tiêu đề không có cột nào của biểu mẫu «{form.label}».",
                              en=f"The header row has no column of the form «{form.label}».")
    # a required column missing is said once, not once per row
    missing = [f for f in form.fields if f.required and f.default is None and not f.generate and f.name not in seen]
    if missing:
        names = "; ".join(f"{f.label} ({f.name})" for f in missing)
        raise ImportFileError(
            f"Tệp thiếu cột bắt buộc của biểu mẫu «{form.label}»: {names}. Thêm cột đó vào dòng tiêu đề rồi nhập lại.",
            en=f"The file lacks required columns of the form «{form.label_for('en')}»: "
               + "; ".join(f"{f.label_for('en')} ({f.name})" for f in missing) + ". Add them to the header row.",
        )
    return mapping


#: Rows validated and written at a time. The whole file is still one transaction (all or nothing); a
#: batch only bounds what is held in memory (a million-row file imports in well under 300 MB).
IMPORT_BATCH = 5000
#: Past this many mistakes the file is not read further (they are said, with «and more»).
MAX_ERRORS = 1000


class _Refused(Exception):
    """Raised inside the import's transaction to roll every batch back."""


def import_file(service: RecordService, form_id: str, path: Path) -> ImportResult:
    """Import a CSV/XLSX file into one form, all or nothing.

    The file is read and written in batches of :data:`IMPORT_BATCH` rows inside one transaction: a
    mistake anywhere rolls everything back and every bad row is reported; memory stays bounded whatever
    the file's length."""
    form = service.store.forms[form_id]
    rows_iter = read_rows(Path(path))
    header = next(rows_iter, None)
    if header is None:
        raise ImportFileError(f"Tệp {Path(path).name} trống.",
                              en=f"The file {Path(path).name} is empty.")
    mapping = map_header(form, header)
    result = ImportResult()
    db = service.store.db
    run = _ImportRun(service, form, result, audit.chain_head(db)[0])
    try:
        with db.atomic():
            for line_no, cells in enumerate(rows_iter, start=2):
                if result.rows >= MAX_ROWS:
                    raise ImportFileError(f"Tệp có quá {MAX_ROWS:,} dòng; hãy chia nhỏ.".replace(",", "."),
                                          en=f"The file has more than {MAX_ROWS:,} rows; please split it.")
                if all((str(c).strip() == "") for c in cells):
                    continue
                if len(cells) > len(mapping) and any(str(c).strip() for c in cells[len(mapping):]):
                    run.error(f"dòng {line_no}: có nhiều ô hơn số cột của dòng tiêu đề.")
                    continue
                values: dict[str, Any] = {}
                rid: str | None = None
                for name, cell in zip(mapping, cells, strict=False):
                    if name == "id":
                        rid = (str(cell).strip().lower() or None)
                    elif name is not None:
                        values[name] = cell
                run.add(line_no, rid, values)
                if len(result.errors) >= MAX_ERRORS:
                    result.errors.append("… và có thể còn lỗi ở các dòng sau (chưa đọc tiếp).")
                    break
            run.flush()
            if result.errors:
                raise _Refused
    except _Refused:
        result.created = result.updated = 0
        service.notify(Change(form.id, (), "import"))  # a list shown meanwhile reads the data again
        return result
    return result


class _ImportRun:
    """The batches of one import: ids checked (a UUID, not repeated in the file), rows handed to
    :meth:`RecordService.write_many` :data:`IMPORT_BATCH` at a time, mistakes gathered."""

    def __init__(self, service: RecordService, form: FormDef, result: ImportResult, start_seq: int):
        self.service, self.form, self.result, self.start_seq = service, form, result, start_seq
        self.items: list[tuple[str | None, dict[str, Any]]] = []
        self.lines: list[int] = []

    def error(self, text: str) -> None:
        self.result.errors.append(text)

    def add(self, line_no: int, rid: str | None, values: dict[str, Any]) -> None:
        self.items.append((rid, values))
        self.lines.append(line_no)
        self.result.rows += 1
        if len(self.items) >= IMPORT_BATCH:
            self.flush()

    def flush(self) -> None:
        items, lines = self.items, self.lines
        self.items, self.lines = [], []
        if not items:
            return
        bad = False
        seen: dict[str, int] = {}
        for idx, (rid, _) in enumerate(items):
            if not rid:
                continue
            if not is_uuid(rid):
                self.error(f"dòng {lines[idx]}, id: \"{rid}\" không phải là mã UUID hợp lệ.")
                bad = True
            elif rid in seen:
                self.error(f"dòng {lines[idx]}, id: trùng với dòng {lines[seen[rid]]}.")
                bad = True
            seen.setdefault(rid, idx)
        for rid in self._written_by_this_import([r for r in seen if is_uuid(r)]):
            self.error(f"dòng {lines[seen[rid]]}, id: trùng với một dòng trước trong tệp.")
            bad = True
        if bad:
            return
        created, updated, issues = self.service.write_many(self.form.id, items, lines=lines)
        for idx, issue in issues:
            self.result.errors.append(_row_error(lines[idx], issue))
            self.result.issues.append((lines[idx], issue))
        self.result.created += created
        self.result.updated += updated

    def _written_by_this_import(self, ids: list[str]) -> list[str]:
        """Those of ``ids`` an earlier batch of this import wrote (their change mark is past the start)."""
        found = self.service.store.rows_by_ids(self.form, ids)
        return [rid for rid, row in found.items() if (row.get("change_seq") or 0) > self.start_seq]


# -- export ---------------------------------------------------------------------------------------------
EXPORT_SUFFIXES = (".xlsx", ".csv")


def export_value(fd: FieldDef, value: Any, *, for_csv: bool = False) -> Any:
    """A stored value the way an officer reads it and :func:`import_file` reads it back: có/không, a
    choice by its label, several choices by their labels separated by "; ", numbers as numbers, dates as
    dates (an XLSX date cell shown dd/mm/yyyy). In a CSV file a date is ISO ``2019-03-05``, which no
    spreadsheet reads with day and month swapped, and text that a spreadsheet would run as a formula
    (``=``, ``+``, ``-``, ``@``) starts with an apostrophe, which the import removes again."""
    if value is None or (fd.is_multi and not value):
        return ""
    if fd.type == "date":
        return value.isoformat() if for_csv else value
    if fd.type == "bool":
        return "có" if value else "không"
    if fd.type == "choice":
        return fd.choice_label(value)
    if fd.type == "choices":
        return "; ".join(fd.choice_label(c) for c in value)
    if fd.type == "refs":
        return "; ".join(value)
    if for_csv and isinstance(value, str):
        return protect_formula(value)
    return value


def export_file(store: Store, form: FormDef, query: Query | None, path: Path, *, with_unit: bool = False) -> int:
    """Write the records a list shows (``query``) to an XLSX or CSV file that opens in Excel and can be
    imported again: an ``id`` column (re-importing updates those records), the unit's code when the
    list holds several units' records, then one column per field headed by its Vietnamese label.
    Without ``query`` only the header row is written: a blank file to fill in and import.
    The file appears whole or not at all (written beside, then renamed). Returns the records written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ImportFileError(f"Chỉ xuất được tệp .xlsx hoặc .csv, không phải «{path.name}».",
                              en=f"Only .xlsx or .csv files can be exported, not «{path.name}».")
    header = ["id", *(["unit_code"] if with_unit else []), *(f.label for f in form.fields)]

    for_csv = suffix == ".csv"

    def lines() -> Iterator[list[Any]]:
        for row in store.rows(form, query) if query is not None else ():
            v = store.to_values(form, row)
            yield [v["id"], *([v["unit_code"]] if with_unit else []),
                   *(export_value(f, v[f.name], for_csv=for_csv) for f in form.fields)]

    tmp = path.with_name(path.name + ".part")
    n = 0
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM: Excel reads UTF-8
                w = csv.writer(fh)
                w.writerow(header)
                for line in lines():
                    w.writerow(line)
                    n += 1
        else:
            n = _write_xlsx(tmp, form, header, lines(), with_unit=with_unit)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ImportFileError(f"Không ghi được tệp {path}: {exc.strerror or exc}.",
                              en=f"Cannot write the file {path}: {exc.strerror or exc}.") from None
    return n


def xlsx_text_cell(ws: Any, value: str) -> Any:
    """A cell that holds ``value`` as text, whatever it looks like: ``=HYPERLINK(…)`` is not run as a
    formula, ``0012`` keeps its zeros when the cell is edited (Excel's «'» prefix, invisible)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    if value.startswith(FORMULA_START) or (value[:1].isdigit() and value.isdigit()):
        cell.quotePrefix = True
        cell.number_format = "@"
    return cell


def _write_xlsx(path: Path, form: FormDef, header: list[str], lines: Iterator[list[Any]], *,
                with_unit: bool = False) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(form.label[:31])  # Excel's limit for a sheet name
    ws.freeze_panes = "A2"
    for i, title in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 38 if title == "id" else min(45, max(12, len(title) + 2))
    bold = Font(bold=True)
    cells = []
    for title in header:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)
    kinds = ["id", *(["unit"] if with_unit else []), *(f.type for f in form.fields)]
    n = 0
    for line in lines:
        out: list[Any] = []
        for kind, value in zip(kinds, line, strict=True):
            if isinstance(value, str) and value and (value.startswith(FORMULA_START) or value[:1].isdigit()
                                                     or not value.isprintable()):
                out.append(xlsx_text_cell(ws, value))  # would run as a formula, lose its zeros or be refused
            elif kind == "date" and isinstance(value, date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "dd/mm/yyyy"
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        n += 1
    wb.save(path)
    return n
