"""One exclusive role held by different people at the same time, or incompatible titles.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "role-conflict"
CODE = "CC401"
SEVERITY = "error"
SCOPE = "corpus"


def check(target, options, corpus):
    return ()
