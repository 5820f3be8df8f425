"""The store's faster helpers give what the plain formulas give: search text, record hash, audit row
hash, and rows read without sqlite-utils' savepoint per query."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from plan_desktop.domain.forms import default_forms
from plan_desktop.domain.text import fold
from plan_desktop.store import Store, audit

FORMS = default_forms()
STORE = Store.memory(FORMS)

#: text with the characters that make folding interesting: marks, đ, combining marks, odd spaces
TEXT = st.lists(st.sampled_from([*"aAđĐăâêôơư ÁẶặ\u0323\u0301 \t\u00a0\n|;,xyz09ß", "Đặng", "  "]),
                max_size=12).map("".join)


def reference_search_text(form, row) -> str:
    """``Store.search_text`` as first written: every part joined, then folded once."""
    parts: list[str] = []
    for f in form.fields:
        v = row.get(f.name)
        if v is None:
            continue
        if f.type == "text":
            parts.append(str(v))
        elif f.type == "choice":
            parts.append(f.choice_label(v))
        elif f.type == "choices":
            parts.extend(f.choice_label(c) for c in f.from_storage(v))
    return fold(" | ".join(parts))


def stored_value(fd):
    if fd.type == "text":
        return st.one_of(st.none(), TEXT, st.integers(0, 99))
    if fd.type == "choice":
        return st.one_of(st.none(), st.sampled_from([c.code for c in fd.choices]), TEXT, st.integers(0, 2),
                         st.booleans())
    if fd.type == "choices":
        codes = st.lists(st.one_of(st.sampled_from([c.code for c in fd.choices]), TEXT), max_size=3)
        return st.one_of(st.none(), codes.map(lambda c: json.dumps(c, ensure_ascii=False)), codes)
    return st.none()


@settings(max_examples=300, deadline=None)
@given(data=st.data(), form_id=st.sampled_from(sorted(FORMS)))
def test_search_text_is_the_fold_of_all_parts(data, form_id):
    form = FORMS[form_id]
    row = {fd.name: data.draw(stored_value(fd)) for fd in form.fields}
    assert STORE.search_text(form, row) == reference_search_text(form, row)
    assert STORE.search_text(form, row) == reference_search_text(form, row)  # and again, from the memo


#: what orjson and ``json`` might write differently: control characters, quotes, emoji (not lone
#: surrogates: no stored text holds one, and the original formula cannot encode them either)
ODD_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(row=st.dictionaries(st.sampled_from(["id", "unit_code", "revision", "topic", "date", "deleted", "x"]),
                           st.one_of(st.none(), st.integers(), st.integers(2**62, 2**70), TEXT, ODD_TEXT,
                                     st.booleans(), st.floats(allow_nan=False)), max_size=7))
def test_hashes_are_the_original_formulas(row):
    def ref_json(obj):
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)

    def sha(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    cols = ["id", "unit_code", "revision", "topic", "date", "deleted"]
    content = {c: row[c] for c in cols if row.get(c) is not None}
    expected = sha(ref_json({"form": "communication", **content}))
    assert audit.record_hash("communication", row, cols) == expected
    entry = {"seq": 3, "at": "t", "actor": "a", "action": "create", "form": "f",
             "record_id": row.get("topic"), "unit_code": None, "revision": row.get("revision"),
             "content_hash": "h", "note": None, "prev_hash": "p", "hash": "x"}
    body = {k: entry[k] for k in sorted(entry) if k not in ("hash", "prev_hash")}
    assert audit._row_hash("p", entry) == sha("p" + ref_json(body))


def test_hash_formats_are_pinned():
    """The digests of files written by earlier versions (json.dumps, sorted keys, no spaces, UTF-8): a
    faster encoder must give these very strings, or every old file's audit chain would break."""
    row = {"id": "0b9e2c1e-0000-4000-8000-000000000001", "unit_code": "13597", "revision": 2,
           "created_at": "2019-03-01T08:00:00.000Z", "deleted": 0, "topic": "Tuyên truyền \"Luật\"\n\x01 😀",
           "participants": 120, "cost": 1e-7, "audience": '["residents","youth"]'}
    cols = list(row)
    assert audit.record_hash("communication", row, cols) == (
        "a0ca37566f5b88ca77e254676f0a080549e1e1a9984c5517215c2d943869694f")
    del row["cost"]  # no float: the fast path
    assert audit.record_hash("communication", row, cols) == (
        "bf309dd8bff24af264dec851e5861a078200c52e8bf0a9df651d2be73f5a777c")
    entry = {"seq": 7, "at": "2019-03-01T08:00:00.000Z", "actor": "Cán bộ", "action": "import",
             "form": "communication", "record_id": row["id"], "unit_code": "13597", "revision": 2,
             "content_hash": "ab" * 32, "note": None}
    assert audit._row_hash(audit.GENESIS, entry) == (
        "f401c3020180ea1a3e6d63bff5173eb88420b766c08bc74973431438ad5fe996")


def test_append_many_makes_the_chain_append_makes():
    entries = [dict(at=f"t{i}", actor="a", action="create", form="communication", record_id=f"r{i}",
                    unit_code="13597", revision=1, content_hash=f"h{i}", note="import" if i % 2 else None)
               for i in range(5)]
    rows = []
    for many in (True, False):
        store = Store.memory(FORMS)
        with store.db.atomic(), audit.Appender(store.db) as ap:
            if many:
                assert ap.append_many(entries) == [1, 2, 3, 4, 5]
            else:
                for e in entries:
                    ap.append(**e)
        rows.append(store.db.conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall())
        assert audit.verify_chain(store.db) == []
        assert audit.head(store.db) == (5, rows[-1][-1][-1])
    assert rows[0] == rows[1]


def test_rows_read_as_sqlite_utils_reads_them():
    store = Store.memory(FORMS)
    store.set_settings({"a": [1, "Đặng"], "b": None})
    assert store.settings() == {"a": [1, "Đặng"], "b": None}
    assert list(store._query("SELECT key, value FROM settings ORDER BY key")) == list(
        store.db.query("SELECT key, value FROM settings ORDER BY key"))
    assert store.get_setting("missing", 5) == 5 and store.get_meta("missing") is None
