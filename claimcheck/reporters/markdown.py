"""A Markdown report for people: summary tables, then each finding with its claims side by side.

GitHub-flavoured: tables (tabulate's `github` format), links to the YAML lines (`claims/x.yaml#L12`,
relative to where the report is written, so they work when the report is committed next to the
claims), and for numeric conflicts a Mermaid chart of the values reported over time.

Everything that comes from claim files is escaped (`claimcheck.reporters._escape`): a `|`, a
`<script>`, a `[x](javascript:...)` or a newline in a claim shows as text and breaks nothing.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable

from tabulate import tabulate

from claimcheck.describe import claim_value, claim_when, source_with_role
from claimcheck.reporters import Report
from claimcheck.reporters._escape import md, md_code, md_link, mermaid_label, url_path

Linker = Callable[[str, int | None], str]  # (path as reported, line) -> href

CHART_RULES = {"numeric-conflict"}
_ORDER = ("error", "warning", "info")


def render(report: Report) -> str:
    """The report; links are relative to the folder of `report.output` (the --output file)."""
    return render_markdown(report, relative_linker(report.output))


def relative_linker(output: str | None) -> Linker:
    """Links that work on GitHub from a report written to `output` (or read from the cwd)."""
    base = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()

    def link(path: str, line: int | None) -> str:
        try:
            target = os.path.relpath(os.path.abspath(path), base)
        except ValueError:  # another drive (Windows)
            target = path
        return url_path(target) + (f"#L{line}" if line else "")

    return link


def blob_linker(server: str, repository: str, sha: str, workspace: str) -> Linker:
    """Absolute links to the files at one commit (for GitHub job summaries, which have no cwd)."""

    def link(path: str, line: int | None) -> str:
        try:
            inside = os.path.relpath(os.path.abspath(path), os.path.abspath(workspace))
        except ValueError:
            inside = path
        return f"{server.rstrip('/')}/{url_path(repository)}/blob/{url_path(sha)}/{url_path(inside)}" + (
            f"#L{line}" if line else ""
        )

    return link


# The document -------------------------------------------------------------------------------------


def render_markdown(report: Report, link: Linker, title: str = "claimcheck report", max_findings: int | None = None) -> str:
    out = [f"# {md(title)}", "", _headline(report), ""]
    if report.findings:
        out += ["## Summary", "", "### By rule", "", _by_rule(report), "", "### By file", "", _by_file(report, link), ""]
        out += ["## Findings", "", "Errors first, then warnings and notes; within each, by file and line.", ""]
        ordered = sorted(report.findings, key=lambda f: (_ORDER.index(f.severity), f.sort_key()))
        shown = ordered if max_findings is None else ordered[:max_findings]
        for number, finding in enumerate(shown, 1):
            out += _finding(number, finding, link)
        if len(shown) < len(report.findings):
            out += [f"*{len(report.findings) - len(shown)} more findings are not shown here: see the full report.*", ""]
    else:
        out += ["No findings.", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _headline(report: Report) -> str:
    counts = report.counts_by_severity()
    parts = ", ".join(f"{counts[s]} {s}" for s in _ORDER if counts[s])
    findings = f"**{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}**"
    return (
        f"claimcheck {md(report.version)} checked {report.files} file{'s' if report.files != 1 else ''} "
        f"and {report.claims} claim{'s' if report.claims != 1 else ''}: {findings}" + (f" ({parts})." if parts else ".")
    )


def _table(rows: list, headers: list, numeric: int = 0) -> str:
    align = ["left"] * (len(headers) - numeric) + ["right"] * numeric
    lines = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True, colalign=align).split("\n")
    if numeric:  # tabulate's github format does not mark alignment; GitHub needs `---:` to right-align
        cells = lines[1].split("|")
        for index in range(len(cells) - 1 - numeric, len(cells) - 1):
            cells[index] = cells[index][:-1] + ":"
        lines[1] = "|".join(cells)
    return "\n".join(lines)


def _by_rule(report: Report) -> str:
    counts: dict[tuple, Counter] = defaultdict(Counter)
    for rule in report.rules:
        counts[(rule.code, rule.name)]  # every rule that ran, even with no finding
    for finding in report.findings:
        counts[(finding.code, finding.rule)][finding.severity] += 1
    rows = []
    for (code, name), by_severity in sorted(counts.items()):
        rows.append([md_code(name), md(code), *(str(by_severity[s]) for s in _ORDER), str(sum(by_severity.values()))])
    return _table(rows, ["rule", "code", *_ORDER, "total"], numeric=4)


def _by_file(report: Report, link: Linker) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for finding in report.findings:
        counts[finding.path][finding.severity] += 1
    rows = []
    for path, by_severity in sorted(counts.items()):
        rows.append([md_link(md(path), link(path, None)), *(str(by_severity[s]) for s in _ORDER), str(sum(by_severity.values()))])
    table = _table(rows, ["file", *_ORDER, "total"], numeric=4)
    clean = report.files - len(counts)
    return table + (f"\n\n{clean} other file{'s' if clean != 1 else ''} checked without findings." if clean > 0 else "")


def _finding(number: int, finding, link: Linker) -> list[str]:
    where = md_link(md(f"{finding.path}:{finding.line}"), link(finding.path, finding.line))
    out = [
        f"### {number}. {md(finding.code)} {md(finding.rule)} ({md(finding.severity)}): {where}",
        "",
        f"**{md(finding.severity.capitalize())}:** {md(finding.message)}",
        "",
    ]
    locations = [finding.location, *finding.related]
    records = list(finding.claims) + [None] * (len(locations) - len(finding.claims))
    resolved = list(zip(locations, records))
    rows = [_claim_row(index == 0, loc, claim, link) for index, (loc, claim) in enumerate(resolved) if claim is not None]
    if rows:
        headers = ["", "claim", "value", "approx", "as of", "source", "article", "outlet", "text"]
        out += [_table(rows, headers), ""]
    unresolved = [loc for loc, claim in resolved[1:] if claim is None]
    if unresolved:
        items = ", ".join(md_link(md(_loc_label(loc)), link(loc.path, loc.line)) for loc in unresolved)
        out += [f"Also involved: {items}", ""]
    figures = [claim for _loc, claim in resolved if claim is not None and getattr(claim, "kind", None) == "figure"]
    if finding.rule in CHART_RULES and len(figures) >= 2:
        out += _chart(figures)
    return out


def _loc_label(loc) -> str:
    ref = f" ({loc.article}#{loc.claim})" if loc.claim else ""
    return f"{loc.path}:{loc.line}{ref}"


def _claim_row(primary: bool, loc, claim, link: Linker) -> list[str]:
    article = claim.article
    label = md_link(md(f"{claim.article_id}#{claim.id}"), link(loc.path, loc.line))
    return [
        "▶" if primary else "",
        label,
        md(claim_value(claim)),
        md(getattr(claim, "approx", "") or ""),
        md(claim_when(claim) or ""),
        md(source_with_role(claim)),
        md((article.title or article.id) if article is not None else ""),
        md(article.outlet if article is not None and article.outlet else ""),
        md(claim.text),
    ]


# Mermaid chart -------------------------------------------------------------------------------------


def _plain(value: float) -> str:
    """A number for Mermaid: digits only (no thousands separators), never fails on inf or nan."""
    if not math.isfinite(value):
        return "0"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _chart(figures: list) -> list[str]:
    """Values reported over time: one bar per claim, in order of their dates (ranges at their middle)."""

    def when_key(figure):
        when = figure.when
        return (when.start, when.end) if when is not None else (None, None)

    dated = sorted(figures, key=lambda f: (when_key(f)[0] is None, when_key(f)[0] or 0, f.article_id or "", f.id))
    units = {(f.unit or "").strip().lower() for f in dated}
    same_unit = len(units) == 1
    labels, values = [], []
    for figure in dated:
        value = figure.value
        middle = value[0] / 2 + value[1] / 2 if isinstance(value, tuple) else value  # no overflow at 1e308
        when = str(figure.when) if figure.when is not None else "undated"
        unit = "" if same_unit or not figure.unit else f" {figure.unit}"
        labels.append(f'"{mermaid_label(f"{when} {figure.id}{unit}", 40)}"')
        values.append(_plain(middle))
    first = dated[0]
    title = mermaid_label(f"{first.subject}: {first.metric}", 80)
    y_title = mermaid_label(first.unit or "value", 40) if same_unit else "value"
    return [
        "```mermaid",
        "xychart-beta",
        f'    title "{title}"',
        f"    x-axis [{', '.join(labels)}]",
        f'    y-axis "{y_title}"',
        f"    bar [{', '.join(values)}]",
        "```",
        "",
    ]
