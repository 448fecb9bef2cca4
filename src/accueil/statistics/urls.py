"""The statistics for officers and administrators (mounted at "officer/statistics/")."""

from django.urls import path

from accueil.statistics import views

app_name = "statistics"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.page, name="page"),
    # The anonymised first: its name would match the full export's pattern too.
    path("csv/<slug:name>-anonymised.csv", views.export_anonymised, name="export_anonymised"),
    path("csv/<slug:name>.csv", views.export_full, name="export_full"),
]
