"""Staff of provider X get 404 for every object of provider Y: every provider page of the
catalogue that names an object is walked with Y's ids, as X, in GET and POST."""

import pytest
from django.urls import URLPattern, reverse

from accueil.accounts.models import Role
from accueil.training import urls
from accueil.training.models import Course, CourseSession, CourseStatus
from tests import factories
from tests.training.catalogue_helpers import approved, course

# The provider's pages (under "manage/"): every one naming an object must be in the walk.
PROVIDER_PAGES = {
    "course_manage": ("course_id",),
    "course_edit": ("course_id",),
    "course_publish": ("course_id",),
    "course_cancel": ("course_id",),
    "session_add": ("course_id",),
    "session_edit": ("course_id", "session_id"),
    "session_remove": ("course_id", "session_id"),
}


def provider_patterns() -> dict[str, tuple[str, ...]]:
    found = {}
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        route = str(pattern.pattern)
        if route.startswith("manage/") and pattern.pattern.converters:
            found[pattern.name] = tuple(pattern.pattern.converters)
    return found


def test_the_walk_covers_every_provider_page_naming_an_object():
    assert provider_patterns() == PROVIDER_PAGES


@pytest.fixture
def two_providers(db):
    x, y = approved(factories.organisation(name="X")), approved(factories.organisation(name="Y"))
    theirs = course(y, status=CourseStatus.DRAFT, sessions=((10, 3), (17, 3)))
    mine = course(x, sessions=((12, 3),))
    return factories.user(Role.PROVIDER, organisation=x), theirs, mine


@pytest.mark.parametrize("name", sorted(PROVIDER_PAGES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_of_x_get_404_for_every_object_of_y(client, two_providers, name, method):
    staff, theirs, mine = two_providers
    session = theirs.sessions.first()
    values = {"course_id": theirs.pk, "session_id": session.pk}
    client.force_login(staff)
    url = reverse(f"training:{name}", kwargs={k: values[k] for k in PROVIDER_PAGES[name]})
    data = {"day_day": "1", "day_month": "6", "day_year": "2031", "start_time": "09:00"}
    post_only = name in ("course_publish", "course_cancel")
    get_only = name == "course_manage"
    expected = 405 if (method == "get" and post_only) or (method == "post" and get_only) else 404
    assert getattr(client, method)(url, data).status_code == expected
    # Y's session through X's own course: 404 too.
    if "session_id" in PROVIDER_PAGES[name]:
        mixed = reverse(f"training:{name}", args=[mine.pk, session.pk])
        assert getattr(client, method)(mixed, data).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == CourseStatus.DRAFT and theirs.sessions.count() == 2
    assert CourseSession.objects.filter(pk=session.pk, starts_at=session.starts_at).exists()


def test_the_list_shows_only_the_own_organisations_courses(client, two_providers):
    staff, _theirs, mine = two_providers
    client.force_login(staff)
    shown = client.get(reverse("training:provider_courses")).context["page"].object_list
    assert [c.pk for c in shown] == [mine.pk]
    assert Course.objects.count() == 2
