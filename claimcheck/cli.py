"""The `claimcheck` command. `claimcheck` alone is `claimcheck check`.

Exit codes: 0 no finding at or above the failing severity, 1 such findings, 2 the tool could not
do its job (bad option, unreadable configuration, a rule that cannot be loaded).
This module only parses the command line; each command lives in `claimcheck.commands`, and heavy
modules (spaCy, pygls, Dask, reporters other than the one asked for) are imported only when needed.
"""

from __future__ import annotations

import argparse
import sys

from claimcheck import __version__
from claimcheck.reporters import FORMATS

COMMANDS = ("check", "rules", "rule", "schema", "extract", "clean", "init", "server", "reference")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Reported as `claimcheck: error: ...`, exit 2."""


def _rule_options(parser) -> None:
    parser.add_argument("--config", metavar="FILE", help="pyproject.toml to read (default: nearest one with [tool.claimcheck])")
    parser.add_argument(
        "--rule-path", action="append", default=[], metavar="DIR", help="extra folder of rule modules (code: see docs/security.md)"
    )
    parser.add_argument(
        "--no-local-rules",
        dest="local_rules",
        action="store_false",
        default=None,
        help="import no project rule folder (rule-paths, --rule-path): for untrusted checkouts; also CLAIMCHECK_NO_LOCAL_RULES=1",
    )


def _check_parser(sub) -> None:
    check = sub.add_parser("check", help="lint claim files (the default command)")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: configuration, else claims/); - reads standard input"
    )
    check.add_argument(
        "--format", "--output-format", dest="format", choices=list(FORMATS), help="output format (default: configuration, else text)"
    )
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--pretty", action="store_true", help="indent JSON output")
    check.add_argument(
        "--select", metavar="RULES", help="comma-separated rule names, codes or code prefixes to run (replaces configuration)"
    )
    check.add_argument("--extend-select", metavar="RULES", help="rules to run in addition to those selected")
    check.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes to skip (adds to configuration)")
    check.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    check.add_argument("--statistics", action="store_true", help="counts per rule instead of the findings (JSON with --format json)")
    check.add_argument("--show-source", action="store_true", help="print the YAML lines of the claim under each finding")
    check.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text output (default: on a terminal, unless NO_COLOR)",
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes findings carry (comments and layout are kept)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="show the fixes as a unified diff instead of writing them")
    check.add_argument("--stdin-filename", metavar="PATH", help="the path standard input stands for (with -)")
    check.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="leave out files matching GLOB (adds to configuration)"
    )
    check.add_argument(
        "--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None, help="check files git ignores too"
    )
    _rule_options(check)
    check.add_argument("--reference", action="append", default=[], metavar="PATH", help="extra reference file or folder")
    check.add_argument(
        "--no-builtin-reference", dest="builtin_reference", action="store_false", default=None,
        help="judge titles only against the project's reference files, not claimcheck's own tenures",
    )  # fmt: skip
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line on standard error")
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (see --write-baseline)")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (then none fail)")
    check.add_argument("--changed-since", metavar="REF", help="report only findings involving files changed since git REF")
    check.add_argument("--no-cache", action="store_true", help="read every file and run every rule afresh")
    check.add_argument("--cache-dir", metavar="DIR", help="where results are cached (default: .claimcheck_cache beside the configuration)")
    check.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="processes that read files and run rules, or the local cluster's workers (default: the available cores)"
    )
    check.add_argument("--cluster", action="store_true", help="run on a local Dask cluster of --jobs processes (the cluster extra; no cache)")
    check.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS (default: `scheduler` in the configuration)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description="Lint claim files like code: conflicts, anachronisms, sourcing.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _check_parser(sub)
    rules = sub.add_parser("rules", help="list the rules: name, code, severity, scope, where each comes from, summary")
    _rule_options(rules)
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("name", metavar="NAME|CODE")
    _rule_options(rule)
    sub.add_parser("schema", help="print the JSON Schema of claim and reference files")
    reference = sub.add_parser("reference", help="list the offices the reference tenures cover (the project's and claimcheck's own)")
    _rule_options(reference)
    reference.add_argument(
        "--no-builtin-reference", dest="builtin_reference", action="store_false", default=None, help="the project's only"
    )
    clean = sub.add_parser("clean", help="remove the cache folder")
    clean.add_argument("--config", metavar="FILE")
    clean.add_argument("--cache-dir", metavar="DIR")
    # `extract`, `init` and `server` parse their own arguments (their modules are imported only then).
    for name, text in (
        ("extract", "build claim files from article texts (spaCy)"),
        ("init", "set up a new desk"),
        ("server", "the language server"),
    ):
        own = sub.add_parser(name, help=text, add_help=False)
        own.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def entry() -> None:
    """The `claimcheck` program: `main`, allowed to end the process fast once its output is out."""
    sys.exit(main(fast_exit=True))


def main(argv: list[str] | None = None, *, fast_exit: bool = False) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    if argv[0] in ("extract", "init", "server"):  # their own parsers: argparse's REMAINDER would reject leading options
        return _guarded(lambda: _own_parser(argv[0], argv[1:]))
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: 0 for --help/--version, 2 for bad options
        return int(exit_.code or 0)
    args.fast_exit = fast_exit
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
        if args.command == "check":
            from claimcheck.commands.check import run

            return run(args)
        from claimcheck.commands import info

        return {"schema": info.schema, "rules": info.list_rules, "rule": info.show_rule, "clean": info.clean, "reference": info.reference}[
            args.command
        ](args)
    except (ConfigError, RuleDefinitionError) as error:
        raise UsageError(str(error)) from None


def _own_parser(command: str, argv: list[str]) -> int:
    modules = {"extract": "claimcheck.extract.command", "init": "claimcheck.commands.init", "server": "claimcheck.server"}
    try:
        import importlib

        module = importlib.import_module(modules[command])
    except ImportError as error:
        raise UsageError(f"`claimcheck {command}` is not available: {error}") from None
    parser = argparse.ArgumentParser(prog=f"claimcheck {command}", description=(module.__doc__ or "").strip().splitlines()[0])
    module.add_arguments(parser)
    try:
        own_args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return module.run(own_args)


def split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def open_session(args, **options):
    from claimcheck.session import Session

    return Session.open(
        config=getattr(args, "config", None),
        rule_paths=list(getattr(args, "rule_path", [])),
        local_rules=getattr(args, "local_rules", None),
        **options,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
