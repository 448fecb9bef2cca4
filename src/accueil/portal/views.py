"""Each role's home page: what the role may do, with the numbers and the candidate's
own path gathered from the apps that own them."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from accueil.accounts import access
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.contracts import access as contracts_access
from accueil.contracts.models import ContractStatus
from accueil.contracts.selectors import candidate_path, feed_ended, feed_url, review_queue
from accueil.core import clock
from accueil.notifications.selectors import letters_to_print, undelivered_emails
from accueil.portal.selectors import candidate_summary
from accueil.registration import access as registration_access
from accueil.registration import selectors as registration_selectors
from accueil.social import access as social_access
from accueil.social.selectors import open_requests
from accueil.training import selectors as training_selectors


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each role lands on a page showing what it may do."""
    user = request.user
    context: dict = {"role": user.role}
    if user.role == Role.CANDIDATE:
        candidate = registration_access.candidates_for_user(user).first()
        context["candidate"] = candidate
        if candidate:
            context.update(candidate_summary(candidate))
            context["path"] = candidate_path(candidate, clock.today())
            # Each obligation with the courses the person is enrolled in for it, and the
            # kind of course to look for in the catalogue.
            enrolments = training_selectors.current_enrolments_by_obligation(candidate)
            context["obligations"] = [
                (
                    step,
                    enrolments.get(step.code, []),
                    training_selectors.COURSE_KIND_OF_OBLIGATION[step.code],
                )
                for step in context["path"].steps
            ]
            ended = feed_ended(candidate, clock.today())
            context["feed_url"] = "" if ended else feed_url(candidate)
            context["booking_url"] = registration_selectors.access_url(candidate)
            context["details_url"] = reverse(
                "registration:my_details", args=[registration_selectors.access_token(candidate)]
            )
    if user.role in (Role.OFFICER, Role.DPO):
        counts = contracts_access.contracts_for_user(user).values("status").annotate(n=Count("pk"))
        by_status = {row["status"]: row["n"] for row in counts}
        context["status_counts"] = [
            (status, by_status.get(status.value, 0)) for status in ContractStatus
        ]
        context["candidate_count"] = registration_access.candidates_for_user(user).count()
    if user.role == Role.OFFICER:
        context["undelivered_count"] = undelivered_emails().count()
        context["letters_count"] = letters_to_print().count()
        context["to_decide_count"] = review_queue(contracts_access.contracts_for_user(user)).count()
        scheduled, missing = training_selectors.orientation_days_warning(clock.today())
        context["orientation_days"], context["orientation_missing"] = scheduled, missing
    if user.role == Role.SOCIAL_WORKER:
        requests = social_access.interview_requests_for_user(user)
        context["open_requests"] = open_requests(requests).count()
    if user.role in (Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN):
        context["organisations"] = access.organisations_for_user(user).prefetch_related("staff")
    return render(request, f"portal/home_{user.role}.html", context)
