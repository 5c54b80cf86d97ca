"""Open data: JSON, CSV, feeds, redirects, the DCAT-AP catalog and citations."""
