"""A check-worthy claim stated with no source.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "unattributed"
CODE = "CC301"
SEVERITY = "warning"
SCOPE = "claim"


def check(target, options, corpus):
    return ()
