"""English for the program's strings (Vietnamese is the source language). Used by ``update.py``."""

EN = {
    # issue 17: entry that cannot go wrong silently
    "«{label}» là {value}, nằm ngoài thời gian của Kế hoạch ({first}–{last}).":
        "«{label}» is {value}, outside the plan's years ({first}–{last}).",
    "«{label}» là {value}, nằm ngoài kỳ đang xem ({period}): sau khi lưu, bản ghi sẽ không hiện trong danh sách này.":
        "«{label}» is {value}, outside the period shown ({period}): once saved, the record will not appear in this "
        "list.",
    "Ngày nằm ngoài kỳ": "Date outside the period",
    "Vẫn lưu với ngày này?": "Save with this date anyway?",
    # issue 15: signer identity, issuing by the clerk
    "(không dùng ảnh)": "(no image)",
    "Bỏ": "Clear",
    "Cấp số, ban hành báo cáo": "Number and issue the report",
    "ví dụ 15/BC-UBND": "e.g. 15/BC-UBND",
    "Ngày ban hành:": "Date of issue:",
    "Cấp số và ký số cơ quan": "Number it and add the agency's signature",
    "Cấp số, ban hành…": "Number and issue…",
    "Số, ngày văn bản": "Number, date",
    "Văn thư ghi số, ngày văn bản vào báo cáo đã ký và ký số của cơ quan (kèm ảnh con dấu nếu có).":
        "The clerk writes the document number and date into the signed report and adds the agency's digital "
        "signature (with the seal image, if set).",
    "Sau khi ký, số liệu của kỳ {period} bị khóa: không thêm, sửa, xóa được bản ghi của kỳ này cho đến khi người có "
    "thẩm quyền mở lại kỳ.":
        "Once signed, the records of period {period} are locked: none can be added, changed or deleted until "
        "someone authorised reopens the period.",
    "Chọn ảnh chữ ký (PNG nền trong suốt)": "Choose the signature image (PNG, transparent background)",
    "Chọn ảnh con dấu (PNG)": "Choose the seal image (PNG)",
    "Ảnh chữ ký tay:": "Handwritten signature image:",
    "Ảnh con dấu:": "Seal image:",
    "(chưa có — hãy ghi trong Cài đặt)": "(none yet — set it in Settings)",
    "Người ký (khối chữ ký):": "Signer (signature block):",
    "Chức vụ trên dấu chữ ký:": "Title on the signature stamp:",
    "Họ tên trên dấu chữ ký số lấy từ chứng thư số và phải trùng họ tên người ký. Mật khẩu và mã PIN không được lưu "
    "lại; mỗi lần ký chương trình sẽ hỏi lại.":
        "The name on the signature stamp comes from the certificate and must be the signer's name. Passphrases "
        "and PINs are never stored; the program asks for them each time.",
    # controller, dialogs
    "Không mở được dữ liệu": "Cannot open the data",
    "Bản sao lưu gần nhất còn tốt: {name}. Khôi phục dữ liệu từ bản này? Tệp bị hỏng được giữ lại bên cạnh.":
        "The newest good backup: {name}. Restore the data from it? The damaged file is kept beside it.",
    "Khôi phục bản sao lưu này": "Restore this backup",
    "Mật khẩu của người phê duyệt:": "The approver's password:",
    "Xem — {form}": "View — {form}",
    "Thêm mới — {form}": "New — {form}",
    "Sửa — {form}": "Edit — {form}",
    "<span style='color:#c62828'>*</span> bắt buộc nhập · Enter hoặc Ctrl+S: lưu · Esc: đóng":
        "<span style='color:#c62828'>*</span> required · Enter or Ctrl+S: save · Esc: close",
    "Đóng": "Close",
    "Lưu": "Save",
    "Hủy": "Cancel",
    "Chưa lưu: có {n} chỗ cần sửa (tô đỏ bên dưới).": "Not saved: {n} field(s) need fixing (marked in red below).",
    "Đóng mà không lưu?": "Close without saving?",
    "Bạn đã nhập hoặc sửa thông tin trong hộp thoại này. Đóng lại và bỏ những gì vừa nhập?":
        "You have typed or changed something in this dialog. Close it and discard what you typed?",
    # hosted pages (report, exchange)
    "Không mở được trang «{page}».": "Cannot open the page «{page}».",
    "Lỗi không mong đợi; chi tiết được ghi trong tệp nhật ký {path}.":
        "Unexpected error; the details are in the log file {path}.",
    "Thử lại": "Try again",
    "Trao đổi dữ liệu (USB)": "Data exchange (USB)",
    "Chức năng lập báo cáo định kỳ (6 tháng, năm) theo Kế hoạch 1295/KH-UBND đang được hoàn thiện và sẽ có "
    "trong phiên bản tới.<br><br>Trong lúc chờ, anh/chị vẫn nhập dữ liệu bình thường ở các trang bên trái; "
    "báo cáo sẽ được lập từ chính dữ liệu đó.":
        "Periodic reports (six-monthly, yearly) under Plan 1295/KH-UBND are being finished and will come in "
        "the next version.<br><br>Meanwhile, keep entering data on the pages on the left; the reports will be "
        "made from that data.",
    "Báo cáo": "Reports",
    "Đã lưu báo cáo: {path}": "Report saved: {path}",
    "Đã xuất dữ liệu: {path}": "Data exported: {path}",
    # help
    "Hướng dẫn sử dụng": "Help",
    # main window
    "Phòng, chống mại dâm — {unit}": "Prostitution prevention — {unit}",
    "&Tệp": "&File",
    "&Thoát": "&Quit",
    "&Đi đến": "&Go",
    "Chuyển giữa danh mục và nội dung": "Switch between navigation and content",
    "Trợ &giúp": "&Help",
    "&Hướng dẫn sử dụng": "&Help",
    "&Giới thiệu": "&About",
    "Giới thiệu": "About",
    "<b>Phòng, chống mại dâm</b> — phiên bản {version}<br>Chương trình thực hiện và báo cáo Kế hoạch "
    "1295/KH-UBND của UBND tỉnh Hà Nam (giai đoạn 2016–2020). Dữ liệu được lưu trên máy này.":
        "<b>Prostitution prevention</b> — version {version}<br>Carrying out and reporting on Plan 1295/KH-UBND "
        "of the Hà Nam People's Committee (2016–2020). The data is kept on this computer.",
    "Dữ liệu: {path}": "Data: {path}",
    "Kỳ hiện tại: {period}": "Current period: {period}",
    "Chưa xuất: {n} bản ghi": "Not exported: {n} records",
    # wizard
    "Cán bộ nhập liệu": "Data-entry officer",
    "Người dùng chương trình này; tên được ghi vào nhật ký mỗi lần thêm, sửa, xóa.":
        "The person using this program; the name is written to the log with every change.",
    "ví dụ: Công chức Văn hóa - Xã hội": "e.g. Culture and social affairs officer",
    "Họ và tên:": "Full name:",
    "Chức vụ:": "Position:",
    "Người ký báo cáo": "Report signer",
    "Khối chữ ký ở cuối báo cáo gửi cấp trên.": "The signature block at the end of reports to the level above.",
    "Thẩm quyền ký:": "Signing authority:",
    "Chức danh:": "Title:",
    "Họ và tên người ký:": "Signer's full name:",
    "Xem trước:": "Preview:",
    "(ký, đóng dấu)": "(signature, seal)",
    "Hoàn tất": "Finish",
    "Kiểm tra lại rồi nhấn «Hoàn tất». Có thể sửa các thông tin này trong Cài đặt.":
        "Check, then press Finish. All of this can be changed later in Settings.",
    "<p>Đơn vị: <b>{unit}</b> (mã {code})</p><p>Năm làm việc: <b>{year}</b></p><p>Cán bộ nhập liệu: "
    "<b>{officer}</b> — {title}</p><p>Người ký: {authority} / {position} / <b>{signer}</b></p><p>Thư mục dữ "
    "liệu: {folder}</p>":
        "<p>Unit: <b>{unit}</b> (code {code})</p><p>Working year: <b>{year}</b></p><p>Data-entry officer: "
        "<b>{officer}</b> — {title}</p><p>Signer: {authority} / {position} / <b>{signer}</b></p><p>Data folder: "
        "{folder}</p>",
    "Thiết lập chương trình phòng, chống mại dâm": "Set up the prostitution prevention program",
    "Tiếp theo >": "Next >",
    "< Quay lại": "< Back",
    "Không thiết lập được": "Set-up refused",
    "Đơn vị sử dụng chương trình": "Unit using the program",
    "Chọn xã (phường, thị trấn), huyện hoặc tỉnh mà máy tính này nhập và báo cáo số liệu.":
        "Pick the commune (ward, town), district or province this computer enters and reports data for.",
    "Xã, phường, thị trấn": "Commune, ward, town",
    "Huyện, thị xã, thành phố": "District, town, city",
    "Tỉnh": "Province",
    "Gõ tên xã để tìm (không cần dấu)…": "Type a commune name to search (marks optional)…",
    "Đã có dữ liệu nên không đổi được đơn vị; chỉ sửa được các thông tin khác.":
        "There is data already, so the unit cannot change; the other details can.",
    "Năm làm việc:": "Working year:",
    "Cấp:": "Level:",
    "Tỉnh:": "Province:",
    "Huyện:": "District:",
    "Tìm xã:": "Find commune:",
    "Xã:": "Commune:",
    "Đã chọn: {unit} (mã {code})": "Chosen: {unit} (code {code})",
    "Chưa chọn đơn vị.": "No unit chosen yet.",
    # overview
    "&Kỳ:": "&Period:",
    "Chỉ tiêu kế hoạch": "Plan indicators",
    "Tổng quan": "Overview",
    "Tổng quan — {unit}": "Overview — {unit}",
    "chưa có": "none yet",
    "Năm làm việc {year} · Lần xuất dữ liệu gần nhất: {when} · Bản ghi chưa xuất: {n}":
        "Working year {year} · Last export: {when} · Records not exported: {n}",
    "Chỉ tiêu kế hoạch {period} (Kế hoạch 1295/KH-UBND)": "Plan indicators, {period} (Plan 1295/KH-UBND)",
    "Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký).": "Could not compute the indicators (see the log file).",
    "Mục tiêu: {target}": "Target: {target}",
    "Đạt": "Met",
    "Chưa đạt": "Not yet",
    "Không có mục tiêu trong năm": "No target this year",
    "Không áp dụng": "Not applicable",
    "Chưa có số liệu": "No data yet",
    "Chưa có chỉ tiêu nào cho năm này.": "No indicators for this year.",
    "chưa có dữ liệu": "no data yet",
    "{n}/{m} tháng": "{n}/{m} months",
    "Số bản ghi {period}": "Records, {period}",
    "Mở danh sách": "Open the list",
    "Đơn vị cấp dưới có dữ liệu: {n}/{total}": "Units below with data: {n}/{total}",
    "Đã có dữ liệu trong kỳ": "Has data for the period",
    "Chưa có dữ liệu trong kỳ": "No data for the period yet",
    # lists
    "Bản ghi của {unit}: chỉ xem, không sửa được.": "Record of {unit}: view only, cannot be changed.",
    "Đơn vị": "Unit",
    "Thêm mới": "New",
    "Thêm một bản ghi mới (Ctrl+N)": "Add a new record (Ctrl+N)",
    "Sửa": "Edit",
    "Mở bản ghi đang chọn (Enter hoặc nhấp đúp)": "Open the selected record (Enter or double-click)",
    "Nhân bản": "Duplicate",
    "Tạo bản ghi mới giống bản ghi đang chọn (Ctrl+D)": "Make a new record like the selected one (Ctrl+D)",
    "Xóa": "Delete",
    "Xóa các bản ghi đang chọn (phím Delete)": "Delete the selected records (Delete key)",
    "Hoàn tác": "Undo",
    "Khôi phục các bản ghi vừa xóa (Ctrl+Z)": "Restore the records just deleted (Ctrl+Z)",
    "Thêm mới (của đơn vị mình)": "New (own unit)",
    "Kỳ: chỉ hiện các bản ghi trong kỳ này": "Period: show only the records in this period",
    "Kỳ: chỉ hiện những bản ghi còn hiệu lực trong kỳ này (đã bắt đầu, chưa kết thúc)":
        "Period: show only the records in force during this period (begun, not yet ended)",
    "Tìm (Ctrl+F) — không cần gõ dấu": "Search (Ctrl+F) — marks optional",
    "Ctrl+N: thêm · Enter: sửa · Delete: xóa · Ctrl+Z: hoàn tác · nhấp tiêu đề cột để sắp xếp":
        "Ctrl+N: new · Enter: edit · Delete: delete · Ctrl+Z: undo · click a column title to sort",
    "{n} bản ghi": "{n} records",
    "Xem": "View",
    "Đã lưu: {title}": "Saved: {title}",
    "Không xóa được bản ghi của đơn vị khác.": "Records of another unit cannot be deleted.",
    "Xóa bản ghi «{title}»?": "Delete the record “{title}”?",
    "Xóa {n} bản ghi đang chọn?": "Delete the {n} selected records?",
    "Có thể khôi phục ngay bằng nút «Hoàn tác» (Ctrl+Z).": "You can restore it at once with Undo (Ctrl+Z).",
    "Xác nhận xóa": "Confirm delete",
    "Không xóa được": "Cannot delete",
    "Đã xóa {n} bản ghi. Nhấn «Hoàn tác» (Ctrl+Z) để khôi phục.": "Deleted {n} record(s). Press Undo (Ctrl+Z) to restore.",
    "Không khôi phục được": "Cannot restore",
    "Đã khôi phục {n} bản ghi.": "Restored {n} record(s).",
    # settings
    "Theo lịch (1/1 – 31/12)": "Calendar (1 Jan – 31 Dec)",
    "Theo kỳ thống kê (15/12 năm trước – 14/12)": "Statistical (15 Dec of the year before – 14 Dec)",
    "Đơn vị:": "Unit:",
    "Thư mục dữ liệu:": "Data folder:",
    "Cán bộ và người ký báo cáo": "Officer and report signer",
    "Họ tên cán bộ nhập liệu:": "Data-entry officer:",
    "Thẩm quyền ký (TM.):": "Signing authority (on behalf of):",
    "Chức danh người ký:": "Signer's title:",
    "Họ tên người ký:": "Signer's name:",
    "Làm việc": "Work",
    "Cách tính kỳ báo cáo:": "Period boundaries:",
    "Ngôn ngữ giao diện:": "Interface language:",
    "Lưu cài đặt": "Save settings",
    "Mở lại trình thiết lập…": "Open the set-up wizard again…",
    "Cài đặt": "Settings",
    "Đã lưu cài đặt.": "Settings saved.",
    # editors
    "dd/mm/yyyy": "dd/mm/yyyy",
    "Chọn ngày trên lịch": "Pick the date on a calendar",
    "Có": "Yes",
    "Gõ để tìm…": "Type to search…",
    "(Không chọn)": "(None)",
    "(bản ghi đã xóa hoặc không tìm thấy)": "(deleted or missing record)",
    # crash
    "Đã xảy ra lỗi": "An error occurred",
    "Chương trình gặp một lỗi không mong muốn. Dữ liệu đã lưu vẫn còn nguyên.":
        "The program met an unexpected error. The data already saved is intact.",
    "(không ghi được tệp nhật ký)": "(the log file could not be written)",
    "Lỗi: {error}\n\nChi tiết đã được ghi vào tệp nhật ký:\n{path}\n\nHãy gửi tệp này cho người hỗ trợ kỹ thuật.":
        "Error: {error}\n\nThe details were written to the log file:\n{path}\n\nPlease send this file to technical support.",
    "Nội dung đang nhập trong hộp thoại vẫn được giữ; một bản nháp cũng được lưu tại:\n{path}":
        "What you were typing is still in its dialog; a draft was also saved at:\n{path}",
    # periods
    "Tất cả": "All",
    "Năm {year}": "Year {year}",
    # settings: backups and restore
    "Chương trình tự sao lưu toàn bộ dữ liệu khi mở lần đầu trong ngày, trước khi nhập gói dữ liệu và "
    "trước khi nâng cấp. Bản sao lưu nằm trong thư mục dữ liệu; nên chép thêm một bản ra USB mỗi tháng.":
        "The program backs up all data at the first start of each day, before importing a package and before "
        "an upgrade. Backups live in the data folder; copy one onto a USB stick every month as well.",
    " bản gần nhất": " most recent",
    "Giữ lại:": "Keep:",
    "Thời điểm": "Taken at",
    "Lý do": "Reason",
    "Dung lượng": "Size",
    "Sao lưu ngay": "Back up now",
    "Sao lưu ra USB…": "Back up to USB…",
    "Khôi phục bản đã chọn…": "Restore selected…",
    "Khôi phục từ tệp…": "Restore from file…",
    "Mở thư mục sao lưu": "Open backup folder",
    "tự động đầu ngày": "automatic, start of day",
    "trước khi nhập gói": "before a package import",
    "trước khi nâng cấp dữ liệu": "before a data upgrade",
    "do người dùng tạo": "made by the user",
    "trước khi khôi phục": "before a restore",
    "Đã sao lưu: {name}.": "Backed up: {name}.",
    "Sao lưu ra USB hoặc thư mục khác": "Back up to a USB stick or another folder",
    "Tệp sao lưu (*.sqlite)": "Backup file (*.sqlite)",
    "Đã sao lưu ra {path}.": "Backed up to {path}.",
    "Chọn tệp sao lưu để khôi phục": "Choose the backup file to restore",
    "Tệp sao lưu (*.sqlite);;Mọi tệp (*)": "Backup file (*.sqlite);;All files (*)",
    "Khôi phục dữ liệu": "Restore data",
    "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{name}»?\n\nDữ liệu hiện tại sẽ được sao lưu trước, nên vẫn "
    "lấy lại được nếu cần.":
        "Replace all current data with the backup «{name}»?\n\nThe current data is backed up first, so it can "
        "be brought back if needed.",
    "Đã khôi phục từ «{name}». Dữ liệu trước khi khôi phục được giữ trong bản sao lưu «{saved}».":
        "Restored from «{name}». The data as it was before is kept in the backup «{saved}».",
    "Chung": "General",
    "Sao lưu, khôi phục": "Backup, restore",
    # overview
    "không áp dụng cho cấp xã": "not applicable to a commune",
    # report list and signing
    "Kỳ báo cáo": "Period",
    "Trạng thái": "Status",
    "Người ký": "Signed by",
    "Ngày ký": "Signed on",
    "Tệp": "File",
    "Làm mới": "Refresh",
    "Kiểm tra chữ ký": "Verify signature",
    "Mở lại kỳ…": "Reopen period…",
    "Ký thêm…": "Countersign…",
    "Người ký thứ hai (chủ tịch) ký tiếp vào báo cáo đã ký; chữ ký trước vẫn giữ nguyên giá trị.":
        "The second signer (the chairman) signs the signed report too; the first signature stays valid.",
    "Lưu bản sao…": "Save a copy…",
    "Chép tệp báo cáo (đã ký) ra USB hoặc thư mục khác.": "Copy the (signed) report file to a USB stick or another folder.",
    "Chưa có báo cáo nào.": "No reports yet.",
    "Lưu bản sao báo cáo": "Save a copy of the report",
    "Mã băm dữ liệu trong tệp khác với mã băm lúc ký.": "The data hash in the file differs from the one at signing.",
    "Mở lại kỳ báo cáo": "Reopen the report period",
    "Lý do mở lại kỳ {0} (ghi vào nhật ký; báo cáo đã ký sẽ bị đánh dấu «đã bị thay thế»):":
        "Reason for reopening period {0} (written to the log; the signed report will be marked «superseded»):",
    "Ký số báo cáo": "Sign the report",
    "Tệp chứng thư số (.p12, .pfx)": "Certificate file (.p12, .pfx)",
    "Thiết bị ký số (USB token)": "Signing device (USB token)",
    "Đường dẫn tệp .p12 hoặc .pfx": "Path of the .p12 or .pfx file",
    "Chọn tệp…": "Choose file…",
    "Tệp chứng thư:": "Certificate file:",
    "Thư viện PKCS#11 do nhà cung cấp token cài đặt": "PKCS#11 library installed by the token vendor",
    "Chọn…": "Choose…",
    "Tìm thiết bị": "Find devices",
    "Thư viện:": "Library:",
    "Thiết bị:": "Device:",
    "Theo chứng thư số": "As in the certificate",
    "Họ tên trên dấu chữ ký:": "Name on the signature stamp:",
    "Mật khẩu và mã PIN không được lưu lại; mỗi lần ký chương trình sẽ hỏi lại.":
        "Passphrases and PINs are never stored; the program asks each time you sign.",
    "Ký số": "Sign",
    "Mã PIN:": "PIN:",
    "Mật khẩu tệp chứng thư:": "Certificate file passphrase:",
    "Chọn tệp chứng thư số": "Choose the certificate file",
    "Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)": "Certificates (*.p12 *.pfx);;All files (*)",
    "Chọn thư viện PKCS#11 của thiết bị ký số": "Choose the PKCS#11 library of the signing device",
    "Không thấy thiết bị ký số nào: hãy cắm thiết bị (USB token) rồi thử lại.":
        "No signing device found: plug in the USB token and try again.",
    "Hãy chọn thư viện PKCS#11 và thiết bị ký số.": "Choose the PKCS#11 library and the signing device.",
    "Hãy chọn tệp chứng thư số (.p12, .pfx).": "Choose the certificate file (.p12, .pfx).",
    # report page
    "để trống nếu văn thư ghi số": "leave empty if the clerk numbers it",
    "Kỳ báo cáo:": "Period:",
    "Số văn bản:": "Document number:",
    "Ngày ký:": "Date of signing:",
    "Lưu bản nháp": "Save draft",
    "Xem trước": "Preview",
    "Để trống: báo cáo in đoạn gợi ý để cán bộ bổ sung.": "Left empty, the report prints a prompt for the officer to fill in.",
    "Lưu PDF…": "Save PDF…",
    "Lưu XLSX…": "Save XLSX…",
    "In…": "Print…",
    "Ký số…": "Sign…",
    "Lập báo cáo, lưu vào thư mục dữ liệu và ký số bằng tệp chứng thư hoặc thiết bị ký số (USB token). Sau khi "
    "ký, kỳ báo cáo bị khóa.":
        "Make the report, save it in the data folder and sign it with a certificate file or a USB token. Once "
        "signed, the report period is locked.",
    "Cần thành phần QtPdf (gói PySide6-Addons) để xem trước; vẫn lưu được PDF và XLSX.":
        "QtPdf (in the PySide6-Addons package) is needed for the preview; PDF and XLSX can still be saved.",
    "Đã mở lại kỳ {period}: có thể sửa số liệu, rồi lập và ký lại báo cáo.":
        "Period {period} reopened: the data can be corrected, then the report made and signed again.",
    "Các báo cáo đã lập": "Reports made",
    "III. Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)": "III. Overall assessment (strengths, shortcomings, causes)",
    "IV. Phương hướng, nhiệm vụ kỳ tới": "IV. Directions and tasks for the next period",
    "V. Kiến nghị, đề xuất": "V. Recommendations and proposals",
    "Chỉ ký số được báo cáo của chính đơn vị mình.": "Only your own unit's report can be signed.",
    "Bấm «Xem trước» để lập báo cáo với số liệu mới nhất.": "Press «Preview» to make the report with the latest data.",
    "Đã lưu bản nháp.": "Draft saved.",
    "Không lập được báo cáo: {error}": "Could not make the report: {error}",
    "{n} trang": "{n} pages",
    "Báo cáo lập từ {n} bản ghi. Mã kiểm tra dữ liệu: {hash}…": "Report made from {n} records. Data check code: {hash}…",
    "Đã lưu {name}.": "Saved {name}.",
    "Ký số báo cáo — {period}": "Sign the report — {period}",
    "Ký thêm (người ký thứ hai) — {period}": "Countersign (second signer) — {period}",
    "Đã ký số báo cáo ({name}, trong thư mục dữ liệu). Số liệu của kỳ này đã được khóa.":
        "Report signed ({name}, in the data folder). The data of this period is now locked.",
    "Lưu báo cáo PDF": "Save the report as PDF",
    "Lưu bảng số liệu XLSX": "Save the data tables as XLSX",
    "In báo cáo": "Print the report",
    "Đã ký số báo cáo: {path}": "Report signed: {path}",
    # wizard: setup file
    "Tệp thiết lập": "Setup file",
    "Đơn vị đã được thiết lập, nhưng chưa ghi nhận được khóa của cấp trên từ tệp: {error}":
        "The unit is set up, but the key of the level above could not be recorded from the file: {error}",
    "Mở tệp thiết lập do cấp trên gửi…": "Open a setup file from the level above…",
    "Huyện (thành phố) có thể lập sẵn tệp thiết lập cho xã: chọn tệp đó thay vì chọn đơn vị bằng tay.":
        "The district can prepare a setup file for the commune: choose that file instead of picking the unit by hand.",
    "Chọn tệp thiết lập": "Choose the setup file",
    "Tệp thiết lập (*.pdsetup);;Mọi tệp (*)": "Setup file (*.pdsetup);;All files (*)",
    "Đơn vị mã {code} trong tệp thiết lập không có trong danh mục năm {year}.":
        "The unit {code} of the setup file is not in the list of units of {year}.",
    "Theo tệp thiết lập của {issuer} (mã {code}). Dấu vân tay khóa của cấp trên: {fp} — hãy đọc lại qua điện "
    "thoại với cán bộ cấp trên để chắc chắn tệp đúng.":
        "From the setup file of {issuer} (code {code}). Key fingerprint of the level above: {fp} — read it back "
        "by phone with the officer there to be sure the file is genuine.",
    "Đơn vị đã được thiết lập, nhưng tệp thiết lập chưa được xác nhận: {error}":
        "The unit is set up, but the setup file is not confirmed: {error}",
    "Đơn vị đã được thiết lập. Tệp thiết lập của {issuer} đang chờ xác nhận mã khóa {key}: hãy gọi điện đối chiếu "
    "rồi bấm «Xác nhận» ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».":
        "The unit is set up. The setup file of {issuer} waits for its key code {key} to be confirmed: phone to "
        "compare, then press «Confirm» on the Data exchange page, keys tab.",
    "Mã khóa cấp trên đọc qua điện thoại:": "Key code the level above reads out by phone:",
    "Theo tệp thiết lập của {issuer} (mã {code}). Mã khóa trong tệp: {key} — hãy gọi điện cho cán bộ cấp trên, nhờ "
    "đọc mã khóa của họ và gõ vào ô dưới: nếu khớp, tệp được xác nhận ngay; để trống thì tệp chờ xác nhận ở trang "
    "«Trao đổi dữ liệu», thẻ «Khóa ký số».":
        "From the setup file of {issuer} (code {code}). Key code in the file: {key} — phone the officer there, "
        "ask them to read out their key code and type it below: if it matches, the file is confirmed at once; "
        "left empty, the file waits for confirmation on the Data exchange page, keys tab.",
    "Đã ghi {p}.\nKhi đơn vị mở tệp này, họ sẽ gọi điện: hãy đọc cho họ mã khóa của đơn vị mình:\n{f}":
        "Written {p}.\nWhen the unit opens this file they will phone: read them this unit's key code:\n{f}",
    # exchange page: keys held for confirmation
    "Đăng ký trước mã khóa của đơn vị": "Enrol a unit's key code in advance",
    "Chỉ đăng ký sau khi đã gọi điện cho đơn vị đó và nghe họ đọc mã khóa (16 ký tự).":
        "Enrol only after phoning that unit and hearing them read out their key code (16 characters).",
    "Mã khóa": "Key code",
    "Mã khóa của đơn vị (đọc qua điện thoại khi đơn vị khác hỏi):":
        "This unit's key code (read it out when another unit phones):",
    "Chờ xác nhận: tệp ký bằng khóa chưa được xác nhận (chưa nhập gì)":
        "Waiting for confirmation: files signed by an unconfirmed key (nothing imported)",
    "Mã khóa trong tệp": "Key code in the file",
    "Xác nhận (mã khớp)…": "Confirm (the code matches)…",
    "Từ chối (bỏ các tệp)": "Reject (discard the files)",
    "Khóa đã ghi nhận của các đơn vị khác:": "Keys on record for other units:",
    "Cách xác nhận": "How it was confirmed",
    "Đăng ký trước mã khóa của một đơn vị…": "Enrol a unit's key code in advance…",
    " (chờ tệp đầu tiên)": " (waiting for the first file)",
    " ({n} chờ xác nhận)": " ({n} to confirm)",
    "Không xác nhận được": "Could not confirm",
    "Không từ chối được": "Could not reject",
    "Xác nhận khóa": "Confirm a key",
    "Gọi điện cho {unit} và nhờ đọc mã khóa của họ.\nGõ mã nghe được (mã trong tệp: {code}):":
        "Phone {unit} and ask them to read out their key code.\nType the code you hear (code in the file: {code}):",
    "Đã xác nhận khóa của {unit}. Kết quả nhập các tệp đang chờ ở thẻ «Nhận gói dữ liệu».":
        "The key of {unit} is confirmed. The import of the waiting files is reported on the import tab.",
    "Từ chối khóa": "Reject a key",
    "Bỏ {n} tệp ký bằng khóa {code} (gửi dưới tên {unit})? Không nhập gì từ các tệp đó.":
        "Discard {n} file(s) signed by the key {code} (sent in the name of {unit})? Nothing of them is imported.",
    # exchange page
    "Lập biên nhận cho đơn vị cấp dưới": "Write a receipt for a unit below",
    "Tiếp nhận": "Accept",
    "Trả lại, lý do:": "Return, reason:",
    "Đăng ký lại khóa của đơn vị": "Re-enrol a unit's key",
    "Chỉ đăng ký sau khi đã gọi điện cho đơn vị đó và đọc đối chiếu đủ 30 chữ số.":
        "Enrol only after phoning that unit and reading back all 30 digits.",
    "Mã đơn vị": "Unit code",
    "Dấu vân tay": "Fingerprint",
    "Khóa ký số của đơn vị": "This unit's signing key",
    "Sao chép": "Copy",
    "Dấu vân tay (đọc qua điện thoại khi cấp trên hỏi):": "Fingerprint (read it out when the level above phones):",
    "Mã": "Code",
    "Dấu vân tay đã ghi nhận": "Fingerprint on record",
    "Đăng ký lại khóa của một đơn vị…": "Re-enrol a unit's key…",
    "Gửi dữ liệu lên cấp trên": "Send data to the level above",
    "Tìm lại ổ USB": "Look for USB drives again",
    "Chọn thư mục khác…": "Choose another folder…",
    "Ghi vào:": "Write to:",
    "Xuất toàn bộ dữ liệu (không chỉ phần thay đổi)": "Export all data (not only what changed)",
    "Xuất gói dữ liệu": "Export data package",
    "Gói số": "Package no.",
    "Ngày xuất": "Exported on",
    "Số bản ghi": "Records",
    "Tình trạng": "State",
    "Nhận gói dữ liệu, biên nhận": "Receive data packages, receipts",
    "Chọn cả thư mục…": "Choose a whole folder…",
    "In báo cáo nhập": "Print the import report",
    "Báo cáo nhập sẽ hiện ở đây.": "The import report will show here.",
    "Theo dõi đơn vị cấp dưới": "Units below",
    "Lập biên nhận…": "Write a receipt…",
    "Lập tệp thiết lập cho đơn vị cấp dưới…": "Write a setup file for a unit below…",
    "Chuyển danh sách của đơn vị đã giải thể…": "Move the rosters of an abolished unit…",
    "Cán bộ, cơ sở kinh doanh và mô hình hỗ trợ còn hoạt động của xã đã bị giải thể, sáp nhập được chuyển "
    "sang đơn vị kế thừa từ ngày sáp nhập (một lần, có ghi nhật ký); số liệu các năm trước không đổi.":
        "The officers, businesses and support models still active at a commune that was abolished or merged "
        "move to the unit that took it over, from the day of the merger (one step, audited); earlier years' "
        "figures do not change.",
    "{n} đơn vị đã bị giải thể còn cán bộ, cơ sở hoặc mô hình chưa chuyển sang đơn vị kế thừa: {units}.":
        "{n} abolished unit(s) still have officers, businesses or models not moved to their successor: {units}.",
    "Không chuyển được danh sách": "Could not move the rosters",
    "{a} (mã {c}) → {s} (mã {sc}): {o} cán bộ, {e} cơ sở, {m} mô hình":
        "{a} (code {c}) → {s} (code {sc}): {o} officers, {e} businesses, {m} models",
    "Chuyển danh sách": "Move rosters",
    "Đơn vị đã giải thể:": "Abolished unit:",
    "Chuyển {item}?\nCác bản ghi ở {a} kết thúc vào ngày {last}, bản ghi ở {s} bắt đầu từ ngày hôm sau; "
    "số liệu các năm trước không đổi.":
        "Move {item}?\nThe records at {a} end on {last}, those at {s} begin the next day; earlier years' "
        "figures do not change.",
    "Quý": "Quarter",
    "6 tháng": "Six months",
    "Năm": "Year",
    "Tháng": "Month",
    "Cả đơn vị cấp xã": "All communes",
    "Bảng theo dõi nhận gói — năm": "Packages received — year",
    " (chờ gói đầu tiên)": " (waiting for the first package)",
    "Bản ghi đã thay đổi, cấp trên chưa xác nhận: {n}": "Records changed and not yet acknowledged by the level above: {n}",
    "Đã gửi, chờ biên nhận": "Sent, awaiting receipt",
    "Cấp trên đã tiếp nhận": "Accepted by the level above",
    "Bị trả lại": "Returned",
    "Không thấy ổ USB nào — hãy cắm USB rồi bấm «Tìm lại ổ USB»":
        "No USB drive found — plug one in and press «Look for USB drives again»",
    "Gói gần nhất": "Last package",
    "Bản ghi": "Records",
    " · BC đã ký": " · signed report",
    "Không xuất được gói: {m}": "Could not export the package: {m}",
    "đã mã hóa cho cấp trên": "encrypted for the level above",
    "chưa mã hóa (chưa có khóa của cấp trên — sẽ có sau biên nhận đầu tiên hoặc tệp thiết lập)":
        "not encrypted (no key of the level above yet — it comes with the first receipt or a setup file)",
    "Đã xuất gói số {seq}: {n} bản ghi, {enc}.\nTệp: {path}\nCó thể rút USB ra an toàn sau khi hệ điều hành báo "
    "đã ghi xong.":
        "Exported package no. {seq}: {n} records, {enc}.\nFile: {path}\nThe USB stick can be removed safely once "
        "the system says writing is done.",
    "Chọn thư mục ghi gói dữ liệu": "Choose the folder to write the package to",
    "Không nhập được: {m}": "Could not import: {m}",
    "Không có tệp gói dữ liệu nào.": "No package files.",
    "Báo cáo đã lưu tại: {p}": "Report saved at: {p}",
    "Chọn gói dữ liệu hoặc biên nhận": "Choose data packages or receipts",
    "Gói dữ liệu, biên nhận": "Data packages, receipts",
    "Mọi tệp": "All files",
    "Chọn thư mục chứa các gói dữ liệu": "Choose the folder holding the packages",
    "Không lập được biên nhận": "Could not write the receipt",
    "Lập biên nhận": "Write a receipt",
    "Chưa nhận gói nào của đơn vị cấp dưới.": "No package received from the units below yet.",
    "Chọn nơi ghi biên nhận (ví dụ USB của đơn vị)": "Choose where to write the receipt (e.g. the unit's USB stick)",
    "Đã ghi biên nhận: {p}": "Receipt written: {p}",
    "Đơn vị cấp dưới:": "Unit below:",
    "Chọn nơi ghi tệp thiết lập": "Choose where to write the setup file",
    "Không lập được tệp thiết lập": "Could not write the setup file",
    "Đã ghi {p}.\nKhi đơn vị mở tệp này, hãy đọc cho họ dấu vân tay khóa của đơn vị mình:\n{f}":
        "Written {p}.\nWhen the unit opens this file, read them your unit's key fingerprint:\n{f}",
    "Không đăng ký được khóa": "Could not enrol the key",
    # settings: passwords; login
    "Bật bảo vệ bằng mật khẩu": "Turn on password protection",
    "Mỗi vai trò một mật khẩu, ít nhất {n} ký tự. Cán bộ nhập liệu nhập và sửa số liệu; người phê duyệt còn ký "
    "số báo cáo, mở lại kỳ đã khóa và tắt mật khẩu. Hãy ghi mật khẩu ra giấy, cất nơi an toàn: quên cả hai mật "
    "khẩu thì không mở được khóa bí mật của đơn vị.":
        "One password per role, at least {n} characters. The officer enters and corrects data; the approver also "
        "signs reports, reopens locked periods and turns passwords off. Write the passwords down and keep them "
        "safe: with both forgotten, the unit's private keys cannot be opened.",
    "Mật khẩu cán bộ nhập liệu:": "Officer's password:",
    "Nhập lại:": "Again:",
    "Mật khẩu người phê duyệt:": "Approver's password:",
    "Bật mật khẩu": "Turn passwords on",
    "Đổi hoặc tắt mật khẩu": "Change or turn off passwords",
    "Người phê duyệt": "Approver",
    "Đổi mật khẩu": "Change password",
    "Tắt mật khẩu…": "Turn passwords off…",
    "Mật khẩu của:": "Password of:",
    "Mật khẩu mới:": "New password:",
    "Đang bật bảo vệ bằng mật khẩu. Bạn đang làm việc với vai trò: {role}.":
        "Password protection is on. You are working as: {role}.",
    "Chưa đặt mật khẩu: ai mở máy cũng dùng được chương trình với đầy đủ quyền.":
        "No password set: anyone at this computer can use the program with full rights.",
    "người phê duyệt": "approver",
    "cán bộ nhập liệu": "officer",
    "Hai lần nhập mật khẩu không giống nhau.": "The two passwords typed differ.",
    "Đã bật mật khẩu. Lần mở chương trình sau sẽ hỏi mật khẩu.":
        "Passwords are on. The program will ask for one at the next start.",
    "Đã đổi mật khẩu của {role}.": "The {role}'s password was changed.",
    "Tắt mật khẩu": "Turn passwords off",
    "Tắt bảo vệ bằng mật khẩu? Sau đó ai mở máy cũng dùng được chương trình và khóa bí mật của đơn vị không còn "
    "được mã hóa.":
        "Turn password protection off? Anyone at this computer will then be able to use the program, and the "
        "unit's private keys will no longer be encrypted.",
    "Đã tắt mật khẩu.": "Passwords are off.",
    "Đăng nhập — {unit}": "Log in — {unit}",
    "Dữ liệu của {unit} được bảo vệ bằng mật khẩu. Nhập mật khẩu của cán bộ nhập liệu hoặc của người phê duyệt.":
        "The data of {unit} is password-protected. Type the officer's or the approver's password.",
    "Mật khẩu:": "Password:",
    "Đăng nhập": "Log in",
    "Thoát": "Quit",
    "Đăng nhập: {role}": "Logged in: {role}",
    "Chỉ người phê duyệt mới được ký số báo cáo; hãy đăng nhập bằng mật khẩu của người phê duyệt.":
        "Only the approver may sign reports; log in with the approver's password.",
    "Mật khẩu": "Passwords",
    # the Excel/CSV menu of a list
    "Excel/CSV": "Excel/CSV",
    "Nhập bản ghi từ tệp Excel/CSV, xuất danh sách ra tệp": "Import records from an Excel/CSV file, export the list to a file",
    "Nhập từ tệp Excel/CSV…": "Import from an Excel/CSV file…",
    "Xuất danh sách đang xem ra Excel/CSV…": "Export the list shown to Excel/CSV…",
    "Lưu tệp mẫu để điền…": "Save a blank file to fill in…",
    "Không nhập được tệp": "The file was not imported",
    "… và {n} lỗi khác.": "… and {n} more mistakes.",
    "Tệp {name} có {n} lỗi nên chưa ghi bản ghi nào. Hãy sửa trong tệp rồi nhập lại:\n\n{first}":
        "{name} has {n} mistakes, so no record was written. Correct them in the file and import it again:\n\n{first}",
    "Đã nhập {n} bản ghi từ {name} (mới: {new}, cập nhật: {upd}, không đổi: {same}).":
        "Imported {n} records from {name} (new: {new}, updated: {upd}, unchanged: {same}).",
    "Nhập từ tệp": "Import from a file",
    "Nhập «{form}» từ tệp": "Import «{form}» from a file",
    "Bảng tính Excel hoặc CSV": "Excel or CSV spreadsheet",
    "Không xuất được tệp": "The file was not written",
    "Đã lưu tệp mẫu {name}: điền mỗi bản ghi một dòng rồi chọn «Nhập từ tệp Excel/CSV…».":
        "Saved the blank file {name}: fill in one record per row, then choose «Import from an Excel/CSV file…».",
    "Đã xuất {n} bản ghi ra {name}.": "Exported {n} records to {name}.",
    "Lưu tệp mẫu": "Save a blank file",
    "Xuất danh sách ra tệp": "Export the list to a file",
    "Bảng tính Excel": "Excel spreadsheet",
    "CSV (UTF-8)": "CSV (UTF-8)",
    "{form} - mẫu": "{form} - blank",
}

