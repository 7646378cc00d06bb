"""The OpenAPI 3.1 document at /api/v1/openapi.json, built from the same field declarations and
answer schemas the endpoints use, so the description and the behaviour cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from bluelight.api import actions, benefit_summary, benefits, demand, meetings, risks, views
from bluelight.api.fields import Integer, item_schema
from bluelight.api.schemas import ERROR, listing

SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 80}
PARAMETERS = {
    "slug": (SLUG, "The programme's short name, e.g. essex-escp."),
    "key": (SLUG, "The record's short name (key) in the programme."),
    "label": ({"type": "string", "minLength": 1, "maxLength": 40}, "The reporting period's label, e.g. 2024/25."),
    "number": ({"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, "The record's number: 3 for R3 or A3."),
    "meeting_id": ({"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, "The meeting's id."),
    "service": ({"type": "string", "pattern": "^[A-Za-z0-9]+$", "maxLength": 20}, "The requesting service's short code."),
    "reference": ({"type": "string", "pattern": "^[-A-Za-z0-9_.]+$", "maxLength": 100},
                  "The requesting service's incident reference."),
}
FILTERS = {
    "workstreams": ("stage", "lead", "marking"),
    "benefits": ("workstream", "status", "kind", "marking"),
    "risks": ("status", "workstream", "kind"),
    "meetings": ("status",),
    "decisions": ("outcome",),
    "actions": ("status", "owner_organisation", "workstream"),
    "requests": ("type", "requesting", "receiving"),
}
WHY = {400: "Input not right: `fields` names each field.", 401: "No valid personal API token.",
       403: "Your role does not allow this.", 404: "Not found, or not yours to see or change.",
       405: "This address does not take that method.",
       409: "The record changed since the version you sent: `yours` and `saved` hold both."}  # fmt: skip


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    summary: str
    answer: dict
    tag: str
    body: dict | None = None  # fields
    partial: bool = False  # a change: only what is sent, plus `version`
    status: int = 200
    listing: str = ""  # the name of the list, for its filters

    @property
    def errors(self) -> list[int]:
        codes = [401, 404, 405]
        if self.listing or self.body is not None:
            codes.append(400)
        if self.body is not None:
            codes += [403, 409]
        return sorted(codes)


P = "/api/v1/programmes/{slug}"
OPERATIONS = [
    Operation("/api/v1/programmes/", "get", "The programmes you belong to", listing(views.PROGRAMME), "programmes",
              listing="programmes"),
    Operation(f"{P}/", "get", "One programme", views.PROGRAMME, "programmes"),
    Operation(f"{P}/", "patch", "Change a programme's settings (programme office)", views.PROGRAMME, "programmes",
              body=views.PROGRAMME_CHANGES, partial=True),
    Operation(f"{P}/periods/", "get", "Reporting periods", listing(views.PERIOD), "ratings", listing="periods"),
    Operation(f"{P}/periods/{{label}}/ratings/", "get", "Every rating you may see for one period",
              listing(views.RATING), "ratings", listing="ratings"),
    Operation(f"{P}/workstreams/", "get", "Workstreams you may see", listing(views.WORKSTREAM), "workstreams",
              listing="workstreams"),
    Operation(f"{P}/workstreams/", "post", "Add a workstream (programme office)", views.WORKSTREAM, "workstreams",
              body=views.WORKSTREAM_FIELDS, status=201),
    Operation(f"{P}/workstreams/{{key}}/", "get", "One workstream", views.WORKSTREAM, "workstreams"),
    Operation(f"{P}/workstreams/{{key}}/", "patch", "Change a workstream", views.WORKSTREAM, "workstreams",
              body=views.WORKSTREAM_CHANGES, partial=True),
    Operation(f"{P}/workstreams/{{key}}/ratings/", "get", "A workstream's ratings, period by period",
              listing(views.RATING), "ratings", listing="ratings"),
    Operation(f"{P}/workstreams/{{key}}/ratings/{{label}}/", "get", "A workstream's rating for one period",
              views.RATING, "ratings"),
    Operation(f"{P}/workstreams/{{key}}/ratings/{{label}}/", "put",
              "Record or revise a period's rating (201 when new, 200 when revised)", views.RATING, "ratings",
              body=views.RATING_FIELDS, status=201),
    Operation(f"{P}/benefits/", "get", "Benefits you may see, with their profiles", listing(benefits.BENEFIT),
              "benefits", listing="benefits"),
    Operation(f"{P}/benefits/", "post", "Add a benefit with its profile", benefits.BENEFIT, "benefits",
              body=benefits.BENEFIT_FIELDS, status=201),
    Operation(f"{P}/benefits/{{key}}/", "get", "One benefit", benefits.BENEFIT, "benefits"),
    Operation(f"{P}/benefit-summary/", "get", "The three totals against the target, the present value and the "
              "totals by kind of value", benefit_summary.SUMMARY, "benefits"),
    Operation(f"{P}/benefits/{{key}}/", "patch", "Change a benefit or replace its profile", benefits.BENEFIT,
              "benefits", body=benefits.BENEFIT_CHANGES, partial=True),
    Operation(f"{P}/risks/", "get", "The risk register", listing(risks.RISK), "risks", listing="risks"),
    Operation(f"{P}/risks/", "post", "Add a risk or issue", risks.RISK, "risks", body=risks.RISK_FIELDS,
              status=201),
    Operation(f"{P}/risks/{{number}}/", "get", "One risk", risks.RISK, "risks"),
    Operation(f"{P}/risks/{{number}}/", "patch", "Change a risk (a new score is kept as a review)", risks.RISK,
              "risks", body=risks.RISK_CHANGES, partial=True),
    Operation(f"{P}/meetings/", "get", "Board meetings", listing(meetings.MEETING), "meetings",
              listing="meetings"),
    Operation(f"{P}/meetings/", "post", "Schedule a meeting (programme office)", meetings.MEETING, "meetings",
              body=meetings.MEETING_FIELDS, status=201),
    Operation(f"{P}/meetings/{{meeting_id}}/", "get", "One meeting with its agenda", meetings.MEETING, "meetings"),
    Operation(f"{P}/meetings/{{meeting_id}}/", "patch", "Change a meeting (programme office)", meetings.MEETING,
              "meetings", body=meetings.MEETING_CHANGES, partial=True),
    Operation(f"{P}/meetings/{{meeting_id}}/agenda/{{number}}/decisions/", "get", "Decisions on one agenda item",
              listing(meetings.DECISION), "decisions", listing="decisions"),
    Operation(f"{P}/meetings/{{meeting_id}}/agenda/{{number}}/decisions/", "post",
              "Record the board's decision on an agenda item", meetings.DECISION, "decisions",
              body=meetings.DECISION_FIELDS, status=201),
    Operation(f"{P}/decisions/", "get", "The decision log", listing(meetings.DECISION), "decisions",
              listing="decisions"),
    Operation(f"{P}/actions/", "get", "The action log", listing(actions.ACTION), "actions", listing="actions"),
    Operation(f"{P}/actions/", "post", "Add an action (programme office)", actions.ACTION, "actions",
              body=actions.ACTION_FIELDS, status=201),
    Operation(f"{P}/actions/{{number}}/", "get", "One action", actions.ACTION, "actions"),
    Operation(f"{P}/actions/{{number}}/", "patch", "Update an action", actions.ACTION, "actions",
              body=actions.ACTION_CHANGES, partial=True),
    Operation(f"{P}/requests/", "get", "Requests between services", listing(demand.REQUEST), "requests",
              listing="requests"),
    Operation(f"{P}/requests/{{service}}/{{reference}}/", "get", "One request between services", demand.REQUEST,
              "requests"),
    Operation(f"{P}/requests/{{service}}/{{reference}}/", "put",
              "Put your service's side of a request (created the first time; the same body again changes nothing)",
              demand.REQUEST, "requests", body=demand.REQUEST_FIELDS, status=201),
]  # fmt: skip


def _parameters(op: Operation) -> list[dict]:
    names = [part[1:-1] for part in op.path.split("/") if part.startswith("{")]
    found = [{"name": n, "in": "path", "required": True, "description": PARAMETERS[n][1], "schema": PARAMETERS[n][0]}
             for n in names]  # fmt: skip
    if op.listing:
        found += [
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1_000_000}},
            {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
        ]
        found += [{"name": f, "in": "query", "schema": {"type": "string", "maxLength": 80},
                   "description": f"Only those whose {f.replace('_', ' ')} is this."}
                  for f in FILTERS.get(op.listing, ())]  # fmt: skip
    return found


def _operation(op: Operation) -> dict:
    answer = {"description": "OK", "content": {"application/json": {"schema": op.answer}}}
    responses = {str(op.status): answer}
    if op.method == "put":
        responses["200"] = answer
    for code in op.errors:
        responses[str(code)] = {"description": WHY[code], "content": {"application/json": {"schema": ERROR}}}
    built = {"summary": op.summary, "operationId": f"{op.method}-{op.path}".replace("/", "-").replace("{", "")
             .replace("}", "").strip("-"), "tags": [op.tag], "parameters": _parameters(op), "responses": responses}  # fmt: skip
    if op.body is not None:
        fields = {**op.body, "version": Integer(1, description="The version you read.")} if op.partial else op.body
        schema = item_schema(fields, partial=op.partial)
        if op.partial:
            schema["required"] = ["version"]
        built["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    return built


def document() -> dict:
    paths: dict[str, dict] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Bluelight API",
            "version": "1",
            "description": "Read and change an emergency services collaboration programme. "
            "See docs/api.md for tokens, errors and examples.",
        },  # fmt: skip
        "servers": [{"url": "/"}],
        "security": [{"token": []}],
        "components": {
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "A personal API token (bl_...)."}
            }
        },  # fmt: skip
        "paths": paths,
    }


@require_GET
@login_not_required  # the description of the API holds no data; every operation needs a token
def openapi_json(request):
    return JsonResponse(document(), json_dumps_params={"indent": 1})
