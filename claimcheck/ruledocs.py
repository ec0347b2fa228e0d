"""The rules' documentation: their Markdown docstrings, the options they declare, their examples.

The docstring is the single source, in the sections a ruff user knows: a one-line summary, then
`## What it does`, `## Why it matters`, `## Fails` and `## Passes` (YAML examples). The options
come from the rule's `Options` model (defaults and descriptions), never from the prose, so they
are written once. `claimcheck rule NAME` prints one rule, `docs/rules.md` collects them all, and
the rule-case tests run every `## Fails` and `## Passes` example (`examples(rule)`).

An example is a fenced ```yaml block; `# file: NAME` lines split it into several files
(claim files, `reference/...` files), else it is one file, `example.yaml`.
"""

from __future__ import annotations

import re

from claimcheck.registry import Rule

_SECTION = re.compile(r"^## (.+)$", re.MULTILINE)
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
_FILE = re.compile(r"^# file: (\S+)\s*$", re.MULTILINE)


def sections(doc: str) -> dict[str, str]:
    """The docstring's `## ` sections by heading (the summary and intro under "")."""
    parts = _SECTION.split(doc)
    out = {"": parts[0].strip()}
    for heading, body in zip(parts[1::2], parts[2::2]):
        out[heading.strip()] = body.strip()
    return out


def examples(rule: Rule) -> dict[str, list[dict[str, str]]]:
    """{"Fails": [files...], "Passes": [...]}: each example as {file name: YAML text}."""
    found = {}
    for heading, body in sections(rule.doc).items():
        if heading in ("Fails", "Passes"):
            found[heading] = [_files(block) for block in _YAML_BLOCK.findall(body)]
    return found


def _files(block: str) -> dict[str, str]:
    names = _FILE.findall(block)
    if not names:
        return {"example.yaml": block}
    texts = _FILE.split(block)[2::2]
    return {name: text.lstrip("\n") for name, text in zip(names, texts)}


def option_lines(rule: Rule) -> list[str]:
    """`name = default  # description` for each option, as configuration would spell it."""
    lines = []
    for name, info in rule.options.model_fields.items():
        default = info.default if info.default_factory is None else info.default_factory()
        note = f"  # {info.description}" if info.description else ""
        lines.append(f"{name.replace('_', '-')} = {_toml(default)}{note}")
    return lines


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def options_markdown(rule: Rule, heading: str = "##") -> list[str]:
    lines = option_lines(rule)
    if not lines:
        return [f"{heading} Options", "", "None."]
    return [
        f"{heading} Options",
        "",
        f"Set under `[tool.claimcheck.rules.{rule.name}]` (also `severity`); the defaults:",
        "",
        "```toml",
        *lines,
        "```",
    ]


def rule_text(rule: Rule) -> str:
    """One rule's page, as `claimcheck rule NAME` prints it."""
    head = f"# {rule.name} ({rule.code})\n\nDefault severity {rule.severity}, scope {rule.scope}. Defined in: {rule.origin}\n"
    return "\n".join([head, rule.doc.strip(), "", *options_markdown(rule)]) + "\n"


def vocabulary_markdown() -> str:
    """docs/vocabulary.md: the shipped vocabulary of quantities (claimcheck/data/vocabulary.yaml)."""
    from claimcheck.normalize import vocabulary_data

    data = vocabulary_data()
    running = set(data.get("cumulative", []))
    out = [
        "# The vocabulary of quantities", "",
        "Generated from `claimcheck/data/vocabulary.yaml` by `python scripts/make_rule_docs.py`.", "",
        "A figure's `metric` is compared after normalisation (case, punctuation, leading articles, the",
        "reference aliases) and then through this table: every word in a row names the same quantity, so",
        "`deaths` in one claim file and `people killed` in another are compared by `numeric-conflict` and",
        "`arithmetic`. `claimcheck extract` writes the canonical name, and marks the running totals",
        "(`cumulative: true`). A project adds words in a reference file:", "",
        "```yaml", "reference: {id: metrics}", "metrics:", "  people killed: [souls lost]", "  seats: [mandates]", "```", "",
        "| quantity | running total | also written |", "|---|---|---|",
    ]
    out += [f"| {name} | {'yes' if name in running else ''} | {', '.join(words)} |" for name, words in data["metrics"].items()]
    return "\n".join(out) + "\n"


def rules_markdown(rules: dict[str, Rule]) -> str:
    out = ["# Rules", "", "Generated from the rules' docstrings by `python scripts/make_rule_docs.py`;",
           "`claimcheck rule NAME` prints the same text.", "",
           "| name | code | severity | scope | flags |", "|---|---|---|---|---|"]
    out += [f"| [`{r.name}`](#{r.name}) | {r.code} | {r.severity} | {r.scope} | {r.summary} |" for r in rules.values()]
    for rule in rules.values():
        doc = _SECTION.sub(r"### \1", rule.doc.strip())
        out += ["", f"## {rule.name}", "", f"`{rule.code}`, default severity **{rule.severity}**, scope {rule.scope}.", "", doc, ""]
        out += options_markdown(rule, "###")
    return "\n".join(out) + "\n"
