"""Reports: what the core produced, as text (or a workbook's bytes) in the format asked for.

`registry` says which formats each command can give and imports the one asked for only when it
is used; one module per format of `check`, one per other command's report; `words` holds every
label and sentence."""
