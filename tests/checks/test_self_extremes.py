"""Every self-assessment check on cells no form holds: numbers longer than decimal arithmetic
carries, zero and tiny targets, wrong shapes. Findings or none, never a crashed check (JX015)."""

from __future__ import annotations

from tests.helpers import check_text, self_assessment

HUGE = "9" * 35


def test_extreme_numbers_and_shapes_crash_no_self_assessment_check():
    budget = (f'    项目资金:\n      年度资金总额: {{年初预算数: "1", 全年预算数: "0.0000000000000000000000001", '
              f'全年执行数: "{HUGE}", 分值: "{HUGE}", 执行率: "1.{"0" * 60}%", 得分: "1e5"}}\n'
              f'    总分: {{分值: "1", 得分: "{HUGE}.5"}}\n    评价等级: 优\n')
    rows = (f'{{指标: a, 年度指标值: "0.0000000000000000000001次", 实际完成值: "{HUGE}次", 分值: "{HUGE}", 得分: "0.5"}}\n'
            f'{{指标: b, 年度指标值: "≤0.0000000000000000000001次", 实际完成值: "{HUGE}次", 分值: "2", 得分: "1"}}\n'
            '{指标: c, 年度指标值: "0次", 实际完成值: "0次", 分值: "0", 得分: "0"}\n'
            '{指标: d, 年度指标值: [1, 2], 实际完成值: {x: 1}, 分值: true, 得分: null}')
    result = check_text(self_assessment(budget, rows), select=["JX0", "JX7"])
    assert "JX015" not in {f.rule for f in result.findings}
    assert {"JX701", "JX704", "JX717"} <= {f.rule for f in result.findings}
