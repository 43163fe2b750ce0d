"""duban settings, driven by environment variables (see README)."""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {value!r}")


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envdate(name: str) -> date | None:
    value = os.getenv(name, "").strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None


DEBUG = envbool("DUBAN_DEBUG", "1")
# DUBAN_DEBUG as configured: the test runner turns DEBUG off for every test, this stays.
DUBAN_PRODUCTION = not DEBUG
SECRET_KEY = os.getenv("DUBAN_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DUBAN_SECRET_KEY must be set when DUBAN_DEBUG is off")
    SECRET_KEY = "duban-development-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = [h for h in os.getenv("DUBAN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("DUBAN_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Uploaded notices, evidence files and the default SQLite database live here, outside the web root.
DATA_DIR = Path(os.getenv("DUBAN_DATA_DIR", "var")).resolve()
# SQLite cannot create the folder of its file, and `check` already opens the database.
DATA_DIR.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = DATA_DIR / "files"
# Notices uploaded for import wait here, named by their sha256, until the office confirms them.
UPLOAD_DIR = DATA_DIR / "uploads"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "duban.audit",
    "duban.ledger",
    "duban.accounts",
    "duban.targets",
    "duban.progress",
    "duban.supervision",
    "duban.dashboards",
    "duban.public",
    "duban.exports",
    "duban.bulletins",
    "duban.api",
    # django.tasks' database backend: the queue `duban db_worker` runs (see README). Before
    # duban.jobs, whose admin replaces its task results' admin.
    "django_tasks_db",
    "duban.jobs",
    # django-ninja's templates and static files: its docs page loads no CDN script.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "duban.urls"
WSGI_APPLICATION = "duban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "duban.accounts.context_processors.access",
            ],
        },
    },
]

