"""Writes for inter-service demand: loading extracts, one request through the API, protocols and the
issues log, and the benefits a measure feeds."""

from bluelight.demand.services.feeds import feed_create, feed_refresh
from bluelight.demand.services.loading import LoadRefused, load, source_for
from bluelight.demand.services.register import issue_create, issue_update, protocol_set
from bluelight.demand.services.requests import request_write

__all__ = ["LoadRefused", "feed_create", "feed_refresh", "issue_create", "issue_update", "load", "protocol_set",
           "request_write", "source_for"]  # fmt: skip
