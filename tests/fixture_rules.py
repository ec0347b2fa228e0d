"""The toy rules the tests install in a project's `rules/` folder, once, with their own codes.

`no-shouting` (XY101, a claim rule with an option) flags statements written in capitals;
`same-text` (XY201, a corpus rule) flags a claim whose text another claim already has. Both log
what they ran to the file named by `CLAIMCHECK_TEST_LOG` when it is set, so cache tests can see
which rules ran on what.
"""

NO_SHOUTING = '''
"""Flags statements written in capitals."""
import os

from claimcheck.rule_api import Problem, RuleOptions

NAME = "no-shouting"
CODE = "XY101"
SEVERITY = "error"
SCOPE = "claim"
KINDS = ("statement",)


class Options(RuleOptions):
    min_length: int = 3


def check(claim, options, corpus):
    if os.environ.get("CLAIMCHECK_TEST_LOG"):
        with open(os.environ["CLAIMCHECK_TEST_LOG"], "a") as log:
            log.write(f"{NAME} {claim.ref}\\n")
    if len(claim.text) >= options.min_length and claim.text.isupper():
        yield Problem(f"shouting: {claim.text}", claim=claim)
'''

SAME_TEXT = '''
"""Flags the same text in two claims (a corpus rule)."""
import os

from claimcheck.rule_api import Problem

NAME = "same-text"
CODE = "XY201"
SEVERITY = "warning"
SCOPE = "corpus"


def check(corpus, options, _corpus):
    if os.environ.get("CLAIMCHECK_TEST_LOG"):
        with open(os.environ["CLAIMCHECK_TEST_LOG"], "a") as log:
            log.write(f"{NAME} corpus\\n")
    seen = {}
    for claim in corpus.claims():
        if claim.text in seen:
            yield Problem(f"same text as {seen[claim.text].ref}", claim=claim, related=[seen[claim.text]])
        else:
            seen[claim.text] = claim
'''


def install(folder, *rules: str) -> None:
    """Write the given rule sources into `folder` (a project's rules/), one module each."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in rules:
        name = source.split('NAME = "', 1)[1].split('"', 1)[0].replace("-", "_")
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
