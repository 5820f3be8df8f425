"""F1: a short help in the officer's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        text = QTextBrowser()
        text.setObjectName("help_text")
        text.setOpenExternalLinks(False)
        text.setHtml(self.tr(
            "<h3>Hướng dẫn nhanh</h3>"
            "<p>Chương trình giúp cán bộ xã, huyện, tỉnh ghi chép và báo cáo việc thực hiện "
            "Kế hoạch phòng, chống mại dâm (1295/KH-UBND).</p>"
            "<h4>Nhập dữ liệu</h4><ul>"
            "<li>Chọn loại dữ liệu ở cột bên trái (ví dụ «Hoạt động truyền thông»).</li>"
            "<li><b>Ctrl+N</b>: thêm bản ghi mới. <b>Enter</b> hoặc nhấp đúp: mở bản ghi để sửa.</li>"
            "<li>Trong hộp thoại: <b>Tab</b> chuyển ô, <b>Enter</b> hoặc <b>Ctrl+S</b> để lưu, "
            "<b>Esc</b> để đóng. Ô có dấu <span style='color:#c62828'>*</span> là bắt buộc.</li>"
            "<li>Nếu có chỗ chưa đúng, ô đó được tô đỏ kèm lời nhắc; sửa xong nhấn Lưu lại.</li>"
            "<li><b>Delete</b>: xóa bản ghi đang chọn; <b>Ctrl+Z</b> (Hoàn tác) khôi phục lần xóa gần nhất.</li>"
            "<li><b>Ctrl+D</b>: nhân bản bản ghi đang chọn để nhập nhanh bản ghi tương tự.</li></ul>"
            "<h4>Tìm kiếm</h4><ul>"
            "<li><b>Ctrl+F</b>: đến ô tìm kiếm. Không cần gõ dấu: gõ «dang» sẽ tìm thấy «Đặng».</li>"
            "<li>Chọn kỳ (năm, 6 tháng, quý, tháng) để chỉ xem các bản ghi trong kỳ đó.</li>"
            "<li>Nhấp tiêu đề cột để sắp xếp.</li></ul>"
            "<h4>Di chuyển</h4><ul>"
            "<li><b>Ctrl+1</b> … <b>Ctrl+9</b>: chuyển nhanh giữa các trang; <b>F6</b>: chuyển giữa "
            "cột bên trái và nội dung.</li>"
            "<li><b>F1</b>: mở hướng dẫn này.</li></ul>"
            "<p>Dữ liệu được lưu ngay trên máy này, trong thư mục dữ liệu ghi ở thanh trạng thái; "
            "chương trình tự sao lưu hằng ngày.</p>"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(buttons)
        self.resize(620, 560)
