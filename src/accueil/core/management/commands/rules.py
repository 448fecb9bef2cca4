"""`accueil rules RULE [FILE]`: evaluate a rule on JSON facts and print the decision."""

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from accueil.rules import LANGUAGES, RULES, FactError, evaluate


class Command(BaseCommand):
    help = "Evaluate a rule of accueil.rules on JSON facts (FILE or standard input)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("rule", help=f"one of: {', '.join(RULES)}")
        parser.add_argument("file", nargs="?", help="JSON facts; standard input if omitted")
        parser.add_argument("--lang", choices=LANGUAGES, default="en")

    def handle(self, *args, rule: str, file: str | None, lang: str, **options) -> None:
        if rule not in RULES:
            self.fail(f"unknown rule {rule!r}; known rules: {', '.join(RULES)}")
        facts = self.read_facts(file)
        try:
            decision = evaluate(rule, facts)
        except FactError as bad:
            self.fail(str(bad))
        self.stdout.write(json.dumps(decision.to_dict(lang), indent=2, ensure_ascii=False))

    def read_facts(self, file: str | None) -> Any:
        try:
            if file is None or file == "-":
                return json.load(sys.stdin)
            with open(file, encoding="utf-8") as handle:
                return json.load(handle)
        except OSError as missing:
            self.fail(f"cannot read {file}: {missing.strerror}")
        except json.JSONDecodeError as bad:
            self.fail(f"(facts): not valid JSON: {bad}")

    def fail(self, message: str) -> NoReturn:
        """Bad input: a message naming what is wrong on stderr, and exit status 2."""
        self.stderr.write(f"error: {message}")
        sys.exit(2)
