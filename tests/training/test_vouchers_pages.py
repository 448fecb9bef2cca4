"""The pages of vouchers and enrolment, in English, French and German: the candidate's
vouchers and courses, enrolling with a voucher, the provider's enrol-a-person form,
the officer's vouchers of a candidate; and isolation between providers (404)."""

import pytest
from django.urls import reverse

from accueil.audit.models import AuditEvent
from accueil.training import enrolment as enrolments
from accueil.training import vouchers
from accueil.training.models import Enrolment, EnrolmentStatus, VoucherRedemption
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db

LANGUAGES = {
    "en": ("My vouchers and courses", "Get a voucher", "Enrol the person"),
    "fr": ("Mes bons et mes cours", "Obtenir un bon", "Inscrire la personne"),
    "de": ("Meine Gutscheine und Kurse", "Einen Gutschein erhalten", "Die Person anmelden"),
}


def person_of(user):
    return user.candidate


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_candidate_gets_a_voucher_and_sees_it(client, candidate_user, lang):
    heading, button, _ = LANGUAGES[lang]
    client.force_login(candidate_user)
    html = client.get(reverse("training:my_courses"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert heading in html and button in html
    response = client.post(reverse("training:voucher_get"), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 302
    voucher = person_of(candidate_user).vouchers.get()
    html = client.get(reverse("training:my_courses"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert voucher.code_display in html
    assert voucher.code not in response["Location"]


def test_the_path_links_to_the_vouchers(client, candidate_user):
    client.force_login(candidate_user)
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("training:my_courses") in html


def test_the_candidate_enrols_with_a_voucher(client, candidate_user):
    person = person_of(candidate_user)
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    target = course()
    client.force_login(candidate_user)
    html = client.get(reverse("training:enrol", args=[target.pk])).content.decode()
    assert voucher.code_display in html and "€100.00" in html and "€300.00" in html
    response = client.post(reverse("training:enrol", args=[target.pk]), {"fee": voucher.code})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(course=target, candidate=person)
    assert enrolment.voucher_redemption.voucher == voucher
    html = client.get(reverse("training:my_courses")).content.decode()
    assert target.title in html and "reduced rate (voucher 1)" in html


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_choosing_nothing_shows_the_error_next_to_the_field(client, candidate_user, lang):
    target = course()
    client.force_login(candidate_user)
    html = client.post(
        reverse("training:enrol", args=[target.pk]), {}, HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert "govuk-error-summary" in html and 'href="#id_fee_0"' in html
    assert not target.enrolments.exists()


def test_the_candidate_enrols_at_the_normal_fee_and_cancels(client, candidate_user):
    target = course()
    client.force_login(candidate_user)
    client.post(reverse("training:enrol", args=[target.pk]), {"fee": "normal"})
    enrolment = target.enrolments.get()
    assert not VoucherRedemption.objects.exists()
    client.post(reverse("training:enrolment_cancel", args=[enrolment.pk]))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CANCELLED


def test_a_candidate_cannot_cancel_someone_elses_enrolment(client, candidate_user):
    other = signatory()
    enrolment, _ = enrolments.enrol(course_id=course().pk, candidate=other, actor=None)
    client.force_login(candidate_user)
    assert client.post(reverse("training:enrolment_cancel", args=[enrolment.pk])).status_code == 404


def test_a_draft_course_is_not_found(client, candidate_user):
    client.force_login(candidate_user)
    draft = course(status="draft")
    assert client.get(reverse("training:enrol", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_provider_enrols_a_person_with_a_voucher(client, provider, lang):
    _, _, button = LANGUAGES[lang]
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    target = course(provider.organisation)
    client.force_login(provider)
    url = reverse("training:enrol_person", args=[target.pk])
    assert button in client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    data = {
        "national_id": person.national_id,
        "surname": person.surname.upper(),
        "voucher_code": voucher.code_display.lower(),
    }
    assert client.post(url, data, HTTP_ACCEPT_LANGUAGE=lang).status_code == 302
    enrolment = target.enrolments.get()
    assert enrolment.voucher_redemption.voucher == voucher
    assert AuditEvent.objects.filter(target_type="training.enrolment", actor=provider).exists()
    # The same voucher again: refused next to its field, in the reader's language.
    again = course(provider.organisation)
    html = client.post(
        reverse("training:enrol_person", args=[again.pk]), data, HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert 'href="#id_voucher_code"' in html
    message = {
        "en": "already been used",
        "fr": "déjà été utilisé",
        "de": "bereits",
    }[lang]
    assert message in html
    assert not again.enrolments.exists()


def test_the_provider_is_told_when_the_person_is_unknown(client, provider):
    target = course(provider.organisation)
    person = signatory()
    client.force_login(provider)
    html = client.post(
        reverse("training:enrol_person", args=[target.pk]),
        {"national_id": person.national_id, "surname": "Wrong"},
    ).content.decode()
    assert 'href="#id_national_id"' in html and "No one with a contract in force" in html


def test_someone_elses_voucher_is_refused_without_saying_more(client, provider):
    target = course(provider.organisation)
    person, other = signatory(), signatory()
    theirs = vouchers.voucher_issue(contract=other.contracts.get(), actor=None)
    enrolments.enrol(course_id=course().pk, candidate=other, actor=None, voucher_code=theirs.code)
    client.force_login(provider)
    html = client.post(
        reverse("training:enrol_person", args=[target.pk]),
        {"national_id": person.national_id, "surname": person.surname, "voucher_code": theirs.code},
    ).content.decode()
    assert "not issued to this person" in html and "already been used" not in html
    assert other.surname not in html


def test_staff_of_another_provider_get_404_on_every_object(client, provider):
    mine = course(provider.organisation)
    theirs = course()
    person = signatory()
    enrolment, _ = enrolments.enrol(course_id=theirs.pk, candidate=person, actor=None)
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    client.force_login(provider)
    assert client.get(reverse("training:enrol_person", args=[mine.pk])).status_code == 200
    for url in (
        reverse("training:enrol_person", args=[theirs.pk]),
        reverse("training:enrolment_cancel", args=[enrolment.pk]),
    ):
        assert client.post(url, {}).status_code == 404, url
    assert client.get(reverse("training:enrol_person", args=[theirs.pk])).status_code == 404
    # Officers' pages are refused to providers.
    assert client.get(reverse("training:voucher_revoke", args=[voucher.pk])).status_code in (
        403,
        404,
    )
    assert client.get(reverse("training:candidate_vouchers", args=[person.pk])).status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED


def test_a_provider_following_the_catalogue_link_gets_their_form(client, provider):
    mine = course(provider.organisation)
    client.force_login(provider)
    response = client.get(reverse("training:enrol", args=[mine.pk]))
    assert response["Location"] == reverse("training:enrol_person", args=[mine.pk])


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_officer_issues_and_revokes_a_voucher(client, officer, stranger, lang):
    client.force_login(officer)
    html = client.get(
        reverse("portal:candidate_detail", args=[stranger.pk]), HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    url = reverse("training:candidate_vouchers", args=[stranger.pk])
    assert url in html
    client.post(url, HTTP_ACCEPT_LANGUAGE=lang)
    voucher = stranger.vouchers.get()
    revoke = reverse("training:voucher_revoke", args=[voucher.pk])
    html = client.post(revoke, {"reason": ""}, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert 'href="#id_reason"' in html
    client.post(revoke, {"reason": "Issued twice by mistake"}, HTTP_ACCEPT_LANGUAGE=lang)
    voucher.refresh_from_db()
    assert voucher.revoked_at and voucher.revoke_reason == "Issued twice by mistake"
    assert voucher.revoked_by == officer


def test_a_candidate_cannot_reach_the_officers_pages(client, candidate_user, stranger):
    client.force_login(candidate_user)
    assert client.get(reverse("training:candidate_vouchers", args=[stranger.pk])).status_code == 403


def test_the_fourth_voucher_is_refused_on_the_page(client, candidate_user):
    client.force_login(candidate_user)
    for _ in range(3):
        client.post(reverse("training:voucher_get"))
    html = client.get(reverse("training:my_courses")).content.decode()
    assert "Get a voucher" not in html
    client.post(reverse("training:voucher_get"))
    assert person_of(candidate_user).vouchers.count() == 3


def test_the_provider_role_only(client, officer):
    target = course()
    client.force_login(officer)
    assert client.get(reverse("training:enrol_person", args=[target.pk])).status_code == 403
