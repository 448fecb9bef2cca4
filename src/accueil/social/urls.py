"""The social workers' queue of interview requests (mounted at "social/")."""

from django.urls import path

from accueil.social import views

app_name = "social"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("requests/<int:request_id>/", views.handle, name="handle"),
    path("requests/<int:request_id>/take/", views.take, name="take"),
]
