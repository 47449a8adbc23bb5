"""The English catalog: every message by id, with `{name}` placeholders (str.format)."""

MESSAGES: dict[str, str] = {
    # --- help: the application, its commands and options ---
    "help.app": "Audit plan progress against the pace of the year (序时进度, 时间过半、任务过半).",
    "help.version": "Show the version.",
    "help.debug": "Show the traceback of an internal error ({variable}=1).",
    "help.help": "Show this message and exit.",
    "help.check": (
        "Audit plan files: each indicator's completion against the pace (序时进度).\n\n"
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
    "help.verify.report": "The report the plan quotes.",
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
    "help.draft.report": "The report's text.",
    "help.draft.output": "Write the draft here, not stdout.",
    "help.draft.force": "Replace the --output file if it exists.",
    "help.draft.max_size": "Refuse reports larger than this.",
    "help.schema": (
        "Print the JSON Schema (draft 2020-12) of a plan file, for editors and other tools."
    ),
    "help.schema.epilog": "Example: planaudit schema > planaudit.schema.json",
    "help.format": "Report format.",
    "help.paths": "Plan files, or directories searched for *.yaml/*.yml. Default: plans/",
    "help.max_size": "Refuse plan files larger than this many megabytes.",
    "help.as_of": "Audit at this date, e.g. 2018-06-30 (overrides as_of in the files).",
    "help.output": "Write the report here, not stdout.",
    "help.lang": "Language of labels: auto is Chinese for a Chinese plan.",
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
    # --- the CLI library's own words (its help pages and usage errors) ---
    "library.usage": "Usage: ",
    "library.heading": "{heading}:",
    "library.options_metavar": "[OPTIONS]",
    "library.subcommand_metavar": "COMMAND [ARGS]...",
    "library.Arguments": "Arguments",
    "library.Options": "Options",
    "library.Commands": "Commands",
    "library.default": "default: {default}",
    "library.required": "required",
    "library.dynamic": "(dynamic)",
    "library.env_var": "env var: {var}",
    "library.aborted": "Aborted!",
    "library.try_help": "Try '{command} {option}' for help.",
    "library.error": "Error: {message}",
    "library.invalid_value": "Invalid value: {message}",
    "library.invalid_value_for": "Invalid value for {hint}: {message}",
    "library.missing": "Missing {what}{hint}.",
    "library.missing.argument": "argument",
    "library.missing.option": "option",
    "library.missing.parameter": "parameter",
    "library.hints": "{first} / {second}",
    "library.hint": "'{name}'",
    "library.no_such_option": "No such option: {name}",
    "library.possible_options": "{message} (Possible options: {options})",
    "library.requires_argument": "Option '{name}' requires an argument.",
    "library.requires_arguments": "Option '{name}' requires {count} arguments.",
    "library.takes_no_value": "Option '{name}' does not take a value.",
    "library.extra_arguments": "Got unexpected extra argument(s) ({arguments})",
    "library.no_such_command": "No such command '{name}'.",
    "library.did_you_mean": "{message} Did you mean {suggestions}?",
    "library.missing_command": "Missing command.",
    "library.not_one_of": "Value error, '{value}' is not one of {choices}.",
    "library.choice": "'{choice}'",
    "library.list": "{first}, {second}",
    "library.not_a_number": "Input should be a valid number, unable to parse string as a number",
    "library.not_a_whole_number": (
        "Input should be a valid integer, unable to parse string as an integer"
    ),
    "library.at_least": "Input should be greater than or equal to {low}",
    # --- the command line's own sentences ---
    "cli.prefixed": "planaudit: {message}",
    "cli.interrupted": "planaudit: interrupted",
    "cli.stopped_by": "planaudit: stopped by {signal}",
    "cli.internal_error": (
        "planaudit {version}: internal error: {reason} "
        "(run with --debug or {variable}=1 for the traceback, and report it)"
    ),
    "cli.cannot_start": (
        "planaudit {version}: internal error: cannot start: {reason} (a dependency too "
        "old or a broken install: reinstall planaudit; --debug or {variable}=1 shows the "
        "traceback)"
    ),
    "cli.version": "planaudit {version}",
    "cli.cannot_use": "{path}: {why}",
    "cli.files_valid.one": "{count} plan file valid",
    "cli.files_valid.other": "{count} plan files valid",
    "cli.revision_failed": "--since {revision}: {why}",
    "cli.cannot_append": "cannot append to {variable}: {why}",
    "cli.draft_exists": "{path} exists: give another name, or --force to replace it",
    "cli.nothing_to_draft": (
        "no progress figure or milestone found in the report: nothing to draft"
    ),
    "cli.not_a_number": "{value} is not a number from {low} to {high}",
    "cli.not_a_date": "{text} is not a date such as 2018-06-30",
    "cli.binary_format": "{format} is a binary file, not for a terminal: give --output FILE",
    "cli.two_files_or_since": "give two plan files, OLD NEW, or --since REV [PATH…]",
    "help.config": "Print the settings in force, as a .planaudit.toml, each with where it comes from: the default, the configuration file's line, the command line or the environment. The file is .planaudit.toml or pyproject.toml's [tool.planaudit], the nearest from the working directory upward (in one folder, .planaudit.toml wins); --config FILE or PLANAUDIT_CONFIG names another, --no-config reads none.",
    "help.config.short": "Print the settings in force, as a .planaudit.toml, each with...",
    "help.config.epilog": "Examples: planaudit config; planaudit config check --fail-on watch",
    "help.config.command": "Show this command's settings, as these options (its own, --config, --no-config) leave them; default: every command's.",
    "help.config.file": "Read settings from this file.",
    "help.config_file": "Read settings from this file, not the nearest .planaudit.toml or pyproject.toml [tool.planaudit] ({variable}).",
    "help.no_config": "Read no configuration file.",
    "help.encoding": "auto: UTF-8 (a BOM accepted), UTF-16 with a BOM, or GB18030 (GBK) when the bytes leave no doubt, with a notice; utf-8: never GB18030; gb18030: read as GB18030.",
    "metavar.command_options": "[COMMAND [OPTION…]]",
}
