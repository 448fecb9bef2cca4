"""The data subject's rights (issue 14, points 1 and 2), mounted at "privacy/": the
candidate's copy and requests, the data-protection officer's queue, the integration
officers' rectifications."""

from django.urls import path

from accueil.privacy import views

app_name = "privacy"

urlpatterns = [
    # "privacy/" itself is the data-protection notice (core.urls).
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_json, name="my_data_json"),
    path("my-data.pdf", views.my_data_pdf, name="my_data_pdf"),
    path("ask/<slug:kind>/", views.ask, name="ask"),
    path("requests/", views.queue, name="queue"),
    path("requests/<int:request_id>/", views.answer, name="answer"),
    path("officer/rectifications/", views.rectifications, name="rectifications"),
    path(
        "officer/rectifications/<int:request_id>/",
        views.rectification,
        name="rectification",
    ),
]
