"""Backup and restore: the whole database and the media files in one archive.

Issue 14, point 12. The data-protection notice (seed 000, "Forms / Online services")
says the information "is kept by the administration in question for as long as it is
required to achieve the purpose of the processing operation(s)": a backup is one more
copy of every person's data, so it is written for its owner alone (mode 0600), says
what it holds (the manifest), and expires after `settings.BACKUP_RETENTION_DAYS`
(`prune`). docs/backup.md says how to run, schedule, encrypt and test it.

The archive (tar.gz) holds:

- `database.sqlite3` (SQLite: a copy made with SQLite's online backup API, so a
  running server's database is copied as one consistent state) or `database.pgdump`
  (PostgreSQL: `pg_dump --format=custom` on a snapshot exported by the transaction that
  counted the rows, so the counts and the dump see the same state);
- `media/...`: every file under MEDIA_ROOT (contract scans, contract PDFs);
- `manifest.json`, written last: format version, Accueil's version, the migrations
  applied, the database vendor, when it was made, the rows of every table and the
  SHA-256 and size of every other file.

A restore refuses, before touching anything, an archive that is damaged, that holds a
file the manifest does not list or lists a file it does not hold, whose files do not
match their SHA-256, made for another database vendor, or made by a newer Accueil
(migrations this code does not know); it restores only into an empty database and an
empty MEDIA_ROOT unless `force`. The database is restored in one transaction that also
checks every table's rows against the manifest (a difference undoes it all); the media
files are unpacked beside MEDIA_ROOT and put in place by a rename once the database is in.

PostgreSQL goes through its own client tools only (pg_dump, pg_restore, psql, of the
server's major version or newer): a Django-level dump (dumpdata) would lose sequences,
constraints' state and any table outside the ORM, so without the tools the backup
refuses with a message rather than making a lesser copy.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Any

import psycopg
from django.conf import settings
from django.db import DatabaseError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3._functions import (  # type: ignore[import-untyped]
    register as sqlite_functions,
)
from django.db.migrations.loader import MigrationLoader
from django.dispatch import Signal
from psycopg.conninfo import make_conninfo

import accueil

# Sent by `accueil backup` and `accueil restore` once an archive is written or restored
# (argument: `action`, "backup" or "restore"), so that the audit trail records it
# (audit/receivers.py): core sits below audit and does not import it.
archive_done = Signal()

FORMAT = "accueil-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA = "media"
# `accueil backup DIRECTORY` names its archive so; `prune` deletes only such names (and
# the same encrypted by age or gpg, docs/backup.md).
NAME_PATTERN = re.compile(r"^accueil-(\d{8}T\d{6}Z)\.tar\.gz(\.age|\.gpg)?$")
NAME_FORMAT = "accueil-%Y%m%dT%H%M%SZ.tar.gz"
# Table and schema names the archive may name: they are written into SQL on restore.
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")
CHUNK = 1 << 20
# What a full disk, an unreadable file or an unreachable database raise.
FAILURES = (OSError, sqlite3.Error, psycopg.Error, DatabaseError)
MANIFEST_LIMIT = 256 << 20


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


class RestoredDiffers(BackupError):
    """The database was restored, but the media files could not be put in place or
    recounting the tables afterwards found a difference."""


@dataclass
class Restored:
    tables: int
    rows: int
    files: int
    created_at: str
    # Migrations this code has that the archive's database had not applied yet.
    pending_migrations: list[str] = field(default_factory=list)


# Backing up ------------------------------------------------------------------------


def backup(
    archive: Path, *, connection: BaseDatabaseWrapper, media_root: Path | None = None
) -> dict[str, Any]:
    """Write the database and MEDIA_ROOT to a new archive at `archive`, mode 0600;
    return its manifest. Never overwrites a file: the archive appears under its name
    whole (a link made after it is written and synced) or not at all."""
    archive = Path(archive)
    media_root = Path(media_root if media_root is not None else settings.MEDIA_ROOT)
    if archive.exists():
        raise BackupError(f"{archive} already exists: a backup never overwrites a file.")
    if not archive.parent.is_dir():
        raise BackupError(f"{archive.parent} is not a directory.")
    folder = archive.parent.resolve()
    for place in (settings.DATA_DIR, media_root, settings.STATIC_ROOT):
        place = Path(place).resolve()
        if folder == place or place in folder.parents:
            raise BackupError(
                f"{archive} would be inside {place}, where the application's data and the "
                "files it serves are: write backups elsewhere (docs/backup.md)."
            )
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"cannot back up a {vendor} database: SQLite and PostgreSQL only.")
    try:
        return write_archive(archive, connection, media_root)
    except FAILURES as failed:
        # A full disk, a file removed from MEDIA_ROOT while it was read, a database
        # that cannot be read: no archive is left under the name.
        raise BackupError(f"the backup failed: {failed}") from None


def write_archive(archive: Path, connection: BaseDatabaseWrapper, media_root: Path) -> dict:
    vendor = connection.vendor
    with tempfile.TemporaryDirectory(prefix=".accueil-backup-", dir=archive.parent) as work:
        dump = Path(work) / DUMPS[vendor]
        if vendor == "sqlite":
            database = sqlite_dump(connection, dump)
        else:
            database = postgres_dump(connection, dump)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "accueil_version": accueil.__version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {
                "vendor": vendor,
                "file": DUMPS[vendor],
                "schema": database["schema"],
            },
            "migrations": database["migrations"],
            "tables": database["tables"],
            "files": {},
        }
        partial = Path(work) / "archive.tar.gz"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                files = manifest["files"]
                files[DUMPS[vendor]] = add_file(tar, DUMPS[vendor], dump)
                for relative, path in media_files(media_root):
                    files[f"{MEDIA}/{relative}"] = add_file(tar, f"{MEDIA}/{relative}", path)
                body = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode, info.mtime = len(body), 0o600, int(datetime.now().timestamp())
                tar.addfile(info, fileobj=_Bytes(body))
            raw.flush()
            os.fsync(raw.fileno())
        try:
            os.link(partial, archive)  # fails if the name was taken meanwhile
        except FileExistsError:
            raise BackupError(
                f"{archive} already exists: a backup never overwrites a file."
            ) from None
        _sync_directory(archive.parent)
    return manifest


def sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, Any]:
    """Copy the live database with SQLite's online backup API (one read transaction:
    a consistent state even while the server writes), then count the copy's rows."""
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(target)) as copy:
        sqlite_functions(copy)  # the CHECK constraints call REGEXP, as Django defines it
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        problems = copy.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise BackupError(f"the database fails SQLite's integrity check: {problems[:3]}")
        return {
            "schema": None,
            "tables": sqlite_counts(copy),
            "migrations": sqlite_migrations(copy),
        }


