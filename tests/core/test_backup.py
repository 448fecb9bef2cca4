"""`accueil backup` and `accueil restore` (issue 14, point 12; accueil.core.backup): a
database filled by the demo (records of every app) and files in MEDIA_ROOT, backed up
and restored into an EMPTY database, give back every row of every table and every
file's bytes; a damaged, tampered or mismatched archive is refused with nothing
restored; the archive is its owner's alone; old archives expire."""

import contextlib
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.utils import ConnectionHandler

from accueil.audit.models import Action, AuditEvent
from accueil.core import backup
from accueil.demo import data
from accueil.notifications.models import Letter, Notification
from tests import factories

# The tests commit (transactional_db): the backup reads the database from outside the
# test's transaction, as it reads a running server's. PostgreSQL's run pg_dump,
# pg_restore and psql: marked slow.

SCAN = bytes(range(256)) * 40  # binary, every byte value
PDF = b"%PDF-1.7\n" + os.urandom(5000)


def on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own tests; PostgreSQL's are below")


def sqlite_target(path: Path):
    """A connection to a new, empty SQLite file: the database to restore into."""
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}}
    )
    return handler["default"]


def rows_of_every_table(wrapper) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: compared row by row."""
    with wrapper.cursor() as cursor:
        tables = wrapper.introspection.table_names(cursor)
        found = {}
        for table in tables:
            quoted = wrapper.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - names from the database
            found[table] = sorted(cursor.fetchall(), key=repr)
        return found


def files_under(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def records(transactional_db, media):
    """A candidate's contract with its files in MEDIA_ROOT, stored the way the
    application stores them (through the contracts' file fields), a letter by post
    (binary PDF in the database) and its delivery record (JSON)."""
    person = factories.candidate(surname="Nguyễn", first_name="Ана")
    contract = factories.contract(person)
    contract.signed_scan.save("scan.png", ContentFile(SCAN), save=False)
    contract.document.save("contract.pdf", ContentFile(PDF), save=False)
    contract.save()
    (media / "nested" / "deeper").mkdir(parents=True)
    (media / "nested" / "deeper" / "empty.bin").write_bytes(b"")
    notification = Notification.objects.create(
        key=f"test:candidate:{person.pk}",
        kind="test",
        about=f"registration.candidate:{person.pk}",
        purpose="Test",
        task_args=[str(person.pk), "Ана\nNguyễn"],
    )
    Letter.objects.create(notification=notification, language="fr", pdf=PDF)
    return contract


@pytest.fixture
def filled(records):
    """The demo's whole data set (records of every app: its emails wait in the task
    queue, which the test does not run, hence the letter above) beside those records."""
    data.load()
    return records


def rewrite(archive: Path, out: Path, *, manifest=None, members=None) -> Path:
    """A copy of `archive` with its manifest edited by `manifest(dict)` and its other
    members' bytes by `members(name, bytes) -> bytes | None` (None drops the member)."""
    with tarfile.open(archive, "r:gz") as tar, tarfile.open(out, "w:gz") as copy:
        for member in tar.getmembers():
            body = tar.extractfile(member).read()
            if member.name == backup.MANIFEST and manifest:
                content = json.loads(body)
                manifest(content)
                body = json.dumps(content).encode()
            elif members:
                body = members(member.name, body)
                if body is None:
                    continue
            info = tarfile.TarInfo(member.name)
            info.size = len(body)
            copy.addfile(info, io.BytesIO(body))
    return out


@pytest.fixture
def archive(records, tmp_path):
    path = tmp_path / "backup.tar.gz"
    backup.backup(path, connection=connection)
    return path


# SQLite --------------------------------------------------------------------------


