"""`accueil restore FILE`: put back what `accueil backup` archived, into an empty
database and MEDIA_ROOT (accueil.core.backup; docs/backup.md)."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from accueil.core.backup import BackupError, RestoredDiffers, archive_done, restore

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Restore an archive made by `accueil backup` into an empty database and an empty "
        "MEDIA_ROOT, after checking its manifest (SHA-256 of every file, database vendor, "
        "version), then check every table's rows. Stop the web server and the worker first."
    )
    # The database is empty until the restore: no check may need its tables.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="an archive made by `accueil backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace everything in a database and MEDIA_ROOT that are not empty",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias")

    def handle(self, *args, archive: str, force: bool, database: str, **options) -> None:
        try:
            restored = restore(Path(archive), connection=connections[database], force=force)
        except RestoredDiffers as differs:
            raise CommandError(str(differs)) from None
        except BackupError as refused:
            raise CommandError(f"{refused} Nothing was restored.") from None
        logger.info(
            "restore done: %d tables, %d rows, %d media files",
            restored.tables,
            restored.rows,
            restored.files,
        )
        # Recorded in the restored database's trail (its table may be older than this
        # code's until `accueil migrate`: then the event is left out, not the restore).
        archive_done.send_robust(sender=type(self), action="restore")
        self.stdout.write(
            f"Restored the backup of {restored.created_at}: {restored.tables} tables, "
            f"{restored.rows} rows, {restored.files} media files; every table's rows match "
            "the archive's manifest."
        )
        if restored.pending_migrations:
            self.stdout.write(
                f"{len(restored.pending_migrations)} migrations of this version are newer "
                "than the backup: run `accueil migrate` before starting the server."
            )
