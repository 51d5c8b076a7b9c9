"""Hypothesis strategies for hostile inputs, shared by the reader and process fuzz tests.

Each strategy builds the bytes of one input file together with what a correct reader must
account for (the record numbers it has to turn into an article or a failure), so the tests
can check both "never crashes" and "never drops a record silently".
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass

from hypothesis import strategies as st

from communique.config import LimitSettings

# Small limits, so "enormous" inputs stay cheap to generate: the fuzz tests check that a
# record over a limit is refused with a clear reason, not how big the defaults are.
FUZZ_LIMITS = LimitSettings(max_article_chars=20_000, max_file_bytes=400_000, max_line_bytes=60_000, max_gzip_ratio=50)

# Characters that break naive text handling: bidi controls (RLM, LRM, RLO, isolates), zero
# width joiners and spaces, a BOM, NUL and other C0 controls, line and paragraph
# separators, combining marks, an emoji ZWJ sequence, right-to-left scripts, and a lone
# surrogate (only representable in JSON escapes or as invalid UTF-8 bytes).
SPECIALS = [
    "\u200f",
    "\u200e",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200d",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b",
    "\r",
    "\n",
    "\t",
    "\u2028",
    "\u2029",
    "\u0301",
    "\U0001f469\u200d\U0001f4bb",
    "مرحبا",
    "שלום",
    "\ud800",
    "\udfff",
    '"',
    ",",
    "\\",
    "[",
    "{",
    "date 2018-11-14 By Trend\n",
]
WORDS = ["Belarus", "Azerbaijan", "minister", "said", "the", "talks", "in", "Baku", "CIS", "agreed", "."]

weird_text = st.lists(
    st.one_of(st.sampled_from(SPECIALS), st.sampled_from(WORDS), st.text(max_size=8)), max_size=25
).map(" ".join)
# Mostly readable text with hostile characters mixed in: it often survives ingest, so the
# NLP and store stages see it too.
article_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SPECIALS)), min_size=0, max_size=40).map(
    " ".join
)
# A huge string: 0, 1x or 3x the article limit (cheap to build, exercises the limits).
huge_text = st.sampled_from([1, FUZZ_LIMITS.max_article_chars + 1, 3 * FUZZ_LIMITS.max_article_chars]).map(
    lambda n: "x " * (n // 2) + "y"
)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), weird_text, article_text)
nested = st.recursive(
    json_scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=12,
)
field_value = st.one_of(article_text, weird_text, huge_text, json_scalar, nested)
records = st.lists(
    st.fixed_dictionaries(
        {"text": st.one_of(article_text, article_text, weird_text, huge_text, nested)},
        optional={
            "id": field_value,
            "date": field_value,
            "source": field_value,
            "title": field_value,
            "url": field_value,
        },
    ),
    min_size=0,
    max_size=6,
)


@dataclass
class FuzzFile:
    """One generated input file and the record numbers a reader must account for.

    ``expected`` is the set of line (or item) numbers that must each end as an article or a
    failure; ``None`` means the file is not well-formed enough to count records (e.g. random
    bytes) and only "no crash, every output valid" applies.
    """

    name: str
    data: bytes
    expected: set[int] | None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _encode(text: str) -> bytes:
    # surrogatepass turns a lone surrogate into invalid UTF-8 bytes, as a broken file would.
    return text.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_files(draw: st.DrawFn) -> FuzzFile:
    """JSON Lines with weird values, deep nesting, enormous strings and junk lines."""
    lines: list[bytes] = []
    for record in draw(records):
        lines.append(_encode(json.dumps(record, ensure_ascii=draw(st.booleans()))))
    for _ in range(draw(st.integers(0, 3))):
        junk = draw(
            st.one_of(
                st.binary(max_size=40),
                weird_text.map(_encode),
                st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
                st.integers(1, 100_000).map(lambda depth: b'{"text": ' + b"[" * depth),
                st.just(b'{"text": "' + b"z" * (FUZZ_LIMITS.max_line_bytes + 10) + b'"}'),
                st.just(b'{"text": "ok", "id": ' + b"9" * 5000 + b"}"),
            )
        )
        lines.insert(draw(st.integers(0, len(lines))), junk.replace(b"\n", b" ").replace(b"\r", b" "))
    body = b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    # Every line with something other than whitespace must be accounted for.
    expected = {n for n, line in enumerate(body.split(b"\n"), start=1) if line.strip()}
    return FuzzFile("feed.jsonl", body, expected)


@st.composite
def json_files(draw: st.DrawFn) -> FuzzFile:
    """A JSON array of records (or junk items), or one object, possibly cut short."""
    items: list[object] = list(draw(records))
    items += draw(st.lists(nested, max_size=2))
    if draw(st.booleans()) and items:
        data = _encode(json.dumps(items[0], ensure_ascii=draw(st.booleans())))
        return FuzzFile("one.json", data, {1} if isinstance(items[0], dict) and _is_utf8(data) else None)
    data = _encode(json.dumps(items, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1]))))
    if draw(st.integers(0, 4)) == 0:
        return FuzzFile("cut.json", data[: draw(st.integers(0, len(data)))], None)
    # Invalid UTF-8 (a raw lone surrogate) stops the stream: then only "no crash" applies.
    return FuzzFile("items.json", data, set(range(1, len(items) + 1)) if _is_utf8(data) else None)


@st.composite
def csv_files(draw: st.DrawFn) -> FuzzFile:
    """CSV/TSV with a header, weird cells, multi-line quoted fields and ragged rows."""
    delimiter = draw(st.sampled_from([",", "\t"]))
    header = ["id", "date", "source", "text"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    starts: set[int] = set()
    line = 2
    for number in range(draw(st.integers(0, 6))):
        text = draw(st.one_of(article_text, weird_text, huge_text)).replace("\x00", "")
        row = [f"r{number}", draw(st.sampled_from(["2018-11-14", "", "junk", "\u200f2018"])), "Trend", text]
        ragged = draw(st.integers(0, 5))
        if ragged == 0:
            row = row[: draw(st.integers(1, 3))]
        elif ragged == 1:
            row = row + ["extra"]
        before = buffer.tell()
        writer.writerow(row)
        chunk = buffer.getvalue()[before:]
        starts.add(line)
        line += chunk.count("\n")
    data = _encode(buffer.getvalue())
    # An invalid UTF-8 line inside a multi-line quoted field splits that record in two, so
    # only count records when the whole file is valid UTF-8.
    return FuzzFile("feed.tsv" if delimiter == "\t" else "feed.csv", data, starts if _is_utf8(data) else None)


@st.composite
def text_files(draw: st.DrawFn) -> FuzzFile:
    """One article per file: wire headers, weird Unicode, random bytes, empty files."""
    data = draw(
        st.one_of(
            st.builds(
                lambda h, b: _encode(h + b),
                st.sampled_from(["", "date 2018-11-14 By Trend\n\n", " date 2018-13-45 By X\n"]),
                article_text,
            ),
            weird_text.map(_encode),
            st.binary(max_size=200),
            huge_text.map(_encode),
            st.just(_encode("date 2018-01-01 By a" + " " * 50_000 + "b\nbody text")),
        )
    )
    return FuzzFile("story.txt", data, {0})


@st.composite
def html_files(draw: st.DrawFn) -> FuzzFile:
    """HTML pages: no body, broken markup, weird text, deep nesting, other encodings."""
    # trafilatura keeps only substantial paragraphs, so pad the hostile text with prose.
    prose = "The foreign ministers of Belarus and Azerbaijan met in Baku on Tuesday. " * draw(st.integers(0, 8))
    text = draw(article_text) + " " + prose
    page = draw(
        st.sampled_from(
            [
                "<html><head><title>{t}</title></head></html>",
                "<html><body></body></html>",
                "<html><body><article><p>{t}</p><p>{t}</p></article></body></html>",
                "<p>{t}",
                "<html><body>" + "<div>" * 3000 + "{t}" + "</div>" * 3000 + "</body></html>",
                "<?xml version='1.0' encoding='latin-1'?><html><body><p>{t}</p></body></html>",
                "<html><body><script>{t}</script></body></html>",
                "{t}",
            ]
        )
    ).replace("{t}", text)
    data = draw(
        st.one_of(st.just(_encode(page)), st.binary(max_size=100), st.just(page.encode("utf-16", "surrogatepass")))
    )
    return FuzzFile("page.html", data, {0})


def gzipped(file: FuzzFile, damage: str, where: float) -> FuzzFile:
    """``file`` as ``.gz``: intact, truncated at ``where`` (0..1), or with bytes corrupted there."""
    packed = gzip.compress(file.data)
    if damage == "intact":
        return FuzzFile(file.name + ".gz", packed, file.expected)
    cut = int(len(packed) * where)
    if damage == "truncated":
        return FuzzFile(file.name + ".gz", packed[:cut], None)
    corrupted = bytearray(packed)
    for offset in range(cut, min(cut + 8, len(corrupted))):
        corrupted[offset] ^= 0x5A
    return FuzzFile(file.name + ".gz", bytes(corrupted), None)


any_file = st.one_of(jsonl_files(), json_files(), csv_files(), text_files(), html_files())
