"""`accueil backup FILE|DIRECTORY`: the database and the media files in one archive
(accueil.core.backup; docs/backup.md)."""

import logging
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from accueil.core import backup as archives

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Write the database and the media files (MEDIA_ROOT) to a new tar.gz archive, "
        "readable by its owner only. Given a directory, name it accueil-<UTC time>.tar.gz "
        "there; with --prune, also delete that directory's archives older than "
        "BACKUP_RETENTION_DAYS (with --prune-only, only that). The archive holds personal "
        "data: encrypt it at rest."
    )
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="the archive to write, or a directory to write it in")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="in a directory: delete its archives older than BACKUP_RETENTION_DAYS days",
        )
        parser.add_argument(
            "--prune-only",
            action="store_true",
            help="in a directory: only delete its expired archives (encrypted ones too)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias")

    def handle(self, *args, target: str, database: str, **options) -> None:
        now = datetime.now(UTC)
        path = Path(target)
        if options["prune_only"]:
            if not path.is_dir():
                raise CommandError("--prune-only needs a directory.")
            self.prune(path, now)
            return
        if path.is_dir():
            directory, path = path, path / archives.archive_name(now)
        elif options["prune"]:
            raise CommandError("--prune needs a directory, not a file name.")
        else:
            directory = None
        try:
            manifest = archives.backup(path, connection=connections[database])
        except archives.BackupError as refused:
            raise CommandError(str(refused)) from None
        files = sum(1 for name in manifest["files"] if name.startswith("media/"))
        rows = sum(manifest["tables"].values())
        tables = len(manifest["tables"])
        logger.info("backup written: %d tables, %d rows, %d media files", tables, rows, files)
        archives.archive_done.send_robust(sender=type(self), action="backup")
        self.stdout.write(
            f"{path}: {len(manifest['tables'])} tables, {rows} rows, {files} media files "
            f"({manifest['database']['vendor']}). It holds personal data: encrypt it, "
            "keep it off the web server's folders."
        )
        if directory is not None and options["prune"]:
            self.prune(directory, now)

    def prune(self, directory: Path, now: datetime) -> None:
        days = settings.BACKUP_RETENTION_DAYS
        for old in archives.prune(directory, days=days, now=now):
            self.stdout.write(f"deleted {old.name} (older than {days} days)")
