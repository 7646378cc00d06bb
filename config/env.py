"""One typed settings object, read from the environment.

Every setting Bluelight reads is a field here, with its variable name and default, so that
`docs/configuration.md` and the code cannot drift apart. Production refuses to start without a
secret key: there is no secret default outside development and tests.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent


class ConfigurationError(RuntimeError):
    pass


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"expected a yes/no value, got {value!r}")


def _list(value: str | None, default: list[str]) -> list[str]:
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Django DATABASES entry for `sqlite:///relative/or//absolute/path` or `postgres://u:p@h:port/db`."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        name = Path(path) if Path(path).is_absolute() else BASE_DIR / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(name),
            # WAL lets readers carry on while one writer writes; IMMEDIATE takes the write lock at
            # BEGIN so two writers queue instead of failing half-way through a transaction.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ConfigurationError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use sqlite:// or postgres://)")


def _whole(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise ConfigurationError(f"{name} must be from {low} to {high}, not {number}")
    return number


def _megabytes(value: str) -> int:
    try:
        megabytes = float(value)
    except ValueError:
        raise ConfigurationError(f"BLUELIGHT_UPLOAD_MAX_MB must be a number of megabytes, not {value!r}") from None
    if megabytes <= 0:
        raise ConfigurationError("BLUELIGHT_UPLOAD_MAX_MB must be more than 0")
    return int(megabytes * 1024 * 1024)


def _cache_url(value: str, database_url: str) -> str:
    value = value.strip()
    if value == "db" and database_url.startswith("sqlite"):
        # A task's progress is written while its import holds SQLite's one write lock: it would wait.
        raise ConfigurationError("BLUELIGHT_CACHE_URL=db needs PostgreSQL; with SQLite use a file:// folder or Redis")
    if value in {"", "db", "locmem"} or value.startswith(("redis://", "rediss://", "file:///")):
        return value
    raise ConfigurationError(
        f"BLUELIGHT_CACHE_URL must be empty, db, locmem, a file:/// folder or a redis:// address, not {value!r}"
    )


def caches(env: Env) -> dict:
    """Django's CACHES for BLUELIGHT_CACHE_URL. The default, a file cache in the data folder, is shared by
    the processes of one machine; several machines share the database (db) or a Redis server."""
    url = env.cache_url
    # Django's default of 300 entries would cull (at random) long before a large instance's pages are many.
    room = {"OPTIONS": {"MAX_ENTRIES": 5000}}
    if url == "db":
        return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "bluelight_cache",
                            **room}}  # fmt: skip
    if url.startswith(("redis://", "rediss://")):
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    if url == "locmem":
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    folder = unquote(urlparse(url).path) if url.startswith("file:///") else str(env.data_dir / "cache")
    return {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": folder, **room}}


def file_storage(env: Env) -> dict:
    """STORAGES["default"]: a folder here (BLUELIGHT_FILES_DIR), or an S3-compatible bucket."""
    if env.files_s3_bucket:
        options = {"bucket_name": env.files_s3_bucket, "location": env.files_s3_prefix, "default_acl": None,
                   "file_overwrite": False, "querystring_auth": True}  # fmt: skip
        if env.files_s3_endpoint_url:
            options["endpoint_url"] = env.files_s3_endpoint_url
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    location = env.files_dir or env.data_dir / "uploads"
    return {"BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location), "file_permissions_mode": 0o600,
                        "directory_permissions_mode": 0o700}}  # fmt: skip


@dataclass(frozen=True)
class Env:
    mode: str  # production | development | test
    secret_key: str
    database_url: str
    allowed_hosts: list[str] = field(default_factory=list)
    secure_cookies: bool = True
    protective_marking: str = "OFFICIAL"
    organisation_name: str = "Bluelight"
    data_dir: Path = BASE_DIR / "var"
    upload_max_bytes: int = 20 * 1024 * 1024
    idle_minutes: int = 30
    upload_keep_hours: int = 24
    session_hours: int = 10
    behind_proxy: bool = False
    ssl_redirect: bool = False
    hsts_seconds: int = 0
    files_dir: Path | None = None  # None: the data folder's uploads
    files_s3_bucket: str = ""
    files_s3_endpoint_url: str = ""
    files_s3_prefix: str = ""
    cache_url: str = ""  # "": a file cache in the data folder; file:///folder; db; redis://...; locmem
    worker_lost_seconds: int = 30
    email_url: str = ""  # "": written to the console; smtp://user:password@host:port, smtp+tls://, smtps://
    email_from: str = "bluelight@localhost"

    @property
    def debug(self) -> bool:
        return self.mode == "development"

    @classmethod
    def from_environ(cls, environ: dict[str, str] | None = None) -> Env:
        environ = dict(os.environ if environ is None else environ)
        mode = environ.get("BLUELIGHT_ENV", "production")
        if mode not in {"production", "development", "test"}:
            raise ConfigurationError(f"BLUELIGHT_ENV must be production, development or test, not {mode!r}")
        data_dir = Path(environ.get("BLUELIGHT_DATA_DIR", BASE_DIR / "var"))
        secret = environ.get("BLUELIGHT_SECRET_KEY", "")
        secret_file = environ.get("BLUELIGHT_SECRET_KEY_FILE")
        if not secret and secret_file:
            secret = Path(secret_file).read_text().strip()
        if not secret and (data_dir / "secret-key").is_file():
            # Written by `bluelight` on first use on this machine (mode 0600); see docs/configuration.md.
            secret = (data_dir / "secret-key").read_text().strip()
        if not secret:
            if mode == "production":
                raise ConfigurationError(
                    "BLUELIGHT_SECRET_KEY (or BLUELIGHT_SECRET_KEY_FILE) must be set in production"
                )
            secret = "insecure-" + secrets.token_urlsafe(32)
        default_db = f"sqlite:///{data_dir / 'bluelight.sqlite3'}"
        return cls(
            mode=mode,
            secret_key=secret,
            database_url=environ.get("DATABASE_URL", default_db),
            allowed_hosts=_list(environ.get("BLUELIGHT_ALLOWED_HOSTS"), ["127.0.0.1", "localhost"]),
            secure_cookies=_bool(environ.get("BLUELIGHT_SECURE_COOKIES"), mode == "production"),
            protective_marking=environ.get("BLUELIGHT_PROTECTIVE_MARKING", "OFFICIAL"),
            organisation_name=environ.get("BLUELIGHT_ORGANISATION_NAME", "Bluelight"),
            data_dir=data_dir,
            upload_max_bytes=_megabytes(environ.get("BLUELIGHT_UPLOAD_MAX_MB", "20")),
            upload_keep_hours=_whole(
                "BLUELIGHT_UPLOAD_KEEP_HOURS", environ.get("BLUELIGHT_UPLOAD_KEEP_HOURS", "24"), 1, 24 * 30
            ),
            idle_minutes=_whole("BLUELIGHT_IDLE_MINUTES", environ.get("BLUELIGHT_IDLE_MINUTES", "30"), 3, 24 * 60),
            session_hours=_whole("BLUELIGHT_SESSION_HOURS", environ.get("BLUELIGHT_SESSION_HOURS", "10"), 1, 24 * 7),
            behind_proxy=_bool(environ.get("BLUELIGHT_BEHIND_PROXY"), False),
            ssl_redirect=_bool(environ.get("BLUELIGHT_SSL_REDIRECT"), mode == "production"),
            hsts_seconds=_whole(
                "BLUELIGHT_HSTS_SECONDS",
                environ.get("BLUELIGHT_HSTS_SECONDS", "31536000" if mode == "production" else "0"),
                0,
                2 * 31536000,
            ),
            files_dir=Path(environ["BLUELIGHT_FILES_DIR"]) if environ.get("BLUELIGHT_FILES_DIR") else None,
            files_s3_bucket=environ.get("BLUELIGHT_FILES_S3_BUCKET", ""),
            files_s3_endpoint_url=environ.get("BLUELIGHT_FILES_S3_ENDPOINT_URL", ""),
            files_s3_prefix=environ.get("BLUELIGHT_FILES_S3_PREFIX", ""),
            cache_url=_cache_url(environ.get("BLUELIGHT_CACHE_URL", ""), environ.get("DATABASE_URL", default_db)),
            worker_lost_seconds=_whole("BLUELIGHT_WORKER_LOST_SECONDS",
                                       environ.get("BLUELIGHT_WORKER_LOST_SECONDS", "30"), 3, 3600),
            email_url=environ.get("BLUELIGHT_EMAIL_URL", ""),
            email_from=environ.get("BLUELIGHT_EMAIL_FROM", "bluelight@localhost"),
        )


def email(env: Env) -> dict:
    """Django's e-mail settings for BLUELIGHT_EMAIL_URL: the console by default (nothing leaves the
    machine); smtp://, smtp+tls:// (STARTTLS) or smtps:// (TLS from the start) to send."""
    settings = {"DEFAULT_FROM_EMAIL": env.email_from, "SERVER_EMAIL": env.email_from}
    if not env.email_url:
        return settings | {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    url = urlparse(env.email_url)
    if url.scheme not in {"smtp", "smtp+tls", "smtps"}:
        raise ConfigurationError(f"BLUELIGHT_EMAIL_URL must start smtp://, smtp+tls:// or smtps://, not {url.scheme!r}")
    return settings | {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": url.hostname or "localhost",
        "EMAIL_PORT": url.port or (465 if url.scheme == "smtps" else 587 if url.scheme == "smtp+tls" else 25),
        "EMAIL_HOST_USER": unquote(url.username or ""), "EMAIL_HOST_PASSWORD": unquote(url.password or ""),
        "EMAIL_USE_TLS": url.scheme == "smtp+tls", "EMAIL_USE_SSL": url.scheme == "smtps",
    }  # fmt: skip
