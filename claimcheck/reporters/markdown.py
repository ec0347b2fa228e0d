"""A Markdown report for people: a legend, summary tables, then each finding with its claims side
by side, the sentences of the articles they come from, and for numeric conflicts a chart.

GitHub-flavoured: tables (tabulate's `github` format), links to the YAML lines (`claims/x.yaml#L12`,
relative to where the report is written, so they work when the report is committed next to the
claims), links to the published articles (their `url`, http and https only), and for numeric
conflicts a Mermaid chart of the values (bars from 0, one per claim, the finding's own claim in
another colour) with a line under it saying what the bars are.

The sentences are quoted from `report.articles`, the article texts the caller read inside the
project (`claimcheck.reading.read_article`): a reporter reads no file itself.

Everything that comes from claim files and articles is escaped (`claimcheck.reporters._escape`):
a `|`, a `<script>`, a `[x](javascript:...)` or a newline in a claim shows as text and breaks nothing.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from tabulate import tabulate

from claimcheck.describe import claim_excerpt, claim_value, claim_when, plural, source_with_role
from claimcheck.quantities import parse_unit
from claimcheck.reporters import Report
from claimcheck.reporters._escape import md, md_code, md_line, md_link, mermaid_label, url_path, web_url

Linker = Callable[[str, int | None], str]  # (path as reported, line) -> href

CHART_RULES = {"numeric-conflict"}
MAX_BARS = 12  # claims drawn in one chart (the finding's own and the nearest others); the rest are counted
MAX_EXCERPTS = 6  # claims quoted from their articles per finding
PRIMARY = "▶"  # marks the claim a finding is about, in its table, excerpts and chart
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


@dataclass
class _Used:
    """What the findings shown use, so the legend explains exactly that."""

    primary: bool = False
    no_source: bool = False
    article_links: bool = False
    excerpts: bool = False
    not_found: bool = False
    cut_quote: bool = False  # a quote is cut ("…")
    cut_label: bool = False  # an id in a chart's label is cut ("…")
    charts: bool = False
    ranges: bool = False
    severities: set = field(default_factory=set)


def render_markdown(report: Report, link: Linker, title: str = "claimcheck report", max_findings: int | None = None) -> str:
    out = [f"# {md(title)}", "", _headline(report), ""]
    if report.findings:
        used = _Used()
        ordered = sorted(report.findings, key=lambda f: (_ORDER.index(f.severity), f.sort_key()))
        shown = ordered if max_findings is None else ordered[:max_findings]
        findings: list[str] = []
        for number, finding in enumerate(shown, 1):
            findings += _finding(number, finding, link, report.articles, used)
        used.severities = {f.severity for f in report.findings}
        out += _legend(used, report.fail_on)
        out += ["## Summary", "", "### By rule", "", _by_rule(report), "", "### By file", "", _by_file(report, link), ""]
        out += ["## Findings", "", "Errors first, then warnings and notes; within each, by file and line.", ""]
        out += findings
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


_SEVERITY_MEANS = {
    "error": "a contradiction or a mistake to settle before publishing",
    "warning": "worth an editor's look: it may be fine",
    "info": "a note",
}


def _legend(used: _Used, fail_on: str) -> list[str]:
    """How to read the report: every mark the findings below use, and nothing else."""
    failing = [s for s in _ORDER if _ORDER.index(s) <= _ORDER.index(fail_on)] if fail_on in _ORDER else []
    severities = "; ".join(f"**{s}**: {_SEVERITY_MEANS[s]}" for s in _ORDER if s in used.severities)
    fails = f" Findings of severity {' or '.join(failing)} fail the check." if failing else ""
    items = [f"Severity: {severities}.{fails}"]
    items.append("A claim (`article#claim`) links to its line in the claim file.")
    if used.primary:
        items.append(
            f"{PRIMARY} marks the claim a finding is about (the line its heading names); the other rows are the claims "
            "it is checked against: for a conflict, the claims it contradicts."
        )
    if used.no_source:
        items.append("— in the source column: the article says it in its own voice, naming no source.")
    if used.article_links:
        items.append("An article's title links to the article as published (its `url`).")
    if used.excerpts:
        items.append(
            "Quoted (indented, with a bar at the left): the sentences of the article text (`article.source`) "
            "the claim comes from, with the claim's words in **bold**."
            + (" *Not in the article text* means the claim's words were not found there." if used.not_found else "")
        )
    cut = [what for what, yes in (("a quote", used.cut_quote), ("an id in a chart's label", used.cut_label)) if yes]
    if cut:
        items.append(f"… marks where {' or '.join(cut)} is cut short.")
    if used.charts:
        chart = (
            f"Charts: a **blue** bar per claim, the axis from 0; the **orange** line is the value of the {PRIMARY} claim, "
            "so the bars that end away from it are the values in conflict with it"
        )
        if used.ranges:
            chart += "; a pale end is the upper part of a range (`value: [low, high]`)"
        items.append(chart + ". The line under each chart says what it shows.")
    return ["## How to read this report", "", *(f"- {item}" for item in items), ""]


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


def _finding(number: int, finding, link: Linker, articles: dict, used: _Used) -> list[str]:
    where = md_link(md(f"{finding.path}:{finding.line}"), link(finding.path, finding.line))
    out = [
        f"### {number}. {md(finding.code)} {md(finding.rule)} ({md(finding.severity)}): {where}",
        "",
        f"**{md(finding.severity.capitalize())}:** {md(finding.message)}",
        "",
    ]
    locations = [finding.location, *finding.related]
    records = list(finding.claims) + [None] * (len(locations) - len(finding.claims))
    resolved = [(index == 0, loc, claim) for index, (loc, claim) in enumerate(zip(locations, records))]
    claims = [(primary, loc, claim) for primary, loc, claim in resolved if claim is not None]
    if claims:
        rows = [_claim_row(primary, loc, claim, link, used) for primary, loc, claim in claims]
        headers = ["", "claim", "value", "approx", "as of", "source", "article", "outlet", "text"]
        out += [_table(rows, headers), ""]
    unresolved = [loc for _primary, loc, claim in resolved[1:] if claim is None]
    if unresolved:
        items = ", ".join(md_link(md(_loc_label(loc)), link(loc.path, loc.line)) for loc in unresolved)
        out += [f"Also involved: {items}", ""]
    out += _excerpts(claims, articles, used)
    figures = [(primary, claim) for primary, _loc, claim in claims if getattr(claim, "kind", None) == "figure"]
    if finding.rule in CHART_RULES and len(figures) >= 2:
        out += _chart(figures, used)
    return out


def _loc_label(loc) -> str:
    ref = f" ({loc.article}#{loc.claim})" if loc.claim else ""
    return f"{loc.path}:{loc.line}{ref}"


def _claim_row(primary: bool, loc, claim, link: Linker, used: _Used) -> list[str]:
    article = claim.article
    label = md_link(md(f"{claim.article_id}#{claim.id}"), link(loc.path, loc.line))
    source = source_with_role(claim)
    used.primary |= primary
    used.no_source |= source == "—"
    return [
        PRIMARY if primary else "",
        label,
        md(claim_value(claim)),
        md(getattr(claim, "approx", "") or ""),
        md(claim_when(claim) or ""),
        md(source),
        _article_cell(article, used),
        md(article.outlet if article is not None and article.outlet else ""),
        md(claim.text),
    ]


def _article_cell(article, used: _Used) -> str:
    """The article's title (else its id), a link to its `url` when that is an http(s) URL; any
    other `url` is shown as code, never as a link."""
    if article is None:
        return ""
    name = md(article.title or article.id)
    if not article.url:
        return name
    href = web_url(article.url)
    if href is None:
        return f"{name} ({md_code(article.url)})"
    used.article_links = True
    return md_link(name, href)


# Excerpts -----------------------------------------------------------------------------------------


def _excerpts(claims: list, articles: dict, used: _Used) -> list[str]:
    """The sentence of each claim's article its words are in (when the article text was read)."""
    quoted = []
    for primary, _loc, claim in claims:
        text = articles.get(claim.path)
        if text is None:
            continue
        mark = f"{PRIMARY} " if primary else ""
        ref = md_code(f"{claim.article_id}#{claim.id}")
        found = claim_excerpt(text, claim)
        if found is None:
            used.not_found = True
            quoted.append(f"- {mark}{ref}: *not in the article text*")
            continue
        before, words, after = found
        used.cut_quote |= before.startswith("…") or words.endswith("…") or after.endswith("…")
        sentence = (md_line(before) + (" " if before.endswith(" ") else "")) if before else ""
        sentence += f"**{md(words)}**{_md_spaced(after)}"
        quoted.append(f"- {mark}{ref}\n  > {sentence}")
    if not quoted:
        return []
    used.excerpts = True
    more = len(quoted) - MAX_EXCERPTS
    shown = quoted[:MAX_EXCERPTS] + ([f"- *{plural(more, 'more claim')} not quoted*"] if more > 0 else [])
    return ["In the articles:", "", *shown, ""]