def test_a_restore_into_an_empty_sqlite_database_finds_every_row_and_every_file(
    filled, media, tmp_path
):
    on_sqlite()
    path = tmp_path / "backup.tar.gz"
    manifest = backup.backup(path, connection=connection)
    expected_rows = rows_of_every_table(connection)
    assert manifest["tables"] == {table: len(rows) for table, rows in expected_rows.items()}
    # Records of every app of Accueil are in it (the demo makes them).
    apps = {"accounts", "audit", "registration", "booking", "notifications", "contracts"}
    apps |= {"intake", "social", "training", "guide"}
    for app in apps:
        assert any(rows for table, rows in expected_rows.items() if table.startswith(f"{app}_")), (
            app
        )

    target = sqlite_target(tmp_path / "restored.sqlite3")
    restored_media = tmp_path / "restored-media"
    result = backup.restore(path, connection=target, media_root=restored_media)

    assert rows_of_every_table(target) == expected_rows
    assert files_under(restored_media) == files_under(media)
    assert files_under(restored_media)[filled.signed_scan.name] == SCAN
    assert files_under(restored_media)[filled.document.name] == PDF
    assert result.rows == sum(len(rows) for rows in expected_rows.values())
    assert result.files == len(files_under(media)) == 3
    assert result.pending_migrations == []
    target.close()


def test_the_archive_is_its_owners_alone_and_says_what_it_holds(archive, media):
    on_sqlite()
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile(backup.MANIFEST).read())
        names = set(tar.getnames())
    assert manifest["format_version"] == backup.FORMAT_VERSION
    assert manifest["database"]["vendor"] == "sqlite"
    assert ["contracts", "0001_initial"] in manifest["migrations"]
    assert names == {backup.MANIFEST, *manifest["files"]}
    assert {f"media/{name}" for name in files_under(media)} | {"database.sqlite3"} == set(
        manifest["files"]
    )
    assert datetime.fromisoformat(manifest["created_at"]) > datetime.now(UTC) - timedelta(minutes=5)


def test_a_backup_never_overwrites_a_file(records, tmp_path):
    on_sqlite()
    path = tmp_path / "taken.tar.gz"
    path.write_bytes(b"an earlier backup")
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.backup(path, connection=connection)
    assert path.read_bytes() == b"an earlier backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".accueil-backup")] == []


