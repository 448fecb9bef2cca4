"""Late recording (issue 12, point 5, our decision): the staff of a course's provider may
enrol someone into a published course that has started or ended (a person who took
part with a voucher but was not entered), so that their certificate can be issued; a
person enrolling themselves cannot once the last session has ended."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.training import enrolment as enrolments
from accueil.training import vouchers
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


def staff_of(target):
    return factories.user(Role.PROVIDER, organisation=target.provider)


def test_a_candidate_cannot_enrol_in_a_course_that_has_ended():
    ended = course(days=-30)
    person = signatory()
    for actor in (None, person.user):
        with pytest.raises(enrolments.CourseClosed):
            enrolments.enrol(course_id=ended.pk, candidate=person, actor=actor)


def test_the_providers_staff_record_a_person_in_a_course_that_has_ended():
    ended = course(days=-30)
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    enrolment, created = enrolments.enrol(
        course_id=ended.pk, candidate=person, actor=staff_of(ended), voucher_code=voucher.code
    )
    assert created and enrolment.status == "enrolled"
    assert enrolment.voucher_redemption.voucher == voucher


def test_other_staff_cannot_and_the_other_conditions_still_hold():
    ended = course(days=-30, capacity=1)
    staff = staff_of(ended)
    with pytest.raises(enrolments.CourseClosed):  # staff of another provider
        enrolments.enrol(
            course_id=ended.pk, candidate=signatory(), actor=factories.user(Role.PROVIDER)
        )
    with pytest.raises(vouchers.NoContractInForce):
        enrolments.enrol(course_id=ended.pk, candidate=factories.candidate(), actor=staff)
    enrolments.enrol(course_id=ended.pk, candidate=signatory(), actor=staff)
    waiting, _ = enrolments.enrol(course_id=ended.pk, candidate=signatory(), actor=staff)
    assert waiting.status == "waitlisted"  # no seat beyond the places
    draft = course(days=-30, status="draft", provider=ended.provider)
    with pytest.raises(enrolments.CourseClosed):
        enrolments.enrol(course_id=draft.pk, candidate=signatory(), actor=staff)


def test_a_voucher_must_be_valid_on_the_day_it_is_recorded():
    ended = course(days=-30)
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    after_expiry = timezone.now() + timedelta(days=400)
    with time_machine.travel(after_expiry, tick=False), pytest.raises(vouchers.VoucherExpired):
        enrolments.enrol(
            course_id=ended.pk, candidate=person, actor=staff_of(ended), voucher_code=voucher.code
        )


def test_over_the_api_a_late_recording_is_a_201(client):
    ended = course(days=-30)
    person = signatory()
    client.force_login(staff_of(ended))
    answer = client.post(
        f"/api/v1/courses/{ended.pk}/enrolments",
        {"national_id": person.national_id, "surname": person.surname},
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content


def test_on_the_providers_page_a_late_recording_enrols_and_the_hint_says_so(client):
    ended = course(days=-30)
    person = signatory()
    client.force_login(staff_of(ended))
    url = f"/courses/{ended.pk}/enrol-person/"
    assert "after the course has started or ended" in client.get(url).content.decode()
    answer = client.post(url, {"national_id": person.national_id, "surname": person.surname})
    assert answer.status_code == 302
    assert ended.enrolments.get().candidate == person
