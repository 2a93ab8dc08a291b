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
        from lint import clitext
        from lint.writing import WRITE_ERRORS, abandon_stdout

        # Before click parses: --help and usage errors already speak the language asked for.
        clitext.apply(clitext.ui_lang(args[0] if args else kwargs.get("args")), self)
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()  # here, not at exit, where a failure is a traceback-like "Exception ignored"
        except UsageFailure as failure:
            from lint.reporters.escape import printable

            # Paths and config values in the message are user text: shown, never obeyed.
            click.echo("jxlint: " + "\n".join(map(printable, str(failure).split("\n"))), err=True)
            sys.exit(EXIT_USAGE)
        except OSError as error:
            if error.errno not in WRITE_ERRORS:
                raise
            abandon_stdout()
            click.echo(f"jxlint: cannot write the output: {error.strerror or error}", err=True)
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
        raise UsageFailure(_say(None, f"规则包错误：{error.text('zh')}", f"rule pack error: {error}")) from None
    return ruleset.select(_split(select) or None, _split(ignore))


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


FORMAT_CHOICES = ["auto", "text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html"]
SOURCE_FORMATS = {"text", "html"}  # formats that quote or redraw the checked text, so the run keeps it


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True,
              envvar="JXLINT_OUTPUT_FORMAT", show_envvar=True,
              help="Output format; auto is github under GitHub Actions, text elsewhere.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file.")
@click.option("--fail-level", type=_SEVERITIES, help="Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--lang", type=_LANGS, help="Language of messages [default: zh].")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rule ids or prefixes to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated).")
@click.option("--extend-ignore", multiple=True, help="Skip these rule ids or prefixes as well as the config's ignore list.")
@click.option("--pack", "packs", multiple=True, type=click.Path(), help="An extra rule pack, loaded after the default one.")
@click.option("--targets", multiple=True, type=click.Path(dir_okay=False),
              help="Approved target file to compare self-assessments (自评) with: indicators added, dropped or changed.")
@click.option("--previous", multiple=True, type=click.Path(dir_okay=False),
              help="Last year's self-assessment: targets below what it reports achieved are findings.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file for every path.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--ignore-suppressions", is_flag=True, help="Report findings that '# jxlint: disable' comments silence.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every current finding in this file and exit 0.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-settings", is_flag=True, help="Print the settings in force for the first path, and where they come from.")
@click.option("--stdin-filename", default="-", help="Name to report for input read from '-'.")
@click.option("--color/--no-color", default=None,
              help="Force or disable colour in text output [default: NO_COLOR, FORCE_COLOR, then whether it is a terminal].")
@click.option("--max-per-rule", type=click.IntRange(min=0), envvar="JXLINT_MAX_PER_RULE", show_envvar=True,
              help="Show at most this many findings per file and rule in text and concise output, then a count "
                   "of the rest; 0 shows all. Other formats always hold every finding [default: 20].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Check files in this many processes [default: all cores].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="JXLINT_CACHE_DIR", show_envvar=True,
              help="Where to keep the result cache [default: .jxlint_cache/].")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, no notes.")
@click.option("-v", "--verbose", is_flag=True, help="Say which config file applies to each checked file (on standard error).")
@click.option("--force-exclude", is_flag=True,
              help="Apply the config's exclude to files named on the command line too (the pre-commit hook does).")
@click.option("--skip-non-targets", is_flag=True,
              help="Pass over YAML files that have none of the keys 单位, 年度, 项目, 部门整体 instead of reporting "
                   "JX005 (the pre-commit hook does).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, --fix-only or --diff: the unsafe fixes too (they change targets).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of applying them; exit 1 if there are any.")
@click.option("--fix-only", is_flag=True, help="Apply the fixes and report nothing but how many were applied.")
@click.option("--add-suppressions", is_flag=True,
              help="Write '# jxlint: disable=ID' at the end of the line of every current finding, and exit 0.")
