"""The site's settings: mkdocs.yml `extra.kb` and the i18n plugin's languages, read once
per build into frozen, typed values. Every problem is collected and named by its setting
(`extra.kb.footer[1].label`) with what was expected; nothing downstream reads raw dicts.

No MkDocs imports: the adapter hands in plain values (kb.adapter.settings).
"""

from kb.settings.read import read_languages, read_settings
from kb.settings.types import (
    FooterLink,
    Language,
    Languages,
    Licence,
    OpenData,
    Programme,
    Settings,
    SettingsErrors,
    Theme,
)

__all__ = [
    "FooterLink",
    "Language",
    "Languages",
    "Licence",
    "OpenData",
    "Programme",
    "Settings",
    "SettingsErrors",
    "Theme",
    "read_languages",
    "read_settings",
]