def sqlite_tables(database: sqlite3.Connection) -> list[str]:
    rows = database.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY name"
    )
    return [name for (name,) in rows]


def sqlite_counts(database: sqlite3.Connection) -> dict[str, int]:
    return {
        table: database.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - names from sqlite_master
        for table in sqlite_tables(database)
    }


def sqlite_migrations(database: sqlite3.Connection) -> list[list[str]]:
    if "django_migrations" not in sqlite_tables(database):
        return []
    rows = database.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [[app, name] for app, name in rows]


def postgres_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, Any]:
    """`pg_dump --format=custom` of the snapshot in which the rows were counted."""
    tool("pg_dump")
    conninfo, environment = libpq(connection)
    with psycopg.connect(conninfo, password=environment.get("PGPASSWORD")) as snapshot:
        snapshot.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        snapshot.read_only = True
        name = snapshot.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]
        schema = snapshot.execute("SELECT current_schema()").fetchone()[0]  # type: ignore[index]
        tables = postgres_counts(snapshot, schema)
        migrations: list[list[str]] = []
        if "django_migrations" in tables:
            rows = snapshot.execute(
                f'SELECT app, name FROM "{schema}".django_migrations ORDER BY app, name'  # noqa: S608
            )
            migrations = [[app, migration] for app, migration in rows]
        run(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={name}",
                f"--file={target}",
                f"--dbname={conninfo}",
            ],
            environment,
        )
    return {"schema": schema, "tables": tables, "migrations": migrations}


