"""The commands of `claimcheck`, one module each (the parser is `claimcheck.cli`)."""
