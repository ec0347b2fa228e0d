"""`claimcheck extract`: turn article text into claim files for review.

Nothing here imports spaCy at module import time: the heavy pipeline is
loaded lazily by :mod:`claimcheck.extract.nlp` when an extraction runs,
so `claimcheck check` never pays for (or depends on) it.
"""