def postgres_counts(database: Any, schema: str) -> dict[str, int]:
    names = database.execute(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = %s ORDER BY tablename",
        [schema],
    ).fetchall()
    return {
        table: database.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]  # noqa: S608 - names from pg_tables
        for (table,) in names
    }


def media_files(media_root: Path) -> Iterator[tuple[str, Path]]:
    """Every regular file under MEDIA_ROOT, by its path relative to it, in a stable
    order. A symbolic link is refused: what it points to may be anything."""
    if not media_root.is_dir():
        return
    for folder, folders, names in os.walk(media_root):
        folders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                raise BackupError(
                    f"{path} is not a regular file (a link?): MEDIA_ROOT must hold files only."
                )
            yield path.relative_to(media_root).as_posix(), path


def add_file(tar: tarfile.TarFile, name: str, path: Path) -> dict[str, Any]:
    """Add one file, hashing the very bytes written (a file that changes meanwhile
    cannot differ from its SHA-256)."""
    with open(path, "rb") as source:
        size = os.fstat(source.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(os.fstat(source.fileno()).st_mtime)
        hashing = _Hashing(source)
        tar.addfile(info, fileobj=hashing)
    return {"sha256": hashing.digest.hexdigest(), "size": size}


class _Hashing:
    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.digest = source, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        return data


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.at + size
        chunk, self.at = self.data[self.at : end], min(end, len(self.data))
        return chunk


# Restoring -------------------------------------------------------------------------


def restore(
    archive: Path,
    *,
    connection: BaseDatabaseWrapper,
    media_root: Path | None = None,
    force: bool = False,
) -> Restored:
    """Restore `archive` into the database of `connection` and into MEDIA_ROOT; both
    must be empty unless `force` (then everything in them is replaced)."""
    archive = Path(archive)
    media_root = Path(media_root if media_root is not None else settings.MEDIA_ROOT)
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file.")
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".accueil-restore-", dir=media_root.parent) as work:
        unpacked = Path(work) / "archive"
        manifest = unpack(archive, unpacked)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"this archive holds a {vendor} database; the database to restore into is "
                f"{connection.vendor}. Restore it into a {vendor} database."
            )
        pending = check_migrations(manifest)
        if not force:
            try:
                tables = existing_tables(connection)
            except FAILURES as failed:
                raise BackupError(f"cannot read the database to restore into: {failed}") from None
            if tables:
                raise BackupError(
                    f"the database to restore into is not empty ({len(tables)} tables): "
                    "restore into a new, empty database (do not run migrate first), "
                    "or pass --force to replace everything in it."
                )
            if media_root.exists() and any(media_root.iterdir()):
                raise BackupError(
                    f"{media_root} is not empty: restore into an empty MEDIA_ROOT, "
                    "or pass --force to replace the files in it."
                )
        dump = unpacked / manifest["database"]["file"]
        try:
            if vendor == "sqlite":
                sqlite_restore(connection, dump, manifest)
            else:
                postgres_restore(connection, dump, manifest)
        except FAILURES as failed:
            raise BackupError(f"the database could not be restored: {failed}") from None
        try:
            place_media(unpacked / MEDIA, media_root, Path(work))
        except OSError as failed:
            raise RestoredDiffers(
                f"the database is restored but the media files could not be put in place "
                f"({failed}): restore again with --force."
            ) from None
        counts = table_counts(connection, manifest["database"]["schema"])
        differences = count_differences(manifest["tables"], counts)
        if differences:
            raise RestoredDiffers(
                f"the restore was done, but recounting finds rows that differ from the "
                f"archive: {differences}. Do not use this database; restore again."
            )
    return Restored(
        tables=len(counts),
        rows=sum(counts.values()),
        files=sum(1 for name in manifest["files"] if name.startswith(f"{MEDIA}/")),
        created_at=manifest["created_at"],
        pending_migrations=pending,
    )


