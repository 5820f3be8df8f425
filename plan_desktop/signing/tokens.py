"""Finding the officer's USB token without asking for a library path.

A signing token is reached through the PKCS#11 library its certificate authority's installer copies onto
the computer. :data:`KNOWN_LIBRARIES` is the one table of those libraries: for each provider, the file
names its installer puts into ``%SystemRoot%\\System32`` (or ``SysWOW64``) on Windows, and the paths of
its Linux package. :func:`find_tokens` loads every library present and lists the tokens plugged in; the
signing dialog shows them as «VNPT-CA — <label>», and asks for a library file only when none is found.

Sources: the file names are those that signing plug-ins and tax/social-insurance tools published by or
for these providers load (collected from public code; VNPT-CA ``vnptca_p11_v8.dll`` … ``vnpt-ca_csp11.dll``,
Viettel-CA ``viettel-ca_v6.dll`` …, BKAV-CA ``BkavCA.dll``/``BkavCAv2S.dll``, FPT-CA ``fpt-ca*.dll``,
Nacencomm ``ncca_csp11_v1.dll``/``CA2_csp11.dll``, …). No public source names the library of the tokens of
Ban Cơ yếu Chính phủ (chữ ký số chuyên dùng công vụ); its entry lists the names reported for them and
is unconfirmed. Unknown providers are still found on Windows by the file-name patterns of
:data:`WINDOWS_PATTERNS` (``*csp11*.dll``, ``*p11*.dll``, ``*pkcs11*.dll`` in System32). SoftHSM2 (a
software token used by the tests) is one entry like any other.

No Qt here; python-pkcs11 is imported only when a library is loaded.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.specs import TokenInfo, list_tokens

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenLibrary:
    """One provider's PKCS#11 library: file names in the Windows system folders, full paths on Linux."""

    provider: str
    windows: tuple[str, ...] = ()
    linux: tuple[str, ...] = ()
    confirmed: bool = True


