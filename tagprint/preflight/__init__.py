"""Preflight: check ANY PDF against what PDF/UA-1, PDF/A and WCAG require of its objects, and show what a
screen reader will announce.

    check_files([Path("a.pdf")], "text")  -> (report, exit code)    0 clean, 1 errors, 2 unusable input,
                                                                      3 a check crashed
    read_file(Path("a.pdf"))              -> ["heading level 1: …", …]

`register_cli(subparsers)` adds the `check` and `read` subcommands to an argparse parser; each handler is
stored with `set_defaults(handler=…)`, takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .cli import main, register_cli

_LAZY = {
    "check_file": "api", "check_files": "api", "read_file": "api",
    "ERROR": "findings", "WARNING": "findings", "Finding": "findings", "UnusableInput": "findings",
    "FileResult": "report", "REGISTRY": "checks", "Crashed": "checks", "SpeechUnavailable": "reader", "speak": "reader",
}


def __getattr__(name: str) -> Any:  # PEP 562: the checks load on first use, not on import
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)


__all__ = ["Crashed", "ERROR", "WARNING", "Finding", "FileResult", "REGISTRY", "SpeechUnavailable", "UnusableInput",
           "check_file", "check_files", "main", "read_file", "register_cli", "speak"]
