from django.urls import path

from accueil.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("mine/", views.my_trail, name="mine"),
]
