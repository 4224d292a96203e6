"""Which pages of the built site read differently after a change: the text of each page of two
builds compared (the pull-request workflow's job summary)."""
