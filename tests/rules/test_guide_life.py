"""The guide's calculators of a newcomer's own situation: each number and date the seed
states, at its boundaries, with its passage."""

from datetime import date
from decimal import Decimal

import pytest

from accueil.rules import FactError, evaluate
from accueil.rules.guide import sources as S


def run(rule: str, **facts):
    return evaluate(rule, facts)


@pytest.mark.parametrize(
    ("arrival", "days", "outcome"),
    [
        ("2027-03-01", 92, "fits"),  # 1 March to 31 May: exactly 3 months
        ("2027-03-01", 93, "too_long"),  # ends on 1 June
        # 30 November + 3 months = 29 February 2028 (clamped): the stay ends by the 28th
        ("2027-11-30", 91, "fits"),
        ("2027-11-30", 92, "too_long"),
        ("2027-03-01", 1, "fits"),
    ],
)
def test_a_stay_fits_when_it_ends_within_three_months_of_the_arrival(arrival, days, outcome):
    decision = run("guide.short_stay_fit", arrival_date=arrival, days=days)
    assert decision.outcome == outcome
    assert decision.reasons[0].source == S.SHORT_STAY
    assert decision.reasons[1].source == S.SHORT_VISA_LIMIT


def test_the_stay_names_its_last_day_and_the_last_day_that_fits():
    decision = run("guide.short_stay_fit", arrival_date="2027-03-01", days=93)
    assert decision.values["last_day"] == date(2027, 6, 1)
    assert decision.values["last_day_that_fits"] == date(2027, 5, 31)
    assert "1 June 2027" in decision.reasons[0].message["en"]


@pytest.mark.parametrize("days", [0, -5, 100000, "ten", True, 2.5])
def test_a_bad_number_of_days_is_refused_in_every_language(days):
    with pytest.raises(FactError) as refused:
        run("guide.short_stay_fit", arrival_date="2027-03-01", days=days)
    assert refused.value.fact == "days"
    assert "3650" in refused.value.messages["fr"]


def test_a_year_out_of_range_is_refused():
    with pytest.raises(FactError) as refused:
        run("guide.short_stay_fit", arrival_date="9999-01-01", days=10)
    assert refused.value.fact == "arrival_date"


def test_the_guarantor_is_liable_for_two_years_from_the_signature_and_says_so():
    decision = run("guide.guarantor_liability", signed_on="2026-03-15", on="2028-03-14")
    assert decision.values["liable_until"] == date(2028, 3, 14)
    assert decision.outcome == "liable"
    assert decision.reasons[0].source == S.SHORT_GUARANTOR
    assert "counted here from the day the guarantee was signed" in decision.reasons[1].message["en"]
    ended = run("guide.guarantor_liability", signed_on="2026-03-15", on="2028-03-15")
    assert ended.outcome == "ended"


def test_a_guarantee_still_to_be_signed_gets_its_period_only():
    decision = run("guide.guarantor_liability", signed_on="2027-03-15", on="2026-12-01")
    assert decision.values["liable_on_day"] is None
    assert decision.values["liable_until"] == date(2029, 3, 14)


def test_a_guarantee_signed_on_29_february_ends_with_february():
    decision = run("guide.guarantor_liability", signed_on="2024-02-29")
    assert decision.values["liable_until"] == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("language", "needed"), [("de", False), ("fr", False), ("en", False), ("tl", True)]
)
def test_a_sworn_translation_is_needed_outside_german_french_and_english(language, needed):
    decision = run("guide.sworn_translation", language=language, on="2026-12-01")
    assert decision.values["translation_needed"] is needed
    assert decision.reasons[0].source == S.TRANSLATION
    assert decision.reasons[-1].source == S.APOSTILLE  # apostille or legalisation, always


def test_a_document_in_luxembourgish_needs_a_sworn_translation_and_the_reason_says_why():
    decision = run("guide.sworn_translation", language="lb", on="2026-12-01")
    assert decision.outcome == "translation_needed"
    codes = [reason.code for reason in decision.reasons]
    assert "guide.sworn_translation.luxembourgish" in codes
    assert (
        "a document in Luxembourgish needs a sworn translation too"
        in (decision.reasons[1].message["en"])
    )


