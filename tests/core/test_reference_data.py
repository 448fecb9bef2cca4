"""Reference data in three languages (issue 11, point 6): organisations and the places
of sessions and events are shown in the reader's language, in pages, emails and .ics;
the audit trail names fields and roles in the reader's language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from accueil.audit.models import Action, AuditEvent
from accueil.booking import ics, services
from accueil.core.translated import in_language
from accueil.training.models import CourseKind
from tests import factories
from tests.training import catalogue_helpers

PLACES = {
    "en": "Integration Department",
    "fr": "Département de l’intégration",
    "de": "Integrationsabteilung",
}


def translated_session():
    return factories.information_session(
        place=PLACES["en"], place_fr=PLACES["fr"], place_de=PLACES["de"]
    )


@pytest.mark.parametrize("language", ["en", "fr", "de", "fr-ch"])
def test_a_value_is_read_in_the_active_language_or_else_in_english(db, language):
    session = translated_session()
    with translation.override(language):
        assert session.place_name == PLACES[language[:2]]
    untranslated = factories.information_session(place="Kinneksbond")
    assert in_language(untranslated, "place", language) == "Kinneksbond"


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_an_organisation_is_named_in_the_readers_language(db, language):
    organisation = factories.organisation(
        name="Department of Adult Education",
        name_fr="Service de la formation des adultes",
        name_de="Dienst für Erwachsenenbildung",
    )
    with translation.override(language):
        assert (
            str(organisation)
            == {
                "en": "Department of Adult Education",
                "fr": "Service de la formation des adultes",
                "de": "Dienst für Erwachsenenbildung",
            }[language]
        )


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_invitation_and_the_email_name_the_place_in_the_candidates_language(
    db, language, run_tasks
):
    session = translated_session()
    person = factories.candidate(information_language=language)
    booking = services.booking_create(candidate=person, session=session)
    run_tasks()
    email = next(e for e in mail.outbox if e.to == [person.email])
    assert PLACES[language] in email.body
    with translation.override(language):
        event = Calendar.from_ical(ics.session_invitation(booking)).walk("VEVENT")[0]
    assert str(event["location"]).startswith(PLACES[language])


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_course_catalogue_names_the_place_in_the_readers_language(client, db, language):
    catalogue_helpers.course(
        kind=CourseKind.ORIENTATION,
        title="Orientation",
        sessions=((3, 4),),
        place="Town hall",
        place_fr="Hôtel de ville",
        place_de="Rathaus",
        address="1, place Guillaume II, L-1648 Luxembourg",
        languages=["fr"],
    )
    page = client.get(reverse("training:catalogue"), HTTP_ACCEPT_LANGUAGE=language)
    expected = {"en": "Town hall", "fr": "Hôtel de ville", "de": "Rathaus"}[language]
    assert expected in page.content.decode()


@pytest.mark.parametrize(
    ("language", "field", "role"),
    [
        ("en", "end of term (exclusive)", "(Integration officer)"),
        ("fr", "fin de la durée (jour exclu)", "(Agent d’intégration)"),
        ("de", "Ende der Laufzeit (nicht inbegriffen)", "(Integrationsbeauftragter)"),
    ],
)
def test_the_audit_trail_names_fields_and_roles_in_the_readers_language(
    client, dpo, officer, language, field, role
):
    AuditEvent.objects.create(
        actor=officer,
        actor_role=officer.role,
        action=Action.UPDATE,
        target_type="contracts.contract",
        target_id="7",
        fields=["end_exclusive", "no_such_field"],
    )
    client.force_login(dpo)
    page = client.get(reverse("audit:event_list"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f"{field}, no_such_field" in page
    assert role in page
    assert "end_exclusive" not in page
    assert "(officer)" not in page


@pytest.mark.parametrize(
    ("language", "section"),
    [("en", "(Who is concerned)"), ("fr", "(Qui est concerné)"), ("de", "(Wer betroffen ist)")],
)
def test_the_parameters_page_names_the_seeds_sections_in_the_readers_language(
    client, db, language, section
):
    page = client.get(reverse("core:parameters"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert section in page
    if language != "en":
        assert "(Who is concerned)" not in page
