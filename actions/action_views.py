"""Serving petitions and pledges: the page itself (form, live count, thank-you), the widget
partners embed, and the JSON count.

The page's HTML holds nothing about the visitor (no CSRF token, no cookie read), so a spike is
served from the page cache; the thank-you state, which is per signer, is marked private.
"""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from actions import signing
from actions.forms import SignatureForm
from actions.models import Organization, PetitionPage, PledgePage
from core import serving
from core.attribution import clean_source
from core.security import frameable
from core.us_states import state_name
from home.models import CampaignRendition

LOGO_FILTER = "max-240x96"
EMBED_KINDS = {"petition": PetitionPage, "pledge": PledgePage}


def logo_renditions() -> Prefetch:
    """Prefetch the logos' renditions so that each logo costs no query of its own."""
    return Prefetch(
        "logo__renditions",
        queryset=CampaignRendition.objects.filter(filter_spec=LOGO_FILTER),
        to_attr="prefetched_renditions",
    )


def participating_organizations(page) -> list[Organization]:
    """The page's organizations in the editor's order, each in the page's language when it has
    been translated (translations of a page keep pointing at the source's organizations)."""
    links = list(page.participating_organizations.select_related("organization"))
    if not links:
        return []
    keys = [link.organization.translation_key for link in links]
    localized = {
        organization.translation_key: organization
        for organization in Organization.objects.filter(
            translation_key__in=keys, locale_id=page.locale_id
        )
        .select_related("logo")
        .prefetch_related(logo_renditions())
    }
    return [localized.get(link.organization.translation_key, link.organization) for link in links]


def share_links(url: str, text: str) -> list[dict]:
    """Plain links to each network's own share page (no third-party script on our pages). Each
    carries a source code, so staff see which network brought signers in."""

    def tagged(network: str) -> str:
        return f"{url}?{urlencode({'source': f'share-{network}'})}"

    def query(**params) -> str:
        return urlencode(params, quote_via=quote)

    return [
        {
            "network": "email",
            "href": "mailto:?" + query(subject=text, body=f"{text}\n\n{tagged('email')}"),
        },
        {
            "network": "Facebook",
            "href": "https://www.facebook.com/sharer/sharer.php?" + query(u=tagged("facebook")),
        },
        {"network": "X", "href": "https://x.com/intent/post?" + query(text=text, url=tagged("x"))},
        {
            "network": "Bluesky",
            "href": "https://bsky.app/intent/compose?" + query(text=f"{text} {tagged('bluesky')}"),
        },
        {
            "network": "WhatsApp",
            "href": "https://wa.me/?" + query(text=f"{text} {tagged('whatsapp')}"),
        },
    ]


def embed_path(page) -> str:
    kind = "pledge" if isinstance(page, PledgePage) else "petition"
    return reverse("action_embed", args=[kind, page.pk])


def action_context(page, request, *, form, thanks: str | None, problem: str = "") -> dict:
    count = signing.signature_count(page.translation_key)
    goal = signing.stepped_goal(page.goal, count)
    signers = signing.recent_public_signers(page.translation_key)
    for signer in signers:
        signer["state_name"] = state_name(signer["state"]) if signer["state"] else ""
    page_url = page.get_url(request=request)
    context = {
        "form": form,
        "thanks": thanks,
        "problem": problem,
        "is_closed": page.is_closed,
        "count": count,
        "goal": goal,
        "goal_raised": goal != max(page.goal, 1),
        "recent_signers": signers,
        "organizations": participating_organizations(page),
        "count_url": reverse("action_count", args=[page.pk]),
        "page_url": page_url,
        "embed_url": request.build_absolute_uri(embed_path(page)),
        # The unhashed name, which stays the same from one deployment to the next.
        "script_url": request.build_absolute_uri(f"{settings.STATIC_URL}js/embed.js"),
    }
    if thanks:
        context["share_links"] = share_links(
            request.build_absolute_uri(page_url), page.get_share_text()
        )
    return context