if os.getenv("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # The pages' filtered subqueries look costly to the planner, which then compiles them
        # with JIT: hundreds of milliseconds for queries that run in a few. Web pages read
        # little per query; JIT pays off only for analytics. A random read costs little more
        # than a sequential one on SSDs and in cache, where duban's data live: at the default
        # (4, for spinning disks) the planner scanned every cycle once per exported task
        # rather than look five up by key (the 10⁵-row export's query, 7.1 → 1.4 s).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            "-c jit=off -c random_page_cost=1.1"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "duban.sqlite3",
            # WAL and a busy timeout let several workers share the file without "database is locked".
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long work (imports, large exports, PDFs, bulletins, status refreshes) is queued in the
# database and run by `duban db_worker` processes (`make run` starts one; see README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Log-in throttling (django-axes). Its backend comes first, so a locked-out attempt is refused
# before ModelBackend spends a password hash on it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures counted separately per user name and per address; either reaching the limit locks.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = envint("DUBAN_LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("DUBAN_LOGIN_COOLOFF_MINUTES", "30"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "duban.accounts.views.locked_out"
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy's address: the client's is read
# from X-Forwarded-For, this many entries from the right (see README, Production).
DUBAN_PROXY_COUNT = envint("DUBAN_PROXY_COUNT", "0")
AXES_CLIENT_IP_CALLABLE = "duban.accounts.lockouts.client_ip"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = os.getenv("DUBAN_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "accounts:login"

# Uploaded notices larger than this are refused before parsing.
DUBAN_MAX_UPLOAD_BYTES = envint("DUBAN_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))
# Evidence files attached to progress reports or 督办单 反馈 larger than this are refused.
DUBAN_MAX_EVIDENCE_BYTES = envint("DUBAN_MAX_EVIDENCE_BYTES", str(10 * 1024 * 1024))

# Requests each API token may make: "<count>/<s|m|h|d>" (django-ninja's throttle rate).
API_RATE_LIMIT = os.environ.get("DUBAN_API_RATE_LIMIT", "600/m")

# A request body (forms, not files) over this is refused with 400 as it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded files over this go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# The size check runs while the body streams in, so an oversized upload is refused at its header.
FILE_UPLOAD_HANDLERS = [
    "duban.lib.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Development prints mail on the console; production sends it (reminders, 督办单, error mails).
_EMAIL_BACKEND = os.getenv(
    "DUBAN_EMAIL_BACKEND",
    f"django.core.mail.backends.{'console' if DEBUG else 'smtp'}.EmailBackend",
)
# Django 6.1 configures mail as MAILERS; only the SMTP backend takes connection options.
MAILERS = {"default": {"BACKEND": _EMAIL_BACKEND}}
if _EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": os.getenv("DUBAN_EMAIL_HOST", "localhost"),
        "port": envint("DUBAN_EMAIL_PORT", "25"),
        "username": os.getenv("DUBAN_EMAIL_USER", ""),
        "password": os.getenv("DUBAN_EMAIL_PASSWORD", ""),
        "use_tls": envbool("DUBAN_EMAIL_USE_TLS", "0"),
    }
DEFAULT_FROM_EMAIL = os.getenv("DUBAN_FROM_EMAIL", "duban@localhost")

# Links in e-mails are absolute: the address users reach duban at, without a trailing slash.
SITE_URL = os.getenv("DUBAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Supervision (`duban remind` runs daily).
# Days before a report's due date that its unit's liaisons get the first reminder.
DUBAN_REMIND_DAYS = envint("DUBAN_REMIND_DAYS", "3")
# The day duban takes as today, for a demo or training copy whose data belong to another
# year (`make run` sets the demo's); unset, it is the real date.
DUBAN_TODAY = envdate("DUBAN_TODAY")
# Days past the due date after which a missing report is 严重逾期.
DUBAN_REMIND_SERIOUS_DAYS = envint("DUBAN_REMIND_SERIOUS_DAYS", "10")
# Days after a 督办单's response deadline before it escalates to the next tier.
DUBAN_NOTICE_ESCALATE_AFTER_DAYS = envint("DUBAN_NOTICE_ESCALATE_AFTER_DAYS", "0")
# The 编号 a 督办单 is issued under: {year} its year, {seq} its running number in that year
# (the office's prefix, e.g. "鹿督〔{year}〕{seq}号").
DUBAN_SUPERVISION_NOTICE_NUMBER = os.getenv(
    "DUBAN_SUPERVISION_NOTICE_NUMBER", "督办〔{year}〕{seq}号"
)
if "{seq}" not in DUBAN_SUPERVISION_NOTICE_NUMBER:
    raise ImproperlyConfigured("DUBAN_SUPERVISION_NOTICE_NUMBER must contain {seq}")
# Policy, so set in local_settings.py rather than the environment; keys given here override
# duban.supervision's defaults: response days per 督办单 tier (models.DEFAULT_RESPONSE_DAYS,
# e.g. {"warn": 4}) and the red/yellow thresholds (status.DEFAULT_THRESHOLDS).
DUBAN_NOTICE_RESPONSE_DAYS: dict[str, int] = {}
DUBAN_STATUS_THRESHOLDS: dict[str, float] = {}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("DUBAN_SECURE_COOKIES", "0")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS: set when duban is only reached over HTTPS (see README, Production).
SECURE_HSTS_SECONDS = envint("DUBAN_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DUBAN_HSTS_INCLUDE_SUBDOMAINS", "0")
SECURE_SSL_REDIRECT = envbool("DUBAN_SSL_REDIRECT", "0")
if SECURE_SSL_REDIRECT:
    # The proxy terminates TLS and says so; without this every request would redirect forever.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Errors: tracebacks to DUBAN_DATA_DIR/duban.log and stderr, and by mail to ADMINS.
ADMINS = [a.strip() for a in os.getenv("DUBAN_ADMINS", "").split(",") if a.strip()]
SERVER_EMAIL = os.getenv("DUBAN_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {process:d}: {message}", "style": "{"},
    },
    "handlers": {
        "file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": DATA_DIR / "duban.log",
            # Opened at the first entry, so commands that log nothing leave no file behind.
            "delay": True,
            "formatter": "plain",
            "level": "WARNING",
        },
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain", "level": "WARNING"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "loggers": {
        "django": {"handlers": ["file", "stderr", "mail_admins"], "level": "INFO"},
        # Every 404 and 400 would otherwise be a warning line; 500s are errors.
        "django.request": {"level": "ERROR"},
        "duban": {"handlers": ["file", "stderr", "mail_admins"], "level": "INFO"},
    },
}

# An existence check rather than `except ImportError`, so a broken local_settings.py fails loudly.
if (BASE_DIR / "local_settings.py").exists():
    from .local_settings import *  # noqa: F403
