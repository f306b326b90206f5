"""Every problem of a build, collected: one run names them all, sorted by file and line.

A check that finds a problem records it and the build goes on with the next
entry or line; at the end, :meth:`Problems.raise_if_any` fails once with every
problem (:class:`BuildFailed`, which the build command prints, exit status 2).
Each problem names its file and line (the curated entry's line in the curated
file, or the line of the source text), the curated entry when there is one,
and what was expected.

    >>> problems = Problems()
    >>> with problems.entry("2014-2015/curated.toml", 12, "[[amount]] '870 000 $'"):
    ...     raise BuildError("no line of 'laval' contains '870 000 $'")
    >>> print(problems.report())
    2014-2015/curated.toml:12: [[amount]] '870 000 $': no line of 'laval' contains '870 000 $'
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import attrs

from rqds_portraits._errors import BuildError

__all__ = ["BuildFailed", "Problem", "Problems"]


@attrs.frozen(order=True)
class Problem:
    """One problem: where (file and line), which curated entry, and what is wrong."""

    file: str
    line: int
    entry: str
    message: str

    def __str__(self) -> str:
        entry = f" {self.entry}:" if self.entry else ""
        return f"{self.file}:{self.line}:{entry} {self.message}"


class BuildFailed(BuildError):
    """The build found problems; :attr:`problems` lists every one, sorted by file and line."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count}:\n" + "\n".join(str(problem) for problem in problems))


class Problems:
    """The problems found so far."""

    def __init__(self) -> None:
        self._found: list[Problem] = []

    def add(self, file: str, line: int, message: str, entry: str = "") -> None:
        """Record a problem at *line* of *file* (0 when it concerns the whole file)."""
        problem = Problem(file, line, entry, message)
        if problem not in self._found:
            self._found.append(problem)

    @contextmanager
    def entry(self, file: str, line: int, entry: str = "") -> Iterator[None]:
        """Run a check of one entry or line: a :class:`~rqds_portraits.BuildError` it raises is recorded, and the build goes on."""
        try:
            yield
        except BuildFailed:
            raise
        except BuildError as error:
            self.add(file, line, str(error), entry)

    def found(self) -> tuple[Problem, ...]:
        """The problems found so far, sorted by file and line."""
        return tuple(sorted(self._found))

    def __len__(self) -> int:
        return len(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)

    def report(self) -> str:
        """Every problem, one per line, sorted by file and line."""
        return "\n".join(str(problem) for problem in sorted(self._found))

    def raise_if_any(self) -> None:
        """Fail with every problem found, if any."""
        if self._found:
            raise BuildFailed(tuple(sorted(self._found)))
