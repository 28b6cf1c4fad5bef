"""The HTML page in a real, headless Chromium: clicks, keys, search, pan and zoom, no network."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.page import CHROMIUM_FLAGS, find_chromium, to_html

from ..conftest import NATO_MAP, ROOT

pytestmark = [pytest.mark.exe, pytest.mark.browser]

ARTEFACTS = Path(os.environ.get("ARGMAP_ARTEFACTS", ROOT / "out" / "test-artefacts"))

webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (the test extra)")
from selenium.webdriver.chrome.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402


@pytest.fixture(scope="module")
def nato_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[argmap.ArgumentMap, Path]:
    m = argmap.load(NATO_MAP)
    path = tmp_path_factory.mktemp("page") / "nato.html"
    path.write_text(to_html(m), encoding="utf-8")
    return m, path


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    chromium = find_chromium()
    driver_path = "/usr/bin/chromedriver"
    assert chromium is not None
    assert Path(driver_path).exists()
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a browser
    with tempfile.TemporaryDirectory(prefix="argmap-chromium-") as profile:
        options = Options()
        options.binary_location = chromium
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1400,900"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def page(browser: WebDriver, nato_page: tuple[argmap.ArgumentMap, Path]) -> WebDriver:
    browser.get(nato_page[1].as_uri())
    performance_log(browser)  # start each test's network log afresh
    return browser


def node(driver: WebDriver, id: str) -> WebElement:
    found: WebElement = driver.find_element(By.CSS_SELECTOR, f'g.node[data-node="{id}"]')
    return found


def attr(element: WebElement, name: str) -> str:
    return element.get_attribute(name) or ""


def in_view(driver: WebDriver, element: WebElement, container: str) -> bool:
    return bool(
        driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "const c = document.querySelector(arguments[1]).getBoundingClientRect();"
            "return r.top >= c.top && r.bottom <= c.bottom && r.height > 0;",
            element,
            container,
        )
    )


def performance_log(driver: WebDriver) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = driver.get_log("performance")  # type: ignore[no-untyped-call]
    return entries


def requests(driver: WebDriver) -> list[str]:
    urls = []
    for entry in performance_log(driver):
        message: dict[str, Any] = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_clicking_a_node_marks_its_quotes_and_scrolls_to_them(
    page: WebDriver, nato_page: tuple[argmap.ArgumentMap, Path]
) -> None:
    m = nato_page[0]
    last = m.nodes[-1]  # its passage is far down the article, out of view at first
    marks = page.find_elements(By.CSS_SELECTOR, "mark.quote")
    first_mark_of_last = next(
        mk for mk in marks if f"q{len(m.nodes)}-1" in attr(mk, "data-q").split()
    )
    assert not in_view(page, first_mark_of_last, "#panels")
    node(page, last.id).click()
    active = page.find_elements(By.CSS_SELECTOR, "mark.quote.active")
    for index, quote in enumerate(last.quotes, start=1):
        key = f"q{len(m.nodes)}-{index}"
        pieces = [mk for mk in active if key in attr(mk, "data-q").split()]
        assert "".join(attr(mk, "textContent") for mk in pieces) == quote.text
    assert in_view(page, active[0], "#panels")
    assert "selected" in attr(node(page, last.id), "class")
    assert last.text in page.find_element(By.ID, "chosen").text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(ARTEFACTS / "nato_page.png"))


def test_clicking_a_passage_picks_out_its_node(
    page: WebDriver, nato_page: tuple[argmap.ArgumentMap, Path]
) -> None:
    m = nato_page[0]
    target = m.nodes[5]
    mark = page.find_element(By.CSS_SELECTOR, 'mark.quote[data-q~="q6-1"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    assert attr(node(page, target.id), "class").split().count("selected") == 1
    assert page.find_elements(By.CSS_SELECTOR, "g.node.selected") == [node(page, target.id)]
    assert "active" in attr(mark, "class")


def test_keyboard_reaches_and_activates_nodes_and_passages(
    page: WebDriver, nato_page: tuple[argmap.ArgumentMap, Path]
) -> None:
    m = nato_page[0]
    first = node(page, m.nodes[0].id)
    assert attr(first, "tabindex") == "0"
    page.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.ENTER)
    assert "selected" in attr(first, "class")
    mark = page.find_element(By.CSS_SELECTOR, 'mark.quote[data-q~="q3-1"]')
    page.execute_script("arguments[0].focus()", mark)
    mark.send_keys(Keys.SPACE)
    assert "selected" in attr(node(page, m.nodes[2].id), "class")
    assert "selected" not in attr(first, "class")
    outline = page.execute_script("return getComputedStyle(arguments[0]).outlineStyle", mark)
    assert outline == "solid"  # focus is visible


def test_search_dims_the_nodes_that_do_not_match(
    page: WebDriver, nato_page: tuple[argmap.ArgumentMap, Path]
) -> None:
    m = nato_page[0]
    word = "piracy"
    matching = {
        n.id for n in m.nodes if word in (n.text + " ".join(q.text for q in n.quotes)).lower()
    }
    assert 0 < len(matching) < len(m.nodes)
    page.find_element(By.ID, "search").send_keys(word)
    shown = {
        attr(g, "data-node")
        for g in page.find_elements(By.CSS_SELECTOR, "g.node[data-node]:not(.dim)")
    }
    assert shown == matching
    assert page.find_element(By.ID, "found").text == f"{len(matching)} of {len(m.nodes)} nodes"


def test_map_pans_and_zooms(page: WebDriver) -> None:
    def box() -> list[float]:
        found: str = page.execute_script(
            "return document.querySelector('#map > svg').getAttribute('viewBox')"
        )
        return [round(float(v), 1) for v in found.split()]

    start = box()
    page.find_element(By.ID, "zoom-in").click()
    zoomed = box()
    assert zoomed[2] < start[2]
    page.find_element(By.ID, "map").send_keys(Keys.ARROW_LEFT)
    assert box()[0] < zoomed[0]
    page.find_element(By.ID, "zoom-reset").click()
    assert box() == start


def test_the_page_asks_the_network_for_nothing(page: WebDriver) -> None:
    page.refresh()
    page.find_element(By.CSS_SELECTOR, "g.node[data-node]").click()
    assert [url for url in requests(page) if not url.startswith(("file:", "data:"))] == []


def test_several_sources_are_tabs_and_a_node_opens_its_source(
    browser: WebDriver, tmp_path: Path
) -> None:
    m = argmap.ArgumentMap(
        title="Two sources",
        sources=[argmap.Source(id="a", title="First"), argmap.Source(id="b", title="Second")],
        nodes=[
            argmap.Node(
                id="c", kind="claim", text="Cats.", quotes=[argmap.Quote(source="a", text="cats")]
            ),
            argmap.Node(
                id="e",
                kind="evidence",
                text="Purrs.",
                quotes=[argmap.Quote(source="b", text="purr")],
            ),
        ],
        relations=[argmap.Relation(source="e", target="c", kind="supports")],
    )
    path = tmp_path / "two.html"
    path.write_text(to_html(m, texts={"a": "Of cats.", "b": "A purr."}), encoding="utf-8")
    browser.get(path.as_uri())
    first, second = browser.find_elements(By.CSS_SELECTOR, "[role=tab]")
    assert (first.text, second.text) == ("First", "Second")
    assert browser.find_element(By.ID, "panel-0").is_displayed()
    assert not browser.find_element(By.ID, "panel-1").is_displayed()
    node(browser, "e").click()
    assert attr(second, "aria-selected") == "true"
    mark = browser.find_element(By.CSS_SELECTOR, "#panel-1 mark.quote.active")
    assert mark.is_displayed()
    assert mark.text == "purr"
    first.click()
    assert browser.find_element(By.ID, "panel-0").is_displayed()


def test_a_passage_two_nodes_quote_chooses_each_in_turn(browser: WebDriver, tmp_path: Path) -> None:
    m = argmap.ArgumentMap(
        title="Overlap",
        sources=[argmap.Source(id="a")],
        nodes=[
            argmap.Node(
                id="c",
                kind="claim",
                text="Good.",
                quotes=[argmap.Quote(source="a", text="cats are good")],
            ),
            argmap.Node(
                id="e",
                kind="evidence",
                text="Company.",
                quotes=[argmap.Quote(source="a", text="good company")],
            ),
        ],
        relations=[argmap.Relation(source="e", target="c", kind="supports")],
    )
    path = tmp_path / "overlap.html"
    path.write_text(to_html(m, texts={"a": "Some cats are good company."}), encoding="utf-8")
    browser.get(path.as_uri())
    shared = browser.find_element(By.CSS_SELECTOR, 'mark.quote[data-n="c e"]')
    assert shared.text == "good"
    chosen = []
    for _ in range(3):
        shared.click()
        chosen.append(
            browser.find_element(By.CSS_SELECTOR, "g.node.selected").get_attribute("data-node")
        )
    assert chosen == ["c", "e", "c"]
