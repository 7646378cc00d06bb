from pathlib import Path

import pytest

from config.env import ConfigurationError, Env, database_from_url


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigurationError, match="BLUELIGHT_SECRET_KEY"):
        Env.from_environ({"BLUELIGHT_DATA_DIR": str(tmp_path)})


def test_production_reads_the_key_and_secures_cookies(tmp_path):
    env = Env.from_environ({"BLUELIGHT_SECRET_KEY": "k" * 50, "BLUELIGHT_DATA_DIR": str(tmp_path)})
    assert env.secret_key == "k" * 50
    assert env.secure_cookies is True
    assert env.debug is False
    assert env.protective_marking == "OFFICIAL"
    assert env.database_url == f"sqlite:///{tmp_path / 'bluelight.sqlite3'}"


def test_a_bad_yes_no_value_is_named(tmp_path):
    with pytest.raises(ConfigurationError, match="yes/no"):
        Env.from_environ(
            {"BLUELIGHT_ENV": "test", "BLUELIGHT_SECURE_COOKIES": "perhaps", "BLUELIGHT_DATA_DIR": str(tmp_path)}
        )


def test_database_urls():
    pg = database_from_url("postgres://user:p%40ss@db.example:5433/bluelight")
    assert (pg["ENGINE"], pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "django.db.backends.postgresql", "bluelight", "user", "p@ss", "db.example", "5433",
    )  # fmt: skip
    lite = database_from_url("sqlite:////srv/bluelight/db.sqlite3")
    assert Path(lite["NAME"]) == Path("/srv/bluelight/db.sqlite3")
    assert "journal_mode=WAL" in lite["OPTIONS"]["init_command"]
    with pytest.raises(ConfigurationError, match="unsupported scheme"):
        database_from_url("mysql://x/y")


def test_unconfirmed_uploads_are_kept_a_day_unless_set(tmp_path):
    base = {"BLUELIGHT_ENV": "test", "BLUELIGHT_DATA_DIR": str(tmp_path)}
    assert Env.from_environ(base).upload_keep_hours == 24
    assert Env.from_environ({**base, "BLUELIGHT_UPLOAD_KEEP_HOURS": "2"}).upload_keep_hours == 2
    with pytest.raises(ConfigurationError, match="BLUELIGHT_UPLOAD_KEEP_HOURS must be from 1 to 720, not 0"):
        Env.from_environ({**base, "BLUELIGHT_UPLOAD_KEEP_HOURS": "0"})
