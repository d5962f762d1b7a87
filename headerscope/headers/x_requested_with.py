"""X-Requested-With: de facto marker of a script-initiated request ("XMLHttpRequest", set by
jQuery and others), or, from Android WebViews, the embedding app's package name.

    X-Requested-With = token
"""

from ._shared.families import token_field

X_REQUESTED_WITH = token_field("X-Requested-With", "de facto (jQuery; Android WebView)",
                               lower=False, example="XMLHttpRequest")
