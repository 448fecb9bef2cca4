"""Where a profiled worker's time went, per request (see profile_worker.py).

    .venv/bin/python benchmarks/profile_report.py /tmp/accueil-profile [--top 30]

Merges every worker-*.pstats of the folder and prints, per request answered: the
statements sent by kind, the time by area of code (own time of the functions, grouped
by package or module of Accueil), then the top functions by cumulative and own time.
The time waiting for the next request (select/accept) is left out of the totals.
"""

import argparse
import json
import pstats
import sys
from collections import Counter
from pathlib import Path

IDLE = ("select", "poll", "accept", "epoll", "sleep", "wait")

# First match wins: (area, fragment of the file path or built-in's name).
AREAS = [
    ("accueil.notifications (tasks queued)", "accueil/notifications/"),
    ("accueil.audit", "accueil/audit/"),
    ("accueil.core.ratelimit", "accueil/core/ratelimit"),
    ("accueil.registration", "accueil/registration/"),
    ("accueil.booking", "accueil/booking/"),
    ("accueil.api", "accueil/api/"),
    ("accueil.rules", "accueil/rules/"),
    ("accueil (other)", "accueil/"),
    ("django_tasks / django_tasks_db", "django_tasks"),
    ("ninja", "/ninja/"),
    ("pydantic", "pydantic"),
    ("phonenumbers", "phonenumbers"),
    ("stdnum / pycountry", "stdnum"),
    ("stdnum / pycountry", "pycountry"),
    ("psycopg (sending, quoting, reading)", "psycopg"),
    ("django.db (ORM, SQL compiler)", "django/db/"),
    ("django.template", "django/template/"),
    ("django.middleware + contrib middleware", "django/middleware/"),
    ("django.middleware + contrib middleware", "middleware.py"),
    ("django.utils.translation", "django/utils/translation"),
    ("django.core.handlers / urls / http", "django/core/handlers"),
    ("django.core.handlers / urls / http", "django/urls/"),
    ("django.core.handlers / urls / http", "django/http/"),
    ("django.core.signing / crypto", "django/core/signing"),
    ("django.core.signing / crypto", "django/utils/crypto"),
    ("django (other)", "django/"),
    ("gunicorn", "gunicorn/"),
    ("logging", "logging/"),
    ("json", "json/"),
    ("uuid", "uuid.py"),
    ("re", "/re/"),
    ("socket I/O (incl. PostgreSQL round trips)", "socket"),
]


def area(function: tuple[str, int, str]) -> str:
    path, _line, name = function
    where = path if path != "~" else name
    for label, fragment in AREAS:
        if fragment in where:
            return label
    if path == "~":
        return f"built-in: {name}"
    return "other Python (stdlib)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    files = sorted(args.folder.glob("worker-*.pstats"))
    if not files:
        sys.exit(f"no worker-*.pstats in {args.folder}")
    stats = pstats.Stats(*map(str, files))
    requests, statements = 0, Counter()
    for counts in args.folder.glob("worker-*.json"):
        data = json.loads(counts.read_text())
        requests += data["requests"]
        statements.update(data["statements"])
    per = 1000 / max(requests, 1)  # ms per request

    raw = stats.stats  # {function: (calls, primitive, tottime, cumtime, callers)}
    idle = sum(
        tottime
        for (path, _, name), (_, _, tottime, _, _) in raw.items()
        if path == "~" and any(word in name for word in IDLE) and "recv" not in name
    )
    busy = sum(tottime for (_, _, tottime, _, _) in raw.values()) - idle
    print(f"{requests} requests; {busy * per:.2f} ms profiled per request (waiting left out)")
    print(f"\nSQL statements per request ({sum(statements.values()) / max(requests, 1):.2f}):")
    for kind, n in statements.most_common():
        print(f"  {n / max(requests, 1):5.2f}  {kind}")

    areas = Counter()
    for function, (_, _, tottime, _, _) in raw.items():
        path, _, name = function
        if path == "~" and any(word in name for word in IDLE) and "recv" not in name:
            continue
        areas[area(function)] += tottime
    print("\nOwn time by area, ms per request (share):")
    for label, seconds in areas.most_common(30):
        print(f"  {seconds * per:6.3f}  {seconds / busy:5.1%}  {label}")

    def top(key: int, title: str) -> None:
        print(f"\nTop {args.top} by {title}, ms per request:")
        ranked = sorted(raw.items(), key=lambda item: item[1][key], reverse=True)
        shown = 0
        for (path, line, name), values in ranked:
            if path == "~" and any(word in name for word in IDLE) and "recv" not in name:
                continue
            short = path.split("site-packages/")[-1].split("src/")[-1]
            print(
                f"  {values[key] * per:7.3f}  {values[0] / max(requests, 1):6.1f} calls  "
                f"{short}:{line}({name})"
            )
            shown += 1
            if shown == args.top:
                break

    top(3, "cumulative time")
    top(2, "own time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
