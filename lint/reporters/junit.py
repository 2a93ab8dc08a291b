"""JUnit XML: one testcase per file and rule, failing when that rule found something there.

A clean file is one passing testcase, so CI dashboards count every file checked. Every text
from the checked files goes through :func:`~lint.reporters.escape.printable`: control
characters are not legal in XML 1.0, and a parser rejects the whole report for one of them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree as ET

from lint.findings import FileResult, Severity
from lint.reporters import ReportContext
from lint.reporters.escape import printable


def render(results: list[FileResult], out: TextIO, context: ReportContext) -> None:
    suite = ET.Element("testsuite", name="jxlint")
    tests = failures = 0
    for result in results:
        by_rule = defaultdict(list)
        for f in result.findings:
            by_rule[(f.rule, f.slug)].append(f)
        if not by_rule:
            ET.SubElement(suite, "testcase", classname=printable(result.path), name="jxlint")
            tests += 1
        for (rule, slug), findings in by_rule.items():
            case = ET.SubElement(suite, "testcase", classname=printable(result.path), name=printable(f"{rule} {slug}"))
            failure = ET.SubElement(case, "failure", message=printable(findings[0].message),
                                    type=str(Severity.worst(f.severity for f in findings)))
            failure.text = "\n".join(f"{printable(f.path)}:{f.span.line}:{f.span.column}: {printable(f.message)}"
                                      for f in findings)
            tests += 1
            failures += 1
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", tests=str(tests), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