HELP_EN = (
    "<h3>Quick help</h3>"
    "<p>This program helps commune, district and province officers record and report on the plan against "
    "prostitution (1295/KH-UBND).</p>"
    "<h4>Entering data</h4><ul>"
    "<li>Pick a kind of record in the left column (e.g. “Communication activities”).</li>"
    "<li><b>Ctrl+N</b>: new record. <b>Enter</b> or double-click: open a record to edit it.</li>"
    "<li>In the dialog: <b>Tab</b> moves between fields, <b>Enter</b> or <b>Ctrl+S</b> saves, "
    "<b>Esc</b> closes. Fields marked <span style='color:#c62828'>*</span> are required.</li>"
    "<li>If something is wrong the field turns red with a note; fix it and save again.</li>"
    "<li><b>Delete</b>: delete the selected record; <b>Ctrl+Z</b> (Undo) restores the last deletion.</li>"
    "<li><b>Ctrl+D</b>: duplicate the selected record to enter a similar one quickly.</li></ul>"
    "<h4>Searching</h4><ul>"
    "<li><b>Ctrl+F</b>: go to the search box. Marks are optional: “dang” finds “Đặng”.</li>"
    "<li>Pick a period (year, half, quarter, month) to see only its records.</li>"
    "<li>Click a column title to sort.</li></ul>"
    "<h4>Moving around</h4><ul>"
    "<li><b>Ctrl+1</b> … <b>Ctrl+9</b>: jump between pages; <b>F6</b>: switch between the left column "
    "and the content.</li>"
    "<li><b>F1</b>: this help.</li></ul>"
    "<p>The data is kept on this computer, in the data folder shown in the status bar; the program makes "
    "a backup every day.</p>"
)

