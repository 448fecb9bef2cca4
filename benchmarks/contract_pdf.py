"""Benchmark: how long the contract PDF takes to produce, per document.

    .venv/bin/python benchmarks/contract_pdf.py [--documents 50]

Creates a throwaway SQLite database, a signed contract in each language, renders the
contract PDF --documents times (after one warm-up per language, as a running worker
would be warm) and prints the median, p95 and maximum in milliseconds.
Target: median under 300 ms on this machine (2 cores).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup(data_dir: str) -> None:
    # A throwaway SQLite database in data_dir, whatever DATABASE_URL says.
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="accueil.settings",
        ACCUEIL_DATA_DIR=data_dir,
        DEBUG="false",
        SECRET_KEY="benchmark-only",  # noqa: S106 - throwaway database
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def contracts() -> list:
    from datetime import date

    from accueil.accounts.models import Role, User
    from accueil.contracts import services
    from accueil.contracts.models import SignatureMethod
    from accueil.core import national_id
    from accueil.intake.models import DocumentKind, ResidenceDocument
    from accueil.registration.models import Candidate

    officer = User.objects.create_user(
        "bench@example.org", "x" * 16, role=Role.OFFICER, first_name="Claire", last_name="Weber"
    )
    made = []
    for n, language in enumerate(["en", "fr", "de"]):
        born = date(1990, 1 + n, 10)
        person = Candidate.objects.create(
            surname="Benchmark",
            first_name="Person",
            national_id=national_id.make(born, n),
            birth_date=born,
            phone="+352 621 000 000",
            email=f"p{n}@example.org",
            nationalities=["PT"],
            information_language=language,
            channel="online",
            legal_residence_confirmed=True,
            wishes_to_settle=True,
            postal_address="1, rue de la Gare, L-1611 Luxembourg",
        )
        ResidenceDocument.objects.create(
            candidate=person,
            kind=DocumentKind.RESIDENCE_CARD,
            number="X1",
            valid_until=date(2099, 1, 1),
            checked_by=officer,
        )
        draft = services.contract_draft(
            candidate=person, actor=officer, language_levels={"fr": "A2"}
        )
        made.append(
            services.contract_sign(contract=draft, actor=officer, method=SignatureMethod.CONFIRMED)
        )
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup(data_dir)
        from accueil.contracts.documents import contract_pdf

        signed = contracts()
        for contract in signed:
            contract_pdf(contract)  # warm-up: fonts and templates loaded once per worker
        timings = []
        for n in range(args.documents):
            started = time.perf_counter()
            pdf = contract_pdf(signed[n % len(signed)])
            timings.append((time.perf_counter() - started) * 1000)
            assert pdf.startswith(b"%PDF")
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"contract PDF, {args.documents} documents (en/fr/de): "
        f"median {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
        f"max {timings[-1]:.0f} ms, {len(pdf) // 1024} KiB each"
    )
    if statistics.median(timings) >= 300:
        sys.exit("median over the 300 ms target")


if __name__ == "__main__":
    main()
