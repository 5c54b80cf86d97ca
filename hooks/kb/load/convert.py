"""Turn a composed YAML node tree into plain Python values and the position of each value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import yaml

from kb.errors import DataError, file_error, show
from kb.load.yamlscalars import (
    ALIAS_MESSAGE,
    CONSTRUCT_ERRORS,
    MAP,
    MERGE,
    MERGE_MESSAGE,
    RESOLVER,
    SCALAR_TAGS,
    SEQ,
    TIMESTAMP,
    changed_number,
    shown_tag,
    tag_message,
)

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]

_READS_AS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
}


@dataclass(frozen=True)
class Loaded:
    """The parsed document and where each value stands (1-based line, column)."""

    data: Any
    positions: Positions


class Converter:
    """Turn a composed node tree into plain Python values, recording positions."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: Positions = {}
        self.errors: list[DataError] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()

    def _error(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.errors.append(file_error(self.file, mark.line + 1, mark.column + 1, message))

    def _first_visit(self, node: yaml.Node) -> bool:
        """False (and an error) when `node` was met before: it is reached through an alias."""
        if id(node) in self._seen:
            self._error(node, ALIAS_MESSAGE)
            return False
        self._seen.add(id(node))
        return True

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        """The plain value of `node`, which stands at `path` in the document."""
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if not self._first_visit(node):
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ:
                self._error(node, tag_message(node.tag))
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(cast(yaml.ScalarNode, node))

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        if node.tag != MAP:
            self._error(node, tag_message(node.tag))
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                self._error(key_node, MERGE_MESSAGE)
                continue
            if not self._first_visit(key_node):
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(key_node, "a field name must be plain text")
                continue
            if key_node.tag not in SCALAR_TAGS:
                self._error(key_node, tag_message(key_node.tag))
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in result:
                self._error(
                    key_node,
                    f"field '{show(key)}' is written twice in the same block (first on line "
                    f"{first_line[key]}); keep one of them so that no text is lost",
                )
                continue
            first_line[key] = line
            result[key] = self.convert(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in SCALAR_TAGS:
            self._error(node, tag_message(node.tag))
            return None
        if node.tag == TIMESTAMP:
            return str(node.value)
        try:
            value = self._constructor.construct_object(node)
        except CONSTRUCT_ERRORS:
            self._error(node, self._unreadable(node))
            return None
        if not node.style and changed_number(node.tag, str(node.value)):
            self._error(
                node,
                f"'{show(str(node.value))}' would be read as the number {value}; "
                "write the number in plain digits (10, 90, 1000), or put it in quotes if it is "
                "meant as text",
            )
            return None
        return value

    @staticmethod
    def _unreadable(node: yaml.ScalarNode) -> str:
        """Why a scalar cannot be read as the type its form or its tag says."""
        what = _READS_AS.get(node.tag, "a value")
        shown = f"'{show(str(node.value))}'"
        implicit = (
            not node.style
            and RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag
        )
        if implicit:
            return (
                f"{shown} looks like {what} but cannot be read as one; "
                "put it in quotes if it is meant as text"
            )
        return (
            f"{shown} cannot be read as {what} as its tag '{shown_tag(node.tag)}' "
            "says; remove the tag"
        )
