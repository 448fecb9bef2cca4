"""Each procedure of the guide at the boundaries of its conditions."""

from datetime import date

import pytest

from accueil.rules import FactError, evaluate
from accueil.rules.guide import assess
from accueil.rules.guide import sources as S

ON = date(2026, 12, 1)
TCN = {"nationalities": ["IN"], "asylum_procedure": False}


def procedure(answers: dict, on: date = ON):
    (found,) = assess({**TCN, **answers}, on).procedures
    return found


def met(found, code: str):
    (reason,) = [reason for reason in found.conditions if reason.code == code]
    return reason.met


def dates(found) -> dict:
    return {day.code: day.date for day in found.dates}


@pytest.mark.parametrize(
    ("nationalities", "on", "concerned"),
    [
        (["GB"], date(2019, 6, 1), False),
        (["GB"], date(2020, 2, 1), False),  # the transition period: still as an EU citizen
        (["GB"], date(2020, 12, 31), False),
        (["GB"], date(2021, 1, 1), True),
        (["HR"], date(2013, 6, 30), True),
        (["HR"], date(2013, 7, 1), False),
        (["CH"], ON, False),
        (["NO", "IN"], ON, False),
        (["IN", "CN"], ON, True),
    ],
)
def test_third_country_nationals_are_those_of_no_eu_eea_or_swiss_state_that_day(
    nationalities, on, concerned
):
    facts = {"nationalities": nationalities, "asylum_procedure": False, "on": on.isoformat()}
    decision = evaluate("guide.third_country_national", facts)
    assert decision.values["concerned"] is concerned


def test_the_salaried_worker_path_with_its_dates():
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "work",
            "has_job_offer": True,
            "vacancy_declared_on": "2026-05-18",
            "certificate_requested_on": "2026-06-08",
            "entry_date": "2026-06-19",
            "application_date": "2026-06-16",
        }
    )
    assert found.fits is True
    assert dates(found) == {
        "adem_certificate_earliest": date(2026, 6, 8),
        "adem_certificate_expected": date(2026, 6, 15),
        "decision_due": date(2026, 10, 16),
        "arrival_declaration": date(2026, 6, 25),
    }
    order = [step.code for step in found.steps]
    assert order.index("adem.sent") < order.index("apply") < order.index("arrival")
    assert "immigration" in found.contacts and "adem" in found.contacts


def test_a_certificate_asked_the_day_before_three_weeks_does_not_fit():
    answers = {"residence": "abroad", "purpose": "work", "has_job_offer": True}
    early = procedure(
        {**answers, "vacancy_declared_on": "2026-05-18", "certificate_requested_on": "2026-06-07"}
    )
    assert met(early, "guide.salaried_worker.certificate") is False
    assert "8 June 2026" in early.conditions[-1].message["en"]
    # No certificate date is promised from a request made too early.
    assert "adem_certificate_expected" not in dates(early)


def test_without_papers_one_cannot_apply_as_a_salaried_worker_from_luxembourg():
    found = procedure({"residence": "no_papers", "purpose": "work", "has_job_offer": True})
    assert met(found, "guide.salaried_worker.applies_from") is False
    assert found.fits is False


def test_a_resident_worker_gets_the_renewal_date_two_months_before_expiry():
    found = procedure({"residence": "resident", "purpose": "work", "permit_expiry": "2027-04-30"})
    assert dates(found)["renewal_request"] == date(2027, 2, 28)
    assert "arrival" not in [step.code for step in found.steps]


@pytest.mark.parametrize(
    ("application", "fits"),
    [("2026-12-01", True), ("2026-12-02", False)],
)
def test_the_adult_pupil_applies_before_turning_21(application, fits):
    answers = {
        "residence": "no_papers",
        "purpose": "regularisation",
        "art89_basis": "adult_pupil",
        "birth_date": "2005-12-02",
        "school_years": 4,
        "school_success": True,
        "residence_years": 4,
        "art89_resources": True,
        "evaded_removal": False,
        "integration_will": True,
        "public_danger": False,
        "false_identity": False,
        "suitable_housing": True,
        "application_date": application,
    }
    found = procedure(answers)
    assert met(found, "guide.article_89.pupil_age") is fits
    assert found.fits is fits


def test_the_adult_pupil_must_be_of_age():
    answers = {
        "residence": "no_papers",
        "purpose": "regularisation",
        "art89_basis": "adult_pupil",
        "application_date": "2026-12-01",
    }
    minor = procedure({**answers, "birth_date": "2008-12-02"})
    assert met(minor, "guide.article_89.pupil_age") is False
    adult = procedure({**answers, "birth_date": "2008-12-01"})
    assert met(adult, "guide.article_89.pupil_age") is True


