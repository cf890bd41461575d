"""What the builders report when they refuse to build something."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DocumentError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, said in plain English.

    ``where`` points at the place ("Paragraph 4.9", "Appendix C"); ``code`` is a stable name for
    tests and for the Django side to map onto form fields.
    """

    code: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DocumentError(Exception):
    """Raised instead of producing a document that has problems. Nothing is produced."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"The document was not produced because:\n{lines}")