def test_a_backup_that_fails_leaves_nothing_behind(records, media, tmp_path):
    on_sqlite()
    (media / "link.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(backup.BackupError, match="not a regular file"):
        backup.backup(folder / "b.tar.gz", connection=connection)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("place", ["DATA_DIR", "MEDIA_ROOT", "STATIC_ROOT"])
def test_a_backup_is_never_written_where_the_application_keeps_or_serves_files(
    records, media, tmp_path, settings, place
):
    on_sqlite()
    settings.DATA_DIR = tmp_path / "data"
    settings.STATIC_ROOT = tmp_path / "data" / "static"
    folder = Path(getattr(settings, place)) / "backups"
    folder.mkdir(parents=True)
    with pytest.raises(backup.BackupError, match="write backups elsewhere"):
        backup.backup(folder / "b.tar.gz", connection=connection)
    assert list(folder.iterdir()) == []


def assert_nothing_restored(target, media_root: Path) -> None:
    assert target.introspection.table_names() == []
    assert not media_root.exists()


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, 0.99, -1, -5])
def test_a_corrupted_archive_is_refused_and_nothing_is_restored(archive, tmp_path, where):
    on_sqlite()
    damaged = bytearray(archive.read_bytes())
    damaged[where if where < 0 else int(len(damaged) * where)] ^= 0xFF
    (tmp_path / "damaged.tar.gz").write_bytes(bytes(damaged))
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match=r"damaged|SHA-256|manifest"):
        backup.restore(tmp_path / "damaged.tar.gz", connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


def test_a_file_changed_in_the_archive_is_refused(archive, tmp_path):
    on_sqlite()
    tampered = rewrite(
        archive,
        tmp_path / "tampered.tar.gz",
        members=lambda name, body: body + b"!" if name.endswith("scan.png") else body,
    )
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match="SHA-256"):
        backup.restore(tampered, connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


def test_a_file_missing_from_the_archive_is_refused(archive, tmp_path):
    on_sqlite()
    partial = rewrite(
        archive,
        tmp_path / "partial.tar.gz",
        members=lambda name, body: None if name.endswith(".pdf") else body,
    )
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match="does not match its manifest"):
        backup.restore(partial, connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.update(format_version=2), "format 2"),
        (lambda m: m["migrations"].append(["contracts", "9999_from_the_future"]), "newer version"),
        (lambda m: m["tables"].update(contracts_contract=10**6), "differs from its manifest"),
        (lambda m: m["tables"].update({'x"; DROP TABLE y; --': 1}), "malformed"),
        (lambda m: m["database"].update(vendor="oracle"), "malformed"),
        (lambda m: m.pop("files"), "malformed"),
    ],
)
def test_a_mismatched_manifest_is_refused_and_nothing_is_restored(archive, tmp_path, edit, message):
    on_sqlite()
    edited = rewrite(archive, tmp_path / "edited.tar.gz", manifest=edit)
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match=message):
        backup.restore(edited, connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


def test_an_archive_of_another_database_vendor_is_refused(archive, tmp_path):
    on_sqlite()

    def as_postgres(manifest):
        manifest["database"].update(vendor="postgresql", file="database.pgdump", schema="public")
        manifest["files"]["database.pgdump"] = manifest["files"].pop("database.sqlite3")

    with tarfile.open(archive, "r:gz") as tar, tarfile.open(tmp_path / "pg.tar.gz", "w:gz") as out:
        for member in tar.getmembers():
            body = tar.extractfile(member).read()
            if member.name == backup.MANIFEST:
                content = json.loads(body)
                as_postgres(content)
                body = json.dumps(content).encode()
            info = tarfile.TarInfo(
                "database.pgdump" if member.name == "database.sqlite3" else member.name
            )
            info.size = len(body)
            out.addfile(info, io.BytesIO(body))
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match="holds a postgresql database"):
        backup.restore(tmp_path / "pg.tar.gz", connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


@pytest.mark.parametrize(
    "name", ["media/../../escaped", "/etc/escaped", "elsewhere/file", "media/a\\..\\b", "media"]
)
def test_an_entry_outside_the_archives_folders_is_refused(tmp_path, name, db):
    body = b"x"
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(name)
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    with pytest.raises(backup.BackupError, match="not allowed"):
        backup.unpack(path, tmp_path / "out")
    assert not (tmp_path / "escaped").exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_a_link_in_the_archive_is_refused(tmp_path, db):
    path = tmp_path / "link.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("media/passwd")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(info)
    with pytest.raises(backup.BackupError, match="not allowed"):
        backup.unpack(path, tmp_path / "out")


def test_something_that_is_not_an_archive_is_refused(tmp_path, db):
    (tmp_path / "notes.tar.gz").write_bytes(gzip.compress(b"not a tar file at all" * 100))
    (tmp_path / "plain.tar.gz").write_text("hello")
    target = sqlite_target(tmp_path / "restored.sqlite3")
    for name in ("notes.tar.gz", "plain.tar.gz"):
        with pytest.raises(backup.BackupError, match=r"damaged|no manifest"):
            backup.restore(tmp_path / name, connection=target, media_root=tmp_path / "m")
    assert_nothing_restored(target, tmp_path / "m")


def test_a_database_that_is_not_empty_is_refused_unless_forced(archive, tmp_path):
    on_sqlite()
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with target.cursor() as cursor:
        cursor.execute("CREATE TABLE newer (id integer)")
        cursor.execute("INSERT INTO newer VALUES (1)")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(archive, connection=target, media_root=tmp_path / "m")
    assert target.introspection.table_names() == ["newer"]

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "old.txt").write_text("old")
    backup.restore(archive, connection=target, media_root=tmp_path / "m", force=True)
    assert rows_of_every_table(target) == rows_of_every_table(connection)
    assert not (tmp_path / "m" / "old.txt").exists()
    target.close()


