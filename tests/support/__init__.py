"""What the tests (and the benchmark) share: a static server for the built site, the site build,
the browser's launch settings, the built pages as the browser tests walk them, a server that
records the requests a form sends, and the build hooks loaded as MkDocs loads them.

Import it as `tests.support.<module>` from the project root (pytest's `pythonpath` has the root).
"""
