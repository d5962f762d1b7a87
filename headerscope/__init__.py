"""headerscope: an HTTP debug server and header inspector.

Every request field is parsed into a native value by the field registry
(`headerscope.headers`), and pages are built as SXML trees (`headerscope.sxml`).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
