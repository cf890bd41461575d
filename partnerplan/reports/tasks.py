"""Background tasks: agenda packs are built in the worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from partnerplan.reports.packs import agenda_pack_build


@task()
def build_agenda_packs(meeting_id: int) -> None:
    agenda_pack_build(meeting_id=meeting_id)
