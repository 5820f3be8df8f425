"""The package file format: build, sign, encrypt, and read back with every check before use.

One file (a ZIP, stored) with exactly three members::

    manifest.json   canonical JSON: format, version, kind, source unit and its public keys, parent,
                    sequence, period covered, record counts per form, the SHA-256 and size of every
                    content member, the forwarded bundles, the encryption header, the payload hash
    manifest.sig    Ed25519 signature (64 bytes) over "plan-desktop manifest v1\\0" + manifest.json
    payload.bin     a ZIP (deflated) of the content members, encrypted to the parent's X25519 key
                    when it is known (see :mod:`crypto`), else the ZIP itself

Content members: ``records/<form>.jsonl`` (one stored row per line: the common fields and the form's
fields except its ``local_only`` ones, tombstones included), ``reports/<name>.pdf``, and at a district
``forwarded/<unit>-<seq>-<sha12>/…``: a commune's original ``manifest.json`` + ``manifest.sig`` and
the plaintext members that manifest lists, so the province can check which commune signed which data.

Receipts and setup files are the same container with only ``manifest.json`` and ``manifest.sig``.

Reading (:func:`open_file`, :func:`open_package`, :func:`verify_package`) touches nothing: it returns
verified data or raises :class:`PackageRefused` with a Vietnamese reason. :func:`open_package` checks
the whole package (signatures, trust, every member's hash, the counts) but parses no record: an import
parses and applies it bundle by bundle, form by form, a chunk of records at a time
(:meth:`Bundle.row_chunks`), in one transaction that a line found unreadable then rolls back.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from plan_desktop.domain.forms import COMMON_FIELDS, FormSet
from plan_desktop.domain.units import UnitRegistry
from plan_desktop.exchange import crypto
from plan_desktop.exchange.container import (
    MAX_FILE_BYTES,
    Members,
    read_members,
    require_regular,
    stored_zip,
    write_zip,
)
from plan_desktop.exchange.errors import PackageRefused
from plan_desktop.exchange.keys import KeyPair, b64, fingerprint, short_code, unb64, verify_signature

try:
    import orjson
except ImportError:  # pragma: no cover - a venv made before orjson joined the dependencies: same result, slower
    orjson = None  # type: ignore[assignment]

FORMAT = "plan-desktop/package"
#: 2: the member list and the per-form counts travel inside the encrypted payload (``contents.json``,
#: its hash in the signed manifest). Version 1 files (both in the manifest) are still read.
VERSION = 2
CONTENTS = "contents.json"
MAX_CONTENTS = 16 * 1024 * 1024
PACKAGE_EXT = ".pdpkg"
RECEIPT_EXT = ".pdbn"
SETUP_EXT = ".pdsetup"
_SIG_DOMAIN = b"plan-desktop manifest v1\x00"

MAX_MANIFEST = 16 * 1024 * 1024
MAX_PAYLOAD = 384 * 1024 * 1024
MAX_RECORDS_MEMBER = 128 * 1024 * 1024
MAX_REPORT = 32 * 1024 * 1024
MAX_LINE = 1024 * 1024

_FORM_RE = r"[a-z][a-z0-9_]{0,48}"
_RECORDS_RE = re.compile(rf"records/({_FORM_RE})\.jsonl")
_REPORT_RE = re.compile(r"reports/[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.pdf")
_FWD_RE = re.compile(r"forwarded/(\d{2,5})-(\d{1,9})-([0-9a-f]{12})/(.+)")
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_TS_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?")
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _outer_limit(name: str) -> int | None:
    return {"manifest.json": MAX_MANIFEST, "manifest.sig": 64, "payload.bin": MAX_PAYLOAD}.get(name)


def _content_limit(name: str) -> int | None:
    if name == CONTENTS:
        return MAX_CONTENTS
    if _RECORDS_RE.fullmatch(name):
        return MAX_RECORDS_MEMBER
    if _REPORT_RE.fullmatch(name):
        return MAX_REPORT
    return None


def _inner_limit(name: str) -> int | None:
    m = _FWD_RE.fullmatch(name)
    if m:
        rest = m.group(4)
        if rest == "manifest.json":
            return MAX_MANIFEST
        if rest == "manifest.sig":
            return 64
        return _content_limit(rest)
    return _content_limit(name)


# -- building ---------------------------------------------------------------------------------------
#: All a deleted record carries: which record, its revision, the deletion mark and when. Its content
#: stays behind (and a receiver keeps none of an older sender's).
TOMBSTONE_FIELDS = ("id", "unit_code", "revision", "deleted", "created_at", "updated_at")


def records_member(rows: list[Mapping[str, Any]], columns: list[str]) -> bytes:
    """JSON lines, one stored row each (the given columns; a deleted record's :data:`TOMBSTONE_FIELDS`
    only), sorted by id."""
    lines = [
        canonical({c: r.get(c) for c in (TOMBSTONE_FIELDS if r.get("deleted") else columns)})
        for r in sorted(rows, key=lambda r: str(r["id"]))
    ]
    return b"".join(line + b"\n" for line in lines)


def sign_manifest(keys: KeyPair, manifest: dict[str, Any]) -> tuple[bytes, bytes]:
    manifest = {
        **manifest,
        "format": FORMAT,
        "version": VERSION,
        "key": {
            "signing": b64(keys.signing_public),
            "encryption": b64(keys.encryption_public),
            "fingerprint": keys.fingerprint,
        },
    }
    raw = canonical(manifest)
    return raw, keys.sign(_SIG_DOMAIN + raw)


@dataclass(frozen=True)
class Recipient:
    unit: str
    encryption_key: bytes
    fingerprint: str


@dataclass(frozen=True)
class ForwardedBundle:
    """A child's signed bundle kept by the parent, to pass upward unchanged."""

    manifest_raw: bytes
    signature: bytes
    members: dict[str, bytes]  # relative names (records/…, reports/…)

    @property
    def sha256(self) -> str:
        return sha256(self.manifest_raw)

    def to_blob(self) -> bytes:
        return self.blob_of(self.manifest_raw, self.signature, list(self.members.items()))

    @staticmethod
    def blob_of(manifest_raw: bytes, signature: bytes,
                members: list[tuple[str, bytes | Callable[[], Iterable[bytes]]]]) -> bytes:
        """The archive of a signed bundle: its manifest, signature and members (sorted by name)."""
        return write_zip(
            [("manifest.json", manifest_raw), ("manifest.sig", signature), *sorted(members, key=lambda m: m[0])],
            compress=True,
            level=1,  # kept here only (what is signed are the members): written fast, at every import
        )

    @classmethod
    def from_blob(cls, blob: bytes) -> ForwardedBundle:
        members = read_members(
            blob,
            lambda n: {"manifest.json": MAX_MANIFEST, "manifest.sig": 64}.get(n) or _content_limit(n),
            what="Bản lưu gói của đơn vị cấp dưới",
        )
        raw = members.pop("manifest.json")
        sig = members.pop("manifest.sig")
        return cls(raw, sig, members)


