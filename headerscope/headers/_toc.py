"""Every registered field, by topic. Each helper group keeps its own list while the registry
grows; the lists are concatenated here in a fixed order."""

from typing import Any

from ._spec import FieldSpec
from ._toc_content import CONTENT_SPECS
from ._toc_identity import IDENTITY_SPECS
from ._toc_security import SECURITY_SPECS
from ._toc_structured import STRUCTURED_SPECS
from ._toc_tier2_classic import TIER2_CLASSIC_SPECS
from ._toc_tier2_structured import TIER2_STRUCTURED_SPECS

SPECS: list[FieldSpec[Any]] = [
    *CONTENT_SPECS,
    *SECURITY_SPECS,
    *IDENTITY_SPECS,
    *STRUCTURED_SPECS,
    *TIER2_CLASSIC_SPECS,
    *TIER2_STRUCTURED_SPECS,
]