def unpack(archive: Path, into: Path) -> dict[str, Any]:
    """Unpack the archive into a new folder and check it against its manifest: every
    file listed and none other, each with its size and SHA-256. Refuse links, devices,
    absolute names and names that climb out (`..`)."""
    into.mkdir(mode=0o700)
    found: dict[str, dict[str, Any]] = {}
    manifest_bytes = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                name = safe_name(member)
                if name in found or (name == MANIFEST and manifest_bytes is not None):
                    raise BackupError(f"the archive holds {name} twice: refused.")
                if member.isdir():
                    continue
                source = tar.extractfile(member)
                assert source is not None  # a regular file (safe_name)
                if name == MANIFEST:
                    if member.size > MANIFEST_LIMIT:
                        raise BackupError("manifest.json is implausibly large: refused.")
                    manifest_bytes = source.read()
                    continue
                target = into / name
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                digest = hashlib.sha256()
                size = 0
                with open(target, "xb") as out:
                    os.fchmod(out.fileno(), 0o600)
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[name] = {"sha256": digest.hexdigest(), "size": size}
            # Read to the end of the gzip stream, so its CRC and length are checked too
            # (tarfile stops at the end-of-archive blocks).
            assert tar.fileobj is not None
            while tar.fileobj.read(CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, OSError) as damaged:
        raise BackupError(
            f"the archive is damaged or not a backup of Accueil ({damaged})."
        ) from None
    if manifest_bytes is None:
        raise BackupError("the archive has no manifest.json: not a backup of Accueil.")
    manifest = read_manifest(manifest_bytes)
    listed = manifest["files"]
    missing = sorted(set(listed) - set(found))
    extra = sorted(set(found) - set(listed))
    if missing or extra:
        raise BackupError(
            f"the archive does not match its manifest (missing: {missing[:5]}, "
            f"not listed: {extra[:5]}): refused."
        )
    wrong = sorted(name for name in listed if listed[name] != found[name])
    if wrong:
        raise BackupError(
            f"{len(wrong)} file(s) do not match their SHA-256 in the manifest "
            f"(first: {wrong[0]}): the archive is corrupted; refused."
        )
    return manifest


def safe_name(member: tarfile.TarInfo) -> str:
    name = member.name
    path = PurePosixPath(name)
    if (
        not (member.isfile() or member.isdir())
        or path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or "\x00" in name
        or not (
            name in (MANIFEST, *DUMPS.values()) or (path.parts[0] == MEDIA and len(path.parts) > 1)
        )
    ):
        raise BackupError(f"the archive holds an entry that is not allowed ({name!r}): refused.")
    return path.as_posix()


def read_manifest(data: bytes) -> dict[str, Any]:
    """The manifest, its every field checked: anything else is refused."""
    try:
        manifest = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise BackupError("manifest.json is not valid JSON: the archive is corrupted.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("manifest.json is not an Accueil backup's manifest.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"this archive is in format {manifest.get('format_version')!r}; this version of "
            f"Accueil reads format {FORMAT_VERSION}. Restore it with the Accueil that made it "
            f"({manifest.get('accueil_version')!r})."
        )
    database = manifest.get("database")
    tables = manifest.get("tables")
    files = manifest.get("files")
    migrations = manifest.get("migrations")
    schema = database.get("schema") if isinstance(database, dict) else None
    valid = (
        isinstance(database, dict)
        and database.get("vendor") in DUMPS
        and database.get("file") == DUMPS[database["vendor"]]
        and (schema is None if database["vendor"] == "sqlite" else _identifier(schema))
        and isinstance(tables, dict)
        and all(
            _identifier(name) and type(count) is int and count >= 0
            for name, count in tables.items()
        )
        and isinstance(files, dict)
        and database["file"] in files
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("sha256"), str)
            and type(entry.get("size")) is int
            for entry in files.values()
        )
        and isinstance(migrations, list)
        and all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
            for pair in migrations
        )
        and isinstance(manifest.get("created_at"), str)
    )
    if not valid:
        raise BackupError("manifest.json is incomplete or malformed: the archive is refused.")
    return manifest


