"""Settings from the environment, read once and then passed along (never a global).

Every value has a safe default, so a fresh checkout runs with a SQLite file under `./data`.
A bad value raises `ConfigError` with a message that names the variable and says what to write.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_DATA_DIR = "./data"
DATABASE_FILE = "sdm_aid.sqlite3"
SECRET_KEY_FILE = "secret.key"
MIN_SECRET_KEY_LENGTH = 32


class ConfigError(ValueError):
    """A setting in the environment is missing or has a value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    resume_code_days: int = 30
    """How long a resume code stays valid."""
    resume_max_attempts: int = 5
    """Wrong resume codes one browser may type before it has to wait (15 s, doubling each time)."""
    resume_max_attempts_global: int = 200
    """Wrong resume codes from everybody per window after which every answer is slowed down
    (never refused: a right code still works)."""
    resume_window_minutes: int = 15
    """Wrong codes are forgotten after this long; also the longest wait."""
    busy_timeout_seconds: float = 15.0
    """How long SQLite waits for another writer before giving up with a clear error."""
    secret_key: bytes = field(default=b"", repr=False)
    """Key for the keyed hash of resume codes. Never printed."""
    public_url: str = ""
    """The app's address as phones outside the building reach it (SDM_AID_PUBLIC_URL), for the
    QR code of a personal invitation; empty: the address the tablet uses."""

    @property
    def resume_code_lifetime(self) -> timedelta:
        return timedelta(days=self.resume_code_days)

    @property
    def resume_window(self) -> timedelta:
        return timedelta(minutes=self.resume_window_minutes)


def _positive_int(env: Mapping[str, str], name: str, default: int, *, maximum: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, for example {default} (got {raw!r}).") from None
    if not 1 <= value <= maximum:
        raise ConfigError(f"{name} must be between 1 and {maximum} (got {value}).")
    return value


def _positive_float(env: Mapping[str, str], name: str, default: float, *, maximum: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(
            f"{name} must be a number of seconds, for example {default:g} (got {raw!r})."
        ) from None
    if not 0 < value <= maximum:
        raise ConfigError(f"{name} must be more than 0 and at most {maximum:g} (got {raw}).")
    return value


def _ensure_dir(path: Path, variable: str) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"Cannot create the data folder {path} ({error.strerror}). Set {variable} to a folder "
            "this program may write to."
        ) from None


def _key_from_file(data_dir: Path) -> bytes:
    """Read the key file, creating it (mode 0600) on first use.

    Two processes starting at once must end up with the same key: the new key is written to
    a private temporary file and then hard-linked into place, which fails if the other
    process won the race; the loser then reads the winner's key.
    """
    path = data_dir / SECRET_KEY_FILE
    if not path.exists():
        _ensure_dir(data_dir, "SDM_AID_DATA_DIR")
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".secret-")  # mkstemp creates it 0600
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):  # another process won the race: use its key
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"Cannot read the key file {path} ({error}). Restore it or set SDM_AID_SECRET_KEY."
        ) from None
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigError(
            f"The key file {path} is too short ({len(key)} characters, "
            f"at least {MIN_SECRET_KEY_LENGTH} needed)."
        )
    return key.encode()


def load_trusted_proxies(env: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """SDM_AID_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed.

    Comma-separated addresses or networks (e.g. `127.0.0.1` for a proxy on this machine,
    `10.0.0.5, 10.1.0.0/24`). Empty (the default): the header is never believed, and the
    client is the address the connection comes from.
    """
    proxies: list[str] = []
    for part in env.get("SDM_AID_TRUSTED_PROXIES", "").split(","):
        entry = part.strip()
        if not entry:
            continue
        try:
            proxies.append(
                str(ipaddress.ip_network(entry, strict=False))
                if "/" in entry
                else str(ipaddress.ip_address(entry))
            )
        except ValueError:
            raise ConfigError(
                "SDM_AID_TRUSTED_PROXIES must list IP addresses or networks separated by commas, "
                f"for example 127.0.0.1 or 10.0.0.0/24 (got {entry!r})."
            ) from None
    return tuple(proxies)


def load_settings(env: Mapping[str, str] = os.environ) -> Settings:
    data_dir = Path(env.get("SDM_AID_DATA_DIR", "").strip() or DEFAULT_DATA_DIR).expanduser()

    database_url = env.get("SDM_AID_DATABASE_URL", "").strip()
    if not database_url:
        _ensure_dir(data_dir, "SDM_AID_DATA_DIR")
        database_url = f"sqlite:///{(data_dir / DATABASE_FILE).resolve()}"
    elif not database_url.startswith(("sqlite:///", "postgresql")):
        raise ConfigError(
            "SDM_AID_DATABASE_URL must be a SQLite file (sqlite:///path/to/file.sqlite3) or a PostgreSQL "
            "URL (postgresql+psycopg://user@host/dbname)."
        )
    elif ":memory:" in database_url or database_url in ("sqlite://", "sqlite:///"):
        raise ConfigError(
            "SDM_AID_DATABASE_URL may not be an in-memory SQLite database: every unit of work would see "
            "a different, empty database. Give a file path instead."
        )

    secret = env.get("SDM_AID_SECRET_KEY", "").strip()
    if secret:
        if len(secret) < MIN_SECRET_KEY_LENGTH:
            raise ConfigError(
                f"SDM_AID_SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters long "
                "(for example the output of `python -c 'import secrets; print(secrets.token_hex(32))'`)."
            )
        secret_key = secret.encode()
    else:
        secret_key = _key_from_file(data_dir)

    public_url = env.get("SDM_AID_PUBLIC_URL", "").strip()
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ConfigError(
                "SDM_AID_PUBLIC_URL must be the app's address, for example https://keuzehulp.example.nl "
                f"(got {public_url!r})."
            )
        public_url = public_url.rstrip("/")

    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        resume_code_days=_positive_int(env, "SDM_AID_RESUME_CODE_DAYS", 30, maximum=366),
        resume_max_attempts=_positive_int(env, "SDM_AID_RESUME_MAX_ATTEMPTS", 5, maximum=1000),
        resume_max_attempts_global=_positive_int(
            env, "SDM_AID_RESUME_MAX_ATTEMPTS_GLOBAL", 200, maximum=1_000_000
        ),
        resume_window_minutes=_positive_int(env, "SDM_AID_RESUME_WINDOW_MINUTES", 15, maximum=24 * 60),
        busy_timeout_seconds=_positive_float(env, "SDM_AID_DB_BUSY_TIMEOUT", 15.0, maximum=600),
        secret_key=secret_key,
        public_url=public_url,
    )
