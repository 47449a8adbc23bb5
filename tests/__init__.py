import os

# The tests speak English unless a test asks otherwise (their expected output is English): the
# language of help and messages is read from the environment when planaudit is first imported,
# and pytest imports this package before any test module or conftest.
for _name in ("PLANAUDIT_LANG", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
