"""The signed-in person's page for their personal API tokens: make one (shown once), revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bluelight.api import tokens as service
from bluelight.api.models import ApiToken
from bluelight.core.forms import GovukForm


class TokenForm(GovukForm):
    name = forms.CharField(max_length=100, label="What is the token for?",
                           help_text="For example, Power BI dashboard or finance system")  # fmt: skip


def tokens(request):
    form = TokenForm(request.POST or None)
    made = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _record, made = service.token_create(user=request.user, name=form.cleaned_data["name"])
                form = TokenForm()
            except ValidationError as error:
                form.apply_service_errors(error)
        status = 400 if form.errors else 201
    return render(request, "api/tokens.html", {
        "form": form, "made": made, "tokens": ApiToken.objects.filter(user=request.user),
    }, status=status)  # fmt: skip


@require_POST
def token_revoke(request, token_id):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    service.token_revoke(user=request.user, token=token)
    messages.success(request, f"Token ‘{token.name}’ revoked: it no longer works")
    return redirect("api-tokens")
