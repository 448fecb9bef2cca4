"""The officers' letters to print (notifications/views.py)."""

from django.urls import path

from accueil.notifications import views

app_name = "letters"

urlpatterns = [
    path("", views.letters, name="to_print"),
    path("<int:letter_id>/letter.pdf", views.letter_pdf, name="pdf"),
    path("<int:letter_id>/posted/", views.letter_posted, name="posted"),
]