def check(paths, output_format, output, fail_level, exit_zero, lang, select, extend_select, ignore, packs, config_file,
          isolated, ignore_suppressions, baseline, write_baseline, statistics, show_settings, stdin_filename, color,
          max_per_rule, jobs, no_cache, cache_dir, **more) -> None:
    """Check target files and folders ('-' reads standard input).

    Exit 0 when no finding is at or above the fail level (by default only errors fail; warnings
    and notes do not: see --fail-level), 1 when one is, 2 on usage or configuration errors or
    when no target file was found.
    """
    import os
    from pathlib import Path

    from lint.cache import default_directory
    from lint.config import ConfigError
    from lint.discover import PathError
    from lint.loading.load import MAX_FILE_BYTES
    from lint.references import ReferenceError
    from lint.rulepack import PackError
    from lint.runner import Run

    cli = {
        "select": _split(select) or None,
        "extend_select": _split(extend_select) or None,
        "ignore": _split(ignore) or None,
        "extend_ignore": _split(more["extend_ignore"]) or None,
        "packs": [str(Path(p).resolve()) for p in packs] or None,
        "targets": [str(Path(p).resolve()) for p in more["targets"]] or None,
        "previous": [str(Path(p).resolve()) for p in more["previous"]] or None,
        "fail_level": fail_level,
        "lang": lang,
    }
    output_format = _resolve_format(output_format)
    run = Run(cli=cli, config=Path(config_file) if config_file else None, isolated=isolated,
              suppressions=not ignore_suppressions, stdin_filename=stdin_filename,
              keep_text=output_format in SOURCE_FORMATS and not statistics,
              cache_root=None if no_cache else Path(cache_dir).absolute() if cache_dir else default_directory(),
              force_exclude=more["force_exclude"], skip_non_targets=more["skip_non_targets"])
    try:
        files = run.files(list(paths))
        _refuse_overwriting_inputs(run, files, (output, write_baseline), (baseline, config_file, *packs, *more["targets"], *more["previous"]))
        message_lang = run.settings_for(files[0]).lang if files else (lang or "zh")
        if run.cache is not None:
            for warning in run.cache.warnings():
                click.echo(f"jxlint: warning: {warning}", err=True)
        if not files and not show_settings:
            _nothing_to_check(run, paths, lang)
        if show_settings:
            _show_settings(run, files[0] if files else paths[0])
            return
        rewritten = _rewrite(run, files, more, message_lang)
        if rewritten is not None:
            sys.exit(rewritten)
        stdin = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if "-" in files else None
        results = run.results(files, jobs=jobs or os.cpu_count() or 1, stdin=stdin)
        if write_baseline:
            from lint import baseline as baselines

            try:
                count = baselines.write(Path(write_baseline), list(results))
            except OSError as error:
                raise UsageFailure(_say(lang, f"写不了 {write_baseline}：{error.strerror or error}",
                                        f"cannot write {write_baseline}: {error.strerror or error}")) from None
            click.echo(f"jxlint: {baselines.message('written', message_lang, count=count, path=write_baseline)}", err=True)
            sys.exit(EXIT_CLEAN)
        hider = _baseline_hider(baseline, message_lang) if baseline else None
        if hider is not None:
            results = map(hider, results)
        if len(files) > 10 and sys.stderr.isatty() and not os.environ.get("CI"):
            results = _with_progress(results, len(files))
        seen = _Seen()
        settings = run.settings_for(files[0]) if files else None
        report_lang = settings.lang if settings else (lang or "zh")
        if more["verbose"]:
            _say_configs(run, files, lang)
        _report(seen.watch(results), output_format, output, report_lang, color, run.rules(), statistics, max_per_rule,
                fail_level=_fail_level(run, files, fail_level), exit_zero=exit_zero, quiet=more["quiet"])
    except PathError as error:
        raise UsageFailure(_say(lang, f"没有这个文件或文件夹：{error}", f"no such file or folder: {error}")) from None
    except ConfigError as error:
        raise UsageFailure(("配置错误：" if _ui_lang(lang) == "zh" else "configuration error: ") + error.text(_ui_lang(lang))) from None
    except PackError as error:
        raise UsageFailure(_say(lang, "配置错误：", "configuration error: ") + error.text(_ui_lang(lang))) from None
    except ReferenceError as error:
        raise UsageFailure(error.text(_ui_lang(lang))) from None
    if not more["quiet"]:
        _warn_unmatched_ignores(run, files, paths, lang)
    if run.skipped and not seen.files and any(os.path.isdir(path) for path in paths):
        _nothing_to_check(run, paths, lang)
    if hider is not None:
        from lint import baseline as baselines

        click.echo(f"jxlint: {baselines.message('hidden', message_lang, count=hider.hidden, path=baseline)}", err=True)
    threshold = _fail_level(run, files, fail_level)
    failed = any(severity >= threshold for severity in seen.severities)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


