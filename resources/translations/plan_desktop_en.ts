<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Controller</name>
    <message>
        <location filename="../../plan_desktop/ui/app.py" line="72" />
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="130" />
        <source>Đã xảy ra lỗi</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="131" />
        <source>Chương trình gặp một lỗi không mong muốn. Dữ liệu đã lưu vẫn còn nguyên.</source>
        <translation>The program met an unexpected error. The data already saved is intact.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="132" />
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/startup.py" line="133" />
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
        <location filename="../../plan_desktop/ui/startup.py" line="136" />
        <source>Nội dung đang nhập trong hộp thoại vẫn được giữ; một bản nháp cũng được lưu tại:
{path}</source>
        <translation>What you were typing is still in its dialog; a draft was also saved at:
{path}</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="99" />
        <source>Xem — {form}</source>
        <translation>View — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="101" />
        <source>Thêm mới — {form}</source>
        <translation>New — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="103" />
        <source>Sửa — {form}</source>
        <translation>Edit — {form}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="169" />
        <source>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; bắt buộc nhập · Enter hoặc Ctrl+S: lưu · Esc: đóng</source>
        <translation>&lt;span style='color:#c62828'&gt;*&lt;/span&gt; required · Enter or Ctrl+S: save · Esc: close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="174" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="177" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="182" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="255" />
        <source>Chưa lưu: có {n} chỗ cần sửa (tô đỏ bên dưới).</source>
        <translation>Not saved: {n} field(s) need fixing (marked in red below).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="325" />
        <source>Đóng mà không lưu?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/entry_dialog.py" line="326" />
        <source>Bạn đã nhập hoặc sửa thông tin trong hộp thoại này. Đóng lại và bỏ những gì vừa nhập?</source>
        <translation>You have typed or changed something in this dialog. Close it and discard what you typed?</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="134" />
        <source>Đã xuất dữ liệu: {path}</source>
        <translation>Data exported: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="140" />
        <source>Chức năng xuất dữ liệu ra USB để gửi cấp trên và nhận dữ liệu từ cấp dưới đang được hoàn thiện và sẽ có trong phiên bản tới.</source>
        <translation>Exporting data to a USB stick for the level above, and importing from the level below, is being finished and will come in the next version.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="126" />
        <source>Trao đổi dữ liệu (USB)</source>
        <extracomment>the status bar counts records not exported yet; the window refreshes it on this</extracomment>
        <translation>Data exchange (USB)</translation>
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
        <location filename="../../plan_desktop/ui/editors.py" line="385" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="428" />
        <source>Gõ để tìm…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="441" />
        <source>(Không chọn)</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/editors.py" line="495" />
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
    <name>MainWindow</name>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="34" />
        <source>Phòng, chống mại dâm — {unit}</source>
        <translation>Prostitution prevention — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="121" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="122" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="126" />
        <source>&amp;Đi đến</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="133" />
        <source>Chuyển giữa danh mục và nội dung</source>
        <translation>Switch between navigation and content</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="138" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="139" />
        <source>&amp;Hướng dẫn sử dụng</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="143" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="164" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="165" />
        <source>&lt;b&gt;Phòng, chống mại dâm&lt;/b&gt; — phiên bản {version}&lt;br&gt;Chương trình thực hiện và báo cáo Kế hoạch 1295/KH-UBND của UBND tỉnh Hà Nam (giai đoạn 2016–2020). Dữ liệu được lưu trên máy này.</source>
        <translation>&lt;b&gt;Prostitution prevention&lt;/b&gt; — version {version}&lt;br&gt;Carrying out and reporting on Plan 1295/KH-UBND of the Hà Nam People's Committee (2016–2020). The data is kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="172" />
        <source>Dữ liệu: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="175" />
        <source>Kỳ hiện tại: {period}</source>
        <translation>Current period: {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/main_window.py" line="177" />
        <source>Chưa xuất: {n} bản ghi</source>
        <translation>Not exported: {n} records</translation>
    </message>
</context>
<context>
    <name>OfficerPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="225" />
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="226" />
        <source>Người dùng chương trình này; tên được ghi vào nhật ký mỗi lần thêm, sửa, xóa.</source>
        <translation>The person using this program; the name is written to the log with every change.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="233" />
        <source>ví dụ: Công chức Văn hóa - Xã hội</source>
        <translation>e.g. Culture and social affairs officer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="235" />
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="236" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="78" />
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="88" />
        <source>Chỉ tiêu kế hoạch</source>
        <translation>Plan indicators</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="131" />
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="156" />
        <source>Tổng quan — {unit}</source>
        <translation>Overview — {unit}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="165" />
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="166" />
        <source>Năm làm việc {year} · Lần xuất dữ liệu gần nhất: {when} · Bản ghi chưa xuất: {n}</source>
        <translation>Working year {year} · Last export: {when} · Records not exported: {n}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="177" />
        <source>Chỉ tiêu kế hoạch năm {year} (Kế hoạch 1295/KH-UBND)</source>
        <translation>Plan indicators {year} (Plan 1295/KH-UBND)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="181" />
        <source>Phần tính chỉ tiêu đang được hoàn thiện; các chỉ tiêu sẽ hiện ở đây.</source>
        <translation>Indicator computation is being finished; the indicators will appear here.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="189" />
        <source>Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký).</source>
        <translation>Could not compute the indicators (see the log file).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="211" />
        <source>Mục tiêu: {target}</source>
        <translation>Target: {target}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="214" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="214" />
        <source>Chưa đạt</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="227" />
        <source>Chưa có chỉ tiêu nào cho năm này.</source>
        <translation>No indicators for this year.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="232" />
        <source>chưa có dữ liệu</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="237" />
        <source>{n}/12 tháng</source>
        <translation>{n}/12 months</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="247" />
        <source>Số bản ghi {period}</source>
        <translation>Records, {period}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="257" />
        <source>Mở danh sách</source>
        <translation>Open the list</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="273" />
        <source>Đơn vị cấp dưới có dữ liệu: {n}/{total}</source>
        <translation>Units below with data: {n}/{total}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="280" />
        <source>Đã có dữ liệu trong kỳ</source>
        <translation>Has data for the period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/overview.py" line="280" />
        <source>Chưa có dữ liệu trong kỳ</source>
        <translation>No data for the period yet</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="45" />
        <source>Tất cả</source>
        <extracomment>called by the settings page when something that shapes the whole window changed called to re-open the set-up wizard</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/context.py" line="48" />
        <source>Năm {year}</source>
        <translation>Year {year}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../plan_desktop/ui/models.py" line="261" />
        <source>Bản ghi của {unit}: chỉ xem, không sửa được.</source>
        <extracomment>column key -&gt; (id -&gt; sort text, sort text -&gt; rank); kept while the data does not change</extracomment>
        <translation>Record of {unit}: view only, cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/models.py" line="273" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="68" />
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="69" />
        <source>Thêm một bản ghi mới (Ctrl+N)</source>
        <translation>Add a new record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="70" />
        <location filename="../../plan_desktop/ui/pages/records.py" line="316" />
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="71" />
        <source>Mở bản ghi đang chọn (Enter hoặc nhấp đúp)</source>
        <translation>Open the selected record (Enter or double-click)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="72" />
        <source>Nhân bản</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="73" />
        <source>Tạo bản ghi mới giống bản ghi đang chọn (Ctrl+D)</source>
        <translation>Make a new record like the selected one (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="74" />
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="75" />
        <source>Xóa các bản ghi đang chọn (phím Delete)</source>
        <translation>Delete the selected records (Delete key)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="76" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="77" />
        <source>Khôi phục các bản ghi vừa xóa (Ctrl+Z)</source>
        <translation>Restore the records just deleted (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="89" />
        <source>Thêm mới (của đơn vị mình)</source>
        <translation>New (own unit)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="93" />
        <source>Kỳ: chỉ hiện các bản ghi trong kỳ này</source>
        <translation>Period: show only the records in this period</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="102" />
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="107" />
        <source>Tìm (Ctrl+F) — không cần gõ dấu</source>
        <translation>Search (Ctrl+F) — marks optional</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="154" />
        <source>Ctrl+N: thêm · Enter: sửa · Delete: xóa · Ctrl+Z: hoàn tác · nhấp tiêu đề cột để sắp xếp</source>
        <translation>Ctrl+N: new · Enter: edit · Delete: delete · Ctrl+Z: undo · click a column title to sort</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="309" />
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="316" />
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="358" />
        <source>Đã lưu: {title}</source>
        <translation>Saved: {title}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="398" />
        <source>Không xóa được bản ghi của đơn vị khác.</source>
        <translation>Records of another unit cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="402" />
        <source>Xóa bản ghi «{title}»?</source>
        <translation>Delete the record “{title}”?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="404" />
        <source>Xóa {n} bản ghi đang chọn?</source>
        <translation>Delete the {n} selected records?</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="405" />
        <source>Có thể khôi phục ngay bằng nút «Hoàn tác» (Ctrl+Z).</source>
        <translation>You can restore it at once with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="406" />
        <source>Xác nhận xóa</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="412" />
        <source>Không xóa được</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="416" />
        <source>Đã xóa {n} bản ghi. Nhấn «Hoàn tác» (Ctrl+Z) để khôi phục.</source>
        <translation>Deleted {n} record(s). Press Undo (Ctrl+Z) to restore.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="428" />
        <source>Không khôi phục được</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/records.py" line="434" />
        <source>Đã khôi phục {n} bản ghi.</source>
        <translation>Restored {n} record(s).</translation>
    </message>
</context>
<context>
    <name>ReportListWidget</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="267" />
        <source>Làm mới</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="268" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="329" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="335" />
        <source>Kiểm tra chữ ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="269" />
        <source>Mở lại kỳ…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="278" />
        <source>Chưa có báo cáo nào.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="333" />
        <source>Mã băm dữ liệu trong tệp khác với mã băm lúc ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="343" />
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="351" />
        <source>Mở lại kỳ báo cáo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="344" />
        <source>Lý do mở lại kỳ {0} (ghi vào nhật ký; báo cáo đã ký sẽ bị đánh dấu «đã bị thay thế»):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="108" />
        <source>Đã lưu báo cáo: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="113" />
        <source>Chức năng lập báo cáo định kỳ (6 tháng, năm) theo Kế hoạch 1295/KH-UBND đang được hoàn thiện và sẽ có trong phiên bản tới.&lt;br&gt;&lt;br&gt;Trong lúc chờ, anh/chị vẫn nhập dữ liệu bình thường ở các trang bên trái; báo cáo sẽ được lập từ chính dữ liệu đó.</source>
        <translation>Periodic reports (six-monthly, yearly) under Plan 1295/KH-UBND are being finished and will come in the next version.&lt;br&gt;&lt;br&gt;Meanwhile, keep entering data on the pages on the left; the reports will be made from that data.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/placeholders.py" line="101" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="50" />
        <source>Theo lịch (1/1 – 31/12)</source>
        <translation>Calendar (1 Jan – 31 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="51" />
        <source>Theo kỳ thống kê (15/12 năm trước – 14/12)</source>
        <translation>Statistical (15 Dec of the year before – 14 Dec)</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="59" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="61" />
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="62" />
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="64" />
        <source>Cán bộ và người ký báo cáo</source>
        <translation>Officer and report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="66" />
        <source>Họ tên cán bộ nhập liệu:</source>
        <translation>Data-entry officer:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="67" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="68" />
        <source>Thẩm quyền ký (TM.):</source>
        <translation>Signing authority (on behalf of):</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="69" />
        <source>Chức danh người ký:</source>
        <translation>Signer's title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="70" />
        <source>Họ tên người ký:</source>
        <translation>Signer's name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="72" />
        <source>Làm việc</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="74" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="75" />
        <source>Cách tính kỳ báo cáo:</source>
        <translation>Period boundaries:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="76" />
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="78" />
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="81" />
        <source>Mở lại trình thiết lập…</source>
        <translation>Open the set-up wizard again…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="106" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/settings.py" line="128" />
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="312" />
        <source>Thiết lập chương trình phòng, chống mại dâm</source>
        <translation>Set up the prostitution prevention program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="315" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="316" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="317" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="318" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="363" />
        <source>Không thiết lập được</source>
        <translation>Set-up refused</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="62" />
        <source>Ký số báo cáo</source>
        <extracomment>Typical places of token libraries, offered as the starting folder of the file chooser.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="65" />
        <source>Tệp chứng thư số (.p12, .pfx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="66" />
        <source>Thiết bị ký số (USB token)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="73" />
        <source>Đường dẫn tệp .p12 hoặc .pfx</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="74" />
        <source>Chọn tệp…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="81" />
        <source>Tệp chứng thư:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="85" />
        <source>Thư viện PKCS#11 do nhà cung cấp token cài đặt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="86" />
        <source>Chọn…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="95" />
        <source>Tìm thiết bị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="102" />
        <source>Thư viện:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="103" />
        <source>Thiết bị:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="113" />
        <source>Theo chứng thư số</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="117" />
        <source>Họ tên trên dấu chữ ký:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="118" />
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="124" />
        <source>Mật khẩu và mã PIN không được lưu lại; mỗi lần ký chương trình sẽ hỏi lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="129" />
        <source>Ký số</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="130" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="155" />
        <source>Mã PIN:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="155" />
        <source>Mật khẩu tệp chứng thư:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="159" />
        <source>Chọn tệp chứng thư số</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="160" />
        <source>Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="166" />
        <source>Chọn thư viện PKCS#11 của thiết bị ký số</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="184" />
        <source>Không thấy thiết bị ký số nào: hãy cắm thiết bị (USB token) rồi thử lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="196" />
        <source>Hãy chọn thư viện PKCS#11 và thiết bị ký số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../plan_desktop/ui/pages/signing_dialog.py" line="200" />
        <source>Hãy chọn tệp chứng thư số (.p12, .pfx).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignaturePage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="246" />
        <source>Người ký báo cáo</source>
        <translation>Report signer</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="247" />
        <source>Khối chữ ký ở cuối báo cáo gửi cấp trên.</source>
        <translation>The signature block at the end of reports to the level above.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="261" />
        <source>Thẩm quyền ký:</source>
        <translation>Signing authority:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="262" />
        <source>Chức danh:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="263" />
        <source>Họ và tên người ký:</source>
        <translation>Signer's full name:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="266" />
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="275" />
        <source>(ký, đóng dấu)</source>
        <translation>(signature, seal)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="282" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="283" />
        <source>Kiểm tra lại rồi nhấn «Hoàn tất». Có thể sửa các thông tin này trong Cài đặt.</source>
        <translation>Check, then press Finish. All of this can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="294" />
        <source>&lt;p&gt;Đơn vị: &lt;b&gt;{unit}&lt;/b&gt; (mã {code})&lt;/p&gt;&lt;p&gt;Năm làm việc: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Cán bộ nhập liệu: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Người ký: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu: {folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Unit: &lt;b&gt;{unit}&lt;/b&gt; (code {code})&lt;/p&gt;&lt;p&gt;Working year: &lt;b&gt;{year}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data-entry officer: &lt;b&gt;{officer}&lt;/b&gt; — {title}&lt;/p&gt;&lt;p&gt;Signer: {authority} / {position} / &lt;b&gt;{signer}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="40" />
        <source>Đơn vị sử dụng chương trình</source>
        <translation>Unit using the program</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="41" />
        <source>Chọn xã (phường, thị trấn), huyện hoặc tỉnh mà máy tính này nhập và báo cáo số liệu.</source>
        <translation>Pick the commune (ward, town), district or province this computer enters and reports data for.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="50" />
        <source>Xã, phường, thị trấn</source>
        <translation>Commune, ward, town</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="51" />
        <source>Huyện, thị xã, thành phố</source>
        <translation>District, town, city</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="52" />
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="64" />
        <source>Gõ tên xã để tìm (không cần dấu)…</source>
        <translation>Type a commune name to search (marks optional)…</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="74" />
        <source>Đã có dữ liệu nên không đổi được đơn vị; chỉ sửa được các thông tin khác.</source>
        <translation>There is data already, so the unit cannot change; the other details can.</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="80" />
        <source>Năm làm việc:</source>
        <translation>Working year:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="81" />
        <source>Cấp:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="82" />
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="83" />
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="84" />
        <source>Tìm xã:</source>
        <translation>Find commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="85" />
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="214" />
        <source>Đã chọn: {unit} (mã {code})</source>
        <translation>Chosen: {unit} (code {code})</translation>
    </message>
    <message>
        <location filename="../../plan_desktop/ui/wizard.py" line="215" />
        <source>Chưa chọn đơn vị.</source>
        <translation>No unit chosen yet.</translation>
    </message>
</context>
</TS>