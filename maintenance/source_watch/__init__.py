"""Watch the sources in parameters.json: has the page behind a source changed since an editor
last read it?

    python -m maintenance.source_watch [--report FILE] [--update] [--only ID] ...

One job per module: `sources` reads the list, `fetching` gets a page, `main_text` keeps the text
a reader sees, `fingerprints` keeps what was last accepted, `comparison` judges each source and
`report` writes the Markdown an editor reads.
"""
