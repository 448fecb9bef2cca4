"""The course catalogue (mounted at "courses/"): anyone reads the published courses;
provider staff fill in their own; officers approve providers.

The old calendar's pages ("add/", "<id>/edit/") are gone: those URLs answer 404."""

from django.urls import path

from accueil.training import views_attendance, views_certificates, views_vouchers, views_warnings
from accueil.training import views_catalogue as catalogue

app_name = "training"

urlpatterns = [
    # Catalogue (issue 12, points 1-3).
    path("", catalogue.catalogue, name="catalogue"),
    path("<int:course_id>/", catalogue.course_detail, name="course_detail"),
    path("manage/", catalogue.provider_courses, name="provider_courses"),
    path("manage/add/", catalogue.course_add, name="course_add"),
    path("manage/<int:course_id>/", catalogue.course_manage, name="course_manage"),
    path("manage/<int:course_id>/edit/", catalogue.course_edit, name="course_edit"),
    path("manage/<int:course_id>/publish/", catalogue.course_publish, name="course_publish"),
    path("manage/<int:course_id>/cancel/", catalogue.course_cancel, name="course_cancel"),
    path("manage/<int:course_id>/sessions/add/", catalogue.session_add, name="session_add"),
    path(
        "manage/<int:course_id>/sessions/<int:session_id>/edit/",
        catalogue.session_edit,
        name="session_edit",
    ),
    path(
        "manage/<int:course_id>/sessions/<int:session_id>/remove/",
        catalogue.session_remove,
        name="session_remove",
    ),
    path("providers/", catalogue.providers, name="providers"),
    path(
        "providers/<int:organisation_id>/approval/",
        catalogue.provider_approve,
        name="provider_approve",
    ),
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
    # Vouchers and enrolment (issue 12, points 4 and 5).
    path("mine/", views_vouchers.my_courses, name="my_courses"),
    path("mine/voucher/", views_vouchers.voucher_get, name="voucher_get"),
    path("<int:course_id>/enrol/", views_vouchers.enrol, name="enrol"),
    path("<int:course_id>/enrol-person/", views_vouchers.enrol_person, name="enrol_person"),
    path(
        "enrolments/<int:enrolment_id>/cancel/",
        views_vouchers.enrolment_cancel,
        name="enrolment_cancel",
    ),
    path(
        "candidates/<uuid:candidate_id>/vouchers/",
        views_vouchers.candidate_vouchers,
        name="candidate_vouchers",
    ),
    path("vouchers/<int:voucher_id>/revoke/", views_vouchers.voucher_revoke, name="voucher_revoke"),
]

# Attendance and the skills-assessment report (issue 12, points 6-7): provider staff's pages.
urlpatterns += [
    path("provider/", views_attendance.course_list, name="attendance_courses"),
    path(
        "provider/<int:course_id>/attendance/",
        views_attendance.attendance_grid,
        name="attendance_grid",
    ),
    path(
        "provider/<int:course_id>/attendance/upload/",
        views_attendance.attendance_upload,
        name="attendance_upload",
    ),
    path(
        "provider/<int:course_id>/attendance/template.csv",
        views_attendance.attendance_template,
        name="attendance_template",
    ),
    path(
        "provider/enrolments/<int:enrolment_id>/skills/",
        views_attendance.skills_assessment,
        name="skills_assessment",
    ),
    path("my-skills/", views_attendance.my_skills, name="my_skills"),
]

# The officers' early-warning list (issue 12, point 9).
urlpatterns += [
    path("warnings/", views_warnings.warning_list, name="warnings"),
    path("warnings/handle/", views_warnings.warning_handle, name="warning_handle"),
]
