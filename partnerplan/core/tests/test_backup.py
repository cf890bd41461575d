"""A backup restores into an empty installation with nothing lost: the row count and checksum
of every table, and the size and checksum of every uploaded file, match."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from partnerplan.core.backup import file_manifest, table_manifest
from partnerplan.governance.tests.factories import HeldMeetingFactory, RecommendationFactory

# Transactional: the test empties the database (flush) between the backup and the restore.
pytestmark = pytest.mark.django_db(transaction=True)


def test_it_restores_a_backup_into_an_empty_installation_losing_nothing(world, tmp_path: Path):
    media = tmp_path / "media"
    (media / "templates").mkdir(parents=True)
    (media / "templates" / "report.docx").write_bytes(b"PK\x03\x04 a Word template")
    RecommendationFactory.create(item__meeting=HeldMeetingFactory.create(body=world.body))
    archive = tmp_path / "backup.tar.gz"
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", archive, stdout=open("/dev/null", "w"))  # noqa: SIM115
        tables, files = table_manifest(), file_manifest(media)
        assert files and any(t["rows"] for t in tables.values())
        with pytest.raises(CommandError, match="already holds data"):
            call_command("restore", archive, stdout=open("/dev/null", "w"))  # noqa: SIM115
        (media / "templates" / "report.docx").unlink()
        call_command("flush", interactive=False, verbosity=0)
        call_command("restore", archive, stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert table_manifest() == tables
        assert file_manifest(media) == files
