"""`cai.eligibility`: the four conditions of "Who is concerned", all reported."""

from accueil.rules import evaluate


def facts(**changes):
    base = {
        "birth_date": "2009-03-10",
        "on": "2025-03-10",
        "nationalities": ["PT"],
        "legally_resident": True,
        "wishes_to_settle": True,
    }
    return base | changes


def unmet(decision):
    return [reason.code for reason in decision.reasons if reason.met is False]


def test_sixteenth_birthday_today_is_eligible():
    decision = evaluate("cai.eligibility", facts())
    assert decision.outcome == "eligible"
    assert decision.values == {"age": 16, "eligible": True}


def test_the_day_before_the_sixteenth_birthday_is_not_eligible():
    decision = evaluate("cai.eligibility", facts(on="2025-03-09"))
    assert decision.outcome == "not_eligible"
    assert decision.values == {"age": 15, "eligible": False}
    assert unmet(decision) == ["cai.eligibility.age"]
    assert "10 March 2025" in decision.reason("cai.eligibility.age").message["en"]


def test_born_29_february_turns_16_on_28_february_of_a_common_year():
    # 2100 is not a leap year, so the 16th birthday of someone born on 29 February
    # 2084 falls on 28 February 2100: the only kind of case where 16 years meets a
    # common year.
    born = "2084-02-29"
    assert evaluate("cai.eligibility", facts(birth_date=born, on="2100-02-28")).outcome == (
        "eligible"
    )
    assert evaluate("cai.eligibility", facts(birth_date=born, on="2100-02-27")).outcome == (
        "not_eligible"
    )


def test_born_29_february_turns_16_on_29_february_of_a_leap_year():
    born = "2008-02-29"
    assert evaluate("cai.eligibility", facts(birth_date=born, on="2024-02-29")).values["age"] == 16
    assert evaluate("cai.eligibility", facts(birth_date=born, on="2024-02-28")).values["age"] == 15


def test_luxembourg_national_is_not_eligible():
    decision = evaluate("cai.eligibility", facts(nationalities=["LU"]))
    assert decision.outcome == "not_eligible"
    assert unmet(decision) == ["cai.eligibility.nationality"]


def test_dual_luxembourg_and_french_national_is_not_eligible():
    decision = evaluate("cai.eligibility", facts(nationalities=["FR", "LU"]))
    assert decision.outcome == "not_eligible"
    assert unmet(decision) == ["cai.eligibility.nationality"]


def test_eu_and_third_country_nationals_are_eligible_alike():
    for nationalities in (["FR"], ["CV"], ["BR", "PT"], ["SY"]):
        assert evaluate("cai.eligibility", facts(nationalities=nationalities)).outcome == (
            "eligible"
        )


def test_every_unmet_condition_is_listed_together():
    decision = evaluate(
        "cai.eligibility",
        facts(
            on="2025-03-09",
            nationalities=["LU", "FR"],
            legally_resident=False,
            wishes_to_settle=False,
        ),
    )
    assert unmet(decision) == [
        "cai.eligibility.age",
        "cai.eligibility.nationality",
        "cai.eligibility.legal_residence",
        "cai.eligibility.settlement",
    ]


def test_not_legally_resident_is_not_eligible():
    decision = evaluate("cai.eligibility", facts(legally_resident=False))
    assert unmet(decision) == ["cai.eligibility.legal_residence"]


def test_not_wishing_to_settle_is_not_eligible():
    decision = evaluate("cai.eligibility", facts(wishes_to_settle=False))
    assert unmet(decision) == ["cai.eligibility.settlement"]


def test_years_in_luxembourg_never_change_the_result():
    for base in (facts(), facts(on="2025-03-09")):
        expected = evaluate("cai.eligibility", base)
        for years in (0, 0.5, 3, 25):
            decision = evaluate("cai.eligibility", base | {"years_in_luxembourg": years})
            assert decision == expected


def test_newcomers_and_third_country_nationals_are_mentioned_as_information():
    decision = evaluate("cai.eligibility", facts())
    assert decision.reason("cai.eligibility.foreigners").met is None
    assert decision.reason("cai.eligibility.residence_duration").met is None
