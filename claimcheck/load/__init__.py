"""Reading claim and reference files: discovery, safe bounded reads, validation into records."""

from claimcheck.load.files import discover, read_text
from claimcheck.load.loader import is_claimcheck_file, load_file, load_text

__all__ = ["discover", "is_claimcheck_file", "load_file", "load_text", "read_text"]
