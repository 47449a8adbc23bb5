"""The English catalog: the CLI library's own words (its help pages and usage errors) and the command line's own sentences."""

MESSAGES: dict[str, str] = {
    "library.usage": "Usage: ",
    "library.heading": "{heading}:",
    "library.argument_many": "{name}…",
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
    "cli.read_as": "{path}: read as {encoding} (not UTF-8)",
    "cli.not_a_whole_number": "{text} is not a whole number of 0 or more",
    "cli.stdin_twice": "- (standard input) can stand for one file only",
    "cli.stdin_is_a_terminal": "- reads standard input, but it is a terminal: pipe a file in, or name the file",
    "cli.stdin_with_since": "- (standard input) is not a file at a git revision: with --since, name files",
    "cli.format_does_not_fit": "{format} does not fit {output}: a file so named is written as {fitting}",
    "cli.format_not_offered": "{output} names a {format} report; this command writes {offered}",
}
