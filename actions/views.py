"""The links in newsletter emails: confirm a subscription, unsubscribe. Both work without an
account; the signed token in the link is the proof. Each shows a page with a button that POSTs,
so a mail scanner that follows links cannot confirm or unsubscribe anyone by itself."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from actions import newsletter
from actions.models import Subscriber
from actions.templatetags.newsletter_tags import localized_signup_page


def _signup_page_url(request) -> str | None:
    page = localized_signup_page(request)
    return page.get_url(request=request) if page is not None else None


# The token, not a CSRF cookie, authorises these POSTs: the cookie may be missing when the link
# is opened in another browser than the one used to sign up, and mail clients' one-click
# unsubscribe (RFC 8058) POSTs from their own servers. Never cached: one person's link, whose page
# changes once it is used (a cached "press to confirm" would outlive the confirmation).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    try:
        subscriber = newsletter.subscriber_for_token(
            token, newsletter.CONFIRM_SALT, max_age=newsletter.confirm_max_age()
        )
    except newsletter.ExpiredToken:
        state, status = "expired", 410
    except newsletter.InvalidToken:
        state, status = "invalid", 400
    else:
        status = 200
        if subscriber.status == Subscriber.Status.SUBSCRIBED:
            state = "already"
        elif request.method == "POST":
            newsletter.confirm(subscriber)
            state = "done"
        else:
            state = "ready"
    return render(
        request,
        "actions/newsletter_confirm.html",
        {"state": state, "signup_url": _signup_page_url(request)},
        status=status,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        subscriber = newsletter.subscriber_for_token(token, newsletter.UNSUBSCRIBE_SALT)
    except newsletter.InvalidToken:
        state, status = "invalid", 400
    else:
        status = 200
        if request.method == "POST":
            state = "done" if newsletter.unsubscribe(subscriber) else "already"
        elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            state = "already"
        else:
            state = "ready"
    return render(
        request,
        "actions/newsletter_unsubscribe.html",
        {"state": state, "signup_url": _signup_page_url(request)},
        status=status,
    )
