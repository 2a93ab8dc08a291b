"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded (never ``playwright install``): the test uses /usr/bin/chromium
from Debian's ``chromium`` package, which .ci/run installs. The report of examples/ is
rendered, checked against the findings of ``--format json``, filtered as a reviewer would,
printed to an A4 PDF and screenshotted. Artifacts go to $JXLINT_ARTIFACTS (or a pytest
temporary folder); their paths are printed (``pytest -s`` shows them).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from tests.cli_helpers import findings_json, jxlint
from tests.conftest import EXAMPLES

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SEED_001 = "001_dongguan_fulian_2025_projects.yaml"

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

# What the page knows, read in the browser: every drawn cell and every finding note.
COLLECT = """() => {
  const shown = (el) => el.checkVisibility();
  const cells = [...document.querySelectorAll("td[data-loc], th[data-loc]")].map((cell) => ({
    loc: cell.dataset.loc,
    text: (cell.querySelector(":scope > .v") || {textContent: ""}).textContent,
    flagged: cell.classList.contains("flagged"),
    severity: ["error", "warning", "info"].find((s) => cell.classList.contains("sev-" + s)) || null,
    goal: cell.classList.contains("goal"),
    background: getComputedStyle(cell).backgroundColor,
    notes: [...cell.querySelectorAll(".finding")].map((n) => ({
      loc: n.dataset.loc, rule: n.dataset.rule, severity: n.dataset.severity, shown: shown(n)})),
  }));
  const notes = [...document.querySelectorAll(".finding")].map((n) => ({
    loc: n.dataset.loc, rule: n.dataset.rule, severity: n.dataset.severity, shown: shown(n),
    inCell: !!n.closest("td, th"),
  }));
  const tables = [...document.querySelectorAll("section.table-section")].map((s) => ({
    id: s.id,
    path: s.closest("section.file-section").dataset.path,
    title: (s.querySelector("td.title-cell .v") || {textContent: ""}).textContent,
    findings: Number(s.dataset.findings),
    shown: shown(s),
  }));
  return {cells, notes, tables};
}"""


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ["JXLINT_ARTIFACTS"]) if os.environ.get("JXLINT_ARTIFACTS") else \
        tmp_path_factory.mktemp("html-report")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return findings_json(str(EXAMPLES))


@pytest.fixture(scope="module")
def report(artifacts, expected) -> Path:
    from lint.reporters import FORMATS

    target = artifacts / "report-examples.html"
    if "html" in FORMATS:
        result = jxlint("check", str(EXAMPLES), "--format", "html", "-o", str(target))
        assert result.exit_code == 1, result.output
    else:  # the format is not registered on the command line yet: call the reporter itself
        from lint.reporters import ReportContext, html
        from lint.runner import Run

        run = Run()
        results = [run.check(path) for path in run.files([str(EXAMPLES)])]
        with open(target, "w", encoding="utf-8") as out:
            html.render(results, out, ReportContext(rules=run.rules()))
    print(f"\nHTML report: {target}")
    return target


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, report):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    yield page
    assert not errors, errors
    assert requests == [report.as_uri()], f"the report loaded something besides itself: {requests}"
    page.close()


def loc(finding: dict) -> str:
    return f"{finding['file']}:{finding['line']}:{finding['column']}"


def test_white_magnolia_shows_5场_and_cost_cap_highlighted(page, expected):
    """Seed 001, 购买白玉兰家庭服务项目: 年度指标值 5场 (cycle 55场) and ≤954100元 (budget 954,112.00元)."""
    state = page.evaluate(COLLECT)
    flagged_locs = {loc(f) for f in expected}
    table = next(t for t in state["tables"] if t["path"].endswith(SEED_001) and t["title"] == "购买白玉兰家庭服务项目")
    section = page.locator(f"section#{table['id']}")
    for text in ("5场", "≤954100元"):
        cells = [c for c in state["cells"] if c["loc"].split(":")[0].endswith(SEED_001) and c["text"] == text
                 and section.locator(f'td[data-loc="{c["loc"]}"]').count()]
        assert cells, text
        assert any(c["flagged"] for c in cells), f"{text} is not highlighted"
        for cell in cells:
            assert cell["flagged"] == (cell["loc"] in flagged_locs), cell
            if cell["flagged"]:
                assert cell["background"] not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
                messages = {f["message"] for f in expected if loc(f) == cell["loc"]}
                shown = section.locator(f'td[data-loc="{cell["loc"]}"] .finding .msg').all_inner_texts()
                assert set(shown) == messages
                assert section.locator(f'td[data-loc="{cell["loc"]}"]').is_visible()


