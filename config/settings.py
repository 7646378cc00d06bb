"""Django settings, all derived from the typed `Env` read from the environment (see config/env.py)."""

from config.env import BASE_DIR, Env, caches, database_from_url, email, file_storage

ENV = Env.from_environ()

SECRET_KEY = ENV.secret_key
DEBUG = ENV.debug
ALLOWED_HOSTS = ENV.allowed_hosts
ENV.data_dir.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "bluelight.core",
    "bluelight.programmes",
    "bluelight.status",
    "bluelight.benefits",
    "bluelight.reports",
    "bluelight.governance",
    "bluelight.exchange",
    "bluelight.api",
    "bluelight.practice",
    "bluelight.evidence",
    "bluelight.hotspots",
    "bluelight.cover",
    "bluelight.demand",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bluelight.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "bluelight.core.middleware.SessionTimeoutMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "bluelight" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bluelight.core.context_processors.site",
            ],
        },
    }
]

DATABASES = {"default": database_from_url(ENV.database_url)}
CACHES = caches(ENV)
globals().update(email(ENV))  # EMAIL_BACKEND and the rest: the console unless BLUELIGHT_EMAIL_URL says
# Background work (imports, exports, analyses): Django's tasks framework, kept in the database, so any
# worker on any machine can claim a task and no two take the same one.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "programme-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = ENV.data_dir / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "build" / "static", BASE_DIR / "bluelight" / "static"]
STORAGES = {
    # Uploaded papers and workbooks, generated exports: a folder here, or an S3-compatible bucket.
    "default": file_storage(ENV),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if ENV.mode == "production"
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = ENV.mode != "production"

SESSION_COOKIE_SECURE = ENV.secure_cookies
CSRF_COOKIE_SECURE = ENV.secure_cookies
if ENV.secure_cookies:
    # __Host- cookies are refused by browsers unless Secure, for this host only and path /.
    SESSION_COOKIE_NAME = "__Host-bluelight-session"
    CSRF_COOKIE_NAME = "__Host-bluelight-csrf"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = ENV.session_hours * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_SSL_REDIRECT = ENV.ssl_redirect
SECURE_HSTS_SECONDS = ENV.hsts_seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = ENV.hsts_seconds > 0
SECURE_HSTS_PRELOAD = ENV.hsts_seconds > 0
if ENV.behind_proxy:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

BLUELIGHT = {
    "PROTECTIVE_MARKING": ENV.protective_marking,
    "ORGANISATION_NAME": ENV.organisation_name,
    # Files kept under generated names, where the default storage is a folder here (backed up with the database).
    "UPLOAD_DIR": ENV.files_dir or ENV.data_dir / "uploads",
    "UPLOAD_MAX_BYTES": ENV.upload_max_bytes,
    # A workbook uploaded for import waits this long for "Import now" after its check, then is removed.
    "UPLOAD_KEEP_SECONDS": ENV.upload_keep_hours * 60 * 60,
    "IDLE_SECONDS": ENV.idle_minutes * 60,
    # A task worker not heard from for this long is taken to have stopped, and its task is failed.
    "WORKER_LOST_SECONDS": ENV.worker_lost_seconds,
    "SESSION_SECONDS": ENV.session_hours * 60 * 60,
    # The warning before the idle timeout (WCAG 2.2.1: at least 20 seconds to extend).
    "IDLE_WARNING_SECONDS": 120,
}
# Django refuses request bodies beyond this before any view runs; the upload check gives the friendly message.
DATA_UPLOAD_MAX_MEMORY_SIZE = ENV.upload_max_bytes + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = ENV.upload_max_bytes + 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
