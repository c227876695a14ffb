"""The documentation site in a real browser (-m browser; CI runs it): Debian's headless
Chromium, driven by selenium, on the site `codegen docs` builds for this project and for the
whole SageMaker service (generated from the installed botocore into a temp dir).

Checked: no horizontal overflow of the main column at 1280 px and at a phone's width, search
finds the class of a field name, the theme's dark mode and the copy buttons work, every
internal link resolves, and the heaviest page of whole SageMaker (HTML and everything it loads)
stays under 1 MB. Screenshots go to build/site-screenshots/ (printed; git-ignored); the build
time of whole SageMaker's site is printed too.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.helpers import GENERATED, ROOT
from tests.test_site import broken_links, build

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "build" / "site-screenshots"
WIDE, NARROW = 1280, 390
PAGE_WEIGHT_LIMIT = 1_000_000
OPERATION = "list-training-jobs-for-hyper-parameter-tuning-job"
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-dev-shm-usage"
).split()


class Site:
    def __init__(self, root: Path, build_seconds: float) -> None:
        self.root = root
        self.build_seconds = build_seconds
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/{page}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _built(docs: Path, out: Path) -> Site:
    started = time.monotonic()
    run = build(docs, out)
    assert run.returncode == 0, run.stdout + run.stderr
    return Site(out, time.monotonic() - started)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = _built(GENERATED / "docs", tmp_path_factory.mktemp("small") / "site")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def sagemaker_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    work = tmp_path_factory.mktemp("sagemaker")
    codegen = [sys.executable, "-m", "codegen"]
    for args in (
        ["sync", "--spec-dir", str(work / "specs"), "--all-operations", "sagemaker"],
        ["generate", "--spec-dir", str(work / "specs"), "--output", str(work / "out"), "--package", "typed_sagemaker_all"],
    ):
        run = subprocess.run([*codegen, *args], capture_output=True, text=True, cwd=work)
        assert run.returncode == 0, run.stderr
    site = _built(work / "out" / "docs", work / "site")
    pages = sum(1 for _ in site.root.rglob("*.html"))
    print(f"\nwhole SageMaker site: {pages} pages built in {site.build_seconds:.1f} s (codegen docs)")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = Path(__import__("tempfile").mkdtemp(prefix="chromium-profile-"))
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDE},900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(browser: Any, url: str, width: int, height: int = 900) -> None:
    """Load ``url`` in a viewport ``width`` px wide (below 800 px, as a phone: touch, mobile)."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800},
    )
    browser.get(url)


# furo's main column is div.content (its headings bleed half a rem into the column's padding,
# by design); code blocks scroll inside themselves, which does not widen the column.
OVERFLOW = """
const column = document.querySelector('div.content');
return {page: document.documentElement.scrollWidth, window: window.innerWidth,
        main: column.scrollWidth, column: column.clientWidth};
"""


def _overflow(browser: Any) -> dict[str, int]:
    return browser.execute_script(OVERFLOW)


def _assert_fits(browser: Any, what: str) -> None:
    sizes = _overflow(browser)
    assert sizes["main"] <= sizes["column"] + 1, f"{what}: the main column overflows: {sizes}"
    assert sizes["page"] <= sizes["window"] + 1, f"{what}: the page scrolls sideways: {sizes}"


def _largest(site: Site, pattern: str) -> str:
    return max(site.root.glob(pattern), key=lambda p: p.stat().st_size).relative_to(site.root).as_posix()


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_no_horizontal_overflow_of_the_main_column(browser: Any, small_site: Site, sagemaker_site: Site, width: int) -> None:
    pages = [(small_site, p) for p in ("index.html", f"operations/{OPERATION}.html", f"reference/sagemaker/{OPERATION}.html", "enums.html", "classes.html", "reference/index.html")]
    pages += [
        (sagemaker_site, p)
        for p in ("index.html", "operations.html", _largest(sagemaker_site, "operations/*.html"),
                  _largest(sagemaker_site, "reference/sagemaker/*.html"), _largest(sagemaker_site, "classes/*.html"),
                  _largest(sagemaker_site, "enums/*.html"), "operations/create-training-job.html")
    ]
    for site, page in pages:
        _open(browser, site.url(page), width)
        _assert_fits(browser, f"{page} at {width} px")


def test_a_page_that_overflows_is_caught(browser: Any, small_site: Site, tmp_path: Path) -> None:
    _open(browser, small_site.url("index.html"), NARROW)
    browser.execute_script(
        "const p = document.createElement('p'); p.style.whiteSpace = 'nowrap'; p.textContent = 'x'.repeat(400);"
        "document.querySelector('article[role=main]').appendChild(p);"
    )
    with pytest.raises(AssertionError, match="overflows"):
        _assert_fits(browser, "index.html with a long unbreakable line")


def _search(browser: Any, site: Site, query: str) -> list[tuple[str, str]]:
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, site.url(f"search.html?q={query}"), WIDE)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script("return document.querySelectorAll('#search-results li').length") > 0
    )
    return [(a.text, a.get_attribute("href")) for a in browser.find_elements("css selector", "#search-results li a")]


