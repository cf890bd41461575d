"""Time the work plan page with thousands of projects.

Run from the repository root:

    .venv/bin/python bench/workplan_bench.py                  # 5,000 projects
    .venv/bin/python bench/workplan_bench.py --projects 20000 --repeat 7

It builds a fresh SQLite database in a temporary folder (or uses DATABASE_URL if set, for
PostgreSQL), loads the partners and bodies of the demo, adds `--projects` projects spread over
two programmes and eight workstreams (each with two lead partners, a stage, a delivery confidence
and, for a quarter of them, a link to a workstream of the other programme), and then requests
pages through Django's test client as a signed-in partner officer (so the visibility rules
apply in full). Each figure is the median of `--repeat` requests after one warm-up request, with
the number of database queries the page ran.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000, help="projects (default 5,000)")
    parser.add_argument("--repeat", type=int, default=5, help="requests per figure (default 5)")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="workplan-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["PARTNERPLAN_TESTING"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerplan.settings")
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from partnerplan.core.models import User, Visibility
    from partnerplan.partners import demo as partners_demo
    from partnerplan.portfolio import services
    from partnerplan.portfolio.models import (
        Confidence,
        ProgrammeLink,
        Project,
        Stage,
        Workstream,
    )

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from partnerplan.governance.models import Body, BodyKind

    context: dict[str, object] = {}
    partners_demo.load(context)
    partners = list(context["partners"].values())  # type: ignore[attr-defined]
    body, _ = Body.objects.get_or_create(
        name="Joint Committee", defaults={"kind": BodyKind.JOINT_COMMITTEE}
    )
    plan = services.programme_create(
        actor=None,
        name="Work Plan",
        owner_body=body,
        is_partnership_plan=True,
        visibility=Visibility.PUBLIC,
    )
    other = services.programme_create(actor=None, name="Other programme", owner_body=body,
                                      visibility=Visibility.PUBLIC)  # fmt: skip
    workstreams = [
        services.workstream_create(actor=None, programme=prog, number=n, name=f"Workstream {n}")
        for prog in (plan, other)
        for n in range(1, 5)
    ]
    stages = {
        p.pk: list(Stage.objects.filter(programme=p).order_by("order")) for p in (plan, other)
    }
    confidences = [c.value for c in Confidence] + [""]
    visibilities = [Visibility.PUBLIC, Visibility.PARTNERSHIP, Visibility.PARTNERSHIP,
                    Visibility.PARTNERS]  # fmt: skip
    rows = []
    for i in range(args.projects):
        programme = plan if i % 3 else other
        own = [w for w in workstreams if w.programme_id == programme.pk]
        rows.append(
            Project(
                programme=programme,
                workstream=own[i % len(own)] if i % 5 else None,
                title=f"Project {i:06d}",
                summary="A project of the benchmark.",
                stage=stages[programme.pk][i % 6],
                confidence=confidences[i % len(confidences)],
                visibility=visibilities[i % len(visibilities)],
            )
        )
    Project.objects.bulk_create(rows, batch_size=1000)
    projects = list(Project.objects.only("pk", "programme_id"))
    lead = Project.lead_partners.through
    lead.objects.bulk_create(
        [lead(project_id=p.pk, partner_id=partners[(p.pk + k) % len(partners)].pk)
         for p in projects for k in (0, 3)],
        batch_size=2000,
    )  # fmt: skip
    shared = Project.shared_with.through
    shared.objects.bulk_create(
        [shared(project_id=p.pk, partner_id=partners[p.pk % len(partners)].pk) for p in projects],
        batch_size=2000,
    )
    others = {p.pk: [w for w in workstreams if w.programme_id != p.pk] for p in (plan, other)}
    ProgrammeLink.objects.bulk_create(
        [ProgrammeLink(project_id=p.pk, workstream=others[p.programme_id][p.pk % 4],
                       kind="supports") for p in projects[::4]],
        batch_size=2000,
    )  # fmt: skip
    officer_person = context["people"]["officer"]  # type: ignore[index]
    officer = User.objects.create(username="bench-officer", person=officer_person)
    setup = time.perf_counter() - started

    client = Client(HTTP_HOST="localhost")
    client.force_login(officer)
    lcc = partners[0].pk
    pages = [
        ("Work plan, first page", "/portfolio/"),
        ("Work plan, last page", "/portfolio/?page=last"),
        ("Work plan, filtered by lead partner and RAG", f"/portfolio/?lead_partner={lcc}&rag=red"),
        ("Work plan, filtered by workstream (incl. links)",
         f"/portfolio/?workstream={workstreams[0].pk}"),
        ("Board by stage", f"/portfolio/board/?programme={plan.pk}"),
        ("Timeline, first page", "/portfolio/timeline/"),
        ("Work plan export, .xlsx (all visible projects)", "/portfolio/work-plan.xlsx"),
        ("Work plan export, .csv (all visible projects)", "/portfolio/work-plan.csv"),
    ]  # fmt: skip
    print(
        f"Projects: {Project.objects.count():,} (set-up {setup:.1f} s); "
        f"workstreams: {Workstream.objects.count()}; links: {ProgrammeLink.objects.count():,}"
    )
    print(f"Database: {connection.vendor}; Python {platform.python_version()}; "
          f"{platform.machine()}, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"Median of {args.repeat} requests after one warm-up, as a signed-in partner officer:")
    for label, url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
        ms = statistics.median(times) * 1000
        size = len(response.content) / 1024
        print(f"  {label:<50} {ms:8.0f} ms  {len(ctx.captured_queries):3d} queries  {size:7.0f} KB")


if __name__ == "__main__":
    main()