def _rewrite(run, files, more, lang) -> int | None:
    """--fix, --diff, --fix-only, --add-suppressions: change the files (or show how); the exit
    code when nothing is to be reported after, None when the check goes on (--fix)."""
    from lint import fixing

    if more["unsafe_fixes"] and not (more["fix"] or more["fix_only"] or more["diff"]):
        raise UsageFailure(_say(lang, "--unsafe-fixes 要与 --fix、--fix-only 或 --diff 一起用",
                                "--unsafe-fixes goes with --fix, --fix-only or --diff"))
    if more["add_suppressions"]:
        summary = fixing.add_suppressions(run, files)
        _say_refused(summary, lang)
        click.echo("jxlint: " + _say(lang, f"在 {len(summary.changed)} 个文件中为 {summary.fixed} 处发现写了屏蔽注释",
                                     f"wrote suppressions for {summary.fixed} findings in {len(summary.changed)} files"), err=True)
        return EXIT_CLEAN
    if not (more["fix"] or more["fix_only"] or more["diff"]):
        return None
    summary = fixing.fix_files(run, files, unsafe=more["unsafe_fixes"], diff=_binary_stdout() if more["diff"] else None)
    _say_refused(summary, lang)
    if more["diff"]:
        click.echo("jxlint: " + _say(lang, f"可修复 {summary.fixed} 处（未写入文件），修复后剩余 {summary.remaining} 处",
                                     f"{summary.fixed} fixable (files not written), {summary.remaining} remaining after"), err=True)
        return EXIT_FINDINGS if summary.changed else EXIT_CLEAN
    if not more["quiet"]:
        click.echo("jxlint: " + _say(lang, f"已修复 {summary.fixed} 处，剩余 {summary.remaining} 处",
                                     f"fixed {summary.fixed}, {summary.remaining} remaining"), err=True)
    return EXIT_CLEAN if more["fix_only"] else None


def _binary_stdout():
    """Standard output for bytes (a diff keeps each file's own encoding), after any text
    already written to it."""
    sys.stdout.flush()
    return sys.stdout.buffer


def _say_refused(summary, lang) -> None:
    from lint.reporters.escape import printable

    for path, reason in summary.refused:
        click.echo("jxlint: " + _say(lang, f"没有修改 {printable(path)}：{reason}", f"left {printable(path)} as it was: {reason}"),
                   err=True)


def _ui_lang(given: str | None) -> str:
    """The language of the command line's own messages: --lang, then JXLINT_LANG, then zh."""
    from lint import clitext

    return given if given in clitext.LANGS else clitext.current


def _say(lang: str | None, zh: str, en: str) -> str:
    """A message of the command line's own, in the language --lang or JXLINT_LANG asks for."""
    return zh if _ui_lang(lang) == "zh" else en


def _say_configs(run, files, lang) -> None:
    """-v: each checked file with the config file that applies to it, and the named files
    that were left out, on standard error (the report itself stays as it is)."""
    from lint.reporters.escape import printable

    from lint.loading import fastschema

    zh = _ui_lang(lang) == "zh"
    if not fastschema.available():
        click.echo("jxlint: 没有安装 fastjsonschema：每个文件都用较慢的 jsonschema 校验" if zh else
                   "jxlint: fastjsonschema is not installed: every file is validated by the slower jsonschema", err=True)
    for path in files:
        source = run.settings_for(path).path
        config = str(source) if source else ("（没有配置文件，用默认设置）" if zh else "(no config file: defaults)")
        click.echo(f"jxlint: {printable(path)} ← {printable(config)}", err=True)
    for path in run.passed_over:
        click.echo(f"jxlint: {printable(path)} " + ("未检查：jxlint 的配置文件或被 exclude 排除" if zh
                                                    else "not checked: a jxlint config file, or excluded"), err=True)


