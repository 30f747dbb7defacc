"""Test-only URLs: views partners may frame, built the two documented ways, and a form-like
view whose database disappears halfway through saving."""

from django.contrib.auth import get_user_model
from django.db import OperationalError, transaction
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from core.security import allow_framing, frameable


@frameable
def widget(request):
    return HttpResponse("<!DOCTYPE html><title>Widget</title><p>42 signatures</p>")


def page_like_serve(request):
    # What a Wagtail page's serve() would do: build the response, then mark it.
    return allow_framing(HttpResponse("<!DOCTYPE html><title>Embed</title>"))


def ordinary(request):
    return HttpResponse("<!DOCTYPE html><title>Ordinary</title>")


@csrf_exempt
def save_then_lose_database(request):
    # As a form does: everything in one transaction. The connection dies after the first row.
    with transaction.atomic():
        get_user_model().objects.create_user("half-saved", "half@example.org")
        raise OperationalError("terminating connection due to administrator command")


urlpatterns = [
    path("save-then-lose-database/", save_then_lose_database),
    path("embed/widget/", widget),
    path("embed/page/", page_like_serve),
    path("ordinary/", ordinary),
]
