"""The course calendar (mounted at "courses/"): anyone may read it; officers fill it in."""

from django.urls import path

from accueil.training import views, views_certificates

app_name = "training"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("add/", views.event_add, name="event_add"),
    path("<int:event_id>/edit/", views.event_edit, name="event_edit"),
    # Certificates (issue 12, point 8); the public verification page is in verify_urls.
    path("certificates/", views_certificates.certificate_list, name="certificates"),
    path(
        "certificates/enrolments/<int:enrolment_id>/issue/",
        views_certificates.certificate_issue_page,
        name="certificate_issue",
    ),
    path("certificates/<str:code>/", views_certificates.certificate_detail, name="certificate"),
    path(
        "certificates/<str:code>/pdf/",
        views_certificates.certificate_download,
        name="certificate_pdf",
    ),
    path(
        "certificates/<str:code>/revoke/",
        views_certificates.certificate_revoke_page,
        name="certificate_revoke",
    ),
]
