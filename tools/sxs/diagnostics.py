"""Diagnostics: every problem the tool finds, as `path:line:col: severity: message`.

Stages never raise for bad input; they return Diagnostic values that the pipeline
collects, prints and counts. Exceptions are kept for bugs and for I/O failures
of the output directory, which the CLI turns into one error line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file; line and col are 1-based (0 when unknown)."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"
        return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)  # one message, one line

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.ERROR, message)


def warning(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.WARNING, message)


class SxsError(Exception):
    """A failure that aborts a command (bad arguments, unusable output directory)."""
