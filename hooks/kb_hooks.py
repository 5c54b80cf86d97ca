"""The one file MkDocs loads (`hooks:` in mkdocs.yml): it hands MkDocs the event handlers
of the knowledge base's MkDocs adapter (kb.adapter). Everything else is the package kb,
which does not import MkDocs."""

from kb.adapter.hooks import (  # noqa: F401  (MkDocs looks the handlers up by name)
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_template,
    on_serve,
    on_template_context,
)
