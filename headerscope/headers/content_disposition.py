"""Content-Disposition: show inline, or save as an attachment, and under which name (RFC 6266).

    content-disposition = "Content-Disposition" ":" disposition-type *( ";" disposition-parm )
    disposition-type    = "inline" / "attachment" / disp-ext-type   ; case-insensitive
    disposition-parm    = filename-parm / disp-ext-parm
    filename-parm       = "filename" "=" value / "filename*" "=" ext-value
    disp-ext-parm       = token "=" value / ext-token "=" ext-value

"when both "filename" and "filename*" are present in a single header field value, recipients
SHOULD pick "filename*" and ignore "filename"" (4.3): both are kept, and `preferred_filename`
is the one to use.
"""

from collections.abc import Iterator

from ..grammar import Cursor, quote
from ._shared.content import parse_parameters, write_parameters
from ._shared.frozen import EMPTY, frozen
from ._shared.json import JSON, to_json
from ._shared.rfc8187 import ExtValue, charset_note, write_ext_value
from ._shared.spec import Diagnostic, FieldSpec
from ._shared.types import Params
from ._shared.value import value_type


@value_type
class ContentDisposition:
    type: str  # lower-cased: "inline", "attachment" or an extension type
    filename_ext: ExtValue | None = None  # filename* (RFC 8187): preferred when present
    filename: str | None = None  # plain filename: the fallback for older recipients
    params: Params = EMPTY  # the other parameters, in order

    @property
    def preferred_filename(self) -> str | None:
        ext = self.filename_ext
        if ext is None or (not ext.decoded and self.filename is not None):
            return self.filename  # no filename*, or one in a charset not decoded here
        return ext.text

    def __json__(self) -> JSON:
        return {"type": self.type, "preferred_filename": self.preferred_filename,
                "filename_ext": to_json(self.filename_ext), "filename": self.filename,
                "params": to_json(self.params)}


def parse(raw: str) -> ContentDisposition:
    cur = Cursor(raw)
    kind = cur.token("a disposition type such as attachment or inline").lower()
    # 4.1: "disp-ext-parm = token "=" value / ext-token "=" ext-value": name* are ext-values
    params = parse_parameters(cur, ext_values=True)
    cur.expect_end()
    ext, plain = params.get("filename*"), params.get("filename")
    if ext is not None or plain is not None:  # the rest, in order, as a map of their own
        params = frozen([(k, v) for k, v in params.items() if k not in _FILENAMES])
    return ContentDisposition(kind, ext if isinstance(ext, ExtValue) else None,
                              plain if isinstance(plain, str) else None, params)


_FILENAMES = ("filename*", "filename")


def write(value: ContentDisposition) -> str:
    text = value.type
    if value.filename is not None:
        text += f";filename={quote(value.filename)}"
    if value.filename_ext is not None:  # after the fallback, as RFC 6266's examples do
        text += f";filename*={write_ext_value(value.filename_ext)}"
    return text + write_parameters(value.params)


def lint(value: ContentDisposition, raw: str) -> Iterator[Diagnostic]:
    name = value.preferred_filename or ""
    at = raw.lower().find("filename")
    where = at if at >= 0 else None
    if "/" in name or "\\" in name:
        yield Diagnostic("the file name contains a path separator: recipients MUST NOT "
                         "write outside the location they are entitled to", where)
    if value.filename_ext is None and not (value.filename or "").isascii():
        yield Diagnostic("non-ASCII filename: recipients decode it inconsistently; add a "
                         "filename* parameter (RFC 8187)", where)
    exts = {"filename*": value.filename_ext, **value.params}
    lowered = raw.lower() if any(isinstance(v, ExtValue) and v.charset != "UTF-8"
                                 for v in exts.values()) else ""
    for name, ext in exts.items():
        note = charset_note(ext) if isinstance(ext, ExtValue) else None
        if note is not None:
            at = lowered.find(f"{name}=")
            yield Diagnostic(f"{name}: {note}", at if at >= 0 else None)


CONTENT_DISPOSITION = FieldSpec(
    "Content-Disposition", parse, write, "RFC 6266", lint=lint,
    value_type="ContentDisposition",
    example="attachment; filename=\"EURO rates.txt\"; filename*=UTF-8''%e2%82%ac%20rates.txt",
)
