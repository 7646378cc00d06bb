"""What every API endpoint shares: token sign-in, one JSON shape for errors, pagination.

An error is always {"error": {"status": 404, "code": "not_found", "message": "...", "fields": {...}}};
`fields` (present for 400) maps each field to its messages; a 409 for a stale version adds
"yours" and "saved": the fields sent, as sent and as now saved (see views._stale).
"""

from __future__ import annotations

import functools
import json

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from bluelight.api import tokens
from bluelight.core import security
from bluelight.core.access import Refused
from bluelight.core.history import Conflict

PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE = 50, 500, 1_000_000
CODES = {400: "invalid", 401: "unauthorised", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict"}  # fmt: skip


class ApiError(Exception):
    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def error_response(status: int, message: str, **extra) -> JsonResponse:
    body = {"status": status, "code": CODES.get(status, "error"), "message": message, **extra}
    return JsonResponse({"error": body}, status=status)


def _token(request) -> str:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _storable(value) -> bool:
    """Text the databases can keep: no NUL character (PostgreSQL refuses it), no lone surrogate."""
    if isinstance(value, str):
        return "\x00" not in value and not any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return all(_storable(k) and _storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(v) for v in value)
    return True


def body_of(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    if not _storable(data):
        raise ApiError(400, "The request body holds a character that cannot be stored (NUL or a lone surrogate).")
    return data


def endpoint(*methods: str):
    """An API view: signed in by a personal token (never by cookie, so no CSRF), errors as JSON."""

    def wrap(view):
        @csrf_exempt
        @login_not_required
        @functools.wraps(view)
        def run(request, *args, **kwargs):
            user = tokens.user_for(_token(request))
            if user is None:
                security.log(security.Kind.API_REFUSED, request=request, detail="no valid token")
                response = error_response(401, "Send a valid personal API token: Authorization: Bearer <token>.")
                response["WWW-Authenticate"] = 'Bearer realm="bluelight"'
                return response
            request.user = user
            if request.method not in methods:
                response = error_response(405, f"Use {' or '.join(methods)} here.")
                response["Allow"] = ", ".join(methods)
                return response
            if not _storable([*request.GET.values(), *map(str, kwargs.values())]):
                return error_response(400, "The address holds a NUL character.")
            try:
                return view(request, *args, **kwargs)
            except ApiError as error:
                return error_response(error.status, error.message, **error.extra)
            except Conflict as error:
                return error_response(409, str(error))
            except ValidationError as error:
                fields = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
                return error_response(400, "Some fields are not right: see fields.", fields=fields)
            except Refused as error:
                security.log_refusal(request, error)
                return error_response(404, "Not found.")
            except Http404:
                return error_response(404, "Not found.")
            except PermissionDenied as error:
                security.log_refusal(request, error)
                return error_response(403, str(error) or "Your role does not allow this.")

        return run

    return wrap


def page_of(request, queryset, shape) -> dict:
    """?page=N&page_size=M (at most 500): the items of that page and where the next one is."""
    try:
        number, size = int(request.GET.get("page", 1)), int(request.GET.get("page_size", PAGE_SIZE))
    except ValueError:
        raise ApiError(400, "page and page_size must be whole numbers.") from None
    if not (1 <= number <= MAX_PAGE and 1 <= size <= MAX_PAGE_SIZE):
        raise ApiError(400, f"page must be from 1 to {MAX_PAGE} and page_size from 1 to {MAX_PAGE_SIZE}.")
    total = queryset.count()
    items = [shape(item) for item in queryset[(number - 1) * size : number * size]]
    more = number * size < total
    return {"count": total, "page": number, "page_size": size, "next_page": number + 1 if more else None,
            "results": items}  # fmt: skip