def _warn_unmatched_ignores(run, files, paths, lang) -> None:
    """A per-file-ignores pattern that matched no file of a folder run is most likely a typo
    (or a file that moved): say so, without failing the run. A run on named files checks a few
    of them only, so it says nothing."""
    import os

    if not any(os.path.isdir(path) for path in paths):
        return
    from lint.reporters.escape import printable

    checked: dict[int, tuple] = {}
    for path in files:
        if path != "-":
            settings = run.settings_for(path)
            checked.setdefault(id(settings), (settings, []))[1].append(path)
    for settings, paths_checked in checked.values():
        for pattern, line in settings.unmatched_ignores(paths_checked):
            where = printable(f"{settings.path}:{line}")
            if _ui_lang(lang) == "zh":
                click.echo(f"jxlint: 警告：{where}：per-file-ignores 的模式「{printable(pattern)}」没有匹配到任何被检查的文件",
                           err=True)
            else:
                click.echo(f"jxlint: warning: {where}: per-file-ignores pattern '{printable(pattern)}' matches no checked file",
                           err=True)


def _nothing_to_check(run, paths, lang) -> None:
    """No target file among ``paths``: an error when a folder held none (a gate pointed at the
    wrong folder must not pass), but not when every named file was deliberately left out
    (a commit of config files only, under the pre-commit hook)."""
    import os

    if run.passed_over and not any(os.path.isdir(path) for path in paths):
        sys.exit(EXIT_CLEAN)
    from lint.reporters.escape import printable

    if _ui_lang(lang) == "zh":
        message = (f"在 {'、'.join(map(printable, paths))} 里没有找到要检查的目标文件（.yaml 或 .yml）："
                   "请检查路径，以及配置里的 include 和 exclude 设置")
    else:
        message = (f"no target file (.yaml or .yml) found in {', '.join(map(printable, paths))}: "
                   "check the paths, and the include and exclude settings")
    raise UsageFailure(message)


class _Seen:
    """Remembers the severities that streamed past the reporter, for the exit code."""

    def __init__(self) -> None:
        self.severities: set = set()
        self.files = 0

    def watch(self, results):
        for result in results:
            self.files += 1
            self.severities.update(f.severity for f in result.findings)
            yield result


def _refuse_overwriting_inputs(run, files, outputs, inputs) -> None:
    """An output (-o, --write-baseline) that is a file the run reads would destroy it: refuse."""
    from lint.writing import OutputIsInput, OutputThroughLink, refuse_inputs

    read = [*files, *(given for given in inputs if given), *(str(path) for path in run.config_files(files))]
    for output in outputs:
        if output:
            try:
                refuse_inputs(output, read)
            except OutputThroughLink as error:
                raise UsageFailure(_say(None, f"不会写入 {error}：它所在的文件夹是指向仓库之外的符号链接", f"refusing to write {error}: its folder is a symbolic link out of the repository")) from None
            except OutputIsInput as error:
                raise UsageFailure(_say(None, f"不会覆盖输入文件：{error}", f"refusing to overwrite an input: {error}")) from None


def _baseline_hider(path: str, lang: str):
    from pathlib import Path

    from lint import baseline as baselines

    try:
        return baselines.Hider(baselines.read(Path(path), lang), Path(path).parent)
    except baselines.BaselineError as error:
        raise UsageFailure(str(error)) from None


def _resolve_format(name: str) -> str:
    import os

    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def _fail_level(run, files, given):
    from lint.findings import Severity

    if given:
        return Severity.parse(given)
    levels = {run.settings_for(path).fail_level for path in files} or {"error"}
    return min(Severity.parse(level) for level in levels)


def _with_progress(results, total: int):
    """A progress bar on a terminal's stderr; never in CI or piped output (the caller decides)."""
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("jxlint", total=total)
        for result in results:
            progress.advance(task)
            yield result


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _report(results, output_format, output, lang, color, rules, statistics, max_per_rule=None, **verdict) -> None:
    from lint.reporters import DEFAULT_MAX_PER_RULE, HUMAN_FORMATS, ReportContext, load
    from lint.reporters.escape import printable
    from lint.writing import atomic_output

    if max_per_rule is None:
        max_per_rule = DEFAULT_MAX_PER_RULE if output_format in HUMAN_FORMATS else 0
    context = ReportContext(lang=lang, color=False if output else color, rules=rules, max_per_rule=max_per_rule, **verdict)
    if statistics:
        from lint.reporters import statistics as statistics_report  # it brings in rich: only when asked

        render = statistics_report.render
    else:
        render = load(output_format).render
    if output:
        try:
            with atomic_output(output) as handle:
                render(results, handle, context)
        except OSError as error:
            raise UsageFailure(_say(lang, f"写不了 {output}：{error.strerror or error}",
                                    f"cannot write {output}: {error.strerror or error}")) from None
        # A report written to a file is otherwise silent: say where it went (not with -q).
        if not click.get_current_context().params.get("quiet"):
            written = "报告已写入" if lang == "zh" else "report written to"
            click.echo(f"jxlint: {written} {printable(output)}", err=True)
    else:
        render(results, sys.stdout, context)


