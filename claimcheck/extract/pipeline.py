"""Article texts -> parses -> claims.

`parse` runs the spaCy pipeline over many articles at once (`nlp.pipe`, batched). A long article
is cut into pieces of at most `CHUNK_CHARS` characters at paragraph breaks (else line breaks,
sentence ends, spaces) for the parser, whose memory grows with the length of what it is given,
and the pieces are joined back into one Doc of the whole article (`Doc.from_docs`: the same text,
offsets, sentences, entities): the extractors keep the article-level context (who "Putin" is,
who "he" is, which titles were given) and the time stays linear in the article's length.
Articles shorter than `CHUNK_CHARS` -- nearly all news articles -- are parsed whole, as before.

`extract_claims` turns one article's parse into its claims, in a fixed order of extractors:
roles come first (speakers are resolved to the people titles name), then quotes (figures and
events inside a quotation inherit its speaker), then figures, events and statements.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimcheck.model import KINDS

from .claims import Draft
from .context import ArticleContext
from .events import extract_events
from .figures import extract_figures
from .ids import assign_ids
from .meta import ArticleText
from .name_repair import mend_person_names
from .quotes import extract_quotes, find_quote_regions
from .role_titles import split_compound_roles
from .roles import extract_roles
from .statements import extract_statements


def _speakers_own(roles: list[Draft], quotes: list[Draft]) -> None:
    """A title inside a quotation is the speaker's words, not the article's: it takes the
    quote's attribution (the anachronism rule does not hold the article to a speaker's title)."""
    for role in roles:
        if role.fields.get("attribution"):
            continue
        quote = next((q for q in quotes if q.start <= role.start and role.end <= q.end and q.fields.get("attribution")), None)
        if quote is not None:
            role.fields["attribution"] = dict(quote.fields["attribution"])


def extract_claims(article: ArticleText, doc) -> list[Draft]:
    mend_person_names(doc)
    ctx = ArticleContext.build(article, doc)
    ctx.quote_regions = [(s, e) for s, e, _, _ in find_quote_regions(article.body, article.body_start)]
    ctx.index_people()
    roles = extract_roles(ctx)
    quotes = extract_quotes(ctx)
    _speakers_own(roles, quotes)
    figures = extract_figures(ctx, quotes)
    events = extract_events(ctx, quotes)
    statements = extract_statements(ctx, figures + events)
    claims = split_compound_roles(roles + ctx.extra_roles) + quotes + figures + events + statements
    claims = [c for c in claims if c.end > c.start and article.text[c.start:c.end] == c.text]
    claims.sort(key=lambda c: (c.start, KINDS.index(c.kind), c.end))
    assign_ids(claims)
    return claims


CHUNK_CHARS = 20_000
# where a long text may be cut, best first: after a blank line, a line break, a sentence's end, a space
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters ("".join gives it back),
    each cut after the last paragraph break (else line break, sentence end, space) that keeps
    the piece within the limit."""
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = None
        for pattern in _CUTS:
            # the last separator that ends in (start + limit/4, end]: no tiny pieces
            for m in pattern.finditer(text, start + limit // 4, end):
                if m.end() <= end:
                    cut = m.end()
            if cut is not None:
                break
        cut = cut or end                      # one 20,000-character word: cut it
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse(nlp, texts: Iterable[str], batch_size: int = 8) -> Iterator:
    """One Doc per text, in order; long texts are parsed in `chunks` and joined (module docstring)."""
    from spacy.tokens import Doc

    def pieces():
        for k, text in enumerate(texts):
            parts = chunks(text)
            for part in parts:
                yield part, (k, len(parts))

    done: list = []
    for doc, (_k, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        done.append(doc)
        if len(done) == count:
            yield done[0] if count == 1 else Doc.from_docs(done, ensure_whitespace=False)
            done = []
