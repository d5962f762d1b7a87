"""Origin-Agent-Cluster: keep this origin's documents in an agent cluster of their own.

WHATWG HTML, "Origin-keyed agent clusters". A Structured Field Item:

    Origin-Agent-Cluster = sf-boolean   ; ?1 asks for an origin-keyed agent cluster

The browser reads the field with "get a structured field value ... "item"" and acts only on
a Boolean: "If ... the result ... is true". Any other type is an error (the request for
isolation is lost without a word); ?0 is legal, and asks for a site-keyed cluster.
"""

from ._shared.sf_family import boolean_item_field

ORIGIN_AGENT_CLUSTER = boolean_item_field(
    "Origin-Agent-Cluster", "WHATWG HTML, Origin-keyed agent clusters", example="?1")