def _show_settings(run, path: str) -> None:
    """The settings in force as YAML, keys sorted, written the way a ``.jxlint.yaml`` would
    hold them, with where each comes from as a comment: it can be pasted into a config."""
    import yaml

    from lint.reporters.escape import printable
    from lint.rulepack import default_pack_files

    settings = run.settings_for(path)
    where = settings.relative(settings.path) if settings.path else "(none: built-in defaults)"
    lines = [f"# jxlint settings for {printable(path)}", f"# config file: {printable(where)}"]
    for name, value, origin in sorted(settings.shown()):
        if name in ("packs", "targets", "previous"):
            value = [settings.relative(pack) for pack in value]
        dumped = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=True, default_flow_style=False, width=1000)
        first, *rest = dumped.rstrip("\n").split("\n")
        if settings.path:
            origin = origin.replace(str(settings.path), settings.relative(settings.path))
        lines += [f"{printable(first)}  # {printable(origin)}", *map(printable, rest)]
    ruleset = settings.ruleset()
    lines.append(f"# rules in force ({len(ruleset.rules)}): {printable(', '.join(_by_id(ruleset.rules)))}")
    # The default pack's files are where jxlint is installed, not something a config names.
    bundled = {str(path) for path in default_pack_files()}
    lines.append("# packs: " + printable(", ".join(
        settings.relative(pack) for pack in ruleset.packs if pack != "default" and pack not in bundled) or "default"))
    click.echo("\n".join(lines))


def _by_id(ids):
    """Rule ids in their natural order: JX2 before JX14, JX014 before JX020."""
    import re

    return sorted(ids, key=lambda rule_id: [(int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"(\d+)", rule_id)])


@main.command("rules")
@click.option("--lang", type=_LANGS, help="Language of the summaries [default: zh, or JXLINT_LANG].")
@click.option("--pack", "packs", multiple=True, help="Rule pack to list instead of the default.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object per rule, for scripts.")
@click.option("--color/--no-color", default=None, help="Force or disable colour [default: NO_COLOR, FORCE_COLOR, terminal].")
def list_rules(lang, packs, output_format, color) -> None:
    """List the rules by id: id, slug, severity, summary."""
    lang = _ui_lang(lang)
    from rich.table import Table
    from rich.text import Text

    from lint.reporters import console, severity_label, use_color
    from lint.reporters.escape import json_dumps, printable

    ruleset = _ruleset(packs, (), ())
    rules = [ruleset.rules[rule_id] for rule_id in _by_id(ruleset.rules)]
    if output_format == "json":
        click.echo(json_dumps([{"id": r.id, "slug": r.slug, "family": r.family, "severity": str(r.severity),
                                "check": r.check, "summary": r.text("summary", lang)} for r in rules], indent=2))
        return
    headers = ("编号", "名称", "严重程度", "检查类型", "说明") if lang == "zh" else ("ID", "slug", "severity", "check", "summary")
    rows = [tuple(printable(cell) for cell in (r.id, r.slug, severity_label(r.severity, lang), r.check, r.text("summary", lang)))
            for r in rules]
    if not sys.stdout.isatty():
        # Piped or redirected: plain aligned columns, every summary whole (a table would cut
        # them to an assumed 80 columns).
        from rich.cells import cell_len

        widths = [max(cell_len(row[i]) for row in (headers, *rows)) for i in range(len(headers) - 1)]
        for row in (headers, *rows):
            click.echo("  ".join(cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths)) + "  " + row[-1])
        return
    table = Table(box=None, show_header=True, header_style="bold" if use_color(color, sys.stdout) else None)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console(sys.stdout, color).print(table)


