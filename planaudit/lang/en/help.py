"""The English catalog: the help of the application, its commands and options, and each option's metavar."""

MESSAGES: dict[str, str] = {
    "help.app": "Audit plan progress against the pace of the year.",
    "help.version": "Show the version.",
    "help.debug": "Show the traceback of an internal error ({variable}=1).",
    "help.help": "Show this message and exit.",
    "help.check": (
        "Audit plan files: each indicator's completion against the pace.\n\n"
        "Exit codes: 0 nothing flagged at the --fail-on level, 1 something flagged, "
        "2 bad usage or an invalid plan file, 3 internal error."
    ),
    "help.check.epilog": (
        "Example: planaudit check plans/chaoyang-2018.yaml --as-of 2018-06-30 --format json"
    ),
    "help.validate": (
        "Check plan files without auditing them: exit 0 when valid, 2 with every problem "
        "as path:line:col: message. Fast enough for an editor's save hook or pre-commit."
    ),
    "help.validate.epilog": "Example: planaudit validate plans/",
    "help.verify": (
        "Check that the plan says what its report says: every source quote stands in the "
        "report (width-normalised, white space ignored, … joining pieces) with the "
        "indicator's own figures in its unit (its target only where the quote states one); "
        "every target_source holds the target. Progress figures of the report that no "
        "indicator cites are listed. Exit 1 on any mismatch."
    ),
    "help.verify.epilog": (
        "Example: planaudit verify plans/chaoyang-2018.yaml -r reports/chaoyang-2018-h1.txt"
    ),
    "help.verify.plan": "The plan file.",
    "help.verify.report": "The report the plan quotes; - reads standard input.",
    "help.verify.targets": (
        "A document the targets come from (the annual plan); repeatable. Each "
        "target_source must then stand in one of them or in the report."
    ),
    "help.history": (
        "Trace each indicator across its report dates (actual or stated given as "
        "{{date: figure}}): its completion and status at each, with a small trend bar, and any "
        "cumulative figure restated down. Exit 0, or 2 for an invalid plan file."
    ),
    "help.history.epilog": "Example: planaudit history plans/ --format markdown",
    "help.diff": (
        "What changed between two versions of a plan: targets raised or lowered, indicators "
        "added or removed, kind / direction / binding changed, figures restated, statuses "
        "moved. Indicators are matched by id, else by name. A change that makes the plan "
        "easier to pass (a target cut during the period, an indicator dropped, binding "
        "removed) is flagged.\n\n"
        "Exit codes: 0 no flagged change, 1 a flagged change, 2 bad usage or an invalid file."
    ),
    "help.diff.epilog": (
        "Examples: planaudit diff old/chaoyang.yaml plans/chaoyang-2018.yaml; "
        "planaudit diff --since origin/main plans/"
    ),
    "help.diff.paths": (
        "Two plan files (old, new); with --since, plan files or directories (default plans/)."
    ),
    "help.diff.since": (
        "Compare the plan files under PATH with their version at this git revision."
    ),
    "help.draft": (
        "Draft a plan file from a report's text, for a person to finish: its progress "
        "sentences become indicators (actual, stated rate, unit, verbatim source), full-year "
        "targets of its measures part are matched to them where they can be, and every guess "
        "is marked `# guess` in the YAML. Exit 0, or 2 when the report cannot be read."
    ),
    "help.draft.epilog": (
        "Example: planaudit draft reports/chaoyang-2018-h1.txt -o plans/draft.yaml"
    ),
    "help.draft.report": "The report's text; - reads standard input.",
    "help.draft.output": "Write the draft here, not stdout.",
    "help.draft.force": "Replace the --output file if it exists.",
    "help.draft.max_size": "Refuse reports larger than this.",
    "help.schema": (
        "Print the JSON Schema (draft 2020-12) of a plan file, for editors and other tools."
    ),
    "help.schema.epilog": "Example: planaudit schema > planaudit.schema.json",
    "help.format": "Report format.",
    "help.paths": "Plan files, or directories searched for *.yaml/*.yml; - reads standard input. Default: plans/",
    "help.max_size": "Refuse plan files larger than this many megabytes.",
    "help.as_of": "Audit at this date, e.g. 2018-06-30 (overrides as_of in the files).",
    "help.output": "Write the report here, not stdout. Without --format, the name's extension sets the format: .json json, .md markdown, .csv csv, .html/.htm html, .xlsx xlsx, .xml junit, .sarif sarif, .txt table (.json also takes --format sarif or gitlab).",
    "help.lang": "Language of the report and the messages: auto is the plan's for the report, PLANAUDIT_LANG's or the locale's for messages.",
    "help.fail_on": (
        "Exit 1 when something is this bad: behind (behind, missed, or figures that "
        "disagree: a wrong stated rate or gap, parts, a restatement), watch (anything "
        "flagged) or never."
    ),
    "help.tolerance": "Points under the pace still counted as watch (overrides the plan's).",
    "help.only": "Show only the flagged indicators.",
    "help.forecast": "Also show what the rest of the period must deliver (table, Markdown).",
    "help.recovery_factor": "A pace needed this many times the pace so far is a recovery case.",
    "help.jobs": "Processes for large inputs (0: one per available core).",
    "help.check.short": "Audit plan files: each indicator's completion against the...",
    "help.validate.short": "Check plan files without auditing them: exit 0 when valid, 2...",
    "help.verify.short": "Check that the plan says what its report says: every source...",
    "help.history.short": "Trace each indicator across its report dates (actual or...",
    "help.diff.short": "What changed between two versions of a plan: targets raised...",
    "help.draft.short": "Draft a plan file from a report's text, for a person to...",
    "help.schema.short": "Print the JSON Schema (draft 2020-12) of a plan file, for...",
    "metavar.plan": "PLAN",
    "metavar.report": "REPORT.txt",
    "metavar.document": "DOC.txt",
    "metavar.old_new": "OLD NEW | PATH…",
    "metavar.revision": "REV",
    "metavar.file": "FILE",
    "metavar.megabytes": "MB",
    "metavar.path": "PATH",
    "metavar.date": "DATE",
    "metavar.points": "POINTS",
    "metavar.times": "TIMES",
    "metavar.count": "N",
    "help.config": "Print the settings in force, as a .planaudit.toml, each with where it comes from: the default, the configuration file's line, the command line or the environment. The file is .planaudit.toml or pyproject.toml's [tool.planaudit], the nearest from the working directory upward (in one folder, .planaudit.toml wins); --config FILE or PLANAUDIT_CONFIG names another, --no-config reads none.",
    "help.config.short": "Print the settings in force, as a .planaudit.toml, each with...",
    "help.config.epilog": "Examples: planaudit config; planaudit config check --fail-on watch",
    "help.config.command": "Show this command's settings, as these options (its own, --config, --no-config) leave them; default: every command's.",
    "help.config.file": "Read settings from this file.",
    "help.config_file": "Read settings from this file, not the nearest .planaudit.toml or pyproject.toml [tool.planaudit] ({variable}).",
    "help.no_config": "Read no configuration file.",
    "help.encoding": "auto: UTF-8 (a BOM accepted), UTF-16 with a BOM, or GB18030 (GBK) when the bytes leave no doubt, with a notice; utf-8: never GB18030; gb18030: read as GB18030.",
    "metavar.command_options": "[COMMAND [OPTION…]]",
    "help.quiet": "Print only the verdict line of each plan that fails (the table; other formats are written whole), nothing when nothing fails. Problems still go to stderr.",
    "help.validate.quiet": "Print nothing when every file is valid.",
    "help.no_color": "No colour, even on a terminal or with FORCE_COLOR (as NO_COLOR=1).",
    "help.install_completion": "Install completion for the current shell.",
    "help.show_completion": "Show completion for the current shell, to copy it or customize the installation.",
}
