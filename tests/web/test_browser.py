"""The pages in a real headless Chromium: each opens without console errors or CSP violations,
the timeline leads to the highlighted sentence, the keyboard reaches everything, the pages fit
a phone, and a screenshot of each is saved under docs/screenshots/."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    ("overview", "/"),
    ("timeline", "/timeline"),
    ("actor", "/actors/act_castellan"),
    ("actors", "/actors"),
    ("proposals", "/proposals"),
    ("positions", "/positions"),
    ("statements", "/statements"),
    ("documents", "/documents"),
    ("document", "/documents/doc_plan?hl=0-10"),
    ("search", "/search?q=summit"),
    ("api-docs", "/docs"),
]


def _watch(page) -> list[str]:
    """Collect console errors and page errors (a CSP violation is reported as a console error)."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_page_opens_cleanly_and_is_saved(page, live_server, screenshots, name, path):
    problems = _watch(page)
    response = page.goto(live_server + path)
    assert response is not None and response.status == 200
    assert page.locator("main h1").first.is_visible()
    assert "content-security-policy" in response.headers
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=False)
    assert problems == [], problems


def test_timeline_click_leads_to_highlighted_sentence(page, live_server, screenshots):
    page.goto(live_server + "/timeline")
    item = page.locator(".tl-item.look-postponed .tl-link").first
    assert "postponed" in page.locator(".tl-item.look-postponed").first.inner_text()
    item.click()
    page.wait_for_url(re.compile(r"/documents/doc_plan\?hl=\d+-\d+"))
    current = page.locator(".doc-text .current")
    assert current.count() >= 1
    assert "".join(current.all_inner_texts()) == "The Lindhaven summit was postponed until May"
    assert current.first.is_visible()
    # The page script moved focus to the sentence, for keyboard and screen-reader users.
    assert page.evaluate("document.activeElement.classList.contains('current')")
    page.screenshot(path=str(screenshots / "document-highlight.png"))


def test_statuses_look_different_on_the_timeline(page, live_server):
    page.goto(live_server + "/timeline")
    styles = {}
    for look in ("held", "planned", "postponed", "cancelled"):
        el = page.locator(f".tl-list .tl-item.look-{look}").first
        styles[look] = el.evaluate("e => getComputedStyle(e).borderLeftStyle + ' ' + getComputedStyle(e).borderLeftColor")
    assert len(set(styles.values())) == 4, styles


def test_keyboard_reaches_navigation_and_filters(page, live_server):
    page.goto(live_server + "/timeline")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.name || document.activeElement.textContent"))
    assert "actor" in seen and "type" in seen and "Filter" in seen
    # Filter with the keyboard alone: type an actor, submit with Enter.
    page.focus("input[name=actor]")
    page.keyboard.type("Tebrand")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"actor=Tebrand"))
    assert "zoom=month" in page.url and "type=" not in page.url  # empty fields are left out
    assert page.locator(".tl-item").count() >= 3


@pytest.mark.parametrize("path", ["/", "/timeline", "/proposals", "/positions", "/documents/doc_ministers",
                                  "/actors/act_castellan", "/statements"])
def test_pages_fit_a_phone(browser_context, live_server, screenshots, path):
    page = browser_context.new_page()
    try:
        page.set_viewport_size({"width": 375, "height": 740})
        page.goto(live_server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a phone"
        if path in ("/timeline", "/proposals"):
            page.screenshot(path=str(screenshots / f"phone-{path.strip('/')}.png"))
    finally:
        page.close()
