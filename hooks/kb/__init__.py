"""The knowledge base's site generator, free of the site engine.

The pipeline, each step a module: load (safe YAML with positions) → validate (schema and
rules) → records (typed, frozen records) → links (the graph between records and areas) →
pages (which pages exist) → views (what each page shows) → export (open data, feeds,
citations) and search (what the index gets). Only kb.adapter knows MkDocs.
"""
