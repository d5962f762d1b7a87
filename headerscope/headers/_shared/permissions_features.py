"""The policy-controlled features browsers recognise in Permissions-Policy (W3C Permissions
Policy features.md, and Chromium's permissions_policy_features.json5), and the removed ones.
"""

FEATURES = frozenset({
    "accelerometer", "all-screens-capture", "ambient-light-sensor", "attribution-reporting",
    "autofill", "autoplay", "bluetooth", "browsing-topics", "camera",
    "captured-surface-control", "ch-device-memory", "ch-downlink", "ch-dpr", "ch-ect",
    "ch-prefers-color-scheme", "ch-prefers-reduced-motion",
    "ch-prefers-reduced-transparency", "ch-rtt", "ch-save-data", "ch-ua", "ch-ua-arch",
    "ch-ua-bitness", "ch-ua-form-factors", "ch-ua-full-version", "ch-ua-full-version-list",
    "ch-ua-high-entropy-values", "ch-ua-mobile", "ch-ua-model", "ch-ua-platform",
    "ch-ua-platform-version", "ch-ua-wow64", "ch-viewport-height", "ch-viewport-width",
    "ch-width", "clipboard-read", "clipboard-write", "compute-pressure", "controlled-frame",
    "cross-origin-isolated", "deferred-fetch", "deferred-fetch-minimal",
    "digital-credentials-create", "digital-credentials-get", "direct-sockets",
    "display-capture", "document-domain", "encrypted-media", "execution-while-not-rendered",
    "execution-while-out-of-viewport", "fenced-unpartitioned-storage-read",
    "focus-without-user-activation", "fullscreen", "gamepad", "geolocation", "gyroscope",
    "hid", "identity-credentials-get", "idle-detection", "join-ad-interest-group",
    "keyboard-map", "language-detector", "language-model", "local-fonts",
    "local-network-access", "magnetometer", "microphone", "midi", "navigation-override",
    "on-device-speech-recognition", "otp-credentials", "payment", "picture-in-picture",
    "popins", "private-aggregation", "private-state-token-issuance",
    "private-state-token-redemption", "publickey-credentials-create",
    "publickey-credentials-get", "rewriter", "run-ad-auction", "screen-wake-lock", "serial",
    "shared-autofill", "shared-storage", "shared-storage-select-url", "smart-card",
    "speaker-selection", "storage-access", "summarizer", "sync-xhr", "translator", "unload",
    "usb", "usb-unrestricted", "vertical-scroll", "web-printing", "web-share",
    "window-management", "writer", "xr-spatial-tracking"})
REMOVED = {
    "interest-cohort": "FLoC was withdrawn, and browsers report interest-cohort as an "
                       "unrecognized feature; remove it",
    "vr": "renamed xr-spatial-tracking; browsers ignore vr",
    "wake-lock": "renamed screen-wake-lock; browsers ignore wake-lock",
    "speaker": "renamed speaker-selection; browsers ignore speaker",
}
