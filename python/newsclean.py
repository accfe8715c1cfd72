"""newsclean: clean scraped news pages (text or HTML) into body paragraphs.

A ctypes binding of libnewsclean (the C library); nothing is compiled at
install time. The library is looked up, in this order, at:

1. the path in the environment variable ``NEWSCLEAN_LIBRARY``;
2. the build tree: ``../build/libnewsclean.so`` next to this module (a
   checkout of the repository) and ``build/libnewsclean.so`` under the
   current directory;
3. the system: ``ctypes.util.find_library("newsclean")``, then
   ``libnewsclean.so.0``.

Usage::

    import newsclean
    for paragraph in newsclean.clean(open("page.html", "rb").read()):
        print(paragraph)

    md = newsclean.markdown(html, links=True, url="https://example.com/a")

    page = newsclean.analyse(text, language="de", url="https://example.org/a")
    print(page.title, page.language, page.authors, page.date)
    print(page.meta["date"][0].source)   # "json-ld", "byline", ...
    for block in page.blocks:
        print(block.label, block.reason, block.text)

    paragraphs = newsclean.clean_file("page.html.gz")   # gzip read as the page

    for page in newsclean.iter_warc("crawl.warc.gz"):  # one record at a time
        print(page.uri, page.title, len(page.paragraphs))

Every call is independent and thread-safe; the library call runs without
the GIL, so threads clean pages in parallel.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gzip
import os
import threading
import warnings
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Union

__version__ = "0.1.0"
__all__ = ["clean", "markdown", "analyse", "extract", "clean_file", "analyse_file", "iter_warc",
           "jsonl_object", "Result", "WarcResult", "Block", "MetaValue", "NewscleanError",
           "library_version", "library_path", "labels", "reasons", "__version__"]

# nc_status values and their names, as include/newsclean.h declares them.
STATUS_NAMES = {
    0: "NC_OK", 1: "NC_ERR_ARGUMENT", 2: "NC_ERR_NOMEM", 3: "NC_ERR_TOO_LARGE",
    4: "NC_ERR_OPTIONS", 5: "NC_ERR_ENCODING", 6: "NC_ERR_PARSE", 7: "NC_ERR_INTERNAL",
    8: "NC_ERR_BINARY", 9: "NC_ERR_IO", 10: "NC_ERR_WARC",
}
# The version of the JSON Lines object (jsonl_object, newsclean --format jsonl).
JSONL_SCHEMA = 1
_INPUT_KINDS = {"auto": 0, "text": 1, "html": 2}
_KIND_NAMES = {0: "auto", 1: "text", 2: "html"}
_NC_META_COUNT = 10

# Result flags (NC_FLAG_*).
FLAG_REPAIRED_UTF8 = 0x1
FLAG_TRUNCATED_BLOCKS = 0x2
FLAG_TRUNCATED_DEPTH = 0x4
FLAG_TRUNCATED_LINES = 0x8
FLAG_NUL_REMOVED = 0x10
FLAG_CONVERTED = 0x20
FLAG_FROM_NOSCRIPT = 0x40
FLAG_CHARSET_GUESSED = 0x800
FLAG_TRUNCATED_MARKUP = 0x100
FLAG_REMOVED_CHARS = 0x200
FLAG_WORK_LIMIT = 0x400
FLAG_REPAIRED_TITLE = 0x1000

# The largest size_t: larger ints would wrap in ctypes.
_SIZE_MAX = 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1

Input = Union[str, bytes, bytearray, memoryview]


class NewscleanError(Exception):
    """A newsclean failure.

    ``status`` is the nc_status number (None when the library itself could
    not be loaded), ``name`` its name ("NC_ERR_OPTIONS") and ``message``
    the library's nc_strerror() text.
    """

    def __init__(self, status: Optional[int], name: str, message: str):
        super().__init__("%s: %s" % (name, message))
        self.status = status
        self.name = name
        self.message = message

    def __reduce__(self):
        # Pickled by its three fields: a worker process's error reaches the
        # parent (multiprocessing) as the same error.
        return (type(self), (self.status, self.name, self.message))


class _ArgumentError(NewscleanError, TypeError):
    """A NewscleanError that is also a TypeError: data or an option of the
    wrong type (callers that caught TypeError still do)."""


class _Options(ctypes.Structure):
    """struct nc_options, field for field (size first)."""
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("input", ctypes.c_int),
        ("language", ctypes.c_char_p),
        ("encoding", ctypes.c_char_p),
        ("recall_bias", ctypes.c_double),
        ("max_input_bytes", ctypes.c_size_t),
        ("max_blocks", ctypes.c_size_t),
        ("max_depth", ctypes.c_size_t),
        ("max_line_bytes", ctypes.c_size_t),
        ("max_ms", ctypes.c_size_t),
        ("url", ctypes.c_char_p),
        ("reference_date", ctypes.c_char_p),
        ("record", ctypes.c_uint),
    ]


class _BlockInfo(ctypes.Structure):
    """struct nc_block_info, field for field (size first)."""
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("text", ctypes.c_char_p),
        ("length", ctypes.c_size_t),
        ("label", ctypes.c_int),
        ("reason", ctypes.c_int),
        ("score", ctypes.c_double),
        ("tag", ctypes.c_char_p),
        ("heading_level", ctypes.c_int),
        ("list_depth", ctypes.c_int),
        ("list_ordered", ctypes.c_int),
        ("list_item", ctypes.c_size_t),
        ("table_row", ctypes.c_size_t),
        ("table_cell", ctypes.c_size_t),
        ("table_header", ctypes.c_int),
        ("quote", ctypes.c_int),
        ("verbatim", ctypes.c_int),
    ]


@dataclass(frozen=True)
class Block:
    """One block of the page: its text, label ("body", "caption", ...),
    the reason for the label ("model", "credit-pattern", ...), the
    classifier's body probability and the HTML tag ("" for text input);
    then its structure, as markdown() writes it: heading_level (1..6, 0 for
    no heading), list_depth (lists it sits in), list_ordered, list_item
    (ordinal of its list item on the page; the blocks of one item share
    it; 0 outside items), table_row (ordinal of its row, 0 outside
    tables), table_cell (the cell its text starts in, from 1),
    table_header, quote (inside a block quote), verbatim (a <pre> line)."""
    text: str
    label: str
    reason: str
    score: float
    tag: str
    heading_level: int = 0
    list_depth: int = 0
    list_ordered: bool = False
    list_item: int = 0
    table_row: int = 0
    table_cell: int = 0
    table_header: bool = False
    quote: bool = False
    verbatim: bool = False

    @property
    def kept(self) -> bool:
        """True when the block is one of the body paragraphs."""
        return self.label in ("body", "heading")


@dataclass(frozen=True)
class MetaValue:
    """One metadata value and where it was read: "json-ld", "microdata",
    "open-graph", "meta", "time", "byline", "url", "text" or "link"."""
    value: str
    source: str


@dataclass(frozen=True)
class Result:
    """What newsclean found on one page."""
    title: Optional[str]
    language: str
    language_confidence: float
    script: str
    encoding: str
    encoding_confidence: float
    input: str
    flags: int
    repairs: int
    paragraphs: List[str] = field(default_factory=list)
    blocks: List[Block] = field(default_factory=list)
    meta: Dict[str, List[MetaValue]] = field(default_factory=dict)
    """The page's metadata by field name ("title", "author", "date",
    "modified", "site_name", "url", "description", "image", "section",
    "tag"): every value found, with its source. Dates are ISO 8601."""

    @property
    def authors(self) -> List[str]:
        """The authors' names (empty when none was found)."""
        return [m.value for m in self.meta.get("author", [])]

    @property
    def date(self) -> Optional[str]:
        """The publication date, ISO 8601, or None."""
        values = self.meta.get("date")
        return values[0].value if values else None

    @property
    def text(self) -> str:
        """The paragraphs joined by one blank line, as the CLI prints them."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class WarcResult(Result):
    """A page of a WARC or WET file: a Result and where it came from (the
    WARC file, the record's target URI, id, date, type and byte offset;
    truncated: None, or why the page is cut short, as nc_warc_record's
    field says: the WARC-Truncated value, or "body")."""
    file: str = ""
    uri: str = ""
    record_id: str = ""
    date: str = ""
    record_type: str = ""
    offset: int = 0
    truncated: Optional[str] = None


class _WarcRecord(ctypes.Structure):
    """struct nc_warc_record, field for field."""
    _fields_ = [
        ("type", ctypes.c_char_p),
        ("target_uri", ctypes.c_char_p),
        ("record_id", ctypes.c_char_p),
        ("date", ctypes.c_char_p),
        ("media_type", ctypes.c_char_p),
        ("charset", ctypes.c_char_p),
        ("http_status", ctypes.c_int),
        ("skip", ctypes.c_char_p),
        ("input", ctypes.c_int),
        ("payload", ctypes.c_void_p),
        ("payload_length", ctypes.c_size_t),
        ("offset", ctypes.c_ulonglong),
        ("truncated", ctypes.c_char_p),
    ]


_lib = None
_lib_path: Optional[str] = None
_lib_lock = threading.Lock()


def _candidates() -> List[str]:
    env = os.environ.get("NEWSCLEAN_LIBRARY")
    if env:
        return [env]  # an explicit choice: no silent fallback
    here = os.path.dirname(os.path.abspath(__file__))
    paths = [os.path.join(here, "..", "build", "libnewsclean.so"),
             os.path.join(os.getcwd(), "build", "libnewsclean.so")]
    found = [os.path.normpath(p) for p in paths if os.path.exists(p)]
    system = ctypes.util.find_library("newsclean")
    if system:
        found.append(system)
    found.append("libnewsclean.so.0")
    return found


def _declare(lib: ctypes.CDLL) -> None:
    c = ctypes
    sigs = {
        "nc_options_init": (None, [c.POINTER(_Options)]),
        "nc_clean": (c.c_int, [c.c_char_p, c.c_size_t, c.POINTER(_Options),
                               c.POINTER(c.c_void_p)]),
        "nc_result_free": (None, [c.c_void_p]),
        "nc_result_paragraph_count": (c.c_size_t, [c.c_void_p]),
        "nc_result_paragraph": (c.c_void_p, [c.c_void_p, c.c_size_t,
                                             c.POINTER(c.c_size_t)]),
        "nc_result_block_count": (c.c_size_t, [c.c_void_p]),
        "nc_result_block": (c.c_int, [c.c_void_p, c.c_size_t, c.POINTER(_BlockInfo)]),
        "nc_result_title": (c.c_char_p, [c.c_void_p]),
        "nc_result_language": (c.c_char_p, [c.c_void_p]),
        "nc_result_language_confidence": (c.c_double, [c.c_void_p]),
        "nc_result_script": (c.c_char_p, [c.c_void_p]),
        "nc_result_flags": (c.c_uint, [c.c_void_p]),
        "nc_result_repair_count": (c.c_size_t, [c.c_void_p]),
        "nc_result_input_kind": (c.c_int, [c.c_void_p]),
        "nc_result_encoding": (c.c_char_p, [c.c_void_p]),
        "nc_result_encoding_confidence": (c.c_double, [c.c_void_p]),
        "nc_result_meta": (c.c_char_p, [c.c_void_p, c.c_int, c.c_size_t,
                                        c.POINTER(c.c_int)]),
        "nc_meta_field_name": (c.c_char_p, [c.c_int]),
        "nc_meta_source_name": (c.c_char_p, [c.c_int]),
        "nc_label_name": (c.c_char_p, [c.c_int]),
        "nc_reason_name": (c.c_char_p, [c.c_int]),
        "nc_strerror": (c.c_char_p, [c.c_int]),
        "nc_version": (c.c_int, []),
        "nc_version_string": (c.c_char_p, []),
        "nc_warc_open": (c.c_int, [c.c_char_p, c.c_size_t, c.POINTER(c.c_void_p)]),
        "nc_warc_next": (c.c_int, [c.c_void_p, c.POINTER(c.POINTER(_WarcRecord))]),
        "nc_warc_error": (c.c_char_p, [c.c_void_p]),
        "nc_warc_bytes_read": (c.c_ulonglong, [c.c_void_p]),
        "nc_warc_close": (None, [c.c_void_p]),
        "nc_result_markdown": (c.c_int, [c.c_void_p, c.c_uint, c.c_char_p,
                                         c.POINTER(c.c_void_p), c.POINTER(c.c_size_t)]),
        "nc_free": (None, [c.c_void_p]),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


def _library() -> ctypes.CDLL:
    """Loads libnewsclean once; raises NewscleanError when it cannot."""
    global _lib, _lib_path
    if _lib is not None:
        return _lib
    with _lib_lock:
        if _lib is not None:
            return _lib
        tried = []
        for path in _candidates():
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                tried.append("%s (%s)" % (path, e))
                continue
            try:
                _declare(lib)
            except AttributeError as e:
                raise NewscleanError(None, "library", "%s is not libnewsclean: %s" % (path, e))
            version = lib.nc_version_string().decode("ascii", "replace")
            if version != __version__:
                raise NewscleanError(None, "library", "%s is libnewsclean %s, but this "
                                     "binding is %s; set NEWSCLEAN_LIBRARY to a matching "
                                     "library" % (path, version, __version__))
            _lib_path = path
            _lib = lib
            return lib
        raise NewscleanError(None, "library", "libnewsclean not found; build it (make) or "
                             "install it (make install), or set NEWSCLEAN_LIBRARY. Tried: "
                             + "; ".join(tried))


def library_version() -> str:
    """The loaded library's version string (nc_version_string())."""
    return _library().nc_version_string().decode("ascii")


