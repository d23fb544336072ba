"""What a query means when it is not what the index holds: keystrokes, typos, missing accents.

* A word the index does not hold is read as Telex/VNI keystrokes ("hooij" ->
  "hội") or corrected to a syllable one edit away ("nghj" -> "nghi");
  :func:`interpret` returns the query as it will be searched, and why.
* A query typed without any accents gets the accents the archive's own
  language model restores (:func:`accent_guesses`); scoring gives them a
  lower weight than accents the user typed.
"""

from ..text import WORD_RE, fold, has_diacritics, replace_words
from .telex import convert

# Shorter words are not spell-corrected: too many syllables are one edit away.
MIN_CORRECTED_LETTERS = 3


def interpret(query, postings, accents):
    """``(query as it will be searched, why)``, or ``(None, [])`` when it is searched as typed.

    Only a word the index does not hold is reinterpreted (never a field name
    before ":"), and only into syllables the index does hold:

    * Telex/VNI keystrokes become the syllable they stand for ("hooij" ->
      "hội"; "class" stays "class"); ``why`` has ``"keystrokes"``;
    * a misspelt word becomes the syllable one edit away (a letter left out,
      added, changed or two swapped) that fits its neighbours best, as the
      accent model judges it together with their accents ("hoi nghj" ->
      "hoi nghi"); ``why`` has ``"spelling"``. Words under three letters,
      with digits, or in capitals (codes, acronyms) are left alone.
    """

    def known(word):
        term = fold(word)
        return any(postings.holders(name, term) for name in ("title", "body"))

    matches = list(WORD_RE.finditer(query))
    words = [match.group() for match in matches]
    searched, why, spellings = list(words), [], {}
    for i, word in enumerate(words):
        if query.startswith(":", matches[i].end()) or known(word):  # "year:", "speaker:"
            continue
        syllable = convert(word)
        if syllable and known(syllable):
            searched[i] = syllable
            why.append("keystrokes")
        elif accents and word.isalpha() and not word.isupper() and len(word) >= MIN_CORRECTED_LETTERS:
            spellings[i] = [s for s in accents.spellings(word) if known(s)]
    if any(spellings.values()):
        restored = accents.restore_words([fold(w) for w in searched], spellings)
        for i, candidates in spellings.items():
            if candidates:
                searched[i] = restored[i] if has_diacritics(words[i]) else fold(restored[i])
                why.append("spelling")
    if not why:
        return None, []
    return replace_words(query, matches, searched), sorted(set(why))


def accent_guesses(parsed, accents):
    """``{id(clause): [accented guess per syllable]}`` for a query typed without accents."""
    syllables = parsed.syllables()
    if accents is None or not syllables or any(map(has_diacritics, syllables)):
        return {}
    restored = iter(accents.restore_words(syllables))
    return {id(clause): [next(restored) for _ in clause.syllables] for clause in parsed.positive}
