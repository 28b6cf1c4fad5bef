"""Plain data (the JSON/YAML tree) to model objects and back.

`structure_map` expects a document that has passed the schema and the checks;
its errors are the loader's business. It builds the model objects without
running their validators (which would test again what the schema and checks
have tested), through builders generated from the model's own fields, so a
field added to the model is read without a change here. Nothing process-wide is
switched: other threads making model objects meanwhile are checked as ever.
`unstructure_map` (with cattrs, hooks made for the same classes, found the same
way) writes fields in a fixed order and leaves out those at their defaults, so
output is deterministic and minimal.
"""

from __future__ import annotations

import enum
import types
import typing
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import repeat, starmap
from typing import TYPE_CHECKING, Any

import attrs
import msgspec

from ._plain import MAX_DEPTH
from .model import ArgumentMap, Node, NodeKind, Quote, Relation, RelationKind
from .schema import FORMAT_VERSION

if TYPE_CHECKING:
    import cattrs

__all__ = ["structure_map", "structure_typed", "unstructure_map"]


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


_RENAMED: Mapping[type, Mapping[str, str]] = {Relation: {"source": "from", "target": "to"}}
"""Fields written under another key in the document."""


def _model_classes() -> list[type]:
    """The attrs classes a map is made of, found through the fields, each after those it holds."""
    found: list[type] = []
    seen: set[type] = set()

    def visit(cls: type) -> None:
        if cls in seen:
            return
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            for held in _attrs_classes(field.type):
                visit(held)
        found.append(cls)

    visit(ArgumentMap)
    return found


def _attrs_classes(kind: Any) -> list[type]:
    if attrs.has(kind):
        return [kind]
    return [found for arg in typing.get_args(kind) for found in _attrs_classes(arg)]


_MODEL_CLASSES = _model_classes()


@cache
def _converter() -> cattrs.Converter:
    # Made, and cattrs imported, on the first map written: reading needs neither.
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn, override

    converter = cattrs.Converter()
    # Equal maps give equal text: metadata keys are written sorted.
    converter.register_unstructure_hook_func(
        lambda type_: type_ == Mapping[str, Any], _sorted_plain
    )
    converter.register_unstructure_hook(NodeKind, lambda kind: kind.value)
    converter.register_unstructure_hook(RelationKind, lambda kind: kind.value)
    # Held classes first: the hook generated for a class captures its fields' hooks.
    for cls in _MODEL_CLASSES:
        renamed = {name: override(rename=key) for name, key in _RENAMED.get(cls, {}).items()}
        converter.register_unstructure_hook(
            cls,
            make_dict_unstructure_fn(
                cls,
                converter,
                _cattrs_omit_if_default=True,
                **renamed,  # type: ignore[arg-type]
            ),
        )
    return converter


# Written in this order, each first when present; the model's field order follows.
_TOP = ("title", "description", "sources", "sections", "nodes", "relations", "lint", "metadata")


def structure_map(document: dict[str, Any]) -> ArgumentMap:
    """The `ArgumentMap` of a document that passed the schema and the checks."""
    built: ArgumentMap = _BUILDERS[ArgumentMap]((document,))[0]
    return built


