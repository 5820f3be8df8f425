"""The settings page writes through the settings service: the signer's title drives the authority
line, a bad value is refused on the page (nothing saved), and the images are kept in the data folder."""

from __future__ import annotations

from PIL import Image

from tests.ui.helpers import type_ime


def test_settings_page_checks_values_and_sets_the_authority_line(window, ctx, tmp_path, shots):
    page = window.show_page("settings")
    page.signer_position.setCurrentIndex(page.signer_position.findData("PHÓ CHỦ TỊCH"))
    assert page.signer_authority.text() == "KT. CHỦ TỊCH"
    page.signer_name.clear()
    type_ime(page.signer_name, "Trần Văn 9")
    page.save()
    assert "không phải họ và tên" in page.status.text()
    assert ctx.inst.store.get_setting("signer_name", "") == ""  # nothing written
    page.signer_name.clear()
    type_ime(page.signer_name, "Trần Văn Quyết")
    sig = tmp_path / "chu-ky.png"
    Image.new("RGBA", (120, 40), (0, 0, 0, 0)).save(sig)
    page.signature_image.set_path(str(sig))
    page.save()
    s = ctx.inst.store.settings()
    assert s["signer_name"] == "Trần Văn Quyết" and s["signer_title"] == "PHÓ CHỦ TỊCH"
    assert s["signer_authority"] == "KT. CHỦ TỊCH"
    assert s["signature_image"] == str(ctx.inst.folder / "images" / "chu-ky.png")
    assert page.signature_image.path() == s["signature_image"]
    window.resize(1024, 768)
    page.grab().save(str(shots / "settings_signer.png"))
