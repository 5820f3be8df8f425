"""English for the program's strings (Vietnamese is the source language). Used by ``update.py``."""

EN = {
    # controller, dialogs
    "Không mở được dữ liệu": "Cannot open the data",
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
    # placeholders
    "Chức năng xuất dữ liệu ra USB để gửi cấp trên và nhận dữ liệu từ cấp dưới đang được hoàn thiện và sẽ có "
    "trong phiên bản tới.":
        "Exporting data to a USB stick for the level above, and importing from the level below, is being "
        "finished and will come in the next version.",
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
    "Chỉ tiêu kế hoạch năm {year} (Kế hoạch 1295/KH-UBND)": "Plan indicators {year} (Plan 1295/KH-UBND)",
    "Phần tính chỉ tiêu đang được hoàn thiện; các chỉ tiêu sẽ hiện ở đây.":
        "Indicator computation is being finished; the indicators will appear here.",
    "Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký).": "Could not compute the indicators (see the log file).",
    "Mục tiêu: {target}": "Target: {target}",
    "Đạt": "Met",
    "Chưa đạt": "Not yet",
    "Chưa có chỉ tiêu nào cho năm này.": "No indicators for this year.",
    "chưa có dữ liệu": "no data yet",
    "{n}/12 tháng": "{n}/12 months",
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
    "Đánh dấu để nhập ngày; bỏ dấu để để trống.": "Tick to enter a date; untick to leave it empty.",
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
