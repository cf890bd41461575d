"""PSPLIB RCPSP benchmark for the partnerplan scheduling core.

Runs the planner's RCPSP solvers on the PSPLIB j30 and/or j60 single-mode sets and reports,
per set and model: instances, how many reach the optimum (j30) or best known makespan (j60),
the mean gap to that reference, proven optima, and the mean wall time.

    python bench/psplib_bench.py --data ../shared/benchmarks/psplib --set both --time-limit 10

Models (``--models``, comma separated, run in this order for each instance):

* ``plain``     - textbook CP-SAT model (intervals + cumulative + precedences), the baseline;
* ``strong``    - partnerplan's strengthened CP-SAT model (``solve_rcpsp``);
* ``heuristic`` - priority rules + biased sampling + forward-backward improvement;
* ``onepass``   - one serial-SGS pass with the latest-finish-time rule (what project tools do).

Per-instance results are appended to ``<results>/<set>_<model>_<limit>s_<workers>w.jsonl``
(``--results``, by default a folder in the system temp directory, outside the repository) as
they are produced; a rerun with the same settings skips instances already done, so an
interrupted run resumes (``--fresh`` starts over).  Gaps are ``100 * (makespan - ref) / ref``;
a makespan below the reference counts as gap 0 and is reported as an improvement.

``--deterministic-limit D`` also stops each CP-SAT solve after ``D`` deterministic time units,
which do not depend on the machine's load: use it (with ``--groups`` or ``--every``) to compare
settings fairly on a busy machine.  The reported figures use the wall-clock limit alone.

``--every N --offset K`` takes a deterministic subset (every Nth instance in parameter-group /
instance order, from position K) when a full run is too long for the machine at hand.

After each set, its figures and the exact command are written into the
``## Planner: PSPLIB RCPSP benchmark`` section of ``docs/performance.md`` between that set's
``psplib-bench`` markers (``--docs never`` to skip); a subset is labelled as such.  The data
folder is read from ``--data`` and never copied; the command written uses the path as given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from partnerplan.resources.planning.ga import warm_up  # noqa: E402
from partnerplan.resources.planning.psplib import (  # noqa: E402
    parse_sm,
    read_reference_table,
)
from partnerplan.resources.planning.rcpsp import (  # noqa: E402
    RcpspProblem,
    RcpspResult,
    StrongOptions,
    check_schedule,
    lower_bound,
    solve_rcpsp,
    solve_rcpsp_heuristic,
    solve_rcpsp_onepass,
    solve_rcpsp_plain,
)

SETS = {"j30": "j30opt.sm", "j60": "j60hrs.sm"}
REF_LABEL = {"j30": "optimum", "j60": "best known"}
MODELS = ("plain", "strong", "heuristic", "onepass")
SECTION = "## Planner: PSPLIB RCPSP benchmark"
FULL_SET = 480


@dataclass(frozen=True)
class Summary:
    model: str
    n: int
    at_ref: int
    improved: int
    proven: int
    mean_gap: float
    max_gap: float
    mean_time: float
    max_time: float
    mean_cpm_dev: float


def strong_options(items: list[str]) -> StrongOptions:
    """``StrongOptions`` from ``name=value`` strings (``--option``), for tuning experiments."""
    defaults = StrongOptions()
    kwargs: dict[str, object] = {}
    for item in items:
        name, _, value = item.partition("=")
        if not hasattr(defaults, name) or name == "sat_parameters":
            raise SystemExit(f"unknown strong-model option {name!r}")
        current = getattr(defaults, name)
        if isinstance(current, bool):
            kwargs[name] = value.lower() in ("1", "true", "yes")
        else:
            kwargs[name] = type(current)(value)
    return StrongOptions(**kwargs)  # type: ignore[arg-type]


def solver_for(
    model: str,
    time_limit: float,
    workers: int,
    dlimit: float | None = None,
    options: StrongOptions | None = None,
) -> Callable[[RcpspProblem], RcpspResult]:
    if model == "plain":
        return lambda p: solve_rcpsp_plain(
            p, time_limit_s=time_limit, workers=workers, deterministic_limit=dlimit
        )
    if model == "strong":
        return lambda p: solve_rcpsp(
            p,
            time_limit_s=time_limit,
            workers=workers,
            deterministic_limit=dlimit,
            options=options,
        )
    if model == "heuristic":
        return lambda p: solve_rcpsp_heuristic(p)
    if model == "onepass":
        return solve_rcpsp_onepass
    raise SystemExit(f"unknown model {model!r}; choose from {', '.join(MODELS)}")


def results_file(
    results: Path,
    set_name: str,
    model: str,
    limit: float,
    workers: int,
    dlimit: float | None,
    options: list[str] | None = None,
) -> Path:
    if model in ("heuristic", "onepass"):
        return results / f"{set_name}_{model}.jsonl"
    det = f"_{dlimit:g}d" if dlimit is not None else ""
    opts = ""
    if model == "strong" and options:
        opts = "_" + "_".join(sorted(o.replace("=", "-") for o in options))
    return results / f"{set_name}_{model}{opts}_{limit:g}s{det}_{workers}w.jsonl"


def load(path: Path) -> dict[str, dict[str, object]]:
    records: dict[str, dict[str, object]] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                rec = json.loads(line)
                records[str(rec["name"])] = rec
    return records


def instance_key(name: str) -> tuple[int, int]:
    m = re.fullmatch(r"j\d0(\d+)_(\d+)", name)
    assert m, name
    return int(m.group(1)), int(m.group(2))


def select(names: list[str], args: argparse.Namespace) -> list[str]:
    if args.groups:
        groups = {int(g) for g in args.groups.split(",")}
        names = [n for n in names if instance_key(n)[0] in groups]
    if args.sample:
        names = sorted(
            random.Random(args.seed).sample(names, min(args.sample, len(names))), key=instance_key
        )
    if args.every > 1:
        names = names[args.offset :: args.every]
    if args.limit:
        names = names[: args.limit]
    return names


def summarise(model: str, recs: list[dict[str, object]]) -> Summary:
    def num(r: dict[str, object], k: str) -> float:
        v = r[k]
        assert isinstance(v, int | float)
        return float(v)

    gaps = [max(0.0, 100 * (num(r, "makespan") - num(r, "ref")) / num(r, "ref")) for r in recs]
    times = [num(r, "time_s") for r in recs]
    n = len(recs)
    return Summary(
        model=model,
        n=n,
        at_ref=sum(num(r, "makespan") <= num(r, "ref") for r in recs),
        improved=sum(num(r, "makespan") < num(r, "ref") for r in recs),
        proven=sum(r["status"] == "OPTIMAL" for r in recs),
        mean_gap=sum(gaps) / n if n else 0.0,
        max_gap=max(gaps, default=0.0),
        mean_time=sum(times) / n if n else 0.0,
        max_time=max(times, default=0.0),
        mean_cpm_dev=(
            sum(100 * (num(r, "makespan") - num(r, "cpm")) / num(r, "cpm") for r in recs) / n
            if n
            else 0.0
        ),
    )


def table(set_name: str, summaries: list[Summary]) -> str:
    ref = REF_LABEL[set_name]
    head = (
        f"| model | instances | at {ref} | share | improved on {ref} | proven optimal "
        f"| mean gap to {ref} | max gap | mean time | max time | mean dev. from CPM bound |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    rows = "".join(
        f"| {s.model} | {s.n} | {s.at_ref} | {100 * s.at_ref / max(s.n, 1):.1f}% | {s.improved} "
        f"| {s.proven} | {s.mean_gap:.2f}% | {s.max_gap:.2f}% | {s.mean_time:.2f} s "
        f"| {s.max_time:.2f} s | {s.mean_cpm_dev:.2f}% |\n"
        for s in summaries
    )
    return head + rows


def run_set(set_name: str, args: argparse.Namespace, models: list[str]) -> list[Summary]:
    """Solve the selected instances of one set with each model; return the summaries."""
    data = Path(args.data)
    refs = read_reference_table(data / SETS[set_name], set_name)
    names = sorted((p.stem for p in (data / set_name).glob("*.sm")), key=instance_key)
    names = select(names, args)
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    files = {
        m: results_file(
            results, set_name, m, args.time_limit, args.workers, args.dlimit, args.option
        )
        for m in models
    }
    if args.fresh:
        for f in files.values():
            f.unlink(missing_ok=True)
    done = {m: load(f) for m, f in files.items()}
    options = strong_options(args.option)
    solvers = {
        m: solver_for(m, args.time_limit, args.workers, args.dlimit, options) for m in models
    }
    if "strong" in models:
        warm_up()  # compile or load the GA kernels before the first timed instance
    for i, name in enumerate(names, 1):
        todo = [m for m in models if name not in done[m]]
        if not todo:
            continue
        problem = parse_sm(data / set_name / f"{name}.sm")
        cpm = lower_bound(problem)
        line = [f"{set_name} {i}/{len(names)} {name} ref={refs[name].makespan}"]
        for m in todo:
            r = solvers[m](problem)
            assert r.starts is not None and r.makespan is not None, (name, m, r.status)
            errors = check_schedule(problem, r.starts)
            assert not errors, (name, m, errors[:3])
            rec: dict[str, object] = {
                "name": name,
                "model": m,
                "makespan": r.makespan,
                "ref": refs[name].makespan,
                "cpm": cpm,
                "bound": r.best_bound,
                "status": str(r.status),
                "time_s": round(r.wall_time_s, 3),
                "time_limit_s": args.time_limit,
                "workers": args.workers,
                "at": dt.datetime.now().isoformat(timespec="seconds"),
                **dict(r.details.items()),
            }
            with files[m].open("a") as fh:
                fh.write(json.dumps(rec) + "\n")
            done[m][name] = rec
            star = "*" if r.status == "OPTIMAL" else ""
            line.append(f"{m}={r.makespan}{star} ({r.wall_time_s:.1f}s)")
        print("  ".join(line), flush=True)
    summaries = [summarise(m, [done[m][n] for n in names]) for m in models]
    print()
    print(f"### {set_name} ({len(names)} instances, {args.time_limit:g} s, {args.workers} workers)")
    print(table(set_name, summaries))
    return summaries


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def command_line(args: argparse.Namespace, set_name: str) -> str:
    """The command that reproduces this set's figures, with the data path as given."""
    parts = [
        "python bench/psplib_bench.py",
        f"--data {args.data}",
        f"--set {set_name}",
        f"--time-limit {args.time_limit:g}",
        f"--workers {args.workers}",
        f"--models {args.models}",
    ]
    if args.dlimit is not None:
        parts.append(f"--deterministic-limit {args.dlimit:g}")
    if args.groups:
        parts.append(f"--groups {args.groups}")
    if args.every > 1:
        parts.append(f"--every {args.every} --offset {args.offset}")
    if args.sample:
        parts.append(f"--sample {args.sample} --seed {args.seed}")
    if args.limit:
        parts.append(f"--limit {args.limit}")
    return " ".join(parts)


