"""USB exchange use cases: keys, export, import, receipts, setup files, completeness. No Qt.

The command line and the window both call these functions. Everything the officer reads is
Vietnamese. The package format itself lives in :mod:`plan_desktop.exchange.package`; here we decide
what goes into a package, what a verified package does to the store, and what the exchange
bookkeeping tables say (in the same SQLite file, made by the store's migration ``0002_exchange``).

The code is split by responsibility: :mod:`.state` (bookkeeping tables, counters, keys on record),
:mod:`.keys` (own keys, trust), :mod:`.files` (safe writes), :mod:`.export`, :mod:`.imports`,
:mod:`.receipts`, :mod:`.setup_file`, :mod:`.history` (export history, completeness board),
:mod:`.pending` (files held until an approver confirms the key that signed them) and :mod:`.anchors`
(the audit chain heads units report, compared to find rewritten history below).
This module re-exports their names, so ``from plan_desktop.services import exchange`` and
``exchange.X`` keep working.
"""

from __future__ import annotations

from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.services.exchange.export import (
    ExportResult,
    export_package,
    signed_reports_to_send,
)
from plan_desktop.services.exchange.history import (
    DEFAULT_GRACE_DAYS,
    Board,
    Cell,
    ExportStatus,
    completeness,
    export_history,
    level_can_import,
    pending_changes,
)
from plan_desktop.services.exchange.imports import (
    MAX_SEQUENCE_JUMP,
    FileResult,
    FormTally,
    ImportReport,
    expand_paths,
    import_files,
    local_time,
    missing_numbers,
)
from plan_desktop.services.exchange.keys import (
    KeyInfo,
    has_keys,
    keys_overview,
    own_keys,
    source_vi,
    trust_key,
)
from plan_desktop.services.exchange.pending import (
    KIND_VI,
    ApproveResult,
    PendingKey,
    approve_key,
    list_pending,
    reject_key,
)
from plan_desktop.services.exchange.receipts import (
    ReceiptResult,
    write_receipt,
)
from plan_desktop.services.exchange.setup_file import (
    SetupInfo,
    apply_setup_file,
    read_setup_file,
    write_setup_file,
)
from plan_desktop.services.exchange.state import (
    REASON_VI,
    TABLES_SQL,
    Progress,
    ensure_tables,
    known_keys,
)
from plan_desktop.services.exchange.state import _label as _label  # the exchange page uses it
from plan_desktop.services.exchange.state import _on as _on  # the exchange page uses it

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "KIND_VI",
    "MAX_SEQUENCE_JUMP",
    "REASON_VI",
    "TABLES_SQL",
    "ApproveResult",
    "Board",
    "Cell",
    "ExchangeError",
    "ExportResult",
    "ExportStatus",
    "FileResult",
    "FormTally",
    "ImportReport",
    "KeyInfo",
    "PackageRefused",
    "PendingKey",
    "Progress",
    "ReceiptResult",
    "SetupInfo",
    "apply_setup_file",
    "approve_key",
    "completeness",
    "ensure_tables",
    "expand_paths",
    "export_history",
    "export_package",
    "has_keys",
    "import_files",
    "keys_overview",
    "known_keys",
    "level_can_import",
    "list_pending",
    "local_time",
    "missing_numbers",
    "own_keys",
    "pending_changes",
    "read_setup_file",
    "reject_key",
    "signed_reports_to_send",
    "source_vi",
    "trust_key",
    "write_receipt",
    "write_setup_file",
]
