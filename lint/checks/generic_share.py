"""Too many generic indicators (通用绩效指标过多) in one table.

A generic indicator — 预算执行率, 资金支付及时率, 工作完成及时率, 全年工作有序推进, 工作完成质量 …
— fits any project and says nothing about what this one produces or achieves. One or two
alongside real outputs are common; when they make up a large share of the 三级指标, the
table stands on them instead of on its outputs, the weakness the self-assessment names
(seeds/003: "通用绩效指标过多").

The share is the number of generic rows over the number of indicator rows in the table.
Rows whose name is a placeholder (不适用, 无 …) or empty are not counted. A rule's ``where``
(一级/二级/names) narrows both counts.

Options:
    terms: regular expressions matched (``re.search``) against the normalised 三级指标
        name: spaces and quotes removed, full-width folded, a bracket holding only a unit
        dropped ("资金支付及时率（%）" is matched as "资金支付及时率"). Anchor them with
        ``^…$`` to match whole names.
    inputs: regular expressions, matched the same way, for inputs and process measures
        (资金到位率, 预算执行率, 资金供应时效, 保证单位正常运转 …); a row matching one is
        generic too. The default pack gives this option the same list as the per-row rule
        JX606 (one YAML anchor), so the table-level share and the per-row finding agree.
    threshold: the table is reported when the share is above this fraction (0.2: more
        than one in five).
    placeholders: names that mark an empty row, not an indicator.

Located on the first generic indicator's 三级指标 name.

Message parameters: ``share`` ("22%"), ``count``, ``total``, ``threshold`` ("20%"),
``names`` (the generic names as written, listed: 、-separated in Chinese), ``indicator`` (the first).
"""

from __future__ import annotations

from typing import Iterator

from lint.checks._options import Number, Words
from lint.checks._names import PLACEHOLDERS, normalise, real_indicators
from lint.checks._texts import listed
from lint.findings import Hit

SCOPE = "table"
WHERE = ("level1", "level2", "names")
OPTIONS = {"terms": [], "inputs": [], "threshold": 0.2, "placeholders": PLACEHOLDERS}
PATTERN_OPTIONS = ("terms", "inputs")
ALLOWED = {"threshold": Number(minimum=0, maximum=1), "placeholders": Words()}


def check(rule, table) -> Iterator[Hit]:
    terms, inputs = rule.options["terms"], rule.options["inputs"]
    indicators = real_indicators(table, rule.options["placeholders"], rule.where)
    generic = [i for i in indicators if terms.search(name := normalise(i.name.text)) or inputs.search(name)]
    if not generic or len(generic) / len(indicators) <= rule.options["threshold"]:
        return
    first = min(generic, key=lambda i: i.name.span)
    names = [i.name.text for i in generic]
    yield Hit(
        first.name.span,
        params={
            "share": f"{len(generic) / len(indicators):.0%}",
            "count": len(generic),
            "total": len(indicators),
            "threshold": f"{rule.options['threshold']:.0%}",
            "names": listed(names),
        },
        indicator=first.name.text,
        value="、".join(names),
    )
