"""The fast path for plain valid text: `quick_parse`."""

from __future__ import annotations

from typing import Any

import yaml

from kb.load.yamlscalars import (
    CONSTRUCT_ERRORS,
    MAX_DEPTH,
    RESOLVER,
    SCALAR_TAGS,
    STR,
    TIMESTAMP,
    Loader,
    changed_number,
)

_NO_KEY = object()  # a mapping waits for a field name
_IN_LIST = object()  # a sequence: values are appended


def quick_parse(text: str) -> Any | None:
    """The values of a plain, well-formed document in one pass over the parser's events,
    without positions; None as soon as the text needs `parse` (which finds and locates
    every problem).

    This is the fast path for valid data (about 3x faster than `parse` on a large file).
    It gives up on anything `parse` would refuse or treat specially: tabs anywhere, tags,
    anchors and aliases, merge keys, a repeated field, a non-text field name, a collection
    as a key, values that cannot be read as the type they look like, deep nesting, more or
    fewer than one document. So when it returns values, they are those `parse` returns.
    """
    if "\t" in text:
        return None
    loader = Loader(text)
    # The resolver's table by first character; '' holds the one for the empty value (null).
    resolvers = RESOLVER.yaml_implicit_resolvers
    construct = yaml.constructor.SafeConstructor().construct_object
    documents: list[Any] = []  # the values of the documents: exactly one is expected
    stack: list[Any] = [documents]  # the open mappings and sequences
    keys: list[Any] = [_IN_LIST]  # for each: the field name waiting for its value
    get_event = loader.get_event
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stream_end = yaml.StreamEndEvent
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag not in (None, "!"):
                    return None
                value: Any = event.value
                key = keys[-1]
                if key is _NO_KEY:  # a field name: kept as written
                    if value in stack[-1] or (value == "<<" and event.implicit[0]):
                        return None
                    keys[-1] = value
                    continue
                if event.implicit[0]:  # plain: its type comes from how it looks
                    tag = STR
                    for candidate, pattern in resolvers.get(value[:1], ()):  # as resolve() does
                        if pattern.match(value):
                            tag = candidate
                            break
                    if tag not in SCALAR_TAGS:  # e.g. '<<' or '=' as a value
                        return None
                    if tag != STR and tag != TIMESTAMP:
                        if changed_number(tag, value):
                            return None
                        try:
                            value = construct(yaml.ScalarNode(tag, value))
                        except CONSTRUCT_ERRORS:
                            return None
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or not event.implicit or len(stack) > MAX_DEPTH:
                    return None
                key = keys[-1]
                if key is _NO_KEY:  # a mapping or a sequence as a field name
                    return None
                value = {} if kind is mapping_start else []
            elif kind is mapping_end or kind is sequence_end:
                stack.pop()
                keys.pop()
                continue
            elif kind is stream_end:
                break
            elif kind is alias:
                return None
            else:  # stream and document start and end
                continue
            if key is _IN_LIST:
                stack[-1].append(value)
            else:
                stack[-1][key] = value
                keys[-1] = _NO_KEY
            if kind is not scalar:
                stack.append(value)
                keys.append(_NO_KEY if kind is mapping_start else _IN_LIST)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return documents[0] if len(documents) == 1 and documents[0] is not None else None
