"""The scan of a contract signed on paper (issue 14, point 10; seed 000, "Forms /
Online services": the documents people give are kept safe and seen only by those who
need them).

Stored under a name the application chooses (random, the extension of the type its
first bytes show), served only to the officers and the candidate who signed it (404 for
anyone else), as an attachment with its type and nosniff; its size limited as it
arrives, before anything is written; the error next to the field in en, fr and de."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts import services
from accueil.contracts.forms import MAX_SCAN_BYTES
from accueil.contracts.models import ContractStatus, SignatureMethod
from accueil.intake.models import LinguisticProfile
from tests import factories

PDF = b"%PDF-1.4 signed on paper"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
RANDOM_NAME = re.compile(r"^contracts/scans/[0-9a-f]{32}\.(pdf|png|jpg)$")
TOO_LARGE = {
    "en": "The selected file must be smaller than 10 MB",
    "fr": "Le fichier sélectionné doit faire moins de 10 Mo",
    "de": "Die ausgewählte Datei muss kleiner als 10 MB sein",
}


@pytest.fixture
def person(db, officer):
    candidate = factories.candidate(user=factories.user(Role.CANDIDATE))
    LinguisticProfile.objects.create(candidate=candidate, french="A2", recorded_by=officer)
    factories.residence_document(candidate, checked_by=officer)
    return candidate


@pytest.fixture
def draft(person, officer):
    return services.contract_draft(candidate=person, actor=officer, language_levels={"fr": "A2"})


def sign(client, person, **data):
    day = timezone.localdate()
    dated = {
        "entry_into_force_day": str(day.day),
        "entry_into_force_month": str(day.month),
        "entry_into_force_year": str(day.year),
    }
    return client.post(reverse("contracts:task", args=[person.pk]), {**dated, **data})


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("client_name", "content", "extension"),
    [
        ("Jean Dupont passport.png", PDF, ".pdf"),  # the content decides, not the name
        ("scan.pdf.html", PNG, ".png"),
        ("../../etc/passwd", b"\xff\xd8\xff\xe0 jpeg", ".jpg"),
    ],
)
def test_the_scan_is_stored_under_a_name_the_application_chooses(
    client, officer, draft, person, client_name, content, extension
):
    client.force_login(officer)
    sign(client, person, method="paper", scan=SimpleUploadedFile(client_name, content))
    draft.refresh_from_db()
    assert draft.status == ContractStatus.IN_FORCE
    assert RANDOM_NAME.match(draft.signed_scan.name), draft.signed_scan.name
    assert draft.signed_scan.name.endswith(extension)
    assert draft.signed_scan.read() == content
    assert [path.name for path in stored_files()] == [Path(draft.signed_scan.name).name]
    assert stored_files()[0].stat().st_mode & 0o777 == 0o640  # no one else reads it


def test_two_scans_never_share_a_name(officer, person):
    names = set()
    for _ in range(2):
        contract = services.contract_draft(candidate=person, actor=officer)
        signed = services.contract_sign(
            contract=contract,
            actor=officer,
            method=SignatureMethod.PAPER,
            scan=SimpleUploadedFile("scan.pdf", PDF),
        )
        names.add(signed.signed_scan.name)
        services.contract_withdraw(contract=signed, actor=officer, reason="test")
    assert len(names) == 2


def test_the_service_refuses_a_file_that_is_no_scan(officer, draft):
    with pytest.raises(services.InvalidScan):
        services.contract_sign(
            contract=draft,
            actor=officer,
            method=SignatureMethod.PAPER,
            scan=SimpleUploadedFile("scan.pdf", b"<html><script>alert(1)</script>"),
        )
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT and not draft.signed_scan
    assert stored_files() == []


@pytest.fixture
def signed(officer, draft):
    return services.contract_sign(
        contract=draft,
        actor=officer,
        method=SignatureMethod.PAPER,
        scan=SimpleUploadedFile("IMG_0042.jpg", PNG),
    )


def test_an_officer_downloads_the_scan_as_an_attachment(client, officer, signed):
    client.force_login(officer)
    response = client.get(reverse("contracts:signed_scan", args=[signed.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="{signed.number}-signed.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PNG
    event = AuditEvent.objects.filter(action=Action.EXPORT).get()
    assert (event.actor, event.target_id, event.reason) == (officer, str(signed.pk), "signed scan")


def test_the_candidate_downloads_their_own_scan_from_the_contracts_page(client, signed):
    client.force_login(signed.candidate.user)
    page = client.get(reverse("officer_contracts:detail", args=[signed.pk])).content.decode()
    url = reverse("contracts:signed_scan", args=[signed.pk])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    "role", [Role.DPO, Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN, Role.CANDIDATE]
)
def test_anyone_else_gets_a_404(client, signed, role):
    other = factories.user(role)
    if role == Role.CANDIDATE:
        factories.contract(factories.candidate(user=other))
    client.force_login(other)
    response = client.get(reverse("contracts:signed_scan", args=[signed.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_a_visitor_is_sent_to_sign_in(client, signed):
    response = client.get(reverse("contracts:signed_scan", args=[signed.pk]))
    assert response.status_code == 302 and "sign-in" in response["Location"]
    assert str(signed.candidate.pk) not in response["Location"]


def test_a_contract_without_a_scan_has_none_to_download(client, officer, draft):
    services.contract_sign(contract=draft, actor=officer, method=SignatureMethod.CONFIRMED)
    client.force_login(officer)
    assert client.get(reverse("contracts:signed_scan", args=[draft.pk])).status_code == 404
    page = client.get(reverse("officer_contracts:detail", args=[draft.pk])).content.decode()
    assert 'id="signed-scan-link"' not in page


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_scan_over_the_limit_is_dropped_as_it_arrives_and_the_rest_is_kept(
    client, officer, draft, person, lang, monkeypatch
):
    officer.language = lang
    officer.save()
    client.force_login(officer)
    written: list[int] = []
    keep = TemporaryFileUploadHandler.receive_data_chunk

    def spy(handler, raw_data, start):
        written.append(len(raw_data))
        return keep(handler, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", spy)
    big = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"x" * MAX_SCAN_BYTES)
    response = sign(client, person, method="paper", scan=big)
    # Django's temporary file got the bytes up to the limit at most, then was deleted.
    assert 0 < sum(written) <= MAX_SCAN_BYTES
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_scan"' in html  # the error summary leads to the field
    assert TOO_LARGE[lang] in html
    assert re.search(r'name="method"[^>]*value="paper"[^>]*checked', html)  # kept
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT and not draft.signed_scan
    assert stored_files() == []


def test_a_scan_at_the_limit_is_kept(client, officer, draft, person):
    client.force_login(officer)
    exact = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"x" * (MAX_SCAN_BYTES - 5))
    sign(client, person, method="paper", scan=exact)
    draft.refresh_from_db()
    assert draft.status == ContractStatus.IN_FORCE
    assert draft.signed_scan.size == MAX_SCAN_BYTES


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(client, officer, draft, person):
    client.force_login(officer)
    response = client.post(
        reverse("contracts:task", args=[person.pk]),
        {"method": "paper", "scan": SimpleUploadedFile("scan.pdf", PDF)},
        CONTENT_LENGTH=str(2 * MAX_SCAN_BYTES + 1),  # the body is never read: 413 at once
    )
    assert response.status_code == 413
    assert TOO_LARGE["en"] in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT
    assert stored_files() == []


def test_the_form_still_checks_its_csrf_token(officer, draft, person):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(officer)
    response = sign(strict, person, method="paper", scan=SimpleUploadedFile("scan.pdf", PDF))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT
    assert stored_files() == []


def test_a_signature_that_fails_after_the_scan_was_written_leaves_no_file(
    officer, draft, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("the queue is down")

    monkeypatch.setattr(services, "render_contract_document", SimpleNamespace(enqueue=fail))
    with pytest.raises(RuntimeError):
        services.contract_sign(
            contract=draft,
            actor=officer,
            method=SignatureMethod.PAPER,
            scan=SimpleUploadedFile("scan.pdf", PDF),
        )
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT and not draft.signed_scan
    assert stored_files() == []
