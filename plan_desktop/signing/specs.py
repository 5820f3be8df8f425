"""Where the signer's key and certificate come from: a PKCS#12 file or a PKCS#11 token.

A spec holds the passphrase or PIN only for as long as the caller keeps it (it is never written
anywhere, and hidden from ``repr``). :meth:`SignerSpec.open` yields a pyHanko signer and closes the
token session afterwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from plan_desktop.signing.errors import SigningError, read_given_file

if TYPE_CHECKING:  # pyHanko is imported lazily: the program runs without it until signing is used
    from pyhanko.sign.signers import Signer


class SignerSpec(Protocol):
    def describe(self) -> str:
        """What the officer chose, in Vietnamese (no secret)."""

    def open(self) -> contextlib.AbstractContextManager[Signer]:
        """A pyHanko signer, ready to sign; raises :class:`SigningError` with the reason."""


def require_pyhanko() -> None:
    try:
        import pyhanko  # noqa: F401
    except ImportError:
        raise SigningError(
            "Chương trình thiếu thành phần pyHanko để ký và kiểm tra chữ ký số; hãy cài lại chương trình.",
            en="The program is missing its pyHanko component for signing and checking signatures; please "
               "reinstall the program.",
        ) from None


def _as_bytes(secret: str | bytes | None) -> bytes | None:
    if secret is None or secret == "" or secret == b"":
        return None
    return secret.encode("utf-8") if isinstance(secret, str) else secret


@dataclass(frozen=True)
class Pkcs12Spec:
    """A certificate file (``.p12`` / ``.pfx``) and its passphrase."""

    path: Path
    passphrase: str | bytes | None = field(default=None, repr=False)

    def describe(self) -> str:
        return f"tệp chứng thư số {Path(self.path).name}"

    @contextlib.contextmanager
    def open(self) -> Iterator[Signer]:
        require_pyhanko()
        from cryptography.hazmat.primitives.serialization import pkcs12
        from pyhanko.sign.signers import SimpleSigner

        path = Path(self.path)
        data = read_given_file(path, "tệp chứng thư số", "certificate file")
        try:
            key, cert, _ = pkcs12.load_key_and_certificates(data, _as_bytes(self.passphrase))
        except ValueError:
            raise SigningError(
                f"Không mở được tệp chứng thư số «{path.name}»: sai mật khẩu, hoặc tệp không phải "
                "tệp PKCS#12 (.p12, .pfx).",
                en=f"Cannot open the certificate file «{path.name}»: wrong password, or the file is not "
                   "a PKCS#12 file (.p12, .pfx).",
            ) from None
        if key is None or cert is None:
            raise SigningError(f"Tệp «{path.name}» không chứa khóa bí mật và chứng thư số của người ký.",
                               en=f"The file «{path.name}» does not contain the signer's private key and certificate.")
        try:
            signer = SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=_as_bytes(self.passphrase))
        except ValueError as exc:
            raise SigningError(f"Không dùng được khóa trong tệp «{path.name}»: {exc}.",
                               en=f"Cannot use the key in the file «{path.name}»: {exc}.") from None
        yield signer


@dataclass(frozen=True)
class TokenInfo:
    label: str
    manufacturer: str
    model: str
    serial: str


def _pkcs11_lib(lib_path: str | Path):
    try:
        import pkcs11  # noqa: F401
    except ImportError:  # pragma: no cover - a packaging problem
        raise SigningError("Chương trình thiếu thành phần python-pkcs11 để dùng thiết bị ký số (token).",
                           en="The program is missing its python-pkcs11 component for using a signing device "
                              "(token).") from None
    from pkcs11 import lib as p11lib

    path = Path(lib_path)
    if not path.exists():
        raise SigningError(f"Không tìm thấy thư viện PKCS#11 của thiết bị ký số «{path}».",
                           en=f"The PKCS#11 library of the signing device «{path}» was not found.")
    try:
        return p11lib(str(path))
    except Exception as exc:  # a file that is not a PKCS#11 module
        raise SigningError(f"Không nạp được thư viện PKCS#11 «{path.name}» ({exc}).",
                           en=f"Cannot load the PKCS#11 library «{path.name}» ({exc}).") from None


def list_tokens(lib_path: str | Path) -> list[TokenInfo]:
    """The tokens plugged in, as the token's library sees them (for the dialog's list)."""
    lib = _pkcs11_lib(lib_path)
    tokens = []
    for slot in lib.get_slots(token_present=True):
        try:
            t = slot.get_token()
        except Exception:
            continue
        tokens.append(TokenInfo(t.label.strip(), str(t.manufacturer_id).strip(), str(t.model).strip(),
                                str(t.serial.decode() if isinstance(t.serial, bytes) else t.serial).strip()))
    return tokens


def _is_p11_error(exc: BaseException) -> bool:
    try:
        import pkcs11.exceptions as p11e
    except ImportError:
        return False
    return isinstance(exc, p11e.PKCS11Error)


#: What a token's error means, in Vietnamese and English, by python-pkcs11 exception names.
_P11_TEXTS: list[tuple[tuple[str, ...], str, str]] = [
    (("PinIncorrect",), "Mã PIN của thiết bị ký số không đúng.", "The PIN of the signing device is wrong."),
    (("PinLocked",),
     "Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần; hãy liên hệ nhà cung cấp chứng thư số.",
     "The signing device is locked after too many wrong PINs; contact the provider of the certificate."),
    (("PinExpired", "PinInvalid", "PinLenRange"),
     "Mã PIN không hợp lệ hoặc đã hết hạn; hãy đổi mã PIN bằng phần mềm của nhà cung cấp thiết bị.",
     "The PIN is not valid or has expired; change it with the device provider's software."),
    (("TokenNotPresent", "DeviceRemoved", "NoSuchToken"),
     "Không thấy thiết bị ký số: hãy cắm thiết bị (USB token) rồi thử lại.",
     "No signing device found: plug in the device (USB token) and try again."),
    (("MultipleObjectsReturned",), "Thiết bị có nhiều {what}; hãy chỉ rõ nhãn chứng thư cần dùng.",
     "The device has more than one {what}; give the label of the certificate to use."),
    (("NoSuchKey",), "Không tìm thấy {what} trên thiết bị ký số.", "No {what} was found on the signing device."),
]


def p11_error(exc: BaseException, what: tuple[str, str]) -> SigningError:
    """The officer's error for a token's ``exc``; ``what`` names the object sought (Vietnamese, English)."""
    import pkcs11.exceptions as p11e

    for names, vi, en in _P11_TEXTS:
        if isinstance(exc, tuple(getattr(p11e, n) for n in names)):
            return SigningError(vi.format(what=what[0]), en=en.format(what=what[1]))
    detail = f"{type(exc).__name__} {exc}".strip()
    return SigningError(f"Thiết bị ký số báo lỗi: {detail}.", en=f"The signing device reported an error: {detail}.")


@dataclass(frozen=True)
class Pkcs11Spec:
    """A USB token (or any PKCS#11 module): its library, the token's label and the user PIN.

    Without ``key_label``/``cert_label`` the first certificate that has a private key with the same
    CKA_ID is used (a signing token of a Vietnamese CA holds one).
    """

    lib_path: Path
    token_label: str
    pin: str | None = field(default=None, repr=False)
    cert_label: str | None = None
    key_label: str | None = None

    def describe(self) -> str:
        return f"thiết bị ký số «{self.token_label}»"

    def _find_key_id(self, session) -> bytes:
        from pkcs11 import Attribute, ObjectClass

        key_ids = set()
        for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
            with contextlib.suppress(Exception):
                key_ids.add(bytes(key[Attribute.ID]))
        for cert in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            try:
                cid = bytes(cert[Attribute.ID])
            except Exception:
                continue
            if cid in key_ids:
                return cid
        raise SigningError("Không tìm thấy chứng thư số kèm khóa bí mật trên thiết bị ký số.",
                           en="No certificate with its private key was found on the signing device.")

    @contextlib.contextmanager
    def open(self) -> Iterator[Signer]:
        _pkcs11_lib(self.lib_path)
        import pkcs11.exceptions as p11e
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

        if not self.pin:
            raise SigningError("Chưa nhập mã PIN của thiết bị ký số.",
                               en="The PIN of the signing device has not been entered.")
        try:
            session = open_pkcs11_session(str(self.lib_path), token_criteria=TokenCriteria(label=self.token_label),
                                          user_pin=self.pin)
        except p11e.PKCS11Error as exc:
            if type(exc) is p11e.PKCS11Error:  # pyHanko's "no token matching the criteria"
                raise SigningError(
                    f"Không thấy thiết bị ký số có nhãn «{self.token_label}»: hãy cắm thiết bị rồi thử lại.",
                    en=f"No signing device labelled «{self.token_label}» was found: plug in the device and try again.",
                ) from None
            raise p11_error(exc, ("chứng thư số", "certificate")) from None
        try:
            if self.cert_label or self.key_label:
                signer = PKCS11Signer(session, cert_label=self.cert_label, key_label=self.key_label)
            else:
                kid = self._find_key_id(session)
                signer = PKCS11Signer(session, key_id=kid, cert_id=kid)
            try:
                _ = signer.signing_cert  # load the certificate now, so a wrong label fails here
            except p11e.PKCS11Error as exc:
                raise p11_error(exc, ("chứng thư số", "certificate")) from None
            yield signer
        finally:
            with contextlib.suppress(Exception):
                session.close()
