"""Reduced-rate language vouchers and enrolment in courses: issue, check, redeem, give
back, revoke; capacity and the waiting list (the concurrency is in
test_vouchers_concurrency.py, on PostgreSQL)."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.contracts.models import ContractStatus
from accueil.training import enrolment as enrolments
from accueil.training import vouchers
from accueil.training.models import (
    CourseKind,
    EnrolmentStatus,
    Voucher,
    VoucherRedemption,
)
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


def contract_of(person):
    return person.contracts.get()


def test_a_code_has_80_bits_in_four_groups_without_ambiguous_symbols():
    code = vouchers.new_code()
    assert len(code) == 16 and len(vouchers.CODE_ALPHABET) == 32  # 16 x 5 bits
    assert not set("ILOU") & set(vouchers.CODE_ALPHABET)
    assert len({vouchers.new_code() for _ in range(200)}) == 200


def test_typed_codes_are_read_leniently_and_other_shapes_are_nothing():
    assert vouchers.normalise_code(" abcd-efgh jkmn-pqrs ") == "ABCDEFGHJKMNPQRS"
    assert vouchers.normalise_code("OIL0-0000-0000-0000") == "0110000000000000"
    assert vouchers.normalise_code("ABCD-EFGH") == ""
    assert vouchers.normalise_code("UUUU-UUUU-UUUU-UUUU") == ""


def test_a_contract_in_force_gives_three_vouchers_numbered_and_valid_six_months():
    person = signatory()
    officer = factories.user(Role.OFFICER)
    with time_machine.travel(date(2026, 8, 31), tick=False):
        issued = [
            vouchers.voucher_issue(contract=contract_of(person), actor=officer) for _ in range(3)
        ]
        with pytest.raises(vouchers.NoVoucherLeft):
            vouchers.voucher_issue(contract=contract_of(person), actor=person.user)
    assert [v.number for v in issued] == [1, 2, 3]
    assert issued[0].expires_on == date(2027, 2, 28)  # six months, clamped to the month's end
    assert len({v.code for v in issued}) == 3
    assert AuditEvent.objects.filter(target_type="training.voucher").count() == 3


def test_no_voucher_without_a_contract_in_force():
    person = factories.candidate()
    draft = factories.contract(person, status=ContractStatus.DRAFT)
    with pytest.raises(vouchers.NoContractInForce):
        vouchers.voucher_issue(contract=draft, actor=None)


def test_the_database_refuses_a_number_twice_on_a_contract():
    person = signatory()
    first = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Voucher.objects.create(
            contract=first.contract,
            candidate=person,
            number=1,
            code=vouchers.new_code(),
            issued_at=timezone.now(),
            expires_on=first.expires_on,
        )


def test_enrolling_with_a_voucher_redeems_it_once():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    provider = factories.user(Role.PROVIDER)
    first, other = course(provider.organisation), course(provider.organisation)
    enrolment, created = enrolments.enrol(
        course_id=first.pk, candidate=person, actor=provider, voucher_code=voucher.code_display
    )
    assert created and enrolment.status == EnrolmentStatus.ENROLLED
    assert enrolment.voucher_redemption.voucher == voucher
    with pytest.raises(vouchers.VoucherUsed):
        enrolments.enrol(
            course_id=other.pk, candidate=person, actor=provider, voucher_code=voucher.code
        )
    assert not other.enrolments.exists()


def test_the_database_refuses_a_second_current_redemption():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    one, _ = enrolments.enrol(course_id=course().pk, candidate=person, actor=None)
    two, _ = enrolments.enrol(course_id=course().pk, candidate=person, actor=None)
    VoucherRedemption.objects.create(voucher=voucher, enrolment=one)
    with pytest.raises(IntegrityError), transaction.atomic():
        VoucherRedemption.objects.create(voucher=voucher, enrolment=two)


def test_refusals_say_why():
    person, other = signatory(), signatory()
    target = course()
    theirs = vouchers.voucher_issue(contract=contract_of(other), actor=None)

    def refused(code, who=person):
        with pytest.raises(vouchers.VoucherError) as error:
            enrolments.enrol(course_id=target.pk, candidate=who, actor=None, voucher_code=code)
        return type(error.value)

    assert refused("not a code") is vouchers.VoucherUnknown
    assert refused(vouchers.new_code()) is vouchers.VoucherUnknown
    assert refused(theirs.code) is vouchers.VoucherNotTheirs
    mine = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    vouchers.voucher_revoke(voucher=mine, actor=factories.user(Role.OFFICER), reason="Duplicate")
    assert refused(mine.code) is vouchers.VoucherRevoked
    later = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    with time_machine.travel(later.expires_on + timedelta(hours=12), tick=False):
        late_course = course()
        with pytest.raises(vouchers.VoucherExpired):
            enrolments.enrol(
                course_id=late_course.pk, candidate=person, actor=None, voucher_code=later.code
            )
    # Someone else's voucher, even revoked, is only "not this person's".
    vouchers.voucher_revoke(voucher=theirs, actor=factories.user(Role.OFFICER), reason="Lost")
    assert refused(theirs.code) is vouchers.VoucherNotTheirs
    assert not target.enrolments.exists()


def test_a_voucher_covers_language_courses_only():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    citizenship = course(kind=CourseKind.CITIZENSHIP, fee=0, reduced_fee=0)
    with pytest.raises(vouchers.VoucherWrongCourse):
        enrolments.enrol(
            course_id=citizenship.pk, candidate=person, actor=None, voucher_code=voucher.code
        )


def test_a_full_course_waitlists_and_a_freed_seat_goes_to_the_first_waiting():
    small = course(capacity=2)
    people = [signatory() for _ in range(4)]
    made = [enrolments.enrol(course_id=small.pk, candidate=p, actor=None)[0] for p in people]
    assert [e.status for e in made] == ["enrolled", "enrolled", "waitlisted", "waitlisted"]
    enrolments.enrolment_cancel(enrolment=made[0], actor=None)
    made[2].refresh_from_db()
    made[3].refresh_from_db()
    assert (made[2].status, made[3].status) == ("enrolled", "waitlisted")


def test_a_resubmit_returns_the_same_enrolment_and_redeems_nothing_more():
    person = signatory()
    target = course()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    first, created = enrolments.enrol(
        course_id=target.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    again, created_again = enrolments.enrol(
        course_id=target.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    assert created and not created_again and again.pk == first.pk
    assert VoucherRedemption.objects.count() == 1


def test_cancelling_before_the_course_starts_gives_the_voucher_back():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    first = course(days=10)
    enrolment, _ = enrolments.enrol(
        course_id=first.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    enrolments.enrolment_cancel(enrolment=enrolment, actor=person.user)
    again, _ = enrolments.enrol(
        course_id=course().pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    assert again.voucher_redemption.voucher == voucher


def test_cancelling_after_the_course_started_keeps_the_voucher_used():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    first = course(days=2)
    enrolment, _ = enrolments.enrol(
        course_id=first.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    enrolments.enrolment_cancel(
        enrolment=enrolment, actor=None, now=timezone.now() + timedelta(days=3)
    )
    with pytest.raises(vouchers.VoucherUsed):
        enrolments.enrol(
            course_id=course().pk, candidate=person, actor=None, voucher_code=voucher.code
        )


def test_only_published_courses_and_signatories():
    draft = course(status="draft")
    with pytest.raises(enrolments.CourseClosed):
        enrolments.enrol(course_id=draft.pk, candidate=signatory(), actor=None)
    with pytest.raises(vouchers.NoContractInForce):
        enrolments.enrol(course_id=course().pk, candidate=factories.candidate(), actor=None)


def test_a_provider_finds_a_person_by_number_and_surname_only():
    person = signatory(surname="Dos Santos")
    found = enrolments.person_for_enrolment(national_id=person.national_id, surname="dos  santos")
    assert found == person
    with pytest.raises(enrolments.PersonUnknown):
        enrolments.person_for_enrolment(national_id=person.national_id, surname="Santos")
    unsigned = factories.candidate()
    with pytest.raises(enrolments.PersonUnknown):
        enrolments.person_for_enrolment(national_id=unsigned.national_id, surname=unsigned.surname)


def test_revoking_needs_a_reason_and_is_audited():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=contract_of(person), actor=None)
    officer = factories.user(Role.OFFICER)
    vouchers.voucher_revoke(voucher=voucher, actor=officer, reason="Issued by mistake")
    event = AuditEvent.objects.filter(target_type="training.voucher").latest("pk")
    # The reason is the voucher's, the trail says "revoked" (issue 14, point 5).
    assert event.reason == "revoked" and event.actor == officer
    voucher.refresh_from_db()
    assert voucher.revoke_reason == "Issued by mistake"
