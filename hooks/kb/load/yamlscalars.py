"""What the loaders share about YAML itself: the parser class, the tags of the values we
accept, how a plain number must look, and the messages for the constructs we refuse."""

from __future__ import annotations

import re
from typing import Any

import yaml

# The C parser is much faster; the pure-Python one behaves the same.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Real data nests about eight blocks deep; far deeper nesting is a mistake (or an attack)
# and would exhaust the stack of the YAML parser.
MAX_DEPTH = 50

STR = "tag:yaml.org,2002:str"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
SCALAR_TAGS = frozenset(
    {
        STR,
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        TIMESTAMP,
    }
)
_TAG_PREFIX = "tag:yaml.org,2002:"
RESOLVER: Any = yaml.resolver.Resolver()  # its methods are untyped in types-PyYAML
# Numbers as people write them. YAML 1.1 also reads 010 as 8 (octal), 1:30 as 90
# (base 60), 0x10 as 16 and 1_000 as 1000: refused, so that no figure changes silently.
_PLAIN_NUMBER = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(0|[1-9][0-9]*)\Z"),
    "tag:yaml.org,2002:float": re.compile(
        r"[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?|\.inf|\.Inf|\.INF)\Z"
        r"|\.nan\Z|\.NaN\Z|\.NAN\Z"
    ),
}
# What a scalar cannot be constructed from raises one of these (e.g. `0x_`, a number of
# more than 4300 digits, or `!!int abc`).
CONSTRUCT_ERRORS = (ValueError, KeyError, TypeError, IndexError, yaml.YAMLError)

ALIAS_MESSAGE = "anchors and aliases (& and *) are not allowed; write the value out"
MERGE_MESSAGE = "merge keys (<<) are not allowed; write the fields out"
DEPTH_MESSAGE = (
    f"the blocks are nested more than {MAX_DEPTH} levels deep; "
    "check the indentation and the brackets [ ] and { }"
)


def changed_number(tag: str, text: str) -> bool:
    """True when the plain scalar `text`, read as `tag`, is a number YAML 1.1 would read
    differently from how it looks (010 -> 8, 1:30 -> 90, 1_000 -> 1000, 0x10 -> 16)."""
    pattern = _PLAIN_NUMBER.get(tag)
    return pattern is not None and not pattern.match(text)


def tag_message(tag: str) -> str:
    """The refusal of a tag, named as the editor writes it ('!!int', not the full URI)."""
    return f"YAML tags such as '{shown_tag(tag)}' are not allowed"


def shown_tag(tag: str) -> str:
    """A tag as the editor writes it: '!!int' rather than 'tag:yaml.org,2002:int'."""
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
