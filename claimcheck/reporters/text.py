"""`PATH:LINE:COL: CODE [severity] rule-name: message`, one finding a line."""

from claimcheck.reporters import Report, one_line


def format_finding(finding) -> str:
    return (
        f"{one_line(finding.path)}:{finding.line}:{finding.column}: "
        f"{finding.code} [{finding.severity}] {finding.rule}: {one_line(finding.message)}"
    )


def format_with_related(findings) -> str:
    """Lint lines, each followed by the claims it relates to (pytest failures, JUnit bodies)."""
    out = []
    for finding in findings:
        out.append(format_finding(finding))
        for loc in finding.related:
            ref = f" ({loc.article}#{loc.claim})" if loc.claim else ""
            out.append(f"    related: {one_line(loc.path)}:{loc.line}:{loc.column}{one_line(ref)}")
    return "\n".join(out) + "\n"


def render(report: Report) -> str:
    return "".join(format_finding(f) + "\n" for f in report.findings)
