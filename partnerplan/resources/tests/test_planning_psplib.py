"""The PSPLIB reader: instance files and reference tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerplan.resources.planning.psplib import (
    PsplibFormatError,
    instance_name,
    parse_sm,
    parse_sm_text,
    read_reference_table,
)

DATA = Path(__file__).parent / "data"


def test_it_reads_a_psplib_file():
    problem = parse_sm(DATA / "j301_1.sm")
    assert problem.name == "j301_1"
    assert problem.n_jobs == 32
    assert problem.n_resources == 4
    assert problem.capacities == (12, 13, 4, 12)
    assert problem.durations[0] == 0 and problem.durations[-1] == 0
    assert problem.successors[0] == (1, 2, 3)
    assert problem.predecessors()[1] == (0,)


def test_it_reads_a_reference_table(tmp_path):
    table = tmp_path / "j30opt.sm"
    table.write_text("Paramter Instance Makespan CPU-Time[sec.]\n-----\n1 1 43 0.30\n37 5 80 0.2\n")
    refs = read_reference_table(table, "j30")
    assert refs[instance_name("j30", 37, 5)].makespan == 80
    assert refs["j301_1"].proven_optimal


def test_it_rejects_a_file_that_is_not_psplib():
    with pytest.raises(PsplibFormatError, match="missing header line 'jobs'"):
        parse_sm_text("hello\n")
    text = (DATA / "j301_1.sm").read_text(encoding="latin-1")
    with pytest.raises(PsplibFormatError, match="2 modes"):
        parse_sm_text(
            text.replace("   1        1          3           2   3   4", "   1   2   3   2   3   4")
        )
