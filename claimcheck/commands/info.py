"""`claimcheck rules`, `rule NAME`, `schema`, `reference`, `clean`: what claimcheck knows."""

from __future__ import annotations

import sys

from claimcheck.cli import EXIT_OK, UsageError, open_session
from claimcheck.model import reference_place


def schema(args) -> int:
    """The shipped JSON Schema (claimcheck/data/claims-v1.schema.json), as it is."""
    from claimcheck.model import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def list_rules(args) -> int:
    from tabulate import tabulate

    rules = open_session(args).rules
    rows = [(r.name, r.code, r.severity, r.scope, origin(r), r.summary) for r in rules.values()]
    print(tabulate(rows, headers=["name", "code", "severity", "scope", "from", "flags"], tablefmt="simple"))
    return EXIT_OK


def origin(rule) -> str:
    """Where a rule comes from: claimcheck itself, an installed plugin, or a project file."""
    if rule.origin.startswith("entry point"):
        module = rule.origin.split("= ", 1)[-1]
        return "built-in" if module.startswith("claimcheck.rules.") else f"plugin {module}"
    return f"project {rule.origin}"


def show_rule(args) -> int:
    from claimcheck.registry import resolve, suggest
    from claimcheck.ruledocs import rule_text

    rules = open_session(args).rules
    rule = resolve(rules, args.name)
    if rule is None:
        raise UsageError(f"unknown rule {args.name!r}{suggest(rules, args.name)} (see `claimcheck rules`)")
    print(rule_text(rule), end="")
    return EXIT_OK


def clean(args) -> int:
    from claimcheck.session import Session

    session = Session.open(config=args.config, cache=True, cache_dir=args.cache_dir)
    removed = session.cache.clean()
    print(f"claimcheck: {'removed' if removed else 'no cache at'} {session.cache.folder}", file=sys.stderr)
    return EXIT_OK


def reference(args) -> int:
    """The offices the reference tenures cover: holders, first and last dates, where from."""
    from tabulate import tabulate

    session = open_session(args)
    if args.builtin_reference is not None:
        session.config.builtin_reference = args.builtin_reference
    corpus = session.load([], builtin=True)
    rows = {}
    for tenure in corpus.tenures:
        key = corpus.normalizer.key(tenure.role)
        row = rows.setdefault(key, [tenure.role, 0, tenure.start, tenure.end, set()])
        row[1] += 1
        row[2] = min((d for d in (row[2], tenure.start) if d is not None), key=lambda d: d.start, default=None)
        row[3] = None if tenure.end is None or row[3] is None else max(row[3], tenure.end, key=lambda d: d.end)
        row[4].add(reference_place(tenure.path))
    table = [
        (role, count, first or "?", last or "present", ", ".join(sorted(paths)))
        for role, count, first, last, paths in sorted(rows.values(), key=lambda r: r[0])
    ]
    print(tabulate(table, headers=["office", "tenures", "from", "to", "reference file"], tablefmt="simple"))
    return EXIT_OK
