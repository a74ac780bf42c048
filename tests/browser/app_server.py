"""For the browser tests: a real `streamlit run` on a free port, driven by Debian's Chromium.

Never `playwright install`: the browser is /usr/bin/chromium (installed by ./dev test).
Each server gets a temporary data folder, so nothing touches ./data.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TABLET = {"width": 768, "height": 1024}
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush; as a power cut or a crash would."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(
    tmp_path: Path,
    *,
    script: Path | None = None,
    port: int | None = None,
    address: str | None = "127.0.0.1",
    **env: str,
) -> Server:
    """A fresh server: nobody has opened any page on it yet. `script` defaults to the app;
    `address=None` leaves the address to the configuration, as `./dev app` does. The same
    `tmp_path` (and `port`) again is the same installation restarted: same data."""
    grids = tmp_path / "grids"
    grids.mkdir(exist_ok=True)
    (grids / "grid_minimal.json").write_bytes((FIXTURES / "grid_minimal.json").read_bytes())
    for shipped in sorted((ROOT / "option_grids").glob("*.json"))[:1]:
        (grids / shipped.name).write_bytes(shipped.read_bytes())
    port = port or _free_port()
    log = tmp_path / f"streamlit-{port}-{time.monotonic_ns()}.log"
    environment = {
        **os.environ,
        "SDM_AID_DATA_DIR": str(tmp_path / "data"),
        "SDM_AID_GRID_DIR": str(grids),
        "PYTHONPATH": str(ROOT),
        **env,
    }
    environment.pop("SDM_AID_DATABASE_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script or ROOT / "streamlit_app.py"),
            "--server.port",
            str(port),
            *(["--server.address", address] if address else []),
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(process, url, log, seconds=60)
    return Server(url, process, log)


def wait_healthy(process: subprocess.Popen[bytes], url: str, log: Path, *, seconds: float) -> None:
    """Wait until the server at `url` answers its health check; raise with its log if it
    stops or does not answer in time (then it is killed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not become healthy: {log.read_text()[-2000:]}")
