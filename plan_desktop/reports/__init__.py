"""Report documents: the periodic report (content in :mod:`periodic`, layout in :mod:`layout`, PDF in
:mod:`pdf`, charts in :mod:`charts`, XLSX in :mod:`xlsx`) and the plan indicators (:mod:`indicators`).

:func:`report_data_hash` names the records a report was computed from (it is written into the PDF's
metadata as ``plan_desktop:data_sha256=<hex>``).
"""

from plan_desktop.reports.scope import HASH_PREFIX, ReportError, report_data_hash

__all__ = ["HASH_PREFIX", "ReportError", "report_data_hash"]
