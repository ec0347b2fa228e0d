"""A claim or reference file that breaks the claims format (v1).

Reported at the offending line: a missing or wrongly typed field, an unknown claim kind, a
duplicate claim id, a duplicate mapping key, an impossible date (2021-02-30), a range whose end
precedes its start, a file with neither `article` nor `claims`. A claim that breaks the format is
left out of the other rules; the rest of the file is still checked.

Unknown fields (most are typos such as `atribution`) are reported with severity *warning* and
the claim is still checked with the fields it has. So is a rule name or code in a claim's
`ignore:` list that no installed rule has (`unattribted`): it would suppress nothing.

No options. `claimcheck schema` prints the JSON Schema of the format for editors.

Fails::

    claims:
      - id: helmets
        kind: figure
        text: Berlin would supply 5,000 helmets
        value: "5,000"      # a number is expected; subject and metric are missing

Passes::

    claims:
      - id: helmets
        kind: figure
        text: Berlin would supply 5,000 helmets
        subject: German military aid to Ukraine
        metric: helmets pledged
        value: 5000
"""

from claimcheck.rules._shared import loader_problems

NAME = "schema"
CODE = "CC002"
SEVERITY = "error"
SCOPE = "article"


def check(source, options, corpus):
    return loader_problems(source, NAME)
