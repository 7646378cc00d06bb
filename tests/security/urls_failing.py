"""The project's pages plus one that fails, to see what a visitor is shown when something breaks."""

from django.urls import path

from config.urls import urlpatterns as project


def broken(request):
    raise ZeroDivisionError("s3cret-detail: a database password or a path would be here")


urlpatterns = [*project, path("broken/", broken)]
