"""The built-in rules, one module each. They are registered like any plugin: through the
`claimcheck.rules` entry points in pyproject.toml (see claimcheck.registry)."""
