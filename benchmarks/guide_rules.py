"""Benchmark: the whole newcomer's guide (`accueil.rules.guide.assess`) on generated situations.

    .venv/bin/python benchmarks/guide_rules.py [--situations 100000] [--seed 2026]

Generates `--situations` personal situations by walking the questionnaire with a
seeded random generator (deterministic): every purpose of stay, nationalities
from inside and outside the EU, the asylum question, and about one situation in
five stopped part-way (partial answers, as a person halfway through the
questionnaire). Answers are JSON values (dates as ISO strings), as they come from
the web session or the API. Then, in one process (one core), it assesses every
situation once on the same day, times that, and prints situations per second with
a summary (outcomes, procedures and how they fit, dates computed). It also times
`to_dict(lang)` (the JSON a page or the API shows) on a tenth of them.
Target: at least 5,000 situations per second on one core.
"""

import argparse
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accueil.rules.guide import assess, next_question  # noqa: E402
from accueil.rules.guide.questions import UNKNOWN, Question  # noqa: E402

ON = date(2026, 12, 1)
THIRD_COUNTRIES = ["BR", "CV", "IN", "CN", "MA", "US", "UA", "RS", "SY", "PH", "NG", "TR"]
FREE_MOVEMENT = ["PT", "FR", "DE", "IT", "NO", "CH", "LU"]
NUMBER_RANGES = {
    "monthly_resources": (800, 4000),
    "sponsor_months": (0, 40),
    "traineeship_months": (1, 12),
}


def random_date(rng: random.Random, start: date, days: int) -> str:
    return (start + timedelta(days=rng.randrange(days))).isoformat()


def answer(question: Question, rng: random.Random) -> object:
    """A plausible random answer to one question, as JSON."""
    kind = question.kind
    if kind == "country_list":
        pool = FREE_MOVEMENT if rng.random() < 0.1 else THIRD_COUNTRIES
        return rng.sample(pool, rng.choice((1, 1, 1, 2)))
    if kind == "yes_no":
        if UNKNOWN in question.choice_values() and rng.random() < 0.15:
            return None
        return rng.random() < (0.05 if question.fact == "asylum_procedure" else 0.7)
    if kind == "choice":
        return rng.choice(question.choice_values())
    if kind == "multi_choice":
        values = question.choice_values()
        return rng.sample(values, rng.randrange(len(values) + 1))
    if kind == "date":
        if question.optional and rng.random() < 0.15:
            return None
        if question.fact == "birth_date":
            return random_date(rng, date(1995, 1, 1), 365 * 25)
        return random_date(rng, date(2025, 1, 1), 365 * 3)
    low, high = NUMBER_RANGES.get(question.fact, (0, 10))
    if question.fact == "monthly_resources":
        return round(rng.uniform(low, high), 2)
    return rng.randint(low, high)


def situation(rng: random.Random) -> dict:
    """Answers given by walking the questionnaire; one in five stops part-way."""
    answers: dict = {}
    stop_after = rng.randrange(1, 12) if rng.random() < 0.2 else None
    while (question := next_question(answers)) is not None:
        if stop_after is not None and len(answers) >= stop_after:
            break
        answers[question.fact] = answer(question, rng)
    return answers


def summarise(results: list) -> None:
    outcomes = Counter(result.concerned for result in results)
    fits = Counter(
        (procedure.code, procedure.fits) for result in results for procedure in result.procedures
    )
    dates = Counter(day.code for result in results for day in result.dates)
    complete = sum(result.complete for result in results)
    print(
        f"concerned: {outcomes[True]}, not concerned: {outcomes[False]}, "
        f"not known yet: {outcomes[None]}; complete questionnaires: {complete}"
    )
    print("procedures (fits / does not fit / not known):")
    for code in sorted({code for code, _ in fits}):
        print(f"  {code:22} {fits[(code, True)]:6} {fits[(code, False)]:6} {fits[(code, None)]:6}")
    print(
        "dates computed: " + ", ".join(f"{code} {count}" for code, count in sorted(dates.items()))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--situations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    started = time.perf_counter()
    situations = [situation(rng) for _ in range(args.situations)]
    generated = time.perf_counter() - started
    purposes = Counter(answers.get("purpose", "(not yet)") for answers in situations)
    print(f"generated {len(situations)} situations in {generated:.1f} s (seed {args.seed})")
    print("purposes: " + ", ".join(f"{name} {count}" for name, count in sorted(purposes.items())))

    assess(situations[0], ON)  # warm the caches once (holidays, parameter rows)
    cpu, wall = time.process_time(), time.perf_counter()
    results = [assess(answers, ON) for answers in situations]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rate = len(results) / wall
    print(
        f"assess: {len(results)} situations in {wall:.2f} s wall ({cpu:.2f} s CPU): "
        f"{rate:,.0f} situations per second, {wall / len(results) * 1e6:.0f} µs each"
    )
    sample = results[::10]
    wall = time.perf_counter()
    for index, result in enumerate(sample):
        result.to_dict(("en", "fr", "de")[index % 3])
    wall = time.perf_counter() - wall
    print(f"to_dict(lang): {len(sample) / wall:,.0f} results per second")
    summarise(results)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average (1 min) at the end: {load:.2f}; target 5,000 situations per second")
    sys.exit(0 if rate >= 5000 else 1)


if __name__ == "__main__":
    main()
