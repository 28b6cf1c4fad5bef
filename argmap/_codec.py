"""Plain data (the JSON/YAML tree) to model objects and back, with cattrs.

`structure_map` expects a document that has passed the schema; its errors
are the loader's business. `unstructure_map` writes fields in a fixed order and
leaves out those at their defaults, so output is deterministic and minimal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._plain import MAX_DEPTH
from .model import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind, Section, Source
from .schema import FORMAT_VERSION

__all__ = ["structure_map", "unstructure_map"]


def _sorted_plain(value: Any, depth: int = 0) -> Any:
    # Metadata of a map built in code may nest without end (or hold itself):
    # past the depth argmap reads, it is left as it is, for `plain_json` to report.
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, Mapping):
        return {key: _sorted_plain(value[key], depth + 1) for key in sorted(value, key=str)}
    if isinstance(value, list | tuple):
        return [_sorted_plain(item, depth + 1) for item in value]
    return value


def _make_converter() -> cattrs.Converter:
    # Documents reach structuring only after the schema passed them, so cattrs
    # need not look for unknown keys nor collect per-field errors; fields with
    # a converter of their own (kinds, tuples of text) are handed their raw
    # value. Structuring is the bulk of loading a big map; this halves it.
    converter = cattrs.Converter(detailed_validation=False)
    # Optional values as they come: cattrs' general union dispatch, once per
    # field of every node, was a fifth of structuring.
    converter.register_structure_hook_func(
        lambda type_: type_ == str | None, lambda value, _: value
    )
    # JSON has one kind of number: an offset may come as 6.0, and is the int 6.
    converter.register_structure_hook_func(
        lambda type_: type_ == int | None, lambda value, _: None if value is None else int(value)
    )

    def build(cls: type[Any], **overrides: Any) -> Any:
        return make_dict_structure_fn(
            cls, converter, _cattrs_prefer_attrib_converters=True, **overrides
        )

    def tuple_of(hook: Any) -> Any:
        return override(struct_hook=lambda values, _: tuple(map(hook, values)))

    renamed = {"source": override(rename="from"), "target": override(rename="to")}
    quote = build(Quote)
    node = build(Node, quotes=tuple_of(quote))
    relation = build(Relation, **renamed)
    section = build(Section)
    source = build(Source)
    converter.register_structure_hook(
        ArgumentMap,
        build(
            ArgumentMap,
            sources=tuple_of(source),
            sections=tuple_of(section),
            nodes=tuple_of(node),
            relations=tuple_of(relation),
        ),
    )
    # Equal maps give equal text: metadata keys are written sorted.
    converter.register_unstructure_hook_func(
        lambda type_: type_ == Mapping[str, Any], _sorted_plain
    )
    converter.register_unstructure_hook(NodeKind, lambda kind: kind.value)
    converter.register_unstructure_hook(RelationKind, lambda kind: kind.value)
    # Relation first: the hooks generated for the classes that hold it capture its hook.
    converter.register_unstructure_hook(
        Relation,
        make_dict_unstructure_fn(
            Relation,
            converter,
            _cattrs_omit_if_default=True,
            **renamed,  # type: ignore[arg-type]
        ),
    )
    for cls in (Source, Section, Quote, Node, ArgumentMap):
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        )
    return converter


_CONVERTER = _make_converter()

# Written in this order, each first when present; the model's field order follows.
_TOP = ("title", "description", "sources", "sections", "nodes", "relations", "metadata")


def structure_map(document: dict[str, Any]) -> ArgumentMap:
    """The `ArgumentMap` of a schema-valid document."""
    fields = {key: document[key] for key in _TOP if key in document}
    return _CONVERTER.structure(fields, ArgumentMap)


def unstructure_map(argument_map: ArgumentMap) -> dict[str, Any]:
    """The document of a map: `argmap` version first, fields at their defaults left out.

    `nodes` is always written, since the format requires it; relations put
    `id` first and then read as a sentence: from, to, kind.
    """
    body: dict[str, Any] = _CONVERTER.unstructure(argument_map)
    body.setdefault("nodes", [])
    if "relations" in body:
        order = ("id", "from", "to", "kind")
        body["relations"] = [{key: r[key] for key in order if key in r} for r in body["relations"]]
    return {"argmap": FORMAT_VERSION, **{key: body[key] for key in _TOP if key in body}}
