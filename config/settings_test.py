"""Settings for the test suite: the real settings, in test mode, on a throwaway data folder."""

import os
import tempfile

os.environ.setdefault("BLUELIGHT_ENV", "test")
os.environ.setdefault("BLUELIGHT_DATA_DIR", tempfile.mkdtemp(prefix="bluelight-test-"))

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
