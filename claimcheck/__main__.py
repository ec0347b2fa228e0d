from claimcheck.cli import entry

entry()
