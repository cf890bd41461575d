"""Back up the database and the uploaded files into one archive, and restore it into an
empty installation, checking that nothing was lost.

The archive (`.tar.gz`) holds:
- `data.json`: every row of every table, in Django's serialisation (`dumpdata`), so that the
  same archive restores into SQLite or PostgreSQL;
- `media/...`: every uploaded file;
- `manifest.json`: for each table its row count and a checksum of its rows, for each file its
  size and SHA-256, and the migrations the data was taken at.

`restore` refuses a database that already holds data, migrates it to the archive's migrations,
loads the rows (content types and permissions too, with their original ids), copies the files
and then recomputes the manifest: any difference is an error, not a warning.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import tarfile
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1


class BackupError(Exception):
    pass


def _models() -> list[Any]:
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]


def _exact(value: Any) -> str:
    """JSON for what it cannot hold, without losing anything (Django's JSON serialiser drops a
    time's microseconds): ISO dates and times in full, Decimals and UUIDs as text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"Cannot back up a {type(value).__name__}")


def table_manifest() -> dict[str, dict[str, Any]]:
    """Per table: its row count and the SHA-256 of its rows serialised in primary-key order."""
    out: dict[str, dict[str, Any]] = {}
    for model in _models():
        if model._meta.auto_created:
            # A many-to-many table: its rows are restored through their owner, with new ids,
            # so they are compared without them.
            names = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
            rows = sorted(model._default_manager.values_list(*names))
        else:
            rows = list(model._default_manager.order_by("pk").values_list())
        digest = hashlib.sha256()
        for row in rows:
            digest.update(repr(row).encode())
        out[model._meta.db_table] = {"rows": len(rows), "sha256": digest.hexdigest()}
    return out


def file_manifest(root: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            out[path.relative_to(root).as_posix()] = {
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
    return out


def _migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def backup(archive: Path) -> dict[str, Any]:
    """Write the archive; return its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with transaction.atomic():  # one consistent snapshot of every table
        objects = [
            obj
            for model in _models()
            if not model._meta.auto_created  # many-to-many rows travel with their owner
            for obj in model._default_manager.order_by("pk")
        ]
        data = json.dumps(serializers.serialize("python", objects), default=_exact).encode()
        files = file_manifest(media)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "tables": table_manifest(),
            "files": files,
            "migrations": _migrations(),
        }
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "w:gz") as tar:
        _add(tar, "data.json", data)
        _add(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        for name in files:
            tar.add(media / name, arcname=f"media/{name}")
    return manifest


def _is_empty() -> bool:
    ignore = {"django_migrations", "django_content_type", "auth_permission", "django_session"}
    return all(
        not model._default_manager.exists()
        for model in _models()
        if model._meta.db_table not in ignore
    )


def restore(archive: Path) -> dict[str, Any]:
    """Restore the archive into this (empty) installation and check it against its manifest."""
    call_command("migrate", verbosity=0)
    if not _is_empty():
        raise BackupError(
            "This installation already holds data: restore only into an empty database "
            "(a new installation), so that nothing is mixed or overwritten."
        )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(archive, "r:gz") as tar:
        manifest: dict[str, Any] = json.loads(_read(tar, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError("This archive was not made by this version of partnerplan's backup")
        data = _read(tar, "data.json")
        members = [m for m in tar.getmembers() if m.name.startswith("media/") and m.isfile()]
        for member in members:
            name = member.name.removeprefix("media/")
            if name not in manifest["files"] or ".." in Path(name).parts:
                raise BackupError(f"The archive holds a file it does not list: {member.name}")
            target = media / name
            target.parent.mkdir(parents=True, exist_ok=True)
            extracted = tar.extractfile(member)
            assert extracted is not None
            target.write_bytes(extracted.read())
    with transaction.atomic(), connection.constraint_checks_disabled(), _no_new_history():
        # migrate made its own content types and permissions; the archive's, with their ids,
        # replace them, so that every reference to them stays right.
        apps.get_model("contenttypes", "ContentType").objects.all().delete()
        for obj in serializers.deserialize("python", json.loads(data)):
            obj.save()
        _reset_sequences()
    problems = compare(manifest, {"tables": table_manifest(), "files": file_manifest(media)})
    if problems:
        raise BackupError("The restore does not match the backup: " + "; ".join(problems))
    return manifest


@contextlib.contextmanager
def _no_new_history() -> Iterator[None]:
    """The archive holds the history; loading rows must not write more of it."""
    before = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = before


def _read(tar: tarfile.TarFile, name: str) -> bytes:
    member = tar.extractfile(name)
    if member is None:
        raise BackupError(f"The archive has no {name}")
    return member.read()


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """What differs between two manifests, in words."""
    problems = []
    for table, want in expected["tables"].items():
        got = actual["tables"].get(table)
        if got is None:
            problems.append(f"table {table} is missing")
        elif got != want:
            problems.append(f"table {table} has {got['rows']} rows, not {want['rows']}, or differs")
    for name, want in expected["files"].items():
        if actual["files"].get(name) != want:
            problems.append(f"file {name} is missing or differs")
    return problems
