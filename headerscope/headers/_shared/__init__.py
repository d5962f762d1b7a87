"""What the field modules share, kept apart from them: every module of `headers/` but
`__init__.py` (the registry) and `sf/` (Structured Fields) is one field's or one family's unit.

The machinery:
    spec.py        FieldSpec, Registry, Diagnostic, ParsedField: what a field declares
    value.py       @value_type: the frozen, slotted dataclass every value type is
    frozen.py      FrozenDict: the immutable mapping parsed values hold (shared by the cache)
    types.py       the value types several fields share (MediaType, EntityTag, QualityItem, ...)
    json.py        to_json: the JSON form of every value
    section.py     a whole field section: every line in order, the combined value per field

The families (grammar several fields share, beyond grammar/'s core rules):
    families.py    int_field, date_field, token_list_field, ...: most fields are one call
    content.py     media types, parameters, weights, directives, list lints (RFC 9110, 5.6, 12)
    dates.py       HTTP-date (RFC 9110, 5.6.7); cookie_date.py: RFC 6265's cookie-date
    auth.py        challenges and credentials (RFC 9110, 11)
    uri.py, host.py   URI references, origins, hosts (RFC 3986, 6454)
    rfc8187.py     extended parameter values (charset'lang'pct-encoded)
    sf_family.py, sf_values.py   fields defined as Structured Fields: one call each, checks
    json_field.py  fields whose value is JSON (Report-To, NEL)
    permissions_features.py   the feature names Permissions-Policy knows
"""
