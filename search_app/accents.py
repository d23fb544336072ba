"""Accent restoration for queries typed without diacritics ("Có phải bạn muốn tìm").

"hoi nghi can bo" -> "hội nghị cán bộ". The model is learned from the index's
own titles at reindex time (no downloads): how often each accented syllable
occurs, and each pair of adjacent accented syllables. A query is restored by
Viterbi search over the accented forms of each folded syllable, scoring
syllable pairs with bigram counts backed off to syllable counts, so context
picks "cán bộ" over "cần bộ" although "cần" is the commoner syllable.

The model is a small gzip'd JSON file beside each index generation.
"""

import gzip
import json
import math
import re
from collections import Counter

from .text import WORD_RE, canonical, fold, has_diacritics, nfc, replace_words

MODEL_FILE = "accents.json.gz"
# Accented forms kept per folded syllable, most frequent first.
CANDIDATES = 8
# Weight of the syllable counts when a pair was never seen (absolute discounting).
BACKOFF = 2.0
# A run of words with no punctuation, digit or line break inside: pairs are
# counted within runs only.
RUN_RE = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")
# The letters of folded Vietnamese, for spelling corrections.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class AccentCounter:
    """Counts syllables and syllable pairs of texts; :meth:`model` freezes them."""

    def __init__(self):
        self.unigrams = Counter()
        self.bigrams = Counter()

    def add(self, text):
        # Pairs never span punctuation, digits or line breaks.
        for segment in RUN_RE.findall(nfc(text)):
            words = [canonical(w) for w in segment.split()]
            self.unigrams.update(words)
            self.bigrams.update(zip(words, words[1:]))

    def model(self, min_pair_count=1):
        return AccentModel(
            dict(self.unigrams),
            {f"{a} {b}": n for (a, b), n in self.bigrams.items() if n >= min_pair_count},
        )


class AccentModel:
    """Syllable and pair counts, and the restoration built on them."""

    def __init__(self, unigrams, bigrams):
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.total = sum(unigrams.values()) or 1
        self.forms = {}
        for word, count in unigrams.items():
            self.forms.setdefault(fold(word), []).append((count, word))
        for key, forms in self.forms.items():
            forms.sort(key=lambda item: (-item[0], item[1]))
            self.forms[key] = [word for _, word in forms[:CANDIDATES]]

    # -- persistence ---------------------------------------------------------

    def save(self, path):
        with gzip.open(path, "wt", encoding="utf-8") as out:
            json.dump({"unigrams": self.unigrams, "bigrams": self.bigrams}, out, ensure_ascii=False)

    @classmethod
    def load(cls, path):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        return cls(data["unigrams"], data["bigrams"])

    # -- restoration -----------------------------------------------------------

    def restore_words(self, words, spellings=None):
        """The most likely accented form of each (folded) word, by Viterbi search.

        A word the model does not know comes back as it was. ``spellings``
        maps a word's index to the folded syllables it may stand for instead
        (corrections of a typo): the search then also picks among their
        accented forms, so context decides both the spelling and the accents.

        >>> counter = AccentCounter()
        >>> counter.add("Hội nghị cán bộ. Cần làm ngay. Cần thiết. Cần cù")
        >>> counter.model().restore_words(["hoi", "nghi", "can", "bo"])
        ['hội', 'nghị', 'cán', 'bộ']
        >>> counter.model().restore_words(["can", "thiet", "laser"])
        ['cần', 'thiết', 'laser']
        """
        if not words:
            return []
        spellings = spellings or {}
        lattice = [
            [form for syllable in spellings[i] for form in self.forms[syllable]]
            if spellings.get(i) else self.forms.get(fold(w)) or [w.lower()]
            for i, w in enumerate(words)
        ]
        best = {form: (self._start(form), [form]) for form in lattice[0]}
        for forms in lattice[1:]:
            step = {}
            for form in forms:
                step[form] = max(
                    ((score + self._next(prev, form), path) for prev, (score, path) in best.items()),
                    key=lambda item: item[0],
                )
                step[form] = (step[form][0], step[form][1] + [form])
            best = step
        return max(best.values(), key=lambda item: item[0])[1]

    def spellings(self, word):
        """The syllables the model knows one edit away from ``word`` (folded):
        a letter left out, added, changed, or two letters swapped.

        >>> counter = AccentCounter()
        >>> counter.add("Hội nghị cán bộ, nghe nhìn")
        >>> counter.model().spellings("nghj")
        ['nghe', 'nghi']
        """
        word = fold(word)
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        edits |= {a + c + b for a, b in splits for c in _LETTERS}
        edits.discard(word)
        return sorted(edit for edit in edits if edit in self.forms)

    def _start(self, word):
        return math.log((self.unigrams.get(word, 0) + 0.5) / self.total)

    def _next(self, prev, word):
        pair = self.bigrams.get(f"{prev} {word}", 0)
        context = self.unigrams.get(prev, 0)
        unigram = (self.unigrams.get(word, 0) + 0.5) / self.total
        return math.log((pair + BACKOFF * unigram) / (context + BACKOFF))

    def suggest(self, query):
        """The query with accents restored, or None when there is nothing to suggest.

        Only a query typed entirely without accents gets a suggestion; its
        punctuation and operators stay where they were.
        """
        query = nfc(query)
        matches = list(WORD_RE.finditer(query))
        if not matches or any(has_diacritics(m.group()) for m in matches):
            return None
        restored = self.restore_words([m.group() for m in matches])
        if all(r == m.group().lower() for r, m in zip(restored, matches)):
            return None
        return replace_words(query, matches, restored)
