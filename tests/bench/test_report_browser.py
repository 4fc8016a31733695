"""The report in a real headless Chromium: grids painted, no console errors, no script run."""

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from abduce.bench.html import PALETTE
from abduce.bench.report import render_report
from tests.bench.report_data import PAYLOAD, hostile_line, llm_line, sample_lines

CHROMIUM = Path("/usr/bin/chromium")
SWITCHES = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
ARC_RGB = {tuple(int(color[i : i + 2], 16) for i in (1, 3, 5)) for color in PALETTE}
GRID_BOXES = """[...document.querySelectorAll('.grid')].map(grid => {
    const box = grid.getBoundingClientRect();
    return [box.left + scrollX, box.top + scrollY, box.right + scrollX, box.bottom + scrollY];
})"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
)


@dataclass
class Shot:
    """A page as Chromium drew it: a full-page screenshot, where its grids are, what went wrong."""

    image: Image.Image
    grids: list[tuple[int, int, int, int]]
    errors: list[str]
    dialogs: list[str]
    text: str


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=CHROMIUM,
            args=SWITCHES,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def open_page(browser, path: Path) -> Shot:
    """Load a file, collect console errors, page errors and dialogs, and screenshot it."""
    page = browser.new_page()
    errors, dialogs = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    grids = [tuple(round(side) for side in box) for box in page.evaluate(GRID_BOXES)]
    image = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")
    text = page.inner_text("body")
    page.close()
    return Shot(image, grids, errors, dialogs, text)


def grid_colors(shot: Shot) -> list[Counter]:
    """How many pixels of each colour lie inside each grid's box, one Counter per grid (an
    empty one for a box of more than 4096 colours: not a grid)."""
    boxes = [(left + 1, top + 1, right - 1, bottom - 1) for left, top, right, bottom in shot.grids]
    crops = [shot.image.crop(box) for box in boxes if box[2] > box[0] and box[3] > box[1]]
    return [Counter({color: n for n, color in crop.getcolors(4096) or []}) for crop in crops]


def assert_grids_painted(shot: Shot) -> None:
    """Every grid is on screen and mostly ARC colours; together they use several of them."""
    painted = grid_colors(shot)
    assert painted and len(painted) == len(shot.grids), "a grid element has no size"
    for pixels in painted:
        arc = sum(count for color, count in pixels.items() if color in ARC_RGB)
        assert arc >= 0.5 * pixels.total(), (
            f"grid not painted in ARC colours: {pixels.most_common(3)}"
        )
    used = {color for pixels in painted for color in pixels} & ARC_RGB
    assert len(used) >= 3, f"only {len(used)} ARC colours drawn"


def write(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_report_paints_its_grids_without_errors(browser, tmp_path):
    lines = [*sample_lines(), llm_line(), hostile_line()]
    html = render_report(lines, title="sample")
    shot = open_page(browser, write(tmp_path, html))
    assert shot.errors == [] and shot.dialogs == []
    assert len(shot.grids) == html.count('<svg class="grid"') > 40
    assert_grids_painted(shot)
    assert PAYLOAD in shot.text  # shown as text, not run


def test_a_script_error_is_caught(browser, tmp_path):
    shot = open_page(
        browser, write(tmp_path, "<p>hi</p><script>console.error('x'); nope()</script>")
    )
    assert len(shot.errors) == 2 and "nope is not defined" in shot.errors[1]


def test_a_script_that_escaped_escaping_would_be_caught(browser, tmp_path):
    html = render_report(sample_lines(), title="sample")
    html = html.replace("<h1>", "<script>alert(1)</script><h1>")
    shot = open_page(browser, write(tmp_path, html))
    assert shot.dialogs == []  # the page's policy blocks it, and says so
    assert len(shot.errors) == 1 and "Content Security Policy" in shot.errors[0]


@pytest.mark.parametrize(
    ("style", "failure"),
    [
        ("display: none", "has no size"),
        ("visibility: hidden", "not painted"),
        ("opacity: 0", "not painted"),
        ("fill: #fff", "not painted"),
    ],
)
def test_grids_that_are_not_painted_fail_the_check(browser, tmp_path, style, failure):
    html = render_report(sample_lines(), title="sample")
    html = html.replace("</style>", f".grid, .grid path {{ {style} !important }}</style>")
    shot = open_page(browser, write(tmp_path, html))
    with pytest.raises(AssertionError, match=failure):
        assert_grids_painted(shot)