def library_path() -> str:
    """Where the loaded library was found."""
    _library()
    return _lib_path or ""


def _error(lib: ctypes.CDLL, status: int) -> NewscleanError:
    return NewscleanError(status, STATUS_NAMES.get(status, "NC_ERR_%d" % status),
                          lib.nc_strerror(status).decode("utf-8", "replace"))


def _options_error(detail: str) -> NewscleanError:
    """NC_ERR_OPTIONS for a value the binding rejects before the call: the
    library's message for the status, then what was wrong."""
    message = "invalid options"
    if _lib is not None:
        message = _lib.nc_strerror(4).decode("utf-8", "replace")
    return NewscleanError(4, "NC_ERR_OPTIONS", "%s: %s" % (message, detail))


def _type_error(detail: str) -> NewscleanError:
    """NC_ERR_OPTIONS for an option of the wrong type (also a TypeError)."""
    e = _options_error(detail)
    return _ArgumentError(e.status, e.name, e.message)


def _hint(value: Optional[str], what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _type_error("%s must be a str or None, not %s" % (what, type(value).__name__))
    try:
        raw = value.encode("utf-8")
    except UnicodeEncodeError:
        raise _options_error("%s is not valid Unicode (a lone surrogate)" % what) from None
    if b"\0" in raw:
        raise _options_error("%s contains a NUL character" % what)
    return raw


def _options(lib: ctypes.CDLL, data_is_str: bool, input: str, language: Optional[str],
             encoding: Optional[str], recall_bias: float,
             max_input_bytes: Optional[int], max_blocks: Optional[int],
             max_depth: Optional[int], max_line_bytes: Optional[int],
             max_ms: Optional[int],
             url: Optional[str] = None, reference_date: Optional[str] = None) -> _Options:
    opts = _Options()
    lib.nc_options_init(ctypes.byref(opts))
    if not isinstance(input, str) or input not in _INPUT_KINDS:
        raise _options_error("input must be one of auto, text, html, not %r" % (input,))
    opts.input = _INPUT_KINDS[input]
    opts.language = _hint(language, "language")
    opts.url = _hint(url, "url")
    opts.reference_date = _hint(reference_date, "reference_date")
    # A str was encoded here as UTF-8: a stale <meta charset> must not win.
    opts.encoding = _hint(encoding if encoding is not None or not data_is_str
                          else "utf-8", "encoding")
    # A bool is an int to Python, but recall_bias=True is a mistake.
    if isinstance(recall_bias, bool) or not isinstance(recall_bias, (int, float)):
        raise _options_error("recall_bias must be a number from -1 to 1, not %r"
                             % (recall_bias,))
    try:
        opts.recall_bias = float(recall_bias)
    except OverflowError:  # an int too big for a double
        raise _options_error("recall_bias must be a number from -1 to 1, not %r"
                             % (recall_bias,)) from None
    for name, value in (("max_input_bytes", max_input_bytes), ("max_blocks", max_blocks),
                        ("max_depth", max_depth), ("max_line_bytes", max_line_bytes),
                        ("max_ms", max_ms)):
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _SIZE_MAX:
            raise _options_error("%s must be an int from 0 to %d, not %r"
                                 % (name, _SIZE_MAX, value))
        setattr(opts, name, value)  # 0 and too small values: the library says no
    return opts


def _as_bytes(data: Input) -> bytes:
    if isinstance(data, os.PathLike):
        raise TypeError("newsclean: got the path %r where the page's bytes or text belong; "
                        "pass the page itself, or use clean_file() / analyse_file()"
                        % os.fspath(data))
    if isinstance(data, str):
        if len(data) < 4096 and "\n" not in data and "<" not in data and os.path.isfile(data):
            raise ValueError("newsclean: %r is the name of a file, not a page; pass the "
                             "page's bytes, or use clean_file() / analyse_file()" % data)
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise _ArgumentError(1, "NC_ERR_ARGUMENT",
                         "input must be str or bytes, not %s" % type(data).__name__)


def _text(ptr: Optional[bytes]) -> str:
    return ptr.decode("utf-8", "replace") if ptr is not None else ""


def _meta(lib: ctypes.CDLL, r) -> Dict[str, List[MetaValue]]:
    """Every metadata field the result has, each value with its source."""
    meta = {}
    source = ctypes.c_int()
    for f in range(_NC_META_COUNT):
        values = []
        while True:
            ptr = lib.nc_result_meta(r, f, len(values), ctypes.byref(source))
            if ptr is None:
                break
            values.append(MetaValue(ptr.decode("utf-8", "replace"),
                                    _text(lib.nc_meta_source_name(source.value))))
        if values:
            meta[_text(lib.nc_meta_field_name(f))] = values
    return meta


def _run(data: Input, want_blocks: bool, **options) -> Result:
    lib = _library()
    raw = _as_bytes(data)
    opts = _options(lib, isinstance(data, str), **options)
    return _clean_raw(lib, raw, opts, want_blocks)


def _clean_raw(lib: ctypes.CDLL, raw: bytes, opts: _Options, want_blocks: bool,
               result_type=Result, **extra) -> Result:
    handle = ctypes.c_void_p()
    status = lib.nc_clean(raw, len(raw), ctypes.byref(opts), ctypes.byref(handle))
    if status != 0:
        raise _error(lib, status)
    r = handle.value
    try:
        paragraphs = []
        length = ctypes.c_size_t()
        for i in range(lib.nc_result_paragraph_count(r)):
            ptr = lib.nc_result_paragraph(r, i, ctypes.byref(length))
            paragraphs.append(ctypes.string_at(ptr, length.value).decode("utf-8", "replace")
                              if ptr else "")
        blocks = []
        if want_blocks:
            info = _BlockInfo()
            for i in range(lib.nc_result_block_count(r)):
                info.size = ctypes.sizeof(_BlockInfo)
                st = lib.nc_result_block(r, i, ctypes.byref(info))
                if st != 0:
                    raise _error(lib, st)
                blocks.append(Block(text=_text(info.text),
                                    label=_text(lib.nc_label_name(info.label)),
                                    reason=_text(lib.nc_reason_name(info.reason)),
                                    score=float(info.score), tag=_text(info.tag),
                                    heading_level=info.heading_level,
                                    list_depth=info.list_depth,
                                    list_ordered=bool(info.list_ordered),
                                    list_item=info.list_item, table_row=info.table_row,
                                    table_cell=info.table_cell,
                                    table_header=bool(info.table_header),
                                    quote=bool(info.quote), verbatim=bool(info.verbatim)))
        # clean() returns paragraphs only; analyse() and iter_warc()'s
        # JSON Lines objects carry the metadata.
        meta = _meta(lib, r) if want_blocks or result_type is not Result else {}
        title = lib.nc_result_title(r)
        return result_type(**extra, title=title.decode("utf-8", "replace") if title is not None else None,
                      language=_text(lib.nc_result_language(r)),
                      language_confidence=float(lib.nc_result_language_confidence(r)),
                      script=_text(lib.nc_result_script(r)),
                      encoding=_text(lib.nc_result_encoding(r)),
                      encoding_confidence=float(lib.nc_result_encoding_confidence(r)),
                      input=_KIND_NAMES.get(lib.nc_result_input_kind(r), "auto"),
                      flags=int(lib.nc_result_flags(r)),
                      repairs=int(lib.nc_result_repair_count(r)),
                      paragraphs=paragraphs, blocks=blocks, meta=meta)
    finally:
        lib.nc_result_free(r)


def clean(data: Input, *, input: str = "auto", language: Optional[str] = None,
          encoding: Optional[str] = None, recall_bias: float = 0.0,
          max_input_bytes: Optional[int] = None, max_blocks: Optional[int] = None,
          max_depth: Optional[int] = None, max_line_bytes: Optional[int] = None,
          max_ms: Optional[int] = None,
          url: Optional[str] = None, reference_date: Optional[str] = None) -> List[str]:
    """Cleans one page and returns its body paragraphs (headings included).

    data: the page as bytes (any charset; detected, or ``encoding``) or str.
    input: "auto" (look at the start), "text" or "html".
    language: a BCP-47 hint ("de", "zh"); None detects it.
    encoding: a charset hint ("windows-1251"); None detects it (a str is
        always passed as UTF-8).
    recall_bias: -1 (precise) .. 0 (balanced) .. +1 (keep more).
    max_input_bytes, max_blocks, max_depth, max_line_bytes: the limits of
        nc_options; None keeps the library's default.
    max_ms: a deadline in milliseconds (None or 0: none); past it the page
        is returned as far as it got, with FLAG_WORK_LIMIT in flags.
    url: the page's address, when known: the metadata's fallback canonical
        URL, and a date in its path.
    reference_date: when the page was fetched (ISO 8601, "2025-09-04"):
        relative dates ("3 hours ago") are read against it and no later
        date is taken; None ignores relative dates.

    Raises NewscleanError on every failure: a bad option (NC_ERR_OPTIONS:
    out of range, wrong type, an int past size_t, a lone surrogate in a
    hint) or a failed call (status name and message in the exception).
    Data or an option of the wrong type raises one that is also a
    TypeError.
    """
    return _run(data, False, input=input, language=language, encoding=encoding,
                recall_bias=recall_bias, max_input_bytes=max_input_bytes,
                max_blocks=max_blocks, max_depth=max_depth,
                max_line_bytes=max_line_bytes, max_ms=max_ms, url=url,
                reference_date=reference_date).paragraphs


def analyse(data: Input, *, input: str = "auto", language: Optional[str] = None,
            encoding: Optional[str] = None, recall_bias: float = 0.0,
            max_input_bytes: Optional[int] = None, max_blocks: Optional[int] = None,
            max_depth: Optional[int] = None, max_line_bytes: Optional[int] = None,
            max_ms: Optional[int] = None,
            url: Optional[str] = None, reference_date: Optional[str] = None) -> Result:
    """Cleans one page and returns everything found: a Result with title,
    language, language_confidence, script, encoding, encoding_confidence
    (1 when a BOM, hint, declaration or valid UTF-8 settled the charset;
    below 0.5 an unsure guess, FLAG_CHARSET_GUESSED when it may have garbled
    the text), input kind, flags, repairs, paragraphs, every block with its
    label and reason, and the metadata (meta: author, date, modified,
    site_name, url, description, image, section, tag, each value with its
    source; authors and date as shortcuts). Options and errors as for
    clean()."""
    return _run(data, True, input=input, language=language, encoding=encoding,
                recall_bias=recall_bias, max_input_bytes=max_input_bytes,
                max_blocks=max_blocks, max_depth=max_depth,
                max_line_bytes=max_line_bytes, max_ms=max_ms, url=url,
                reference_date=reference_date)


extract = analyse

# nc_options.record and nc_result_markdown's flags (include/newsclean.h).
_RECORD_LINKS, _RECORD_IMAGES = 0x1, 0x2
_MD_LINKS, _MD_IMAGES, _MD_COMMENTS = 0x1, 0x2, 0x4


def _markdown_of(lib: ctypes.CDLL, r: int, flags: int, url: Optional[bytes]) -> str:
    out, length = ctypes.c_void_p(), ctypes.c_size_t()
    st = lib.nc_result_markdown(r, flags, url, ctypes.byref(out), ctypes.byref(length))
    if st != 0:
        raise _error(lib, st)
    try:
        return ctypes.string_at(out.value, length.value).decode("utf-8", "replace")
    finally:
        lib.nc_free(out)


def markdown(data: Input, *, links: bool = False, images: bool = False,
             comments: bool = False, url: Optional[str] = None, input: str = "auto",
             language: Optional[str] = None, encoding: Optional[str] = None,
             recall_bias: float = 0.0, max_input_bytes: Optional[int] = None,
             max_blocks: Optional[int] = None, max_depth: Optional[int] = None,
             max_line_bytes: Optional[int] = None, max_ms: Optional[int] = None,
             reference_date: Optional[str] = None) -> str:
    """Cleans one page and returns its body as Markdown: headings ("## "),
    list items ("- ", "1. ", nested ones indented), tables ("| a | b |"),
    block quotes ("> "), <pre> text in a code fence; from plain text, the
    heading and list lines it shows. Markdown characters in the text are
    escaped with a backslash.

    links: links as [text](URL); images: images as ![alt](URL); their
        targets are resolved against <base href>, else url (the page's
        address), else the page's canonical link (a relative target stays
        relative when none is known).
    comments: the comment blocks instead of the body (never mixed in).
    Other options and errors as for clean().
    """
    lib = _library()
    raw = _as_bytes(data)
    opts = _options(lib, isinstance(data, str), input, language, encoding, recall_bias,
                    max_input_bytes, max_blocks, max_depth, max_line_bytes, max_ms,
                    url=url, reference_date=reference_date)
    opts.record = (_RECORD_LINKS if links else 0) | (_RECORD_IMAGES if images else 0)
    flags = ((_MD_LINKS if links else 0) | (_MD_IMAGES if images else 0) |
             (_MD_COMMENTS if comments else 0))
    handle = ctypes.c_void_p()
    status = lib.nc_clean(raw, len(raw), ctypes.byref(opts), ctypes.byref(handle))
    if status != 0:
        raise _error(lib, status)
    try:
        return _markdown_of(lib, handle.value, flags, _hint(url, "url"))
    finally:
        lib.nc_result_free(handle.value)


def _names(name_of) -> List[str]:
    """The names name_of gives for 0, 1, ... up to its first "unknown": the
    library's own list, so a library newer than this module is read whole."""
    out = []
    while len(out) < 1000:
        name = name_of(len(out)).decode("ascii")
        if name == "unknown":
            break
        out.append(name)
    return out


def labels() -> List[str]:
    """Every label name, in nc_label order ("body", "title", ...)."""
    return _names(_library().nc_label_name)


def reasons() -> List[str]:
    """Every reason name, in nc_reason order ("model", ...)."""
    return _names(_library().nc_reason_name)


def _read_page_file(path, max_input_bytes: Optional[int]) -> bytes:
    """The file's bytes; a gzip file (told by its bytes, not its name) is
    read as the page it holds, at most max_input_bytes + 1 of it."""
    limit = (max_input_bytes if max_input_bytes is not None else 256 << 20) + 1
    with open(path, "rb") as f:
        magic = f.read(2)
        f.seek(0)
        if magic == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=f) as g:
                return g.read(limit)
        return f.read()


