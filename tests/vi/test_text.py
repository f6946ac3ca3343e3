import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_docs.vi import (
    convert_legacy,
    detect_legacy_encoding,
    fold,
    lower,
    nfc,
    sort_key,
    squash_spaces,
    title_words,
    upper,
)

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

LOWER_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


# --- normalisation, folding, casing --------------------------------------------------


def test_nfc():
    assert nfc(NFD("Việt Nam")) == "Việt Nam"
    assert len(nfc(NFD("ệ"))) == 1


def test_fold():
    assert fold("Đồng Tháp") == "Dong Thap"
    assert fold("đường Điện Biên Phủ") == "duong Dien Bien Phu"
    assert fold("Kế hoạch", lower=True) == "ke hoach"
    assert fold(NFD("Quyết định")) == "Quyet dinh"
    assert fold("Giấy uỷ quyền", lower=True) == fold("Giấy ủy quyền", lower=True) == "giay uy quyen"
    assert fold(LOWER_LETTERS).isascii()
    assert fold(upper(LOWER_LETTERS)).isascii()


def test_upper_lower():
    assert upper("cộng hòa xã hội chủ nghĩa việt nam") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lower("ỦY BAN NHÂN DÂN") == "ủy ban nhân dân"
    assert upper(NFD("đường")) == "ĐƯỜNG"
    assert lower(upper(LOWER_LETTERS)) == LOWER_LETTERS


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hà tĩnh", "Hà Tĩnh"),
        ("HÀ TĨNH", "Hà Tĩnh"),
        ("nguyễn văn AN", "Nguyễn Văn An"),
        ("đắk lắk", "Đắk Lắk"),
        ("bà rịa-vũng tàu", "Bà Rịa-Vũng Tàu"),
        ("  ủy ban  nhân dân ", "  Ủy Ban  Nhân Dân "),
        ("quận 1a", "Quận 1a"),
        (NFD("tiếng việt"), "Tiếng Việt"),
    ],
)
def test_title_words(text, expected):
    assert title_words(text) == expected


def test_squash_spaces():
    assert squash_spaces("  Ủy   ban\t\tnhân  dân  ") == "Ủy ban nhân dân"
    assert squash_spaces("a\u00a0\u00a0b") == "a b"
    assert squash_spaces("dòng 1  \n   dòng 2 ") == "dòng 1\ndòng 2"
    assert squash_spaces("") == ""


@given(st.text(alphabet=" \t\u00a0ab"))
def test_squash_spaces_property(s):
    out = squash_spaces(s)
    assert "  " not in out and "\t" not in out
    assert out == out.strip()
    assert out.replace(" ", "") == s.replace(" ", "").replace("\t", "").replace("\u00a0", "")


# --- collation --------------------------------------------------------------------


def test_sort_key_alphabet():
    assert sorted(["Em", "Đông", "Dung"], key=sort_key) == ["Dung", "Đông", "Em"]
    assert sorted(["Ân", "An", "Ăn"], key=sort_key) == ["An", "Ăn", "Ân"]
    assert sorted(["ạ", "ã", "a", "ả", "á", "à"], key=sort_key) == ["a", "à", "á", "ả", "ã", "ạ"]
    assert sorted(["ơ", "o", "ô"], key=sort_key) == ["o", "ô", "ơ"]
    assert sorted(["ư", "v", "u"], key=sort_key) == ["u", "ư", "v"]
    assert sorted(["e", "ê", "đ"], key=sort_key) == ["đ", "e", "ê"]
    # tone is secondary: letters decide first
    assert sorted(["bạc", "bà", "bác", "ba"], key=sort_key) == ["ba", "bà", "bác", "bạc"]
    # case-insensitive primary
    assert sorted(["an", "Ăn", "Anh"], key=sort_key) == ["an", "Anh", "Ăn"]


