"""The same event given dates that cannot both be true.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "date-conflict"
CODE = "CC201"
SEVERITY = "error"
SCOPE = "corpus"


def check(target, options, corpus):
    return ()
