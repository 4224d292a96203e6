"""`make bench`: how fast the calculator answers, measured in headless Chromium (`python -m bench.run`)."""