def test_a_media_folder_that_is_not_empty_is_refused_unless_forced(archive, tmp_path):
    on_sqlite()
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "old.txt").write_text("old")
    target = sqlite_target(tmp_path / "restored.sqlite3")
    with pytest.raises(backup.BackupError, match="is not empty"):
        backup.restore(archive, connection=target, media_root=tmp_path / "m")
    assert target.introspection.table_names() == []
    assert (tmp_path / "m" / "old.txt").read_text() == "old"


def test_a_running_servers_sqlite_database_is_copied_in_one_consistent_state(tmp_path, db):
    """While another connection keeps writing two rows per transaction, the copy holds
    only whole transactions (an even count), and its manifest says what it holds."""
    on_sqlite()
    live = tmp_path / "live.sqlite3"
    with contextlib.closing(sqlite3.connect(live, isolation_level=None)) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE pairs (id integer primary key, half integer)")
    stop = threading.Event()

    def write():
        with contextlib.closing(sqlite3.connect(live, isolation_level=None, timeout=20)) as db:
            while not stop.is_set():
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO pairs (half) VALUES (1)")
                db.execute("INSERT INTO pairs (half) VALUES (2)")
                db.execute("COMMIT")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        source = sqlite_target(live)
        copies = []
        for n in range(5):
            path = tmp_path / f"copy{n}.tar.gz"
            copies.append(backup.backup(path, connection=source, media_root=tmp_path / "none"))
        source.close()
    finally:
        stop.set()
        writer.join()
    for n, manifest in enumerate(copies):
        assert manifest["tables"]["pairs"] % 2 == 0
        target = sqlite_target(tmp_path / f"restored{n}.sqlite3")
        backup.restore(
            tmp_path / f"copy{n}.tar.gz", connection=target, media_root=tmp_path / f"m{n}"
        )
        with target.cursor() as cursor:
            cursor.execute("SELECT half, count(*) FROM pairs GROUP BY half")
            halves = dict(cursor.fetchall())
        assert halves.get(1, 0) == halves.get(2, 0) == manifest["tables"]["pairs"] // 2
        target.close()
    assert copies[-1]["tables"]["pairs"] > 0


def test_an_archive_older_than_the_code_is_restored_and_names_the_migrations_to_apply(
    archive, tmp_path
):
    on_sqlite()
    older = rewrite(
        archive,
        tmp_path / "older.tar.gz",
        manifest=lambda m: m["migrations"].remove(
            max(p for p in m["migrations"] if p[0] == "contracts")
        ),
    )
    target = sqlite_target(tmp_path / "restored.sqlite3")
    result = backup.restore(older, connection=target, media_root=tmp_path / "m")
    assert len(result.pending_migrations) == 1
    assert result.pending_migrations[0].startswith("contracts.")
    target.close()


# The commands ----------------------------------------------------------------------


def test_the_commands_back_up_into_a_directory_prune_expired_archives_and_restore(
    records, media, tmp_path, settings, capsys
):
    on_sqlite()
    settings.BACKUP_RETENTION_DAYS = 30
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime.now(UTC)
    expired = folder / backup.archive_name(now - timedelta(days=31))
    kept = folder / backup.archive_name(now - timedelta(days=29))
    other = folder / "accueil-notes.txt"
    for path in (expired, kept, other):
        path.write_text("x")

    call_command("backup", str(folder), "--prune")

    made = sorted(set(folder.iterdir()) - {kept, other})
    assert len(made) == 1
    assert backup.NAME_PATTERN.match(made[0].name)
    assert not expired.exists()
    assert kept.exists()
    assert other.exists()
    out = capsys.readouterr().out
    assert f"deleted {expired.name}" in out

    with pytest.raises(CommandError, match=r"not empty.*Nothing was restored"):
        call_command("restore", str(made[0]))


