"""The site's build logic, one module per job; the MkDocs hooks in site_overrides/hooks/ call it.

    errors           BuildError: what stops the build, with a message for the editor
    build_warnings   warn(): a build warning that does not fail `mkdocs build --strict`
    layout           where things are in the project and in the site
    wheel            the pure-Python wheel of the rules package, cached by its sources
    pyodide_core     the Pyodide of node_modules and a pyodide-lock.json naming only our wheel
    integrity        a small ES module naming a file and its Subresource Integrity string
    snapshot         the Pyodide memory snapshot, made by Node, cached by its inputs
    site_files       adding generated files to MkDocs' file collection
    rules_package    the rules package imported afresh from calculator/
    check_data       parameters.json checked first (JSON, schema, the rules' load), in Dutch; make check-data
    error_page       the page `mkdocs serve` shows everywhere while parameters.json is broken
    page_source      a page's file as the editor sees it: its path, line numbers with the front matter
    images           every image on a page is a file of the site
    markers          the kmo marker lines in the Markdown pages
    tables_markdown  a table of the rules package as Markdown, made focusable in the HTML
    contact          the contact details, the form endpoint rule and the contact field limits
    company          the company's own details shown on the pages (provider number)
    widgets          the kmo partials rendered with autoescaping
    csp              the Content-Security-Policy of the built pages
    preload          the calculator's page modules main.html preloads

Import it as `site_overrides.kmo_build` with the project root on sys.path: `python -m mkdocs`
run from the project root (as `make` does) and pytest (pyproject's `pythonpath`) both have it.
"""
