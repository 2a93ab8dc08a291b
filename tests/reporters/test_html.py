"""The HTML report, read back with html.parser: the page a finance bureau reviewer opens offline."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from html.parser import HTMLParser
from importlib import resources
from io import StringIO

import pytest

from lint.findings import FileResult, Finding, Severity, Span
from lint.loading import load_target
from lint.loading.tree import Cell
from lint.reporters import ReportContext
from lint.reporters import html as html_report
from tests.conftest import EXAMPLES
from tests.helpers import HEADER, check_text

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- a small DOM over html.parser ------------------------------------------------------------


@dataclasses.dataclass(eq=False)
class Node:
    tag: str
    attrs: dict
    parent: "Node | None" = None
    children: list = dataclasses.field(default_factory=list)  # Node or str

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Node"]:
        return [
            node for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
            and all(node.attrs.get(key.replace("_", "-")) == value for key, value in attrs.items())
        ]

    def find(self, *args, **kwargs) -> "Node":
        found = self.find_all(*args, **kwargs)
        assert found, (args, kwargs)
        return found[0]

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def own_text(self) -> str:
        """The cell's own text (its ``.v`` span), without the finding notes under it."""
        values = [child for child in self.children if isinstance(child, Node) and "v" in child.classes]
        return values[0].text() if values else ""

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Every element the reporter writes is closed explicitly, in order.
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}> at {self.getpos()}"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements: " + ", ".join(n.tag for n in builder.stack[1:])
    return builder.root


# --- fixtures ----------------------------------------------------------------------------------


def render(results: list[FileResult], lang: str = "zh", rules: dict | None = None) -> str:
    out = StringIO()
    html_report.render(results, out, ReportContext(lang=lang, rules=rules or {}))
    return out.getvalue()


@pytest.fixture(scope="module")
def example_results() -> list[FileResult]:
    from lint.runner import Run

    run = Run()
    return [run.check(path) for path in run.files([str(EXAMPLES)])]


@pytest.fixture(scope="module")
def example_page(example_results) -> str:
    return render(example_results)


@pytest.fixture(scope="module")
def dom(example_page) -> Node:
    return parse(example_page)


def loc(f: Finding) -> str:
    return f"{f.path}:{f.span.line}:{f.span.column}"


def model_cells(obj, seen=None):
    """Every located Cell of a loaded model, found by walking its dataclasses."""
    seen = set() if seen is None else seen
    if isinstance(obj, Cell):
        yield obj
        return
    if obj is None or isinstance(obj, (str, int, float, bool, Span)) or id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from model_cells(item, seen)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from model_cells(item, seen)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from model_cells(getattr(obj, f.name), seen)


# --- tests -------------------------------------------------------------------------------------


def test_examples_have_findings_and_tables(example_results, dom):
    assert sum(len(r.findings) for r in example_results) > 20
    assert len(dom.find_all("section", cls="file-section")) == len(example_results)
    assert len(dom.find_all("section", cls="table-section")) >= 20  # 17 + 3 projects, 2 departments


