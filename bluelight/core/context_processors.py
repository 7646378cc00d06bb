from django.conf import settings


def site(request):
    return {
        "protective_marking": settings.BLUELIGHT["PROTECTIVE_MARKING"],
        "organisation_name": settings.BLUELIGHT["ORGANISATION_NAME"],
    }
