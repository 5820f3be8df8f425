"""Packaging tests: the helpers of ``tools/build_bundle.py`` (fast) and the built bundle (slow)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_build_bundle():
    name = "build_bundle"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bb():
    """``tools/build_bundle.py`` as a module."""
    return _load_build_bundle()
