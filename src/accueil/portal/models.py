"""Portal has no tables; its choices (see docs/architecture.md: choices live in models.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    """The status of a task on a candidate's task list at the information session."""

    COMPLETED = "completed", _("Completed")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    INVALID = "invalid", _("Not valid today")
    CANNOT_START = "cannot_start", _("Cannot start yet")
