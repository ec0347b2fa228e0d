"""The rules' documentation as one Markdown page (docs/rules.md), made from their docstrings.

The docstring is the single source: `claimcheck rule NAME` prints it, this page collects it.
"""

from __future__ import annotations

from claimcheck.registry import Rule


def option_lines(rule: Rule) -> list[str]:
    """`name = default  # description` for each option, as configuration would spell it."""
    lines = []
    for name, info in rule.options.model_fields.items():
        default = info.default if info.default_factory is None else info.default_factory()
        note = f"  # {info.description}" if info.description else ""
        lines.append(f"{name.replace('_', '-')} = {default!r}{note}")
    return lines


def rules_markdown(rules: dict[str, Rule]) -> str:
    out = ["# Rules", "", "Generated from the rules' docstrings by `python scripts/make_rule_docs.py`;",
           "`claimcheck rule NAME` prints the same text.", "",
           "| name | code | severity | scope | flags |", "|---|---|---|---|---|"]
    out += [f"| [`{r.name}`](#{r.name}) | {r.code} | {r.severity} | {r.scope} | {r.summary} |" for r in rules.values()]
    for rule in rules.values():
        out += ["", f"## {rule.name}", "", f"`{rule.code}`, default severity **{rule.severity}**, scope {rule.scope}.", ""]
        out.append(rule.doc.strip())
        options = option_lines(rule)
        if options:
            out += ["", f"Defaults, as `[tool.claimcheck.rules.{rule.name}]` would set them:", "", "```toml", *options, "```"]
    return "\n".join(out) + "\n"
