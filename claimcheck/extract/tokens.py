"""Tokens back to text, as the article wrote them, for fields built from parts of a parse.

A field made of chosen tokens (a subject, a metric, a role, a source) is
written with each token's own whitespace, and with one space wherever the
tokens are not neighbours in the text: words were left out between them, and
the token before the gap may have had no whitespace of its own ("Carter" in
"Carter, who won in May, took office" + "took" must not become "Cartertook").
"""
from __future__ import annotations


def join_tokens(tokens) -> str:
    """The tokens as one line of text: their own spacing, a space at each gap, runs of
    whitespace made one space."""
    parts: list[str] = []
    prev = None
    for tok in tokens:
        if prev is not None and tok.i != prev.i + 1 and not prev.whitespace_:
            parts.append(" ")
        parts.append(tok.text_with_ws)
        prev = tok
    return " ".join("".join(parts).split())