def build_package(
    keys: KeyPair,
    manifest: dict[str, Any],
    own_members: list[tuple[str, bytes]],
    forwarded: list[ForwardedBundle],
    recipient: Recipient | None,
) -> tuple[bytes, bytes]:
    """The package file's bytes and its manifest's bytes. ``manifest`` holds the descriptive fields
    (kind, source, parent, sequence, period, counts…); members, forwarded, encryption and payload
    are filled in here."""
    inner: list[tuple[str, bytes]] = list(own_members)
    fwd_list = []
    for b in forwarded:
        m = json.loads(b.manifest_raw)
        prefix = f"forwarded/{m['source']['unit']}-{m['sequence']}-{b.sha256[:12]}/"
        fwd_list.append(
            {
                "unit": m["source"]["unit"],
                "sequence": m["sequence"],
                "manifest_sha256": b.sha256,
                "prefix": prefix,
            }
        )
        inner.append((prefix + "manifest.json", b.manifest_raw))
        inner.append((prefix + "manifest.sig", b.signature))
        inner.extend((prefix + n, d) for n, d in sorted(b.members.items()))
    members = {n: {"sha256": sha256(d), "size": len(d)} for n, d in inner}
    # which forms, how many records and how big: inside the encryption, the manifest signs its hash
    counts = manifest.pop("counts", {})
    contents = canonical({"members": members, "counts": counts})
    inner.append((CONTENTS, contents))
    plain = write_zip(inner, compress=True)
    manifest = {
        **manifest,
        "contents": {"sha256": sha256(contents), "size": len(contents)},
        "forwarded": fwd_list,
    }
    if recipient is not None:
        aad = canonical(
            {
                "source": manifest["source"]["unit"],
                "sequence": manifest["sequence"],
                "recipient": recipient.fingerprint,
            }
        )
        eph, nonce, payload = crypto.seal(plain, recipient.encryption_key, aad)
        manifest["encryption"] = {
            "scheme": crypto.SCHEME,
            "recipient_unit": recipient.unit,
            "recipient_fingerprint": recipient.fingerprint,
            "recipient_key": b64(recipient.encryption_key),
            "ephemeral": b64(eph),
            "nonce": b64(nonce),
        }
    else:
        payload = plain
        manifest["encryption"] = None
    manifest["payload"] = {"sha256": sha256(payload), "size": len(payload)}
    raw, sig = sign_manifest(keys, manifest)
    data = stored_zip([("manifest.json", raw), ("manifest.sig", sig), ("payload.bin", payload)])
    return data, raw


def build_signed_document(keys: KeyPair, manifest: dict[str, Any]) -> tuple[bytes, bytes]:
    """A receipt or setup file: manifest and signature only."""
    raw, sig = sign_manifest(keys, manifest)
    return stored_zip([("manifest.json", raw), ("manifest.sig", sig)]), raw


# -- reading: the signed manifest -------------------------------------------------------------------
def _refuse(msg: str, reason: str = "invalid", en: str | None = None) -> PackageRefused:
    return PackageRefused(msg, reason, en=en)


