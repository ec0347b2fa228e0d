"""The same quote put in different mouths.

PLACEHOLDER: being written (issue 3). Yields nothing yet.
"""

NAME = "attribution-conflict"
CODE = "CC303"
SEVERITY = "error"
SCOPE = "corpus"


def check(target, options, corpus):
    return ()