def _identifier(name: Any) -> bool:
    return isinstance(name, str) and bool(IDENTIFIER.match(name))


def check_migrations(manifest: dict[str, Any]) -> list[str]:
    """Refuse an archive made by a newer Accueil (migrations this code does not have);
    return the migrations this code has that the archive's database lacks (`accueil
    migrate` applies them after the restore)."""
    ours = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    applied = {(app, name) for app, name in manifest["migrations"]}
    unknown = sorted(f"{app}.{name}" for app, name in applied - ours)
    if unknown:
        raise BackupError(
            f"the archive was made by a newer version of Accueil "
            f"({manifest['accueil_version']}; migrations unknown here: {', '.join(unknown[:5])}). "
            "Restore it with that version."
        )
    return sorted(f"{app}.{name}" for app, name in ours - applied)


def existing_tables(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def table_counts(connection: BaseDatabaseWrapper, schema: str | None) -> dict[str, int]:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return sqlite_counts(connection.connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = %s ORDER BY tablename",
            [schema],
        )
        counts = {}
        for (table,) in cursor.fetchall():
            cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')  # noqa: S608
            counts[table] = cursor.fetchone()[0]
        return counts


def count_differences(expected: dict[str, int], found: dict[str, int]) -> dict[str, str]:
    return {
        table: f"{found.get(table, 'no table')} rows, "
        f"the archive says {expected.get(table, 'no table')}"
        for table in sorted(set(expected) | set(found))
        if expected.get(table) != found.get(table)
    }


def sqlite_restore(connection: BaseDatabaseWrapper, dump: Path, manifest: dict[str, Any]) -> None:
    """Check the unpacked copy (integrity, rows of every table), then copy it over the
    target with SQLite's backup API: one write transaction, all or nothing."""
    with contextlib.closing(sqlite3.connect(dump)) as source:
        sqlite_functions(source)
        if source.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise BackupError("the archive's database fails SQLite's integrity check: refused.")
        differences = count_differences(manifest["tables"], sqlite_counts(source))
        if differences:
            raise BackupError(f"the archive's database differs from its manifest: {differences}")
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("cannot restore inside a transaction.")
        source.backup(connection.connection)


def postgres_restore(connection: BaseDatabaseWrapper, dump: Path, manifest: dict[str, Any]) -> None:
    """pg_restore's script run by psql in one transaction (BEGIN first, COMMIT written
    only after the script and the check of every table's rows): if anything fails or
    the process dies, the connection closes before COMMIT and nothing is restored."""
    tool("pg_restore")
    tool("psql")
    conninfo, environment = libpq(connection)
    connection.close()  # its session would hold no lock, but see the tables freshly after
    schema = manifest["database"]["schema"]
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as script_errors:
        psql = subprocess.Popen(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                f"--dbname={conninfo}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=environment,
        )
        assert psql.stdin is not None
        script = subprocess.Popen(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--file=-",
                str(dump),
            ],
            stdout=subprocess.PIPE,
            stderr=script_errors,
            env=environment,
        )
        assert script.stdout is not None
        try:
            psql.stdin.write(b"BEGIN;\n")
            while chunk := script.stdout.read(CHUNK):
                psql.stdin.write(chunk)
            if script.wait() != 0:
                psql.kill()
                script_errors.seek(0)
                raise BackupError(
                    f"pg_restore could not read the dump: {script_errors.read().decode()[-500:]}"
                )
            psql.stdin.write(count_check(schema, manifest["tables"]).encode())
            psql.stdin.write(b"COMMIT;\n")
            psql.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped on an error: its message follows
        finally:
            if script.poll() is None:
                script.kill()
                script.wait()
        if psql.wait() != 0:
            errors.seek(0)
            raise BackupError(
                "the restore failed and was undone (nothing is restored): "
                + errors.read().decode(errors="replace")[-800:]
            )


