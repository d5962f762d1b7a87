"""Representation, negotiation, conditional requests, ranges, caching and dates."""

from typing import Any

from ._spec import FieldSpec
from .accept import ACCEPT
from .accept_charset import ACCEPT_CHARSET
from .accept_encoding import ACCEPT_ENCODING
from .accept_language import ACCEPT_LANGUAGE
from .accept_ranges import ACCEPT_RANGES
from .age import AGE
from .allow import ALLOW
from .cache_control import CACHE_CONTROL
from .content_disposition import CONTENT_DISPOSITION
from .content_encoding import CONTENT_ENCODING
from .content_language import CONTENT_LANGUAGE
from .content_length import CONTENT_LENGTH
from .content_md5 import CONTENT_MD5
from .content_range import CONTENT_RANGE
from .content_type import CONTENT_TYPE
from .dates import DATE, EXPIRES, IF_MODIFIED_SINCE, IF_UNMODIFIED_SINCE, LAST_MODIFIED
from .etags import ETAG, IF_MATCH, IF_NONE_MATCH
from .expect import EXPECT
from .if_range import IF_RANGE
from .max_forwards import MAX_FORWARDS
from .pragma import PRAGMA
from .range import RANGE
from .retry_after import RETRY_AFTER
from .te import TE
from .trailer import TRAILER
from .transfer_encoding import TRANSFER_ENCODING
from .vary import VARY
from .warning import WARNING

CONTENT_SPECS: list[FieldSpec[Any]] = [
    ACCEPT,
    ACCEPT_CHARSET,
    ACCEPT_ENCODING,
    ACCEPT_LANGUAGE,
    ACCEPT_RANGES,
    AGE,
    ALLOW,
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_LENGTH,
    CONTENT_MD5,
    CONTENT_RANGE,
    CONTENT_TYPE,
    DATE,
    ETAG,
    EXPECT,
    EXPIRES,
    IF_MATCH,
    IF_MODIFIED_SINCE,
    IF_NONE_MATCH,
    IF_RANGE,
    IF_UNMODIFIED_SINCE,
    LAST_MODIFIED,
    MAX_FORWARDS,
    PRAGMA,
    RANGE,
    RETRY_AFTER,
    TE,
    TRAILER,
    TRANSFER_ENCODING,
    VARY,
    WARNING,
]
