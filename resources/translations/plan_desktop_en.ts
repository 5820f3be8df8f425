<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="51" />
        <source>Bật bảo vệ bằng mật khẩu</source>
        <extracomment>emitted when protection was turned on or off or the role changed (the window shows the role)</extracomment>
        <translation>Turn on password protection</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="58" />
        <source>Mỗi vai trò một mật khẩu, ít nhất {n} ký tự. Cán bộ nhập liệu nhập và sửa số liệu; người phê duyệt còn ký số báo cáo, mở lại kỳ đã khóa và tắt mật khẩu. Hãy ghi mật khẩu ra giấy, cất nơi an toàn: quên cả hai mật khẩu thì không mở được khóa bí mật của đơn vị.</source>
        <translation>One password per role, at least {n} characters. The officer enters and corrects data; the approver also signs reports, reopens locked periods and turns passwords off. Write the passwords down and keep them safe: with both forgotten, the unit's private keys cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="63" />
        <source>Mật khẩu cán bộ nhập liệu:</source>
        <translation>Officer's password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="64" />
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="66" />
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="89" />
        <source>Nhập lại:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="65" />
        <source>Mật khẩu người phê duyệt:</source>
        <translation>Approver's password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="67" />
        <source>Bật mật khẩu</source>
        <translation>Turn passwords on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="73" />
        <source>Đổi hoặc tắt mật khẩu</source>
        <translation>Change or turn off passwords</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="76" />
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="77" />
        <source>Người phê duyệt</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="80" />
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="83" />
        <source>Tắt mật khẩu…</source>
        <translation>Turn passwords off…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="87" />
        <source>Mật khẩu của:</source>
        <translation>Password of:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="88" />
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="113" />
        <source>Đang bật bảo vệ bằng mật khẩu. Bạn đang làm việc với vai trò: {role}.</source>
        <translation>Password protection is on. You are working as: {role}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="116" />
        <source>Chưa đặt mật khẩu: ai mở máy cũng dùng được chương trình với đầy đủ quyền.</source>
        <translation>No password set: anyone at this computer can use the program with full rights.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="126" />
        <source>người phê duyệt</source>
        <translation>approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="126" />
        <source>cán bộ nhập liệu</source>
        <translation>officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="134" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords typed differ.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="157" />
        <source>Đã bật mật khẩu. Lần mở chương trình sau sẽ hỏi mật khẩu.</source>
        <translation>Passwords are on. The program will ask for one at the next start.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="172" />
        <source>Đã đổi mật khẩu của {role}.</source>
        <translation>The {role}'s password was changed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="178" />
        <source>Tắt mật khẩu</source>
        <translation>Turn passwords off</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="179" />
        <source>Tắt bảo vệ bằng mật khẩu? Sau đó ai mở máy cũng dùng được chương trình và khóa bí mật của đơn vị không còn được mã hóa.</source>
        <translation>Turn password protection off? Anyone at this computer will then be able to use the program, and the unit's private keys will no longer be encrypted.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="190" />
        <source>Đã tắt mật khẩu.</source>
        <translation>Passwords are off.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="62" />
        <source>Chương trình tự sao lưu toàn bộ dữ liệu khi mở lần đầu trong ngày, trước khi nhập gói dữ liệu và trước khi nâng cấp. Bản sao lưu nằm trong thư mục dữ liệu; nên chép thêm một bản ra USB mỗi tháng.</source>
        <extracomment>emitted after a restore (the path of the backup that keeps what was replaced)</extracomment>
        <translation>The program backs up all data at the first start of each day, before importing a package and before an upgrade. Backups live in the data folder; copy one onto a USB stick every month as well.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="69" />
        <source> bản gần nhất</source>
        <translation> most recent</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="73" />
        <source>Giữ lại:</source>
        <translation>Keep:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="75" />
        <source>Thời điểm</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="75" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="75" />
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="80" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="82" />
        <source>Sao lưu ra USB…</source>
        <translation>Back up to USB…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="83" />
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="85" />
        <source>Khôi phục từ tệp…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="86" />
        <source>Mở thư mục sao lưu</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="127" />
        <source>tự động đầu ngày</source>
        <translation>automatic, start of day</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="127" />
        <source>trước khi nhập gói</source>
        <translation>before a package import</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="128" />
        <source>trước khi nâng cấp dữ liệu</source>
        <translation>before a data upgrade</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="128" />
        <source>do người dùng tạo</source>
        <translation>made by the user</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="129" />
        <source>trước khi khôi phục</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="146" />
        <source>Đã sao lưu lúc {when}.</source>
        <translation>Backed up at {when}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="165" />
        <source>Đã sao lưu ra {name}.</source>
        <translation>Backed up to {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="200" />
        <source>Thay toàn bộ dữ liệu hiện tại bằng {what}?

Dữ liệu hiện tại sẽ được sao lưu trước, nên vẫn lấy lại được nếu cần.</source>
        <translation>Replace all the current data with {what}?

The current data are backed up first, so they can be brought back if needed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="203" />
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="204" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="154" />
        <source>Sao lưu ra USB hoặc thư mục khác</source>
        <translation>Back up to a USB stick or another folder</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="155" />
        <source>Tệp sao lưu (*.sqlite)</source>
        <translation>Backup file (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="176" />
        <source>Chọn tệp sao lưu để khôi phục</source>
        <translation>Choose the backup file to restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="177" />
        <source>Tệp sao lưu (*.sqlite);;Mọi tệp (*)</source>
        <translation>Backup file (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="183" />
        <source>bản sao lưu lúc {when}</source>
        <translation>the backup made at {when}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="184" />
        <source>tệp «{name}»</source>
        <translation>the file «{name}»</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="193" />
        <source>Đã khôi phục dữ liệu từ {what}. Dữ liệu trước khi khôi phục được giữ trong một bản sao lưu mới (đầu danh sách).</source>
        <translation>Restored the data from {what}. The data as they were before are kept in a new backup (top of the list).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="199" />
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="96" />
        <location filename="../../plan_desktop/ui/app.py" line="127" />
        <location filename="../../plan_desktop/ui/app.py" line="147" />
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="100" />
        <source>Bản sao lưu gần nhất còn tốt: {name}. Khôi phục dữ liệu từ bản này? Tệp bị hỏng được giữ lại bên cạnh.</source>
        <translation>The newest good backup: {name}. Restore the data from it? The damaged file is kept beside it.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="104" />
        <source>Khôi phục bản sao lưu này</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="106" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="116" />
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="117" />
        <source>Mật khẩu của người phê duyệt:</source>
        <translation>The approver's password:</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="151" />
        <source>Đã xảy ra lỗi</source>
        <extracomment>What the window says after the installation's message when its font is missing.</extracomment>
        <translation>An error occurred</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="152" />
        <source>Chương trình gặp một lỗi không mong muốn. Dữ liệu đã lưu vẫn còn nguyên.</source>
        <translation>The program met an unexpected error. The data already saved is intact.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="154" />
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="155" />
        <source>Lỗi: {error}

Chi tiết đã được ghi vào tệp nhật ký:
{path}

Hãy gửi tệp này cho người hỗ trợ kỹ thuật.</source>
        <translation>Error: {error}

The details were written to the log file:
{path}

Please send this file to technical support.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="158" />
        <source>Nội dung đang nhập trong hộp thoại vẫn được giữ; một bản nháp cũng được lưu tại:
{path}</source>
        <translation>What you were typing is still in its dialog; a draft was also saved at:
{path}</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="109" />
        <source>Xem — {form}</source>
        <translation>View — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="111" />
        <source>Thêm mới — {form}</source>
        <translation>New — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="113" />
        <source>Sửa — {form}</source>
        <translation>Edit — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="189" />
        <source>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; bắt buộc nhập · Enter hoặc Ctrl+S: lưu · Esc: đóng</source>
        <extracomment>the dialog opened from a picker's «Thêm … mới…» button, while it is open</extracomment>
        <translation>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; required · Enter or Ctrl+S: save · Esc: close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="194" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="197" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="202" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="320" />
        <source>Chưa lưu: có {n} chỗ cần sửa (tô đỏ bên dưới).</source>
        <translation>Not saved: {n} field(s) need fixing (marked in red below).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="366" />
        <source>«{label}» là {value}, nằm ngoài thời gian của Kế hoạch ({first}–{last}).</source>
        <translation>«{label}» is {value}, outside the plan's years ({first}–{last}).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="369" />
        <source>«{label}» là {value}, nằm ngoài kỳ đang xem ({period}): sau khi lưu, bản ghi sẽ không hiện trong danh sách này.</source>
        <translation>«{label}» is {value}, outside the period shown ({period}): once saved, the record will not appear in this list.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="394" />
        <source>Ngày nằm ngoài kỳ</source>
        <translation>Date outside the period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="395" />
        <source>Vẫn lưu với ngày này?</source>
        <translation>Save with this date anyway?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="432" />
        <source>Đóng mà không lưu?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="433" />
        <source>Bạn đã nhập hoặc sửa thông tin trong hộp thoại này. Đóng lại và bỏ những gì vừa nhập?</source>
        <translation>You have typed or changed something in this dialog. Close it and discard what you typed?</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="123" />
        <source>Lập biên nhận cho đơn vị cấp dưới</source>
        <translation>Write a receipt for a unit below</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="128" />
        <source>Tiếp nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="130" />
        <source>Trả lại, lý do:</source>
        <translation>Return, reason:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="134" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="221" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="236" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="158" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="195" />
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="130" />
        <source>Trao đổi dữ liệu (USB)</source>
        <extracomment>form ids whose records changed through an import (the host refreshes its lists) path of a package just written
----------
the status bar counts records not exported yet; the window refreshes it on this</extracomment>
        <translation>Data exchange (USB)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="211" />
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="236" />
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="246" />
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="253" />
        <source>Tìm lại ổ USB</source>
        <translation>Look for USB drives again</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="255" />
        <source>Chọn thư mục khác…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="257" />
        <source>Ghi vào:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="263" />
        <source>Xuất toàn bộ dữ liệu (không chỉ phần thay đổi)</source>
        <translation>Export all data (not only what changed)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="264" />
        <source>Xuất gói dữ liệu</source>
        <translation>Export data package</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="277" />
        <source>Gói số</source>
        <translation>Package no.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="277" />
        <source>Ngày xuất</source>
        <translation>Exported on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="277" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="507" />
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="278" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="288" />
        <source>Nhận gói dữ liệu, biên nhận</source>
        <translation>Receive data packages, receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="291" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="293" />
        <source>Chọn cả thư mục…</source>
        <translation>Choose a whole folder…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="295" />
        <source>In báo cáo nhập</source>
        <translation>Print the import report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="309" />
        <source>Báo cáo nhập sẽ hiện ở đây.</source>
        <translation>The import report will show here.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="314" />
        <source>Theo dõi đơn vị cấp dưới</source>
        <translation>Units below</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="317" />
        <source>Lập biên nhận…</source>
        <translation>Write a receipt…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="319" />
        <source>Lập tệp thiết lập cho đơn vị cấp dưới…</source>
        <translation>Write a setup file for a unit below…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="340" />
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="340" />
        <source>6 tháng</source>
        <translation>Six months</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="340" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="341" />
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="343" />
        <source>Cả đơn vị cấp xã</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="348" />
        <source>Bảng theo dõi nhận gói — năm</source>
        <translation>Packages received — year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="148" />
        <source>Đăng ký trước mã khóa của đơn vị</source>
        <translation>Enrol a unit's key code in advance</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="154" />
        <source>Chỉ đăng ký sau khi đã gọi điện cho đơn vị đó và nghe họ đọc mã khóa (16 ký tự).</source>
        <translation>Enrol only after phoning that unit and hearing them read out their key code (16 characters).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="159" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="236" />
        <source>Mã khóa</source>
        <translation>Key code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="203" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="774" />
        <source>Mã khóa của đơn vị</source>
        <translation>The unit's key code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="213" />
        <source>Mã khóa của đơn vị (đọc qua điện thoại khi đơn vị khác hỏi):</source>
        <translation>This unit's key code (read it out when another unit phones):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="218" />
        <source>Chờ xác nhận: tệp ký bằng khóa chưa được xác nhận (chưa nhập gì)</source>
        <translation>Waiting for confirmation: files signed by an unconfirmed key (nothing imported)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="221" />
        <source>Mã khóa trong tệp</source>
        <translation>Key code in the file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="221" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="222" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="227" />
        <source>Xác nhận (mã khớp)…</source>
        <translation>Confirm (the code matches)…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="229" />
        <source>Từ chối (bỏ các tệp)</source>
        <translation>Reject (discard the files)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="235" />
        <source>Khóa đã ghi nhận của các đơn vị khác:</source>
        <translation>Keys on record for other units:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="240" />
        <source>Đăng ký trước mã khóa của một đơn vị…</source>
        <translation>Enrol a unit's key code in advance…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="321" />
        <source>Chuyển danh sách của đơn vị đã giải thể…</source>
        <translation>Move the rosters of an abolished unit…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="324" />
        <source>Cán bộ, cơ sở kinh doanh và mô hình hỗ trợ còn hoạt động của xã đã bị giải thể, sáp nhập được chuyển sang đơn vị kế thừa từ ngày sáp nhập (một lần, có ghi nhật ký); số liệu các năm trước không đổi.</source>
        <translation>The officers, businesses and support models still active at a commune that was abolished or merged move to the unit that took it over, from the day of the merger (one step, audited); earlier years' figures do not change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="399" />
        <source> (chờ tệp đầu tiên)</source>
        <translation> (waiting for the first file)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="418" />
        <source>{n} đơn vị đã bị giải thể còn cán bộ, cơ sở hoặc mô hình chưa chuyển sang đơn vị kế thừa: {units}.</source>
        <translation>{n} abolished unit(s) still have officers, businesses or models not moved to their successor: {units}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="428" />
        <source>Không chuyển được danh sách</source>
        <translation>Could not move the rosters</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="441" />
        <source>{a} (mã {c}) → {s} (mã {sc}): {o} cán bộ, {e} cơ sở, {m} mô hình</source>
        <translation>{a} (code {c}) → {s} (code {sc}): {o} officers, {e} businesses, {m} models</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="444" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="449" />
        <source>Chuyển danh sách</source>
        <translation>Move rosters</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="444" />
        <source>Đơn vị đã giải thể:</source>
        <translation>Abolished unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="450" />
        <source>Chuyển {item}?
Các bản ghi ở {a} kết thúc vào ngày {last}, bản ghi ở {s} bắt đầu từ ngày hôm sau; số liệu các năm trước không đổi.</source>
        <translation>Move {item}?
The records at {a} end on {last}, those at {s} begin the next day; earlier years' figures do not change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="458" />
        <source>Bản ghi đã thay đổi, cấp trên chưa xác nhận: {n}</source>
        <translation>Records changed and not yet acknowledged by the level above: {n}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="461" />
        <source>Đã gửi, chờ biên nhận</source>
        <translation>Sent, awaiting receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="462" />
        <source>Cấp trên đã tiếp nhận</source>
        <translation>Accepted by the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="463" />
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="485" />
        <source>Không thấy ổ USB nào — hãy cắm USB rồi bấm «Tìm lại ổ USB»</source>
        <translation>No USB drive found — plug one in and press «Look for USB drives again»</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="507" />
        <source>Gói gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="514" />
        <source>{name} — mã {code}</source>
        <translation>{name} — code {code}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="730" />
        <source>Đã ghi biên nhận {name}.</source>
        <translation>Wrote the receipt {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="521" />
        <source> · BC đã ký</source>
        <translation> · signed report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="236" />
        <source>Cách xác nhận</source>
        <translation>How it was confirmed</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="279" />
        <source>Chưa xuất gói nào. Cắm USB, chọn ổ ở «Ghi vào», rồi bấm «Xuất gói dữ liệu» — các gói đã xuất và biên nhận của cấp trên sẽ hiện ở đây.</source>
        <translation>No package exported yet. Plug in a USB stick, pick it under «Write to», then click «Export data package» — packages exported and the receipts of the level above will show here.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="542" />
        <source>Chưa có đơn vị cấp dưới nào.</source>
        <translation>There are no units below yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="544" />
        <source>Chưa đến hạn nộp kỳ nào của năm {year}.</source>
        <translation>No period of {year} is due yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="547" />
        <source>{period}: {n}/{total} đúng hạn</source>
        <translation>{period}: {n}/{total} on time</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="550" />
        <source>{n} muộn</source>
        <translation>{n} late</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="552" />
        <source>{n} chưa nhận</source>
        <translation>{n} not received</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="556" />
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="556" />
        <source>Muộn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="556" />
        <source>Chưa nhận</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="557" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="568" />
        <source>Chưa đến hạn</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="564" />
        <source>Đúng hạn: nhận được trong {days} ngày sau khi hết kỳ</source>
        <translation>On time: received within {days} days after the period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="566" />
        <source>Muộn: nhận sau hạn đó</source>
        <translation>Late: received after that</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="567" />
        <source>Chưa nhận: đã quá hạn mà chưa có gói</source>
        <translation>Not received: past due and no package yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="571" />
        <source>(dd/mm): ngày nhận gói đầu tiên sau khi hết kỳ · «BC đã ký»: gói có kèm báo cáo kỳ đó đã ký số</source>
        <translation>(dd/mm): day the first package after the period came in · «BC đã ký»: the package carried the period's signed report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="594" />
        <source>Không xuất được gói: {m}</source>
        <translation>Could not export the package: {m}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="601" />
        <source>đã mã hóa cho cấp trên</source>
        <translation>encrypted for the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="605" />
        <source>Đã xuất gói số {seq}: {n} bản ghi, {enc}.
Tệp: {path}
Có thể rút USB ra an toàn sau khi hệ điều hành báo đã ghi xong.</source>
        <translation>Exported package no. {seq}: {n} records, {enc}.
File: {path}
The USB stick can be removed safely once the system says writing is done.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="623" />
        <source>Đã xuất gói số {seq} ({n} bản ghi).</source>
        <translation>Exported package number {seq} ({n} records).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="627" />
        <source>Chọn thư mục ghi gói dữ liệu</source>
        <translation>Choose the folder to write the package to</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="646" />
        <source>Không nhập được: {m}</source>
        <translation>Could not import: {m}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="655" />
        <source>Không có tệp gói dữ liệu nào.</source>
        <translation>No package files.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="658" />
        <source>Báo cáo đã lưu tại: {p}</source>
        <translation>Report saved at: {p}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="670" />
        <source>Chọn gói dữ liệu hoặc biên nhận</source>
        <translation>Choose data packages or receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="672" />
        <source>Gói dữ liệu, biên nhận</source>
        <translation>Data packages, receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="672" />
        <source>Mọi tệp</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="679" />
        <source>Chọn thư mục chứa các gói dữ liệu</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="698" />
        <source>Không lập được biên nhận</source>
        <translation>Could not write the receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="712" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="731" />
        <source>Lập biên nhận</source>
        <translation>Write a receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="712" />
        <source>Chưa nhận gói nào của đơn vị cấp dưới.</source>
        <translation>No package received from the units below yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="717" />
        <source>Chọn nơi ghi biên nhận (ví dụ USB của đơn vị)</source>
        <translation>Choose where to write the receipt (e.g. the unit's USB stick)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="738" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="755" />
        <source>Tệp thiết lập</source>
        <translation>Setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="738" />
        <source>Đơn vị cấp dưới:</source>
        <translation>Unit below:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="742" />
        <source>Chọn nơi ghi tệp thiết lập</source>
        <translation>Choose where to write the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="749" />
        <source>Không lập được tệp thiết lập</source>
        <translation>Could not write the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="753" />
        <source>Đã ghi tệp thiết lập {name}.
Khi đơn vị mở tệp này, họ sẽ gọi điện: hãy đọc cho họ mã khóa của đơn vị mình:
{f}</source>
        <translation>Wrote the setup file {name}.
When the unit opens it, they will phone: read them your unit's key code:
{f}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="776" />
        <source> ({n} chờ xác nhận)</source>
        <translation> ({n} to confirm)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="790" />
        <source>Không xác nhận được</source>
        <translation>Could not confirm</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="809" />
        <source>Không từ chối được</source>
        <translation>Could not reject</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="821" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="827" />
        <source>Xác nhận khóa</source>
        <translation>Confirm a key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="822" />
        <source>Gọi điện cho {unit} và nhờ đọc mã khóa của họ.
Gõ mã nghe được (mã trong tệp: {code}):</source>
        <translation>Phone {unit} and ask them to read out their key code.
Type the code you hear (code in the file: {code}):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="828" />
        <source>Đã xác nhận khóa của {unit}. Kết quả nhập các tệp đang chờ ở thẻ «Nhận gói dữ liệu».</source>
        <translation>The key of {unit} is confirmed. The import of the waiting files is reported on the import tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="835" />
        <source>Từ chối khóa</source>
        <translation>Reject a key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="836" />
        <source>Bỏ {n} tệp ký bằng khóa {code} (gửi dưới tên {unit})? Không nhập gì từ các tệp đó.</source>
        <translation>Discard {n} file(s) signed by the key {code} (sent in the name of {unit})? Nothing of them is imported.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="845" />
        <source>Không đăng ký được khóa</source>
        <translation>Could not enrol the key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="143" />
        <source>Đã xuất dữ liệu: {name}</source>
        <translation>Data exported: {name}</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="160" />
        <source>dd/mm/yyyy</source>
        <extracomment>(form_id) -&gt; list of (record id, title), for ref/refs pickers what a new record's required date starts at (inside the period the list shows); else today the unit that owns the record (placeholders such as HT-&lt;unit&gt;-0007) (form_id, editor): add a record of that form without leaving the dialog (the «Thêm … mới…» button of a ref/refs picker); the host calls ``editor.add_and_select(id, title)`` once it is saved sent when the officer leaves the field (the dialog then checks it)</extracomment>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="168" />
        <source>Chọn ngày trên lịch</source>
        <translation>Pick the date on a calendar</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="468" />
        <source>Có</source>
        <extracomment>where the arrow keys start from an empty box</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="511" />
        <source>Gõ để tìm…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="531" />
        <source>(Không chọn)</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="585" />
        <source>(bản ghi đã xóa hoặc không tìm thấy)</source>
        <translation>(deleted or missing record)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="617" />
        <source>Thêm cơ sở mới…</source>
        <translation>New business…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="618" />
        <source>Thêm cán bộ mới…</source>
        <translation>New officer…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="619" />
        <source>Thêm mới…</source>
        <translation>New…</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../plan_desktop/ui/files.py" line="62" />
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/files.py" line="68" />
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/files.py" line="71" />
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/files.py" line="74" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/help.py" line="26" />
        <source>Hướng dẫn sử dụng</source>
        <extracomment>the guide's parts (anchors of resources/help/*.html)</extracomment>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>ImageChooser</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="35" />
        <source>(không dùng ảnh)</source>
        <translation>(no image)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="36" />
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="37" />
        <source>Bỏ</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="318" />
        <source>Cấp số, ban hành báo cáo</source>
        <translation>Number and issue the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="321" />
        <source>ví dụ 15/BC-UBND</source>
        <translation>e.g. 15/BC-UBND</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="328" />
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="329" />
        <source>Ngày ban hành:</source>
        <translation>Date of issue:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="332" />
        <source>Cấp số và ký số cơ quan</source>
        <translation>Number it and add the agency's signature</translation>
    </message>
</context>
<context>
    <name>ListFiles</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="61" />
        <source>Excel/CSV</source>
        <extracomment>Errors listed in the message's details (the first ones: a whole file of mistakes is not read out).</extracomment>
        <translation>Excel/CSV</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="62" />
        <source>Nhập bản ghi từ tệp Excel/CSV, xuất danh sách ra tệp</source>
        <translation>Import records from an Excel/CSV file, export the list to a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="65" />
        <source>Nhập từ tệp Excel/CSV…</source>
        <translation>Import from an Excel/CSV file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="67" />
        <source>Xuất danh sách đang xem ra Excel/CSV…</source>
        <translation>Export the list shown to Excel/CSV…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="70" />
        <source>Lưu tệp mẫu để điền…</source>
        <translation>Save a blank file to fill in…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="83" />
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="89" />
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="99" />
        <source>Không nhập được tệp</source>
        <translation>The file was not imported</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="97" />
        <source>… và {n} lỗi khác.</source>
        <translation>… and {n} more mistakes.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="100" />
        <source>Tệp {name} có {n} lỗi nên chưa ghi bản ghi nào. Hãy sửa trong tệp rồi nhập lại:

{first}</source>
        <translation>{name} has {n} mistakes, so no record was written. Correct them in the file and import it again:

{first}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="104" />
        <source>Đã nhập {n} bản ghi từ {name} (mới: {new}, cập nhật: {upd}, không đổi: {same}).</source>
        <translation>Imported {n} records from {name} (new: {new}, updated: {upd}, unchanged: {same}).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="108" />
        <source>Nhập từ tệp</source>
        <translation>Import from a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="113" />
        <source>Nhập «{form}» từ tệp</source>
        <translation>Import «{form}» from a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="115" />
        <source>Bảng tính Excel hoặc CSV</source>
        <translation>Excel or CSV spreadsheet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="115" />
        <source>Mọi tệp</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="128" />
        <source>Không xuất được tệp</source>
        <translation>The file was not written</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="133" />
        <source>Đã lưu tệp mẫu {name}: điền mỗi bản ghi một dòng rồi chọn «Nhập từ tệp Excel/CSV…».</source>
        <translation>Saved the blank file {name}: fill in one record per row, then choose «Import from an Excel/CSV file…».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="135" />
        <source>Đã xuất {n} bản ghi ra {name}.</source>
        <translation>Exported {n} records to {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="142" />
        <source>{form} - mẫu</source>
        <translation>{form} - blank</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="150" />
        <source>Lưu tệp mẫu</source>
        <translation>Save a blank file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="150" />
        <source>Xuất danh sách ra tệp</source>
        <translation>Export the list to a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="152" />
        <source>Bảng tính Excel</source>
        <translation>Excel spreadsheet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="152" />
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="158" />
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="40" />
        <source>Đăng nhập — {unit}</source>
        <extracomment>a damaged data file met while opening with ``attempt`` (the dialog closes; see Controller.unlock)</extracomment>
        <translation>Log in — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="42" />
        <source>Dữ liệu của {unit} được bảo vệ bằng mật khẩu. Nhập mật khẩu của cán bộ nhập liệu hoặc của người phê duyệt.</source>
        <translation>The data of {unit} is password-protected. Type the officer's or the approver's password.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="54" />
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="56" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="57" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="35" />
        <source>Phòng, chống mại dâm — Kế hoạch 1295</source>
        <translation>Prostitution prevention — Plan 1295</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="137" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="138" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="142" />
        <source>&amp;Đi đến</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="149" />
        <source>Chuyển giữa danh mục và nội dung</source>
        <translation>Switch between navigation and content</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="154" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="155" />
        <source>&amp;Hướng dẫn sử dụng</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="159" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="185" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="186" />
        <source>&lt;b&gt;Phòng, chống mại dâm&lt;/b&gt; — phiên bản {version}&lt;br&gt;Chương trình thực hiện và báo cáo Kế hoạch 1295/KH-UBND của UBND tỉnh Hà Nam (giai đoạn 2016–2020). Dữ liệu được lưu trên máy này.</source>
        <translation>&lt;b&gt;Prostitution prevention&lt;/b&gt; — version {version}&lt;br&gt;Carrying out and reporting on Plan 1295/KH-UBND of the Hà Nam People's Committee (2016–2020). The data is kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="194" />
        <source>Dữ liệu lưu trên máy này</source>
        <translation>Data kept on this computer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="195" />
        <source>Thư mục dữ liệu: {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="197" />
        <source>Kỳ hiện tại: {period}</source>
        <translation>Current period: {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="199" />
        <source>Chưa xuất: {n} bản ghi</source>
        <translation>Not exported: {n} records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="201" />
        <source>người phê duyệt</source>
        <translation>approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="201" />
        <source>cán bộ nhập liệu</source>
        <translation>officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="202" />
        <source>Đăng nhập: {role}</source>
        <translation>Logged in: {role}</translation>
    </message>
</context>
<context>
    <name>OfficerPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="312" />
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="313" />
        <source>Người dùng chương trình này; tên được ghi vào nhật ký mỗi lần thêm, sửa, xóa.</source>
        <translation>The person using this program; the name is written to the log with every change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="320" />
        <source>ví dụ: Công chức Văn hóa - Xã hội</source>
        <translation>e.g. Culture and social affairs officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="322" />
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="323" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="54" />
        <source>Biểu đồ</source>
        <extracomment>one colour per kind of activity (communication, training, inspection, case, support, plan documents)</extracomment>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="72" />
        <source>Cần thành phần QtCharts (gói PySide6-Addons) để vẽ biểu đồ.</source>
        <translation>Charts need QtCharts (the PySide6-Addons package).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="78" />
        <source>Biểu đồ năm {year}</source>
        <extracomment>what the charts show (for tests): {short label: (value, target)}, {form id: 12 counts}</extracomment>
        <translation>Charts for {year}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="90" />
        <source>Chưa có số liệu năm {year} để vẽ biểu đồ.</source>
        <translation>No data for {year} to chart yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="101" />
        <source>Chỉ tiêu (%) so với mục tiêu</source>
        <translation>Indicators (%) against targets</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="103" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="105" />
        <source>Mục tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="126" />
        <source>Chưa có chỉ tiêu tỉ lệ nào tính được</source>
        <translation>No percentage indicator could be computed yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="134" />
        <source>Số bản ghi theo tháng</source>
        <translation>Records by month</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview_charts.py" line="150" />
        <source>T{m}</source>
        <translation>M{m}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="89" />
        <source>&amp;Kỳ:</source>
        <extracomment>at a district or province: the unit below whose figures are shown (its box was clicked), else None</extracomment>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="104" />
        <source>Chỉ tiêu kế hoạch</source>
        <translation>Plan indicators</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="160" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="209" />
        <source>Tổng quan — {unit}</source>
        <translation>Overview — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="211" />
        <source>← Về {unit}</source>
        <translation>← Back to {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="221" />
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="222" />
        <source>Năm làm việc {year} · Lần xuất dữ liệu gần nhất: {when} · Bản ghi chưa xuất: {n}</source>
        <translation>Working year {year} · Last export: {when} · Records not exported: {n}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="237" />
        <source>Chỉ tiêu kế hoạch {period} (Kế hoạch 1295/KH-UBND)</source>
        <translation>Plan indicators, {period} (Plan 1295/KH-UBND)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="243" />
        <source>Chưa có số liệu năm {year}. Nhập hoạt động ở trang «{form}» (Ctrl+2, rồi Thêm mới Ctrl+N) — các chỉ tiêu sẽ được tính khi có số liệu.</source>
        <translation>No data for {year} yet. Enter activities on the page «{form}» (Ctrl+2, then New, Ctrl+N) — the indicators are computed once there are data.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="246" />
        <source>Chưa có số liệu năm {year}. Nhận gói dữ liệu của các đơn vị cấp dưới ở trang «Trao đổi dữ liệu (USB)», hoặc nhập số liệu của đơn vị mình ở trang «{form}».</source>
        <translation>No data for {year} yet. Receive the packages of the units below on the page «Data exchange (USB)», or enter your own unit's data on the page «{form}».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="255" />
        <source>Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký).</source>
        <translation>Could not compute the indicators (see the log file).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="273" />
        <source>chưa có số liệu</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="278" />
        <source>Chỉ tiêu này không áp dụng cho cấp xã.</source>
        <translation>This indicator does not apply to communes.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="283" />
        <source>Mục tiêu: {target}</source>
        <translation>Target: {target}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="287" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="287" />
        <source>Chưa đạt</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="288" />
        <source>Không có mục tiêu trong năm</source>
        <translation>No target this year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="288" />
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="289" />
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="304" />
        <source>Chưa có chỉ tiêu nào cho năm này.</source>
        <translation>No indicators for this year.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="311" />
        <source>chưa có dữ liệu</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="317" />
        <source>{n}/{m} tháng</source>
        <translation>{n}/{m} months</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="328" />
        <source>Số bản ghi {period}</source>
        <translation>Records, {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="337" />
        <source>Mở danh sách</source>
        <translation>Open the list</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="353" />
        <source>Đơn vị cấp dưới có dữ liệu: {n}/{total}</source>
        <translation>Units below with data: {n}/{total}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="361" />
        <source>Đã có dữ liệu trong kỳ</source>
        <translation>Has data for the period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="361" />
        <source>Chưa có dữ liệu trong kỳ</source>
        <translation>No data for the period yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="362" />
        <source>nhấp để xem số liệu của đơn vị này</source>
        <translation>click to see this unit's figures</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="47" />
        <source>Tất cả</source>
        <extracomment>called by the settings page when something that shapes the whole window changed called to re-open the set-up wizard</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="50" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="73" />
        <source>Năm {year}</source>
        <translation>Year {year}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="65" />
        <source>Quý {roman}/{year}</source>
        <translation>Q{n} {year}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="68" />
        <source>6 tháng đầu/{year}</source>
        <translation>H1 {year}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="69" />
        <source>6 tháng cuối/{year}</source>
        <translation>H2 {year}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="72" />
        <source>Tháng {month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../plan_desktop/ui/models.py" line="537" />
        <source>Bản ghi của {unit}: chỉ xem, không sửa được.</source>
        <extracomment>rowids read with the count on (re)load; the rest when needed or when idle search texts read per idle step rows a search filters at once (enough for a screen of all but rare words), and per idle step the first idle step waits this long (ms), so that the list paints first a search has filtered every row (it started with the first SEARCH_CHUNK rows) rowids of the rows shown, in order; only the first ones until ``_complete`` column key -&gt; (rowid -&gt; sort text, sort text -&gt; rank); kept while the data does not change a search still filtering: words, the rows and texts it filters, how far it got, texts found</extracomment>
        <translation>Record of {unit}: view only, cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/models.py" line="548" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="90" />
        <source>Thêm mới</source>
        <extracomment>the widgets are made the first time the page is shown (:meth:`prepare`): the window holds one page per form, and an officer opens a few of them in a day records to select again once a search has filtered every row (it shows the first ones at once)</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="91" />
        <source>Thêm một bản ghi mới (Ctrl+N)</source>
        <translation>Add a new record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="92" />
        <location filename="../../plan_desktop/ui/pages/records.py" line="414" />
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="93" />
        <source>Mở bản ghi đang chọn (Enter hoặc nhấp đúp)</source>
        <translation>Open the selected record (Enter or double-click)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="94" />
        <source>Nhân bản</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="95" />
        <source>Tạo bản ghi mới giống bản ghi đang chọn (Ctrl+D)</source>
        <translation>Make a new record like the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="96" />
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="97" />
        <source>Xóa các bản ghi đang chọn (phím Delete)</source>
        <translation>Delete the selected records (Delete key)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="98" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="99" />
        <source>Khôi phục các bản ghi vừa xóa (Ctrl+Z)</source>
        <translation>Restore the records just deleted (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="111" />
        <source>Thêm mới (của đơn vị mình)</source>
        <translation>New (own unit)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="116" />
        <source>Kỳ: chỉ hiện những bản ghi còn hiệu lực trong kỳ này (đã bắt đầu, chưa kết thúc)</source>
        <translation>Period: show only the records in force during this period (begun, not yet ended)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="117" />
        <source>Kỳ: chỉ hiện các bản ghi trong kỳ này</source>
        <translation>Period: show only the records in this period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="126" />
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="131" />
        <source>Tìm (Ctrl+F) — không cần gõ dấu</source>
        <translation>Search (Ctrl+F) — marks optional</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="196" />
        <source>Ctrl+N: thêm · Enter: sửa · Delete: xóa · Ctrl+Z: hoàn tác · nhấp tiêu đề cột để sắp xếp</source>
        <translation>Ctrl+N: new · Enter: edit · Delete: delete · Ctrl+Z: undo · click a column title to sort</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="286" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="373" />
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="386" />
        <source>Không tìm thấy bản ghi nào khớp «{search}» trong {period}.</source>
        <translation>No record matches «{search}» in {period}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="387" />
        <source>Không tìm thấy bản ghi nào khớp «{search}».</source>
        <translation>No record matches «{search}».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="388" />
        <source>Thử bỏ bớt từ, hoặc chọn kỳ «Tất cả».</source>
        <translation>Try fewer words, or the period «All».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="389" />
        <source>Chưa có {form} nào trong {period}</source>
        <translation>No {form} in {period} yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="389" />
        <source>Chưa có {form} nào</source>
        <translation>No {form} yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="392" />
        <source>nhấn Thêm mới (Ctrl+N) để nhập, hoặc chọn kỳ khác.</source>
        <translation>click New (Ctrl+N) to enter one, or pick another period.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="394" />
        <source>số liệu của đơn vị cấp dưới đến từ các gói dữ liệu họ gửi; nhấn Thêm mới (Ctrl+N) để nhập của đơn vị mình.</source>
        <translation>the units below send theirs in data packages; click New (Ctrl+N) to enter your own unit's.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="414" />
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="462" />
        <source>Đã lưu: {title}</source>
        <translation>Saved: {title}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="514" />
        <source>Không xóa được bản ghi của đơn vị khác.</source>
        <translation>Records of another unit cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="518" />
        <source>Xóa bản ghi «{title}»?</source>
        <translation>Delete the record “{title}”?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="520" />
        <source>Xóa {n} bản ghi đang chọn?</source>
        <translation>Delete the {n} selected records?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="521" />
        <source>Có thể khôi phục ngay bằng nút «Hoàn tác» (Ctrl+Z).</source>
        <translation>You can restore it at once with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="522" />
        <source>Xác nhận xóa</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="528" />
        <source>Không xóa được</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="532" />
        <source>Đã xóa {n} bản ghi. Nhấn «Hoàn tác» (Ctrl+Z) để khôi phục.</source>
        <translation>Deleted {n} record(s). Press Undo (Ctrl+Z) to restore.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="544" />
        <source>Không khôi phục được</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="550" />
        <source>Đã khôi phục {n} bản ghi.</source>
        <translation>Restored {n} record(s).</translation>
    </message>
</context>
<context>
    <name>ReportListWidget</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="367" />
        <source>Kỳ báo cáo</source>
        <extracomment>"Ký thêm…": a second signature (the chairman) on the selected signed report</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="367" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="367" />
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="367" />
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="368" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="368" />
        <source>Số, ngày văn bản</source>
        <translation>Number, date</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="373" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="374" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="518" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="525" />
        <source>Kiểm tra chữ ký</source>
        <translation>Verify signature</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="375" />
        <source>Mở lại kỳ…</source>
        <translation>Reopen period…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="376" />
        <source>Ký thêm…</source>
        <translation>Countersign…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="377" />
        <source>Người ký thứ hai (chủ tịch) ký tiếp vào báo cáo đã ký; chữ ký trước vẫn giữ nguyên giá trị.</source>
        <translation>The second signer (the chairman) signs the signed report too; the first signature stays valid.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="379" />
        <source>Cấp số, ban hành…</source>
        <translation>Number and issue…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="381" />
        <source>Văn thư ghi số, ngày văn bản vào báo cáo đã ký và ký số của cơ quan (kèm ảnh con dấu nếu có).</source>
        <translation>The clerk writes the document number and date into the signed report and adds the agency's digital signature (with the seal image, if set).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="384" />
        <source>Lưu bản sao…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="385" />
        <source>Chép tệp báo cáo (đã ký) ra USB hoặc thư mục khác.</source>
        <translation>Copy the (signed) report file to a USB stick or another folder.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="398" />
        <source>Chưa có báo cáo nào. Lập báo cáo ở thẻ «Xem trước», rồi bấm «Ký số…» để ký và lưu vào danh sách này.</source>
        <translation>No report yet. Make one on the «Preview» tab, then click «Sign…» to sign it and keep it in this list.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="488" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="501" />
        <source>Lưu bản sao báo cáo</source>
        <translation>Save a copy of the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="504" />
        <source>Đã lưu bản sao {name}.</source>
        <translation>Saved the copy {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="523" />
        <source>Mã băm dữ liệu trong tệp khác với mã băm lúc ký.</source>
        <translation>The data hash in the file differs from the one at signing.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="533" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="541" />
        <source>Mở lại kỳ báo cáo</source>
        <translation>Reopen the report period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="534" />
        <source>Lý do mở lại kỳ {0} (ghi vào nhật ký; báo cáo đã ký sẽ bị đánh dấu «đã bị thay thế»):</source>
        <translation>Reason for reopening period {0} (written to the log; the signed report will be marked «superseded»):</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="121" />
        <source>để trống nếu văn thư ghi số</source>
        <extracomment>emitted after a PDF was written (path) — the main window may register it for signing emitted after a report was signed (path)</extracomment>
        <translation>leave empty if the clerk numbers it</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="130" />
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="131" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="132" />
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="133" />
        <source>Ngày ký:</source>
        <translation>Date of signing:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="135" />
        <source>Lưu bản nháp</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="136" />
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="206" />
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="155" />
        <source>Để trống: báo cáo in đoạn gợi ý để cán bộ bổ sung.</source>
        <translation>Left empty, the report prints a prompt for the officer to fill in.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="170" />
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="171" />
        <source>Lưu XLSX…</source>
        <translation>Save XLSX…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="172" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="173" />
        <source>Ký số…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="175" />
        <source>Lập báo cáo, lưu vào thư mục dữ liệu và ký số bằng tệp chứng thư hoặc thiết bị ký số (USB token). Sau khi ký, kỳ báo cáo bị khóa.</source>
        <translation>Make the report, save it in the data folder and sign it with a certificate file or a USB token. Once signed, the report period is locked.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="191" />
        <source>Cần thành phần QtPdf (gói PySide6-Addons) để xem trước; vẫn lưu được PDF và XLSX.</source>
        <translation>QtPdf (in the PySide6-Addons package) is needed for the preview; PDF and XLSX can still be saved.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="204" />
        <source>Đã mở lại kỳ {period}: có thể sửa số liệu, rồi lập và ký lại báo cáo.</source>
        <translation>Period {period} reopened: the data can be corrected, then the report made and signed again.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="207" />
        <source>Các báo cáo đã lập</source>
        <translation>Reports made</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="244" />
        <source>III. Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)</source>
        <translation>III. Overall assessment (strengths, shortcomings, causes)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="245" />
        <source>IV. Phương hướng, nhiệm vụ kỳ tới</source>
        <translation>IV. Directions and tasks for the next period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="246" />
        <source>V. Kiến nghị, đề xuất</source>
        <translation>V. Recommendations and proposals</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="324" />
        <source>Chỉ ký số được báo cáo của chính đơn vị mình.</source>
        <translation>Only your own unit's report can be signed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="326" />
        <source>Chỉ người phê duyệt mới được ký số báo cáo; hãy đăng nhập bằng mật khẩu của người phê duyệt.</source>
        <translation>Only the approver may sign reports; log in with the approver's password.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="344" />
        <source>Bấm «Xem trước» để lập báo cáo với số liệu mới nhất.</source>
        <translation>Press «Preview» to make the report with the latest data.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="360" />
        <source>Đã lưu bản nháp.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="372" />
        <source>Không lập được báo cáo: {error}</source>
        <translation>Could not make the report: {error}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="386" />
        <source>{n} trang</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="387" />
        <source>Báo cáo lập từ {n} bản ghi.</source>
        <translation>Report made from {n} records.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="388" />
        <source>Mã kiểm tra dữ liệu (chi tiết): {hash}</source>
        <translation>Data check code (details): {hash}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="402" />
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="413" />
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="556" />
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="458" />
        <source>Ký số báo cáo — {period}</source>
        <translation>Sign the report — {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="468" />
        <source>Ký thêm (người ký thứ hai) — {period}</source>
        <translation>Countersign (second signer) — {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="492" />
        <source>Sau khi ký, số liệu của kỳ {period} bị khóa: không thêm, sửa, xóa được bản ghi của kỳ này cho đến khi người có thẩm quyền mở lại kỳ.</source>
        <translation>Once signed, the records of period {period} are locked: none can be added, changed or deleted until someone authorised reopens the period.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="517" />
        <source>Đã ký số báo cáo ({name}, trong thư mục dữ liệu). Số liệu của kỳ này đã được khóa.</source>
        <translation>Report signed ({name}, in the data folder). The data of this period is now locked.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="542" />
        <source>Lưu báo cáo PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="549" />
        <source>Lưu bảng số liệu XLSX</source>
        <translation>Save the data tables as XLSX</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="566" />
        <source>In báo cáo</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="583" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="102" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="115" />
        <source>Đã lưu báo cáo: {name}</source>
        <translation>Report saved: {name}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="118" />
        <source>Đã ký số báo cáo: {name}</source>
        <translation>Report signed: {name}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="101" />
        <source>Theo lịch (1/1 – 31/12)</source>
        <translation>Calendar (1 Jan – 31 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="102" />
        <source>Theo kỳ thống kê (15/12 năm trước – 14/12)</source>
        <translation>Statistical (15 Dec of the year before – 14 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="110" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="112" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="113" />
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="115" />
        <source>Cán bộ và người ký báo cáo</source>
        <translation>Officer and report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="117" />
        <source>Họ tên cán bộ nhập liệu:</source>
        <translation>Data-entry officer:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="118" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="90" />
        <source>Chọn ảnh chữ ký (PNG nền trong suốt)</source>
        <translation>Choose the signature image (PNG, transparent background)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="92" />
        <source>Chọn ảnh con dấu (PNG)</source>
        <translation>Choose the seal image (PNG)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="119" />
        <source>Chức danh người ký:</source>
        <translation>Signer's title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="120" />
        <source>Thẩm quyền ký:</source>
        <translation>Signing authority:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="121" />
        <source>Họ tên người ký:</source>
        <translation>Signer's name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="122" />
        <source>Ảnh chữ ký tay:</source>
        <translation>Handwritten signature image:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="123" />
        <source>Ảnh con dấu:</source>
        <translation>Seal image:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="125" />
        <source>Làm việc</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="127" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="128" />
        <source>Cách tính kỳ báo cáo:</source>
        <translation>Period boundaries:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="129" />
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="131" />
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="134" />
        <source>Mở lại trình thiết lập…</source>
        <translation>Open the set-up wizard again…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="163" />
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="164" />
        <source>Sao lưu, khôi phục</source>
        <translation>Backup, restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="167" />
        <source>Mật khẩu</source>
        <translation>Passwords</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="177" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="212" />
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="237" />
        <source>Cài đặt chưa lưu</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="238" />
        <source>Các thay đổi trong trang Cài đặt chưa được lưu. Lưu lại trước khi rời trang?</source>
        <translation>The changes on the Settings page are not saved. Save them before leaving the page?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="240" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="241" />
        <source>Không lưu</source>
        <translation>Don't save</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="242" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="402" />
        <source>Thiết lập chương trình phòng, chống mại dâm</source>
        <translation>Set up the prostitution prevention program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="405" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="406" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="407" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="408" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="456" />
        <source>Không thiết lập được</source>
        <translation>Set-up refused</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="474" />
        <location filename="../../plan_desktop/ui/wizard.py" line="479" />
        <location filename="../../plan_desktop/ui/wizard.py" line="487" />
        <source>Tệp thiết lập</source>
        <translation>Setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="475" />
        <source>Đơn vị đã được thiết lập, nhưng tệp thiết lập chưa được xác nhận: {error}</source>
        <translation>The unit is set up, but the setup file is not confirmed: {error}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="480" />
        <source>Đơn vị đã được thiết lập. Tệp thiết lập của {issuer} đang chờ xác nhận mã khóa {key}: hãy gọi điện đối chiếu rồi bấm «Xác nhận» ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».</source>
        <translation>The unit is set up. The setup file of {issuer} waits for its key code {key} to be confirmed: phone to compare, then press «Confirm» on the Data exchange page, keys tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="488" />
        <source>Đơn vị đã được thiết lập, nhưng chưa ghi nhận được khóa của cấp trên từ tệp: {error}</source>
        <translation>The unit is set up, but the key of the level above could not be recorded from the file: {error}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="65" />
        <source>Ký số báo cáo</source>
        <extracomment>Typical places of token libraries, offered as the starting folder of the file chooser.</extracomment>
        <translation>Sign the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="68" />
        <source>Tệp chứng thư số (.p12, .pfx)</source>
        <translation>Certificate file (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="69" />
        <source>Thiết bị ký số (USB token)</source>
        <translation>Signing device (USB token)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="76" />
        <source>Đường dẫn tệp .p12 hoặc .pfx</source>
        <translation>Path of the .p12 or .pfx file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="77" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="84" />
        <source>Tệp chứng thư:</source>
        <translation>Certificate file:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="92" />
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="93" />
        <source>Cắm thiết bị ký số (USB token) rồi bấm để tìm lại</source>
        <translation>Plug in the signing token (USB), then click to search again</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="101" />
        <source>Thiết bị khác…</source>
        <translation>Another device…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="104" />
        <source>Chỉ khi chương trình không tự tìm thấy thiết bị: chọn tệp thư viện do phần mềm của nhà cung cấp chứng thư số cài đặt</source>
        <translation>Only when the program does not find the device: choose the library file the certificate provider's software installed</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="107" />
        <source>Thư viện PKCS#11 do nhà cung cấp token cài đặt</source>
        <translation>PKCS#11 library installed by the token vendor</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="108" />
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="110" />
        <source>Tìm thiết bị</source>
        <translation>Find devices</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="115" />
        <source>Thư viện:</source>
        <translation>Library:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="123" />
        <source>Thiết bị:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="136" />
        <source>(chưa có — hãy ghi trong Cài đặt)</source>
        <translation>(none yet — set it in Settings)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="142" />
        <source>Người ký (khối chữ ký):</source>
        <translation>Signer (signature block):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="143" />
        <source>Chức vụ trên dấu chữ ký:</source>
        <translation>Title on the signature stamp:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="149" />
        <source>Họ tên trên dấu chữ ký số lấy từ chứng thư số và phải trùng họ tên người ký. Mật khẩu và mã PIN không được lưu lại; mỗi lần ký chương trình sẽ hỏi lại.</source>
        <translation>The name on the signature stamp comes from the certificate and must be the signer's name. Passphrases and PINs are never stored; the program asks for them each time.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="160" />
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="161" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="187" />
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="187" />
        <source>Mật khẩu tệp chứng thư:</source>
        <translation>Certificate file passphrase:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="193" />
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="194" />
        <source>Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)</source>
        <translation>Certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="200" />
        <source>Chọn thư viện PKCS#11 của thiết bị ký số</source>
        <translation>Choose the PKCS#11 library of the signing device</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="218" />
        <source>Đã tìm thấy {n} thiết bị ký số đang cắm vào máy.</source>
        <translation>Found {n} signing device(s) plugged in.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="220" />
        <source>Không thấy thiết bị ký số nào. Hãy cắm thiết bị (USB token), chờ đèn sáng rồi bấm «Tìm lại». Nếu vẫn không thấy, bấm «Thiết bị khác…».</source>
        <translation>No signing device found. Plug in the token (USB), wait for its light, then click «Search again». If it is still not found, click «Another device…».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="240" />
        <source>Không thấy thiết bị ký số nào: hãy cắm thiết bị (USB token) rồi thử lại.</source>
        <translation>No signing device found: plug in the USB token and try again.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="270" />
        <source>Chưa chọn thiết bị ký số: hãy cắm thiết bị (USB token) rồi bấm «Tìm lại».</source>
        <translation>No signing device chosen: plug in the token (USB), then click «Search again».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="275" />
        <source>Hãy chọn tệp chứng thư số (.p12, .pfx).</source>
        <translation>Choose the certificate file (.p12, .pfx).</translation>
    </message>
</context>
<context>
    <name>SignaturePage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="333" />
        <source>Người ký báo cáo</source>
        <translation>Report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="334" />
        <source>Khối chữ ký ở cuối báo cáo gửi cấp trên.</source>
        <translation>The signature block at the end of reports to the level above.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="351" />
        <source>Thẩm quyền ký:</source>
        <translation>Signing authority:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="350" />
        <source>Chức danh:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="352" />
        <source>Họ và tên người ký:</source>
        <translation>Signer's full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="355" />
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="365" />
        <source>(ký, đóng dấu)</source>
        <translation>(signature, seal)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="372" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="373" />
        <source>Kiểm tra lại rồi nhấn «Hoàn tất». Có thể sửa các thông tin này trong Cài đặt.</source>
        <translation>Check, then press Finish. All of this can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="384" />
        <source>&lt;p&gt;Đơn vị: &lt;b&gt;{unit}&lt;/b&gt; (mã {code})&lt;/p&gt;&lt;p&gt;Năm làm việc: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Cán bộ nhập liệu: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Người ký: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu: {folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Unit: &lt;b&gt;{unit}&lt;/b&gt; (code {code})&lt;/p&gt;&lt;p&gt;Working year: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data-entry officer: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Signer: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="53" />
        <source>Đơn vị sử dụng chương trình</source>
        <translation>Unit using the program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="55" />
        <source>Chọn xã (phường, thị trấn), huyện hoặc tỉnh mà máy tính này nhập và báo cáo số liệu.</source>
        <translation>Pick the commune (ward, town), district or province this computer enters and reports data for.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="64" />
        <source>Xã, phường, thị trấn</source>
        <translation>Commune, ward, town</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="65" />
        <source>Huyện, thị xã, thành phố</source>
        <translation>District, town, city</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="66" />
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="78" />
        <source>Gõ tên xã để tìm (không cần dấu)…</source>
        <translation>Type a commune name to search (marks optional)…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="88" />
        <source>Đã có dữ liệu nên không đổi được đơn vị; chỉ sửa được các thông tin khác.</source>
        <translation>There is data already, so the unit cannot change; the other details can.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="95" />
        <source>Mở tệp thiết lập do cấp trên gửi…</source>
        <extracomment>a setup file from the level above (read, not yet applied): it fixes the unit and brings the parent's key and the plan targets</extracomment>
        <translation>Open a setup file from the level above…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="97" />
        <source>Huyện (thành phố) có thể lập sẵn tệp thiết lập cho xã: chọn tệp đó thay vì chọn đơn vị bằng tay.</source>
        <translation>The district can prepare a setup file for the commune: choose that file instead of picking the unit by hand.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="110" />
        <source>Mã khóa cấp trên đọc qua điện thoại:</source>
        <translation>Key code the level above reads out by phone:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="115" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="116" />
        <source>Cấp:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="117" />
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="118" />
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="119" />
        <source>Tìm xã:</source>
        <translation>Find commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="120" />
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="157" />
        <source>Chọn tệp thiết lập</source>
        <translation>Choose the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="158" />
        <source>Tệp thiết lập (*.pdsetup);;Mọi tệp (*)</source>
        <translation>Setup file (*.pdsetup);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="176" />
        <source>Đơn vị mã {code} trong tệp thiết lập không có trong danh mục năm {year}.</source>
        <translation>The unit {code} of the setup file is not in the list of units of {year}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="185" />
        <source>Theo tệp thiết lập của {issuer} (mã {code}). Mã khóa trong tệp: {key} — hãy gọi điện cho cán bộ cấp trên, nhờ đọc mã khóa của họ và gõ vào ô dưới: nếu khớp, tệp được xác nhận ngay; để trống thì tệp chờ xác nhận ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».</source>
        <translation>From the setup file of {issuer} (code {code}). Key code in the file: {key} — phone the officer there, ask them to read out their key code and type it below: if it matches, the file is confirmed at once; left empty, the file waits for confirmation on the Data exchange page, keys tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="301" />
        <source>Đã chọn: {unit} (mã {code})</source>
        <translation>Chosen: {unit} (code {code})</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="302" />
        <source>Chưa chọn đơn vị.</source>
        <translation>No unit chosen yet.</translation>
    </message>
</context>
<context>
    <name>_HostPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="44" />
        <source>Lỗi không mong đợi; chi tiết được ghi trong tệp nhật ký {path}.</source>
        <translation>Unexpected error; the details are in the log file {path}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="45" />
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="46" />
        <source>Không mở được trang «{page}».</source>
        <translation>Cannot open the page «{page}».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="50" />
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
</context>
</TS>