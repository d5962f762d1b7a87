"""Hostile input and load, measured (issue 6): the figures behind tests/reliability/.

    .venv/bin/python -m benchmarks.stress                 # every part, full sizes, one table
    .venv/bin/python -m benchmarks.stress --only slow,soak --soak 200000
    .venv/bin/python -m benchmarks.stress --quick         # CI-like sizes, a few minutes

Each part starts the real server (`headerscope serve`, make_app()) in its own process on a
free port of 127.0.0.1, drives it with the clients of tests/reliability/ (reused, so the
tests and the figures measure the same thing), and stops it; each part is bounded in time.
Latency targets live here, not in the tests: a noisy shared machine must not fail a test.
"""
