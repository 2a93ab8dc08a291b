"""jxlint: a rule-based linter for Chinese budget performance-target tables (绩效目标表)."""

__version__ = "0.1.0.dev0"