@main.command()
@click.argument("rule_id")
@click.option("--lang", type=_LANGS, help="Language of the explanation [default: zh, or JXLINT_LANG].")
@click.option("--pack", "packs", multiple=True, help="Rule pack to look in instead of the default.")
def explain(rule_id, lang, packs) -> None:
    """Show a rule's rationale, options and examples."""
    lang = _ui_lang(lang)
    from lint.explain import explain_rule
    from lint.reporters.escape import printable

    ruleset = _ruleset(packs, (), ())
    rule = ruleset.rules.get(rule_id.upper()) or next((r for r in ruleset if r.slug == rule_id), None)
    if rule is None:
        raise UsageFailure(_say(lang, f"没有规则「{printable(rule_id)}」；用「jxlint rules」列出全部规则",
                                f"no rule '{printable(rule_id)}'; see 'jxlint rules'"))
    click.echo(explain_rule(rule, lang))


@main.command("import")
@click.argument("source", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the target file here (default: standard output).")
@click.option("--sheet", help="Only this worksheet of an .xlsx workbook.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--lang", type=_LANGS, help="Language of the notes on standard error [default: zh, or JXLINT_LANG].")
def import_command(source, output, sheet, force, lang) -> None:
    """Turn an .xlsx workbook or pasted table text (.txt/.tsv; '-' reads standard input) into a target file.

    Rows that cannot be read are reported on standard error with their row number; the rest
    is still imported. Exit 0 when every row was read, 1 when some were not or the form names
    no budget year (年度 must then be filled in), 2 on usage errors.
    """
    from pathlib import Path

    from lint.importer import TableImportError, import_table
    from lint.importer.grid import MAX_INPUT_BYTES
    from lint.reading import read_regular
    from lint.writing import OutputExists, OutputIsInput, OutputThroughLink, refuse_inputs, write_atomically

    try:
        if output:
            refuse_inputs(output, [source])
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1) if source == "-" else read_regular(source, MAX_INPUT_BYTES)
        if len(data) > MAX_INPUT_BYTES:
            raise UsageFailure(_say(lang, f"{source}：超过 {MAX_INPUT_BYTES >> 20} MB；导出的表格远比这小，所以不导入",
                                    f"{source}: larger than {MAX_INPUT_BYTES >> 20} MB; a table export is far smaller, "
                                    "so this is not imported"))
        result = import_table(data, name=source, sheet=sheet, lang=_ui_lang(lang))
    except OutputThroughLink as error:
        raise UsageFailure(_say(lang, f"不会写入 {error}：它所在的文件夹是指向仓库之外的符号链接", f"refusing to write {error}: its folder is a symbolic link out of the repository")) from None
    except OutputIsInput as error:
        raise UsageFailure(_say(lang, f"不会覆盖输入文件：{error}", f"refusing to overwrite an input: {error}")) from None
    except OSError as error:
        raise UsageFailure(_say(lang, f"读不了 {source}：{error.strerror or error}",
                                f"cannot read {source}: {error.strerror or error}")) from None
    except TableImportError as error:
        raise UsageFailure(error.text(_ui_lang(lang))) from None
    for note in result.notes:
        click.echo(f"{source}:{note}", err=True)
    if output:
        try:
            write_atomically(Path(output), result.text, force=force)
        except OutputExists:
            raise UsageFailure(_say(lang, f"{output} 已经存在；要覆盖它请加 --force",
                                    f"{output} exists; use --force to overwrite it")) from None
        except OSError as error:
            raise UsageFailure(_say(lang, f"写不了 {output}：{error.strerror or error}",
                                    f"cannot write {output}: {error.strerror or error}")) from None
    else:
        sys.stdout.write(result.text)
    sys.exit(EXIT_FINDINGS if result.skipped_rows or result.year_missing or result.unit_missing else EXIT_CLEAN)


@main.command()
def clean() -> None:
    """Remove the result cache (.jxlint_cache/ here, or $JXLINT_CACHE_DIR)."""
    from lint.cache import Cache, CacheError, default_directory

    directory = default_directory()
    try:
        removed = Cache(directory).clean()
    except CacheError as error:
        raise UsageFailure(str(error)) from None
    click.echo(_say(None, f"已删除 {directory}", f"removed {directory}") if removed
               else _say(None, f"{directory} 没有缓存", f"no cache at {directory}"))


@main.command("server")
def server_command() -> None:
    """Run the language server (LSP over stdio) that editors start for live diagnostics and fixes."""
    try:
        from lint.server import main as serve
    except ImportError as error:  # pygls is a dependency, but a broken install must not be a traceback
        raise UsageFailure(_say(None, f"无法启动语言服务器：{error}", f"cannot start the language server: {error}")) from None
    serve()
