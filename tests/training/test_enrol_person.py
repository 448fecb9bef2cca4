"""`enrol_person`, the provider staff's enrolment of a person named by number and
surname (the API's path): the same answers as `person_for_enrolment` then `enrol`, with
the person read through their voucher when it is theirs."""

import pytest

from accueil.accounts.models import Role
from accueil.contracts.models import ContractStatus
from accueil.training import enrolment as enrolments
from accueil.training import vouchers
from accueil.training.models import CourseKind, VoucherRedemption
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


def staff_of(target):
    return factories.user(Role.PROVIDER, organisation=target.provider)


def enrol(target, person, code="", *, actor=None, surname=None, national_id=None):
    return enrolments.enrol_person(
        course_id=target.pk,
        national_id=national_id or person.national_id,
        surname=surname or person.surname,
        actor=actor or staff_of(target),
        voucher_code=code,
    )


def test_a_person_with_their_voucher_and_a_resubmit():
    target, person = course(), signatory(surname="Dos Santos")
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    staff = staff_of(target)
    made, created = enrol(target, person, voucher.code_display, actor=staff, surname="dos  santos")
    assert created and made.candidate == person and made.voucher_redemption.voucher == voucher
    again, created_again = enrol(target, person, voucher.code, actor=staff)
    assert not created_again and again.pk == made.pk
    assert VoucherRedemption.objects.count() == 1


def test_someone_elses_voucher_is_refused_and_an_unknown_person_first():
    target, person, other = course(), signatory(), signatory()
    theirs = vouchers.voucher_issue(contract=other.contracts.get(), actor=None)
    with pytest.raises(vouchers.VoucherNotTheirs):
        enrol(target, person, theirs.code)
    with pytest.raises(enrolments.PersonUnknown):  # the voucher's holder, misnamed
        enrol(target, other, theirs.code, surname="Someone")
    with pytest.raises(enrolments.PersonUnknown):
        enrol(target, other, theirs.code, national_id="1990051799999")
    assert not VoucherRedemption.objects.exists()


def test_a_holder_without_a_contract_in_force_is_unknown():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    person.contracts.update(status=ContractStatus.WITHDRAWN)
    with pytest.raises(enrolments.PersonUnknown):
        enrol(course(), person, voucher.code)


def test_another_organisations_course_is_not_found_even_for_a_good_person():
    target, person = course(), signatory()
    with pytest.raises(enrolments.CourseNotFound):
        enrol(target, person, actor=factories.user(Role.PROVIDER))
    with pytest.raises(enrolments.CourseNotFound):
        enrol(target, person, actor=factories.user(Role.OFFICER, organisation=target.provider))


def test_the_voucher_refusals_keep_their_reasons():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    with pytest.raises(vouchers.VoucherUnknown):
        enrol(course(), person, "ABCD-EFGH-JKMN-PQRS")
    with pytest.raises(vouchers.VoucherUnknown):
        enrol(course(), person, "not a code")
    free = course(kind=CourseKind.CITIZENSHIP, taught_language="", cefr_level="")
    with pytest.raises(vouchers.VoucherWrongCourse):
        enrol(free, person, voucher.code)
    enrol(course(), person, voucher.code)
    with pytest.raises(vouchers.VoucherUsed):
        enrol(course(), person, voucher.code)


def test_counts_are_the_orms():
    """The seats taken and the person's current enrolment, written out in SQL for the
    enrolment rush, count what the ORM's filtered counts do."""
    from django.db.models import Count, Q

    from accueil.training.models import Enrolment, EnrolmentStatus

    target = course(capacity=2)
    people = [signatory() for _ in range(4)]
    made = [enrolments.enrol(course_id=target.pk, candidate=p, actor=None)[0] for p in people]
    enrolments.enrolment_cancel(enrolment=made[0], actor=None)
    enrolments.enrol(course_id=course().pk, candidate=people[1], actor=None)  # another course
    for person in [*people, signatory()]:
        orm = Enrolment.objects.filter(course=target, status__in=enrolments.CURRENT).aggregate(
            taken=Count("pk", filter=Q(status=EnrolmentStatus.ENROLLED)),
            theirs=Count("pk", filter=Q(candidate=person)),
        )
        assert enrolments._counts(target, person) == orm
    assert enrolments._counts(target, people[0]) == {"taken": 2, "theirs": 0}
    assert enrolments._counts(target, people[2]) == {"taken": 2, "theirs": 1}
