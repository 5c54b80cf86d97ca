"""MkDocs adapter: the only part of kb that imports MkDocs, Material or the i18n plugin."""