def clean_file(path, **options) -> List[str]:
    """clean() of the page in the file at path (a str or os.PathLike);
    gzipped files are read as the page they hold, as the CLI reads them.
    Options as for clean(); OSError when the file cannot be read."""
    return clean(_read_page_file(path, options.get("max_input_bytes")), **options)


def analyse_file(path, **options) -> Result:
    """analyse() of the page in the file at path, read as clean_file does."""
    return analyse(_read_page_file(path, options.get("max_input_bytes")), **options)


def _warc_problem(errors: str, error: NewscleanError) -> None:
    if errors == "raise":
        raise error
    if errors == "warn":
        warnings.warn(str(error), RuntimeWarning, stacklevel=3)


def iter_warc(path, *, explain: bool = False, errors: str = "warn", input: str = "auto",
              language: Optional[str] = None, encoding: Optional[str] = None,
              recall_bias: float = 0.0, max_record_bytes: int = 0,
              **limits) -> Iterator[WarcResult]:
    """Yields a WarcResult for every page of the WARC or WET file at path,
    one record at a time, as `newsclean --warc` writes them: HTTP
    responses and resource records whose media type is HTML or plain text
    (their HTTP charset the encoding hint) and WET conversion records.
    Other records are skipped. Plain or gzipped files (one member a record,
    or one for the whole file) read alike; memory is bounded by the largest
    record.

    explain: fill each result's blocks (labels and reasons).
    errors: what a broken record or a page that cannot be cleaned does:
        "warn" (a RuntimeWarning, and the reading goes on; the default),
        "raise" (NewscleanError, NC_ERR_WARC for a broken record) or
        "ignore".
    input, language, encoding, recall_bias and the limits as for clean();
        an encoding given here wins over the records' charsets.
    max_record_bytes: a larger record is skipped as broken (0: 256 MiB).
    """
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError("errors must be 'warn', 'raise' or 'ignore', not %r" % (errors,))
    lib = _library()
    name = os.fspath(path)
    handle = ctypes.c_void_p()
    status = lib.nc_warc_open(os.fsencode(name), max_record_bytes, ctypes.byref(handle))
    if status == 9:
        raise OSError("newsclean: cannot open %s" % name)
    if status != 0:
        raise _error(lib, status)
    opts = _options(lib, False, input=input, language=language, encoding=encoding,
                    recall_bias=recall_bias, **{k: limits.get(k) for k in (
                        "max_input_bytes", "max_blocks", "max_depth", "max_line_bytes", "max_ms")})
    user_input, user_encoding = opts.input, opts.encoding
    try:
        rec_ptr = ctypes.POINTER(_WarcRecord)()
        while True:
            status = lib.nc_warc_next(handle, ctypes.byref(rec_ptr))
            if status != 0:
                message = _text(lib.nc_warc_error(handle))
                _warc_problem(errors, NewscleanError(status, STATUS_NAMES.get(status, "?"),
                                                     "%s: %s" % (name, message)))
                if status == 10:
                    continue
                return
            if not rec_ptr:
                return
            rec = rec_ptr.contents
            if rec.skip is not None:
                continue
            page = ctypes.string_at(rec.payload, rec.payload_length)
            source = dict(file=name, uri=_text(rec.target_uri), record_id=_text(rec.record_id),
                          date=_text(rec.date), record_type=_text(rec.type),
                          offset=int(rec.offset),
                          truncated=None if rec.truncated is None else _text(rec.truncated))
            opts.input = user_input if user_input != 0 else rec.input
            opts.encoding = user_encoding if user_encoding is not None else rec.charset
            try:
                try:
                    result = _clean_raw(lib, page, opts, explain, WarcResult, **source)
                except NewscleanError as e:
                    if e.status != 5 or user_encoding is not None or rec.charset is None:
                        raise
                    opts.encoding = None  # an unknown charset name: detect instead
                    result = _clean_raw(lib, page, opts, explain, WarcResult, **source)
            except NewscleanError as e:
                _warc_problem(errors, NewscleanError(e.status, e.name, "%s: record at byte "
                                                     "%d (%s): %s" % (name, source["offset"],
                                                                      source["uri"], e.message)))
                continue
            yield result
    finally:
        lib.nc_warc_close(handle)