def _md_spaced(text: str) -> str:
    """`md` of the text after a quote's words, keeping the space between them."""
    return (" " if text.startswith(" ") else "") + md(text)


# Mermaid chart -------------------------------------------------------------------------------------

_COLOURS = {  # series -> colour (CSS names: no `#` in the chart)
    "value": "steelblue",
    "range": "lightsteelblue",
    "primary": "darkorange",
}
_SCALES = {2: "millions", 3: "billions", 4: "trillions", 5: "quadrillions", 6: "quintillions"}
_LABEL_PART = 28  # characters of an article id or claim id in a bar label (cut in the middle beyond)


@dataclass
class _Bar:
    primary: bool
    figure: object
    low: float
    high: float
    factor: float = 1.0  # what the figure's value was multiplied by to be in the finding's own unit


def _plain(value: float) -> str:
    """A number for Mermaid: digits only (no separators, no exponent), 6 significant digits."""
    rounded = float(f"{value:.6g}")
    text = format(Decimal(repr(rounded)), "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) or "0"


def _nice(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at least `value` > 0."""
    exponent = math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * 10.0**exponent * (1 + 1e-9):
            return step * 10.0**exponent
    return 10.0 ** (exponent + 1)


def _short(text: str, limit: int = _LABEL_PART) -> str:
    """Cut in the middle, so both the start and the end of an id stay readable."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 3 // 5
    return text[:head].rstrip("-_. ") + "…" + text[len(text) - (limit - 1 - head) :].lstrip("-_. ")


def _labels(bars: list[_Bar], dated: bool, used: _Used) -> list[str]:
    """One label a bar: (date,) article id / claim id, shortened; never two alike."""
    labels, seen = [], set()
    for bar in bars:
        figure = bar.figure
        article = _short(mermaid_label(figure.article_id or "", 200))
        claim = _short(mermaid_label(figure.id, 200))
        when = f"{figure.when} " if dated and figure.when is not None else ""
        label = f"{PRIMARY + ' ' if bar.primary else ''}{mermaid_label(when, 40)}{' ' if when else ''}{article}/{claim}"
        used.cut_label |= "…" in label
        unique, copy = label, 1
        while unique in seen:
            copy += 1
            unique = f"{label} ({copy})"
        seen.add(unique)
        labels.append(f'"{unique}"')
    return labels


def _chart(figures: list, used: _Used) -> list[str]:
    """The values of the claims: one bar each from 0, the finding's own claim in orange, by date."""
    primary = next((claim for is_primary, claim in figures if is_primary), figures[0][1])
    base = parse_unit(primary.unit)
    bars: list[_Bar] = []
    other_units = not_finite = 0
    for is_primary, figure in figures:
        unit = parse_unit(figure.unit)
        if unit.dimension != base.dimension:
            other_units += 1
            continue
        value = figure.value
        low, high = value if isinstance(value, tuple) else (value, value)
        factor = unit.factor / base.factor  # the same unit as the finding's own figure
        low, high = sorted((float(low) * factor, float(high) * factor))
        if not (math.isfinite(low) and math.isfinite(high)):
            not_finite += 1
            continue
        bars.append(_Bar(is_primary, figure, low, high, factor))
    if len(bars) < 2:
        return []
    hidden = max(0, len(bars) - MAX_BARS)
    bars = bars[:MAX_BARS]  # the finding's own claim first, then the nearest others
    # By date; on one date as the finding lists them: its own claim, then the nearest values first.
    bars.sort(key=lambda b: (b.figure.when is None, b.figure.when.start if b.figure.when else 0))
    dates = {str(b.figure.when) for b in bars}
    dated = len(dates) > 1

    largest = max(max(abs(b.low), abs(b.high)) for b in bars)
    power = math.floor(math.log10(largest) / 3) if largest >= 1e6 else 0
    divisor = 10.0 ** (3 * power)
    scale = _SCALES.get(power, f"units of 1e{3 * power}") if power else ""
    unit = (primary.unit or "").strip()
    y_title = mermaid_label(", ".join(part for part in (unit, scale) if part) or "value", 50)
    high = max(0.0, *(b.high / divisor for b in bars))
    top = _nice(high * 1.05) if high > 0 else 1.0
    ranges = any(b.low != b.high for b in bars)
    negative = any(b.low < 0 for b in bars)

    def series(pick) -> str:
        return "[" + ", ".join(_plain(pick(b) / divisor) for b in bars) + "]"

    if negative:  # Mermaid draws bars from the edge of the plot, which is then below 0: no honest bars
        below = plural(sum(b.low < 0 for b in bars), "value")
        return [f"*No chart: {below} below 0, and Mermaid's bars cannot start at 0 then; the values are in the table.*", ""]
    plots, colours = [], []
    if ranges:  # overlapping bars, later in front: a range's pale upper part behind its lower bound
        plots.append(f"bar {series(lambda b: b.high)}")
        colours.append(_COLOURS["range"])
    plots.append(f"bar {series(lambda b: b.low)}")
    colours.append(_COLOURS["value"])
    own = next((b for b in bars if b.primary), None)
    if own is not None:  # the value in conflict with the others: a line across the chart at it
        for bound in sorted({own.low, own.high}):
            plots.append(f"line {series(lambda b, v=bound: v)}")
            colours.append(_COLOURS["primary"])
    used.charts = True
    used.ranges |= ranges

    title = mermaid_label(f"{primary.subject}: {primary.metric}", 80)
    palette = ", ".join(colours)
    height = 140 + 36 * len(bars)  # horizontal: a row per claim, labels in full at the left
    lines = [
        "```mermaid",
        '%%{init: {"xyChart": {"width": 900, "height": '
        + str(height)
        + '}, "themeVariables": {"xyChart": {"plotColorPalette": "'
        + palette
        + '"}}}}%%',
        "xychart-beta horizontal",
        f'    title "{title}"',
        f"    x-axis [{', '.join(_labels(bars, dated, used))}]",
        f'    y-axis "{y_title}" 0 --> {_plain(top)}',
        *(f"    {plot}" for plot in plots),
        "```",
        "",
    ]
    return lines + [_chart_legend(bars, dates, dated, ranges, scale, unit, hidden, other_units, not_finite), ""]


def _chart_legend(bars, dates, dated, ranges, scale, unit, hidden, other_units, not_finite) -> str:
    """One line under a chart: what its bars and lines are."""
    when = "top to bottom by date" if dated else (f"all as of {md(next(iter(dates)))}" if dates != {"None"} else "undated")
    parts = [f"One bar per claim in the table ({when}), the axis from 0"]
    if any(b.primary for b in bars):
        parts.append(f"the orange line is the value of the {PRIMARY} claim this finding is about, the others are the values in conflict with it")
    if ranges:
        parts.append("a pale end is the upper part of a range")
    if any(b.factor != 1 for b in bars):
        parts.append(f"values converted to {md(unit) or 'plain numbers'}")
    if scale:
        parts.append(f"values in {md(scale)}")
    if hidden:
        parts.append(f"{hidden} more not shown")
    if other_units:
        parts.append(f"{plural(other_units, 'claim')} in another unit not drawn")
    if not_finite:
        parts.append(f"{plural(not_finite, 'claim')} with no finite value not drawn")
    return "*" + "; ".join(parts) + ".*"
