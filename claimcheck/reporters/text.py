"""`PATH:LINE:COL: CODE [severity] rule-name: message`, one finding a line."""

from claimcheck.reporters import Report, one_line


def format_finding(finding) -> str:
    return (
        f"{one_line(finding.path)}:{finding.line}:{finding.column}: "
        f"{finding.code} [{finding.severity}] {finding.rule}: {one_line(finding.message)}"
    )


def render(report: Report) -> str:
    return "".join(format_finding(f) + "\n" for f in report.findings)
