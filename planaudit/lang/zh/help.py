"""中文目录：程序、命令与选项的帮助，以及各选项的参数名。"""

MESSAGES: dict[str, str] = {
    "help.app": "按序时进度审核计划执行情况（时间过半、任务过半）。",
    "help.version": "显示版本号。",
    "help.debug": "内部错误时显示调用栈（也可设 {variable}=1）。",
    "help.help": "显示本帮助并退出。",
    "help.check": (
        "审核计划文件：逐项对照序时进度检查各指标的完成率。\n\n"
        "退出码：0 表示未达到 --fail-on 所设级别的标记，1 表示有标记，"
        "2 表示用法错误或计划文件无效，3 表示内部错误。"
    ),
    "help.check.epilog": (
        "示例：planaudit check plans/chaoyang-2018.yaml --as-of 2018-06-30 --format json"
    ),
    "help.validate": (
        "只检查计划文件、不作审核：全部有效时退出码为 0；有问题时退出码为 2，"
        "并逐条以“路径:行:列: 说明”列出。速度足以在编辑器保存时或 pre-commit 中运行。"
    ),
    "help.validate.epilog": "示例：planaudit validate plans/",
    "help.verify": (
        "核对计划与报告是否一致：每条 source 引文须出现在报告中（全角半角视为相同、忽略空白，"
        "“…”连接的各段分别查找），并含有该指标在其单位下的数字（引文写有目标时也核对目标）；"
        "每条 target_source 须含有目标。报告中未被任何指标引用的进度数字一并列出。"
        "有不一致时退出码为 1。"
    ),
    "help.verify.epilog": (
        "示例：planaudit verify plans/chaoyang-2018.yaml -r reports/chaoyang-2018-h1.txt"
    ),
    "help.verify.plan": "计划文件。",
    "help.verify.report": "计划所引用的报告；- 表示读取标准输入。",
    "help.verify.targets": (
        "目标所出自的文件（如年度计划），可重复给出。此时每条 target_source 须出现在"
        "其中之一或报告中。"
    ),
    "help.history": (
        "按报告日期追踪各指标（actual 或 stated 写作 {{日期: 数字}}）：每次报告的完成率与状态，"
        "附简短趋势条，并指出被下调的累计数字。退出码为 0；计划文件无效时为 2。"
    ),
    "help.history.epilog": "示例：planaudit history plans/ --format markdown",
    "help.diff": (
        "比较计划的两个版本有何变化：目标上调或下调，指标新增或删除，类型、方向、约束性的改变，"
        "数字的改写，状态的变化。指标按 id 对应，没有 id 时按名称对应。"
        "使计划更容易过关的变化（期中下调目标、删除指标、取消约束性）会被标记。\n\n"
        "退出码：0 表示没有被标记的变化，1 表示有被标记的变化，2 表示用法错误或文件无效。"
    ),
    "help.diff.epilog": (
        "示例：planaudit diff old/chaoyang.yaml plans/chaoyang-2018.yaml；"
        "planaudit diff --since origin/main plans/"
    ),
    "help.diff.paths": ("两个计划文件（旧、新）；使用 --since 时为计划文件或目录（默认 plans/）。"),
    "help.diff.since": "将 PATH 下的计划文件与其在该 git 版本中的内容比较。",
    "help.draft": (
        "根据报告文本起草计划文件，供人工完善：报告中的进度语句成为指标（完成数、报告所列完成率、"
        "单位、原文来源），报告“措施”部分的全年目标尽可能与之对应，"
        "所有推测之处在 YAML 中以“# 推测”标出。退出码为 0；无法读取报告时为 2。"
    ),
    "help.draft.epilog": ("示例：planaudit draft reports/chaoyang-2018-h1.txt -o plans/draft.yaml"),
    "help.draft.report": "报告文本；- 表示读取标准输入。",
    "help.draft.output": "将草稿写入该文件，而非标准输出。",
    "help.draft.force": "--output 所指文件已存在时予以替换。",
    "help.draft.max_size": "拒绝大于此值的报告。",
    "help.schema": "输出计划文件的 JSON Schema（draft 2020-12），供编辑器和其他工具使用。",
    "help.schema.epilog": "示例：planaudit schema > planaudit.schema.json",
    "help.format": "报告格式。",
    "help.paths": "计划文件，或在其中查找 *.yaml/*.yml 的目录；- 表示读取标准输入。默认：plans/",
    "help.max_size": "拒绝大于此兆字节数的计划文件。",
    "help.as_of": "按此日期审核，如 2018-06-30（优先于文件中的 as_of）。",
    "help.output": "将报告写入该文件，而非标准输出。未给出 --format 时，按文件扩展名确定格式：.json 为 json，.md 为 markdown，.csv 为 csv，.html/.htm 为 html，.xlsx 为 xlsx，.xml 为 junit，.sarif 为 sarif，.txt 为 table（.json 也可配合 --format sarif 或 gitlab）。",
    "help.lang": "报告和提示信息的语言：auto 表示报告随计划的语言，提示信息随 PLANAUDIT_LANG 或系统的区域设置。",
    "help.fail_on": (
        "达到何种程度时退出码为 1：behind（滞后、未完成，或数字不符：报告所列完成率或差距有误、"
        "分项不符、数据下调），watch（有任何标记），never（从不）。"
    ),
    "help.tolerance": "低于序时进度多少个百分点以内仍算“关注”（优先于计划中的设定）。",
    "help.only": "只显示被标记的指标。",
    "help.forecast": "同时显示剩余时间需完成的量（表格、Markdown）。",
    "help.recovery_factor": "所需进度达到此前进度的这一倍数时，视为需加快。",
    "help.jobs": "处理大量输入时的进程数（0：每个可用核心一个）。",
    "help.check.short": "审核计划文件：各指标完成率对照序时进度。",
    "help.validate.short": "只检查计划文件，不作审核。",
    "help.verify.short": "核对计划与其报告是否一致。",
    "help.history.short": "按报告日期追踪各指标。",
    "help.diff.short": "比较计划的两个版本有何变化。",
    "help.draft.short": "根据报告文本起草计划文件。",
    "help.schema.short": "输出计划文件的 JSON Schema。",
    "metavar.plan": "计划文件",
    "metavar.report": "报告.txt",
    "metavar.document": "文件.txt",
    "metavar.old_new": "旧 新 | 路径…",
    "metavar.revision": "版本",
    "metavar.file": "文件",
    "metavar.megabytes": "MB",
    "metavar.path": "路径",
    "metavar.date": "日期",
    "metavar.points": "百分点",
    "metavar.times": "倍数",
    "metavar.count": "N",
    "help.config": "以 .planaudit.toml 的形式输出当前生效的设置，并注明每项的来源：默认值、配置文件的某一行、命令行或环境变量。配置文件是从工作目录向上最近的 .planaudit.toml 或 pyproject.toml 的 [tool.planaudit]（同一目录中 .planaudit.toml 优先）；--config 文件或 PLANAUDIT_CONFIG 指定其他文件，--no-config 不读取任何配置文件。",
    "help.config.short": "输出当前生效的设置及其来源。",
    "help.config.epilog": "示例：planaudit config；planaudit config check --fail-on watch",
    "help.config.command": "显示该命令在这些选项（它自己的选项、--config、--no-config）下的设置；默认显示每个命令的设置。",
    "help.config.file": "从该文件读取设置。",
    "help.config_file": "从该文件读取设置，而非最近的 .planaudit.toml 或 pyproject.toml 的 [tool.planaudit]（{variable}）。",
    "help.no_config": "不读取配置文件。",
    "help.encoding": "auto：UTF-8（可带 BOM）、带 BOM 的 UTF-16，或在字节足以确定时按 GB18030（GBK）读取并给出提示；utf-8：从不按 GB18030 读取；gb18030：按 GB18030 读取。",
    "metavar.command_options": "[命令 [选项…]]",
    "help.quiet": "只输出每个未通过计划（达到 --fail-on 所设级别）的结论行，全部通过时不输出。仅对表格有效，其他格式仍完整输出；问题仍输出到标准错误。",
    "help.validate.quiet": "所有文件均有效时不输出任何内容。",
    "help.no_color": "不使用颜色，即使输出到终端或设置了 FORCE_COLOR（同 NO_COLOR=1）。",
    "help.install_completion": "为当前所用的命令行安装自动补全。",
    "help.show_completion": "显示当前命令行的自动补全脚本，以便复制或自行安装。",
}
