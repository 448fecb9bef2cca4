from django.urls import path

from accueil.contracts import officer_views, views

app_name = "contracts"

urlpatterns = [
    path("contracts/<uuid:contract_id>/document/", views.document, name="document"),
    path("contracts/<uuid:contract_id>/signed-scan/", views.signed_scan, name="signed_scan"),
    path(
        "contracts/<uuid:contract_id>/certificate-of-completion/",
        views.completion_certificate,
        name="completion_certificate",
    ),
    path("calendar/<str:token>/path.ics", views.calendar_feed, name="calendar"),
    path("calendar/reset/", views.calendar_reset, name="calendar_reset"),
    # The last task of the officer's task list at the information session.
    path(
        "officer/day/candidates/<uuid:candidate_id>/contract/",
        officer_views.contract_task,
        name="task",
    ),
    path(
        "officer/day/candidates/<uuid:candidate_id>/contract/draft/",
        officer_views.contract_draft,
        name="draft",
    ),
]
