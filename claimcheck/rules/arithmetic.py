"""A part larger than its whole, or shares of one whole adding up to more than it.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "arithmetic"
CODE = "CC102"
SEVERITY = "error"
SCOPE = "claim"


def check(target, options, corpus):
    return ()