def jsonl_object(result: Result, explain: bool = False) -> dict:
    """The JSON Lines object `newsclean --format jsonl` writes for a result
    (schema JSONL_SCHEMA): a WarcResult's source has its record's fields.
    Serialise with json.dumps(obj, ensure_ascii=False)."""
    source = {"file": getattr(result, "file", "")}
    if isinstance(result, WarcResult):
        source.update(uri=result.uri, record_id=result.record_id, date=result.date,
                      type=result.record_type, offset=result.offset)
        if result.truncated is not None:
            source["truncated"] = result.truncated
    obj = {"schema": JSONL_SCHEMA, "source": source, "title": result.title,
           "language": result.language,
           "language_confidence": round(result.language_confidence, 3),
           "script": result.script, "encoding": result.encoding,
           "encoding_confidence": round(result.encoding_confidence, 3), "input": result.input,
           "flags": result.flags, "repairs": result.repairs,
           "paragraphs": list(result.paragraphs),
           "meta": {name: [{"value": m.value, "source": m.source} for m in values]
                    for name, values in result.meta.items()}}
    if explain:
        obj["blocks"] = [{"text": b.text, "label": b.label, "reason": b.reason,
                          "score": round(b.score, 3), "tag": b.tag} for b in result.blocks]
    return obj
