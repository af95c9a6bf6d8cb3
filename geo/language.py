"""Which language an article is written in.

The script decides most cases at no cost: text in Latin letters with English's common words is
English. Where the script leaves a choice (Cyrillic: Russian or Kazakh; Latin but not English),
py3langid (a kept library with its model in its pip package) decides among the languages of
that script. Its model takes about three seconds to load, so it is loaded on first need only:
an English news run never pays for it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ENGLISH = frozenset("the of and to in a is was on said for with that by from at as were".split())
_WORD = re.compile(r"[a-z]+")
CYRILLIC_LANGUAGES = ("ru", "kk", "uk", "be", "bg", "ky", "mn", "sr", "mk", "tg")
LATIN_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "tr", "uz", "pl", "nl")
SAMPLE = 600  # characters read: enough for a verdict, and a long text costs no more


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "ru", "kk", ...), or "und" for text with too few letters."""
    sample = text[:SAMPLE]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic + latin < 20:
        return "und"
    if cyrillic > latin:
        return _identifier(CYRILLIC_LANGUAGES).classify(sample)[0]
    words = _WORD.findall(sample.lower())
    if words and sum(w in _ENGLISH for w in words) / len(words) >= 0.08:
        return "en"
    return _identifier(LATIN_LANGUAGES).classify(sample)[0]


def is_cyrillic_language(code: str) -> bool:
    """True for the languages read with the Russian rules (Russian, Kazakh, ...)."""
    return code in CYRILLIC_LANGUAGES


@cache
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier
