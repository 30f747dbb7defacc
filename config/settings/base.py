"""Settings for every environment, driven by environment variables.

Development works with no variables at all (SQLite file, console email, local-memory cache).
Production sets DEBUG=0 and must provide SECRET_KEY; see the README's table of variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A guessable key would let anyone forge sessions and signed links.
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "stories",
    "testimonials",
    "states",
    "actions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "anymail",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached pages get the headers of the settings now in force.
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.SecurityHeadersMiddleware",
    # Permissions-Policy from settings.PERMISSIONS_POLICY.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before sessions and auth, so a cached page costs no database query.
    "core.page_cache.AnonymousPageCacheMiddleware",
    # Site-wide data (Site, locales, settings, routes, menus) read once per publish, not per page.
    "core.site_cache.SiteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A view that finds the database gone answers with a friendly 503 (core/resilience.py).
    "core.resilience.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file in the repository by default; PostgreSQL (psycopg 3) when DATABASE_URL says so.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue on the busy
        # timeout instead of failing with "database is locked" when upgrading a read lock.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# Connections are kept between requests: opening one costs more than rendering a page's queries
# (SQLite: ~1 ms of CPU for the pragmas and Django's SQL functions; PostgreSQL: a TCP and auth
# round trip). Health checks replace one that the server dropped.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source, Spanish the first translation. Adding a language is an entry
# here and a catalogue in locale/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# locale_wagtail/: Spanish for a few of Wagtail's own admin strings its catalogue lacks.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible object storage when a bucket is named (django-storages[s3], installed
# for such deployments: docs/deployment.md). Keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY; the media host goes in CSP_MEDIA_HOSTS.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            # Public media at stable addresses that browsers and a CDN may keep for a day.
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }

# Cache: local memory by default; Redis when REDIS_URL is set (shared across processes).
# A Redis that stalls or vanishes costs speed, never availability (core/redis_cache.py): a call
# waits at most the timeouts below, then Redis is skipped for REDIS_RETRY_SECONDS.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_CONNECT_TIMEOUT = float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5"))
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))


def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "core.redis_cache.ResilientRedisClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": REDIS_CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    # Per process. Room for the page cache and the site cache of the pages a spike reads (Django's
    # default, 300 entries, evicts them as they are made), some 40 MB at most per process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }


# The public data the importers read (never committed): by default the shared data folder
# beside the repository, when there is one.
def _shared_data(relative: str) -> str:
    for folder in (BASE_DIR.parent / "shared" / "data", Path("/work/shared/data")):
        if (folder / relative).exists():
            return str(folder / relative)
    return ""


# Members of Congress and the ZIP-to-district table (manage.py import_legislators, docs/legislators.md):
# a folder holding the publishers' five files, or a base URL; empty means the publishers' URLs.
LEGISLATOR_DATA_DIR = os.environ.get(
    "LEGISLATOR_DATA_DIR", os.path.dirname(_shared_data("legislators-current.yaml"))
)
# `manage.py demo` imports the data when it can be read (off in tests: they import explicitly).
LEGISLATOR_DEMO_IMPORT = env_bool("LEGISLATOR_DEMO_IMPORT", True)
# State legislators (manage.py import_state_legislators, docs/legislators.md): Open States' people
# data and the ZIP-to-state-district relation, each a folder, an archive or an archive's URL.
STATE_LEGISLATOR_DATA = os.environ.get("STATE_LEGISLATOR_DATA", _shared_data("openstates"))
STATE_ZIP_DISTRICT_DATA = os.environ.get(
    "STATE_ZIP_DISTRICT_DATA", _shared_data("zip-state-districts")
)


# The scorecard research (manage.py import_scorecard, docs/scorecard.md) and the federal bill list
# (manage.py import_bills): CSV paths or URLs; `make demo` imports both.
SCORECARD_DATA = os.environ.get("SCORECARD_DATA", _shared_data("scorecard/assessments.csv"))
FEDERAL_BILLS_DATA = os.environ.get("FEDERAL_BILLS_DATA", _shared_data("federal-bills.csv"))

# Anonymous page cache (core/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Site-wide data, routes and stored page fragments (core/site_cache.py), kept until the next
# publish; this only bounds memory. 0 turns it off (the benchmarks' "cold" pages).
SITE_CACHE_SECONDS = int(os.environ.get("SITE_CACHE_SECONDS", "3600"))
# How long a process keeps the cache generation it read from the database (core/generation.py):
# a publish reaches every process within this many seconds, with or without a shared cache.
CACHE_GENERATION_SECONDS = float(os.environ.get("CACHE_GENERATION_SECONDS", "1"))

# CDN purge on publish (wagtail.contrib.frontend_cache), configured only by the environment.
WAGTAILFRONTENDCACHE: dict = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
elif os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
            "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
        }
    }
# Installed only with a CDN to purge: without one, its handler would still work out the URLs of
# every page published, to purge nowhere.
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Email: django-anymail sends everything. EMAIL_BACKEND picks the provider, for example
# "anymail.backends.postmark.EmailBackend" with ANYMAIL_POSTMARK_SERVER_TOKEN set.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "emails"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "End QI Campaign <hello@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_") and value
}
# A call to the provider waits at most this long to connect and as long again for the answer, so
# a send always ends well inside OUTBOX_SENDING_LEASE_SECONDS (core.E003 checks it).
ANYMAIL["REQUESTS_TIMEOUT"] = float(ANYMAIL.get("REQUESTS_TIMEOUT", 12))

# Background tasks: django-tasks with the database backend; `manage.py db_worker` runs them.
# TASKS_IMMEDIATE=1 runs every task inline instead (no worker needed; the test settings do this).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE", False)
            else os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
        ),
    }
}
# An email "sending" this long, or a task RUNNING this long, has lost its worker (killed, its
# machine gone) and is sent or run again: with a worker back, within the lease and a minute of
# maintenance. Every task here is idempotent, and a send gives up well within its lease
# (ANYMAIL_REQUESTS_TIMEOUT; core.E003). Finished results are kept this many days (docs/email.md).
OUTBOX_SENDING_LEASE_SECONDS = int(os.environ.get("OUTBOX_SENDING_LEASE_SECONDS", "45"))
TASKS_RUNNING_LEASE_SECONDS = int(os.environ.get("TASKS_RUNNING_LEASE_SECONDS", "60"))
TASKS_RESULT_RETENTION_DAYS = int(os.environ.get("TASKS_RESULT_RETENTION_DAYS", "14"))
# How often the worker runs that safety net (core/outbox/maintenance.py).
OUTBOX_MAINTENANCE_INTERVAL_SECONDS = int(
    os.environ.get("OUTBOX_MAINTENANCE_INTERVAL_SECONDS", "60")
)

# The outbox (core/outbox): failed sends are retried with exponential back-off for this long.
OUTBOX_RETRY_FOR_SECONDS = int(os.environ.get("OUTBOX_RETRY_FOR_SECONDS", str(26 * 3600)))
# Emails are signed with the organization name editors set in the site settings (home).
OUTBOX_SITE_NAME_FIELD = "home.SiteSettings.organization_name"

# Spam defences shared by public forms (core/spam.py).
SPAM_MIN_FILL_SECONDS = float(os.environ.get("SPAM_MIN_FILL_SECONDS", "3"))
SPAM_RATE_LIMIT_COUNT = int(os.environ.get("SPAM_RATE_LIMIT_COUNT", "20"))
SPAM_RATE_LIMIT_WINDOW = int(os.environ.get("SPAM_RATE_LIMIT_WINDOW", "3600"))
# Signatures (actions/signing.py): more per IP than other forms, since a whole campus or office
# may sign from one address after the same email; the bench raises it (docs/petitions.md).
SIGNATURE_RATE_LIMIT_COUNT = int(os.environ.get("SIGNATURE_RATE_LIMIT_COUNT", "100"))
# Searches the page cache did not answer, per client address and minute (site search and the
# story index's words filter); past it, a friendly 429 asks the visitor to wait a minute.
SEARCH_RATE_LIMIT_COUNT = int(os.environ.get("SEARCH_RATE_LIMIT_COUNT", "30"))
SEARCH_RATE_LIMIT_WINDOW = int(os.environ.get("SEARCH_RATE_LIMIT_WINDOW", "60"))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "End Qualified Immunity")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CampaignImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# SVG for partners' logos, checked on upload (core/svg.py) and sandboxed wherever media are
# served (docs/security.md, "SVG images"); templates add preserve-svg to every image tag.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.svg.SafeSvgImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "gif", "bmp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# "Translate this page" creates the Spanish page as a draft, not live with the English words
# still in it: it goes live when an editor publishes it from the translation editor
# (wagtail-localize's default copies the source's live status).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# The largest POST a page's form may send (core.views.serve answers 413 above it); pages that
# check sizes themselves (the voice form's photo, signatures) opt out with max_post_bytes = None.
PAGE_POST_MAX_BYTES = int(os.environ.get("PAGE_POST_MAX_BYTES", str(64 * 1024)))

# Security defaults that do no harm in development; production adds HTTPS-only settings.
# docs/security.md explains each header and tests/security/ scores them with the MDN HTTP
# Observatory's rules.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Set by core.security.SecurityHeadersMiddleware (Django has no setting for it); the
# Permissions-Policy below by django-permissions-policy.
SECURE_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}
X_FRAME_OPTIONS = "DENY"
# A form whose CSRF token is missing, forged or stale gets a friendly 403 in the visitor's language.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# No third-party requests from the admin either: Wagtail would otherwise fetch every editor's
# avatar from gravatar.com and check releases.wagtail.org for new versions.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Content-Security-Policy (django-csp 4). Public pages: nothing inline, nothing from elsewhere
# except what the environment names: CSP_MEDIA_HOSTS (e.g. a CDN or bucket serving images) and
# CSP_PLAYER_HOSTS (players the embed block may show). default-src 'none' means every kind of
# resource must be allowed by name below.
CSP_MEDIA_HOSTS = env_list("CSP_MEDIA_HOSTS")
CSP_PLAYER_HOSTS = env_list(
    "CSP_PLAYER_HOSTS",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_HOSTS],
        "media-src": ["'self'", *CSP_MEDIA_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": CSP_PLAYER_HOSTS or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Over plain HTTP (runserver) upgrading would break every asset.
        "upgrade-insecure-requests": not DEBUG,
    }
}
# The Wagtail admin writes inline scripts and styles (widgets, panels, Draftail) and previews
# pages in an iframe of its own, so it gets a looser policy (core.security swaps it in for
# CSP_ADMIN_PREFIXES). It is still closed to other origins' scripts, plugins and framing.
CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_HOSTS],
        "media-src": ["'self'", "blob:", *CSP_MEDIA_HOSTS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_PLAYER_HOSTS],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "upgrade-insecure-requests": not DEBUG,
    }
}
# Who may frame views marked with core.security.allow_framing (the partners' embeds).
EMBED_FRAME_ANCESTORS = env_list("EMBED_FRAME_ANCESTORS", "https:")

# Client IP addresses (core/client_ip.py: rate limits, IP hashes, logs), only ever stored as keyed
# hashes (core/privacy.py). Behind N reverse proxies that append to X-Forwarded-For, set
# TRUSTED_PROXY_COUNT=N; otherwise REMOTE_ADDR is used. SPAM_TRUSTED_PROXIES is its old name, still
# read when TRUSTED_PROXY_COUNT is unset (core.W002 warns when both are set and disagree).
IP_HASH_KEY = os.environ.get("IP_HASH_KEY", "")


def env_trusted_proxy_count(environ=os.environ) -> int:
    return int(environ.get("TRUSTED_PROXY_COUNT") or environ.get("SPAM_TRUSTED_PROXIES") or "0")


TRUSTED_PROXY_COUNT = env_trusted_proxy_count()

# Supporters' submissions (signatures, letters) are anonymised this many days after their action
# closes, by `manage.py apply_retention` (core/personal_data.py, docs/privacy.md).
RETENTION_DAYS_AFTER_CLOSE = int(os.environ.get("RETENTION_DAYS_AFTER_CLOSE", "365"))

# The friendly 503 page's Retry-After, in seconds.
DATABASE_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("DATABASE_UNAVAILABLE_RETRY_AFTER", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; the admin's history already records them.
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Demo content (`make demo`): the admin login it creates on a development machine.
DEMO_ADMIN_USERNAME = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "campaign-demo-2026")
