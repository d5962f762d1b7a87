"""The known classes of disagreement: what a peer (or headerscope) does, and who is right.

Each class quotes the sentence or the grammar that decides. "right" says whom the reference
supports: "headerscope", the peer, or "either" where the specification allows both readings
(a MAY); parsers that differ where either is allowed are still the stuff of smuggling.
A difference whose class is not in this table is shown as unexplained, never guessed.
"""

from __future__ import annotations

from ._known_framing import FRAMING_CLASSES
from ._model import Known

_DATE_RULE = ('IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT; "HTTP-date is case '
              'sensitive"; and "Recipients of timestamp values are encouraged to be robust in '
              'parsing timestamps unless otherwise restricted by the field definition."')

_TABLE = (
    # -- werkzeug --------------------------------------------------------------------------
    Known("werkzeug-q-range", "werkzeug",
          "werkzeug drops a member whose weight is above 1 or not a number, and accepts more "
          "than three decimals; headerscope rejects the field",
          "RFC 9110, 12.4.2",
          'qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )', "headerscope"),
    Known("accept-ext", "werkzeug",
          "a parameter after the weight: werkzeug makes it a media type parameter (another "
          "media range); headerscope keeps it apart as an accept-ext, as RFC 7231 did",
          "RFC 9110, 12.5.1",
          "Accept = #( media-range [ weight ] ): RFC 9110 has no parameter after the weight "
          "(RFC 7231, 5.3.2 had accept-ext)",
          "neither is RFC 9110's reading; headerscope follows RFC 7231"),
    Known("werkzeug-lenient-list", "werkzeug",
          "werkzeug keeps (or silently skips) list members outside the field's grammar: a "
          "type without a subtype, parameters where none are allowed, a malformed tag",
          "RFC 9110, 5.6.1",
          "each list field's members follow its grammar; only empty members are to be ignored "
          '("a recipient MUST accept empty list elements")', "headerscope"),
    Known("werkzeug-duplicate-directive", "werkzeug",
          "werkzeug keeps the last of a repeated directive (a dict); headerscope keeps each",
          "RFC 9111, 4.2.1",
          '"When there is more than one value present for a given directive (e.g., two '
          "Expires header field lines or multiple Cache-Control: max-age directives), either "
          'the first occurrence should be used or the response should be considered stale."',
          "headerscope: the last occurrence is neither of the two allowed readings"),
    Known("werkzeug-directive-arguments", "werkzeug",
          "werkzeug keeps a directive's argument as unchecked text (max-age=abc) and skips "
          "malformed directives",
          "RFC 9111, 5.2 and 1.2.2",
          "max-age = delta-seconds; delta-seconds = 1*DIGIT", "headerscope"),
    Known("werkzeug-options-lenient", "werkzeug",
          "parse_options_header reads a type without a subtype, skips a parameter without "
          "'=', and keeps the last of a repeated parameter",
          "RFC 9110, 8.3.1 and 5.6.6",
          'media-type = type "/" subtype parameters; parameter = parameter-name "=" '
          "parameter-value", "headerscope"),
    Known("werkzeug-etag", "werkzeug",
          "werkzeug reads an entity tag without its double quotes, a lower-case 'w/', and "
          "characters etagc excludes; it lists '*' beside tags, and If-Range loses 'W/'",
          "RFC 9110, 8.8.3 and 13.1.5",
          'entity-tag = [ weak ] opaque-tag; weak = %s"W/"; opaque-tag = DQUOTE *etagc '
          'DQUOTE; If-Range: "A client MUST NOT generate an If-Range header field containing '
          'an entity tag that is marked as weak."', "headerscope"),
    Known("range-empty-member", "werkzeug",
          "werkzeug refuses a range set with an empty member ('bytes=0-1,')",
          "RFC 9110, 5.6.1.2",
          '"a recipient MUST parse and ignore a reasonable number of empty list elements"',
          "headerscope"),
    Known("werkzeug-other-unit", "werkzeug",
          "werkzeug reads the ranges of any unit as byte positions; headerscope keeps an "
          "other-range as sent, since its meaning belongs to its unit",
          "RFC 9110, 14.1", "other-range = 1*( %x21-2B / %x2D-7E )", "headerscope"),
    Known("content-range-invalid", "werkzeug",
          "werkzeug accepts a complete length at or below the last position",
          "RFC 9110, 14.4",
          '"A Content-Range field value is invalid if it contains a range-resp that has a '
          "last-pos value less than its first-pos value, or a complete-length value less "
          'than or equal to its last-pos value."', "headerscope"),
    Known("werkzeug-length-zero", "werkzeug",
          "get_content_length reads an invalid or negative Content-Length as 0",
          "RFC 9112, 6.3",
          '"If a message is received without Transfer-Encoding and with an invalid '
          "Content-Length header field, then the message framing is invalid and the "
          'recipient MUST treat it as an unrecoverable error"', "headerscope"),
    Known("werkzeug-one-challenge", "werkzeug",
          "WWWAuthenticate.from_header reads one challenge: the next challenge's scheme "
          "becomes a parameter name of the first",
          "RFC 9110, 11.6.1", "WWW-Authenticate = #challenge", "headerscope"),
    Known("werkzeug-auth-lenient", "werkzeug",
          "Authorization.from_header accepts a token68 with spaces in it, and Basic "
          "credentials without ':' between user-id and password",
          "RFC 9110, 11.4; RFC 7617, 2",
          "credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]; "
          'user-pass = user-id ":" password', "headerscope"),
    Known("werkzeug-one-policy", "werkzeug",
          "parse_csp_header reads one policy: after a comma, the next policy becomes part of "
          "a directive's value", "CSP3, 3.1",
          "Content-Security-Policy = 1#serialized-policy", "headerscope"),
    Known("werkzeug-cookie-drops", "werkzeug",
          "parse_cookie skips a pair its pattern does not match (a double quote inside the "
          "value, a space in it)", "RFC 6265bis, 5.6",
          "the cookie-string is split on ';' and each name-value-pair kept; the browser sent "
          "every one of those pairs", "headerscope"),
    Known("werkzeug-name-case", "werkzeug",
          "werkzeug keeps names as sent where they are case-insensitive (auth-param names, "
          "CSP directive names), so its lookups by the lower-case name miss them",
          "RFC 9110, 11.2; CSP3, 2.2",
          '"The parameter name is matched case-insensitively"; CSP3 lower-cases directive '
          "names when it parses a policy", "headerscope"),
    Known("werkzeug-rfc2231", "werkzeug",
          "werkzeug reads any parameter whose name ends in '*' as RFC 2231 encoded, and "
          "drops the '*', even for a quoted value", "RFC 8187, 3.2",
          "ext-value = charset \"'\" [ language ] \"'\" value-chars: never a quoted-string; "
          "and only a field's definition makes a '*' parameter mean one", "headerscope"),
    Known("werkzeug-csp-drops", "werkzeug",
          "parse_csp_header drops a directive that has no value", "CSP3, 2.2.1",
          "a directive with no value is kept, with an empty set of values", "headerscope"),
    Known("werkzeug-csp-whitespace", "werkzeug",
          "parse_csp_header ends a directive name at a space only: a tab stays inside the "
          "name", "CSP3, 2.2.1",
          "the directive name is the leading sequence of code points that are not ASCII "
          "whitespace (tab included)", "headerscope"),
    Known("werkzeug-host-chars", "werkzeug",
          "get_host refuses characters RFC 3986 allows in a host name ('~', '_', '!', '$', "
          "...) and returns '' for the whole Host", "RFC 3986, 3.2.2",
          "reg-name = *( unreserved / pct-encoded / sub-delims )", "headerscope"),
    Known("python-int", "werkzeug",
          "werkzeug reads the number with Python's int(), which skips any Unicode whitespace "
          "around it (a no-break space, a form feed)", "RFC 9111, 1.2.2",
          "delta-seconds = 1*DIGIT", "headerscope"),
    Known("basic-charset", "werkzeug",
          "werkzeug decodes Basic credentials as UTF-8 and refuses others; headerscope falls "
          "back to ISO-8859-1", "RFC 7617, 2.1",
          "without charset=\"UTF-8\" in the challenge, the encoding of user-pass is not "
          "specified", "either"),
    Known("salvaged", "werkzeug, stdlib",
          "the peer keeps what it could read of a value headerscope refuses as a whole (it "
          "skips the bad part, or stops there)", "RFC 9110, 5.5",
          'field-value = *field-content: "Field values containing CR, LF, or NUL characters '
          'are invalid and dangerous"; other controls are outside field-vchar too',
          "headerscope by the grammar; what a lenient peer keeps is where two parsers part"),
    # -- dates (werkzeug wraps email.utils) ------------------------------------------------
    Known("lenient-date-zone", "werkzeug, stdlib",
          "the peer reads a zone other than GMT (+0200, PST, UT, Z) and shifts the time",
          "RFC 9110, 5.6.7", _DATE_RULE,
          "either: outside the grammar, but robustness is encouraged"),
    Known("lenient-date-form", "werkzeug, stdlib",
          "the peer reads forms outside the three HTTP-date forms (no day name, lower case, "
          "a two-digit year in the IMF form, one-digit day, no seconds, no zone)",
          "RFC 9110, 5.6.7", _DATE_RULE,
          "either: outside the grammar, but robustness is encouraged"),
    Known("leap-second", "werkzeug, stdlib",
          "email.utils refuses second 60; headerscope reads it (as :59: datetime has no "
          "leap seconds)", "RFC 9110, 5.6.7",
          'time-of-day = hour ":" minute ":" second; "00:00:00 - 23:59:60 (leap second)"',
          "headerscope"),
    Known("stdlib-two-digit-year", "werkzeug, stdlib",
          "email.utils reads a two-digit year with the POSIX pivot (69-99 are 19xx); RFC 9110 "
          "pivots on the current year", "RFC 9110, 5.6.7",
          '"Recipients of a timestamp value in rfc850-date format, which uses a two-digit '
          "year, MUST interpret a timestamp that appears to be more than 50 years in the "
          "future as representing the most recent year in the past that had the same last "
          'two digits."', "headerscope"),
    Known("stdlib-naive-date", "stdlib",
          "parsedate_to_datetime returns a time without a zone for asctime dates and for "
          "'-0000'", "RFC 9110, 5.6.7",
          '"An HTTP-date value represents time as an instance of Coordinated Universal Time '
          '(UTC)."', "headerscope"),
    # -- cookies ---------------------------------------------------------------------------
    Known("cookie-dquote", "werkzeug, stdlib",
          "the peer strips the double quotes around a cookie value (and unescapes inside); "
          "headerscope keeps them as part of the value, as browsers store and send them",
          "RFC 6265, 4.1.1 and 5.2",
          "cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE ); the user agent "
          "algorithm (5.2) keeps the quotes in the value", "headerscope"),
    Known("cookie-no-equals", "werkzeug",
          "a pair without '=': werkzeug makes it a name with an empty value; browsers make it "
          "a value with an empty name", "RFC 6265bis, 5.6",
          '"If the name-value-pair string lacks a %x3D ("=") character, then the name string '
          'is empty, and the value string is the value of name-value-pair."', "headerscope"),
    Known("cookie-duplicate-name", "stdlib",
          "SimpleCookie keeps only the last of two cookies with the same name",
          "RFC 6265, 4.2.2",
          '"if the Cookie header contains two cookies with the same name (e.g., that were '
          "set with different Path or Domain attributes), servers SHOULD NOT rely upon the "
          'order in which these cookies appear in the header."',
          "headerscope: keeping one of them is the reliance the RFC warns against"),
    Known("simplecookie-dollar", "stdlib",
          "SimpleCookie drops names that start with '$' ($Version, $Path: RFC 2109's "
          "attributes), so the cookie a browser sent disappears", "RFC 6265, 4.2.1",
          'cookie-string = cookie-pair *( ";" SP cookie-pair )', "headerscope"),
    Known("simplecookie-reserved", "stdlib",
          "SimpleCookie reads a cookie named like an attribute (path, domain, expires, ...) "
          "as an attribute of the previous cookie, or drops the whole header when it comes "
          "first", "RFC 6265, 4.2.1",
          'cookie-string = cookie-pair *( ";" SP cookie-pair ): a Cookie header carries no '
          "attributes", "headerscope"),
    Known("simplecookie-drops", "stdlib",
          "SimpleCookie silently drops every pair from the first one it cannot read (a "
          "space, JSON, a backslash, a byte above 0x7E, a pair without '=')",
          "RFC 6265bis, 5.6",
          "the cookie-string is split on ';' and each name-value-pair kept; the browser sent "
          "every one of those pairs", "headerscope"),
    Known("simplecookie-splits", "stdlib",
          "SimpleCookie ends a value at a space and reads what follows as another cookie "
          "(or drops it): 'a=b c=d' is two cookies to it, one to the browser that sent it",
          "RFC 6265, 4.2.1",
          'cookie-string = cookie-pair *( ";" SP cookie-pair ): only ";" separates pairs',
          "headerscope"),
    Known("simplecookie-raises", "stdlib",
          "SimpleCookie raises CookieError on a name outside its legal characters, and the "
          "whole header is lost", "RFC 6265bis, 5.6",
          "a user agent stores and sends any name without ';', '=' or controls",
          "headerscope"),
    Known("simplecookie-set-cookie-attribute", "stdlib",
          "SimpleCookie reads an attribute it does not know (Partitioned, an extension) as a "
          "second cookie or drops the line, and keeps Max-Age and Expires unchecked",
          "RFC 6265, 5.2",
          "an attribute the user agent does not recognize is ignored: it never starts a "
          "new cookie", "headerscope"),
    # -- other standard library parsers ----------------------------------------------------
    Known("email-default-type", "stdlib",
          "email.message substitutes text/plain for a Content-Type it cannot read and keeps "
          "parameters without a value", "RFC 9110, 8.3.1",
          'media-type = type "/" subtype parameters (text/plain is email\'s default, RFC '
          "2045, 5.2, not HTTP's)", "headerscope"),
    Known("urlsplit-lenient", "stdlib",
          "urlsplit accepts what RFC 3986 forbids (spaces and other characters in a host, "
          "'@' in a Host field, which it reads as userinfo) and checks no scheme",
          "RFC 3986, 3.2.2; RFC 9110, 7.2",
          'Host = uri-host [ ":" port ]; reg-name = *( unreserved / pct-encoded / sub-delims )',
          "headerscope"),
    Known("ipaddress-xff", "stdlib",
          "ipaddress reads bare addresses only: a port, brackets, 'unknown' or an obfuscated "
          "identifier is an error", "RFC 7239, 6 (X-Forwarded-For has no specification)",
          'node = nodename [ ":" node-port ]; nodename = IPv4address / "[" IPv6address "]" / '
          '"unknown" / obfnode', "either: no specification governs X-Forwarded-For"),
    # -- http-sf ---------------------------------------------------------------------------
    Known("sf-field-rules", "http-sf",
          "a valid Structured Field (http-sf reads it) that breaks the field's own rules, "
          "which headerscope checks", "RFC 9651, 2.2",
          '"When field-specific constraints are violated, the entire field is also ignored, '
          'unless the field definition defines other handling requirements."', "headerscope"),
    Known("sf-date-range", "http-sf",
          "http-sf holds a Date in a datetime, so it refuses Dates past the year 9999 (or "
          "before 1) that RFC 9651 allows", "RFC 9651, 3.3.7 and 4.2.10",
          '"Dates have a data model that is similar to Integers"; an Integer is at most 15 '
          "digits (-999,999,999,999,999 to 999,999,999,999,999)", "headerscope"),
    Known("sf-base64", "http-sf",
          "http-sf decodes a Byte Sequence with Python's lenient base64 (surplus '=' "
          "padding passes)", "RFC 9651, 4.2.7",
          '"Let binary_content be the result of base64-decoding [RFC4648] b64_content, '
          'synthesizing padding if necessary ... If base64 decoding fails, parsing fails."',
          "headerscope"),
)

KNOWN: dict[str, Known] = {k.key: k for k in (*_TABLE, *FRAMING_CLASSES)}
