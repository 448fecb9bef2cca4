"""The calendar of citizenship-course sessions and orientation days: anyone reads it,
officers add and change events in Luxembourg time."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.training.models import CourseEvent, EventKind
from tests import factories

LUX = ZoneInfo("Europe/Luxembourg")
UTC = ZoneInfo("UTC")


def event(days: int, **fields) -> CourseEvent:
    start = timezone.now() + timedelta(days=days)
    fields.setdefault("kind", EventKind.CITIZENSHIP_SESSION)
    fields.setdefault("title", f"Event in {days} days")
    fields.setdefault("place", "Lycée Michel Lucius")
    fields.setdefault("address", "157, avenue Pasteur, L-2311 Luxembourg")
    fields.setdefault("languages", ["fr", "pt"])
    return CourseEvent.objects.create(starts_at=start, ends_at=start + timedelta(hours=3), **fields)


def event_data(day: date | None = None, **overrides) -> dict:
    day = day or timezone.localdate() + timedelta(days=20)
    data = {
        "kind": "orientation_day",
        "title": "Orientation day, spring",
        "day_day": str(day.day),
        "day_month": str(day.month),
        "day_year": str(day.year),
        "start_time": "09:00",
        "end_time": "13:00",
        "place": "Kinneksbond",
        "address": "42, route d'Arlon, L-8210 Mamer",
        "languages": ["pt", "fr"],
        "provider": "",
    }
    data.update(overrides)
    return data


def test_anyone_sees_the_upcoming_events_and_not_the_past_ones(client, db):
    coming = event(10, title="Citizenship, session 1")
    event(-5, title="Long gone")
    html = client.get(reverse("training:calendar")).content.decode()
    assert coming.title in html and "Long gone" not in html
    assert "Portuguese" in html and "French" in html
    assert reverse("training:event_add") not in html
    assert 'class="accueil-table-scroll" tabindex="0" role="region"' in html


def test_an_officer_sees_the_links_to_add_and_change_events(client, officer):
    coming = event(10)
    client.force_login(officer)
    html = client.get(reverse("training:calendar")).content.decode()
    assert reverse("training:event_add") in html
    assert reverse("training:event_edit", args=[coming.pk]) in html


@pytest.mark.parametrize(
    "role", [Role.CANDIDATE, Role.PROVIDER, Role.SOCIAL_WORKER, Role.DPO, Role.ADMIN]
)
def test_only_officers_add_and_change_events(client, all_roles, role):
    coming = event(10)
    client.force_login(all_roles[role])
    assert client.get(reverse("training:event_add")).status_code == 403
    assert client.post(reverse("training:event_add"), event_data()).status_code == 403
    assert client.get(reverse("training:event_edit", args=[coming.pk])).status_code == 403
    assert CourseEvent.objects.count() == 1


def test_adding_needs_signing_in(client, db):
    assert client.get(reverse("training:event_add"))["Location"].startswith("/sign-in/")


def test_the_form_shows_each_error(client, officer):
    client.force_login(officer)
    html = client.post(reverse("training:event_add"), {}).content.decode()
    for anchor in (
        "id_kind_0",
        "id_title",
        "id_day",
        "id_start_time",
        "id_end_time",
        "id_place",
        "id_address",
        "id_languages_0",
    ):
        assert f'href="#{anchor}"' in html, anchor
    assert not CourseEvent.objects.exists()


def test_the_end_must_come_after_the_start_and_what_was_typed_is_kept(client, officer):
    client.force_login(officer)
    data = event_data(start_time="14:00", end_time="13:00")
    html = client.post(reverse("training:event_add"), data).content.decode()
    assert 'href="#id_end_time"' in html
    assert 'value="Kinneksbond"' in html and 'value="pt" checked' in html
    assert not CourseEvent.objects.exists()


def test_a_time_the_clocks_skip_is_refused(client, officer):
    client.force_login(officer)
    spring_change = date(2030, 3, 31)  # clocks go from 02:00 to 03:00 in Luxembourg
    data = event_data(spring_change, start_time="02:30", end_time="05:00")
    html = client.post(reverse("training:event_add"), data).content.decode()
    assert 'href="#id_start_time"' in html


def test_an_officer_adds_an_event_in_luxembourg_time(client, officer):
    organiser = factories.organisation(name="Commune de Mamer")
    client.force_login(officer)
    summer = date(2030, 7, 1)
    data = event_data(summer, provider=str(organiser.pk))
    response = client.post(reverse("training:event_add"), data)
    assert response["Location"] == reverse("training:calendar")
    added = CourseEvent.objects.get()
    assert added.starts_at == datetime(2030, 7, 1, 7, 0, tzinfo=UTC)  # 09:00 in summer time
    assert added.ends_at == datetime(2030, 7, 1, 11, 0, tzinfo=UTC)
    assert added.languages == ["fr", "pt"] and added.provider == organiser
    assert added.kind == EventKind.ORIENTATION_DAY
    assert AuditEvent.objects.filter(action=Action.CREATE, target_id=str(added.pk)).exists()


@time_machine.travel(datetime(2031, 5, 14, 10, 0, tzinfo=LUX), tick=False)
def test_an_officer_changes_an_event(client, officer):
    # At 10:00 the event (now + 10 days) runs from 10:00 to 13:00: on one day, whatever the
    # hour the test runs at.
    coming = event(10)
    client.force_login(officer)
    url = reverse("training:event_edit", args=[coming.pk])
    html = client.get(url).content.decode()
    assert f'value="{coming.title}"' in html and 'value="fr" checked' in html
    start = coming.starts_at.astimezone(LUX)
    data = event_data(
        start.date(),
        kind=coming.kind,
        title="Moved to a bigger room",
        start_time=start.strftime("%H:%M"),
        end_time=(start + timedelta(hours=3)).strftime("%H:%M"),
        place=coming.place,
        address=coming.address,
        languages=["fr", "pt"],
    )
    client.post(url, data)
    coming.refresh_from_db()
    assert coming.title == "Moved to a bigger room"
    update = AuditEvent.objects.get(action=Action.UPDATE, target_id=str(coming.pk))
    assert "title" in update.fields and "place" not in update.fields


def test_an_unknown_event_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get(reverse("training:event_edit", args=[999999])).status_code == 404
