from django.urls import path

from accueil.contracts import views

app_name = "contracts"

urlpatterns = [
    path("contracts/<uuid:contract_id>/document/", views.document, name="document"),
    path("calendar/<str:token>/path.ics", views.calendar_feed, name="calendar"),
    path("calendar/reset/", views.calendar_reset, name="calendar_reset"),
]
