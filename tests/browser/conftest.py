"""A real `streamlit run app.py` driven by Playwright with Debian's Chromium (never downloaded).

Without /usr/bin/chromium the tests skip with the reason, except under CI=true, where a
missing browser fails the run.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.factory import private_copy, sample_warehouse

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def _require_browser() -> None:
    missing = None
    if not Path(CHROMIUM).exists():
        missing = f"Chromium tidak ditemukan di {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "paket Python playwright belum terpasang"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: uji peramban wajib jalan, tetapi {missing}.")
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> Path:
    """A copy of the sample warehouse (built once for all workers, tests/factory.py)."""
    return private_copy(sample_warehouse(), tmp_path_factory.mktemp("browser"))


@contextlib.contextmanager
def served(db: Path, log_dir: Path, *, address: str = "127.0.0.1", extra: tuple[str, ...] = ()):
    """`streamlit run app.py` on `db` at a free port bound to `address`; yields its URL once
    healthy, stops it after. The server's output goes to log_dir/streamlit.log."""
    _require_browser()
    port = _free_port()
    env = dict(os.environ, PANTAU_DB=str(db), PANTAU_BOOTSTRAP="0")
    log = open(log_dir / "streamlit.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", address, "--browser.gatherUsageStats", "false", *extra],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"streamlit berhenti: lihat {log.name}")
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    _require_browser()
    db = private_copy(sample_warehouse(), tmp_path_factory.mktemp("served"))
    with served(
        db, tmp_path_factory.mktemp("log"), extra=("--client.showErrorDetails", "full")
    ) as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    p = ctx.new_page()
    yield p
    ctx.close()


def wait_idle(page, timeout: float = 30.0) -> None:
    """Wait until the script run is over: the app view is there and the running indicator has
    stayed away for a second and a half."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        running = page.query_selector('[data-testid="stStatusWidget"]')
        if running is None:
            quiet_since = quiet_since or time.monotonic()
            # Streamlit shows its running indicator only after a short delay, so half a
            # second of quiet can fall before a run has shown itself: wait longer.
            if time.monotonic() - quiet_since > 1.5:
                return
        else:
            quiet_since = None
        time.sleep(0.1)
    raise AssertionError("the app did not finish its run in time")


def full_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside its main container: grow the viewport to the content first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vp = page.viewport_size
    height = page.evaluate(
        "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": vp["width"], "height": min(int(height) + 40, 8000)})
    time.sleep(0.5)
    wait_idle(page)  # a new width can make Streamlit rerun; vega re-renders at the new size
    time.sleep(0.8)
    page.screenshot(path=str(path))
    page.set_viewport_size(vp)


def upload(page, path, selector: str = '[data-testid="stFileUploader"] input[type="file"]') -> None:
    """Choose a file in a Streamlit uploader and wait until the server has it: its chip shows
    the name's tail (long names are elided in the middle) and the rerun it causes is over.
    A button pressed earlier runs with the previous file."""
    from playwright.sync_api import expect

    page.set_input_files(selector, str(path))
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text=path.name[-8:])
    expect(uploader.first).to_be_visible(timeout=30000)
    wait_idle(page)
