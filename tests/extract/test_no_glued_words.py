"""Fields built from chosen tokens never glue two words into one ("Cartertook").

A subject, role or source is made of tokens picked from the parse; where
words between them were left out, the token before the gap may have no
whitespace of its own (it was followed by a comma). Sentences made up for
the test. Needs the spaCy pipeline.
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.usefixtures("nlp")

SENTENCES = [
    "Mayor Denise Carter, who won in May, took office on Monday.",
    "South Vellia, which won independence in 2011, signed a peace accord with its neighbour in March.",
    "PORTVILLE (Wire) - Former party chairman Ian Moor, 64, said 30 members had resigned.",
    "The union's leader, Mary Stone, who has led it since 2019, said on Tuesday that 1,200 nurses would strike.",
    "Councillor Ann Bell and Senator Tom Reed, both Liberals, called the plan “a gift to developers.”",
]


def _words(value) -> list[str]:
    if isinstance(value, dict):           # an attribution: its source and role
        return _words(value.get("source")) + _words(value.get("role"))
    if isinstance(value, str):
        return [re.sub(r"^\W+|\W+$", "", w) for w in value.split()]
    return []


@pytest.mark.parametrize("text", SENTENCES)
def test_every_word_of_a_built_field_is_a_word_of_the_text(claims_of, text):
    words_of_text = {w.lower() for w in re.findall(r"[\w’'-]+", text)}
    for claim in claims_of(text):
        assert text[claim.start:claim.end] == claim.text
        for key in ("subject", "entity", "role", "attribution", "hedge"):
            if key == "subject" and claim.fields.get(key) == "article t":
                continue              # nothing in the text names it: the article's own key, made of no tokens
            for word in _words(claim.fields.get(key)):
                # a word of the text, or its stem ("member" of "members"); never two glued together
                assert not word.isalpha() or any(w.startswith(word.lower()) for w in words_of_text), \
                    f"{claim.kind} {key} {claim.fields.get(key)!r}: {word!r} is no word of the text"