def _problem_status_page(page, request, result, template: str, base_context: dict):
    context = {
        **base_context,
        **action_context(page, request, form=result.form, thanks=None, problem=result.problem),
    }
    return TemplateResponse(request, template, context, status=result.status)


@serving.handles("serve", PetitionPage, PledgePage)
def serve_action_page(page, request, *args, **kwargs):
    if request.method == "POST":
        result = signing.handle_post(request, page, page.get_url(request=request))
        if result.redirect is not None:
            return result.redirect
        return _problem_status_page(
            page,
            request,
            result,
            page.get_template(request),
            page.get_context(request, *args, **kwargs),
        )
    thanks = signing.read_thanks_token(page, request.GET.get("thanks"))
    form = None
    if not page.is_closed and not thanks:
        form = SignatureForm(initial={"source": clean_source(request.GET.get("source"))})
    context = page.get_context(request, *args, **kwargs)
    context.update(action_context(page, request, form=form, thanks=thanks))
    response = TemplateResponse(request, page.get_template(request), context)
    _set_cache_life(response, page, private=bool(thanks))
    return response


def _set_cache_life(response, page, private: bool) -> None:
    if private:
        # The thank-you is one signer's: never cached, never shared.
        patch_cache_control(response, private=True, no_store=True)
    else:
        response.page_cache_seconds = page.page_cache_seconds


def _live_action(model, page_id: int):
    page = model.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise Http404
    return page


# The widget is a form a partner's visitors fill in inside an iframe on the partner's site: no
# session, no cookie, no login is involved, so there is no CSRF token to check (docs/petitions.md).
@csrf_exempt
@frameable
@require_http_methods(["GET", "HEAD", "POST"])
def embed(request, kind: str, page_id: int):
    model = EMBED_KINDS.get(kind)
    if model is None:
        raise Http404
    page = _live_action(model, page_id).localized
    show_form = request.GET.get("form") == "1" or request.method == "POST"
    source = clean_source(request.GET.get("source") or request.POST.get("source"))
    base = {
        "page": page,
        "show_form": show_form,
        "source": source,
        # A Spanish partner page may embed an action not yet translated: its words keep their
        # own language for screen readers and translation tools; the widget's own are Spanish.
        "content_lang": _content_language(page),
    }
    if request.method == "POST":
        result = signing.handle_post(request, page, request.path)
        if result.redirect is not None:
            return result.redirect
        return _problem_status_page(page, request, result, "actions/embed.html", base)
    thanks = signing.read_thanks_token(page, request.GET.get("thanks"))
    form = None
    if show_form and not page.is_closed and not thanks:
        form = SignatureForm(initial={"source": source}, auto_id="embed-%s")
    context = {**base, **action_context(page, request, form=form, thanks=thanks)}
    sign_url = context["page_url"]
    context["sign_url"] = f"{sign_url}?{urlencode({'source': source})}" if source else sign_url
    response = render(request, "actions/embed.html", context)
    _set_cache_life(response, page, private=bool(thanks))
    return response


def _content_language(page) -> str:
    """The page's language where it differs from the widget's, else ""."""
    language = page.locale.language_code
    return "" if language == get_language() else language


def _cors(response: HttpResponse) -> HttpResponse:
    # Anyone may read the count (it is public); no credentials are ever involved.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Max-Age"] = "86400"
    return response


@require_http_methods(["GET", "HEAD", "OPTIONS"])
def action_count(request, page_id: int):
    """The live count of an action, in every language, for partners' sites and our own JS."""
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    page = (
        Page.objects.live()
        .public()
        .type(PetitionPage, PledgePage)
        .filter(pk=page_id)
        .specific()
        .first()
    )
    if page is None:
        return _cors(JsonResponse({"error": "not found"}, status=404))
    count = signing.signature_count(page.translation_key)
    response = JsonResponse(
        {
            "id": page.pk,
            "title": page.title,
            "url": signing.public_url(page),
            "count": count,
            "goal": signing.stepped_goal(page.goal, count),
            "closed": page.is_closed,
        }
    )
    response["Cache-Control"] = "public, max-age=5"
    return _cors(response)
