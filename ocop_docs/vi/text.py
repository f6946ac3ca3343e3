"""Vietnamese text: normalisation, accent folding, collation, casing, legacy font encodings.

Pure functions, standard library only.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "nfc",
    "fold",
    "sort_key",
    "upper",
    "lower",
    "title_words",
    "squash_spaces",
    "has_words",
    "shown",
    "detect_legacy_encoding",
    "convert_legacy",
]


def nfc(s: str) -> str:
    """``s`` in Unicode normal form C (precomposed letters: "ệ" is one code point)."""
    return unicodedata.normalize("NFC", s)


def same_key(s: str) -> str:
    """The form in which two names are the same name: NFC, whitespace runs as one space, lower case.

    Marks are never folded: "Gạo tám thơm" and "Gạo tấm thơm", "Hùng" and "Hưng" are different
    names ("MẬT ONG" and "Mật ong" are one); ``fold`` is only for suggesting "did you mean".
    """
    return " ".join(nfc(s).split()).lower()


def fold(s: str, lower: bool = False) -> str:
    """``s`` without diacritics, for matching: "Đồng Tháp" → "Dong Thap".

    All combining marks are removed, and "đ"/"Đ" (which have no decomposition) become
    "d"/"D". With ``lower=True`` the result is also lower-cased.
    """
    decomposed = unicodedata.normalize("NFD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    stripped = unicodedata.normalize("NFC", stripped)
    return stripped.lower() if lower else stripped


def upper(s: str) -> str:
    """``s`` in capitals, NFC ("hà tĩnh" → "HÀ TĨNH"); Python's case mapping is right for Vietnamese."""
    return nfc(s).upper()


def lower(s: str) -> str:
    """``s`` in lower case, NFC ("HÀ TĨNH" → "hà tĩnh")."""
    return nfc(s).lower()


def title_words(s: str) -> str:
    """``s`` with the first letter of each word capitalised and the others lower-cased.

    "hà tĩnh" → "Hà Tĩnh", "NGUYỄN văn AN" → "Nguyễn Văn An", "bà rịa-vũng tàu" →
    "Bà Rịa-Vũng Tàu". A word starts at a letter that does not follow a letter or a digit.
    Unlike ``str.title`` it is not confused by decomposed (NFD) input; the result is NFC.
    """
    out = []
    prev_alnum = False
    for c in nfc(s):
        if c.isalpha():
            out.append(c.lower() if prev_alnum else c.upper())
            prev_alnum = True
        else:
            out.append(c)
            prev_alnum = c.isdigit()
    return "".join(out)


_HSPACE_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_AROUND_BREAK_RE = re.compile(r" *(\r\n|\r|\n) *")


def has_words(s: str) -> bool:
    """Whether ``s`` has a letter or a digit: ".", ".." or a lone zero-width space names nothing."""
    return any(unicodedata.category(c)[0] in "LN" for c in s)


def shown(s: str) -> str:
    """``s`` with the characters a reader cannot see written as their code ("\u200b" → "‹U+200B›"),
    so a message about an invisible text shows what is there."""
    return "".join(f"‹U+{ord(c):04X}›" if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp")
                   or (unicodedata.category(c) == "Zs" and c != " ") else c for c in s)


def squash_spaces(s: str) -> str:
    """``s`` with each run of spaces and tabs made one space, and stripped.

    Non-breaking and other Unicode horizontal spaces count as spaces. Line breaks are
    kept, without the spaces around them.
    """
    s = _HSPACE_RE.sub(" ", s)
    s = _AROUND_BREAK_RE.sub(r"\1", s)
    return s.strip()


# ---------------------------------------------------------------------------
# Collation
# ---------------------------------------------------------------------------

_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}
# Tone marks and their secondary order: none, huyền, sắc, hỏi, ngã, nặng.
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}


def _clusters(s: str):
    """Yield (base character, combining marks) of the NFD form of ``s``."""
    base: str | None = None
    marks: list[str] = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c) and base is not None:
            marks.append(c)
            continue
        if base is not None:
            yield base, marks
        base, marks = c, []
    if base is not None:
        yield base, marks


