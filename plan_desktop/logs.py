"""A rotating log file in the data folder; the error dialog and messages point at it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from plan_desktop import paths

LOG_NAME = "plan_desktop.log"
_configured: Path | None = None


def setup_logging(folder: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``<data folder>/logs/plan_desktop.log`` (1 MB × 5 files). Returns the file, or None
    when the folder cannot be written (the program then runs without a log file)."""
    global _configured
    log_file = paths.log_dir(folder) / LOG_NAME
    if _configured == log_file:
        return log_file
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8", delay=True)
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
