from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.sitemaps import MultilingualSitemap
from home import views as home_views

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.health, name="health"),
    # Wagtail's view hands the sitemap the request (Django's would build it without one).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Email providers' tracking webhooks (bounces, complaints), behind ANYMAIL_WEBHOOK_SECRET.
    path("anymail/", include("core.outbox.urls")),
    path("", include("states.urls")),
    path("", include("stories.urls")),
    # Public JSON for partners' sites (a petition's live count), with CORS.
    path("api/", include("actions.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Uploads as the media host serves them: SVG files sandboxed (docs/security.md).
    urlpatterns += static(
        settings.MEDIA_URL, view=core_views.media, document_root=settings.MEDIA_ROOT
    )

# Everything a visitor reads carries its language in the URL: /en/..., /es/...
# A bare "/" is redirected by LocaleMiddleware according to Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include("actions.urls")),
    # Wagtail's page view, wrapped to let chosen pages take posts without a CSRF token. Not for
    # Wagtail's own /_util/ views (the password form of a protected page), which follow below.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", core_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
