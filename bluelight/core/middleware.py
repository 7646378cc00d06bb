"""Session timeouts, security headers and the logging of refused access."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from bluelight.core import security
from bluelight.core.access import Refused

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

STARTED, SEEN = security.STARTED, security.SEEN
# A page's progress poll is not the person at the keyboard: it must not keep an idle session alive.
NOT_ACTIVITY = ("progress.json",)
# Writing the session on every request would cost a database write per page; a minute's
# precision in the idle timeout is enough.
SEEN_PRECISION_SECONDS = 60


class SessionTimeoutMiddleware:
    """Ends a session after BLUELIGHT_IDLE_MINUTES without activity or BLUELIGHT_SESSION_HOURS in all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            ended = self._check(request)
            if ended:
                security.log(security.Kind.SESSION_ENDED, request=request, detail=ended)
                logout(request)
                query = urlencode({"timeout": ended, "next": request.get_full_path()})
                return redirect(f"{reverse('login')}?{query}")
        return self.get_response(request)

    def _check(self, request) -> str | None:
        now = int(time.time())
        session = request.session
        started = session.setdefault(STARTED, now)
        seen = session.get(SEEN, now)
        timeouts = settings.BLUELIGHT
        if now - started > timeouts["SESSION_SECONDS"]:
            return "absolute"
        if now - seen > timeouts["IDLE_SECONDS"]:
            return "idle"
        if not request.path.endswith(NOT_ACTIVITY) and (SEEN not in session or now - seen >= SEEN_PRECISION_SECONDS):
            session[SEEN] = now
        return None


class SecurityHeadersMiddleware:
    """A strict content security policy everywhere; signed-in pages are never stored by a browser or proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, (PermissionDenied, Refused)):
            security.log_refusal(request, exception)
        return None