def count_check(schema: str, tables: dict[str, int]) -> str:
    """A PL/pgSQL block that raises, undoing the restore, unless every table has the
    rows the manifest says and the schema holds no other table. The names were checked
    against IDENTIFIER (read_manifest) and the counts are integers."""
    lines = ["DO $check$", "DECLARE found bigint;", "BEGIN"]
    for table, count in sorted(tables.items()):
        lines += [
            f'  SELECT count(*) INTO found FROM "{schema}"."{table}";',  # noqa: S608
            f"  IF found <> {int(count)} THEN RAISE EXCEPTION "
            f"'table {table}: %% rows restored, the archive says {int(count)}', found; END IF;",
        ]
    names = ", ".join(f"'{table}'" for table in sorted(tables)) or "''"
    lines += [
        "  IF EXISTS (SELECT 1 FROM pg_catalog.pg_tables",
        f"      WHERE schemaname = '{schema}' AND tablename NOT IN ({names})) THEN",
        "    RAISE EXCEPTION 'the database holds tables the archive does not';",
        "  END IF;",
        "END $check$;",
        "",
    ]
    return "\n".join(lines).replace("%%", "%")


def place_media(unpacked: Path, media_root: Path, work: Path) -> None:
    """Put the unpacked media files in place of MEDIA_ROOT by renames (same file system:
    the unpacked folder sits beside it)."""
    if not unpacked.exists():
        unpacked.mkdir(mode=0o700)
    previous = work / "previous-media"
    if media_root.exists():
        media_root.rename(previous)
    unpacked.rename(media_root)
    media_root.chmod(0o755)
    if previous.exists():
        shutil.rmtree(previous)


# Shared ----------------------------------------------------------------------------


def libpq(connection: BaseDatabaseWrapper) -> tuple[str, dict[str, str]]:
    """The connection's parameters as a libpq connection string for the client tools,
    and their environment: the password in PGPASSWORD, never on a command line."""
    params = connection.get_connection_params()
    password = params.pop("password", None)
    kept = {
        key: str(value)
        for key, value in params.items()
        if isinstance(value, str | int)
        and not isinstance(value, bool)
        and key not in ("prepare_threshold", "client_encoding")
    }
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    if password:
        environment["PGPASSWORD"] = str(password)
    return make_conninfo(**kept), environment


def tool(name: str) -> None:
    if shutil.which(name) is None:
        raise BackupError(
            f"{name} is not installed: install PostgreSQL's client tools of the server's "
            "major version or newer (Debian: postgresql-client)."
        )


def run(command: list[str], environment: dict[str, str]) -> None:
    done = subprocess.run(command, env=environment, capture_output=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-800:]}")


def _sync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def archive_name(now: datetime) -> str:
    return now.astimezone(UTC).strftime(NAME_FORMAT)


def prune(directory: Path, *, days: int, now: datetime) -> list[Path]:
    """Delete the archives `accueil backup DIRECTORY` made in `directory` more than
    `days` days before `now` (by the time in their name, not the file's); return them.
    Other files are left alone."""
    limit = now - timedelta(days=days)
    deleted = []
    for path in sorted(Path(directory).iterdir()):
        matched = NAME_PATTERN.match(path.name)
        if not matched or not path.is_file():
            continue
        made = datetime.strptime(matched[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if made < limit:
            path.unlink()
            deleted.append(path)
    return deleted
