"""Addresses of the JSON API, version 1 (included under /api/v1/ by config/urls.py)."""

from django.urls import path, re_path

from bluelight.api import actions, benefit_summary, benefits, demand, meetings, openapi, risks, views
from bluelight.api.base import endpoint, error_response

P = "programmes/<slug:slug>/"
W = P + "workstreams/<slug:key>/"
M = P + "meetings/<int:meeting_id>/"


@endpoint("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
def not_found(request, rest=""):
    return error_response(404, "There is no such address in the API: see /api/v1/openapi.json.")


urlpatterns = [
    path("openapi.json", openapi.openapi_json, name="api-openapi"),
    path("programmes/", views.programmes, name="api-programmes"),
    path(P, views.programme, name="api-programme"),
    path(P + "periods/", views.periods, name="api-periods"),
    path(P + "periods/<path:label>/ratings/", views.period_ratings, name="api-period-ratings"),
    path(P + "workstreams/", views.workstreams, name="api-workstreams"),
    path(W, views.workstream, name="api-workstream"),
    path(W + "ratings/", views.workstream_ratings, name="api-workstream-ratings"),
    path(W + "ratings/<path:label>/", views.rating, name="api-rating"),
    path(P + "benefits/", benefits.benefits, name="api-benefits"),
    path(P + "benefit-summary/", benefit_summary.benefit_summary, name="api-benefit-summary"),
    path(P + "benefits/<slug:key>/", benefits.benefit, name="api-benefit"),
    path(P + "risks/", risks.risks, name="api-risks"),
    path(P + "risks/<int:number>/", risks.risk, name="api-risk"),
    path(P + "meetings/", meetings.meetings, name="api-meetings"),
    path(M, meetings.meeting, name="api-meeting"),
    path(M + "agenda/<int:number>/decisions/", meetings.decision, name="api-decision"),
    path(P + "decisions/", meetings.decisions, name="api-decisions"),
    path(P + "actions/", actions.actions, name="api-actions"),
    path(P + "actions/<int:number>/", actions.action, name="api-action"),
    path(P + "requests/", demand.requests, name="api-requests"),
    path(P + "requests/<str:service>/<str:reference>/", demand.service_request, name="api-request"),
    re_path(r"^(?P<rest>[\s\S]*)$", not_found, name="api-not-found"),
]
