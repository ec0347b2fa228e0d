"""One article's parse -> its claims, in a fixed order of extractors.

Roles come first (speakers are resolved to the people titles name), then
quotes (figures and events inside a quotation inherit its speaker), then
figures, events and statements.
"""
from __future__ import annotations

from claimcheck.model import KINDS

from .claims import Draft
from .context import ArticleContext
from .events import extract_events
from .figures import extract_figures
from .ids import assign_ids
from .meta import ArticleText
from .quotes import extract_quotes, find_quote_regions
from .roles import extract_roles, split_compound_roles
from .statements import extract_statements


def extract_claims(article: ArticleText, doc) -> list[Draft]:
    ctx = ArticleContext.build(article, doc)
    ctx.quote_regions = [(s, e) for s, e, _, _ in find_quote_regions(article.body, article.body_start)]
    ctx.index_people()
    roles = extract_roles(ctx)
    quotes = extract_quotes(ctx)
    figures = extract_figures(ctx, quotes)
    events = extract_events(ctx, quotes)
    statements = extract_statements(ctx, figures + events)
    claims = split_compound_roles(roles + ctx.extra_roles) + quotes + figures + events + statements
    claims = [c for c in claims if c.end > c.start and article.text[c.start:c.end] == c.text]
    claims.sort(key=lambda c: (c.start, KINDS.index(c.kind), c.end))
    assign_ids(claims)
    return claims
