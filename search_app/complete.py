"""Autocomplete: completions for what the user has typed so far, accent-insensitive.

"hoi ng" -> "hội nghị", "nguyen phu" -> "Nguyễn Phú Hùng". Completions come
from the words and word pairs of the titles and leads (counted at reindex
time by :class:`PhraseCounter`) and from the speakers' names (the index's
``speaker_keys`` column), each weighted by how many times it occurs. The
reindex builds the completions and saves them in the generation; lookup is a
binary search on their folded keys, read from the files, so it costs the
same, and a server holds the same, on any size of index.
"""

import bisect
import gzip
import json
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .accents import RUN_RE
from .packed import PackedStrings
from .store.files import ArrayFile, StringsFile, save_strings
from .text import canonical, fold, fold_text, nfc

LIMIT = 10
# Title words and pairs seen fewer times than this are not offered.
MIN_COUNT = 2
# gzip level of the phrase files.
COMPRESS_LEVEL = 3
# Words too short to be worth completing to.
MIN_CHARS = 2
# A person's name is worth this many title mentions of a phrase per article.
NAME_WEIGHT = 3
# A saved completer's files: its keys and texts (strings files), and two arrays.
KEYS, TEXTS, SPEAKER, RANK = "keys", "texts", "speaker", "rank"


class PhraseCounter:
    """Counts the words and adjacent word pairs of texts (pairs never span punctuation).

    Started from saved counts (:meth:`load`), it updates them: the changed
    and deleted articles taken out as they were, the new versions added,
    and the counts equal those of counting every article afresh.
    """

    def __init__(self, counts=None):
        self.counts = Counter(counts or {})

    @classmethod
    def load(cls, path):
        """A counter holding the counts :meth:`save` wrote to ``path`` (its ``counts_path``)."""
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    def add(self, text, sign=1):
        phrases = []  # each run's words, then its pairs: the order the counts first meet them
        for run in RUN_RE.findall(nfc(text)):
            words = list(map(canonical, run.split()))
            phrases += words
            phrases += map(" ".join, zip(words, words[1:]))
        if sign > 0:
            self.counts.update(phrases)  # counted in C, unlike adding one Counter to another
        else:
            self.counts.subtract(phrases)

    def save(self, path, counts_path):
        """Writes the phrases worth offering to ``path``, and every count to ``counts_path``."""
        counts = {text: n for text, n in self.counts.items() if n > 0}
        offered = {text: n for text, n in counts.items() if n >= MIN_COUNT and len(text) >= MIN_CHARS}
        for target, data in ((path, offered), (counts_path, counts)):
            # One string, lightly compressed: json.dump writes piece by piece
            # and gzip's default level (9) squeezes hard. At 50k articles
            # this save took 3.2 s of every reindex; now 0.7 s, 12 % larger.
            with gzip.open(target, "wt", encoding="utf-8", compresslevel=COMPRESS_LEVEL) as out:
                out.write(json.dumps(data, ensure_ascii=False))


