"""Settings from the environment: defaults, the key file, and clear messages for bad values."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from sdm_aid.config import ConfigError, load_settings


def test_defaults_put_everything_in_the_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = load_settings({"SDM_AID_DATA_DIR": str(data)})
    assert settings.database_url == f"sqlite:///{(data / 'sdm_aid.sqlite3').resolve()}"
    assert settings.resume_code_days == 30 and settings.resume_code_lifetime.days == 30
    key_file = data / "secret.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_settings({"SDM_AID_DATA_DIR": str(data)}).secret_key == settings.secret_key
    assert settings.secret_key.decode() not in repr(settings)


def test_concurrent_starts_agree_on_one_key(tmp_path: Path) -> None:
    keys: list[bytes] = []
    barrier = threading.Barrier(6)

    def load() -> None:
        barrier.wait()
        keys.append(load_settings({"SDM_AID_DATA_DIR": str(tmp_path)}).secret_key)

    threads = [threading.Thread(target=load) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and len(keys) == 6
    assert [p.name for p in tmp_path.iterdir()] == ["secret.key"]


def test_explicit_values(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "SDM_AID_DATA_DIR": str(tmp_path),
            "SDM_AID_DATABASE_URL": "postgresql+psycopg://sdm@db/sdm",
            "SDM_AID_SECRET_KEY": "s" * 40,
            "SDM_AID_RESUME_CODE_DAYS": "14",
            "SDM_AID_RESUME_MAX_ATTEMPTS": "8",
            "SDM_AID_DB_BUSY_TIMEOUT": "2.5",
        }
    )
    assert settings.database_url == "postgresql+psycopg://sdm@db/sdm"
    assert (settings.secret_key, settings.resume_code_days, settings.resume_max_attempts) == (
        b"s" * 40,
        14,
        8,
    )
    assert settings.busy_timeout_seconds == 2.5
    assert not (tmp_path / "secret.key").exists()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SDM_AID_RESUME_CODE_DAYS", "thirty", "SDM_AID_RESUME_CODE_DAYS must be a whole number"),
        ("SDM_AID_RESUME_CODE_DAYS", "0", "between 1 and 366"),
        ("SDM_AID_RESUME_MAX_ATTEMPTS", "-3", "between 1 and 1000"),
        ("SDM_AID_DB_BUSY_TIMEOUT", "soon", "number of seconds"),
        ("SDM_AID_DATABASE_URL", "sqlite:///:memory:", "may not be an in-memory"),
        ("SDM_AID_DATABASE_URL", "mysql://x/y", "must be a SQLite file"),
        ("SDM_AID_SECRET_KEY", "short", "at least 32 characters"),
    ],
)
def test_bad_values_have_clear_messages(tmp_path: Path, name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings({"SDM_AID_DATA_DIR": str(tmp_path), name: value})


def test_a_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="Cannot create the data folder"):
        load_settings({"SDM_AID_DATA_DIR": str(blocker / "data")})


def test_a_damaged_key_file(tmp_path: Path) -> None:
    (tmp_path / "secret.key").write_text("abc")
    with pytest.raises(ConfigError, match="too short"):
        load_settings({"SDM_AID_DATA_DIR": str(tmp_path)})