@pytest.mark.parametrize("language", ["xx", "DE", "deu", 3, None])
def test_an_unknown_language_code_is_refused(language):
    with pytest.raises(FactError) as refused:
        run("guide.sworn_translation", language=language, on="2026-12-01")
    assert refused.value.fact == "language"


@pytest.mark.parametrize(
    ("born", "on", "compulsory"),
    [
        ("2022-12-01", "2026-11-30", False),  # the day before the 4th birthday
        ("2022-12-01", "2026-12-01", True),  # the 4th birthday
        ("2010-12-01", "2026-11-30", True),  # the day before the 16th birthday
        ("2010-12-01", "2026-12-01", False),  # the 16th birthday
        # 2100 is a common year: the 4th birthday of a child born on 29 February 2096 is
        # counted on 28 February 2100
        ("2096-02-29", "2100-02-28", True),
        ("2096-02-29", "2100-02-27", False),
        ("2005-06-01", "2026-12-01", False),  # born before the 2008 law: any birth date
    ],
)
def test_school_is_compulsory_from_the_4th_birthday_to_the_day_before_the_16th(
    born, on, compulsory
):
    decision = run("guide.school_obligation", birth_date=born, on=on)
    assert decision.values["compulsory"] is compulsory
    assert decision.reasons[0].source == S.SCHOOL_COMPULSORY


def test_the_school_answer_gives_the_birthdays_the_commune_and_casna():
    decision = run("guide.school_obligation", birth_date="2096-02-29", on="2100-03-01")
    assert decision.values["turns_start_age_on"] == date(2100, 2, 28)
    assert decision.values["turns_end_age_on"] == date(2112, 2, 29)
    codes = [reason.code for reason in decision.reasons]
    assert "guide.school_obligation.leap_day" in codes
    commune = next(r for r in decision.reasons if r.code.endswith("commune"))
    assert "the commune tells you in which school year" in commune.message["en"]
    casna = next(r for r in decision.reasons if r.code.endswith("casna"))
    assert casna.source == S.SCHOOL_CASNA and "casna@men.lu" in casna.message["en"]


def test_a_day_before_the_birth_is_refused():
    with pytest.raises(FactError):
        run("guide.school_obligation", birth_date="2026-12-02", on="2026-12-01")


def test_the_seeds_example_a_rent_of_1000_means_4000_to_5000_at_once():
    decision = run("guide.housing_costs", monthly_rent=1000, through_agency=True, on="2026-12-01")
    values = decision.values
    assert values["agency_fee"] == Decimal("1000.00")
    assert (values["deposit_min"], values["deposit_max"]) == (Decimal(2000), Decimal(3000))
    assert values["to_pay_at_once_min"] == Decimal("4000")
    assert values["to_pay_at_once_max"] == Decimal("5000")
    assert decision.reasons[-1].source == S.HOUSING_EXAMPLE
    assert "€4,000 to €5,000" in decision.reasons[-1].message["en"]
    assert decision.to_dict("en")["values"]["to_pay_at_once_max"] == "5000.00"


def test_without_an_agency_there_is_no_fee():
    decision = run(
        "guide.housing_costs", monthly_rent="1250.50", through_agency=False, on="2026-12-01"
    )
    assert decision.values["agency_fee"] == 0
    assert decision.values["to_pay_at_once_min"] == Decimal("3751.50")
    assert decision.values["to_pay_at_once_max"] == Decimal("5002.00")


@pytest.mark.parametrize("rent", ["abc", 1e12, "1e12", 0, -10, "NaN", "Infinity", "10.005", True])
def test_a_bad_rent_is_refused_in_every_language(rent):
    with pytest.raises(FactError) as refused:
        run("guide.housing_costs", monthly_rent=rent, through_agency=True, on="2026-12-01")
    assert refused.value.fact == "monthly_rent"
    assert set(refused.value.messages) == {"en", "fr", "de"}
