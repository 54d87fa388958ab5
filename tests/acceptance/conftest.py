"""Fixtures of the end-to-end tests: a writable copy of the small comparison fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """tests/examples/compare (alpha, beta, gamma) copied to a models directory of its own."""
    target = tmp_path / "models"
    shutil.copytree(EXAMPLES / "compare", target)
    return target
