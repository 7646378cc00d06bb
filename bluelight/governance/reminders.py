"""The worklist by e-mail: one message a person, listing what needs them in each programme, sent
through Django's e-mail framework (the console unless BLUELIGHT_EMAIL_URL names an SMTP server).
Sending does not count as looking: the page still shows what is new since the person last looked."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from bluelight.governance.worklist import worklist
from bluelight.programmes.models import Programme, ProgrammeMembership


def send_reminders(*, programme_slug: str | None = None, dry_run: bool = False,
                   say: Callable[[str], None] = lambda line: None) -> int:  # fmt: skip
    """E-mail each member with an address and something to do; returns how many were (or would be) sent."""
    today = timezone.localdate()
    programmes = Programme.objects.all() if not programme_slug else Programme.objects.filter(slug=programme_slug)
    if programme_slug and not programmes.exists():
        raise ValueError(f"There is no programme {programme_slug!r}.")
    people = {}
    for membership in ProgrammeMembership.objects.filter(programme__in=programmes).select_related("user", "programme"):
        people.setdefault(membership.user, []).append(membership.programme)
    sent = 0
    for user, theirs in sorted(people.items(), key=lambda item: item[0].username):
        lists = [found for found in (worklist(user, p, today) for p in theirs) if not found.empty]
        if not lists or not user.email or not user.is_active:
            continue
        body = render_to_string("governance/reminder.txt", {"user": user, "worklists": lists, "today": today})
        say(f"{user.username} <{user.email}>: {sum(w.count for w in lists)} item(s)")
        if not dry_run:
            send_mail(f"Bluelight: what needs you this week ({today:%-d %B %Y})", body,
                      settings.DEFAULT_FROM_EMAIL, [user.email])  # fmt: skip
        sent += 1
    return sent

