"""The message catalogue is complete in English, French and German, and formats."""

from string import Formatter

from accueil.rules import LANGUAGES
from accueil.rules.messages import CATALOGUE, VARIANTS


def placeholders(template):
    return {field for _, field, _, _ in Formatter().parse(template) if field}


def test_every_template_exists_in_all_three_languages():
    for code, variants in CATALOGUE.items():
        assert variants, code
        for variant, templates in variants.items():
            assert variant in VARIANTS.values(), (code, variant)
            assert set(templates) == set(LANGUAGES), (code, variant)
            assert all(text.strip() for text in templates.values()), (code, variant)


def test_the_three_languages_use_the_same_placeholders():
    for code, variants in CATALOGUE.items():
        for variant, templates in variants.items():
            expected = placeholders(templates["en"])
            for lang in LANGUAGES:
                assert placeholders(templates[lang]) == expected, (code, variant, lang)


def test_every_reason_given_has_a_template_and_every_template_is_used(all_decisions):
    given = {
        (reason.code, VARIANTS[reason.met])
        for decision in all_decisions
        for reason in decision.reasons
    }
    catalogued = {(code, variant) for code, variants in CATALOGUE.items() for variant in variants}
    assert given == catalogued


def test_every_message_is_formatted_in_every_language(all_decisions):
    for decision in all_decisions:
        for reason in decision.reasons:
            assert set(reason.message) == set(LANGUAGES)
            for text in reason.message.values():
                assert "{" not in text and "}" not in text, (reason.code, text)


def test_reason_codes_start_with_their_rule(all_decisions):
    for decision in all_decisions:
        for reason in decision.reasons:
            assert reason.rule == decision.rule
            assert reason.code.startswith(decision.rule + ".")


def test_french_and_german_read_as_french_and_german(all_decisions):
    decision = next(d for d in all_decisions if d.outcome == "follow_up_allowed")
    scope = decision.reason("cai.follow_up.scope").message
    assert scope["fr"].endswith("formation linguistique et journée d’orientation.")
    assert scope["de"].endswith("Sprachkurse und Orientierungstag.")
