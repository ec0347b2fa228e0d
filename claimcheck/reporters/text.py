"""`PATH:LINE:COL: CODE [severity] rule-name: message`, one finding a line.

On a terminal the path, the code and the severity are coloured (`--color`); with
`--show-source` the YAML lines of the claim (or of the file) follow each finding, numbered, with a
caret under the column, as ruff shows code.
"""

from claimcheck.reporters import Report, one_line

_COLORS = {"error": "31", "warning": "33", "info": "36"}  # red, yellow, cyan
SOURCE_LINES = 8  # lines of a claim shown at most


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def format_finding(finding, color: bool = False) -> str:
    where = _paint(f"{one_line(finding.path)}:{finding.line}:{finding.column}:", "1", color)
    severity = _paint(f"[{finding.severity}]", _COLORS.get(finding.severity, "0"), color)
    code = _paint(finding.code, _COLORS.get(finding.severity, "0") + ";1", color)
    return f"{where} {code} {severity} {finding.rule}: {one_line(finding.message)}"


def format_with_related(findings) -> str:
    """Lint lines, each followed by the claims it relates to (pytest failures, JUnit bodies)."""
    out = []
    for finding in findings:
        out.append(format_finding(finding))
        for loc in finding.related:
            ref = f" ({loc.article}#{loc.claim})" if loc.claim else ""
            out.append(f"    related: {one_line(loc.path)}:{loc.line}:{loc.column}{one_line(ref)}")
    return "\n".join(out) + "\n"


def source_lines(text: str, line: int, column: int, color: bool = False) -> list[str]:
    """The lines of the YAML node that starts at `line`: up to the next line indented as far or
    less (the next claim), at most SOURCE_LINES, with a caret under `column`."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return []
    first = lines[line - 1]
    indent = len(first) - len(first.lstrip(" -"))
    shown = [line]
    for number in range(line + 1, min(len(lines), line + SOURCE_LINES - 1) + 1):
        body = lines[number - 1]
        if body.strip() and len(body) - len(body.lstrip(" ")) <= indent - (2 if first.lstrip().startswith("- ") else 0):
            break
        shown.append(number)
    width = len(str(shown[-1]))
    out = []
    for number in shown:
        gutter = _paint(f"{number:>{width}} |", "34", color)
        out.append(f"  {gutter} {one_line(lines[number - 1])}")
        if number == line:
            out.append(f"  {' ' * width} | {' ' * (column - 1)}{_paint('^', '31;1', color)}")
    return out


def render(report: Report) -> str:
    out = []
    for finding in report.findings:
        out.append(format_finding(finding, report.color))
        text = report.sources.get(finding.path)
        if text is not None:
            out += source_lines(text, finding.line, finding.column, report.color)
            out.append("")
    return "".join(line + "\n" for line in out)
