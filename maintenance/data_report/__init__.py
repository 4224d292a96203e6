"""The data change report: for a fixed set of typical cases, the support before and after a change
to parameters.json, as Markdown (`make data-report`; the pull-request workflow's job summary)."""