def subset_text(args: argparse.Namespace, n: int) -> str:
    if n == FULL_SET:
        return f"all {FULL_SET} instances"
    how = []
    if args.groups:
        how.append(f"parameter groups {args.groups}")
    if args.every > 1:
        how.append(f"every {args.every}th instance from position {args.offset}")
    if args.sample:
        how.append(f"a random sample (seed {args.seed})")
    if args.limit:
        how.append(f"the first {args.limit}")
    detail = ", ".join(how) or "a subset"
    return (
        f"{n} of {FULL_SET} instances ({detail}, in parameter-group/instance order); "
        "**the full-set run is still outstanding**"
    )


def docs_block(
    set_name: str, args: argparse.Namespace, summaries: list[Summary], seconds: float
) -> str:
    """The generated docs block for one set."""
    from importlib.metadata import version

    n = summaries[0].n if summaries else 0
    det = f" and {args.dlimit:g} deterministic time units" if args.dlimit is not None else ""
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{marker(set_name, 'start')}\n\n"
        f"### {set_name}: {subset_text(args, n)}\n\n"
        f"- Run on {dt.date.today().isoformat()} ({seconds / 60:.0f} min wall time); machine: "
        f"{machine()}, shared with other work (load average {load} over 1/5/15 min at the "
        f"end); OR-Tools {version('ortools')}.\n"
        f"- Command: `{command_line(args, set_name)}`\n"
        f"- Per-instance limit {args.time_limit:g} s wall time{det}, {args.workers} threads "
        f"(`plain`: {args.workers} CP-SAT workers; `strong`: the genetic algorithm beside "
        f"{max(1, args.workers - 1)} CP-SAT worker{'s' if args.workers > 2 else ''}); times "
        "include model building and (for `strong`) the genetic algorithm; its kernels are "
        "compiled once before the first instance. Reference: "
        f"{REF_LABEL[set_name]} makespans from `{SETS[set_name]}`.\n\n"
        + table(set_name, summaries)
        + f"\n{marker(set_name, 'end')}"
    )


