"""The command line's own words in Chinese: help, and click's usage errors.

Chinese is jxlint's default language (``--lang en`` or ``JXLINT_LANG=en`` for English). The
help texts are written in English next to each option in :mod:`lint.cli`; their Chinese is
here, by command and parameter name, and :func:`apply` puts one or the other in place before
click formats anything. click marks its own messages for gettext ("Usage:", "No such option
…"); :func:`apply` routes them through :data:`CLICK_ZH` for Chinese and back to gettext for
English, so an in-process caller (the tests) can switch languages between runs.
"""

from __future__ import annotations

import gettext
import os
import sys

import click

LANGS = ("zh", "en")


def ui_lang(args: list[str] | None = None) -> str:
    """``--lang`` anywhere on the command line (it is read before click parses, so that
    ``--help`` and usage errors already speak it), then ``JXLINT_LANG``, then zh."""
    args = list(sys.argv[1:] if args is None else args)
    chosen = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    if chosen not in LANGS:
        chosen = os.environ.get("JXLINT_LANG", "").strip().lower()
    return chosen if chosen in LANGS else "zh"


# click's messages (click 8.1 – 8.5), keyed by its English template; the placeholders are the
# ones click fills in with str.format or %.
CLICK_ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示这段帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用「{command} {option}」查看帮助。",
    "No such option {name!r}.": "没有这个选项：{name}。",
    "No such option: {name}": "没有这个选项：{name}",
    "No such command {name!r}.": "没有这个命令：{name}。",
    "Did you mean {possibility}?": "是不是想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想用其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not {choice}.": "「{value}」不是 {choice}。",
    "{value!r} is not one of {choices}.": "「{value}」不是可选的值，可选：{choices}。",
    "{value!r} is not a valid {number_type}.": "「{value}」不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name} 不带值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "{name} {filename!r} does not exist.": "{name}「{filename}」不存在。",
    "{name} {filename!r} is a directory.": "{name}「{filename}」是文件夹。",
    "{name} {filename!r} is a file.": "{name}「{filename}」是文件。",
    "{name} {filename!r} is not readable.": "{name}「{filename}」不可读。",
    "{name} {filename!r} is not writable.": "{name}「{filename}」不可写。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "Aborted!": "已中止！",
}

_CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui", "utils")


def _zh_gettext(message: str) -> str:
    return CLICK_ZH.get(message, message)


def _zh_ngettext(singular: str, plural: str, count: int) -> str:
    return _zh_gettext(singular if count == 1 else plural)


