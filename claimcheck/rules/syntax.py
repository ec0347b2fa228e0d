"""A file that cannot be read as YAML data.

Reported for: invalid YAML, bytes that are not UTF-8 text, binary files, tags that would build
objects (`!!python/...`), alias expansion beyond the limit (alias bombs), nesting deeper than
64 levels, more than one YAML document in a file. The rest of the file is not checked; the
other files are.

No options.

Fails::

    article:
      id: x
    claims: [   # unclosed flow sequence

Passes: any file that parses as plain YAML data.
"""

from claimcheck.rules.common import loader_problems

NAME = "syntax"
CODE = "CC001"
SEVERITY = "error"
SCOPE = "file"


def check(source, options, corpus):
    return loader_problems(source, NAME)
