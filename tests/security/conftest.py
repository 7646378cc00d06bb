import pytest
from django.db import transaction

from tests.security.world import build


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end; each test's own
    transaction is a savepoint within it, so tests cannot see one another's writes."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)
