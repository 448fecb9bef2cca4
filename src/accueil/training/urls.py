"""The course calendar (mounted at "courses/"): anyone may read it; officers fill it in."""

from django.urls import path

from accueil.training import views, views_attendance

app_name = "training"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("add/", views.event_add, name="event_add"),
    path("<int:event_id>/edit/", views.event_edit, name="event_edit"),
]

# Attendance and the skills-assessment report (issue 12, points 6-7): provider staff's pages.
urlpatterns += [
    path("provider/", views_attendance.course_list, name="provider_courses"),
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