def sort_key(s: str) -> tuple:
    """A key that sorts strings in Vietnamese dictionary order.

    Primary: the letters in the order a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r
    s t u ư v (w) x y (z), case-insensitive; a space sorts before any other character,
    then punctuation, digits, letters, and other characters by code point.
    Secondary: the tones, in the order none, huyền, sắc, hỏi, ngã, nặng (a à á ả ã ạ).
    Tertiary: lower case before capitals; finally the string itself, so the order is total.

    "An" < "Ăn" < "Ân"; "Dung" < "Đông" < "Em".
    """
    primary, secondary, tertiary = [], [], []
    for base, marks in _clusters(s):
        tone = 0
        other = []
        for m in marks:
            if m in _TONES and not tone:
                tone = _TONES[m]
            else:
                other.append(m)
        low = base.lower()
        letter = unicodedata.normalize("NFC", low + "".join(other))
        if letter in _LETTER_RANK:
            rank = _LETTER_RANK[letter]
        elif low in _LETTER_RANK:  # a letter with a foreign mark (ü, ç): its base letter
            rank = _LETTER_RANK[low]
        elif base.isspace():
            rank = 0
        elif base.isdigit() and base.isascii():
            rank = 10 + int(base)
        elif unicodedata.category(base).startswith("P"):
            rank = 1
        else:
            rank = 1000 + ord(low)
        primary.append(rank)
        secondary.append(tone)
        tertiary.append(0 if base == low else 1)
    return (tuple(primary), tuple(secondary), tuple(tertiary), s)


# ---------------------------------------------------------------------------
# Legacy font encodings (TCVN3/ABC, VNI-Windows)
# ---------------------------------------------------------------------------

# TCVN3 (TCVN 5712:1993 VN3, the ".Vn" fonts): one byte per letter. Only the base capitals
# Ă Â Đ Ê Ô Ơ Ư have codes; capitals with a tone were typed in the ".VnTimeH" font with
# the lower-case codes (see ``capitals`` in convert_legacy).
_TCVN3_PAIRS = (
    ("µ¸¶·¹", "àáảãạ"),
    ("¨»¾¼½Æ", "ăằắẳẵặ"),
    ("©ÇÊÈÉË", "âầấẩẫậ"),
    ("®", "đ"),
    ("ÌÐÎÏÑ", "èéẻẽẹ"),
    ("ªÒÕÓÔÖ", "êềếểễệ"),
    ("×ÝØÜÞ", "ìíỉĩị"),
    ("ßãáâä", "òóỏõọ"),
    ("«åèæçé", "ôồốổỗộ"),
    ("¬êíëìî", "ơờớởỡợ"),
    ("ïóñòô", "ùúủũụ"),
    ("\u00adõøö÷ù", "ưừứửữự"),
    ("úýûüþ", "ỳýỷỹỵ"),
    ("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ"),
)
_TCVN3 = {k: v for keys, values in _TCVN3_PAIRS for k, v in zip(keys, values, strict=True)}
assert len(_TCVN3) == 74

# VNI-Windows: a base letter followed by a mark byte; ơ ư đ and the i's and ỵ are single
# bytes. Each byte maps to Unicode letters or combining marks, composed by NFC afterwards.
_VNI_MARKS = {
    "ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "à": "\u0302\u0300", "á": "\u0302\u0301", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "è": "\u0306\u0300", "é": "\u0306\u0301", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}
_VNI_MARKS_ANY = {**_VNI_MARKS, **{k.upper(): v for k, v in _VNI_MARKS.items()}}
_VNI = dict(_VNI_MARKS_ANY)
_VNI.update({
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
})
assert len(_VNI) == 48

# Latin-1 letters that are also genuine Vietnamese letters.
_LATIN1_VIET = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Code points that betray each legacy encoding: used by it, not Vietnamese letters.
_TCVN3_TELL = set(_TCVN3) - _LATIN1_VIET
_VNI_TELL = set(_VNI) - _LATIN1_VIET

# Code points only one of the two encodings uses.
_TCVN3_ONLY = set(_TCVN3) - set(_VNI) - set("ìíÌÍ")  # VNI writes ì í as themselves
_VNI_ONLY = set(_VNI) - set(_TCVN3)
_VNI_BASES = set("aeiouyAEIOUYôöÔÖ")

_ENCODING_NAMES = {
    "TCVN3": "TCVN3", "TCVN": "TCVN3", "ABC": "TCVN3", "VN3": "TCVN3", "TCVN5712": "TCVN3",
    "VNI": "VNI", "VNIWINDOWS": "VNI", "VNIWIN": "VNI",
}


def _pattern_evidence(s: str) -> dict[str, int]:
    """How much ``s`` looks like each encoding, to break a tie between them.

    TCVN3: its own code points. VNI: its own code points, and its mark bytes right after
    a vowel (VNI writes "ấ" as "a" + "á"; TCVN3 has one byte per letter).
    """
    tcvn3 = sum(1 for c in s if c in _TCVN3_ONLY)
    vni = sum(1 for c in s if c in _VNI_ONLY)
    vni += sum(1 for a, b in zip(s, s[1:]) if a in _VNI_BASES and b in _VNI_MARKS_ANY)
    return {"TCVN3": tcvn3, "VNI": vni}


def _genuine_vietnamese(c: str) -> bool:
    """Whether ``c`` is a Vietnamese letter no legacy 8-bit font can produce."""
    return c in "ăĂđĐĩĨũŨơƠưƯ" or "\u1ea0" <= c <= "\u1ef9"


def _encoding_name(encoding: str) -> str:
    key = re.sub(r"[^A-Z0-9]", "", encoding.upper())
    try:
        return _ENCODING_NAMES[key]
    except KeyError:
        raise ValueError(f"Bảng mã không được hỗ trợ: {encoding!r} (chỉ nhận TCVN3 hoặc VNI)") from None


_WORD_RE = re.compile(r"[A-Za-z\u00a1-\u00ff]+")


def _tcvn3_capitals(original: str, converted: str) -> str:
    """Upper-case the words of ``converted`` that were typed in a .VnTimeH capital font.

    Only words of two or more ASCII letters count. A line is all capitals when all such
    words are written in ASCII capitals and one of them holds a TCVN3 code; on other lines
    each such word in ASCII capitals that holds a TCVN3 code is upper-cased. ``original``
    and ``converted`` have the same length.
    """
    out = []
    start = 0
    for line in original.splitlines(keepends=True):
        conv = converted[start : start + len(line)]
        start += len(line)
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(line)]
        caps_words = []
        line_caps, has_code = True, False
        for a, b, w in words:
            ascii_letters = [c for c in w if c.isascii()]
            if len(ascii_letters) < 2:
                continue
            all_caps = all(c.isupper() for c in ascii_letters)
            coded = any(c in _TCVN3 for c in w)
            if not all_caps:
                line_caps = False
            elif coded:
                has_code = True
                caps_words.append((a, b))
        if line_caps and has_code:
            out.append(conv.upper())
            continue
        chars = list(conv)
        for a, b in caps_words:
            chars[a:b] = conv[a:b].upper()
        out.append("".join(chars))
    return "".join(out)


