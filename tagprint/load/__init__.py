"""Load stage: YAML files → shape-checked specs with source positions."""

from .project import Loaded, load

__all__ = ["Loaded", "load"]
