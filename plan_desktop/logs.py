"""A rotating log file in the data folder; the error dialog and messages point at it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from plan_desktop import paths
from plan_desktop.paths import private_dir, private_file

LOG_NAME = "plan_desktop.log"
_configured: Path | None = None


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every new file is created readable by its owner only."""

    def _open(self):
        private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(folder: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``<data folder>/logs/plan_desktop.log`` (1 MB × 5 files). Returns the file, or None
    when the folder cannot be written (the program then runs without a log file)."""
    global _configured
    log_file = paths.log_dir(folder) / LOG_NAME
    if _configured == log_file:
        return log_file
    try:
        private_dir(log_file.parent)  # the log names files and units: the owner's only (the file: _open)
        handler = _PrivateRotatingHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("plan_desktop")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = log_file
    return log_file


def log_file_path() -> Path | None:
    return _configured