def _no_dupes(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        dupe = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {dupe}")
    return out


def _bad_constant(name: str) -> Any:
    raise ValueError(name)


#: JSON that refuses duplicate keys and NaN/Infinity, made once (a package has a line per record).
_STRICT = json.JSONDecoder(object_pairs_hook=_no_dupes, parse_constant=_bad_constant)


def parse_json(raw: bytes) -> Any:
    """``raw`` parsed as JSON, refusing (ValueError) duplicate keys and NaN/Infinity.

    What the program writes is canonical JSON (sorted keys, no spaces): such a text is read by orjson
    and accepted when orjson writes the value back to the very same bytes — which a text with a
    duplicate key cannot be (the value has one member fewer than the text), and orjson refuses NaN and
    Infinity outright. Anything else (another spacing, floats, lone surrogates, integers past 64 bits)
    goes through the strict decoder, as everything did before."""
    if orjson is not None:
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
        else:
            if orjson.dumps(obj, option=orjson.OPT_SORT_KEYS) == raw:
                return obj
    return _STRICT.decode(raw.decode("utf-8"))


@dataclass(frozen=True)
class SignedManifest:
    data: dict[str, Any]
    raw: bytes
    signature: bytes
    sha256: str
    signing_key: bytes
    encryption_key: bytes | None
    fingerprint: str

    @property
    def kind(self) -> str:
        return self.data["kind"]


def parse_signed_manifest(raw: bytes, sig: bytes, what: str = "Gói") -> SignedManifest:
    try:
        data = parse_json(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _refuse(
            f"{what}: phần mô tả (manifest) không đọc được — tệp đã bị sửa hoặc hỏng.", "bad_manifest"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(f"{what} không phải là gói dữ liệu của chương trình.", "not_a_package")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(f"{what}: số phiên bản định dạng không hợp lệ.", "bad_manifest")
    if version > VERSION:
        raise _refuse(
            f"{what} được tạo theo định dạng mới hơn (phiên bản {version}); hãy cập nhật chương trình rồi "
            "nhập lại.",
            "future_format",
        )
    if data.get("kind") not in ("package", "receipt", "setup"):
        raise _refuse(f"{what}: loại tệp không rõ.", "bad_manifest")
    key = data.get("key")
    try:
        if not isinstance(key, dict):
            raise ValueError
        signing = unb64(key.get("signing"), 32)
        enc = unb64(key.get("encryption"), 32) if key.get("encryption") is not None else None
    except ValueError:
        raise _refuse(f"{what}: khóa công khai trong tệp không hợp lệ.", "bad_manifest") from None
    fp = fingerprint(signing)
    if key.get("fingerprint") != fp:
        raise _refuse(f"{what}: dấu vân tay khóa không khớp với khóa.", "bad_manifest")
    if len(sig) != 64 or not verify_signature(signing, sig, _SIG_DOMAIN + raw):
        raise _refuse(f"{what}: chữ ký số không hợp lệ — tệp đã bị sửa sau khi ký.", "bad_signature")
    return SignedManifest(data, raw, sig, sha256(raw), signing, enc, fp)


def read_source(source: bytes | Path, what: str = "Tệp") -> bytes:
    """The bytes of a file given by path (size checked first), or the bytes themselves."""
    if isinstance(source, Path):
        require_regular(source, what)
        try:
            size = source.stat().st_size
            if size > MAX_FILE_BYTES:
                raise _refuse(f"{what} quá lớn ({size // (1024 * 1024)} MB).", "oversized")
            source = source.read_bytes()
        except OSError as exc:
            raise _refuse(f"Không đọc được {what}: {exc.strerror or exc}.", "unreadable") from None
    return source


def open_file(source: bytes | Path, what: str = "Tệp") -> tuple[SignedManifest, dict[str, bytes]]:
    """Open any of our files (package, receipt, setup file) and check its signature.

    The file must be exactly the canonical encoding of its members (:func:`stored_zip`): a changed
    byte anywhere, even in ZIP bookkeeping that no hash covers, is refused."""
    source = read_source(source, what)
    members = read_members(source, _outer_limit, what=what, max_members=3)
    order = [n for n in ("manifest.json", "manifest.sig", "payload.bin") if n in members]
    if stored_zip([(n, members[n]) for n in order]) != source:
        raise _refuse(f"{what} đã bị sửa hoặc bị hỏng (cấu trúc tệp không đúng chuẩn).", "not_canonical")
    if "manifest.json" not in members or "manifest.sig" not in members:
        raise _refuse(
            f"{what} không phải là gói dữ liệu của chương trình (thiếu phần mô tả hoặc chữ ký).",
            "not_a_package",
        )
    signed = parse_signed_manifest(members["manifest.json"], members["manifest.sig"], what)
    if signed.kind == "package" and "payload.bin" not in members:
        raise _refuse(f"{what}: thiếu phần dữ liệu.", "missing_member")
    if signed.kind != "package" and "payload.bin" in members:
        raise _refuse(f"{what}: có thành phần lạ.", "unexpected_member")
    return signed, members


# -- trust ------------------------------------------------------------------------------------------
# No key is trusted on first use. A unit's key is trusted when this installation pinned it (an approver
# compared its short code by phone, or the officer enrolled the code in advance), or when the level
# above that unit vouches for it in a signed statement (a *voucher*: unit code, public keys, validity)
# that this installation can check with a key it already trusts. Anything else is held apart until an
# approver confirms it (services/exchange/pending.py).
_VOUCH_DOMAIN = b"plan-desktop voucher v1\x00"
#: How long a voucher stays valid after it was issued (a key is re-vouched with every package or receipt).
VOUCHER_DAYS = 5 * 366


@dataclass(frozen=True)
class KnownKey:
    unit_code: str
    fingerprint: str
    signing_key: bytes | None  # None: enrolled by its short code (or fingerprint), key not seen yet
    encryption_key: bytes | None = None
    code: str | None = None  # the short code enrolled in advance (signing_key None)
    #: False for a key recorded by an older version on first use (``source = 'tofu'``): never confirmed
    confirmed: bool = True


@dataclass(frozen=True)
class Voucher:
    """A unit's signed statement that ``signing``/``encryption`` are the keys of its child ``unit``."""

    issuer: str
    unit: str
    signing: bytes
    encryption: bytes | None
    issued: date
    valid_until: date
    body: dict[str, Any]
    signature: bytes

    def to_json(self) -> dict[str, Any]:
        return {"body": self.body, "sig": b64(self.signature)}

    def valid_on(self, day: date) -> bool:
        return self.issued <= day + timedelta(days=2) and day <= self.valid_until


def make_voucher(
    keys: KeyPair, issuer: str, unit: str, signing: bytes, encryption: bytes | None, today: date
) -> Voucher:
    body = {
        "kind": "voucher",
        "issuer": issuer,
        "unit": unit,
        "signing": b64(signing),
        "encryption": b64(encryption) if encryption else None,
        "code": short_code(signing),
        "issued": today.isoformat(),
        "valid_until": (today + timedelta(days=VOUCHER_DAYS)).isoformat(),
    }
    sig = keys.sign(_VOUCH_DOMAIN + canonical(body))
    return Voucher(issuer, unit, signing, encryption, today, today + timedelta(days=VOUCHER_DAYS), body, sig)


def read_voucher(obj: Any, issuer_key: bytes) -> Voucher | None:
    """The voucher in ``obj`` when it is well formed and signed by ``issuer_key``; else None."""
    try:
        if not isinstance(obj, dict) or not isinstance(obj.get("body"), dict):
            return None
        body = obj["body"]
        sig = unb64(obj.get("sig"), 64)
        if body.get("kind") != "voucher" or not all(
            isinstance(body.get(k), str) for k in ("issuer", "unit", "issued", "valid_until")
        ):
            return None
        signing = unb64(body.get("signing"), 32)
        enc = unb64(body["encryption"], 32) if body.get("encryption") is not None else None
        issued, until = date.fromisoformat(body["issued"]), date.fromisoformat(body["valid_until"])
    except (ValueError, TypeError):
        return None
    if not verify_signature(issuer_key, sig, _VOUCH_DOMAIN + canonical(body)):
        return None
    return Voucher(body["issuer"], body["unit"], signing, enc, issued, until, body, sig)


def read_vouchers(items: Any, issuer: str, issuer_key: bytes, today: date) -> dict[str, Voucher]:
    """The valid vouchers ``issuer`` signed among ``items`` (a manifest's list), by unit."""
    out: dict[str, Voucher] = {}
    for obj in items if isinstance(items, list) else []:
        v = read_voucher(obj, issuer_key)
        if v is not None and v.issuer == issuer and v.valid_on(today):
            out[v.unit] = v
    return out


@dataclass(frozen=True)
class Untrusted:
    """A unit's key met in a file that nothing vouches for: the file is held until an approver confirms it."""

    unit: str
    signing_key: bytes
    encryption_key: bytes | None
    fingerprint: str
    code: str
    reason: str  # unknown | changed | unconfirmed
    pinned_fingerprint: str | None = None  # the key on record it contradicts (reason 'changed')


@dataclass
class TrustCheck:
    """Keys met while verifying one file: unit -> (signing, encryption, fingerprint, status).

    ``vouched`` holds the keys the file's (or a trusted) signer vouches for, by unit; a key neither
    pinned nor vouched is listed in ``untrusted`` (status 'held')."""

    known: Mapping[str, KnownKey]
    vouched: dict[str, Voucher] = field(default_factory=dict)
    seen: dict[str, tuple[bytes, bytes | None, str, str]] = field(default_factory=dict)
    untrusted: list[Untrusted] = field(default_factory=list)

    def check(self, unit: str, signed: SignedManifest, unit_label: str) -> str:
        """'known' (pinned), 'enrolled' (short code enrolled in advance, first file), 'vouched' (by the
        level above) or 'held' (nothing vouches for it: see ``untrusted``)."""
        prior = self.seen.get(unit)
        if prior is not None:
            if prior[0] != signed.signing_key:
                raise _refuse(f"Gói chứa dữ liệu của {unit_label} ký bằng hai khóa khác nhau.", "changed_key")
            return prior[3]
        k = self.known.get(unit)
        v = self.vouched.get(unit)
        code = short_code(signed.signing_key)
        if k is not None and k.signing_key == signed.signing_key and k.confirmed:
            status = "known"
        elif k is not None and k.signing_key is None and (k.code == code or k.fingerprint == signed.fingerprint):
            status = "enrolled"
        elif v is not None and v.signing == signed.signing_key:
            status = "vouched"
        else:
            status = "held"
            if k is None:
                reason = "unknown"
            elif k.signing_key == signed.signing_key:
                reason = "unconfirmed"
            else:
                reason = "changed"
            self.untrusted.append(
                Untrusted(
                    unit,
                    signed.signing_key,
                    signed.encryption_key,
                    signed.fingerprint,
                    code,
                    reason,
                    k.fingerprint if reason == "changed" else None,
                )
            )
        self.seen[unit] = (signed.signing_key, signed.encryption_key, signed.fingerprint, status)
        return status


# -- reading: packages --------------------------------------------------------------------------------
@dataclass
class RowProblem:
    form_id: str
    record_id: str
    reason: str


@dataclass(eq=False)
class Bundle:
    """One unit's signed data, verified (signature, every member's hash, the record counts): its
    manifest, and its members read from the package's content when asked for — a form's records are
    parsed a chunk at a time by :meth:`row_chunks`, so that a big package is never held parsed whole."""

    signed: SignedManifest
    unit: str
    sequence: int
    source: Members  # the package's inflated content, read member by member
    prefix: str  # of this bundle's members in ``source`` ("" for the package's own)
    names: tuple[str, ...]  # its members' relative names (records/…, reports/…, contents.json)
    form_ids: tuple[str, ...]  # the forms it has records of that this program knows, by id
    versions: dict[str, int]  # the version each form was written with
    forms: FormSet
    what: str  # how messages name it
    unknown_forms: list[str]
    forwarded_by: str | None = None

    @property
    def manifest(self) -> dict[str, Any]:
        return self.signed.data

    def member(self, rel: str) -> bytes:
        return self.source.read(self.prefix + rel)

    @property
    def members(self) -> dict[str, bytes]:
        """Every member's bytes, by relative name (read anew each time)."""
        return {n: self.member(n) for n in self.names}

    def row_chunks(self, form_id: str, size: int) -> Iterator[tuple[list[dict[str, Any]], list[RowProblem]]]:
        """:meth:`rows` a chunk of at most ``size`` rows at a time (each with the lines refused at the
        format level among them), parsed as they are asked for."""
        problems: list[RowProblem] = []
        name = f"records/{form_id}.jsonl"
        chunk: list[dict[str, Any]] = []
        pieces = self.source.chunks(self.prefix + name)
        for row in _iter_rows(name, pieces, form_id, self.forms, self.unit, problems, self.what,
                              self.versions.get(form_id, 1)):
            chunk.append(row)
            if len(chunk) >= size:
                yield chunk, problems[:]
                chunk = []
                problems.clear()
        if chunk or problems:
            yield chunk, problems[:]

    def rows(self, form_id: str) -> tuple[list[dict[str, Any]], list[RowProblem]]:
        """The records of ``form_id`` (one of :attr:`form_ids`) as stored rows, and the lines refused
        at the format level. Raises PackageRefused for a line that is not a record at all (the whole
        package is refused: the caller's transaction must roll back what it wrote of it)."""
        problems: list[RowProblem] = []
        name = f"records/{form_id}.jsonl"
        rows = _parse_rows(name, self.member(name), form_id, self.forms, self.unit, problems, self.what,
                           self.versions.get(form_id, 1))
        return rows, problems

    @cached_property
    def _parsed(self) -> tuple[dict[str, list[dict[str, Any]]], list[RowProblem]]:
        records: dict[str, list[dict[str, Any]]] = {}
        problems: list[RowProblem] = []
        for fid in self.form_ids:
            records[fid], p = self.rows(fid)
            problems += p
        return records, problems

    @property
    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Every form's rows at once (form id -> rows), parsed once and kept: for tools and tests; an
        import reads :meth:`row_chunks` instead."""
        return self._parsed[0]

    @property
    def problems(self) -> list[RowProblem]:
        return self._parsed[1]

    def to_forward(self) -> ForwardedBundle:
        return ForwardedBundle(self.signed.raw, self.signed.signature, self.members)

    def archive_blob(self) -> bytes:
        """``to_forward().to_blob()``, the same bytes, its members copied from the package a piece at
        a time (never one whole)."""
        return ForwardedBundle.blob_of(self.signed.raw, self.signed.signature,
                                       [(n, lambda n=n: self.source.chunks(self.prefix + n)) for n in self.names])


@dataclass
class VerifiedPackage:
    signed: SignedManifest
    own: Bundle
    forwarded: list[Bundle]
    trust: TrustCheck

    @property
    def bundles(self) -> list[Bundle]:
        return [*self.forwarded, self.own]


@dataclass
class VerifyContext:
    unit_code: str
    units: UnitRegistry
    keys: KeyPair | None
    known_keys: Mapping[str, KnownKey]
    forms: FormSet


def _req(cond: bool, what: str, detail: str) -> None:
    if not cond:
        raise _refuse(f"{what}: phần mô tả không hợp lệ ({detail}).", "bad_manifest")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _period(m: dict[str, Any], what: str) -> tuple[date, date]:
    p = m.get("period")
    _req(isinstance(p, dict), what, "thời kỳ")
    try:
        start, end = date.fromisoformat(p.get("from")), date.fromisoformat(p.get("to"))
    except (TypeError, ValueError):
        raise _refuse(f"{what}: thời kỳ không hợp lệ.", "bad_manifest") from None
    _req(start <= end, what, "thời kỳ")
    return start, end


def unit_label(units: UnitRegistry, code: str, on: date | None = None) -> str:
    u = units.get(code, on) or units.get(code)
    return f"{u.name} (mã {code})" if u else f"đơn vị mã {code}"


def _check_parent(units: UnitRegistry, child: str, parent: str, start: date, end: date, what: str) -> None:
    for on in (end, start):
        p = units.parent(child, on)
        if p is not None and p.code == parent:
            return
    raise _refuse(
        f"{what} là của {unit_label(units, child, end)}, không phải đơn vị trực thuộc "
        f"{unit_label(units, parent, end)} trong thời kỳ {start.isoformat()} đến {end.isoformat()}.",
        "foreign_unit",
    )


def _check_package_manifest(m: dict[str, Any], what: str) -> None:
    _req(m.get("kind") == "package", what, "loại")
    src = m.get("source")
    _req(
        isinstance(src, dict) and isinstance(src.get("unit"), str) and src["unit"].isdigit(),
        what,
        "đơn vị gửi",
    )
    _req(isinstance(m.get("parent"), str), what, "đơn vị nhận")
    _req(_is_int(m.get("sequence")) and 1 <= m["sequence"] < 10**9, what, "số thứ tự gói")
    _req(
        isinstance(m.get("created_at"), str) and bool(_TS_RE.fullmatch(m["created_at"])),
        what,
        "thời điểm tạo",
    )
    if "contents" in m:  # version 2: members and counts inside the payload
        c = m["contents"]
        _req(
            isinstance(c, dict)
            and isinstance(c.get("sha256"), str)
            and bool(_SHA_RE.fullmatch(c["sha256"]))
            and _is_int(c.get("size"))
            and 0 <= c["size"] <= MAX_CONTENTS,
            what,
            "mục lục",
        )
        _req("members" not in m and "counts" not in m, what, "mục lục")
    else:
        _check_members(m.get("members"), what)
        _req(isinstance(m.get("counts"), dict), what, "số bản ghi")
    _req(isinstance(m.get("forwarded"), list), what, "gói chuyển tiếp")
    _req(m.get("encryption") is None or isinstance(m.get("encryption"), dict), what, "mã hóa")
    reports = m.get("reports", [])
    _req(isinstance(reports, list), what, "báo cáo")


def _check_members(members: Any, what: str) -> None:
    _req(isinstance(members, dict), what, "danh sách thành phần")
    for name, meta in members.items():
        _req(
            isinstance(meta, dict)
            and isinstance(meta.get("sha256"), str)
            and bool(_SHA_RE.fullmatch(meta["sha256"]))
            and _is_int(meta.get("size"))
            and meta["size"] >= 0,
            what,
            f"thành phần {name[:60]}",
        )


def _contents(m: dict[str, Any], raw: bytes | None, what: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The declared members and per-form counts of a checked manifest: from its ``contents.json``
    (``raw``, checked against the hash the manifest signs) or, in a version 1 file, the manifest."""
    if "contents" not in m:
        return m["members"], m["counts"]
    meta = m["contents"]
    if raw is None:
        raise _refuse(f"{what}: thiếu mục lục (contents.json).", "missing_member")
    if meta["size"] != len(raw) or meta["sha256"] != sha256(raw):
        raise _refuse(f"{what}: mục lục không khớp với chữ ký — tệp đã bị sửa.", "hash_mismatch")
    try:
        c = parse_json(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _refuse(f"{what}: mục lục không đọc được.", "corrupt") from None
    _req(isinstance(c, dict) and set(c) == {"members", "counts"}, what, "mục lục")
    _check_members(c["members"], what)
    _req(isinstance(c["counts"], dict) and CONTENTS not in c["members"], what, "số bản ghi")
    return c["members"], c["counts"]


def forms_versions_of(manifest: Mapping[str, Any], what: str) -> dict[str, int]:
    """The ``forms_versions`` a setup file carries (form id → version; a package carries each form's
    ``form_version`` beside its count); empty for one made before forms had versions (every form then
    counts as version 1)."""
    raw = manifest.get("forms_versions", {})
    if not isinstance(raw, dict) or not all(isinstance(k, str) and _is_int(v) and v >= 1 for k, v in raw.items()):
        raise _refuse(f"{what}: phần mô tả phiên bản biểu mẫu (forms_versions) không hợp lệ.", "corrupt")
    return dict(raw)


def newer_forms(theirs: Mapping[str, int], forms: FormSet, form_ids: Iterable[str] | None = None) -> list[str]:
    """Vietnamese descriptions of the forms (of ``form_ids``, default every one in ``theirs``) that
    were made with a newer version than this program's, or that this program does not have."""
    out = []
    for fid in sorted(set(theirs if form_ids is None else form_ids)):
        if fid not in forms:
            out.append(f"«{str(fid)[:40]}» (chương trình này chưa có biểu mẫu này)")
        elif theirs.get(fid, 1) > forms[fid].version:
            out.append(f"«{forms[fid].label}» phiên bản {theirs[fid]} (ở đây: phiên bản {forms[fid].version})")
    return out


def refuse_newer_forms(newer: list[str], what: str) -> PackageRefused:
    err = _refuse(
        f"{what} được lập bằng biểu mẫu mới hơn biểu mẫu của chương trình này: {'; '.join(newer)}. "
        "Chưa nhập gì. Hãy cài phiên bản chương trình mới (cùng biểu mẫu với đơn vị gửi) rồi mở lại tệp.",
        "forms_newer")
    err.en = (f"{what} was made with newer forms than this program's: {len(newer)} form(s). Nothing was "
              "imported. Install the newer program version (with the sender's forms), then open the file again.")
    return err


def _parse_rows(
    name: str, data: bytes, form_id: str, forms: FormSet, unit: str, problems: list[RowProblem], what: str,
    version: int = 1,
) -> list[dict[str, Any]]:
    return list(_iter_rows(name, data, form_id, forms, unit, problems, what, version))


def _lines(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of the bytes ``pieces`` make up, as ``b"".join(pieces).split(b"\\n")`` gives them; a
    line found longer than :data:`MAX_LINE` is given as far as it was read, and nothing after it (the
    caller refuses it: a hostile line of 100 MB is not gathered piece by piece)."""
    rest = b""
    for piece in pieces:
        if rest:
            piece = rest + piece
        lines = piece.split(b"\n")
        rest = lines.pop()
        yield from lines
        if len(rest) > MAX_LINE:
            yield rest
            return
    yield rest


def _iter_rows(
    name: str, data: bytes | Iterable[bytes], form_id: str, forms: FormSet, unit: str, problems: list[RowProblem],
    what: str, version: int = 1,
) -> Iterator[dict[str, Any]]:
    """The records of the member ``name`` (``data``: its bytes, or its pieces as they are inflated),
    one stored row at a time as its line is read;
    a line refused at the format level goes to ``problems``. Raises PackageRefused for a line that is
    no record at all (when earlier rows may already have been used: the caller rolls back)."""
    form = forms[form_id]
    columns = set(COMMON_FIELDS) | set(form.field_names)
    # written with an older version of the form: its renamed fields read under today's names, the
    # fields removed on purpose since are left out; any other column this form does not know means
    # the two programs' forms disagree, and the package is refused (nothing is silently dropped)
    renamed, removed = form.upgrade_from(version)
    # local_only fields stay at the unit that wrote them: stored empty here even when an older
    # program version sent them
    local = set(form.local_only_names)
    types = {f.name: f for f in form.fields if f.name not in local}
    # values most records repeat (their unit, officer, timestamps of one batch, days, choice codes)
    # are kept once: a package of 100.000 records otherwise holds 100.000 copies of each
    repeated = [c for c in ("unit_code", "created_at", "updated_at", "created_by", "updated_by")
                if c not in local] + [f.name for f in types.values() if f.type in ("choice", "choices", "date")]
    share: dict[str, str] = {}
    seen: set[str] = set()
    allowed = frozenset(columns | removed | set(renamed))
    # the checks below, decided once per form: each field's expected type, in form order (the first
    # field of the wrong type names the reason); the columns in the store's order, a live record
    # keeping all but the local_only ones, a tombstone only what a tombstone carries
    typed = [(fname, fd.sql_type is int, fd.label) for fname, fd in types.items()]
    order = [*COMMON_FIELDS, *form.field_names]
    live = [(c, c not in local) for c in order]
    tomb = [(c, c in TOMBSTONE_FIELDS and c not in local) for c in order]
    blank = dict.fromkeys(order)  # a live record: these, filled from the line (C speed), locals emptied
    local_names = tuple(local)
    stamps: set[str] = set()  # timestamps already found well formed (a batch repeats its own)
    # line by line as the member is inflated: never the whole member at once (it may be 128 MB)
    for n, line in enumerate(_lines((data,) if isinstance(data, bytes) else data), start=1):
        if not line:
            continue
        if len(line) > MAX_LINE:
            raise _refuse(f"{what}: dòng {n} của «{name}» quá dài.", "oversized")
        try:
            row = parse_json(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise _refuse(f"{what}: «{name}» dòng {n} không đọc được.", "corrupt") from None
        if not isinstance(row, dict):
            raise _refuse(f"{what}: «{name}» dòng {n} không phải là một bản ghi.", "corrupt")
        for old, new in renamed.items():
            if old in row and new not in row:
                row[new] = row.pop(old)
        if not allowed.issuperset(row):
            stray = set(row) - allowed
            err = _refuse(
                f"{what}: biểu «{form.label}» có trường {', '.join(sorted(str(c)[:40] for c in stray)[:5])} mà biểu "
                f"mẫu ở đây (phiên bản {form.version}) không có và không ghi là đã bỏ. Chưa nhập gì; hãy dùng "
                "cùng phiên bản chương trình với đơn vị gửi.", "forms_mismatch")
            err.en = (f"{what}: form «{form.id}» has fields this program's forms do not have and do not list as "
                      "removed. Nothing was imported; use the same program version as the sender.")
            raise err
        get = row.get
        rid = get("id")
        if not isinstance(rid, str) or not _UUID_RE.fullmatch(rid):
            problems.append(RowProblem(form_id, str(rid)[:40], "mã bản ghi (id) không hợp lệ"))
            continue
        if rid in seen:
            raise _refuse(f"{what}: bản ghi {rid} xuất hiện hai lần trong «{name}».", "corrupt")
        seen.add(rid)
        # (parsed JSON holds exactly int, bool, float, str, None, list and dict: ``type(v) is int``
        # is an integer that is not a boolean)
        reason = None
        revision, created, updated, deleted = get("revision"), get("created_at"), get("updated_at"), get("deleted")
        by, by2 = get("created_by"), get("updated_by")
        if get("unit_code") != unit:
            reason = f"bản ghi thuộc đơn vị {get('unit_code')!s:.10}, không phải đơn vị gửi gói ({unit})"
        elif type(revision) is not int or revision < 1:
            reason = "số phiên bản (revision) không hợp lệ"
        elif not (type(created) is str and (created in stamps or _TS_RE.fullmatch(created))) or not (
            type(updated) is str and (updated in stamps or _TS_RE.fullmatch(updated))
        ):
            reason = "thời điểm tạo/sửa không hợp lệ"
        elif deleted not in (0, 1) or isinstance(deleted, bool):
            reason = "dấu xóa không hợp lệ"
        elif (by is not None and (type(by) is not str or len(by) > 300)) or (
            by2 is not None and (type(by2) is not str or len(by2) > 300)
        ):
            reason = "người tạo/sửa không hợp lệ"
        else:
            if len(stamps) < 10_000:
                stamps.add(created)
                stamps.add(updated)
            for fname, is_int, label in typed:
                v = get(fname)
                if v is None:
                    continue
                if not ((type(v) is int and -(2**62) < v < 2**62) if is_int
                        else (type(v) is str and len(v) < 200_000)):
                    reason = f"trường «{label}» sai kiểu dữ liệu"
                    break
        if reason:
            problems.append(RowProblem(form_id, rid, reason))
            continue
        if deleted:
            out = {c: get(c) if keep else None for c, keep in tomb}
        else:
            out = blank.copy()
            out.update(row)
            if len(out) != len(blank):  # a field removed from the form since (allowed, not kept)
                out = {c: get(c) if keep else None for c, keep in live}
            for c in local_names:
                out[c] = None
        if len(share) < 100_000:
            for c in repeated:
                v = out[c]
                if v.__class__ is str:
                    out[c] = share.setdefault(v, v)
        yield out


def _load_bundle(
    signed: SignedManifest,
    source: Members,
    prefix: str,
    names: Iterable[str],
    lines: Mapping[str, int],
    counts: dict[str, Any],
    ctx: VerifyContext,
    what: str,
    forwarded_by: str | None,
) -> Bundle:
    """The bundle of ``signed`` whose members are ``names`` (relative) under ``prefix`` in ``source``,
    checked against its declared counts (``lines``: the line count of each records member, by full
    name); its records are parsed later, form by form (:meth:`Bundle.row_chunks`)."""
    m = signed.data
    unit = m["source"]["unit"]
    names = tuple(sorted(names))
    unknown: list[str] = []
    known: list[str] = []
    # each form's version travels with its count, inside the encrypted contents (none: version 1)
    theirs = forms_versions_of({"forms_versions": {fid: c.get("form_version", 1) for fid, c in counts.items()
                                                   if isinstance(c, dict)}}, what)
    carried = [fid for fid, c in counts.items() if isinstance(c, dict) and _is_int(c.get("records"))
               and c["records"] > 0]
    newer = newer_forms(theirs, ctx.forms, carried)
    if newer:
        raise refuse_newer_forms(newer, what)
    for form_id, c in counts.items():
        n = c.get("records") if isinstance(c, dict) else None
        if not _is_int(n) or n < 0 or (n > 0 and f"records/{form_id}.jsonl" not in names):
            raise _refuse(
                f"{what}: số bản ghi của biểu «{str(form_id)[:40]}» không khớp với nội dung.",
                "count_mismatch",
            )
    for name in names:
        rm = _RECORDS_RE.fullmatch(name)
        if not rm:
            continue
        form_id = rm.group(1)
        declared = counts.get(form_id, {}).get("records") if isinstance(counts.get(form_id), dict) else None
        if declared != lines[prefix + name]:
            raise _refuse(
                f"{what}: số bản ghi của biểu «{form_id}» không khớp với phần mô tả.", "count_mismatch"
            )
        (known if form_id in ctx.forms else unknown).append(form_id)
    return Bundle(signed, unit, m["sequence"], source, prefix, names, tuple(known), theirs, ctx.forms, what,
                  unknown, forwarded_by)


def verify_package(source: bytes | Path, ctx: VerifyContext, what: str = "Gói") -> VerifiedPackage:
    """Every check, in order, and every bundle's records parsed; nothing is written. Raises
    PackageRefused. (An import uses :func:`open_package` and parses bundle by bundle as it writes.)"""
    pkg = open_package(source, ctx, what)
    for b in pkg.bundles:
        b.records  # noqa: B018 - parsed now: a line that is no record refuses the package here
    return pkg


def open_package(source: bytes | Path, ctx: VerifyContext, what: str = "Gói") -> VerifiedPackage:
    """Every check of the package as a whole, in order: its signature and the sender's trust, the
    encryption, the hash of every member (of the forwarded bundles too: each against its own unit's
    signature) and the record counts. Nothing is written, and no record is parsed yet: each bundle's
    records are parsed when read (:meth:`Bundle.row_chunks`), where a line that is not a record still
    refuses the package (PackageRefused). Raises PackageRefused."""
    signed, outer = open_file(source, what)
    if signed.kind != "package":
        raise _refuse(
            f"{what} không phải là gói dữ liệu mà là "
            f"{'biên nhận' if signed.kind == 'receipt' else 'tệp thiết lập'}.",
            "wrong_kind",
        )
    m = signed.data
    _check_package_manifest(m, what)
    unit = m["source"]["unit"]
    start, end = _period(m, what)
    label = unit_label(ctx.units, unit, end)
    if m["parent"] != ctx.unit_code:
        raise _refuse(
            f"{what} của {label} gửi cho đơn vị mã {m['parent']}, không phải cho đơn vị này "
            f"({unit_label(ctx.units, ctx.unit_code)}).",
            "foreign_unit",
        )
    _check_parent(ctx.units, unit, ctx.unit_code, start, end, what)
    trust = TrustCheck(ctx.known_keys)
    trust.check(unit, signed, label)
    # the sender vouches for the keys of the units whose bundles it forwards (never for its own)
    trust.vouched = {
        u: v
        for u, v in read_vouchers(m.get("vouchers"), unit, signed.signing_key, date.today()).items()
        if u != unit
    }
    payload = outer["payload.bin"]
    pm = m.get("payload")
    _req(isinstance(pm, dict), what, "phần dữ liệu")
    if pm.get("size") != len(payload) or pm.get("sha256") != sha256(payload):
        raise _refuse(
            f"{what}: phần dữ liệu không khớp với chữ ký — tệp đã bị sửa hoặc hỏng.", "hash_mismatch"
        )
    enc = m.get("encryption")
    if enc is not None:
        if (
            ctx.keys is None
            or enc.get("recipient_fingerprint") != ctx.keys.fingerprint
            or enc.get("recipient_key") != b64(ctx.keys.encryption_public)
        ):
            raise _refuse(
                f"{what} được mã hóa cho một khóa khác, không phải khóa của đơn vị này "
                f"({enc.get('recipient_fingerprint')!s:.40}). Có thể đơn vị đã cài lại chương trình: "
                "hãy gửi lại tệp thiết lập/biên nhận mới cho đơn vị cấp dưới rồi xuất lại gói.",
                "wrong_recipient",
            )
        if enc.get("scheme") != crypto.SCHEME:
            raise _refuse(f"{what}: kiểu mã hóa không hỗ trợ.", "bad_manifest")
        try:
            eph, nonce = unb64(enc.get("ephemeral"), 32), unb64(enc.get("nonce"), 12)
        except ValueError:
            raise _refuse(f"{what}: thông tin mã hóa không hợp lệ.", "bad_manifest") from None
        aad = canonical({"source": unit, "sequence": m["sequence"], "recipient": ctx.keys.fingerprint})
        plain = crypto.open_sealed(payload, ctx.keys.encryption, eph, nonce, aad)
        if plain is None:
            raise _refuse(f"{what}: không giải mã được — tệp đã bị sửa hoặc hỏng.", "decrypt_failed")
    else:
        plain = payload
    del payload, outer
    inner = Members(plain, _inner_limit, what=what)
    del plain
    declared, counts = _contents(m, inner.read(CONTENTS) if CONTENTS in inner else None, what)
    if set(inner.names) - {CONTENTS} != set(declared) or (CONTENTS in inner) != ("contents" in m):
        raise _refuse(f"{what}: danh sách thành phần không khớp với phần mô tả.", "members_mismatch")
    # every member inflated once here, a piece at a time, to check its hash (and count a records
    # member's lines); each bundle reads its members again when it is applied
    digests: dict[str, tuple[int, str]] = {}
    lines: dict[str, int] = {}
    for name in inner.names:
        if name == CONTENTS:
            continue
        h, size, newlines = hashlib.sha256(), 0, 0
        count = name.endswith(".jsonl")
        for piece in inner.chunks(name):
            h.update(piece)
            size += len(piece)
            if count:
                newlines += piece.count(b"\n")
        meta = declared[name]
        digest = h.hexdigest()
        if meta["size"] != size or meta["sha256"] != digest:
            raise _refuse(f"{what}: thành phần «{name}» không khớp mã băm — tệp đã bị sửa.", "hash_mismatch")
        digests[name] = (size, digest)
        if count:
            lines[name] = newlines
    # forwarded bundles (a district's package at the province)
    claimed: set[str] = set()
    forwarded: list[Bundle] = []
    prefixes: set[str] = set()
    for f in m["forwarded"]:
        _req(
            isinstance(f, dict)
            and isinstance(f.get("prefix"), str)
            and isinstance(f.get("unit"), str)
            and _is_int(f.get("sequence"))
            and isinstance(f.get("manifest_sha256"), str),
            what,
            "gói chuyển tiếp",
        )
        prefix = f["prefix"]
        pm_ = _FWD_RE.fullmatch(prefix + "manifest.json")
        _req(
            bool(pm_)
            and pm_.group(1) == f["unit"]
            and int(pm_.group(2)) == f["sequence"]
            and f["manifest_sha256"].startswith(pm_.group(3))
            and prefix not in prefixes,
            what,
            "gói chuyển tiếp",
        )
        prefixes.add(prefix)
        fwhat = f"{what} (dữ liệu chuyển tiếp của đơn vị mã {f['unit']}, gói số {f['sequence']})"
        try:
            fraw, fsig = inner.read(prefix + "manifest.json"), inner.read(prefix + "manifest.sig")
        except KeyError:
            raise _refuse(f"{fwhat}: thiếu phần mô tả hoặc chữ ký.", "missing_member") from None
        fsigned = parse_signed_manifest(fraw, fsig, fwhat)
        fm = fsigned.data
        _check_package_manifest(fm, fwhat)
        if (
            fsigned.sha256 != f["manifest_sha256"]
            or fm["source"]["unit"] != f["unit"]
            or fm["sequence"] != f["sequence"]
        ):
            raise _refuse(f"{fwhat}: không khớp với phần mô tả của gói.", "members_mismatch")
        if fm["forwarded"]:
            raise _refuse(f"{fwhat}: gói chuyển tiếp lồng nhau không được hỗ trợ.", "bad_manifest")
        if fm["parent"] != unit:
            raise _refuse(f"{fwhat}: gói này không gửi cho {label}.", "foreign_unit")
        fstart, fend = _period(fm, fwhat)
        _check_parent(ctx.units, f["unit"], unit, fstart, fend, fwhat)
        flabel = unit_label(ctx.units, f["unit"], fend)
        if trust.check(f["unit"], fsigned, flabel) == "held":
            # the level above enrols a unit two levels down only as vouched by that unit's own parent
            raise _refuse(
                f"{fwhat}: {label} không xác nhận khóa của {flabel} (mã khóa {short_code(fsigned.signing_key)}). "
                f"Hãy đề nghị {label} xác nhận khóa của đơn vị đó rồi xuất lại gói.",
                "unvouched",
                en=f"The package forwards data of unit {f['unit']} whose key the sending unit does not vouch for; "
                "ask it to confirm that unit's key and export again.",
            )
        fcontents = prefix + CONTENTS
        fdeclared, fcounts = _contents(fm, inner.read(fcontents) if fcontents in inner else None, fwhat)
        fnames: list[str] = []
        if "contents" in fm:
            fnames.append(CONTENTS)
        for rel, meta in fdeclared.items():
            got = digests.get(prefix + rel)
            if got is None or _content_limit(rel) is None:
                raise _refuse(f"{fwhat}: thiếu thành phần «{rel[:60]}».", "missing_member")
            if meta["size"] != got[0] or meta["sha256"] != got[1]:
                raise _refuse(
                    f"{fwhat}: thành phần «{rel[:60]}» không khớp với chữ ký của đơn vị đó.", "hash_mismatch"
                )
            fnames.append(rel)
        expected = {prefix + "manifest.json", prefix + "manifest.sig", *(prefix + r for r in fnames)}
        actual = {n for n in inner.names if n.startswith(prefix)}
        if expected != actual:
            raise _refuse(f"{fwhat}: có thành phần lạ.", "unexpected_member")
        claimed |= actual
        forwarded.append(_load_bundle(fsigned, inner, prefix, fnames, lines, fcounts, ctx, fwhat, forwarded_by=unit))
    stray = [n for n in inner.names if n.startswith("forwarded/") and n not in claimed]
    if stray:
        raise _refuse(f"{what}: có thành phần lạ «{stray[0][:80]}».", "unexpected_member")
    own_names = [n for n in inner.names if not n.startswith("forwarded/")]
    own = _load_bundle(signed, inner, "", own_names, lines, counts, ctx, what, forwarded_by=None)
    return VerifiedPackage(signed, own, forwarded, trust)


# -- reading: receipts and setup files ----------------------------------------------------------------
def verify_document(source: bytes | Path, kind: str, what: str) -> SignedManifest:
    signed, _ = open_file(source, what)
    if signed.kind != kind:
        names = {"package": "gói dữ liệu", "receipt": "biên nhận", "setup": "tệp thiết lập"}
        raise _refuse(f"{what} là {names[signed.kind]}, không phải {names[kind]}.", "wrong_kind")
    m = signed.data
    issuer = m.get("issuer")
    _req(isinstance(issuer, dict) and isinstance(issuer.get("unit"), str), what, "đơn vị lập")
    _req(isinstance(m.get("unit"), str), what, "đơn vị nhận")
    _req(
        isinstance(m.get("created_at"), str) and bool(_TS_RE.fullmatch(m["created_at"])),
        what,
        "thời điểm lập",
    )
    if kind == "receipt":
        _req(_is_int(m.get("sequence")) and 1 <= m["sequence"] < 10**9, what, "số gói")
        _req(m.get("status") in ("accepted", "returned"), what, "kết quả")
        _req(isinstance(m.get("reason", ""), str), what, "lý do")
        _req(isinstance(m.get("package_sha256"), str), what, "mã gói")
    return signed


def package_file_name(unit: str, day: date, sequence: int) -> str:
    return f"{unit}_{day.strftime('%Y%m%d')}_{sequence:04d}{PACKAGE_EXT}"
