"""The pages in a real browser: Debian's Chromium driven by Playwright.

Each test keeps a screenshot of what it saw in ``SCREENSHOTS`` (printed at
the end of the run). Without Chromium or Playwright these tests are skipped,
unless ``SEARCH_APP_REQUIRE_BROWSER`` is set (``.ci/run`` sets it), when
they fail instead.
"""

import os
import re
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.serving import make_server

from search_app.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(tempfile.gettempdir()) / "search-app-screenshots"
PHONE = {"width": 390, "height": 844}

# Chromium as root in a container, on a machine with no network beyond loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"Chromium is not at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing_browser()
    if reason:
        if os.environ.get("SEARCH_APP_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    print(f"\nbrowser screenshots: {SCREENSHOTS}")


@pytest.fixture(scope="module")
def site(sample_index):
    """The app on the sample index, served over HTTP on a free port."""
    server = make_server("127.0.0.1", 0, create_app({"INDEX_PATH": str(sample_index)}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def page(browser, request):
    """A fresh desktop page; its screenshot is kept under the test's name."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    context.close()
    assert errors == [], "the page reported errors (a script failed or a CSP refused something)"


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def result_titles(page):
    return page.locator("ol.results li.result h2").all_inner_texts()


def test_a_search_typed_on_the_home_page_lists_the_matching_articles(page, site):
    page.goto(site + "/")
    box = page.get_by_label("Từ khóa tìm kiếm")
    box.press_sequentially("an toan buc xa", delay=20)
    page.locator("#completions li").first.wait_for()
    box.press("Escape")  # closes the completions and keeps what was typed
    assert page.locator("#completions").is_hidden()
    assert box.input_value() == "an toan buc xa"
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"/search\?"))

    assert query_of(page.url)["q"] == "an toan buc xa"
    assert result_titles(page)[0] == "Viện Năng lượng nguyên tử Việt Nam tổng kết công tác an toàn bức xạ"
    assert page.locator("ol.results li.result").first.locator(".snippet mark").count() > 0


def test_completions_are_chosen_with_the_arrow_keys_and_enter(page, site):
    page.goto(site + "/")
    box = page.get_by_role("combobox")
    box.press_sequentially("hoi", delay=30)
    options = page.locator("#completions li[role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    assert second.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    chosen = second.inner_text()
    assert chosen == "hội nghị"

    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    assert query_of(page.url)["q"] == chosen
    assert page.get_by_role("combobox").input_value() == chosen


def test_a_year_in_the_filters_narrows_the_results_and_its_chip_removes_it(page, site):
    page.goto(site + "/search?q=hoi+nghi")
    before = result_titles(page)
    year = page.locator(".facet-year li").first
    name, count = year.locator("a").inner_text(), int(year.locator(".count").inner_text())
    year.locator("a").click()
    page.wait_for_url(re.compile(r"year="))

    after = result_titles(page)
    assert len(after) == count < len(before)
    assert set(after) < set(before)
    dates = page.locator("ol.results .date").all_inner_texts()
    assert len(dates) == count and all(date.startswith(name) for date in dates)

    page.locator(".active-filters .chip").click()
    page.wait_for_url(lambda url: "year=" not in url)
    assert result_titles(page) == before


def test_the_next_page_continues_the_list_where_the_first_ended(page, site):
    page.goto(site + "/search?q=cong+nghe")
    first = result_titles(page)
    assert page.locator("nav.pages").inner_text().startswith("Trang 1 / 2")
    page.get_by_role("link", name="Sau ›").click()
    page.wait_for_url(re.compile(r"page=2"))

    second = result_titles(page)
    assert len(first) == 10 and 0 < len(second) <= 10
    assert not set(first) & set(second)
    assert page.locator("ol.results").get_attribute("start") == "11"
    page.get_by_role("link", name="‹ Trước").click()
    page.wait_for_url(lambda url: "page=2" not in url)
    assert result_titles(page) == first


def test_the_document_page_marks_the_words_searched_for(page, site):
    page.goto(site + "/search?q=an+toan+buc+xa")
    page.locator("ol.results h2 a").first.click()
    page.wait_for_url(re.compile(r"/doc/"))

    # The phrase is one mark; its syllables are marked where they stand alone ("an ninh").
    marks = [text.lower() for text in page.locator("main mark").all_inner_texts()]
    assert marks[:2] == ["an toàn bức xạ", "an toàn bức xạ"]  # the title, then the body
    assert set(marks) <= {"an toàn bức xạ", "an toàn", "bức xạ", "an", "toàn", "bức", "xạ"}, marks
    assert (
        page.locator("h1").inner_text()
        == "Viện Năng lượng nguyên tử Việt Nam tổng kết công tác an toàn bức xạ"
    )


def test_a_speaker_link_opens_the_speakers_page_with_their_articles(page, site):
    page.goto(site + "/search?q=an+toan+buc+xa")
    speaker = page.locator("ol.results li.result").first.locator("a.speaker").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_url(re.compile(r"/speaker/"))

    assert name in page.locator("h1").inner_text()
    titles = page.locator("main li a").all_inner_texts()
    assert "Viện Năng lượng nguyên tử Việt Nam tổng kết công tác an toàn bức xạ" in titles


def test_without_javascript_the_form_searches_and_the_filters_stay_open(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_label("Từ khóa tìm kiếm").fill("hoi nghi")
    page.get_by_label("Từ khóa tìm kiếm").press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))

    assert len(result_titles(page)) == 10
    assert page.locator("details.facets").get_attribute("open") is not None
    assert page.locator(".facet-year a").first.is_visible()
    assert page.locator("#completions").is_hidden()
    page.screenshot(path=SCREENSHOTS / "no-javascript.png", full_page=True)
    context.close()


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_on_a_phone_the_filters_are_a_folded_bar_above_the_results_and_no_sideways_scroll(browser, site):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site + "/search?q=hoi+nghi")
    bar = page.locator("details.facets > summary")
    first_result = page.locator("ol.results li.result").first
    assert bar.bounding_box()["y"] < first_result.bounding_box()["y"] < PHONE["height"]
    assert page.locator("details.facets").get_attribute("open") is None
    assert page.locator(".facet-year a").first.is_hidden()
    page.screenshot(path=SCREENSHOTS / "phone-results.png")

    bar.tap()
    year = page.locator(".facet-year a").first
    assert year.is_visible()
    page.screenshot(path=SCREENSHOTS / "phone-filters-open.png")
    year.tap()
    page.wait_for_url(re.compile(r"year="))

    for path in ["/", "/search?q=hoi+nghi", page.url, "/search?q=xyzzy+qwerty"]:
        page.goto(path if path.startswith("http") else site + path)
        assert horizontal_overflow(page) == 0, path
    page.goto(site + "/search?q=an+toan+buc+xa")
    page.locator("ol.results h2 a").first.tap()
    page.wait_for_url(re.compile(r"/doc/"))
    assert horizontal_overflow(page) == 0, page.url
    page.screenshot(path=SCREENSHOTS / "phone-document.png", full_page=True)
    context.close()


# WCAG 2.1 contrast of every visible piece of text against the background it sits on.
CONTRAST = """() => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const parse = (css) => css.match(/[\\d.]+/g).map(Number);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden") continue;
    const fg = luminance(parse(style.color).slice(0, 3)), bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${element.tagName}.${element.className}: ${ratio.toFixed(2)} < ${needed}`);
  }
  return failures;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=hoi+nghi",
        "/search?q=xyzzy+qwerty&year=2023",
        "/doc/khcn/07-vien-nang-luong-nguyen-tu?q=buc+xa",
    ],
)
def test_every_text_on_the_pages_has_enough_contrast(page, site, path):
    page.goto(site + path)
    assert page.evaluate(CONTRAST) == []


def test_the_completions_and_the_focus_outline_have_enough_contrast(page, site):
    page.goto(site + "/")
    page.get_by_role("combobox").press_sequentially("nguyen", delay=30)
    page.locator("#completions li").first.wait_for()
    page.get_by_role("combobox").press("ArrowDown")
    assert page.evaluate(CONTRAST) == []
    hint = page.evaluate(
        "getComputedStyle(document.querySelector('#completions li.speaker'), '::after').color"
    )
    assert hint == "rgb(95, 99, 104)"  # #5f6368: 6.0 to 1 on white

    page.keyboard.press("Escape")
    page.keyboard.press("Tab")  # from the box to the button
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert outline == "solid"
