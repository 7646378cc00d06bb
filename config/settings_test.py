"""Settings for the test suite: the real settings, in test mode, on a throwaway data folder."""

import os
import tempfile

os.environ.setdefault("BLUELIGHT_ENV", "test")
os.environ.setdefault("BLUELIGHT_DATA_DIR", tempfile.mkdtemp(prefix="bluelight-test-"))

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only

# The test database is a file, as in use, not SQLite's shared in-memory database: that one locks whole
# tables between connections, where a file in WAL mode lets readers on while writers queue (BEGIN
# IMMEDIATE), which is what the tests of simultaneous saves must see.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["BLUELIGHT_DATA_DIR"], "test.sqlite3")}  # noqa: F405
