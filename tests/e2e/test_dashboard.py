"""The dashboard in a real browser (Debian's Chromium driven by Playwright).

Opens the overview, searches "Azerbaijan", opens the example article, finds the quote
highlighted with its speaker Viktor Guminsky, opens the BLR–AZE dyad page and checks the
chart is drawn. Screenshots go to ``$COMMUNIQUE_SCREENSHOTS`` or a temporary folder.
Skipped only when Chromium is missing and ``COMMUNIQUE_REQUIRE_BROWSER`` is unset.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.api_served import Served

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Any:
    if not Path(CHROMIUM).exists():
        if os.environ.get("COMMUNIQUE_REQUIRE_BROWSER"):
            pytest.fail(f"chromium not found at {CHROMIUM} but COMMUNIQUE_REQUIRE_BROWSER is set")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("COMMUNIQUE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.problems = problems
    yield pg
    context.close()


def test_dashboard_search_article_quote_and_dyad_chart(served: Served, example_id: str, page: Any, shots: Path) -> None:
    page.goto(f"{served.url}/ui/")
    page.wait_for_selector(".stats .stat")
    page.screenshot(path=str(shots / "1-overview.png"))

    search = page.get_by_placeholder("Search articles, e.g. Azerbaijan")
    search.fill("Azerbaijan")
    search.press("Enter")
    page.wait_for_url("**/ui/articles?q=Azerbaijan")
    result = page.locator(f'a[href="/ui/articles/{example_id}"]')
    result.wait_for()
    page.screenshot(path=str(shots / "2-search.png"))

    result.click()
    page.wait_for_selector("#article-text .seg")
    assert page.locator("#article-text .seg.a").count() > 0, "actor mentions are highlighted"
    page.screenshot(path=str(shots / "3-article.png"))
    # The quote carries its speaker (needs the quotes stage; see the module docstring).
    quote = page.locator('#article-text .seg.q-start[data-speaker="Viktor Guminsky"]').first
    quote.wait_for(timeout=10_000)
    assert quote.is_visible()
    panel_item = page.locator("aside.side button.k-q", has_text="Viktor Guminsky").first
    panel_item.focus()
    page.keyboard.press("Enter")  # keyboard: the side panel scrolls to the evidence
    page.wait_for_selector("#article-text .seg.q.flash")
    page.screenshot(path=str(shots / "4-article-quote.png"))

    page.goto(f"{served.url}/ui/dyads/BLR/AZE")
    page.wait_for_selector("#dyad-chart svg rect.bar", timeout=15_000)
    assert page.locator("#dyad-chart svg rect.bar").count() >= 1
    page.screenshot(path=str(shots / "5-dyad.png"), full_page=True)
    assert not page.problems, page.problems


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/ui/network", "#network svg, #network .empty"),
        ("/ui/quotes?speaker=Guminsky", "main .list li, main .empty"),
        ("/ui/actors", "main .list li, main .empty"),
        ("/ui/events", "main table tbody tr, main .empty"),
        ("/ui/no-such-page", "main .empty"),
    ],
)
def test_dashboard_pages_render_data_or_an_empty_state(
    served: Served, page: Any, shots: Path, path: str, ready: str
) -> None:
    page.goto(f"{served.url}{path}")
    page.wait_for_selector(ready, timeout=15_000)
    assert page.locator("main .error").count() == 0
    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
    page.screenshot(path=str(shots / f"page-{name}.png"))
    assert not page.problems, page.problems


def test_dashboard_is_keyboard_usable_and_responsive(served: Served, browser: Any, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{served.url}/ui/")
    page.wait_for_selector(".stats .stat")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"no horizontal scrolling on a phone ({width}px)"
    page.screenshot(path=str(shots / "6-phone.png"), full_page=True)
    context.close()
