"""Paths shared by the tests (imported as ``helpers``: pytest puts this folder on sys.path)."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