def marker(set_name: str, which: str) -> str:
    return f"<!-- psplib-bench:{set_name}:{which} (generated by bench/psplib_bench.py) -->"


def write_docs(set_name: str, block: str, docs: Path) -> None:
    """Replace this set's block inside the planner section, creating what is missing."""
    text = docs.read_text() if docs.exists() else "# Performance\n"
    start, end = marker(set_name, "start"), marker(set_name, "end")
    if start in text and end in text:
        pre, rest = text.split(start, 1)
        _, post = rest.split(end, 1)
        text = pre + block + post
    elif SECTION in text:
        pre, post = text.split(SECTION, 1)
        head, sep, rest = post.partition("\n## ")
        text = pre + SECTION + head.rstrip("\n") + "\n\n" + block + "\n" + sep + rest
    else:
        text = text.rstrip("\n") + "\n\n" + SECTION + "\n\n" + block + "\n"
    docs.write_text(text)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data", required=True, help="PSPLIB folder holding j30/, j60/, j30opt.sm, j60hrs.sm"
    )
    ap.add_argument("--set", default="both", choices=["j30", "j60", "both"])
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per instance and model")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT worker threads")
    ap.add_argument(
        "--deterministic-limit",
        dest="dlimit",
        type=float,
        default=None,
        help="also stop each CP-SAT solve after this much deterministic time (load-independent;"
        " for tuning experiments, not for the reported figures)",
    )
    ap.add_argument(
        "--models", default=",".join(MODELS), help=f"comma-separated subset of {','.join(MODELS)}"
    )
    ap.add_argument(
        "--option",
        action="append",
        default=[],
        help="strong-model option as name=value (StrongOptions field; repeatable), for tuning",
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N instances of each set")
    ap.add_argument("--sample", type=int, default=0, help="a random sample of N instances per set")
    ap.add_argument("--seed", type=int, default=1, help="seed for --sample")
    ap.add_argument("--groups", default="", help="only these parameter groups, e.g. 9,13,29")
    ap.add_argument(
        "--every",
        type=int,
        default=1,
        help="deterministic subset: every Nth instance in (group, instance) order",
    )
    ap.add_argument("--offset", type=int, default=0, help="first instance taken with --every")
    ap.add_argument(
        "--results",
        default=str(Path(tempfile.gettempdir()) / "partnerplan-psplib-bench"),
        help="per-instance results folder (default: outside the repository, in the temp dir)",
    )
    ap.add_argument(
        "--fresh", action="store_true", help="discard earlier results for these settings"
    )
    ap.add_argument(
        "--docs",
        default="always",
        choices=["always", "never"],
        help="write each set's figures into docs/performance.md (planner section)",
    )
    ap.add_argument("--docs-file", default=str(REPO / "docs" / "performance.md"))
    args = ap.parse_args(argv)
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    for m in models:
        solver_for(m, args.time_limit, args.workers, args.dlimit)  # validates the name
    for set_name in ["j30", "j60"] if args.set == "both" else [args.set]:
        t0 = time.perf_counter()
        summaries = run_set(set_name, args, models)
        if args.docs == "never":
            continue
        write_docs(
            set_name,
            docs_block(set_name, args, summaries, time.perf_counter() - t0),
            Path(args.docs_file),
        )
        print(f"updated {args.docs_file}")


if __name__ == "__main__":
    main()