def test_page_is_self_contained(example_page, dom):
    assert example_page.startswith("<!DOCTYPE html>")
    for node in dom.iter():
        for name in ("src", "href", "action", "data", "srcset", "poster", "xlink:href"):
            value = (node.attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http://", "https://", "//", "ftp:", "data:")), (node.tag, name, value)
        assert node.tag not in {"link", "img", "iframe", "object", "embed", "base"}, node.tag
        assert not (node.tag == "script" and "src" in node.attrs)
    styles = "".join(node.text() for node in dom.find_all("style"))
    assert "url(" not in styles and "@import" not in styles and "@font-face" not in styles
    assert '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif' in styles
    assert len(dom.find_all("script")) == 1 and len(dom.find_all("style")) == 1
    # the links that are there all lead down the page
    anchors = {node.attrs["id"] for node in dom.iter() if "id" in node.attrs}
    for node in dom.find_all("a"):
        assert node.attrs["href"].startswith("#") and node.attrs["href"][1:] in anchors


def test_summary_counts_equal_the_findings(example_results, dom):
    findings = [f for r in example_results for f in r.findings]

    def counts(kind: str) -> dict[str, int]:
        return {node.attrs["data-key"]: int(node.attrs["data-count"]) for node in dom.find_all(data_summary=kind)}

    assert int(dom.find(cls="lead").attrs["data-total"]) == len(findings)
    assert str(len(findings)) in dom.find(cls="lead").text()
    severity = counts("severity")
    assert severity == {str(s): sum(1 for f in findings if f.severity == s) for s in Severity}
    assert sum(severity.values()) == len(findings)
    assert counts("family") == dict(Counter(f.family for f in findings))
    per_table, per_file = counts("table"), counts("file")
    assert sum(per_table.values()) + sum(per_file.values()) == len(findings)
    # each table's count is the number of notes drawn in it, and its link leads to it
    for key, count in per_table.items():
        section = dom.find("section", id=key)
        assert len(section.find_all(cls="finding")) == count
    # the chart: one bar group per family, no more bars than severities
    chart = dom.find("svg", cls="chart")
    assert len([t for t in chart.find_all("text") if "num" in t.classes]) == len(counts("family"))
    assert sum(int(t.text()) for t in chart.find_all("text") if "num" in t.classes) == len(findings)


def test_every_finding_is_shown_once_with_file_line_col(example_results, dom):
    findings = [f for r in example_results for f in r.findings]
    notes = dom.find_all(cls="finding")
    assert Counter((n.attrs["data-loc"], n.attrs["data-rule"], n.attrs["data-severity"]) for n in notes) == \
        Counter((loc(f), f.rule, str(f.severity)) for f in findings)
    # One cell can hold two findings of one rule (JX402: no 效益指标, no 满意度指标), so match by message too.
    by_key = {(loc(f), f.rule, f.message): f for f in findings}
    for note in notes:
        finding = by_key[(note.attrs["data-loc"], note.attrs["data-rule"], note.find(cls="msg").text())]
        assert note.find(cls="loc").text() == loc(finding)
        if finding.hint:
            assert finding.hint in note.find(cls="hint").text()


def test_highlighted_cells_are_exactly_the_cells_with_findings(example_results, dom):
    for result in example_results:
        section = dom.find("section", data_path=result.path)
        drawn = {node.attrs["data-loc"]: node for node in section.find_all() if node.tag in ("td", "th")
                 and "data-loc" in node.attrs}
        model = load_target(result.path, result.text.encode("utf-8")).target
        spans = {f"{result.path}:{c.span.line}:{c.span.column}": c.span for c in model_cells(model)}
        expected: dict[str, list[str]] = {}
        for f in result.findings:
            if loc(f) in drawn:
                where = loc(f)
            else:  # text inside a drawn cell (a number quoted in a 年度目标)
                inside = [key for key in drawn if key in spans and spans[key].contains(f.span)]
                if not inside:
                    continue
                where = min(inside, key=lambda key: (spans[key].end_line - spans[key].line,
                                                      spans[key].end_column - spans[key].column))
            expected.setdefault(where, []).append(loc(f))
        flagged = {key for key, node in drawn.items() if "flagged" in node.classes}
        assert flagged == set(expected), result.path
        for key, node in drawn.items():
            notes = [n.attrs["data-loc"] for n in node.find_all(cls="finding")]
            assert sorted(notes) == sorted(expected.get(key, [])), key
            if key in expected:
                worst = max(f.severity for f in result.findings if loc(f) in expected[key])
                assert f"sev-{worst}" in node.classes
        # no note anywhere but in a drawn cell or the file's own list
        for note in section.find_all(cls="finding"):
            holder = next(a for a in note.ancestors() if a.tag in ("td", "th", "ul"))
            assert holder.tag == "ul" or "flagged" in holder.classes


def test_seed_001_white_magnolia_cells(example_results, dom):
    """购买白玉兰家庭服务项目: 5场 (vs 55场) and ≤954100元 (vs 954,112.00元) are highlighted."""
    result = next(r for r in example_results if r.path.endswith("001_dongguan_fulian_2025_projects.yaml"))
    locs = {loc(f) for f in result.findings}
    file_section = dom.find("section", data_path=result.path)
    table = next(s for s in file_section.find_all("section", cls="table-section")
                 if "购买白玉兰家庭服务项目" in s.find(cls="form-name").text())
    for text in ("5场", "≤954100元"):
        cells = [c for c in table.find_all("td") if c.own_text() == text]
        assert cells, text
        flagged = [c for c in cells if "flagged" in c.classes]
        assert flagged, f"{text} is not highlighted"
        for cell in cells:
            assert ("flagged" in cell.classes) == (cell.attrs["data-loc"] in locs)
    # the rows are drawn like the form: 产出指标 spans its 6 rows, 数量指标 its 3
    产出 = next(th for th in table.find_all("th") if th.text() == "产出指标")
    assert 产出.attrs["rowspan"] == "6"
    数量 = next(th for th in table.find_all("th") if th.text() == "数量指标")
    assert 数量.attrs["rowspan"] == "3"
    # the goal cell takes the finding on 社区活动55场 and marks the words
    goal = next(c for c in table.find_all("td", cls="goal") if "社区活动55场" in c.own_text())
    if any(goal.attrs["data-loc"] != n.attrs["data-loc"] for n in goal.find_all(cls="finding")):
        assert any("55" in m.text() for m in goal.find_all("mark"))


def grid_width(table: Node) -> set[int]:
    """The number of columns each row occupies, counting cells that span down into it."""
    widths, carried = set(), []  # carried: [remaining rows, colspan]
    for row in table.find_all("tr"):
        width = sum(colspan for _, colspan in carried)
        carried = [[left - 1, colspan] for left, colspan in carried if left > 1]
        for cell in (c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")):
            colspan, rowspan = int(cell.attrs.get("colspan", 1)), int(cell.attrs.get("rowspan", 1))
            width += colspan
            if rowspan > 1:
                carried.append([rowspan - 1, colspan])
        widths.add(width)
    return widths


def test_every_form_table_is_a_rectangle(dom):
    for table in dom.find_all("table", cls="form"):
        if "file-meta" in table.classes:
            continue
        columns = len(table.find_all("col"))
        assert grid_width(table) == {columns}, table.attrs


def test_forms_show_their_parts(dom, example_results):
    text = dom.text()
    for label in ("项目名称", "项目类型", "主管部门", "实施周期", "起始年度", "到期年度", "实施周期总目标",
                  "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "指标值",
                  "部门名称", "预算整体情况", "年度重点工作任务", "合计", "2025年度目标", "2025年预算金额"):
        assert label in text, label
    department = next(s for s in dom.find_all("section", cls="table-section")
                      if s.attrs["data-kind"] == "department" and "东莞市妇女联合会" in s.text())
    tasks = department.find("table", cls="form-tasks")
    assert len(tasks.find("tbody").find_all("tr")) == 7
    amounts = [c.own_text() for c in department.find_all("td", cls="amount")]
    assert "3,139.95万元" in amounts and "7,272.70万元" in amounts and "236,100.00元" in amounts
    longgang = next(s for s in dom.find_all("section", cls="table-section") if "龙岗区" in s.text())
    assert any(c.own_text() == "1310万元" for c in longgang.find_all("td"))
    heads = [th.text() for th in longgang.find("table", cls="form-indicators").find_all("th")]
    assert "指标值" in heads and "年度指标值" not in heads


def test_cell_text_and_paths_are_escaped():
    evil = '<script>alert(1)</script>'
    text = HEADER + (
        f'  - 项目名称: "{evil} \\"q\\" \'s\' &amp;"\n'
        "    绩效指标:\n      产出指标:\n        数量指标:\n"
        f"          - {{指标: '{evil}', 实施周期指标值: '{evil}', 年度指标值: '\"≥30\" <b>'}}\n"
    )
    result = check_text(text)
    path = 'we"ird <img src=x onerror=alert(2)>&.yaml'
    result = FileResult(path, [dataclasses.replace(f, path=path) for f in result.findings], result.text)
    assert result.findings
    page = render([result])
    assert evil not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    dom = parse(page)
    assert len(dom.find_all("script")) == 1 and not dom.find_all("img") and not dom.find_all("b")
    # html.parser gives back exactly the text of the file
    assert dom.find("section", cls="file-section").attrs["data-path"] == path
    cells = [c.own_text() for c in dom.find_all("td")]
    assert f'{evil} "q" \'s\' &amp;' in cells and evil in cells and '"≥30" <b>' in cells
    for note in dom.find_all(cls="finding"):
        assert note.attrs["data-loc"].startswith(path + ":")
        assert note.find(cls="loc").text().startswith(path + ":")


def test_findings_on_no_drawn_cell_are_listed_under_the_file():
    duplicate = HEADER + "  - 项目名称: 家庭工作经费\n    预算金额: 560,000.00元\n    预算金额: 560,000.00元\n"
    broken = "单位: [东莞市妇女联合会\n"
    results = [check_text(duplicate, select=["JX0"]), check_text(broken, select=["JX0"])]
    results[1].path = "broken.yaml"
    results[1].findings = [dataclasses.replace(f, path="broken.yaml") for f in results[1].findings]
    assert {f.rule for f in results[0].findings} == {"JX002"} and results[1].findings
    dom = parse(render(results))
    first, second = dom.find_all("section", cls="file-section")
    listed = first.find(cls="file-findings").find_all("li", cls="finding")
    assert [n.attrs["data-rule"] for n in listed] == ["JX002"]
    assert not first.find_all(cls="flagged")
    assert first.find_all("section", cls="table-section")  # the table is still drawn
    assert second.find(cls="notice") and len(second.find_all("li", cls="finding")) == len(results[1].findings)
    counts = {n.attrs["data-key"]: int(n.attrs["data-count"]) for n in dom.find_all(data_summary="file")}
    assert counts == {"f1": 1, "f2": len(results[1].findings)}


def test_results_are_gone_through_once(example_results, example_page):
    """Results stream from the workers: a one-shot iterator gives the same page as a list."""
    assert render(iter(example_results)) == example_page
    assert render(result for result in example_results) == example_page


def test_unreadable_result_without_text():
    finding = Finding("JX007", "undecodable", Severity.ERROR, "无法解码", "x.yaml", Span.point(1, 1), family="file")
    dom = parse(render([FileResult("x.yaml", [finding], None)]))
    assert dom.find("li", cls="finding").attrs["data-loc"] == "x.yaml:1:1"


def test_clean_run_and_english_labels(example_results):
    clean = FileResult("ok.yaml", [], HEADER + "  - 项目名称: 家庭工作经费\n")
    page = render([clean])
    assert "没有发现问题" in page and 'lang="zh-CN"' in page
    english = parse(render(example_results[:1], lang="en"))
    assert english.find("html").attrs["lang"] == "en"
    assert english.find("section", id="summary").find("h2").text() == "Summary"
    assert {label.text().split("(")[0].strip() for label in english.find("form").find_all("label")
            if label.find_all("input", name="severity")} == {"error", "warning", "info"}


def test_filters_and_print_stylesheet_are_there(dom, example_results):
    form = dom.find("form", id="filters")
    assert {i.attrs["value"] for i in form.find_all("input", name="severity")} == {"error", "warning", "info"}
    rules = {f.rule for r in example_results for f in r.findings}
    assert {i.attrs["value"] for i in form.find_all("input", name="rule")} == rules
    assert form.find_all("input", name="only")
    css = dom.find("style").text()
    assert re.search(r"@page\s*\{[^}]*A4", css)
    printed = css[css.index("@media print"):]
    assert ".filters" in printed and "break-inside: avoid" in printed and "table-header-group" in printed
    script = dom.find("script").text()
    assert "innerHTML" not in script and "eval(" not in script


def test_assets_are_package_files():
    folder = resources.files("lint.reporters").joinpath("html_assets")
    for name in ("report.css", "report.js", "labels.yaml", "page.html.j2", "file.html.j2"):
        assert folder.joinpath(name).is_file(), name


def test_templates_never_mark_a_value_safe():
    """Every value goes through the environment's finalize (keeping_layout, then html.escape):
    a template that turned escaping off or marked a value safe would print a cell as markup."""
    folder = resources.files("lint.reporters").joinpath("html_assets")
    for name in ("page.html.j2", "file.html.j2"):
        template = folder.joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|\|\s*e\b|\|\s*escape\b", template), name
    assert html_report._TEMPLATES.autoescape is True and html_report._TEMPLATES.finalize is html_report._shown


def test_cli_writes_the_html_report(tmp_path):
    from lint.cli import FORMAT_CHOICES, SOURCE_FORMATS
    from lint.reporters import FORMATS
    from tests.cli_helpers import jxlint

    assert "html" in FORMATS and "html" in FORMAT_CHOICES, \
        "register the format: 'html' in lint.reporters.FORMATS and lint.cli.FORMAT_CHOICES"
    assert "html" in SOURCE_FORMATS, "the report redraws the tables from each file's text: add 'html' to SOURCE_FORMATS"
    target = tmp_path / "report.html"
    result = jxlint("check", str(EXAMPLES), "--format", "html", "-o", str(target))
    assert result.exit_code == 1, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    dom = parse(page)
    assert dom.find_all(cls="flagged") and not dom.find_all(cls="file-findings")
    # the rule filter carries each rule's summary from the pack
    assert any(" — " in (label.attrs.get("title") or "") for label in dom.find("form").find_all("label"))


def test_labels_are_a_data_file_with_the_same_words_in_each_language():
    """The page's words live in html_assets/labels.yaml, which reads the same without libyaml."""
    import yaml

    text = resources.files("lint.reporters").joinpath("html_assets", "labels.yaml").read_text(encoding="utf-8")
    labels = yaml.load(text, Loader=yaml.SafeLoader)
    assert set(labels) == {"text", "form"}
    for table in labels.values():
        assert set(table) == {"zh", "en"} and set(table["zh"]) == set(table["en"])
        assert all(isinstance(word, str) and word for words in table.values() for word in words.values())


def test_the_form_heads_are_the_schemas_and_every_head_field_has_a_label():
    """One list of head fields (lint.loading.model) serves the loader, the importer and this
    report: each is a key the schema allows, and the report has a label for it in each language."""
    import json

    from lint.loading import model

    schema = json.loads((EXAMPLES.parent / "schema" / "target-file.schema.json").read_text(encoding="utf-8"))
    heads = {
        "project": (model.PROJECT_TITLE, *model.PROJECT_FIELDS, *model.APPROVAL_FIELDS),
        "department": (model.DEPARTMENT_TITLE, *model.DEPARTMENT_FIELDS),
        "self_assessment": (model.PROJECT_TITLE, *model.SELF_ASSESSMENT_FIELDS, *model.SELF_ASSESSMENT_SIGNERS),
    }
    for kind, keys in heads.items():
        assert set(keys) <= set(schema["$defs"][kind]["properties"]), kind
        for lang in ("zh", "en"):
            assert set(keys) <= set(html_report._FORM_LABELS[lang]), (kind, lang)
