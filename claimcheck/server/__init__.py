"""The claimcheck language server: findings as claim files are edited, on pygls.

`claimcheck server` speaks the Language Server Protocol on standard input and output (or on
`--tcp HOST:PORT`); it needs the `lsp` extra (`pip install 'claimcheck-lint[lsp]'`). What it
offers (docs/editors.md shows it in VS Code, Neovim and Helix, and a session's messages):

- diagnostics on open, change (debounced) and save of claim and reference files, the corpus rules
  seeing the whole corpus with every open buffer in place (`claimcheck.server.workspace`);
  published for every file with findings, the other files a conflict involves too;
- hover: a finding's message and its rule's documentation; a rule's documentation over its name
  or code in an `ignore:` list;
- code actions: the fix a finding carries (preferred when safe, "(unsafe)" otherwise), "Ignore
  RULE for this claim", and all safe fixes of a file (`source.fixAll.claimcheck`);
- completion of rule names and codes inside `ignore:` lists.

pygls is imported only by `run`, so the command line can say how to install it when it is missing.
"""

from __future__ import annotations

import argparse
import sys

INSTALL = "pip install 'claimcheck-lint[lsp]'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on a TCP socket instead of standard input and output")
    parser.add_argument("--debounce", type=float, default=300, metavar="MS", help="wait this long after a change before checking (default: 300)")
    parser.add_argument(
        "--no-local-rules",
        dest="local_rules",
        action="store_false",
        default=None,
        help="import no project rule folder (rule-paths): for untrusted checkouts; also CLAIMCHECK_NO_LOCAL_RULES=1",
    )


def run(args: argparse.Namespace) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError as error:
        print(f"claimcheck server needs pygls and lsprotocol ({error}): {INSTALL}", file=sys.stderr)
        return 2
    address = None
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        if not port.isdigit():
            print(f"claimcheck server: error: --tcp wants HOST:PORT, not {args.tcp!r}", file=sys.stderr)
            return 2
        address = (host or "127.0.0.1", int(port))
    from claimcheck.server.protocol import serve

    return serve(address, debounce=max(args.debounce, 0) / 1000, local_rules=args.local_rules)
