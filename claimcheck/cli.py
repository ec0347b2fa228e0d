"""The `claimcheck` command. `claimcheck` alone is `claimcheck check`.

Exit codes: 0 no finding at or above the failing severity, 1 such findings, 2 the tool could not
do its job (bad option, unreadable configuration, a rule that cannot be loaded).
Heavy modules (spaCy, reporters other than the one asked for) are imported only when needed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claimcheck import __version__
from claimcheck.reporters import FORMATS

COMMANDS = ("check", "rules", "rule", "schema", "extract", "clean")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Reported as `claimcheck: error: ...`, exit 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description="Lint claim files like code: conflicts, anachronisms, sourcing.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint claim files (the default command)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: configuration, else claims/)")
    check.add_argument("--format", default="text", choices=list(FORMATS), help="output format (default: text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--pretty", action="store_true", help="indent JSON output")
    check.add_argument("--select", metavar="RULES", help="comma-separated rule names or codes to run (replaces configuration)")
    check.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes to skip (adds to configuration)")
    check.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    check.add_argument("--config", metavar="FILE", help="pyproject.toml to read (default: nearest one with [tool.claimcheck])")
    check.add_argument("--rule-path", action="append", default=[], metavar="DIR", help="extra folder of rule modules")
    check.add_argument("--reference", action="append", default=[], metavar="PATH", help="extra reference file or folder")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line on standard error")
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (see --write-baseline)")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (then none fail)")
    check.add_argument("--changed-since", metavar="REF", help="report only findings involving files changed since git REF")
    check.add_argument("--no-cache", action="store_true", help="read every file and run every rule afresh")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="processes that read files, or the local cluster's workers (default: the available cores)")
    check.add_argument("--cache-dir", metavar="DIR", help="where results are cached (default: .claimcheck_cache beside the configuration)")
    check.add_argument("--cluster", action="store_true", help="run on a local Dask cluster of --jobs processes (the cluster extra; no cache)")
    check.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS (default: `scheduler` in the configuration)")

    rules = sub.add_parser("rules", help="list the rules: name, code, severity, summary")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--rule-path", action="append", default=[], metavar="DIR")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("name", metavar="NAME|CODE")
    rule.add_argument("--config", metavar="FILE")
    rule.add_argument("--rule-path", action="append", default=[], metavar="DIR")
    sub.add_parser("schema", help="print the JSON Schema of claim and reference files")
    clean = sub.add_parser("clean", help="remove the cache folder")
    clean.add_argument("--config", metavar="FILE")
    clean.add_argument("--cache-dir", metavar="DIR")
    # `extract` parses its own arguments so that `check` never imports the extractor.
    extract = sub.add_parser("extract", help="build claim files from article texts (spaCy)", add_help=False)
    extract.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    if argv[0] == "extract":  # its own parser: argparse's REMAINDER would reject leading options
        return _guarded(lambda: _extract(argv[1:]))
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: 0 for --help/--version, 2 for bad options
        return int(exit_.code or 0)
    return _guarded(lambda: _dispatch(args))


def _guarded(command) -> int:
    try:
        return command()
    except UsageError as error:
        print(f"claimcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(args) -> int:
    from claimcheck.config import ConfigError
    from claimcheck.registry import RuleDefinitionError

    try:
        if args.command == "schema":
            return _schema()
        if args.command == "rules":
            return _list_rules(args)
        if args.command == "rule":
            return _show_rule(args)
        if args.command == "clean":
            return _clean(args)
        return _check(args)
    except (ConfigError, RuleDefinitionError) as error:
        raise UsageError(str(error)) from None


def _schema() -> int:
    import json

    from claimcheck.model import json_schema

    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def _extract(argv: list[str]) -> int:
    try:
        from claimcheck.extract.command import add_arguments, run
    except ImportError as error:
        raise UsageError(f"extraction is not available: {error}") from None
    parser = argparse.ArgumentParser(prog="claimcheck extract", description="Build claim files from article texts.")
    add_arguments(parser)
    try:
        extract_args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return run(extract_args)


def _session(args, **options):
    from claimcheck.session import Session

    return Session.open(config=args.config, rule_paths=list(getattr(args, "rule_path", [])), **options)


def _clean(args) -> int:
    from claimcheck.session import Session

    session = Session.open(config=args.config, cache=True, cache_dir=args.cache_dir)
    removed = session.cache.clean()
    print(f"claimcheck: {'removed' if removed else 'no cache at'} {session.cache.folder}", file=sys.stderr)
    return EXIT_OK


def _list_rules(args) -> int:
    from tabulate import tabulate

    rules = _session(args).rules
    rows = [(r.name, r.code, r.severity, r.scope, r.summary) for r in rules.values()]
    print(tabulate(rows, headers=["name", "code", "severity", "scope", "flags"], tablefmt="simple"))
    return EXIT_OK


def _show_rule(args) -> int:
    from claimcheck.registry import resolve
    from claimcheck.ruledocs import rule_text

    rules = _session(args).rules
    rule = resolve(rules, args.name)
    if rule is None:
        raise UsageError(f"unknown rule {args.name!r} (see `claimcheck rules`)")
    print(rule_text(rule), end="")
    return EXIT_OK


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _check(args) -> int:
    from claimcheck.reporters import Report, render

    session = _session(
        args, select=_split(args.select), ignore=_split(args.ignore), references=list(args.reference), fail_on=args.fail_on,
        cache=not args.no_cache, cache_dir=args.cache_dir, jobs=args.jobs,
    )
    paths = args.paths or session.default_paths()
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    adoption = _adoption(args)
    result = _run(session, paths, args)
    findings = result.findings
    if adoption is not None:  # baseline / changed-since: filters after every rule saw the whole corpus
        findings = _adopt(adoption, findings, args.quiet)
    report = Report(
        findings, files=len(result.paths), claims=result.claims, rules=[s.rule for s in session.plan.rules],
        paths=result.paths, output=args.output, fail_on=session.fail_on, pretty=args.pretty,
    )
    output = _statistics(findings) if args.statistics and args.format == "text" else render(report, args.format)
    _write(output, args.output)
    failing = [f for f in findings if session.fails(f)]
    if not args.quiet:
        _summary(report, failing, session.fail_on)
    return EXIT_OK if args.exit_zero or not failing else EXIT_FINDINGS


def _run(session, paths, args):
    """In process, or on a Dask cluster (--cluster: a local one; --scheduler or `scheduler`: that one)."""
    scheduler = None if args.cluster else args.scheduler or session.config.scheduler
    if not (args.cluster or scheduler):
        return session.check(paths)
    if args.cluster and args.scheduler:
        raise UsageError("--cluster starts a local cluster, --scheduler uses an existing one: give one of them")
    from claimcheck.distributed import ClusterError, check_on_cluster

    try:
        return check_on_cluster(session, paths, scheduler=scheduler, workers=args.jobs)
    except ClusterError as error:
        raise UsageError(str(error)) from None


def _adoption(args):
    """--baseline, --write-baseline, --changed-since: read and asked of git before the run (exit 2 early)."""
    if not (args.baseline or args.write_baseline or args.changed_since is not None):
        return None
    from claimcheck.baseline import Adoption, AdoptionError

    try:
        return Adoption.from_options(args.baseline, args.write_baseline, args.changed_since)
    except AdoptionError as error:
        raise UsageError(str(error)) from None


def _adopt(adoption, findings, quiet: bool):
    from claimcheck.baseline import AdoptionError

    try:
        findings = adoption.apply(findings)
    except AdoptionError as error:
        raise UsageError(str(error)) from None
    if not quiet:
        adoption.print_notes()
    return findings


def _statistics(findings) -> str:
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:>5}  {code:<7} {rule} [{severity}]\n" for (code, rule, severity), count in rows)


def _write(text: str, output: str | None) -> None:
    """To standard output, or atomically to `output` (never through a symlink)."""
    if output is None:
        sys.stdout.write(text)
        return
    from claimcheck.atomic import AtomicWriteError, write_atomic

    try:
        write_atomic(output, text, label="output")
    except AtomicWriteError as error:
        raise UsageError(str(error)) from None


def _summary(report, failing, fail_on: str) -> None:
    by_severity = report.counts_by_severity()
    parts = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
    verdict = f"{len(failing)} at or above {fail_on}" if failing else "passed"
    print(
        f"claimcheck: {report.files} files, {report.claims} claims, {len(report.findings)} findings"
        + (f" ({parts})" if parts else "")
        + f" — {verdict}",
        file=sys.stderr,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
