"""Quantitative targets in task texts (spec/targets.md)."""

from .extract import extract_targets

__all__ = ["extract_targets"]