def load_phrases(path):
    """``{phrase: count}`` as :meth:`PhraseCounter.save` wrote it."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Completion:
    text: str
    kind: str  # "phrase" or "speaker"


class Completer:
    """Sorted folded keys with what to show for them and how useful each is.

    Built once, at reindex (:meth:`build`, :meth:`save`); a server reads it
    from the generation's files (:meth:`open`) a few strings at a time, so
    a worker holds none of it whatever the size of the archive.
    """

    def __init__(self, keys, texts, speaker, rank):
        """Row by row, in key order: ``keys`` (sorted), ``texts`` to show, ``speaker`` (a
        speaker's name, not a phrase) and ``rank`` (the row's place in the order completions
        are offered in)."""
        self.keys, self._texts, self._speaker, self._rank = keys, texts, speaker, rank

    @classmethod
    def of(cls, entries):
        """From ``entries``: ``(text to show, weight, kind)``; kind "phrase" or "speaker"."""
        entries = list(entries)
        # Folded all at once (not by fold(): its cache is for the words of queries).
        keys = fold_text("\n".join(text.replace("\n", " ") for text, _, _ in entries)).split("\n")
        rows = []
        for key, (text, weight, kind) in zip(keys, entries):
            rows.append((key, -weight, text, kind))
            if kind == "speaker":
                # Names are also found from a later part: "phu hung".
                words = key.split()
                for i in range(1, len(words) - 1):
                    rows.append((" ".join(words[i:]), -weight, text, kind))
        rows.sort()
        # Heaviest first, then by text, then as sorted by key.
        offered = sorted(range(len(rows)), key=lambda i: (rows[i][1], rows[i][2]))
        rank = np.empty(len(rows), dtype=np.int64)
        rank[offered] = np.arange(len(rows))
        return cls(
            PackedStrings.of(row[0] for row in rows),
            PackedStrings.of(row[2] for row in rows),
            np.array([row[3] == "speaker" for row in rows], dtype=bool),
            rank,
        )

    @classmethod
    def build(cls, phrases, speakers):
        """From ``{phrase: count}`` and ``{speaker key: articles}``.

        A speaker's entry shows its key (the folded name) until
        :meth:`complete` is given a ``display`` function for it.
        """
        entries = [(text, n, "phrase") for text, n in phrases.items()]
        entries += [(name, n * NAME_WEIGHT, "speaker") for name, n in speakers.items()]
        return cls.of(entries)

    def save(self, directory):
        """Write the completer into ``directory`` (new), for :meth:`open`."""
        directory.mkdir()
        for name, strings in ((KEYS, self.keys), (TEXTS, self._texts)):
            save_strings(directory, name, strings.data, strings.starts)
        np.save(directory / f"{SPEAKER}.npy", np.asarray(self._speaker, dtype=bool))
        np.save(directory / f"{RANK}.npy", np.asarray(self._rank, dtype=np.int64))

    @classmethod
    def open(cls, directory):
        """The completer :meth:`save` wrote, read from its files as it is asked."""
        return cls(
            StringsFile(directory, KEYS),
            StringsFile(directory, TEXTS),
            _Slices(ArrayFile(directory / f"{SPEAKER}.npy", "the completions' keys say")),
            _Slices(ArrayFile(directory / f"{RANK}.npy", "the completions' keys say")),
        )

    def complete(self, prefix, limit=LIMIT, display=None):
        """Up to ``limit`` :class:`Completion` of ``prefix``, most useful first.

        Entries whose folded form starts with the whole prefix come first;
        then, for a longer prefix, entries that complete its last two words,
        after the words typed before them ("to chuc hoi ng" -> "to chuc hội nghị").
        ``display`` turns a speaker's key into the name as written.

        >>> completer = Completer.of([("hội nghị", 5, "phrase"), ("hội thảo", 9, "phrase"), ("nguyễn phú hùng", 2, "speaker")])
        >>> [c.text for c in completer.complete("hoi")]
        ['hội thảo', 'hội nghị']
        >>> [c.text for c in completer.complete("Hoi ng")], [c.text for c in completer.complete("phu h")]
        (['hội nghị'], ['nguyễn phú hùng'])
        >>> [c.text for c in completer.complete("to chuc hoi ng")]
        ['to chuc hội nghị']
        """
        words = prefix.split()
        if not words:
            return []
        space = " " if prefix[-1:].isspace() else ""  # "hoi " completes the word "hoi"
        seen, found = set(), []
        for keep in sorted({0, max(0, len(words) - 2)}):
            head = " ".join(words[:keep])
            for text, kind in self._matches(" ".join(words[keep:]) + space, limit):
                if kind == "speaker" and display:
                    text = display(text)
                text = f"{head} {text}" if head else text
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                found.append(Completion(text, kind))
                if len(found) == limit:
                    return found
        return found

    def _matches(self, prefix, limit):
        key = " ".join(fold(prefix).split()) + (" " if prefix[-1:].isspace() else "")
        start = bisect.bisect_left(self.keys, key, 0, len(self.keys))
        end = bisect.bisect_left(self.keys, key + "\uffff", start, len(self.keys))
        ranks = self._rank[start:end]
        best = np.argpartition(ranks, limit)[:limit] if len(ranks) > limit else np.arange(len(ranks))
        best = start + best[np.argsort(ranks[best])]
        return [(self._texts[i], "speaker" if self._speaker[i] else "phrase") for i in best.tolist()]


class _Slices:
    """An :class:`~search_app.store.files.ArrayFile` indexed as an array: an item, or a slice."""

    def __init__(self, array):
        self.array = array

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, _ = index.indices(self.array.length)
            return self.array.read(start, max(stop - start, 0))
        return self.array.read(index, 1)[0]