def test_prune_only_deletes_expired_archives_and_writes_none(tmp_path, settings, capsys, db):
    settings.BACKUP_RETENTION_DAYS = 7
    now = datetime.now(UTC)
    expired = tmp_path / (backup.archive_name(now - timedelta(days=8)) + ".age")
    kept = tmp_path / (backup.archive_name(now - timedelta(days=6)) + ".age")
    for path in (expired, kept):
        path.write_text("x")
    call_command("backup", str(tmp_path), "--prune-only")
    assert sorted(tmp_path.iterdir()) == [kept]
    assert f"deleted {expired.name} (older than 7 days)" in capsys.readouterr().out
    with pytest.raises(CommandError, match="needs a directory"):
        call_command("backup", str(kept), "--prune-only")


def test_prune_goes_by_the_time_in_the_name_not_the_files_date(tmp_path):
    now = datetime(2026, 12, 7, 12, tzinfo=UTC)
    old = tmp_path / backup.archive_name(now - timedelta(days=40))
    encrypted = tmp_path / (backup.archive_name(now - timedelta(days=31)) + ".age")
    fresh = tmp_path / backup.archive_name(now - timedelta(days=1))
    other = tmp_path / (backup.archive_name(now - timedelta(days=40)) + ".txt")
    for path in (old, encrypted, fresh, other):
        path.write_text("x")
    os.utime(old, (now.timestamp(), now.timestamp()))  # touched today: still expired
    assert backup.prune(tmp_path, days=30, now=now) == [old, encrypted]
    assert fresh.exists()
    assert other.exists()


# PostgreSQL ------------------------------------------------------------------------