def convert_legacy(s: str, encoding: str, *, capitals: bool = True) -> str:
    """Text typed in a legacy Vietnamese font, as Unicode NFC.

    ``encoding`` is "TCVN3" (also "ABC") for the ".Vn…" fonts, or "VNI" (VNI-Windows) for
    the "VNI-…" fonts: "Céng hßa" (TCVN3) and "Coäng hoøa" (VNI) both give "Cộng hòa".
    ASCII is unchanged; the input may be NFC or NFD.

    TCVN3 has no codes for capitals with a tone: headings were typed in the ".VnTimeH"
    font with the lower-case codes. With ``capitals=True`` (the default) a word whose ASCII
    letters are all capitals (two or more) is upper-cased entirely, and so is a whole line
    of such words ("CéNG HßA X· HéI" → "CỘNG HÒA XÃ HỘI"); a capital word typed with
    lower-case keys in .VnTimeH cannot be told apart and stays in lower case.
    """
    name = _encoding_name(encoding)
    s = nfc(s)
    if name == "TCVN3":
        converted = "".join(_TCVN3.get(c, c) for c in s)
        if capitals:
            converted = _tcvn3_capitals(s, converted)
        return nfc(converted)
    return nfc("".join(_VNI.get(c, c) for c in s))


# A model of the written Vietnamese syllable (onset, rhyme, tone placement), loose enough
# for all real words and strict enough to tell which reading of a legacy text gives words.
_ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
_RHYMES_OPEN = (
    "a ai ao au ay âu ây e eo ê êu i ia iu iêu o oi ô ôi ơ ơi u ua ui uôi ư ưa ưi ưu ươi "
    "ươu y yêu oa oai oay oao oe oeo uê uy uya uyu uơ uây"
).split()
_RHYME_CODAS = {
    "a": "c ch m n ng nh p t", "ă": "c m n ng p t", "â": "c m n ng p t",
    "e": "c m n ng p t", "ê": "c ch m n nh p t", "i": "c ch m n nh p t",
    "o": "c m n ng p t", "ô": "c m n ng p t", "ơ": "m n p t",
    "u": "c m n ng p t", "ư": "c m n ng t", "iê": "c m n ng p t", "yê": "m n t",
    "uô": "c m n ng t", "ươ": "c m n ng p t", "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t", "oe": "n t", "uâ": "n ng t", "uê": "ch nh", "uy": "ch n nh p t",
    "uyê": "n t",
}
_RHYMES = set(_RHYMES_OPEN) | {n + c for n, codas in _RHYME_CODAS.items() for c in codas.split()}


# Spelling rules: "k", "gh", "ngh" only before e ê i y; "c", "ng" never before them, and
# "g" not before e ê ("gi" is an onset of its own).
_FRONT = tuple("eêiy")
_ONSET_OK = {
    "k": lambda r: r.startswith(_FRONT), "gh": lambda r: r.startswith(_FRONT),
    "ngh": lambda r: r.startswith(_FRONT), "c": lambda r: not r.startswith(_FRONT),
    "ng": lambda r: not r.startswith(_FRONT), "g": lambda r: not r.startswith(("e", "ê")),
    "q": lambda r: False, "qu": lambda r: not r.startswith("u"),
}


