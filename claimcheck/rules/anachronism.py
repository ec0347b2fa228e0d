"""A claim dated after its article, or a title the reference tenures contradict.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "anachronism"
CODE = "CC202"
SEVERITY = "error"
SCOPE = "claim"


def check(target, options, corpus):
    return ()