def structure_typed(
    document: Any,
    metadata: dict[str, Any],
    node_columns: Mapping[str, Sequence[Any]],
    relation_columns: Mapping[str, Sequence[Any]],
) -> ArgumentMap:
    """The `ArgumentMap` of typed structs (argmap._typed) that passed the checks.

    The structs' fields are the model's, holding values of the model's types
    already; an absent field holds None where the model's default is None,
    `msgspec.UNSET` otherwise. Nodes and relations come as columns (field
    name -> one value a node or relation, read from the structs), and are
    built column by column, in C-level loops; `metadata` comes apart.
    """
    set_field = object.__setattr__
    if len(node_columns["id"]) < _BY_COLUMNS:
        # Small maps: object by object costs less than setting up the columns.
        built: ArgumentMap = _TYPED_BUILDERS[ArgumentMap]((document,))[0]
        set_field(built, "metadata", metadata)
        return built
    built = _TYPED_BUILDERS[ArgumentMap](
        (msgspec.structs.replace(document, nodes=(), relations=()),)
    )[0]
    set_field(built, "metadata", metadata)
    nodes = dict(node_columns)
    nodes["tags"] = _or_default(nodes["tags"], ())
    quotes = nodes["quotes"]
    if quotes.count(msgspec.UNSET) != len(quotes):
        build = _TYPED_BUILDERS[Quote]
        nodes["quotes"] = [() if q is msgspec.UNSET else build(q) for q in quotes]
    else:
        nodes["quotes"] = repeat((), len(quotes))  # type: ignore[assignment]
    set_field(built, "nodes", _build_columns(Node, len(nodes["id"]), nodes))
    if relation_columns:
        count = len(relation_columns["source"])
        set_field(built, "relations", _build_columns(Relation, count, relation_columns))
    return built


def _or_default(values: Sequence[Any], default: Any) -> Any:
    """`values` with UNSET as `default` (an iterable of as many)."""
    absent = values.count(msgspec.UNSET)
    if not absent:
        return values
    if absent == len(values):
        return repeat(default, len(values))
    return [default if v is msgspec.UNSET else v for v in values]


_BY_COLUMNS = 200
"""Maps of this many nodes or more are built column by column."""


def _build_columns(cls: type, count: int, columns: Mapping[str, Iterable[Any]]) -> tuple[Any, ...]:
    # Objects made first, then each field set in one pass of its slot's
    # setter over its column: loops in C, no Python code an object.
    # `starmap` over `zip` hands the setter zip's own (reused) pair where `map`
    # would make an argument tuple a call: a third less time.
    built: list[Any] = list(map(object.__new__, repeat(cls, count)))
    for field in attrs.fields(cls):
        setter = cls.__dict__[field.name].__set__
        pairs = zip(built, columns[field.name], strict=True)
        deque(starmap(setter, pairs), maxlen=0)
    return tuple(built)


Builder = Callable[[Iterable[Any]], tuple[Any, ...]]
"""Builds the objects of one class from documents (or structs), many in one call."""


