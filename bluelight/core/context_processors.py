from django.conf import settings


def site(request):
    return {
        "protective_marking": settings.BLUELIGHT["PROTECTIVE_MARKING"],
        "organisation_name": settings.BLUELIGHT["ORGANISATION_NAME"],
        "idle_seconds": settings.BLUELIGHT["IDLE_SECONDS"],
        "idle_minutes": settings.BLUELIGHT["IDLE_SECONDS"] // 60,
        "idle_warning_seconds": settings.BLUELIGHT["IDLE_WARNING_SECONDS"],
    }
