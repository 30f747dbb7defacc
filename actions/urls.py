from django.urls import path

from actions import action_views, views

urlpatterns = [
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
    path("embed/<slug:kind>/<int:page_id>/", action_views.embed, name="action_embed"),
]
