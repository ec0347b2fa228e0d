"""`claimcheck check`: lint, report, and optionally fix.

The run is the session's (`claimcheck.session`); this module turns the command line into it and
its result into output: a report in the chosen format (or statistics), the summary line, the
exit code; `--fix`/`--diff` apply or show the fixes findings carry; `-` reads a file from
standard input; `--baseline`/`--changed-since` filter after every rule saw the whole corpus.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections import Counter
from pathlib import Path

from claimcheck.cli import EXIT_FINDINGS, EXIT_OK, UsageError, open_session, split

STDIN = "-"


def run(args) -> int:
    """The check, with the garbage collector off: a run allocates millions of long-lived records
    and next to no cycles, and collections cost about a fifth of its time. A `claimcheck`
    process (`args.fast_exit`) then exits without tearing those records down one by one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        code = _run(args)
    finally:
        if enabled:
            gc.enable()
    if getattr(args, "fast_exit", False) and "distributed" not in sys.modules:  # a Dask client cleans up at exit
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _run(args) -> int:
    from claimcheck.reporters import FORMATS, Report, render

    session = open_session(
        args,
        select=split(args.select),
        extend_select=split(args.extend_select),
        ignore=split(args.ignore),
        references=list(args.reference),
        fail_on=args.fail_on,
        cache=not args.no_cache and not (args.paths and STDIN in args.paths),
        cache_dir=args.cache_dir,
        jobs=args.jobs,
    )
    config = session.config
    config.exclude = config.exclude + list(args.exclude)
    if args.respect_gitignore is not None:
        config.respect_gitignore = args.respect_gitignore
    if args.builtin_reference is not None:
        config.builtin_reference = args.builtin_reference
    fmt = args.format or config.output_format or "text"
    if fmt not in FORMATS:
        raise UsageError(f"output-format {fmt!r} is not one of {', '.join(FORMATS)}")
    adoption = _adoption(args)
    stdin = _stdin(args)
    result = _result(session, args, stdin)
    if args.fix or args.diff:
        fixed, stdin = _fix(result.findings, args, stdin)
        if args.fix and fixed:
            result = _result(session, args, stdin)  # what is left after the fixes
    findings = result.findings
    if stdin is not None:  # standard input is the file checked (the corpus only gives it context)
        findings = [f for f in findings if _is_stdin(f.path, stdin)]
    if adoption is not None:  # baseline / changed-since: filters after every rule saw the whole corpus
        findings = _adopt(adoption, findings, args.quiet)
    report = Report(
        findings,
        files=len(result.paths),
        references=result.references,
        claims=result.claims,
        rules=[s.rule for s in session.plan.rules],
        paths=result.paths,
        output=args.output,
        fail_on=session.fail_on,
        pretty=args.pretty,
        left_out=result.left_out,
        color=_color(args),
        sources=_sources(findings) if args.show_source else {},
    )
    if fmt == "markdown" or (fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY")):
        result.load()  # these reports show the claims themselves (from the cache, they are not loaded yet)
        report.articles = result.article_texts()  # and quote the articles (read inside the project only)
    if stdin is not None and args.fix:
        output = stdin[1]  # as ruff does: the fixed text on standard output, the file on disk untouched
    elif args.statistics:
        output = _statistics(findings, fmt == "json")
    elif not args.diff:
        output = render(report, fmt)
    else:
        output = ""
    _write(output, args.output)
    failing = [f for f in findings if session.fails(f)]
    if not args.quiet:
        summary(report, failing, session.fail_on)
    return EXIT_OK if args.exit_zero or not failing else EXIT_FINDINGS


def _stdin(args) -> tuple[str, str] | None:
    """(the name it stands for, the text) when a path is `-`."""
    if not (args.paths and STDIN in args.paths):
        return None
    return args.stdin_filename or "stdin.yaml", sys.stdin.read()


def _is_stdin(path: str, stdin: tuple[str, str] | None) -> bool:
    return stdin is not None and os.path.normpath(path) == os.path.normpath(stdin[0])


def _result(session, args, stdin=None):
    scheduler = None if args.cluster else args.scheduler or session.config.scheduler
    if args.cluster or scheduler:  # a Dask cluster: --cluster a local one, --scheduler / `scheduler` that one
        if args.cluster and args.scheduler:
            raise UsageError("--cluster starts a local cluster, --scheduler uses an existing one: give one of them")
        from claimcheck.distributed import ClusterError, check_on_cluster

        try:
            return check_on_cluster(session, args.paths or None, scheduler=scheduler, workers=args.jobs)
        except ClusterError as error:
            raise UsageError(str(error)) from None
    if stdin is not None:  # the rest of the corpus as context: the other paths, else the configured ones that exist
        others = [p for p in args.paths if p != STDIN] or [p for p in session.default_paths() if Path(p).exists()]
        return session.check_text(*stdin, others)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if not args.paths and not any(Path(p).exists() for p in session.default_paths()):
        configured = ", ".join(f"`{p}`" for p in session.default_paths())
        raise UsageError(f"nothing to check: {configured} does not exist here; give paths, or set `paths` under [tool.claimcheck] (claimcheck init sets up a desk)")
    return session.check(args.paths or None)


def _fix(findings, args, stdin=None) -> tuple[int, tuple[str, str] | None]:
    """Apply (`--fix`) or show (`--diff`) the fixes: the number of fixes that apply, and standard
    input's (name, text) with them (its fixes are never written to the file it stands for)."""
    from claimcheck import fix
    from claimcheck.atomic import AtomicWriteError, write_atomic
    from claimcheck.reading import decode, read_bytes

    total = 0
    for path, fixes in sorted(fix.fixable(findings, args.unsafe_fixes).items()):
        from_stdin = _is_stdin(path, stdin)
        if stdin is not None and not from_stdin:
            continue  # only standard input is being checked
        if from_stdin:
            before = stdin[1]
        else:
            data, problem = read_bytes(path)
            before, problem = decode(data) if problem is None else (None, problem)
        if before is None:
            continue
        after, applied = fix.apply(before, fixes)
        if not applied:
            continue
        total += len(applied)
        if args.diff:
            sys.stdout.write(fix.diff(path, before, after))
            continue
        if from_stdin:
            stdin = (stdin[0], after)
            continue
        try:
            write_atomic(path, after, label="fix")
        except AtomicWriteError as error:
            raise UsageError(str(error)) from None
    if not args.quiet and total:
        verb = "would fix" if args.diff else "fixed"
        print(f"claimcheck: {verb} {total} finding{'s' if total != 1 else ''}", file=sys.stderr)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if not args.quiet and unsafe and not args.unsafe_fixes:
        print(f"claimcheck: {unsafe} more fix{'es' if unsafe != 1 else ''} available with --unsafe-fixes", file=sys.stderr)
    return total, stdin


def _color(args) -> bool:
    if args.color != "auto":
        return args.color == "always"
    return args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _sources(findings) -> dict[str, str]:
    """The texts of the files findings point into (for --show-source)."""
    from claimcheck.reading import decode, read_bytes

    texts = {}
    for path in {f.path for f in findings}:
        data, problem = read_bytes(path)
        text, problem = decode(data) if problem is None else (None, problem)
        if text is not None:
            texts[path] = text
    return texts


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


def _statistics(findings, as_json: bool) -> str:
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    fixable = Counter((f.code, f.rule, f.severity) for f in findings if f.fix is not None)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        entries = [{"code": code, "rule": rule, "severity": severity, "count": count, "fixable": fixable[(code, rule, severity)]} for (code, rule, severity), count in rows]
        return json.dumps(entries, ensure_ascii=False) + "\n"
    lines = []
    for (code, rule, severity), count in rows:
        note = f" ({fixable[(code, rule, severity)]} fixable)" if fixable[(code, rule, severity)] else ""
        lines.append(f"{count:>5}  {code:<7} {rule} [{severity}]{note}\n")
    return "".join(lines)


def _write(text: str, output: str | None) -> None:
    """To standard output, or atomically to `output` (never through a symlink; a device or a
    FIFO such as /dev/null is written to as a stream)."""
    if output is None:
        sys.stdout.write(text)
        return
    from claimcheck.atomic import AtomicWriteError, write_output

    try:
        write_output(output, text, label="output")
    except AtomicWriteError as error:
        raise UsageError(str(error)) from None


def _files(report) -> str:
    """'6 files', or '5 claim files and 1 reference file' when reference files were read."""
    from claimcheck.describe import plural

    if not report.references:
        return plural(report.files, "file")
    return f"{plural(report.files - report.references, 'claim file')} and {plural(report.references, 'reference file')}"


def summary(report, failing, fail_on: str) -> None:
    from claimcheck.describe import plural

    by_severity = report.counts_by_severity()
    parts = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
    verdict = f"{len(failing)} at or above {fail_on}" if failing else "passed"
    # claims the schema refused (its errors; an unknown field is a warning and the claim is kept)
    # are not counted as claims: say how many there were
    refused = len({(f.path, f.claim) for f in report.findings if f.rule == "schema" and f.claim is not None and f.severity == "error"})
    claims = plural(report.claims, "claim") + (f" ({refused} more not valid)" if refused else "")
    print(
        f"claimcheck: {_files(report)}, {claims}, {plural(len(report.findings), 'finding')}"
        + (f" ({parts})" if parts else "")
        + f" — {verdict}",
        file=sys.stderr,
    )
    if report.left_out:
        counts = ", ".join(f"{rule} {count:,}" for rule, count in sorted(report.left_out.items()))
        print(
            f"claimcheck: {sum(report.left_out.values()):,} more findings not listed ({counts}): "
            "max-findings-per-rule / max-findings-per-group in [tool.claimcheck]",
            file=sys.stderr,
        )
