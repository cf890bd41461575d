"""`manage.py restore ARCHIVE.tar.gz`: into an empty installation, checked against the
archive's manifest (row counts and checksums of every table and file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerplan.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty installation and check that nothing is lost."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args: Any, archive: Path, **options: Any) -> None:
        try:
            manifest = restore(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Restored {rows} rows in {len(manifest['tables'])} tables and "
            f"{len(manifest['files'])} files; every count and checksum matches the backup"
        )