def _value_hook(kind: Any, builders: dict[type, Builder], typed: bool = False) -> str | None:
    """Python code turning the document's value `v` into the field's value, or None if as is."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if attrs.has(kind):
        return f"_b[{_name(kind)}]((v,))[0]"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _value_hook(args[0], builders, typed)
        if item is None:
            return None
        if attrs.has(args[0]):
            return f"_b[{_name(args[0])}](v)"
        return f"tuple([{item.replace('(v)', '(x)')} for x in v])"
    if origin in (typing.Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        if len(present) == 1:
            inner = _value_hook(present[0], builders, typed)
            return None if inner is None else f"(None if v is None else {inner})"
    if kind in (int, float):
        # JSON has one kind of number: an offset may come as 6.0 (typed: an int already).
        return None if typed else f"{kind.__name__}(v)"
    if kind in (str, bool, Any) or kind == Mapping[str, Any] or isinstance(kind, enum.EnumMeta):
        return None
    if origin is tuple and args and all(a in (str, int, float, bool) for a in args):
        return None
    raise TypeError(f"argmap.codec cannot build a field of type {kind!r}; teach _value_hook")


def _name(cls: type) -> str:
    return f"_t[{cls.__qualname__!r}]"


def _make_builder(
    cls: type, builders: dict[type, Builder], classes: dict[str, type], typed: bool
) -> Builder:
    # Generated code, like attrs' own __init__ and cattrs' hooks, for speed:
    # a big map is hundreds of thousands of these calls. A document is read
    # by key; typed structs by attribute, their absent fields UNSET, their
    # values converted already. Each field is set through its slot's own
    # setter (a third faster than object.__setattr__), which a frozen class
    # leaves usable; helpers are default arguments, local names being faster.
    attrs.resolve_types(cls)
    renamed = {} if typed else _RENAMED.get(cls, {})
    namespace: dict[str, Any] = {"_new": object.__new__, "_U": msgspec.UNSET}
    helpers = ["_new=_new", "_U=_U", f"_cls={_name(cls)}"]
    body = ["        self = _new(_cls)"]
    for field in attrs.fields(cls):
        slot = cls.__dict__.get(field.name)
        setter = f"_s_{field.name}"
        if isinstance(slot, types.MemberDescriptorType):
            namespace[setter] = slot.__set__
            set_it = f"{setter}(self, v)"
        else:
            namespace[setter] = object.__setattr__
            set_it = f"{setter}(self, {field.name!r}, v)"
        helpers.append(f"{setter}={setter}")
        key = renamed.get(field.name, field.name)
        read, absent = (f"o.{key}", "v is _U") if typed else (f"o[{key!r}]", f"{key!r} not in o")
        hook = _value_hook(field.type, builders, typed)
        if field.converter is not None and not typed:
            namespace[f"_c_{field.name}"] = field.converter
            hook = f"_c_{field.name}({hook or 'v'})"
        if field.default is attrs.NOTHING:
            body.append(f"        v = {read}")
            if hook is not None:
                body.append(f"        v = {hook}")
            body.append(f"        {set_it}")
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_d_{field.name}"] = field.default.factory
            default = f"v = _d_{field.name}()"
        else:
            namespace[f"_d_{field.name}"] = field.default
            default = f"v = _d_{field.name}"
        if typed and field.default is None:
            # Absent, the struct holds None already (argmap._typed).
            body.append(f"        v = {read}")
            if hook is not None:
                body += ["        if v is not None:", f"            v = {hook}"]
        elif typed:
            body += [f"        v = {read}", f"        if {absent}:", f"            {default}"]
            if hook is not None:
                body += ["        else:", f"            v = {hook}"]
        else:
            body += [f"        if {absent}:", f"            {default}", "        else:"]
            body.append(f"            v = {read}")
            if hook is not None:
                body.append(f"            v = {hook}")
        body.append(f"        {set_it}")
    # One loop over many objects: a call a map, a section, a list, not a call an object.
    lines = [
        f"def build(items, {', '.join(helpers)}):",
        "    built = []",
        "    keep = built.append",
        "    for o in items:",
        *body,
        "        keep(self)",
        "    return tuple(built)",
    ]
    namespace.update(_b=builders, _t=classes)
    exec("\n".join(lines), namespace)  # the code made above from field names
    built: Builder = namespace["build"]
    return built


def _make_builders(*, typed: bool) -> dict[type, Builder]:
    builders: dict[type, Builder] = {}
    classes = {cls.__qualname__: cls for cls in _MODEL_CLASSES}
    for cls in _MODEL_CLASSES:
        builders[cls] = _make_builder(cls, builders, classes, typed)
    return builders


# Made at import (a millisecond or two): a first load then costs no more than the next.
_BUILDERS = _make_builders(typed=False)
_TYPED_BUILDERS = _make_builders(typed=True)


def unstructure_map(argument_map: ArgumentMap) -> dict[str, Any]:
    """The document of a map: `argmap` version first, fields at their defaults left out.

    `nodes` is always written, since the format requires it; relations put
    `id` first and then read as a sentence: from, to, kind.
    """
    body: dict[str, Any] = _converter().unstructure(argument_map)
    body.setdefault("nodes", [])
    if "relations" in body:
        order = ("id", "from", "to", "kind", "argument", "scheme")
        body["relations"] = [{key: r[key] for key in order if key in r} for r in body["relations"]]
    return {"argmap": FORMAT_VERSION, **{key: body[key] for key in _TOP if key in body}}
