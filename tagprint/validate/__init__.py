"""Validate stage: specs → semantic model, with every problem found listed at once."""

from .document import validate

__all__ = ["validate"]
