"""A claim resting on a vague source: analysts, officials, widely seen, reportedly.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "vague-attribution"
CODE = "CC302"
SEVERITY = "warning"
SCOPE = "claim"


def check(target, options, corpus):
    return ()
