<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="50" />
        <source>Bật bảo vệ bằng mật khẩu</source>
        <extracomment>emitted when protection was turned on or off or the role changed (the window shows the role)</extracomment>
        <translation>Turn on password protection</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="57" />
        <source>Mỗi vai trò một mật khẩu, ít nhất {n} ký tự. Cán bộ nhập liệu nhập và sửa số liệu; người phê duyệt còn ký số báo cáo, mở lại kỳ đã khóa và tắt mật khẩu. Hãy ghi mật khẩu ra giấy, cất nơi an toàn: quên cả hai mật khẩu thì không mở được khóa bí mật của đơn vị.</source>
        <translation>One password per role, at least {n} characters. The officer enters and corrects data; the approver also signs reports, reopens locked periods and turns passwords off. Write the passwords down and keep them safe: with both forgotten, the unit's private keys cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="62" />
        <source>Mật khẩu cán bộ nhập liệu:</source>
        <translation>Officer's password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="63" />
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="65" />
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="88" />
        <source>Nhập lại:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="64" />
        <source>Mật khẩu người phê duyệt:</source>
        <translation>Approver's password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="66" />
        <source>Bật mật khẩu</source>
        <translation>Turn passwords on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="72" />
        <source>Đổi hoặc tắt mật khẩu</source>
        <translation>Change or turn off passwords</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="75" />
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="76" />
        <source>Người phê duyệt</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="79" />
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="82" />
        <source>Tắt mật khẩu…</source>
        <translation>Turn passwords off…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="86" />
        <source>Mật khẩu của:</source>
        <translation>Password of:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="87" />
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="112" />
        <source>Đang bật bảo vệ bằng mật khẩu. Bạn đang làm việc với vai trò: {role}.</source>
        <translation>Password protection is on. You are working as: {role}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="115" />
        <source>Chưa đặt mật khẩu: ai mở máy cũng dùng được chương trình với đầy đủ quyền.</source>
        <translation>No password set: anyone at this computer can use the program with full rights.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="125" />
        <source>người phê duyệt</source>
        <translation>approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="125" />
        <source>cán bộ nhập liệu</source>
        <translation>officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="133" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords typed differ.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="156" />
        <source>Đã bật mật khẩu. Lần mở chương trình sau sẽ hỏi mật khẩu.</source>
        <translation>Passwords are on. The program will ask for one at the next start.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="171" />
        <source>Đã đổi mật khẩu của {role}.</source>
        <translation>The {role}'s password was changed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="177" />
        <source>Tắt mật khẩu</source>
        <translation>Turn passwords off</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="178" />
        <source>Tắt bảo vệ bằng mật khẩu? Sau đó ai mở máy cũng dùng được chương trình và khóa bí mật của đơn vị không còn được mã hóa.</source>
        <translation>Turn password protection off? Anyone at this computer will then be able to use the program, and the unit's private keys will no longer be encrypted.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/access_panel.py" line="189" />
        <source>Đã tắt mật khẩu.</source>
        <translation>Passwords are off.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="60" />
        <source>Chương trình tự sao lưu toàn bộ dữ liệu khi mở lần đầu trong ngày, trước khi nhập gói dữ liệu và trước khi nâng cấp. Bản sao lưu nằm trong thư mục dữ liệu; nên chép thêm một bản ra USB mỗi tháng.</source>
        <extracomment>emitted after a restore (the path of the backup that keeps what was replaced)</extracomment>
        <translation>The program backs up all data at the first start of each day, before importing a package and before an upgrade. Backups live in the data folder; copy one onto a USB stick every month as well.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="67" />
        <source> bản gần nhất</source>
        <translation> most recent</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="71" />
        <source>Giữ lại:</source>
        <translation>Keep:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="73" />
        <source>Thời điểm</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="73" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="73" />
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="78" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="80" />
        <source>Sao lưu ra USB…</source>
        <translation>Back up to USB…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="81" />
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="83" />
        <source>Khôi phục từ tệp…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="84" />
        <source>Mở thư mục sao lưu</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="125" />
        <source>tự động đầu ngày</source>
        <translation>automatic, start of day</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="125" />
        <source>trước khi nhập gói</source>
        <translation>before a package import</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="126" />
        <source>trước khi nâng cấp dữ liệu</source>
        <translation>before a data upgrade</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="126" />
        <source>do người dùng tạo</source>
        <translation>made by the user</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="127" />
        <source>trước khi khôi phục</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="144" />
        <source>Đã sao lưu: {name}.</source>
        <translation>Backed up: {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="152" />
        <source>Sao lưu ra USB hoặc thư mục khác</source>
        <translation>Back up to a USB stick or another folder</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="153" />
        <source>Tệp sao lưu (*.sqlite)</source>
        <translation>Backup file (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="162" />
        <source>Đã sao lưu ra {path}.</source>
        <translation>Backed up to {path}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="170" />
        <source>Chọn tệp sao lưu để khôi phục</source>
        <translation>Choose the backup file to restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="171" />
        <source>Tệp sao lưu (*.sqlite);;Mọi tệp (*)</source>
        <translation>Backup file (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="178" />
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="179" />
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{name}»?

Dữ liệu hiện tại sẽ được sao lưu trước, nên vẫn lấy lại được nếu cần.</source>
        <translation>Replace all current data with the backup «{name}»?

The current data is backed up first, so it can be brought back if needed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/backup_panel.py" line="190" />
        <source>Đã khôi phục từ «{name}». Dữ liệu trước khi khôi phục được giữ trong bản sao lưu «{saved}».</source>
        <translation>Restored from «{name}». The data as it was before is kept in the backup «{saved}».</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="78" />
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
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
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="100" />
        <source>Xem — {form}</source>
        <translation>View — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="102" />
        <source>Thêm mới — {form}</source>
        <translation>New — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="104" />
        <source>Sửa — {form}</source>
        <translation>Edit — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="170" />
        <source>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; bắt buộc nhập · Enter hoặc Ctrl+S: lưu · Esc: đóng</source>
        <translation>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; required · Enter or Ctrl+S: save · Esc: close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="175" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="178" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="183" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="266" />
        <source>Chưa lưu: có {n} chỗ cần sửa (tô đỏ bên dưới).</source>
        <translation>Not saved: {n} field(s) need fixing (marked in red below).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="336" />
        <source>Đóng mà không lưu?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="337" />
        <source>Bạn đã nhập hoặc sửa thông tin trong hộp thoại này. Đóng lại và bỏ những gì vừa nhập?</source>
        <translation>You have typed or changed something in this dialog. Close it and discard what you typed?</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="140" />
        <source>Đã xuất dữ liệu: {path}</source>
        <translation>Data exported: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="94" />
        <source>Lập biên nhận cho đơn vị cấp dưới</source>
        <translation>Write a receipt for a unit below</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="99" />
        <source>Tiếp nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="101" />
        <source>Trả lại, lý do:</source>
        <translation>Return, reason:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="105" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="192" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="207" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="459" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="129" />
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="166" />
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="127" />
        <source>Trao đổi dữ liệu (USB)</source>
        <extracomment>form ids whose records changed through an import (the host refreshes its lists) path of a package just written
----------
the status bar counts records not exported yet; the window refreshes it on this</extracomment>
        <translation>Data exchange (USB)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="174" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="680" />
        <source>Khóa ký số của đơn vị</source>
        <translation>This unit's signing key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="182" />
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="207" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="459" />
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="207" />
        <source>Cách xác nhận</source>
        <translation>How it was confirmed</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="217" />
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="224" />
        <source>Tìm lại ổ USB</source>
        <translation>Look for USB drives again</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="226" />
        <source>Chọn thư mục khác…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="228" />
        <source>Ghi vào:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="234" />
        <source>Xuất toàn bộ dữ liệu (không chỉ phần thay đổi)</source>
        <translation>Export all data (not only what changed)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="235" />
        <source>Xuất gói dữ liệu</source>
        <translation>Export data package</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="248" />
        <source>Gói số</source>
        <translation>Package no.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="248" />
        <source>Ngày xuất</source>
        <translation>Exported on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="248" />
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="249" />
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="253" />
        <source>Nhận gói dữ liệu, biên nhận</source>
        <translation>Receive data packages, receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="256" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="258" />
        <source>Chọn cả thư mục…</source>
        <translation>Choose a whole folder…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="260" />
        <source>In báo cáo nhập</source>
        <translation>Print the import report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="274" />
        <source>Báo cáo nhập sẽ hiện ở đây.</source>
        <translation>The import report will show here.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="279" />
        <source>Theo dõi đơn vị cấp dưới</source>
        <translation>Units below</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="282" />
        <source>Lập biên nhận…</source>
        <translation>Write a receipt…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="284" />
        <source>Lập tệp thiết lập cho đơn vị cấp dưới…</source>
        <translation>Write a setup file for a unit below…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="305" />
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="305" />
        <source>6 tháng</source>
        <translation>Six months</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="305" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="306" />
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="308" />
        <source>Cả đơn vị cấp xã</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="313" />
        <source>Bảng theo dõi nhận gói — năm</source>
        <translation>Packages received — year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="659" />
        <source>Đã ghi {p}.
Khi đơn vị mở tệp này, họ sẽ gọi điện: hãy đọc cho họ mã khóa của đơn vị mình:
{f}</source>
        <translation>Written {p}.
When the unit opens this file they will phone: read them this unit's key code:
{f}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="119" />
        <source>Đăng ký trước mã khóa của đơn vị</source>
        <translation>Enrol a unit's key code in advance</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="125" />
        <source>Chỉ đăng ký sau khi đã gọi điện cho đơn vị đó và nghe họ đọc mã khóa (16 ký tự).</source>
        <translation>Enrol only after phoning that unit and hearing them read out their key code (16 characters).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="130" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="207" />
        <source>Mã khóa</source>
        <translation>Key code</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="184" />
        <source>Mã khóa của đơn vị (đọc qua điện thoại khi đơn vị khác hỏi):</source>
        <translation>This unit's key code (read it out when another unit phones):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="189" />
        <source>Chờ xác nhận: tệp ký bằng khóa chưa được xác nhận (chưa nhập gì)</source>
        <translation>Waiting for confirmation: files signed by an unconfirmed key (nothing imported)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="192" />
        <source>Mã khóa trong tệp</source>
        <translation>Key code in the file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="192" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="193" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="198" />
        <source>Xác nhận (mã khớp)…</source>
        <translation>Confirm (the code matches)…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="200" />
        <source>Từ chối (bỏ các tệp)</source>
        <translation>Reject (discard the files)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="206" />
        <source>Khóa đã ghi nhận của các đơn vị khác:</source>
        <translation>Keys on record for other units:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="211" />
        <source>Đăng ký trước mã khóa của một đơn vị…</source>
        <translation>Enrol a unit's key code in advance…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="286" />
        <source>Chuyển danh sách của đơn vị đã giải thể…</source>
        <translation>Move the rosters of an abolished unit…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="289" />
        <source>Cán bộ, cơ sở kinh doanh và mô hình hỗ trợ còn hoạt động của xã đã bị giải thể, sáp nhập được chuyển sang đơn vị kế thừa từ ngày sáp nhập (một lần, có ghi nhật ký); số liệu các năm trước không đổi.</source>
        <translation>The officers, businesses and support models still active at a commune that was abolished or merged move to the unit that took it over, from the day of the merger (one step, audited); earlier years' figures do not change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="352" />
        <source> (chờ tệp đầu tiên)</source>
        <translation> (waiting for the first file)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="371" />
        <source>{n} đơn vị đã bị giải thể còn cán bộ, cơ sở hoặc mô hình chưa chuyển sang đơn vị kế thừa: {units}.</source>
        <translation>{n} abolished unit(s) still have officers, businesses or models not moved to their successor: {units}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="381" />
        <source>Không chuyển được danh sách</source>
        <translation>Could not move the rosters</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="394" />
        <source>{a} (mã {c}) → {s} (mã {sc}): {o} cán bộ, {e} cơ sở, {m} mô hình</source>
        <translation>{a} (code {c}) → {s} (code {sc}): {o} officers, {e} businesses, {m} models</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="397" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="402" />
        <source>Chuyển danh sách</source>
        <translation>Move rosters</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="397" />
        <source>Đơn vị đã giải thể:</source>
        <translation>Abolished unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="403" />
        <source>Chuyển {item}?
Các bản ghi ở {a} kết thúc vào ngày {last}, bản ghi ở {s} bắt đầu từ ngày hôm sau; số liệu các năm trước không đổi.</source>
        <translation>Move {item}?
The records at {a} end on {last}, those at {s} begin the next day; earlier years' figures do not change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="411" />
        <source>Bản ghi đã thay đổi, cấp trên chưa xác nhận: {n}</source>
        <translation>Records changed and not yet acknowledged by the level above: {n}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="414" />
        <source>Đã gửi, chờ biên nhận</source>
        <translation>Sent, awaiting receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="415" />
        <source>Cấp trên đã tiếp nhận</source>
        <translation>Accepted by the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="416" />
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="437" />
        <source>Không thấy ổ USB nào — hãy cắm USB rồi bấm «Tìm lại ổ USB»</source>
        <translation>No USB drive found — plug one in and press «Look for USB drives again»</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="459" />
        <source>Gói gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="459" />
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="473" />
        <source> · BC đã ký</source>
        <translation> · signed report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="508" />
        <source>Không xuất được gói: {m}</source>
        <translation>Could not export the package: {m}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="515" />
        <source>đã mã hóa cho cấp trên</source>
        <translation>encrypted for the level above</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="519" />
        <source>Đã xuất gói số {seq}: {n} bản ghi, {enc}.
Tệp: {path}
Có thể rút USB ra an toàn sau khi hệ điều hành báo đã ghi xong.</source>
        <translation>Exported package no. {seq}: {n} records, {enc}.
File: {path}
The USB stick can be removed safely once the system says writing is done.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="537" />
        <source>Chọn thư mục ghi gói dữ liệu</source>
        <translation>Choose the folder to write the package to</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="556" />
        <source>Không nhập được: {m}</source>
        <translation>Could not import: {m}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="565" />
        <source>Không có tệp gói dữ liệu nào.</source>
        <translation>No package files.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="568" />
        <source>Báo cáo đã lưu tại: {p}</source>
        <translation>Report saved at: {p}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="580" />
        <source>Chọn gói dữ liệu hoặc biên nhận</source>
        <translation>Choose data packages or receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="582" />
        <source>Gói dữ liệu, biên nhận</source>
        <translation>Data packages, receipts</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="582" />
        <source>Mọi tệp</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="588" />
        <source>Chọn thư mục chứa các gói dữ liệu</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="606" />
        <source>Không lập được biên nhận</source>
        <translation>Could not write the receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="620" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="636" />
        <source>Lập biên nhận</source>
        <translation>Write a receipt</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="620" />
        <source>Chưa nhận gói nào của đơn vị cấp dưới.</source>
        <translation>No package received from the units below yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="625" />
        <source>Chọn nơi ghi biên nhận (ví dụ USB của đơn vị)</source>
        <translation>Choose where to write the receipt (e.g. the unit's USB stick)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="636" />
        <source>Đã ghi biên nhận: {p}</source>
        <translation>Receipt written: {p}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="643" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="657" />
        <source>Tệp thiết lập</source>
        <translation>Setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="643" />
        <source>Đơn vị cấp dưới:</source>
        <translation>Unit below:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="647" />
        <source>Chọn nơi ghi tệp thiết lập</source>
        <translation>Choose where to write the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="653" />
        <source>Không lập được tệp thiết lập</source>
        <translation>Could not write the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="682" />
        <source> ({n} chờ xác nhận)</source>
        <translation> ({n} to confirm)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="697" />
        <source>Không xác nhận được</source>
        <translation>Could not confirm</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="717" />
        <source>Không từ chối được</source>
        <translation>Could not reject</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="729" />
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="735" />
        <source>Xác nhận khóa</source>
        <translation>Confirm a key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="730" />
        <source>Gọi điện cho {unit} và nhờ đọc mã khóa của họ.
Gõ mã nghe được (mã trong tệp: {code}):</source>
        <translation>Phone {unit} and ask them to read out their key code.
Type the code you hear (code in the file: {code}):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="736" />
        <source>Đã xác nhận khóa của {unit}. Kết quả nhập các tệp đang chờ ở thẻ «Nhận gói dữ liệu».</source>
        <translation>The key of {unit} is confirmed. The import of the waiting files is reported on the import tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="743" />
        <source>Từ chối khóa</source>
        <translation>Reject a key</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="744" />
        <source>Bỏ {n} tệp ký bằng khóa {code} (gửi dưới tên {unit})? Không nhập gì từ các tệp đó.</source>
        <translation>Discard {n} file(s) signed by the key {code} (sent in the name of {unit})? Nothing of them is imported.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/exchange_page.py" line="753" />
        <source>Không đăng ký được khóa</source>
        <translation>Could not enrol the key</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="118" />
        <source>Đánh dấu để nhập ngày; bỏ dấu để để trống.</source>
        <extracomment>(form_id) -&gt; list of (record id, title), for ref/refs pickers</extracomment>
        <translation>Tick to enter a date; untick to leave it empty.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="386" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="429" />
        <source>Gõ để tìm…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="442" />
        <source>(Không chọn)</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="496" />
        <source>(bản ghi đã xóa hoặc không tìm thấy)</source>
        <translation>(deleted or missing record)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/help.py" line="11" />
        <source>Hướng dẫn sử dụng</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/help.py" line="16" />
        <source>&lt;h3&gt;Hướng dẫn nhanh&lt;/h3&gt;&lt;p&gt;Chương trình giúp cán bộ xã, huyện, tỉnh ghi chép và báo cáo việc thực hiện Kế hoạch phòng, chống mại dâm (1295/KH-UBND).&lt;/p&gt;&lt;h4&gt;Nhập dữ liệu&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;Chọn loại dữ liệu ở cột bên trái (ví dụ «Hoạt động truyền thông»).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;: thêm bản ghi mới. &lt;b&gt;Enter&lt;/b&gt; hoặc nhấp đúp: mở bản ghi để sửa.&lt;/li&gt;&lt;li&gt;Trong hộp thoại: &lt;b&gt;Tab&lt;/b&gt; chuyển ô, &lt;b&gt;Enter&lt;/b&gt; hoặc &lt;b&gt;Ctrl+S&lt;/b&gt; để lưu, &lt;b&gt;Esc&lt;/b&gt; để đóng. Ô có dấu &lt;span style='color:#c62828'&gt;*&lt;/span&gt; là bắt buộc.&lt;/li&gt;&lt;li&gt;Nếu có chỗ chưa đúng, ô đó được tô đỏ kèm lời nhắc; sửa xong nhấn Lưu lại.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Delete&lt;/b&gt;: xóa bản ghi đang chọn; &lt;b&gt;Ctrl+Z&lt;/b&gt; (Hoàn tác) khôi phục lần xóa gần nhất.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+D&lt;/b&gt;: nhân bản bản ghi đang chọn để nhập nhanh bản ghi tương tự.&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Tìm kiếm&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;: đến ô tìm kiếm. Không cần gõ dấu: gõ «dang» sẽ tìm thấy «Đặng».&lt;/li&gt;&lt;li&gt;Chọn kỳ (năm, 6 tháng, quý, tháng) để chỉ xem các bản ghi trong kỳ đó.&lt;/li&gt;&lt;li&gt;Nhấp tiêu đề cột để sắp xếp.&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Di chuyển&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+1&lt;/b&gt; … &lt;b&gt;Ctrl+9&lt;/b&gt;: chuyển nhanh giữa các trang; &lt;b&gt;F6&lt;/b&gt;: chuyển giữa cột bên trái và nội dung.&lt;/li&gt;&lt;li&gt;&lt;b&gt;F1&lt;/b&gt;: mở hướng dẫn này.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Dữ liệu được lưu ngay trên máy này, trong thư mục dữ liệu ghi ở thanh trạng thái; chương trình tự sao lưu hằng ngày.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quick help&lt;/h3&gt;&lt;p&gt;This program helps commune, district and province officers record and report on the plan against prostitution (1295/KH-UBND).&lt;/p&gt;&lt;h4&gt;Entering data&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;Pick a kind of record in the left column (e.g. “Communication activities”).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;: new record. &lt;b&gt;Enter&lt;/b&gt; or double-click: open a record to edit it.&lt;/li&gt;&lt;li&gt;In the dialog: &lt;b&gt;Tab&lt;/b&gt; moves between fields, &lt;b&gt;Enter&lt;/b&gt; or &lt;b&gt;Ctrl+S&lt;/b&gt; saves, &lt;b&gt;Esc&lt;/b&gt; closes. Fields marked &lt;span style='color:#c62828'&gt;*&lt;/span&gt; are required.&lt;/li&gt;&lt;li&gt;If something is wrong the field turns red with a note; fix it and save again.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Delete&lt;/b&gt;: delete the selected record; &lt;b&gt;Ctrl+Z&lt;/b&gt; (Undo) restores the last deletion.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ctrl+D&lt;/b&gt;: duplicate the selected record to enter a similar one quickly.&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Searching&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;: go to the search box. Marks are optional: “dang” finds “Đặng”.&lt;/li&gt;&lt;li&gt;Pick a period (year, half, quarter, month) to see only its records.&lt;/li&gt;&lt;li&gt;Click a column title to sort.&lt;/li&gt;&lt;/ul&gt;&lt;h4&gt;Moving around&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ctrl+1&lt;/b&gt; … &lt;b&gt;Ctrl+9&lt;/b&gt;: jump between pages; &lt;b&gt;F6&lt;/b&gt;: switch between the left column and the content.&lt;/li&gt;&lt;li&gt;&lt;b&gt;F1&lt;/b&gt;: this help.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The data is kept on this computer, in the data folder shown in the status bar; the program makes a backup every day.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImageChooser</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="34" />
        <source>(không dùng ảnh)</source>
        <translation>(no image)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="35" />
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="36" />
        <source>Bỏ</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="252" />
        <source>Cấp số, ban hành báo cáo</source>
        <translation>Number and issue the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="255" />
        <source>ví dụ 15/BC-UBND</source>
        <translation>e.g. 15/BC-UBND</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="262" />
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="263" />
        <source>Ngày ban hành:</source>
        <translation>Date of issue:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="266" />
        <source>Cấp số và ký số cơ quan</source>
        <translation>Number it and add the agency's signature</translation>
    </message>
</context>
<context>
    <name>ListFiles</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="59" />
        <source>Excel/CSV</source>
        <extracomment>Errors listed in the message's details (the first ones: a whole file of mistakes is not read out).</extracomment>
        <translation>Excel/CSV</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="60" />
        <source>Nhập bản ghi từ tệp Excel/CSV, xuất danh sách ra tệp</source>
        <translation>Import records from an Excel/CSV file, export the list to a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="63" />
        <source>Nhập từ tệp Excel/CSV…</source>
        <translation>Import from an Excel/CSV file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="65" />
        <source>Xuất danh sách đang xem ra Excel/CSV…</source>
        <translation>Export the list shown to Excel/CSV…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="68" />
        <source>Lưu tệp mẫu để điền…</source>
        <translation>Save a blank file to fill in…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="81" />
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="87" />
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="97" />
        <source>Không nhập được tệp</source>
        <translation>The file was not imported</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="95" />
        <source>… và {n} lỗi khác.</source>
        <translation>… and {n} more mistakes.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="98" />
        <source>Tệp {name} có {n} lỗi nên chưa ghi bản ghi nào. Hãy sửa trong tệp rồi nhập lại:

{first}</source>
        <translation>{name} has {n} mistakes, so no record was written. Correct them in the file and import it again:

{first}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="102" />
        <source>Đã nhập {n} bản ghi từ {name} (mới: {new}, cập nhật: {upd}, không đổi: {same}).</source>
        <translation>Imported {n} records from {name} (new: {new}, updated: {upd}, unchanged: {same}).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="106" />
        <source>Nhập từ tệp</source>
        <translation>Import from a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="111" />
        <source>Nhập «{form}» từ tệp</source>
        <translation>Import «{form}» from a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="112" />
        <source>Bảng tính Excel hoặc CSV</source>
        <translation>Excel or CSV spreadsheet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="112" />
        <source>Mọi tệp</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="125" />
        <source>Không xuất được tệp</source>
        <translation>The file was not written</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="130" />
        <source>Đã lưu tệp mẫu {name}: điền mỗi bản ghi một dòng rồi chọn «Nhập từ tệp Excel/CSV…».</source>
        <translation>Saved the blank file {name}: fill in one record per row, then choose «Import from an Excel/CSV file…».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="132" />
        <source>Đã xuất {n} bản ghi ra {name}.</source>
        <translation>Exported {n} records to {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="139" />
        <source>{form} - mẫu</source>
        <translation>{form} - blank</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="147" />
        <source>Lưu tệp mẫu</source>
        <translation>Save a blank file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="147" />
        <source>Xuất danh sách ra tệp</source>
        <translation>Export the list to a file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="149" />
        <source>Bảng tính Excel</source>
        <translation>Excel spreadsheet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/list_files.py" line="149" />
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="27" />
        <source>Đăng nhập — {unit}</source>
        <translation>Log in — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="29" />
        <source>Dữ liệu của {unit} được bảo vệ bằng mật khẩu. Nhập mật khẩu của cán bộ nhập liệu hoặc của người phê duyệt.</source>
        <translation>The data of {unit} is password-protected. Type the officer's or the approver's password.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="41" />
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="43" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/login.py" line="44" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="34" />
        <source>Phòng, chống mại dâm — {unit}</source>
        <translation>Prostitution prevention — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="128" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="129" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="133" />
        <source>&amp;Đi đến</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="140" />
        <source>Chuyển giữa danh mục và nội dung</source>
        <translation>Switch between navigation and content</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="145" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="146" />
        <source>&amp;Hướng dẫn sử dụng</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="150" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="171" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="172" />
        <source>&lt;b&gt;Phòng, chống mại dâm&lt;/b&gt; — phiên bản {version}&lt;br&gt;Chương trình thực hiện và báo cáo Kế hoạch 1295/KH-UBND của UBND tỉnh Hà Nam (giai đoạn 2016–2020). Dữ liệu được lưu trên máy này.</source>
        <translation>&lt;b&gt;Prostitution prevention&lt;/b&gt; — version {version}&lt;br&gt;Carrying out and reporting on Plan 1295/KH-UBND of the Hà Nam People's Committee (2016–2020). The data is kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="179" />
        <source>Dữ liệu: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="182" />
        <source>Kỳ hiện tại: {period}</source>
        <translation>Current period: {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="184" />
        <source>Chưa xuất: {n} bản ghi</source>
        <translation>Not exported: {n} records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="186" />
        <source>người phê duyệt</source>
        <translation>approver</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="186" />
        <source>cán bộ nhập liệu</source>
        <translation>officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="187" />
        <source>Đăng nhập: {role}</source>
        <translation>Logged in: {role}</translation>
    </message>
</context>
<context>
    <name>OfficerPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="305" />
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="306" />
        <source>Người dùng chương trình này; tên được ghi vào nhật ký mỗi lần thêm, sửa, xóa.</source>
        <translation>The person using this program; the name is written to the log with every change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="313" />
        <source>ví dụ: Công chức Văn hóa - Xã hội</source>
        <translation>e.g. Culture and social affairs officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="315" />
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="316" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="83" />
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="93" />
        <source>Chỉ tiêu kế hoạch</source>
        <translation>Plan indicators</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="138" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="175" />
        <source>Tổng quan — {unit}</source>
        <translation>Overview — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="184" />
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="185" />
        <source>Năm làm việc {year} · Lần xuất dữ liệu gần nhất: {when} · Bản ghi chưa xuất: {n}</source>
        <translation>Working year {year} · Last export: {when} · Records not exported: {n}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="197" />
        <source>Chỉ tiêu kế hoạch {period} (Kế hoạch 1295/KH-UBND)</source>
        <translation>Plan indicators, {period} (Plan 1295/KH-UBND)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="204" />
        <source>Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký).</source>
        <translation>Could not compute the indicators (see the log file).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="226" />
        <source>Mục tiêu: {target}</source>
        <translation>Target: {target}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="229" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="229" />
        <source>Chưa đạt</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="230" />
        <source>Không có mục tiêu trong năm</source>
        <translation>No target this year</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="230" />
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="231" />
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="246" />
        <source>Chưa có chỉ tiêu nào cho năm này.</source>
        <translation>No indicators for this year.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="251" />
        <source>không áp dụng cho cấp xã</source>
        <translation>not applicable to a commune</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="253" />
        <source>chưa có dữ liệu</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="259" />
        <source>{n}/{m} tháng</source>
        <translation>{n}/{m} months</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="270" />
        <source>Số bản ghi {period}</source>
        <translation>Records, {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="280" />
        <source>Mở danh sách</source>
        <translation>Open the list</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="296" />
        <source>Đơn vị cấp dưới có dữ liệu: {n}/{total}</source>
        <translation>Units below with data: {n}/{total}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="303" />
        <source>Đã có dữ liệu trong kỳ</source>
        <translation>Has data for the period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="303" />
        <source>Chưa có dữ liệu trong kỳ</source>
        <translation>No data for the period yet</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="48" />
        <source>Tất cả</source>
        <extracomment>called by the settings page when something that shapes the whole window changed called to re-open the set-up wizard</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="51" />
        <source>Năm {year}</source>
        <translation>Year {year}</translation>
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
        <location filename="../../plan_desktop/ui/pages/records.py" line="86" />
        <source>Thêm mới</source>
        <extracomment>the widgets are made the first time the page is shown (:meth:`prepare`): the window holds one page per form, and an officer opens a few of them in a day records to select again once a search has filtered every row (it shows the first ones at once)</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="87" />
        <source>Thêm một bản ghi mới (Ctrl+N)</source>
        <translation>Add a new record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="88" />
        <location filename="../../plan_desktop/ui/pages/records.py" line="356" />
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="89" />
        <source>Mở bản ghi đang chọn (Enter hoặc nhấp đúp)</source>
        <translation>Open the selected record (Enter or double-click)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="90" />
        <source>Nhân bản</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="91" />
        <source>Tạo bản ghi mới giống bản ghi đang chọn (Ctrl+D)</source>
        <translation>Make a new record like the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="92" />
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="93" />
        <source>Xóa các bản ghi đang chọn (phím Delete)</source>
        <translation>Delete the selected records (Delete key)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="94" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="95" />
        <source>Khôi phục các bản ghi vừa xóa (Ctrl+Z)</source>
        <translation>Restore the records just deleted (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="107" />
        <source>Thêm mới (của đơn vị mình)</source>
        <translation>New (own unit)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="112" />
        <source>Kỳ: chỉ hiện những bản ghi còn hiệu lực trong kỳ này (đã bắt đầu, chưa kết thúc)</source>
        <translation>Period: show only the records in force during this period (begun, not yet ended)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="113" />
        <source>Kỳ: chỉ hiện các bản ghi trong kỳ này</source>
        <translation>Period: show only the records in this period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="122" />
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="127" />
        <source>Tìm (Ctrl+F) — không cần gõ dấu</source>
        <translation>Search (Ctrl+F) — marks optional</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="176" />
        <source>Ctrl+N: thêm · Enter: sửa · Delete: xóa · Ctrl+Z: hoàn tác · nhấp tiêu đề cột để sắp xếp</source>
        <translation>Ctrl+N: new · Enter: edit · Delete: delete · Ctrl+Z: undo · click a column title to sort</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="349" />
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="356" />
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="398" />
        <source>Đã lưu: {title}</source>
        <translation>Saved: {title}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="438" />
        <source>Không xóa được bản ghi của đơn vị khác.</source>
        <translation>Records of another unit cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="442" />
        <source>Xóa bản ghi «{title}»?</source>
        <translation>Delete the record “{title}”?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="444" />
        <source>Xóa {n} bản ghi đang chọn?</source>
        <translation>Delete the {n} selected records?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="445" />
        <source>Có thể khôi phục ngay bằng nút «Hoàn tác» (Ctrl+Z).</source>
        <translation>You can restore it at once with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="446" />
        <source>Xác nhận xóa</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="452" />
        <source>Không xóa được</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="456" />
        <source>Đã xóa {n} bản ghi. Nhấn «Hoàn tác» (Ctrl+Z) để khôi phục.</source>
        <translation>Deleted {n} record(s). Press Undo (Ctrl+Z) to restore.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="468" />
        <source>Không khôi phục được</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="474" />
        <source>Đã khôi phục {n} bản ghi.</source>
        <translation>Restored {n} record(s).</translation>
    </message>
</context>
<context>
    <name>ReportListWidget</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="301" />
        <source>Kỳ báo cáo</source>
        <extracomment>"Ký thêm…": a second signature (the chairman) on the selected signed report</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="301" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="301" />
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="301" />
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="302" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="302" />
        <source>Số, ngày văn bản</source>
        <translation>Number, date</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="307" />
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="308" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="447" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="453" />
        <source>Kiểm tra chữ ký</source>
        <translation>Verify signature</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="309" />
        <source>Mở lại kỳ…</source>
        <translation>Reopen period…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="310" />
        <source>Ký thêm…</source>
        <translation>Countersign…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="311" />
        <source>Người ký thứ hai (chủ tịch) ký tiếp vào báo cáo đã ký; chữ ký trước vẫn giữ nguyên giá trị.</source>
        <translation>The second signer (the chairman) signs the signed report too; the first signature stays valid.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="313" />
        <source>Cấp số, ban hành…</source>
        <translation>Number and issue…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="315" />
        <source>Văn thư ghi số, ngày văn bản vào báo cáo đã ký và ký số của cơ quan (kèm ảnh con dấu nếu có).</source>
        <translation>The clerk writes the document number and date into the signed report and adds the agency's digital signature (with the seal image, if set).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="318" />
        <source>Lưu bản sao…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="319" />
        <source>Chép tệp báo cáo (đã ký) ra USB hoặc thư mục khác.</source>
        <translation>Copy the (signed) report file to a USB stick or another folder.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="333" />
        <source>Chưa có báo cáo nào.</source>
        <translation>No reports yet.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="420" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="432" />
        <source>Lưu bản sao báo cáo</source>
        <translation>Save a copy of the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="451" />
        <source>Mã băm dữ liệu trong tệp khác với mã băm lúc ký.</source>
        <translation>The data hash in the file differs from the one at signing.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="461" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="469" />
        <source>Mở lại kỳ báo cáo</source>
        <translation>Reopen the report period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="462" />
        <source>Lý do mở lại kỳ {0} (ghi vào nhật ký; báo cáo đã ký sẽ bị đánh dấu «đã bị thay thế»):</source>
        <translation>Reason for reopening period {0} (written to the log; the signed report will be marked «superseded»):</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="118" />
        <source>để trống nếu văn thư ghi số</source>
        <extracomment>emitted after a PDF was written (path) — the main window may register it for signing emitted after a report was signed (path)</extracomment>
        <translation>leave empty if the clerk numbers it</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="127" />
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="128" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="129" />
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="130" />
        <source>Ngày ký:</source>
        <translation>Date of signing:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="132" />
        <source>Lưu bản nháp</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="133" />
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="202" />
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="151" />
        <source>Để trống: báo cáo in đoạn gợi ý để cán bộ bổ sung.</source>
        <translation>Left empty, the report prints a prompt for the officer to fill in.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="166" />
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="167" />
        <source>Lưu XLSX…</source>
        <translation>Save XLSX…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="168" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="169" />
        <source>Ký số…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="171" />
        <source>Lập báo cáo, lưu vào thư mục dữ liệu và ký số bằng tệp chứng thư hoặc thiết bị ký số (USB token). Sau khi ký, kỳ báo cáo bị khóa.</source>
        <translation>Make the report, save it in the data folder and sign it with a certificate file or a USB token. Once signed, the report period is locked.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="187" />
        <source>Cần thành phần QtPdf (gói PySide6-Addons) để xem trước; vẫn lưu được PDF và XLSX.</source>
        <translation>QtPdf (in the PySide6-Addons package) is needed for the preview; PDF and XLSX can still be saved.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="200" />
        <source>Đã mở lại kỳ {period}: có thể sửa số liệu, rồi lập và ký lại báo cáo.</source>
        <translation>Period {period} reopened: the data can be corrected, then the report made and signed again.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="203" />
        <source>Các báo cáo đã lập</source>
        <translation>Reports made</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="240" />
        <source>III. Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)</source>
        <translation>III. Overall assessment (strengths, shortcomings, causes)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="241" />
        <source>IV. Phương hướng, nhiệm vụ kỳ tới</source>
        <translation>IV. Directions and tasks for the next period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="242" />
        <source>V. Kiến nghị, đề xuất</source>
        <translation>V. Recommendations and proposals</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="320" />
        <source>Chỉ ký số được báo cáo của chính đơn vị mình.</source>
        <translation>Only your own unit's report can be signed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="322" />
        <source>Chỉ người phê duyệt mới được ký số báo cáo; hãy đăng nhập bằng mật khẩu của người phê duyệt.</source>
        <translation>Only the approver may sign reports; log in with the approver's password.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="340" />
        <source>Bấm «Xem trước» để lập báo cáo với số liệu mới nhất.</source>
        <translation>Press «Preview» to make the report with the latest data.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="356" />
        <source>Đã lưu bản nháp.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="368" />
        <source>Không lập được báo cáo: {error}</source>
        <translation>Could not make the report: {error}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="382" />
        <source>{n} trang</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="383" />
        <source>Báo cáo lập từ {n} bản ghi. Mã kiểm tra dữ liệu: {hash}…</source>
        <translation>Report made from {n} records. Data check code: {hash}…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="398" />
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="409" />
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="454" />
        <source>Ký số báo cáo — {period}</source>
        <translation>Sign the report — {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="464" />
        <source>Ký thêm (người ký thứ hai) — {period}</source>
        <translation>Countersign (second signer) — {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="488" />
        <source>Sau khi ký, số liệu của kỳ {period} bị khóa: không thêm, sửa, xóa được bản ghi của kỳ này cho đến khi người có thẩm quyền mở lại kỳ.</source>
        <translation>Once signed, the records of period {period} are locked: none can be added, changed or deleted until someone authorised reopens the period.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="512" />
        <source>Đã ký số báo cáo ({name}, trong thư mục dữ liệu). Số liệu của kỳ này đã được khóa.</source>
        <translation>Report signed ({name}, in the data folder). The data of this period is now locked.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="537" />
        <source>Lưu báo cáo PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="543" />
        <source>Lưu bảng số liệu XLSX</source>
        <translation>Save the data tables as XLSX</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="556" />
        <source>In báo cáo</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/report_page.py" line="572" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="113" />
        <source>Đã lưu báo cáo: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="116" />
        <source>Đã ký số báo cáo: {path}</source>
        <translation>Report signed: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="100" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="99" />
        <source>Theo lịch (1/1 – 31/12)</source>
        <translation>Calendar (1 Jan – 31 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="100" />
        <source>Theo kỳ thống kê (15/12 năm trước – 14/12)</source>
        <translation>Statistical (15 Dec of the year before – 14 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="108" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="110" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="111" />
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="113" />
        <source>Cán bộ và người ký báo cáo</source>
        <translation>Officer and report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="115" />
        <source>Họ tên cán bộ nhập liệu:</source>
        <translation>Data-entry officer:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="116" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="88" />
        <source>Chọn ảnh chữ ký (PNG nền trong suốt)</source>
        <translation>Choose the signature image (PNG, transparent background)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="90" />
        <source>Chọn ảnh con dấu (PNG)</source>
        <translation>Choose the seal image (PNG)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="117" />
        <source>Chức danh người ký:</source>
        <translation>Signer's title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="118" />
        <source>Thẩm quyền ký:</source>
        <translation>Signing authority:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="119" />
        <source>Họ tên người ký:</source>
        <translation>Signer's name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="120" />
        <source>Ảnh chữ ký tay:</source>
        <translation>Handwritten signature image:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="121" />
        <source>Ảnh con dấu:</source>
        <translation>Seal image:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="123" />
        <source>Làm việc</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="125" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="126" />
        <source>Cách tính kỳ báo cáo:</source>
        <translation>Period boundaries:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="127" />
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="129" />
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="132" />
        <source>Mở lại trình thiết lập…</source>
        <translation>Open the set-up wizard again…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="161" />
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="162" />
        <source>Sao lưu, khôi phục</source>
        <translation>Backup, restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="165" />
        <source>Mật khẩu</source>
        <translation>Passwords</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="174" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="205" />
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="395" />
        <source>Thiết lập chương trình phòng, chống mại dâm</source>
        <translation>Set up the prostitution prevention program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="398" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="399" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="400" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="401" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="448" />
        <source>Không thiết lập được</source>
        <translation>Set-up refused</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="466" />
        <location filename="../../plan_desktop/ui/wizard.py" line="471" />
        <location filename="../../plan_desktop/ui/wizard.py" line="479" />
        <source>Tệp thiết lập</source>
        <translation>Setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="467" />
        <source>Đơn vị đã được thiết lập, nhưng tệp thiết lập chưa được xác nhận: {error}</source>
        <translation>The unit is set up, but the setup file is not confirmed: {error}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="472" />
        <source>Đơn vị đã được thiết lập. Tệp thiết lập của {issuer} đang chờ xác nhận mã khóa {key}: hãy gọi điện đối chiếu rồi bấm «Xác nhận» ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».</source>
        <translation>The unit is set up. The setup file of {issuer} waits for its key code {key} to be confirmed: phone to compare, then press «Confirm» on the Data exchange page, keys tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="480" />
        <source>Đơn vị đã được thiết lập, nhưng chưa ghi nhận được khóa của cấp trên từ tệp: {error}</source>
        <translation>The unit is set up, but the key of the level above could not be recorded from the file: {error}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="63" />
        <source>Ký số báo cáo</source>
        <extracomment>Typical places of token libraries, offered as the starting folder of the file chooser.</extracomment>
        <translation>Sign the report</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="66" />
        <source>Tệp chứng thư số (.p12, .pfx)</source>
        <translation>Certificate file (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="67" />
        <source>Thiết bị ký số (USB token)</source>
        <translation>Signing device (USB token)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="74" />
        <source>Đường dẫn tệp .p12 hoặc .pfx</source>
        <translation>Path of the .p12 or .pfx file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="75" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="82" />
        <source>Tệp chứng thư:</source>
        <translation>Certificate file:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="86" />
        <source>Thư viện PKCS#11 do nhà cung cấp token cài đặt</source>
        <translation>PKCS#11 library installed by the token vendor</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="87" />
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="96" />
        <source>Tìm thiết bị</source>
        <translation>Find devices</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="103" />
        <source>Thư viện:</source>
        <translation>Library:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="104" />
        <source>Thiết bị:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="113" />
        <source>(chưa có — hãy ghi trong Cài đặt)</source>
        <translation>(none yet — set it in Settings)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="119" />
        <source>Người ký (khối chữ ký):</source>
        <translation>Signer (signature block):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="120" />
        <source>Chức vụ trên dấu chữ ký:</source>
        <translation>Title on the signature stamp:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="126" />
        <source>Họ tên trên dấu chữ ký số lấy từ chứng thư số và phải trùng họ tên người ký. Mật khẩu và mã PIN không được lưu lại; mỗi lần ký chương trình sẽ hỏi lại.</source>
        <translation>The name on the signature stamp comes from the certificate and must be the signer's name. Passphrases and PINs are never stored; the program asks for them each time.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="137" />
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="138" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="164" />
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="164" />
        <source>Mật khẩu tệp chứng thư:</source>
        <translation>Certificate file passphrase:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="168" />
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="169" />
        <source>Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)</source>
        <translation>Certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="175" />
        <source>Chọn thư viện PKCS#11 của thiết bị ký số</source>
        <translation>Choose the PKCS#11 library of the signing device</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="193" />
        <source>Không thấy thiết bị ký số nào: hãy cắm thiết bị (USB token) rồi thử lại.</source>
        <translation>No signing device found: plug in the USB token and try again.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="205" />
        <source>Hãy chọn thư viện PKCS#11 và thiết bị ký số.</source>
        <translation>Choose the PKCS#11 library and the signing device.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="209" />
        <source>Hãy chọn tệp chứng thư số (.p12, .pfx).</source>
        <translation>Choose the certificate file (.p12, .pfx).</translation>
    </message>
</context>
<context>
    <name>SignaturePage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="326" />
        <source>Người ký báo cáo</source>
        <translation>Report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="327" />
        <source>Khối chữ ký ở cuối báo cáo gửi cấp trên.</source>
        <translation>The signature block at the end of reports to the level above.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="344" />
        <source>Thẩm quyền ký:</source>
        <translation>Signing authority:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="343" />
        <source>Chức danh:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="345" />
        <source>Họ và tên người ký:</source>
        <translation>Signer's full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="348" />
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="358" />
        <source>(ký, đóng dấu)</source>
        <translation>(signature, seal)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="365" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="366" />
        <source>Kiểm tra lại rồi nhấn «Hoàn tất». Có thể sửa các thông tin này trong Cài đặt.</source>
        <translation>Check, then press Finish. All of this can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="377" />
        <source>&lt;p&gt;Đơn vị: &lt;b&gt;{unit}&lt;/b&gt; (mã {code})&lt;/p&gt;&lt;p&gt;Năm làm việc: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Cán bộ nhập liệu: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Người ký: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu: {folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Unit: &lt;b&gt;{unit}&lt;/b&gt; (code {code})&lt;/p&gt;&lt;p&gt;Working year: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data-entry officer: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Signer: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="46" />
        <source>Đơn vị sử dụng chương trình</source>
        <translation>Unit using the program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="48" />
        <source>Chọn xã (phường, thị trấn), huyện hoặc tỉnh mà máy tính này nhập và báo cáo số liệu.</source>
        <translation>Pick the commune (ward, town), district or province this computer enters and reports data for.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="57" />
        <source>Xã, phường, thị trấn</source>
        <translation>Commune, ward, town</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="58" />
        <source>Huyện, thị xã, thành phố</source>
        <translation>District, town, city</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="59" />
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="71" />
        <source>Gõ tên xã để tìm (không cần dấu)…</source>
        <translation>Type a commune name to search (marks optional)…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="81" />
        <source>Đã có dữ liệu nên không đổi được đơn vị; chỉ sửa được các thông tin khác.</source>
        <translation>There is data already, so the unit cannot change; the other details can.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="88" />
        <source>Mở tệp thiết lập do cấp trên gửi…</source>
        <extracomment>a setup file from the level above (read, not yet applied): it fixes the unit and brings the parent's key and the plan targets</extracomment>
        <translation>Open a setup file from the level above…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="90" />
        <source>Huyện (thành phố) có thể lập sẵn tệp thiết lập cho xã: chọn tệp đó thay vì chọn đơn vị bằng tay.</source>
        <translation>The district can prepare a setup file for the commune: choose that file instead of picking the unit by hand.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="103" />
        <source>Mã khóa cấp trên đọc qua điện thoại:</source>
        <translation>Key code the level above reads out by phone:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="108" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="109" />
        <source>Cấp:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="110" />
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="111" />
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="112" />
        <source>Tìm xã:</source>
        <translation>Find commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="113" />
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="150" />
        <source>Chọn tệp thiết lập</source>
        <translation>Choose the setup file</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="151" />
        <source>Tệp thiết lập (*.pdsetup);;Mọi tệp (*)</source>
        <translation>Setup file (*.pdsetup);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="169" />
        <source>Đơn vị mã {code} trong tệp thiết lập không có trong danh mục năm {year}.</source>
        <translation>The unit {code} of the setup file is not in the list of units of {year}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="178" />
        <source>Theo tệp thiết lập của {issuer} (mã {code}). Mã khóa trong tệp: {key} — hãy gọi điện cho cán bộ cấp trên, nhờ đọc mã khóa của họ và gõ vào ô dưới: nếu khớp, tệp được xác nhận ngay; để trống thì tệp chờ xác nhận ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».</source>
        <translation>From the setup file of {issuer} (code {code}). Key code in the file: {key} — phone the officer there, ask them to read out their key code and type it below: if it matches, the file is confirmed at once; left empty, the file waits for confirmation on the Data exchange page, keys tab.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="294" />
        <source>Đã chọn: {unit} (mã {code})</source>
        <translation>Chosen: {unit} (code {code})</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="295" />
        <source>Chưa chọn đơn vị.</source>
        <translation>No unit chosen yet.</translation>
    </message>
</context>
<context>
    <name>_HostPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="43" />
        <source>Lỗi không mong đợi; chi tiết được ghi trong tệp nhật ký {path}.</source>
        <translation>Unexpected error; the details are in the log file {path}.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="44" />
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="45" />
        <source>Không mở được trang «{page}».</source>
        <translation>Cannot open the page «{page}».</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/hosted.py" line="49" />
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
</context>
</TS>