def test_highlighted_cells_are_the_cells_with_findings(page, expected):
    state = page.evaluate(COLLECT)
    assert Counter((n["loc"], n["rule"]) for n in state["notes"]) == Counter((loc(f), f["rule"]) for f in expected)
    flagged = [c for c in state["cells"] if c["flagged"]]
    assert flagged and all(c["notes"] for c in flagged)
    assert all(c["flagged"] for c in state["cells"] if c["notes"])
    for cell in flagged:
        worst = max(cell["notes"], key=lambda n: ["info", "warning", "error"].index(n["severity"]))
        assert cell["severity"] == worst["severity"]
        for note in cell["notes"]:
            # a note sits on the cell its finding points at, or inside a goal text it quotes
            assert note["loc"] == cell["loc"] or cell["goal"], (cell["loc"], note)
    in_cells = Counter(n["loc"] for c in flagged for n in c["notes"])
    on_files = Counter(n["loc"] for n in state["notes"] if not n["inCell"])
    assert in_cells + on_files == Counter(loc(f) for f in expected)


def test_severity_filter_hides_warnings_and_keeps_errors(page, expected):
    page.uncheck('#filters input[name="severity"][value="warning"]')
    state = page.evaluate(COLLECT)
    notes = state["notes"]
    assert any(n["severity"] == "warning" for n in notes)
    assert not any(n["shown"] for n in notes if n["severity"] == "warning")
    assert all(n["shown"] for n in notes if n["severity"] != "warning")
    assert sum(n["shown"] for n in notes) == sum(1 for f in expected if f["severity"] != "warning")
    # a cell whose findings are all warnings is no longer highlighted
    for cell in state["cells"]:
        assert cell["flagged"] == any(n["severity"] != "warning" for n in cell["notes"]), cell["loc"]
    page.check('#filters input[name="severity"][value="warning"]')
    assert all(n["shown"] for n in page.evaluate(COLLECT)["notes"])


def test_only_tables_with_findings_and_rule_filter(page, expected):
    page.check('#filters input[name="only"]')
    tables = page.evaluate(COLLECT)["tables"]
    for table in tables:
        assert table["shown"] == (table["findings"] > 0), table
    # one rule only: just the tables where that rule found something stay
    rule = next(f["rule"] for f in expected if f["file"].endswith(SEED_001) and f["value"] == "5场")
    page.click('#filters button[data-rules="none"]')
    page.check(f'#filters input[name="rule"][value="{rule}"]')
    state = page.evaluate(COLLECT)
    assert {(t["path"], t["title"]) for t in state["tables"] if t["shown"]} == \
        {(f["file"], f["project"]) for f in expected if f["rule"] == rule}
    assert all(n["shown"] == (n["rule"] == rule) for n in state["notes"])
    page.uncheck('#filters input[name="only"]')
    assert all(t["shown"] for t in page.evaluate(COLLECT)["tables"])


def test_print_layout_and_screenshots(page, artifacts):
    shots = artifacts / "report-examples.png"
    page.screenshot(path=str(shots), full_page=True)
    form = artifacts / "report-001-baiyulan.png"
    page.add_style_tag(content=".filters { position: static; }")  # keep the sticky bar out of the crop
    page.locator("section.table-section", has_text="购买白玉兰家庭服务项目").first.screenshot(path=str(form))
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.form-indicators tr')).breakInside") == "avoid"
    pdf = artifacts / "report-examples-a4.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    for path in (shots, form, pdf):
        assert path.stat().st_size > 10_000, path
        print(f"artifact: {path}")
    assert pdf.read_bytes().startswith(b"%PDF")
