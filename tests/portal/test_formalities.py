"""The formalities document lists what comes next, in the candidate's language."""

import subprocess

import pytest

from accueil.intake import services
from accueil.portal.documents import formalities_pdf
from accueil.training.models import CourseKind
from tests import factories
from tests.training import catalogue_helpers


def pdf_text(pdf: bytes) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    return " ".join(out.split())


def event(kind, days, place):
    return catalogue_helpers.course(
        kind=kind,
        title="x",
        sessions=((days, 3),),
        place=place,
        address="1, rue de la Poste",
        languages=["fr", "pt"],
    )


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_document_lists_courses_sessions_days_and_the_end_of_the_contract(
    db, officer, language
):
    person = factories.candidate(
        first_name="Lucas", surname="Pereira", information_language=language
    )
    profile = services.profile_record(
        candidate=person,
        levels={"fr": "A2"},
        other_languages="",
        literacy_needed=False,
        actor=officer,
    )
    services.orientation_record(
        candidate=person,
        courses=services.recommended_courses(profile),
        literacy=False,
        notes="",
        actor=officer,
    )
    event(CourseKind.CITIZENSHIP, 10, "Lycée Michel Lucius")
    event(CourseKind.ORIENTATION, 40, "Centre culturel Kinneksbond")
    event(CourseKind.CITIZENSHIP, -3, "Past place")
    text = pdf_text(formalities_pdf(person))
    assert "Lucas PEREIRA" in text
    assert "Lycée Michel Lucius" in text and "Kinneksbond" in text
    assert "Past place" not in text
    assert {"en": "Your next steps", "fr": "Vos prochaines étapes", "de": "Ihre nächsten Schritte"}[
        language
    ] in text
    # The citizenship session's languages are named in the candidate's language.
    assert {"en": "Portuguese", "fr": "Portugais", "de": "Portugiesisch"}[language] in text
