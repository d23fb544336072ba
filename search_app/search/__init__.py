"""Searching an index: from a query string to ranked, highlighted results.

One module a step, in the order a query takes them:

* :mod:`.query` parses the query language; :mod:`.interpret` reads Telex,
  fixes typos and guesses missing accents (with :mod:`.telex`);
* :mod:`.filters` restricts, :mod:`.scoring` ranks (BM25F, every weight in
  one :class:`~.scoring.Weights`) over the arrays of :mod:`.postings`;
* :mod:`.highlight` finds the snippet passages and marks, :mod:`.facets`
  counts, :mod:`.speakers` knows the people across the archive;
* :mod:`.engine` runs the steps and returns the records of :mod:`.results`.

Nothing here imports the indexer, extraction or Flask.
"""

from .engine import SearchEngine
from .filters import Filters

__all__ = ["Filters", "SearchEngine"]
