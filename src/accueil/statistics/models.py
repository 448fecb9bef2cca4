"""The statistics of closed months, counted once: the pages read these few rows for
the months before `Summary.through` and count only the months since in the contracts
themselves, so a page costs the same on 1,000,000 contracts over ten years as on a
thousand (benchmarks/statistics_pages.py). `services.refresh_summary`, a scheduled job,
counts them again every hour (docs/statistics.md)."""

from django.db import models


class Figure(models.TextChoices):
    SIGNED = "signed"  # contracts signed, by month, first nationality, language
    DAYS = "days"  # contracts signed, by month and days from registration to signature
    REVIEWED = "reviewed"  # contracts reviewed, by month of the review and status


class MonthlyCount(models.Model):
    """How many contracts of one group in one month (a closed month)."""

    figure = models.CharField(max_length=16, choices=Figure.choices)
    month = models.DateField()  # its 1st day
    nationality = models.CharField(max_length=8, blank=True)
    language = models.CharField(max_length=8, blank=True)
    days = models.IntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, blank=True)
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["figure", "month"], name="statistics_figure_month")]

    def __str__(self) -> str:
        return f"{self.figure} {self.month:%Y-%m}: {self.n}"


class Summary(models.Model):
    """The one row saying which months `MonthlyCount` holds (those before `through`)
    and when they were counted."""

    through = models.DateField()  # the 1st of the first month not summarised
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="summary_one_row")]

    def __str__(self) -> str:
        return f"months before {self.through:%Y-%m}, counted {self.refreshed_at:%Y-%m-%d %H:%M}"
