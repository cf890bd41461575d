"""Readers for PSPLIB single-mode RCPSP files (``.sm``) and their reference tables.

PSPLIB (Kolisch & Sprecher, 1996, "PSPLIB - a project scheduling problem library",
European Journal of Operational Research 96, 205-216) publishes the j30/j60/j90/j120
instance sets.  This module reads:

* an instance file (``j301_1.sm``) into an :class:`~.rcpsp.RcpspProblem`;
* the optimum table ``j30opt.sm`` and the best-known table ``j60hrs.sm``
  (columns: parameter group, instance, makespan, ...) into :class:`ReferenceValue` rows;
* the lower-bound table ``j60lb.sm`` (parameter, instance, UB, LB, ``*`` when LB = UB).

Jobs are renumbered from 0: PSPLIB job ``k`` is index ``k - 1``.  Only single-mode files
with renewable resources are accepted; anything else raises :class:`PsplibFormatError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .rcpsp.problem import RcpspProblem

__all__ = [
    "PsplibFormatError",
    "ReferenceValue",
    "instance_name",
    "parse_sm",
    "parse_sm_text",
    "read_lower_bound_table",
    "read_reference_table",
]


class PsplibFormatError(ValueError):
    """The text is not a single-mode PSPLIB file this reader understands."""


@dataclass(frozen=True)
class ReferenceValue:
    """One row of a PSPLIB reference table.

    ``makespan`` is the optimum (j30opt) or best known upper bound (j60hrs).
    ``lower_bound`` is only known when read from a lower-bound table; ``proven_optimal``
    is true for the j30 optimum table and for lower-bound rows marked ``*``.
    """

    name: str
    parameter: int
    instance: int
    makespan: int
    proven_optimal: bool
    lower_bound: int | None = None


def instance_name(set_name: str, parameter: int, instance: int) -> str:
    """PSPLIB file stem for a set, parameter group and instance: ``j30``, 1, 2 -> ``j301_2``."""
    return f"{set_name}{parameter}_{instance}"


_INT_RE = re.compile(r"-?\d+")


def _ints(line: str) -> list[int]:
    return [int(x) for x in _INT_RE.findall(line)]


def _section(lines: list[str], header: str) -> int:
    for i, line in enumerate(lines):
        if line.strip().upper().startswith(header):
            return i
    raise PsplibFormatError(f"missing section '{header}'")


def _header_value(lines: list[str], key: str) -> int:
    for line in lines:
        if line.strip().lower().startswith(key) and ":" in line:
            values = _ints(line.split(":", 1)[1])
            if values:
                return values[0]
    raise PsplibFormatError(f"missing header line '{key}'")


def _data_rows(lines: list[str], start: int) -> list[list[int]]:
    """Integer rows after a section header, up to the next ``****`` line."""
    rows: list[list[int]] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if stripped.startswith("*"):
            break
        if not stripped or stripped.startswith("-") or not stripped[0].isdigit():
            continue
        rows.append(_ints(stripped))
    return rows


def parse_sm_text(text: str, name: str = "") -> RcpspProblem:
    """Parse the text of a single-mode PSPLIB ``.sm`` file.

    Raises :class:`PsplibFormatError` if a section is missing, the job count does not match,
    a job has more than one mode, or the file has non-renewable resources.
    """
    lines = text.splitlines()
    n_jobs = _header_value(lines, "jobs")
    n_renewable = _header_value(lines, "- renewable")
    for key in ("- nonrenewable", "- doubly constrained"):
        if any(line.strip().lower().startswith(key) for line in lines) and _header_value(
            lines, key
        ):
            raise PsplibFormatError("only renewable resources are supported")

    successors: list[tuple[int, ...]] = [()] * n_jobs
    prec_rows = _data_rows(lines, _section(lines, "PRECEDENCE RELATIONS"))
    if len(prec_rows) != n_jobs:
        raise PsplibFormatError(f"expected {n_jobs} precedence rows, found {len(prec_rows)}")
    for row in prec_rows:
        job, modes, n_succ, *succ = row
        if modes != 1:
            raise PsplibFormatError(f"job {job} has {modes} modes; only single-mode is supported")
        if len(succ) != n_succ:
            raise PsplibFormatError(f"job {job}: expected {n_succ} successors, got {len(succ)}")
        if not 1 <= job <= n_jobs or any(not 1 <= s <= n_jobs for s in succ):
            raise PsplibFormatError(f"job {job}: job number out of range")
        successors[job - 1] = tuple(s - 1 for s in succ)

    durations = [0] * n_jobs
    demands: list[tuple[int, ...]] = [()] * n_jobs
    req_rows = _data_rows(lines, _section(lines, "REQUESTS/DURATIONS"))
    if len(req_rows) != n_jobs:
        raise PsplibFormatError(f"expected {n_jobs} request rows, found {len(req_rows)}")
    for row in req_rows:
        if len(row) != 3 + n_renewable:
            raise PsplibFormatError(f"bad request row: {row}")
        job, _mode, duration, *demand = row
        durations[job - 1] = duration
        demands[job - 1] = tuple(demand)

    cap_rows = _data_rows(lines, _section(lines, "RESOURCEAVAILABILITIES"))
    if not cap_rows or len(cap_rows[0]) != n_renewable:
        raise PsplibFormatError("bad resource availability row")
    return RcpspProblem(
        durations=tuple(durations),
        demands=tuple(demands),
        capacities=tuple(cap_rows[0]),
        successors=tuple(successors),
        name=name,
    )


def parse_sm(path: str | Path) -> RcpspProblem:
    """Read a PSPLIB ``.sm`` file; the problem is named after the file stem."""
    p = Path(path)
    return parse_sm_text(p.read_text(encoding="latin-1"), name=p.stem)


def read_reference_table(path: str | Path, set_name: str) -> dict[str, ReferenceValue]:
    """Read ``j30opt.sm`` (optima) or ``j60hrs.sm`` (best known), keyed by instance name.

    Rows are lines starting with three integers: parameter, instance, makespan.  A file
    whose name contains ``opt`` is taken to hold proven optima.
    """
    p = Path(path)
    proven = "opt" in p.name.lower()
    table: dict[str, ReferenceValue] = {}
    for line in p.read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) < 3 or not all(x.isdigit() for x in parts[:3]):
            continue
        par, inst, makespan = (int(x) for x in parts[:3])
        name = instance_name(set_name, par, inst)
        table[name] = ReferenceValue(name, par, inst, makespan, proven)
    if not table:
        raise PsplibFormatError(f"no rows found in {p.name}")
    return table


def read_lower_bound_table(path: str | Path, set_name: str) -> dict[str, ReferenceValue]:
    """Read a PSPLIB lower-bound table (``j60lb.sm``): parameter, instance, UB, LB, ``*``."""
    p = Path(path)
    table: dict[str, ReferenceValue] = {}
    for line in p.read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) < 4 or not all(x.isdigit() for x in parts[:4]):
            continue
        par, inst, ub, lb = (int(x) for x in parts[:4])
        name = instance_name(set_name, par, inst)
        star = len(parts) > 4 and parts[4] == "*"
        table[name] = ReferenceValue(name, par, inst, ub, star or lb == ub, lb)
    return table
