"""The ``jxlint`` command line: thin glue between files, the engine and the reporters."""

from __future__ import annotations

import sys

import click

from lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_LANGS = click.Choice(["zh", "en"])
_SEVERITIES = click.Choice(["error", "warning", "info"])


class _Group(click.Group):
    def main(self, *args, **kwargs):
        # click exits 2 on usage errors already; keep every other failure at 2 as well,
        # without a traceback, and let findings decide between 0 and 1.
        try:
            return super().main(*args, **kwargs)
        except UsageFailure as failure:
            click.echo(f"jxlint: {failure}", err=True)
            sys.exit(EXIT_USAGE)


class UsageFailure(Exception):
    pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jxlint")
def main() -> None:
    """jxlint — 绩效目标表检查工具 (a linter for budget performance-target tables)."""


def _ruleset(packs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...]):
    from lint.rulepack import DEFAULT, PackError, load_rules

    try:
        ruleset = load_rules(packs or (DEFAULT,))
    except PackError as error:
        raise UsageFailure(f"rule pack error: {error}") from None
    return ruleset.select(_split(select) or None, _split(ignore))


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "concise", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-level", type=_SEVERITIES, default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--lang", type=_LANGS, default="zh", show_default=True, help="Language of messages.")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated).")
@click.option("--pack", "packs", multiple=True, help="Rule pack to use instead of the default (repeatable).")
@click.option("--stdin-filename", default="-", help="Name to report for input read from '-'.")
@click.option("--color/--no-color", default=None, help="Force or disable colour in text output.")
def check(paths, output_format, fail_level, lang, select, ignore, packs, stdin_filename, color) -> None:
    """Check target files and folders (``-`` reads standard input)."""
    from lint.discover import PathError, discover
    from lint.engine import Linter
    from lint.findings import Severity
    from lint.reporters import ReportContext, load

    ruleset = _ruleset(packs, select, ignore)
    linter = Linter(ruleset, lang=lang)
    try:
        files = list(discover(list(paths)))
    except PathError as error:
        raise UsageFailure(f"no such file or folder: {error}") from None
    results = []
    for path in files:
        if path == "-":
            results.append(linter.check_bytes(stdin_filename, sys.stdin.buffer.read()))
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise UsageFailure(f"cannot read {path}: {error.strerror or error}") from None
        results.append(linter.check_bytes(path, data))
    context = ReportContext(lang=lang, color=color, rules=ruleset.rules)
    load(output_format).render(results, sys.stdout, context)
    threshold = Severity.parse(fail_level)
    failed = any(f.severity >= threshold for result in results for f in result.findings)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@main.command("rules")
@click.option("--lang", type=_LANGS, default="zh", show_default=True)
@click.option("--pack", "packs", multiple=True, help="Rule pack to list instead of the default.")
def list_rules(lang, packs) -> None:
    """List the rules: id, slug, severity, summary."""
    from rich.console import Console
    from rich.table import Table

    ruleset = _ruleset(packs, (), ())
    table = Table(box=None, show_header=True, header_style="bold")
    for column in ("ID", "slug", "severity", "summary"):
        table.add_column(column)
    for rule in ruleset:
        table.add_row(rule.id, rule.slug, str(rule.severity), rule.text("summary", lang))
    Console(soft_wrap=True).print(table)


@main.command()
@click.argument("rule_id")
@click.option("--lang", type=_LANGS, default="zh", show_default=True)
@click.option("--pack", "packs", multiple=True, help="Rule pack to look in instead of the default.")
def explain(rule_id, lang, packs) -> None:
    """Show a rule's rationale, options and examples."""
    from lint.explain import explain_rule

    ruleset = _ruleset(packs, (), ())
    rule = ruleset.rules.get(rule_id.upper()) or next((r for r in ruleset if r.slug == rule_id), None)
    if rule is None:
        raise UsageFailure(f"no rule '{rule_id}'; see 'jxlint rules'")
    click.echo(explain_rule(rule, lang))