#: Qt's own strings in Vietnamese (Qt ships no Vietnamese translation): (context, source) -> Vietnamese
QTBASE_VI = {
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Save"): "Lưu",
    ("QPlatformTheme", "Save All"): "Lưu tất cả",
    ("QPlatformTheme", "Open"): "Mở",
    ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "Yes to &All"): "Có với &tất cả",
    ("QPlatformTheme", "&No"): "&Không",
    ("QPlatformTheme", "N&o to All"): "Không với tất &cả",
    ("QPlatformTheme", "Abort"): "Dừng",
    ("QPlatformTheme", "Retry"): "Thử lại",
    ("QPlatformTheme", "Ignore"): "Bỏ qua",
    ("QPlatformTheme", "Close"): "Đóng",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QPlatformTheme", "Discard"): "Bỏ",
    ("QPlatformTheme", "Help"): "Trợ giúp",
    ("QPlatformTheme", "Apply"): "Áp dụng",
    ("QPlatformTheme", "Reset"): "Đặt lại",
    ("QPlatformTheme", "Restore Defaults"): "Khôi phục mặc định",
    ("QMessageBox", "Show Details..."): "Xem chi tiết...",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết...",
    ("QMessageBox", "OK"): "Đồng ý",
    ("QMessageBox", "About Qt"): "Giới thiệu Qt",
    ("QWizard", "< &Back"): "< &Quay lại",
    ("QWizard", "&Next"): "&Tiếp",
    ("QWizard", "&Next >"): "&Tiếp theo >",
    ("QWizard", "&Finish"): "&Hoàn tất",
    ("QWizard", "Cancel"): "Hủy",
    ("QWizard", "Help"): "Trợ giúp",
    ("QWizard", "Go Back"): "Quay lại",
    ("QWizard", "Continue"): "Tiếp tục",
    ("QWizard", "Commit"): "Xác nhận",
    ("QWizard", "Done"): "Xong",
    ("QLineEdit", "&Undo"): "&Hoàn tác",
    ("QLineEdit", "&Redo"): "&Làm lại",
    ("QLineEdit", "Cu&t"): "&Cắt",
    ("QLineEdit", "&Copy"): "&Sao chép",
    ("QLineEdit", "&Paste"): "&Dán",
    ("QLineEdit", "Delete"): "Xóa",
    ("QLineEdit", "Select All"): "Chọn tất cả",
    ("QWidgetTextControl", "&Undo"): "&Hoàn tác",
    ("QWidgetTextControl", "&Redo"): "&Làm lại",
    ("QWidgetTextControl", "Cu&t"): "&Cắt",
    ("QWidgetTextControl", "&Copy"): "&Sao chép",
    ("QWidgetTextControl", "Copy &Link Location"): "Sao chép địa chỉ &liên kết",
    ("QWidgetTextControl", "&Paste"): "&Dán",
    ("QWidgetTextControl", "Delete"): "Xóa",
    ("QWidgetTextControl", "Select All"): "Chọn tất cả",
    ("QAbstractSpinBox", "&Select All"): "&Chọn tất cả",
    ("QAbstractSpinBox", "&Step up"): "&Tăng",
    ("QAbstractSpinBox", "Step &down"): "&Giảm",
    ("QCalendarWidget", "Today"): "Hôm nay",
    ("QCalendarWidget", "Previous Month"): "Tháng trước",
    ("QCalendarWidget", "Next Month"): "Tháng sau",
    ("QCalendarWidget", "Month"): "Tháng",
    ("QCalendarWidget", "Year"): "Năm",
    ("QCalendarWidget", "Week"): "Tuần",
    ("QDialogButtonBox", "OK"): "Đồng ý",
    ("QFileDialog", "Look in:"): "Tìm trong:",
    ("QFileDialog", "File &name:"): "&Tên tệp:",
    ("QFileDialog", "Files of type:"): "Loại tệp:",
    ("QFileDialog", "&Open"): "&Mở",
    ("QFileDialog", "&Save"): "&Lưu",
    ("QFileDialog", "&Choose"): "&Chọn",
    ("QFileDialog", "Open"): "Mở",
    ("QFileDialog", "Save As"): "Lưu thành",
    ("QFileDialog", "Find Directory"): "Chọn thư mục",
    ("QFileDialog", "Directory:"): "Thư mục:",
    ("QFileDialog", "New Folder"): "Thư mục mới",
    ("QFileDialog", "Back"): "Quay lại",
    ("QFileDialog", "Parent Directory"): "Thư mục cha",
    ("QFileDialog", "Create New Folder"): "Tạo thư mục mới",
    ("QFileDialog", "All Files (*)"): "Mọi tệp (*)",
    ("QFileSystemModel", "Name"): "Tên",
    ("QFileSystemModel", "Size"): "Kích thước",
    ("QFileSystemModel", "Date Modified"): "Ngày sửa",
    ("QFileSystemModel", "My Computer"): "Máy tính",
    ("QFileSystemModel", "Computer"): "Máy tính",
    ("QPrintDialog", "Print"): "In",
    ("QPrintDialog", "&Print"): "&In",
    ("QPrintPreviewDialog", "Print Preview"): "Xem trước khi in",
    ("QShortcut", "Ctrl"): "Ctrl",
    ("QShortcut", "Shift"): "Shift",
    ("QShortcut", "Alt"): "Alt",
    ("QShortcut", "Del"): "Del",
    ("QShortcut", "Delete"): "Delete",
    ("QShortcut", "Esc"): "Esc",
    ("QShortcut", "Return"): "Enter",
    ("QShortcut", "Enter"): "Enter",
}