def test_article_89_needs_four_years_and_no_evasion():
    base = {"residence": "no_papers", "purpose": "regularisation", "art89_basis": "parent"}
    assert met(procedure({**base, "school_years": 3}), "guide.article_89.schooling") is False
    assert met(procedure({**base, "school_years": 4}), "guide.article_89.schooling") is True
    assert met(procedure({**base, "residence_years": 3}), "guide.article_89.residence") is False
    assert met(procedure({**base, "evaded_removal": True}), "guide.article_89.removal") is False
    assert met(procedure(base), "guide.article_89.removal") is None


def test_article_89_as_amended_applies_from_28_december_2015():
    base = {"residence": "no_papers", "purpose": "regularisation"}
    before = procedure({**base, "application_date": "2015-12-27"})
    assert met(before, "guide.article_89.in_force") is False
    after = procedure({**base, "application_date": "2015-12-28"})
    assert met(after, "guide.article_89.in_force") is True


@pytest.mark.parametrize(
    ("amount", "on", "fits"),
    [
        (1922.96, date(2016, 6, 1), True),
        (1922.95, date(2016, 6, 1), False),
        (2703.74, ON, True),  # the amount in force from 1 May 2025
        (2703.73, ON, False),
        (2637.79, date(2025, 4, 30), True),
        (2637.79, date(2025, 5, 1), False),
    ],
)
def test_long_term_resources_are_judged_against_the_minimum_social_wage(amount, on, fits):
    answers = {
        "residence": "resident",
        "purpose": "long_term",
        "years_legal_residence": 5,
        "monthly_resources": amount,
        "cai_fulfilled": True,
    }
    found = procedure(answers, on)
    assert met(found, "guide.long_term_resident.resources") is fits
    assert found.fits is fits


def test_a_fulfilled_cai_counts_for_integration_and_four_years_are_not_five():
    found = procedure(
        {
            "residence": "resident",
            "purpose": "long_term",
            "cai_fulfilled": True,
            "years_legal_residence": 4,
        }
    )
    (integration,) = [r for r in found.conditions if r.code.endswith("integration")]
    assert integration.met is True and integration.source == S.CAI_COUNTS
    assert met(found, "guide.long_term_resident.years") is False
    without = procedure(
        {
            "residence": "resident",
            "purpose": "long_term",
            "cai_fulfilled": False,
            "integration_evidence": None,
        }
    )
    assert met(without, "guide.long_term_resident.integration") is None


def test_the_minimum_social_wage_has_no_value_before_2016():
    facts = {"monthly_resources": 2000, "on": "2015-12-31"}
    with pytest.raises(FactError) as error:
        evaluate("guide.long_term_resident", facts)
    assert error.value.fact == "on"


def test_the_student_needs_80_percent_of_the_guaranteed_minimum_income():
    found = procedure({"residence": "abroad", "purpose": "study", "student_resources": False})
    (reason,) = [r for r in found.conditions if r.code == "guide.student.resources"]
    assert reason.met is False and "80%" in reason.message["en"] and "80 %" in reason.message["fr"]


@pytest.mark.parametrize(
    ("months", "step", "due"),
    [(3, "private", date(2027, 1, 31)), (4, "salaried", date(2027, 2, 28))],
)
def test_a_paid_traineeship_of_more_than_3_months_needs_a_salaried_permit(months, step, due):
    answers = {
        "residence": "abroad",
        "purpose": "traineeship",
        "traineeship_paid": True,
        "traineeship_months": months,
        "application_date": "2026-10-31",
    }
    found = procedure(answers)
    (apply,) = [s for s in found.steps if s.code == "apply.paid"]
    assert (step == "salaried") == ("salaried" in apply.message["en"])
    assert dates(found)["decision_due"] == due


def test_an_unpaid_traineeship_must_be_compulsory_with_an_agreement():
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "traineeship",
            "traineeship_paid": False,
            "traineeship_compulsory": False,
            "traineeship_agreement": True,
        }
    )
    assert found.fits is False


@pytest.mark.parametrize(("birth", "fits"), [("2005-12-02", True), ("2005-12-01", False)])
def test_the_child_of_an_eu_citizen_counts_under_21(birth, fits):
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "family_eu",
            "family_link_eu": "child",
            "birth_date": birth,
        }
    )
    assert found.fits is fits


def test_what_keeps_the_eu_family_right_after_departure_divorce_or_death():
    base = {"residence": "resident", "purpose": "family_eu", "family_link_eu": "spouse"}
    assert procedure({**base, "eu_event": "departure", "children_in_school": True}).fits is True
    assert procedure({**base, "eu_event": "departure", "children_in_school": False}).fits is False
    assert procedure({**base, "eu_event": "divorce", "divorce_grounds": []}).fits is False
    assert procedure({**base, "eu_event": "divorce", "divorce_grounds": ["custody"]}).fits is True
    assert procedure({**base, "eu_event": "death", "years_before_death": 1}).fits is True
    assert procedure({**base, "eu_event": "death", "years_before_death": 0.5}).fits is False


