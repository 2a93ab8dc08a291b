"""Inline suppressions in target files.

``# jxlint: disable=ID[,ID]`` at the end of a line silences those rules on that line;
``# jxlint: disable-next-line=ID`` on the line after it; ``# jxlint: disable-file=ID`` in the
comment block at the top of the file, in the whole file. An id may be a prefix (``JX1``).
A suppression that silences nothing is itself reported (rule ``unused-suppression``), so
that stale suppressions do not pile up and hide the next real problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.findings import Finding, Hit, Span

# Possessive throughout: the ids may be separated by spaces, and a lazy id list followed by
# \s*$ tried every split of a long run of trailing spaces (80,000 spaces: 33 s).
_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*+jxlint:\s*+(disable-next-line|disable-file|disable)\s*+=\s*+"
    r"(?P<ids>[A-Za-z0-9_,]++(?:[ ,]++[A-Za-z0-9_,]++)*+)\s*+$"
)
_ID = re.compile(r"[A-Za-z]+[0-9]*")


@dataclass(slots=True)
class Suppression:
    kind: str  # "disable", "disable-next-line" or "disable-file"
    rule: str  # an id or prefix
    line: int  # the line it silences (0: the whole file)
    span: Span  # where the id is written, for the unused-suppression finding
    misplaced: bool = False  # a disable-file below the header comments
    used: bool = field(default=False)


def parse(text: str) -> list[Suppression]:
    suppressions = []
    in_header = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            in_header = False
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        kind = match.group(1)
        target = {"disable": number, "disable-next-line": number + 1, "disable-file": 0}[kind]
        for rule in _ID.finditer(match.group("ids")):
            column = match.start("ids") + rule.start() + 1
            span = Span(number, column, number, column + len(rule.group()))
            suppressions.append(Suppression(kind, rule.group().upper(), target, span, misplaced=kind == "disable-file" and not in_header))
    return suppressions


def apply(findings: list[Finding], suppressions: list[Suppression], enabled=None) -> tuple[list[Finding], list[Hit]]:
    """Findings left after suppression, and a problem hit for each suppression that silenced
    nothing; ``enabled`` (the rule ids in force, None: all) tells a rule that is switched off
    from a finding that is gone."""
    # Indexed by (line, id or prefix): a finding looks up its own line and the whole file
    # (0) under each prefix of its id, so the cost is findings + suppressions, not their product.
    index: dict[tuple[int, str], list[Suppression]] = {}
    for suppression in suppressions:
        if not suppression.misplaced:
            index.setdefault((suppression.line, suppression.rule), []).append(suppression)
    kept = []
    for finding in findings:
        keys = [(line, finding.rule[:end]) for line in {finding.span.line, 0} for end in range(1, len(finding.rule) + 1)]
        hits = [key for key in keys if key in index]
        for key in hits:
            for suppression in index.pop(key):  # marked once; later findings need only the key
                suppression.used = True
            index[key] = []
        if not hits:
            kept.append(finding)
    unused = [
        Hit(s.span, {"rule": s.rule, "kind": s.kind, "reason": _reason(s, enabled)}, value=f"{s.kind}={s.rule}",
            problem="unused-suppression")
        for s in suppressions
        if not s.used
    ]
    return kept, unused


def _reason(suppression: Suppression, enabled) -> dict:
    if suppression.misplaced:
        return {"zh": "disable-file 只能写在文件开头的注释中", "en": "disable-file only works in the comment block at the top of the file"}
    rule = suppression.rule
    if enabled is not None and not any(rule_id.startswith(rule) for rule_id in enabled):
        if rule in enabled or any(len(rule_id) == len(rule) for rule_id in enabled):
            return {"zh": f"规则 {rule} 没有启用（见 select 和 ignore 设置），不会有它的发现",
                    "en": f"rule {rule} is not enabled (see the select and ignore settings), so it finds nothing to silence"}
        return {"zh": f"没有启用编号以 {rule} 开头的规则（见 select 和 ignore 设置）",
                "en": f"no rule whose id starts with {rule} is enabled (see the select and ignore settings)"}
    return {"zh": "这里没有可屏蔽的发现", "en": "there is no such finding to silence here"}
