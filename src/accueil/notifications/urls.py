"""The officers' list of emails not delivered (notifications/views.py)."""

from django.urls import path

from accueil.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.undelivered, name="undelivered"),
    path("<int:notification_id>/send-again/", views.send_again, name="send_again"),
]