# Help in Chinese: command → {"": the command's help, parameter name: its help}.
HELP_ZH: dict[str, dict[str, str]] = {
    "": {"": "jxlint：绩效目标表检查工具。用「jxlint 命令 -h」查看每个命令的用法。"},
    "check": {
        "": "检查目标文件和文件夹（「-」从标准输入读取）。\n\n"
            "退出码：0 没有达到失败级别的问题，1 有（默认只有错误算失败，警告和提示不算；见 --fail-level），"
            "2 用法或配置错误，或者没有找到要检查的目标文件。",
        "output_format": "输出格式；auto 在 GitHub Actions 里是 github，其他情况是 text。",
        "output": "把报告写到这个文件。",
        "fail_level": "有这个严重程度或更高的问题时退出码为 1［默认：error］。",
        "exit_zero": "即使有问题也以 0 退出。",
        "lang": "消息的语言［默认：zh，或环境变量 JXLINT_LANG］。",
        "select": "只启用这些规则编号或前缀（逗号分隔，不区分大小写）；取代配置里的 select。",
        "extend_select": "在选中的规则之外再启用这些编号或前缀；追加到配置的 extend-select。",
        "ignore": "不启用这些规则编号或前缀（逗号分隔）；取代配置里的 ignore。",
        "extend_ignore": "在配置的 ignore 之外再不启用这些编号或前缀；追加到配置的 extend-ignore。",
        "packs": "在默认规则包之后再载入的规则包。",
        "targets": "与自评表对照的已批复目标文件：指标的增加、删除或改动。",
        "previous": "上一年的自评表：目标低于上年已实现的，报告为问题。",
        "config_file": "所有路径都用这个配置文件。",
        "isolated": "不读任何配置文件。",
        "ignore_suppressions": "也报告被「# jxlint: disable」注释屏蔽的问题。",
        "baseline": "隐藏这个基线文件里记录的问题。",
        "write_baseline": "把当前所有问题记录到这个基线文件，并以 0 退出。",
        "statistics": "只按规则统计问题数量，不逐条列出。",
        "show_settings": "显示第一个路径适用的设置及其来源。",
        "stdin_filename": "从「-」读取时，报告里使用的文件名。",
        "color": "强制使用或关闭彩色输出［默认：看 NO_COLOR、FORCE_COLOR，再看是否为终端］。",
        "max_per_rule": "text 和 concise 输出里，每个文件每条规则最多显示这么多条，其余只给数量；0 显示全部。"
                        "其他格式总是包含全部问题［默认：20］。",
        "jobs": "用这么多个进程检查文件［默认：全部 CPU 核］。",
        "no_cache": "不读也不写结果缓存。",
        "cache_dir": "结果缓存的位置［默认：.jxlint_cache/］。",
        "quiet": "只输出问题：没有汇总行，也没有提示。",
        "verbose": "在标准错误上说明每个被检查的文件用的是哪个配置文件。",
        "force_exclude": "命令行上直接给出的文件也按配置的 exclude 排除（pre-commit 钩子这样用）。",
        "skip_non_targets": "跳过完全没有「单位」「年度」「项目」「部门整体」栏目的 YAML 文件，而不是报告 JX005"
                            "（pre-commit 钩子这样用）。",
        "fix": "把安全的修复写进文件，再报告剩下的问题。",
        "unsafe_fixes": "与 --fix、--fix-only 或 --diff 一起用：也做不安全的修复（会改动目标值）。",
        "diff": "把修复显示为统一格式的差异，而不写进文件；有修复时退出码为 1。",
        "fix_only": "只做修复，只报告修复了多少处。",
        "add_suppressions": "在每个现有问题所在行的末尾写上「# jxlint: disable=编号」，并以 0 退出。",
    },
    "rules": {
        "": "按编号列出规则：编号、名称、严重程度、说明。",
        "lang": "说明的语言［默认：zh，或环境变量 JXLINT_LANG］。",
        "packs": "列出这个规则包的规则，而不是默认规则包。",
        "output_format": "json：每条规则一个对象，供脚本使用。",
        "color": "强制使用或关闭彩色输出［默认：看 NO_COLOR、FORCE_COLOR，再看是否为终端］。",
    },
    "explain": {
        "": "说明一条规则：为什么有这条规则、它的选项和示例。",
        "lang": "说明的语言［默认：zh，或环境变量 JXLINT_LANG］。",
        "packs": "在这个规则包里找规则，而不是默认规则包。",
    },
    "import": {
        "": "把 .xlsx 工作簿或粘贴出来的表格文本（.txt/.tsv，「-」从标准输入读取）转成目标文件。\n\n"
            "读不出的行在标准错误上按行号列出，其余照常导入。退出码：0 每一行都读出了，"
            "1 有读不出的行或原表缺少单位、年度（需要补填），2 用法错误。",
        "output": "把目标文件写到这里（默认：标准输出）。",
        "sheet": "只导入 .xlsx 工作簿里的这个工作表（名称或序号）。",
        "force": "输出文件已存在时覆盖它。",
        "lang": "标准错误上提示的语言［默认：zh，或环境变量 JXLINT_LANG］；目标文件里的注释总是中文。",
    },
    "clean": {"": "删除结果缓存（当前文件夹的 .jxlint_cache/，或 $JXLINT_CACHE_DIR）。"},
    "server": {"": "启动语言服务器（通过标准输入输出使用 LSP），供编辑器边写边检查并提供修复。"},
}

# Placeholders in the usage line.
_METAVARS_ZH = {"paths": "路径...", "source": "源文件", "rule_id": "规则"}
_ENGLISH: dict[int, dict] = {}  # id(command or parameter) → its English texts, kept on first use


current = "zh"  # the language of the run in progress, for messages raised outside click


def apply(lang: str, group: click.Group) -> None:
    """Put ``lang``'s help and usage words in place on ``group`` and its commands."""
    import importlib

    global current
    current = lang

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _zh_gettext if lang == "zh" else gettext.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _zh_ngettext if lang == "zh" else gettext.ngettext
    _localise(group, HELP_ZH[""], lang, "COMMAND [ARGS]...")
    for command_name, command in group.commands.items():
        _localise(command, HELP_ZH.get(command_name, {}), lang)


def _localise(command: click.Command, texts: dict[str, str], lang: str, subcommands: str | None = None) -> None:
    english = _ENGLISH.setdefault(id(command), {"help": command.help, "short": command.short_help,
                                                "options": command.options_metavar})
    zh = lang == "zh"
    command.help = texts.get("", english["help"]) if zh else english["help"]
    command.short_help = None if zh and "" in texts else english["short"]
    command.options_metavar = "[选项]" if zh else english["options"]
    command._help_option = None  # click caches it with the help text of the language it was made in
    if subcommands is not None:
        command.subcommand_metavar = "命令 [参数]..." if zh else subcommands
    for param in command.params:
        kept = _ENGLISH.setdefault(id(param), {"help": getattr(param, "help", None), "metavar": param.metavar})
        if isinstance(param, click.Option):
            own = texts.get(param.name) or CLICK_ZH.get(kept["help"] or "")  # --version's help is click's
            param.help = (own or kept["help"]) if zh else kept["help"]
        elif isinstance(param, click.Argument):
            param.metavar = _METAVARS_ZH.get(param.name, kept["metavar"]) if zh else kept["metavar"]


def untranslated(group: click.Group) -> list[str]:
    """Options and commands without Chinese help (a test keeps this empty)."""
    missing = []
    for command_name, command in group.commands.items():
        texts = HELP_ZH.get(command_name, {})
        if "" not in texts:
            missing.append(command_name)
        missing += [f"{command_name} --{param.name}" for param in command.params
                    if isinstance(param, click.Option) and param.name not in texts and param.name != "help"]
    return missing
