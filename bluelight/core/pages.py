"""The one way a page with a form saves: validate, call the service, then say so and move on,
or show the form again with the refusal (400 bad input, 409 conflict)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render

from bluelight.core.forms import form_status, run_service


def form_page(
    request,
    form,
    save: Callable[[dict], object],
    *,
    template: str,
    context: dict,
    done: Callable[[object], str] | str,
    next_url: Callable[[object], str] | str,
):
    refused = None
    if request.method == "POST" and form.is_valid():
        saved = []
        refused = run_service(form, lambda: saved.append(save(form.cleaned_data)))
        if refused is None:
            result = saved[0]
            messages.success(request, done(result) if callable(done) else done)
            return redirect(next_url(result) if callable(next_url) else next_url)
    return render(request, template, {"form": form, **context}, status=form_status(form, refused))