#: The certificate authorities whose tokens Vietnamese units use, most common first.
KNOWN_LIBRARIES: tuple[TokenLibrary, ...] = (
    TokenLibrary("VNPT-CA", windows=("vnptca_p11_v10.dll", "vnptca_p11_v8.dll", "vnptca_p11_v6.dll",
                                     "vnpt-ca_cl_v1.dll", "vnpt-ca_v4.dll", "vnpt-ca_v34.dll", "VNPT-CA_v34.dll",
                                     "vnpt-ca_csp11.dll", "vnpt-ca_csp11_x64.dll"),
                 linux=("/usr/lib/vnpt-ca/libcryptoki.so", "/usr/lib/libvnptca_p11.so")),
    TokenLibrary("Viettel-CA", windows=("viettel-ca_v6.dll", "viettel-ca_v6_s.dll", "viettel-ca_v5.dll",
                                        "viettel-ca_v4.dll", "viettel-ca_v2.dll", "viettel-ca.dll"),
                 linux=("/usr/lib/viettel-ca/libpkcs11.so", "/usr/lib/libviettel-ca_v6.so")),
    TokenLibrary("BKAV-CA", windows=("BkavCA.dll", "BkavCAv2S.dll", "bkavca_p11.dll", "BkavCAPKCS11.dll",
                                     "st3csp11.dll"),
                 linux=("/usr/lib/libbkavca.so",)),
    TokenLibrary("FPT-CA", windows=("fpt-ca_v5.dll", "fpt-ca_v4.dll", "fpt-ca.dll", "FPT_Token.dll"),
                 linux=("/usr/lib/fpt-ca/libpkcs11.so",)),
    TokenLibrary("Ban Cơ yếu Chính phủ", windows=("vgca_csp11.dll", "gclib.dll"), linux=("/usr/lib/libvgca.so",),
                 confirmed=False),
    TokenLibrary("Nacencomm (CA2, NC-CA)", windows=("ncca_csp11_v1.dll", "CA2_csp11.dll", "CA2_v34.dll")),
    TokenLibrary("I-CA", windows=("ica_csp11_v1.dll",)),
    TokenLibrary("FastCA", windows=("fca_v1.dll",)),
    TokenLibrary("SmartSign (Vina-CA)", windows=("vina-ca_v5.dll", "vina-ca_v3.dll", "vina-ca_v1.dll")),
    TokenLibrary("Safe-CA", windows=("Safe-ca_v2.dll", "Safe-ca_v1.dll")),
    TokenLibrary("EFY-CA", windows=("efy-ca_v1.dll",)),
    TokenLibrary("Newtel-CA", windows=("newca_v4.dll",)),
    TokenLibrary("MISA-CA", windows=("misaca_csp11_v2.dll",)),
    TokenLibrary("ePass2003 (token của nhiều nhà cung cấp)", windows=("eps2003csp11.dll", "eps2003csp11v2.dll"),
                 linux=("/usr/lib/libcastle.so.1.0.0", "/usr/local/lib/libcastle.so.1.0.0")),
    TokenLibrary("SafeNet eToken", windows=("eTPKCS11.dll",),
                 linux=("/usr/lib/libeTPkcs11.so", "/usr/lib/x86_64-linux-gnu/libeTPkcs11.so")),
    TokenLibrary("OpenSC", windows=("opensc-pkcs11.dll",),
                 linux=("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so",
                        "/usr/lib64/opensc-pkcs11.so")),
    TokenLibrary("SoftHSM2", windows=("softhsm2-x64.dll", "softhsm2.dll"),
                 linux=("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                        "/usr/local/lib/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so")),
)

#: File-name patterns of PKCS#11 libraries in the Windows system folders, for providers not in the table.
WINDOWS_PATTERNS = ("*csp11*.dll", "*_p11*.dll", "*pkcs11*.dll")


@dataclass(frozen=True)
class FoundLibrary:
    provider: str
    path: Path


@dataclass(frozen=True)
class FoundToken:
    provider: str
    lib_path: Path
    token: TokenInfo

    @property
    def label(self) -> str:
        return self.token.label

    def describe(self) -> str:
        """What the officer reads: «VNPT-CA — Nguyen Van A»."""
        return f"{self.provider} — {self.token.label}"


def windows_folders(env: dict[str, str] | None = None) -> list[Path]:
    env = os.environ if env is None else env
    root = Path(env.get("SystemRoot") or env.get("WINDIR") or r"C:\Windows")
    return [root / "System32", root / "SysWOW64"]


def installed_libraries(*, platform: str | None = None, env: dict[str, str] | None = None,
                        table: Iterable[TokenLibrary] = KNOWN_LIBRARIES) -> list[FoundLibrary]:
    """The token libraries present on this computer, table order, each file once."""
    platform = platform or sys.platform
    out: list[FoundLibrary] = []
    seen: set[str] = set()

    def add(provider: str, path: Path) -> None:
        key = str(path).lower() if platform == "win32" else str(path)
        if key not in seen and path.is_file():
            seen.add(key)
            out.append(FoundLibrary(provider, path))

    if platform == "win32":
        folders = [f for f in windows_folders(env) if f.is_dir()]
        for entry in table:
            for name in entry.windows:
                for folder in folders:
                    add(entry.provider, folder / name)
        for folder in folders:  # libraries of providers the table does not know
            try:
                names = sorted(p.name for p in folder.iterdir())
            except OSError:
                continue
            for name in names:
                if any(fnmatch.fnmatch(name.lower(), pat) for pat in WINDOWS_PATTERNS):
                    add(_provider_of(name), folder / name)
    else:
        for entry in table:
            for p in entry.linux:
                add(entry.provider, Path(p))
    return out


def _provider_of(file_name: str) -> str:
    return Path(file_name).stem


def find_tokens(*, extra: Iterable[str | Path] = (), platform: str | None = None, env: dict[str, str] | None = None,
                table: Iterable[TokenLibrary] = KNOWN_LIBRARIES) -> list[FoundToken]:
    """The tokens plugged in, through every installed library (and ``extra`` ones, e.g. the library used
    last time). A library that does not load or answer is skipped (logged), never an error."""
    libs = [FoundLibrary("", Path(p)) for p in extra if p]
    libs += installed_libraries(platform=platform, env=env, table=table)
    found: list[FoundToken] = []
    seen: set[tuple[str, str]] = set()
    for lib in libs:
        try:
            tokens = list_tokens(lib.path)
        except SigningError as exc:
            log.info("token library %s: %s", lib.path, exc)
            continue
        except Exception:  # a vendor library misbehaving must not stop the search
            log.warning("token library %s failed", lib.path, exc_info=True)
            continue
        provider = lib.provider or provider_of_path(lib.path, table)
        for t in tokens:
            if not t.label:  # an empty slot (SoftHSM's free slot, a blank card): nothing to sign with
                continue
            key = (t.label, t.serial)
            if key in seen:
                continue
            seen.add(key)
            found.append(FoundToken(provider, lib.path, t))
    return found


def provider_of_path(path: Path, table: Iterable[TokenLibrary] = KNOWN_LIBRARIES) -> str:
    """The provider a library file belongs to (by its name), else its file name."""
    name = Path(path).name.lower()
    for entry in table:
        if name in {n.lower() for n in entry.windows} or str(path) in entry.linux:
            return entry.provider
    return Path(path).name
