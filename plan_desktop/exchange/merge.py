"""The merge rule for records that arrive in packages.

Higher revision wins. An older revision never overwrites a newer one. Equal revisions with the same
content are unchanged; equal revisions with different content are a conflict, settled the same way
everywhere (later ``updated_at``, then the larger content hash) so that packages imported in any
order end in the same state. Tombstones are ordinary rows with ``deleted = 1`` and a higher revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
OLDER = "older"  # incoming revision is older than ours: kept ours


@dataclass(frozen=True)
class Decision:
    outcome: str  # NEW | UPDATED | UNCHANGED | OLDER
    write: bool
    conflict: bool = False


def needs_hashes(existing: Mapping[str, Any] | None, incoming: Mapping[str, Any]) -> bool:
    """Whether :func:`decide` looks at the content hashes: only for equal revisions (a new record or a
    different revision is settled by the revisions alone, so nothing need be hashed to decide)."""
    return existing is not None and int(incoming["revision"]) == int(existing["revision"])


def decide(
    existing: Mapping[str, Any] | None,
    existing_hash: str | None,
    incoming: Mapping[str, Any],
    incoming_hash: str,
) -> Decision:
    if existing is None:
        return Decision(NEW, True)
    inc_rev, cur_rev = int(incoming["revision"]), int(existing["revision"])
    if inc_rev > cur_rev:
        return Decision(UPDATED, True)
    if inc_rev < cur_rev:
        return Decision(OLDER, False)
    if incoming_hash == existing_hash:
        return Decision(UNCHANGED, False)
    inc_key = (str(incoming.get("updated_at") or ""), incoming_hash)
    cur_key = (str(existing.get("updated_at") or ""), existing_hash or "")
    if inc_key > cur_key:
        return Decision(UPDATED, True, conflict=True)
    return Decision(UNCHANGED, False, conflict=True)