@pytest.fixture
def postgres_target(transactional_db):
    """A new, empty PostgreSQL database beside the test database; dropped after."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restored"[:60]
    params = {**connection.get_connection_params(), "dbname": "postgres"}
    for key in ("context", "cursor_factory", "prepare_threshold"):
        params.pop(key, None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    handler = ConnectionHandler({"default": {**connection.settings_dict, "NAME": name}})
    target = handler["default"]
    yield target
    target.close()
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.slow
def test_a_restore_into_an_empty_postgres_database_finds_every_row_and_every_file(
    filled, media, tmp_path, postgres_target
):
    path = tmp_path / "backup.tar.gz"
    manifest = backup.backup(path, connection=connection)
    assert manifest["database"]["vendor"] == "postgresql"
    expected_rows = rows_of_every_table(connection)
    assert manifest["tables"] == {table: len(rows) for table, rows in expected_rows.items()}

    result = backup.restore(path, connection=postgres_target, media_root=tmp_path / "restored")

    assert rows_of_every_table(postgres_target) == expected_rows
    assert files_under(tmp_path / "restored") == files_under(media)
    assert result.files == 3
    # Sequences come back too: the next record does not collide with a restored one.
    with postgres_target.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM audit_auditevent")
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(pg_get_serial_sequence('audit_auditevent', 'id'))")
        assert cursor.fetchone()[0] > highest


@pytest.mark.postgres
@pytest.mark.slow
def test_a_restore_whose_rows_differ_from_the_manifest_is_undone_on_postgres(
    archive, tmp_path, postgres_target
):
    """The check of every table's rows runs in the restore's transaction: a difference
    undoes the whole restore (the database stays empty)."""
    one_more = rewrite(
        archive,
        tmp_path / "edited.tar.gz",
        manifest=lambda m: m["tables"].update(
            contracts_contract=m["tables"]["contracts_contract"] + 1
        ),
    )
    with pytest.raises(backup.BackupError, match=r"undone.*contracts_contract"):
        backup.restore(one_more, connection=postgres_target, media_root=tmp_path / "m")
    assert_nothing_restored(postgres_target, tmp_path / "m")


@pytest.mark.postgres
@pytest.mark.slow
def test_a_postgres_database_that_is_not_empty_is_refused(archive, tmp_path, postgres_target):
    with postgres_target.cursor() as cursor:
        cursor.execute("CREATE TABLE newer (id integer)")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(archive, connection=postgres_target, media_root=tmp_path / "m")
    assert postgres_target.introspection.table_names() == ["newer"]


@pytest.mark.postgres
@pytest.mark.slow
def test_a_forced_postgres_restore_replaces_the_archives_tables_and_refuses_others(
    archive, tmp_path, postgres_target
):
    """--force replaces the tables the archive holds (pg_restore --clean); a table the
    archive does not know would stay behind, so the restore is undone and says so."""
    backup.restore(archive, connection=postgres_target, media_root=tmp_path / "m")
    with postgres_target.cursor() as cursor:
        cursor.execute("DELETE FROM notifications_letter")
    backup.restore(archive, connection=postgres_target, media_root=tmp_path / "m", force=True)
    assert rows_of_every_table(postgres_target) == rows_of_every_table(connection)

    with postgres_target.cursor() as cursor:
        cursor.execute("CREATE TABLE newer (id integer)")
        cursor.execute("DELETE FROM notifications_letter")
    with pytest.raises(backup.BackupError, match="tables the archive does not"):
        backup.restore(archive, connection=postgres_target, media_root=tmp_path / "m", force=True)
    with postgres_target.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM notifications_letter")
        assert cursor.fetchone()[0] == 0  # undone: as it was before this restore


@pytest.mark.slow
def test_the_console_script_backs_up_and_restores_with_exit_statuses(tmp_path):
    """`accueil backup` and `accueil restore` as an operator runs them, in their own
    processes with only the variables they need."""
    on_sqlite()
    live, restored = tmp_path / "live", tmp_path / "restored"
    (live / "media" / "contracts").mkdir(parents=True)
    (live / "media" / "contracts" / "scan.png").write_bytes(SCAN)

    def accueil(data_dir, *args):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ACCUEIL_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
        }
        return subprocess.run(
            [sys.executable, "-c", "from accueil.cli import main; main()", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    assert accueil(live, "migrate", "-v0").returncode == 0
    made = accueil(live, "backup", str(tmp_path))
    assert made.returncode == 0, made.stderr
    (path,) = tmp_path.glob("accueil-*.tar.gz")
    assert path.stat().st_mode & 0o777 == 0o600
    assert str(path) in made.stdout

    done = accueil(restored, "restore", str(path))
    assert done.returncode == 0, done.stderr
    assert "every table's rows match" in done.stdout
    assert (restored / "media" / "contracts" / "scan.png").read_bytes() == SCAN
    with (
        contextlib.closing(sqlite3.connect(live / "accueil.sqlite3")) as a,
        contextlib.closing(sqlite3.connect(restored / "accueil.sqlite3")) as b,
    ):
        assert backup.sqlite_counts(a) == backup.sqlite_counts(b)
        assert list(a.execute("SELECT * FROM django_migrations ORDER BY id")) == list(
            b.execute("SELECT * FROM django_migrations ORDER BY id")
        )

    again = accueil(restored, "restore", str(path))
    assert again.returncode == 1
    assert "not empty" in again.stderr
    assert "Nothing was restored" in again.stderr

    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(path.read_bytes()[:-100])
    refused = accueil(tmp_path / "third", "restore", str(damaged))
    assert refused.returncode == 1
    assert "damaged" in refused.stderr
    assert not (tmp_path / "third" / "media").exists()


def test_a_backup_made_from_the_command_line_is_in_the_audit_trail(records, tmp_path):
    """The archive holds everyone's data: that one was written is recorded (by no one
    signed in), as is a restore."""
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    event = AuditEvent.objects.get(reason="backup of the database and files")
    assert event.action == Action.EXPORT and event.actor is None
