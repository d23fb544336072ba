"""The query language, parsed forgivingly into plain data.

    hoi nghi "can bo vien chuc" title:laser speaker:"giang manh khoi" -covid a OR b

* words: every word should match (documents with all of them come first);
* ``"quoted phrases"``: the syllables in this order;
* ``title:`` / ``speaker:`` before a word or a phrase: only in that field;
* ``-word`` / ``-"phrase"``: exclude documents that have it;
* ``OR`` (upper case) between two words or phrases: either will do;
* ``year:2023`` or ``year:2022-2023``: only articles from those years.

Nothing here raises on odd input: an unmatched quote is dropped, an unknown
``field:`` is read as words, a lone ``OR`` or ``-`` is ignored.
"""

import re
from dataclasses import dataclass, field

from ..text import nfc, words

FIELDS = {"title": "title", "speaker": "speakers", "speakers": "speakers"}
_TOKEN_RE = re.compile(r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))')
_YEAR_RE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass
class Clause:
    """Syllables to match: one word, or a phrase when ``phrase`` is true."""

    syllables: list
    phrase: bool = False
    field: str = ""  # "" for every text field, else "title" or "speakers"


@dataclass
class ParsedQuery:
    # Each group is a list of alternatives (joined by OR); all groups should match.
    groups: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    years: list = field(default_factory=list)  # [(first, last)] from year: prefixes

    @property
    def positive(self):
        return [clause for group in self.groups for clause in group]

    def syllables(self):
        """Every syllable the user asked for (for highlighting), in order."""
        return [s for clause in self.positive for s in clause.syllables]

    def runs(self):
        """Runs of consecutive one-word clauses, for compound-word bonuses."""
        run = []
        for group in self.groups:
            if len(group) == 1 and not group[0].phrase and not group[0].field:
                run.append(group[0].syllables[0])
                continue
            if len(run) > 1:
                yield run
            run = []
        if len(run) > 1:
            yield run


def parse(text):
    """Parse a query string into a :class:`ParsedQuery`.

    >>> q = parse('hoi nghi OR hop "can bo" -covid')
    >>> [[c.syllables for c in g] for g in q.groups]
    [[['hoi']], [['nghi'], ['hop']], [['can', 'bo']]]
    >>> [c.syllables for c in q.excluded]
    [['covid']]
    """
    text = nfc(text).translate(_QUOTES)
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + " " + text[last + 1 :]
    parsed = ParsedQuery()
    pending_or = False
    for match in _TOKEN_RE.finditer(text):
        raw_word = match["word"]
        if raw_word == "OR" and not match["neg"] and not match["field"]:
            pending_or = bool(parsed.groups)
            continue
        if (match["field"] or "").lower() == "year" and not match["neg"]:
            years = _YEAR_RE.match(raw_word or "")
            if years:
                first = int(years[1])
                parsed.years.append((first, int(years[2] or first)))
                continue
        fieldname = FIELDS.get((match["field"] or "").lower(), "")
        prefix = match["field"] if match["field"] and not fieldname else ""
        if match["phrase"] is not None:
            clauses = _phrase(words(prefix + " " + match["phrase"]), fieldname)
        else:
            clauses = [Clause([s], field=fieldname) for s in words(prefix + " " + raw_word)]
        if not clauses:
            continue
        if match["neg"]:
            parsed.excluded.extend(clauses)
            pending_or = False
            continue
        if pending_or:
            parsed.groups[-1].append(clauses[0])
            clauses = clauses[1:]
            pending_or = False
        parsed.groups.extend([clause] for clause in clauses)
    return parsed


def _phrase(syllables, fieldname):
    if not syllables:
        return []
    return [Clause(syllables, phrase=len(syllables) > 1, field=fieldname)]
