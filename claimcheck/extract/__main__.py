"""`python -m claimcheck.extract ARTICLE...` (the same as `claimcheck extract`)."""
import sys

from .command import main

sys.exit(main())
