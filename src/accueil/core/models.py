"""The rate limit's counters (see core/ratelimit.py, which writes them in one SQL
statement): one row per scope, hashed client address and window."""

from django.db import models


class RateLimitCount(models.Model):
    # "<scope>:<sha256 of the address, 32 hex>:<window start, Unix seconds>"
    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField()
    # When the window ends, in Unix seconds: rows past it are deleted.
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        db_table = "accueil_rate_limit"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
