"""Figures about the same subject and metric whose values cannot both be true.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "numeric-conflict"
CODE = "CC101"
SEVERITY = "error"
SCOPE = "corpus"


def check(target, options, corpus):
    return ()
