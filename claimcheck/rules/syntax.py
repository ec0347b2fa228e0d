"""A file that cannot be read as YAML data.

## What it does

Reports a file that is not plain YAML data: invalid YAML, bytes that are not UTF-8 text, binary
files, tags that would build objects (`!!python/...`), alias expansion beyond the limit (alias
bombs), nesting deeper than 64 levels, more than one YAML document in a file, a file that is not a
regular file (a device, a FIFO) or is larger than the limit.

## Why it matters

Nothing else can be checked in such a file, and a hostile one must never make claimcheck run code
or exhaust memory. The rest of the file is not checked; the other files are.

## Fails

```yaml
article:
  id: x
claims: [   # unclosed flow sequence
```

## Passes

```yaml
article: {id: x}
claims: []
```
"""

from claimcheck.rules.common import loader_problems

NAME = "syntax"
CODE = "CC001"
SEVERITY = "error"
SCOPE = "file"


def check(source, options, corpus):
    return loader_problems(source, NAME)
