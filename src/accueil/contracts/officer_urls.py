"""A contract's page with its status history, and its withdrawal (by an officer, or by
the candidate who holds it). Mounted at "officer/contracts/" (namespace
"officer_contracts"); built in contracts/officer_views.py."""

from django.urls import path

from accueil.contracts import officer_views as views
from accueil.contracts import officer_views_review as review

app_name = "officer_contracts"

urlpatterns = [
    # The end of the contract: the review queue, a review and its decision, the follow-up.
    path("review/", review.review_queue, name="review_queue"),
    path("<uuid:contract_id>/review/", review.contract_review, name="review"),
    path("<uuid:contract_id>/follow-up/", review.contract_follow_up, name="follow_up"),
    path("<uuid:contract_id>/", views.contract_detail, name="detail"),
    path("<uuid:contract_id>/withdraw/", views.contract_withdraw, name="withdraw"),
    path(
        "<uuid:contract_id>/certificates/add/",
        views.paper_certificate_add,
        name="certificate_add",
    ),
]
