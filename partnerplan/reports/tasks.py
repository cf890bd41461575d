"""Background tasks: agenda packs are built in the worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_agenda_packs(meeting_id: int) -> None:
    from partnerplan.reports.services import agenda_pack_build

    agenda_pack_build(meeting_id=meeting_id)