# -- screens that fit, saved files, overview charts, board, plain words, token search (issue 17) ---------
EN.update({
    "Đã sao lưu lúc {when}.": "Backed up at {when}.",
    "Đã sao lưu ra {name}.": "Backed up to {name}.",
    "Thay toàn bộ dữ liệu hiện tại bằng {what}?\n\nDữ liệu hiện tại sẽ được sao lưu trước, nên vẫn lấy lại được nếu cần.":
        "Replace all the current data with {what}?\n\nThe current data are backed up first, so they can be "
        "brought back if needed.",
    "Khôi phục": "Restore",
    "bản sao lưu lúc {when}": "the backup made at {when}",
    "tệp «{name}»": "the file «{name}»",
    "Đã khôi phục dữ liệu từ {what}. Dữ liệu trước khi khôi phục được giữ trong một bản sao lưu mới (đầu danh sách).":
        "Restored the data from {what}. The data as they were before are kept in a new backup (top of the list).",
    "{name} — mã {code}": "{name} — code {code}",
    "Đã ghi biên nhận {name}.": "Wrote the receipt {name}.",
    "Đã ghi tệp thiết lập {name}.\nKhi đơn vị mở tệp này, họ sẽ gọi điện: hãy đọc cho họ mã khóa của đơn vị mình:\n{f}":
        "Wrote the setup file {name}.\nWhen the unit opens it, they will phone: read them your unit's key code:\n{f}",
    "Mã khóa của đơn vị": "The unit's key code",
    "Chưa có đơn vị cấp dưới nào.": "There are no units below yet.",
    "Chưa đến hạn nộp kỳ nào của năm {year}.": "No period of {year} is due yet.",
    "{period}: {n}/{total} đúng hạn": "{period}: {n}/{total} on time",
    "{n} muộn": "{n} late",
    "{n} chưa nhận": "{n} not received",
    "Đúng hạn": "On time",
    "Muộn": "Late",
    "Chưa nhận": "Not received",
    "Chưa đến hạn": "Not due yet",
    "Đúng hạn: nhận được trong {days} ngày sau khi hết kỳ": "On time: received within {days} days after the period",
    "Muộn: nhận sau hạn đó": "Late: received after that",
    "Chưa nhận: đã quá hạn mà chưa có gói": "Not received: past due and no package yet",
    "(dd/mm): ngày nhận gói đầu tiên sau khi hết kỳ · «BC đã ký»: gói có kèm báo cáo kỳ đó đã ký số":
        "(dd/mm): day the first package after the period came in · «BC đã ký»: the package carried the period's "
        "signed report",
    "Đã xuất gói số {seq} ({n} bản ghi).": "Exported package number {seq} ({n} records).",
    "Chưa xuất gói nào. Cắm USB, chọn ổ ở «Ghi vào», rồi bấm «Xuất gói dữ liệu» — các gói đã xuất và biên nhận của cấp trên sẽ hiện ở đây.":
        "No package exported yet. Plug in a USB stick, pick it under «Write to», then click «Export data package» — "
        "packages exported and the receipts of the level above will show here.",
    "Đã xuất dữ liệu: {name}": "Data exported: {name}",
    "Thêm cơ sở mới…": "New business…",
    "Thêm cán bộ mới…": "New officer…",
    "Thêm mới…": "New…",
    "Đã lưu": "Saved",
    "Mở tệp": "Open file",
    "Mở thư mục": "Open folder",
    "Phòng, chống mại dâm — Kế hoạch 1295": "Prostitution prevention — Plan 1295",
    "Dữ liệu lưu trên máy này": "Data kept on this computer",
    "Thư mục dữ liệu: {path}": "Data folder: {path}",
    "Biểu đồ": "Charts",
    "Cần thành phần QtCharts (gói PySide6-Addons) để vẽ biểu đồ.": "Charts need QtCharts (the PySide6-Addons package).",
    "Biểu đồ năm {year}": "Charts for {year}",
    "Chưa có số liệu năm {year} để vẽ biểu đồ.": "No data for {year} to chart yet.",
    "Chỉ tiêu (%) so với mục tiêu": "Indicators (%) against targets",
    "Kết quả": "Result",
    "Mục tiêu": "Target",
    "Chưa có chỉ tiêu tỉ lệ nào tính được": "No percentage indicator could be computed yet",
    "Số bản ghi theo tháng": "Records by month",
    "T{m}": "M{m}",
    "← Về {unit}": "← Back to {unit}",
    "Chưa có số liệu năm {year}. Nhập hoạt động ở trang «{form}» (Ctrl+2, rồi Thêm mới Ctrl+N) — các chỉ tiêu sẽ được tính khi có số liệu.":
        "No data for {year} yet. Enter activities on the page «{form}» (Ctrl+2, then New, Ctrl+N) — the indicators "
        "are computed once there are data.",
    "Chưa có số liệu năm {year}. Nhận gói dữ liệu của các đơn vị cấp dưới ở trang «Trao đổi dữ liệu (USB)», hoặc nhập số liệu của đơn vị mình ở trang «{form}».":
        "No data for {year} yet. Receive the packages of the units below on the page «Data exchange (USB)», or "
        "enter your own unit's data on the page «{form}».",
    "chưa có số liệu": "no data yet",
    "nhấp để xem số liệu của đơn vị này": "click to see this unit's figures",
    "Quý {roman}/{year}": "Q{n} {year}",
    "6 tháng đầu/{year}": "H1 {year}",
    "6 tháng cuối/{year}": "H2 {year}",
    "Tháng {month}/{year}": "{month}/{year}",
    "Không tìm thấy bản ghi nào khớp «{search}» trong {period}.": "No record matches «{search}» in {period}.",
    "Không tìm thấy bản ghi nào khớp «{search}».": "No record matches «{search}».",
    "Thử bỏ bớt từ, hoặc chọn kỳ «Tất cả».": "Try fewer words, or the period «All».",
    "Chưa có {form} nào trong {period}": "No {form} in {period} yet",
    "Chưa có {form} nào": "No {form} yet",
    "nhấn Thêm mới (Ctrl+N) để nhập, hoặc chọn kỳ khác.": "click New (Ctrl+N) to enter one, or pick another period.",
    "số liệu của đơn vị cấp dưới đến từ các gói dữ liệu họ gửi; nhấn Thêm mới (Ctrl+N) để nhập của đơn vị mình.":
        "the units below send theirs in data packages; click New (Ctrl+N) to enter your own unit's.",
    "Chưa có báo cáo nào. Lập báo cáo ở thẻ «Xem trước», rồi bấm «Ký số…» để ký và lưu vào danh sách này.":
        "No report yet. Make one on the «Preview» tab, then click «Sign…» to sign it and keep it in this list.",
    "Đã lưu bản sao {name}.": "Saved the copy {name}.",
    "Báo cáo lập từ {n} bản ghi.": "Report made from {n} records.",
    "Mã kiểm tra dữ liệu (chi tiết): {hash}": "Data check code (details): {hash}",
    "Đã lưu báo cáo: {name}": "Report saved: {name}",
    "Đã ký số báo cáo: {name}": "Report signed: {name}",
    "Cài đặt chưa lưu": "Settings not saved",
    "Các thay đổi trong trang Cài đặt chưa được lưu. Lưu lại trước khi rời trang?":
        "The changes on the Settings page are not saved. Save them before leaving the page?",
    "Không lưu": "Don't save",
    "Tìm lại": "Search again",
    "Cắm thiết bị ký số (USB token) rồi bấm để tìm lại": "Plug in the signing token (USB), then click to search again",
    "Thiết bị khác…": "Another device…",
    "Chỉ khi chương trình không tự tìm thấy thiết bị: chọn tệp thư viện do phần mềm của nhà cung cấp chứng thư số cài đặt":
        "Only when the program does not find the device: choose the library file the certificate provider's "
        "software installed",
    "Đã tìm thấy {n} thiết bị ký số đang cắm vào máy.": "Found {n} signing device(s) plugged in.",
    "Không thấy thiết bị ký số nào. Hãy cắm thiết bị (USB token), chờ đèn sáng rồi bấm «Tìm lại». Nếu vẫn không thấy, bấm «Thiết bị khác…».":
        "No signing device found. Plug in the token (USB), wait for its light, then click «Search again». If it is "
        "still not found, click «Another device…».",
    "Chưa chọn thiết bị ký số: hãy cắm thiết bị (USB token) rồi bấm «Tìm lại».":
        "No signing device chosen: plug in the token (USB), then click «Search again».",
    "Chỉ tiêu này không áp dụng cho cấp xã.": "This indicator does not apply to communes.",
})