def test_sort_key_names():
    expected = [
        "An",
        "An Bình",
        "Anh",
        "Ánh",
        "Ăn",
        "Ân",
        "Bảo",
        "Bình",
        "Châu",
        "Cường",
        "Dung",
        "Dũng",
        "Đào",
        "Đông",
        "Em",
        "Giang",
        "Hà",
        "Hải",
        "Hoa",
        "Hòa",
        "Huy",
        "Khánh",
        "Lan",
        "Long",
        "Minh",
        "Nam",
        "Ngọc",
        "Nhung",
        "Oanh",
        "Ông",
        "Phúc",
        "Quân",
        "Sơn",
        "Tâm",
        "Thảo",
        "Trang",
        "Tú",
        "Từ",
        "Uyên",
        "Ửng",
        "Vân",
        "Xuân",
        "Yến",
    ]
    for seed in range(5):
        shuffled = expected[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == expected


def test_sort_key_nfd_equals_nfc():
    for word in ("Đông", "Nguyễn", "Ửng", "Hòa"):
        assert sort_key(NFD(word))[:3] == sort_key(word)[:3]


@given(st.lists(st.text(alphabet="aăâbdđeêoôơuư àáảãạ", max_size=6), max_size=12))
def test_sort_key_is_a_total_order(words):
    once = sorted(words, key=sort_key)
    assert sorted(once, key=sort_key) == once
    assert sorted(reversed(words), key=sort_key) == once


# --- legacy encodings -------------------------------------------------------------

# Written out per letter, independently of the module's tables.
TCVN3_OF = dict(
    zip(
        "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵĂÂĐÊÔƠƯ",
        ["a", "µ", "¸", "¶", "·", "¹", "¨", "»", "¾", "¼", "½", "Æ", "©", "Ç", "Ê", "È", "É", "Ë",
         "®", "e", "Ì", "Ð", "Î", "Ï", "Ñ", "ª", "Ò", "Õ", "Ó", "Ô", "Ö", "i", "×", "Ý", "Ø", "Ü",
         "Þ", "o", "ß", "ã", "á", "â", "ä", "«", "å", "è", "æ", "ç", "é", "¬", "ê", "í", "ë", "ì",
         "î", "u", "ï", "ó", "ñ", "ò", "ô", "\u00ad", "õ", "ø", "ö", "÷", "ù", "y", "ú", "ý", "û",
         "ü", "þ", "¡", "¢", "§", "£", "¤", "¥", "¦"],
        strict=True,
    )
)

VNI_OF = dict(
    pair.split("=")
    for pair in (
        "à=aø á=aù ả=aû ã=aõ ạ=aï â=aâ ầ=aà ấ=aá ẩ=aå ẫ=aã ậ=aä ă=aê ằ=aè ắ=aé ẳ=aú ẵ=aü ặ=aë "
        "đ=ñ è=eø é=eù ẻ=eû ẽ=eõ ẹ=eï ê=eâ ề=eà ế=eá ể=eå ễ=eã ệ=eä ì=ì í=í ỉ=æ ĩ=ó ị=ò "
        "ò=oø ó=où ỏ=oû õ=oõ ọ=oï ô=oâ ồ=oà ố=oá ổ=oå ỗ=oã ộ=oä ơ=ô ờ=ôø ớ=ôù ở=ôû ỡ=ôõ ợ=ôï "
        "ù=uø ú=uù ủ=uû ũ=uõ ụ=uï ư=ö ừ=öø ứ=öù ử=öû ữ=öõ ự=öï ỳ=yø ý=yù ỷ=yû ỹ=yõ ỵ=î "
        "À=AØ Á=AÙ Ả=AÛ Ã=AÕ Ạ=AÏ Â=AÂ Ầ=AÀ Ấ=AÁ Ẩ=AÅ Ẫ=AÃ Ậ=AÄ Ă=AÊ Ằ=AÈ Ắ=AÉ Ẳ=AÚ Ẵ=AÜ Ặ=AË "
        "Đ=Ñ È=EØ É=EÙ Ẻ=EÛ Ẽ=EÕ Ẹ=EÏ Ê=EÂ Ề=EÀ Ế=EÁ Ể=EÅ Ễ=EÃ Ệ=EÄ Ì=Ì Í=Í Ỉ=Æ Ĩ=Ó Ị=Ò "
        "Ò=OØ Ó=OÙ Ỏ=OÛ Õ=OÕ Ọ=OÏ Ô=OÂ Ồ=OÀ Ố=OÁ Ổ=OÅ Ỗ=OÃ Ộ=OÄ Ơ=Ô Ờ=ÔØ Ớ=ÔÙ Ở=ÔÛ Ỡ=ÔÕ Ợ=ÔÏ "
        "Ù=UØ Ú=UÙ Ủ=UÛ Ũ=UÕ Ụ=UÏ Ư=Ö Ừ=ÖØ Ứ=ÖÙ Ử=ÖÛ Ữ=ÖÕ Ự=ÖÏ Ỳ=YØ Ý=YÙ Ỷ=YÛ Ỹ=YÕ Ỵ=Î"
    ).split()
)


def to_tcvn3(s: str) -> str:
    """Unicode → TCVN3 as a .VnTime font stores it (capitals with a tone: lower-case codes)."""
    out = []
    for c in nfc(s):
        if c in TCVN3_OF:
            out.append(TCVN3_OF[c])
        elif c.lower() in TCVN3_OF and not c.isascii():
            out.append(TCVN3_OF[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def tcvn3_readable(s: str) -> str:
    """``s`` as it comes back from TCVN3 in mixed case: capitals with a tone, which TCVN3
    has no code for, come back in lower case."""
    return "".join(
        c.lower() if not c.isascii() and c not in TCVN3_OF and c.lower() in TCVN3_OF else c for c in nfc(s)
    )


def to_vni(s: str) -> str:
    return "".join(VNI_OF.get(c, c) for c in nfc(s))


SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Chương trình Mỗi xã một sản phẩm giai đoạn 2021-2025 của tỉnh Hà Tĩnh",
    "Quyết định về việc công nhận sản phẩm đạt 4 sao năm 2024",
    "Ủy ban nhân dân huyện ban hành Kế hoạch triển khai, đánh giá và phân hạng sản phẩm.",
    "Người đứng đầu cơ quan, tổ chức chịu trách nhiệm trước pháp luật về nội dung văn bản.",
    "Trường Đại học Nông nghiệp khuyến khích thanh niên khởi nghiệp ở vùng sâu, vùng xa.",
    "Giấy chứng nhận sở hữu trí tuệ, nhãn hiệu tập thể nước mắm Nghệ An được cấp quyết định.",
]


def test_tables_cover_every_letter():
    for c in LOWER_LETTERS:
        if not c.isascii():
            assert c in TCVN3_OF, c
            assert c in VNI_OF and c.upper() in VNI_OF, c


def test_convert_tcvn3_examples():
    assert convert_legacy("Céng hßa x· héi chñ nghÜa ViÖt Nam", "TCVN3") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert convert_legacy("§éc lËp - Tù do - H¹nh phóc", "TCVN3") == "Độc lập - Tự do - Hạnh phúc"
    assert convert_legacy("Ninh B×nh", "TCVN3") == "Ninh Bình"
    # "ư" is the soft hyphen U+00AD, invisible on screen
    assert convert_legacy("B¶o Th¾ng, M\u00adêng Kh\u00ad¬ng, B¸t X¸t", "ABC") == "Bảo Thắng, Mường Khương, Bát Xát"
    assert convert_legacy("¡n, ¢n, §¹i, £m, ¤ng, ¥n, ¦ng", "tcvn3") == "Ăn, Ân, Đại, Êm, Ông, Ơn, Ưng"


def test_convert_tcvn3_capitals():
    # .VnTimeH headings: capital ASCII letters with lower-case TCVN3 codes
    assert convert_legacy("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert convert_legacy("ñY BAN NH¢N D¢N TØNH Hµ TÜNH", "TCVN3") == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    text = "Sè: 05/KH-UBND\nQUYÕT §ÞNH\nHµ Néi, ngµy 05 th¸ng 01 n¨m 2020"
    assert convert_legacy(text, "TCVN3") == "Số: 05/KH-UBND\nQUYẾT ĐỊNH\nHà Nội, ngày 05 tháng 01 năm 2020"
    assert convert_legacy("V/v triÓn khai KÕ HO¹CH", "TCVN3") == "V/v triển khai Kế HOẠCH"
    assert convert_legacy("CéNG HßA", "TCVN3", capitals=False) == "CộNG HòA"


def test_convert_vni_examples():
    assert convert_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert convert_legacy("Xin chaøo caùc baïn", "VNI-Windows") == "Xin chào các bạn"
    assert convert_legacy("Tröôøng Ñaïi hoïc", "vni") == "Trường Đại học"
    assert convert_legacy("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "VNI") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert convert_legacy("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "VNI") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"


def test_convert_every_letter():
    for c in LOWER_LETTERS:
        assert convert_legacy(TCVN3_OF.get(c, c), "TCVN3") == c
        assert convert_legacy(to_vni(c), "VNI") == c
        assert convert_legacy(to_vni(c.upper()), "VNI") == c.upper()
    for c in "ĂÂĐÊÔƠƯ":
        assert convert_legacy(TCVN3_OF[c], "TCVN3") == c


@pytest.mark.parametrize("sentence", SENTENCES)
def test_convert_sentences(sentence):
    assert convert_legacy(to_vni(sentence), "VNI") == sentence
    assert convert_legacy(to_vni(sentence.upper()), "VNI") == sentence.upper()
    assert convert_legacy(to_tcvn3(sentence), "TCVN3") == tcvn3_readable(sentence)
    assert convert_legacy(to_tcvn3(sentence.upper()), "TCVN3") == sentence.upper()


def test_convert_output_is_nfc_and_ascii_unchanged():
    out = convert_legacy(to_vni(SENTENCES[2]), "VNI")
    assert out == unicodedata.normalize("NFC", out)
    assert convert_legacy("ABC xyz 123 ./-", "VNI") == "ABC xyz 123 ./-"
    assert convert_legacy("ABC xyz 123 ./-", "TCVN3") == "ABC xyz 123 ./-"


def test_convert_unknown_encoding():
    with pytest.raises(ValueError, match="Bảng mã"):
        convert_legacy("abc", "VISCII")


def test_detect_examples():
    assert detect_legacy_encoding("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "TCVN3"
    assert detect_legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "VNI"
    assert detect_legacy_encoding("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    assert detect_legacy_encoding(NFD("Cộng hòa xã hội chủ nghĩa Việt Nam")) is None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_detect_sentences(sentence):
    assert detect_legacy_encoding(to_tcvn3(sentence)) == "TCVN3"
    assert detect_legacy_encoding(to_vni(sentence)) == "VNI"
    assert detect_legacy_encoding(to_tcvn3(sentence.upper())) == "TCVN3"
    assert detect_legacy_encoding(to_vni(sentence.upper())) == "VNI"
    assert detect_legacy_encoding(sentence) is None
    assert detect_legacy_encoding(sentence.upper()) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain ASCII text, 2024.",
        "Nhiệt độ 25 °C, tỷ lệ ± 5 %, «trích dẫn» § 3",
        "café à côté, naïve",
        "Grüße aus Köln",
        "KẾ HOẠCH triển khai Chương trình OCOP",
    ],
)
def test_detect_none(text):
    assert detect_legacy_encoding(text) is None


def test_detect_in_a_long_document():
    doc = "\n".join(SENTENCES * 3)
    assert detect_legacy_encoding(to_tcvn3(doc)) == "TCVN3"
    assert detect_legacy_encoding(to_vni(doc)) == "VNI"
    assert detect_legacy_encoding(doc) is None
    assert convert_legacy(to_tcvn3(doc), detect_legacy_encoding(to_tcvn3(doc))) == tcvn3_readable(doc)
    assert convert_legacy(to_vni(doc), detect_legacy_encoding(to_vni(doc))) == doc


def test_tcvn3_capital_with_tone_in_mixed_case_comes_back_lower():
    assert convert_legacy(to_tcvn3("Ủy ban"), "TCVN3") == "ủy ban"
    assert tcvn3_readable("Ủy ban Ông Đông") == "ủy ban Ông Đông"


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Hµ Néi", "TCVN3"),
        ("Haø Noäi", "VNI"),
        ("tæ khuyÕn", "TCVN3"),  # "khuyÕn" read as VNI would give a syllable too
        ("toå khuyeán", "VNI"),
        ("trÝ c«ng", "TCVN3"),
        ("trí coâng", "VNI"),
        ("QUYÕT §ÞNH", "TCVN3"),
        ("QUYEÁT ÑÒNH", "VNI"),
        ("Tröôøng", "VNI"),
    ],
)
def test_detect_short_texts(text, encoding):
    assert detect_legacy_encoding(text) == encoding


def test_syllable_model_accepts_real_words():
    from ocop_docs.vi.text import _is_syllable

    words = (
        "người nghĩa của giữa gì giếng quốc quý khuya thuở hòa hoà thúy thuý khỏe khoẻ tuổi"
        " ngoài khuyến huỳnh oanh ếch kênh xuân tuần yến yêu uống ước ươu hoạch khuếch chuyển"
        " nguyễn việt tiếng trường đường ý ủy ở ai"
    ).split()
    for w in words:
        assert _is_syllable(w), w
        assert _is_syllable(w.upper()), w
    for w in ("xaõ", "cuỷa", "ñy", "coõng", "kan", "gen", "ngi", "cafe", "hoàá", "tieáng"):
        assert not _is_syllable(w), w


def test_has_words_and_shown():
    from ocop_docs.vi.text import has_words, shown

    assert not any(has_words(s) for s in (".", "..", "\u200b", " \u00a0", "–"))
    assert has_words("Gạo 3") and has_words("8")
    assert shown("\u200b") == "‹U+200B›" and shown("a\u00a0b c") == "a‹U+00A0›b c" and shown("Gạo tấm") == "Gạo tấm"