def test_search_returns_the_class_for_a_field_name(browser: Any, small_site: Site, sagemaker_site: Site) -> None:
    found = _search(browser, small_site, "status_equals")
    assert any(
        "ListTrainingJobsForHyperParameterTuningJobRequest.status_equals" in text
        and href.endswith(f"operations/{OPERATION}.html#typed_sagemaker.ListTrainingJobsForHyperParameterTuningJobRequest.status_equals")
        for text, href in found
    ), found
    found = _search(browser, sagemaker_site, "hyper_parameter_tuning_job_name")
    assert any("DescribeHyperParameterTuningJobRequest.hyper_parameter_tuning_job_name" in text for text, _ in found), found[:20]


def test_dark_mode_and_copy_buttons(browser: Any, small_site: Site) -> None:
    _open(browser, small_site.url("index.html"), WIDE)
    assert browser.find_elements("css selector", "div.highlight button.copybtn"), "no copy button on the code blocks"
    before = browser.execute_script("return document.body.dataset.theme")
    toggles = [b for b in browser.find_elements("css selector", "button.theme-toggle") if b.is_displayed()]
    toggles[0].click()
    after = browser.execute_script("return document.body.dataset.theme")
    assert before != after and after in ("light", "dark", "auto")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # furo cycles auto, dark, light
        if browser.execute_script("return document.body.dataset.theme") == "dark":
            break
        toggles[0].click()
    assert browser.execute_script("return document.body.dataset.theme") == "dark"
    browser.save_screenshot(str(SCREENSHOTS / "overview-dark-1280.png"))
    browser.execute_script("window.localStorage.removeItem('theme')")


def test_every_internal_link_resolves_on_the_whole_service(sagemaker_site: Site) -> None:
    assert broken_links(sagemaker_site.root) == []


LOADED = "return performance.getEntriesByType('resource').map(r => r.name);"


def _weight(browser: Any, site: Site, page: str) -> tuple[int, int]:
    """The bytes of ``page`` and of every file the browser loaded for it, as they are and
    gzip-compressed (as a static host sends them)."""
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, site.url(page), WIDE)
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if page.startswith("search.html"):  # the index arrives after the page: wait for results
        WebDriverWait(browser, 60).until(
            lambda d: d.execute_script("return document.querySelectorAll('#search-results li').length") > 0
        )
    names = [urllib.parse.urlsplit(name).path.lstrip("/") for name in browser.execute_script(LOADED)]
    files = [site.root / f for f in [page.partition("?")[0], *names]]
    assert all(f.is_file() for f in files), files
    contents = [f.read_bytes() for f in files]
    return sum(map(len, contents)), sum(len(gzip.compress(c, 6)) for c in contents)


def test_the_heaviest_page_of_whole_sagemaker_is_under_1_mb(browser: Any, sagemaker_site: Site) -> None:
    root = sagemaker_site.root
    heaviest = sorted(root.rglob("*.html"), key=lambda p: -p.stat().st_size)[:6]
    weights = {
        p.relative_to(root).as_posix(): _weight(browser, sagemaker_site, p.relative_to(root).as_posix())
        for p in heaviest
        if p.name != "search.html" or p.parent != root
    }
    search = _weight(browser, sagemaker_site, "search.html?q=training")
    print("\nheaviest pages of whole SageMaker: HTML and what it loads (bytes; gzip-compressed)")
    for name, (weight, compressed) in sorted(weights.items(), key=lambda item: -item[1][0]):
        print(f"  {weight:>10,}  {compressed:>9,}  {name}")
    print(f"  {search[0]:>10,}  {search[1]:>9,}  search.html (with the search index, loaded only to search)")
    assert max(weight for weight, _ in weights.values()) < PAGE_WEIGHT_LIMIT, weights
    assert all(weight > 50_000 for weight, _ in weights.values())  # the theme's files are counted
    # The search page fetches the whole index: under the limit as a static host sends it.
    assert search[1] < PAGE_WEIGHT_LIMIT, search


def test_screenshots(browser: Any, small_site: Site, sagemaker_site: Site) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "overview": (small_site, "index.html"),
        "operation": (small_site, f"operations/{OPERATION}.html"),
        "cli": (small_site, f"reference/sagemaker/{OPERATION}.html"),
        "sagemaker-operation": (sagemaker_site, "operations/create-training-job.html"),
        "sagemaker-classes": (sagemaker_site, _largest(sagemaker_site, "classes/*.html")),
    }
    for name, (site, page) in shots.items():
        for width in (WIDE, NARROW):
            # furo keeps the reader's choice of mode; the pictures are in the default (light) one.
            browser.execute_script("window.localStorage.removeItem('theme')")
            _open(browser, site.url(page), width)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            _open(browser, site.url(page), width, min(height, 4000))
            path = SCREENSHOTS / f"{name}-{width}.png"
            assert browser.save_screenshot(str(path)), path
            assert path.stat().st_size > 10_000
    print(f"\nscreenshots: {SCREENSHOTS}")
