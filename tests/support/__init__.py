"""What the tests (and the benchmark) share: a static server for the built site, the site build,
the browser's launch settings, the built pages as the browser tests walk them and the menu's pages,
a server that records the requests a form sends, the build hooks loaded as MkDocs loads them, the
rules on fixed test data with a fixed "today", and a copy of the project to change apart.

Import it as `tests.support.<module>` from the project root (pytest's `pythonpath` has the root).
"""
