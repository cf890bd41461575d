"""Agenda packs: built from the latest published versions of a meeting's reports, and stored.

``agenda_pack_build`` is what the background worker runs (``tasks.build_agenda_packs``);
``services.agenda_pack_request`` marks the packs as being prepared and asks for the build.
The public pack never holds an exempt report: ``builders.split_for_publication`` puts a "not for
publication" notice in its place, and ``builders.build_pack`` refuses an exempt report in a
public pack.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from partnerplan.governance.models import Meeting
from partnerplan.reports import documents, selectors
from partnerplan.reports.builders import (
    AgendaCover,
    AgendaEntry,
    build_pack,
    split_for_publication,
)
from partnerplan.reports.models import AgendaPack, PackAudience, PackStatus
from partnerplan.reports.selectors import PackContents
from partnerplan.reports.serialise import document_from_json

log = logging.getLogger(__name__)


def _pack_cover(contents: PackContents) -> AgendaCover:
    meeting = contents.meeting
    return AgendaCover(
        body=meeting.body.name,
        date=timezone.localtime(meeting.starts_at).replace(tzinfo=None),
        venue=meeting.venue,
        opening_items=tuple(AgendaEntry(f"{item.title}") for item in contents.others),
    )


def agenda_pack_build(*, meeting_id: int) -> None:
    """Build the public pack (exempt reports replaced by a notice) and the restricted pack (the
    exempt reports) from the latest published versions, and store them. If a report was
    published again meanwhile, the packs stay "being prepared" for the build that follows."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting_id)
    contents = selectors.pack_contents(meeting)
    used = sorted(version.pk for _item, version in contents.reports)
    pdfs: dict[str, bytes | None] = {}
    error = ""
    try:
        # A version published over a figure check keeps the check in its document (its page
        # shows it); the pack prints it as it was published, without the check.
        documents_ = [
            documents.without_figure_checks(document_from_json(v.document))
            if v.figure_override_reason
            else document_from_json(v.document)
            for _item, v in contents.reports
        ]
        public, restricted = split_for_publication(documents_)
        cover = _pack_cover(contents)
        pdfs[PackAudience.PUBLIC] = (
            build_pack(public, cover=cover, audience="public") if documents_ else None
        )
        pdfs[PackAudience.RESTRICTED] = (
            build_pack(restricted, cover=cover, audience="restricted") if restricted else None
        )
    except Exception as exc:  # the pack records the failure rather than vanishing
        log.exception("Agenda pack for meeting %s failed", meeting_id)
        error = f"The pack could not be built: {exc}"
    with transaction.atomic():
        packs = list(AgendaPack.objects.select_for_update().filter(meeting=meeting))
        latest = sorted(v.pk for _item, v in selectors.pack_contents(meeting).reports)
        for pack in packs:
            if latest != used and not error:
                continue  # published again meanwhile: the next build stores it
            pack.versions = used
            pack.status = PackStatus.FAILED if error else PackStatus.READY
            pack.error = error
            pack.pdf = None if error else pdfs.get(pack.audience)
            pack.built_at = timezone.now()
            pack.save()
