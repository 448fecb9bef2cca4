"""The summary of closed months (models.MonthlyCount), counted again from the contracts
by the scheduled job "statistics-summary"."""

from django.db import transaction
from django.utils import timezone

from accueil.core import clock
from accueil.rules.dates import EARLIEST
from accueil.statistics import selectors
from accueil.statistics.models import Figure, MonthlyCount, Summary


def refresh_summary() -> int:
    """Count every month before the current one (in Luxembourg) again, in one
    transaction: the pages see the former counts or the new ones, never a mix. Two runs
    at once wait for each other (the summary's row is locked). Returns the rows stored."""
    through = clock.today().replace(day=1)
    with transaction.atomic():
        summary, _created = Summary.objects.select_for_update().get_or_create(
            pk=1, defaults={"through": EARLIEST, "refreshed_at": timezone.now()}
        )
        MonthlyCount.objects.all().delete()
        rows = [
            MonthlyCount(
                figure=Figure.SIGNED,
                month=month,
                nationality=nationality or "",
                language=language,
                n=n,
            )
            for month, nationality, language, n in selectors.counted_signed_groups(
                EARLIEST, through
            )
        ]
        rows += [
            MonthlyCount(figure=Figure.DAYS, month=month, days=days, n=n)
            for month, days, n in selectors.counted_days_groups(EARLIEST, through)
        ]
        rows += [
            MonthlyCount(figure=Figure.REVIEWED, month=month, status=status, n=n)
            for month, status, n in selectors.counted_review_groups(EARLIEST, through)
        ]
        MonthlyCount.objects.bulk_create(rows, batch_size=2000)
        summary.through = through
        summary.refreshed_at = timezone.now()
        summary.save()
    return len(rows)