def test_the_eu_family_receipt_and_decision_dates():
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "family_eu",
            "family_link_eu": "spouse",
            "application_date": "2026-08-31",
        }
    )
    assert dates(found) == {
        "eu_receipt_valid_until": date(2027, 2, 27),
        "decision_due": date(2026, 11, 30),
    }


@pytest.mark.parametrize(("months", "fits"), [(11, False), (12, None)])
def test_the_sponsor_must_have_lived_here_twelve_months(months, fits):
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "family_tcn",
            "family_link_tcn": "spouse",
            "sponsor_months": months,
        }
    )
    assert met(found, "guide.family_reunification.sponsor_stay") is (months >= 12)
    assert found.fits is fits


def test_the_family_members_permit_never_outlasts_the_sponsors():
    found = procedure(
        {
            "residence": "abroad",
            "purpose": "family_tcn",
            "family_link_tcn": "child",
            "birth_date": "2008-12-02",
            "child_unmarried_in_custody": True,
            "sponsor_permit_expiry": "2027-09-30",
            "application_date": "2026-11-02",
        }
    )
    assert met(found, "guide.family_reunification.child") is True
    assert dates(found) == {
        "permit_end_at_latest": date(2027, 9, 30),
        "decision_due": date(2027, 8, 2),
    }
    adult = procedure(
        {
            "residence": "abroad",
            "purpose": "family_tcn",
            "family_link_tcn": "child",
            "birth_date": "2008-12-01",
            "child_unmarried_in_custody": True,
        }
    )
    assert met(adult, "guide.family_reunification.child") is False


def test_a_short_stay_without_a_visa_and_the_marriage_visa():
    free = procedure(
        {
            "residence": "abroad",
            "purpose": "visit",
            "visa_required": False,
            "marriage_planned": False,
        }
    )
    assert free.fits is True
    assert "visa.apply" not in [step.code for step in free.steps]
    marriage = procedure(
        {"residence": "abroad", "purpose": "visit", "visa_required": True, "marriage_planned": True}
    )
    assert marriage.fits is False and "visa.apply" in [step.code for step in marriage.steps]


def test_the_cross_border_worker_asks_for_a_dispensation_as_family_of_an_eu_worker():
    family = procedure(
        {"residence": "abroad", "purpose": "cross_border", "family_of_eu_worker": True}
    )
    assert family.steps[0].code == "dispensation"
    other = procedure(
        {"residence": "abroad", "purpose": "cross_border", "family_of_eu_worker": False}
    )
    assert other.steps[0].code == "work_authorisation"


def test_special_statuses_are_never_known_to_fit():
    assert procedure({"residence": "resident", "purpose": "special"}).fits is None


def test_advice_follows_the_answers():
    base = {**TCN, "residence": "no_papers", "purpose": "regularisation"}
    plain = assess(base, ON)
    assert [tip.code for tip in plain.advice] == ["documents", "remedies", "languages"]
    family = assess(
        {
            **base,
            "children_school_age": True,
            "children_finished_primary": True,
            "looking_for_housing": True,
        },
        ON,
    )
    assert [tip.code for tip in family.advice] == [
        "documents",
        "remedies",
        "schooling",
        "housing",
        "languages",
    ]
    school = family.advice[2]
    assert {item.code for item in school.items} >= {
        "guide.schooling.casna",
        "guide.schooling.no_papers",
    }
    assert "casna" in [contact.code for contact in family.contacts]
    assert "casna" not in [contact.code for contact in plain.contacts]


def test_partial_answers_give_what_is_known():
    result = assess({"nationalities": ["IN"]}, ON)
    assert result.concerned is None and result.procedures == () and not result.complete
    work = assess({**TCN, "purpose": "work"}, ON)
    assert work.procedure("salaried_worker").fits is None
    assert met(work.procedure("salaried_worker"), "guide.salaried_worker.job_offer") is None


def test_the_result_as_json_in_one_language_or_all():
    result = assess(
        {**TCN, "residence": "abroad", "purpose": "work", "entry_date": "2026-06-19"}, ON
    )
    french = result.to_dict("fr")
    assert french["procedures"][0]["title"] == "Autorisation de séjour pour travailleur salarié"
    assert french["dates"][0] == {
        "code": "arrival_declaration",
        "label": "Dernier jour pour faire la déclaration d’arrivée à la commune",
        "date": "2026-06-25",
        "procedure": "salaried_worker",
        "application_kind": None,
        "source": french["dates"][0]["source"],
    }
    applied = assess(
        {**TCN, "residence": "abroad", "purpose": "work", "application_date": "2026-06-16"}, ON
    ).to_dict("fr")
    due = next(day for day in applied["dates"] if day["code"] == "decision_due")
    assert (due["date"], due["application_kind"]) == ("2026-10-16", "salaried")
    every = result.to_dict(None)
    assert set(every["procedures"][0]["title"]) == {"en", "fr", "de"}
    assert every["contacts"][0]["code"] == "immigration"
