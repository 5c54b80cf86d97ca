"""Located data errors: file:line:col, the record and the field, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    column: int
    owner: str | None  # e.g. "record 'mentor-programme-2022'" or "area 'innovation'"
    field: str | None  # e.g. "title.sv"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        parts = [part for part in (self.owner, self.field and f"field '{self.field}'") if part]
        prefix = ", ".join(parts)
        return f"{where}: {prefix}: {self.message}" if prefix else f"{where}: {self.message}"


def file_error(file: str, line: int, column: int, message: str) -> DataError:
    """An error about the file itself, not about one record or field."""
    return DataError(file, line, column, None, None, message)


def show(value: str) -> str:
    """A value for a one-line message: line breaks and tabs made visible, long values cut."""
    value = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return value if len(value) <= 40 else value[:37] + "..."


class DataErrors(Exception):
    """All errors found in the data, reported together."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} error{'s' if count != 1 else ''} in the data; nothing was built:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])
