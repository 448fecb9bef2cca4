"""The catalogue's guarantees held by the database, and the demo's catalogue."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Organisation, OrganisationKind
from accueil.demo import data
from accueil.rules.course_publication import publication_problems
from accueil.training.catalogue import course_facts
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    ProviderApproval,
)
from tests import factories
from tests.training.catalogue_helpers import course


def refused(make) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_one_approval_per_organisation(db):
    organisation = factories.organisation()
    ProviderApproval.objects.create(organisation=organisation, approved=True)
    refused(lambda: ProviderApproval.objects.create(organisation=organisation))


def test_free_courses_cannot_be_given_a_fee_in_the_database(db):
    citizenship = course(kind=CourseKind.CITIZENSHIP)
    refused(lambda: Course.objects.filter(pk=citizenship.pk).update(fee=10, reduced_fee=5))
    language = course()
    refused(lambda: Course.objects.filter(pk=language.pk).update(reduced_fee=1000))


def test_a_session_ends_after_it_starts_and_starts_once_per_course(db):
    target = course(sessions=())
    start = timezone.now() + timedelta(days=3)
    refused(lambda: CourseSession.objects.create(course=target, starts_at=start, ends_at=start))
    CourseSession.objects.create(course=target, starts_at=start, ends_at=start + timedelta(hours=2))
    refused(
        lambda: CourseSession.objects.create(
            course=target, starts_at=start, ends_at=start + timedelta(hours=3)
        )
    )


@pytest.mark.slow
def test_the_demo_has_providers_of_every_kind_with_publishable_courses(client, db):
    data.load()
    kinds = {
        OrganisationKind.INL,
        OrganisationKind.COMMUNE,
        OrganisationKind.ASSOCIATION,
        OrganisationKind.SECONDARY_SCHOOL,
        OrganisationKind.ADULT_EDUCATION,
        OrganisationKind.INTEGRATION_DEPARTMENT,
    }
    published = Course.objects.filter(status=CourseStatus.PUBLISHED)
    assert {c.provider.kind for c in published} == kinds
    assert {c.kind for c in published} == set(CourseKind.values)
    # The courses held already (demo.training_data) have left the catalogue; every other
    # one could be published as it is, and is listed.
    coming = [c for c in published if c.sessions.filter(starts_at__gt=timezone.now()).exists()]
    assert 0 < len(coming) < published.count()
    for each in coming:
        assert publication_problems(course_facts(each)) == (), each.title
    not_approved = Organisation.objects.get(kind=OrganisationKind.EDUCATION_MINISTRY)
    assert not not_approved.provider_approval.approved
    page = client.get(reverse("training:catalogue"))
    assert {c.pk for c in page.context["page"].paginator.object_list} == {c.pk for c in coming}