_VOWELS = set("aăâeêioôơuưy")
_CONSONANTS = set("bcdđghklmnpqrstvx")


def _untoned(c: str) -> tuple[str, bool] | None:
    """A lower-case letter without its tone, and whether it had one; None if not Vietnamese."""
    if c in _VOWELS or c in _CONSONANTS:
        return c, False
    d = unicodedata.normalize("NFD", c)
    tones = [m for m in d if m in _TONES]
    if len(tones) == 1:
        base = unicodedata.normalize("NFC", d.replace(tones[0], ""))
        if base in _VOWELS:
            return base, True
    return None


def _tone_ok(rhyme: str, t: int) -> bool:
    """Whether the tone may stand on letter ``t`` of ``rhyme``.

    Closed rhymes carry it on their last vowel ("tiếng"); rhymes ending in a glide on the
    vowel before the glide ("người", "tuổi"); "ia", "ua", "ưa" on their first vowel
    ("nghĩa", "của"); "oa", "oe", "uy" either way ("hòa"/"hoà").
    """
    vowels = [i for i, c in enumerate(rhyme) if c in _VOWELS]
    if t not in vowels:
        return False
    if len(vowels) == 1 or rhyme in ("oa", "oe", "uy"):
        return True
    k, last = vowels.index(t), len(vowels) - 1
    if rhyme[-1] not in _VOWELS:
        return k == last
    if rhyme[-1] in "iouy":
        return k == last - 1
    return k == (0 if rhyme in ("ia", "ua", "ưa") else last)


def _is_syllable(word: str) -> bool:
    """Whether ``word`` spells one Vietnamese syllable, tone mark well placed."""
    letters = [_untoned(c) for c in nfc(word.lower())]
    if not letters or None in letters:
        return False
    tones = [i for i, (_, toned) in enumerate(letters) if toned]
    if len(tones) > 1:
        return False
    bare = "".join(c for c, _ in letters)
    for onset in _ONSETS + [""]:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset) :]
        if rhyme not in _RHYMES or not _ONSET_OK.get(onset, bool)(rhyme):
            continue
        if not tones or _tone_ok(rhyme, tones[0] - len(onset)):
            return True
    return False


def _vni_cased(word: str) -> bool:
    """Whether the VNI mark bytes of ``word`` have the case of the vowel they follow.

    VNI writes "Vieät" and "VIEÄT", never "vieÄt"; TCVN3 text read as VNI breaks this
    ("khuyÕn").
    """
    return all(
        a.isupper() == b.isupper()
        for a, b in zip(word, word[1:])
        if a in _VNI_BASES and b in _VNI_MARKS_ANY
    )


_TOKEN_SPLIT_RE = re.compile(r"[\s!-/:-@\[-`{-~0-9]+")


def detect_legacy_encoding(s: str) -> str | None:
    """The legacy font encoding ``s`` was typed in, "TCVN3" or "VNI", or None.

    Such text reaches us as Latin-1 look-alikes: "Céng hßa x· héi chñ nghÜa ViÖt Nam"
    (TCVN3), "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI). The decision is made in two
    steps. First, text that has genuine Vietnamese letters outside Latin-1 ("ă", "ơ",
    "ệ" …) is Unicode unless the characteristic code points of the encodings (Latin-1
    characters that are not Vietnamese letters, such as "¸", "ß", "ø", "ä") outnumber
    them. Then, of the words with non-ASCII characters, the reading (as is, as TCVN3, as
    VNI) that gives the most Vietnamese syllables wins; a legacy reading must beat the
    text as it is and make at least half of those words syllables. A tie between the two
    encodings is broken by their patterns (VNI puts mark bytes right after vowels).

    Short texts are decided on little evidence; a single word may be ambiguous.
    """
    s = nfc(s)
    genuine = sum(1 for c in s if _genuine_vietnamese(c))
    legacy = sum(1 for c in s if c in _TCVN3_TELL or c in _VNI_TELL)
    if genuine and genuine >= legacy:
        return None
    words = [w for w in _TOKEN_SPLIT_RE.split(s) if w and not w.isascii()]
    if not words:
        return None
    as_is = sum(_is_syllable(w) for w in words)
    scores = {
        "TCVN3": sum(_is_syllable(convert_legacy(w, "TCVN3", capitals=False)) for w in words),
        "VNI": sum(_vni_cased(w) and _is_syllable(convert_legacy(w, "VNI")) for w in words),
    }
    evidence = _pattern_evidence(s)
    best = max(scores, key=lambda name: (scores[name], evidence[name], name == "TCVN3"))
    if scores[best] > as_is and 2 * scores[best] >= len(words):
        return best
    return None
