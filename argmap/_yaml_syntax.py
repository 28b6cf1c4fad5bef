"""YAML text to a document tree and back, knowing where every value stands.

The YAML half of `_syntax`, apart so that PyYAML is imported only when YAML is
read or written: a JSON map loads without it (PyYAML's import is a tenth of
argmap's).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import attrs
import yaml

from ._paths import PathPart, format_path
from ._plain import MAX_INTEGER_DIGITS, has_lone_surrogates, plain_json
from ._syntax import Parsed, _empty, _LineIndex, _syntax_error
from ._wording import shown
from .errors import Problem, ProblemCode

__all__ = ["compose_yaml", "dump_yaml", "read_yaml", "yaml_marks"]


def read_yaml(text: str, file: str | None) -> Parsed:
    """The document tree of YAML `text`, with what it holds that JSON cannot (as problems)."""
    return _YamlReader(text, file).read()


class _Resolver(yaml.resolver.Resolver):
    """YAML's resolver less timestamps: a `date: 2024-07-10` stays the text it is."""


# Timestamps stay text; merge keys (`<<`) and value keys (`=`) stay plain keys.
_NOT_RESOLVED = {f"tag:yaml.org,2002:{name}" for name in ("timestamp", "merge", "value")}
_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _NOT_RESOLVED]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_INT_TAG = "tag:yaml.org,2002:int"
_DIGITS = re.compile(r"[-+]?[0-9_]+")
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Composer(_BaseLoader, _Resolver):  # type: ignore[misc]
    pass


class _YamlReader:
    """Builds the document from YAML's node graph, reporting what JSON cannot hold."""

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.problems: list[Problem] = []
        self.seen: dict[int, yaml.Node] = {}
        self.scalars = yaml.SafeLoader("")
        self.aliases: dict[tuple[PathPart, ...], Any] | None = None

    def read(self) -> Parsed:
        root = compose_yaml(self.text, self.file)
        document = self.build(root, ())
        return Parsed(document, tuple(self.problems))

    def problem(
        self,
        node: yaml.Node,
        here: tuple[PathPart, ...],
        code: ProblemCode,
        message: str,
        mark: Any = None,
    ) -> None:
        mark = mark or node.start_mark
        self.problems.append(
            Problem(
                path=format_path(here),
                code=code,
                message=message,
                file=self.file,
                line=mark.line + 1,
                column=mark.column + 1,
            )
        )

    def build(self, node: yaml.Node, here: tuple[PathPart, ...]) -> Any:
        if id(node) in self.seen:
            mark = node.start_mark
            if self.aliases is None:
                self.aliases = _alias_marks(self.text)
            self.problem(
                node,
                here,
                ProblemCode.YAML_ALIAS,
                "YAML aliases are not supported in argmap files (this repeats the value "
                f"anchored at line {mark.line + 1}); write the value out",
                mark=self.aliases.get(here),
            )
            return None
        self.seen[id(node)] = node
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if node.tag not in _COLLECTION_TAGS:
                self.problem(
                    node,
                    here,
                    ProblemCode.YAML_TAG,
                    f"the YAML tag {node.tag!r} is not supported; expected a plain mapping or list",
                )
                # Read on as if untagged, so that what it holds is checked too.
            if isinstance(node, yaml.MappingNode):
                return self.build_mapping(node, here)
            return [self.build(item, (*here, i)) for i, item in enumerate(node.value)]
        try:
            value = self.scalars.construct_object(node)
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.problem(node, here, ProblemCode.YAML_TAG, f"cannot read this value: {problem}")
            return None
        except Exception:
            # PyYAML's constructors raise what they meet (`!!int hello` a
            # ValueError, `!!bool maybe` a KeyError): the value does not fit its tag.
            if node.tag == _INT_TAG and _DIGITS.fullmatch(node.value):
                self.problem(
                    node,
                    here,
                    ProblemCode.OUT_OF_RANGE,
                    f"an integer of {len(node.value)} digits is too large; expected at most "
                    f"{MAX_INTEGER_DIGITS} digits",
                )
                return None
            self.problem(
                node,
                here,
                ProblemCode.YAML_TAG,
                f"cannot read {shown(node.value, 40)} as the YAML tag {node.tag!r} says; "
                "remove the tag or fix the value",
            )
            return None
        if isinstance(value, str) and has_lone_surrogates(value):
            self.problem(
                node,
                here,
                ProblemCode.BAD_TEXT,
                "the text holds a lone surrogate (half of a UTF-16 pair), which is not "
                "Unicode text; expected well-formed text",
            )
            return plain_json(value)[0]
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(
                node,
                here,
                ProblemCode.WRONG_TYPE,
                f"{shown(node.value, 40)} is not a finite number",
            )
        elif isinstance(value, int) and not isinstance(value, bool):
            # Hexadecimal and octal escape Python's limit on digits: checked here.
            _, found = plain_json(value, at=here)
            if found:
                self.problems += [
                    attrs.evolve(
                        p,
                        file=self.file,
                        line=node.start_mark.line + 1,
                        column=node.start_mark.column + 1,
                    )
                    for p in found
                ]
                return None
        elif not isinstance(value, str | float | bool | type(None)):
            self.problem(
                node,
                here,
                ProblemCode.WRONG_TYPE,
                f"a {type(value).__name__} value cannot be used here; "
                "expected text, a number, true/false or null",
            )
            # Left in, it would stop the schema's validator and hide every other problem.
            return None
        return value

    def build_mapping(self, node: yaml.MappingNode, here: tuple[PathPart, ...]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, here)
            if not isinstance(key, str):
                shown = (
                    "a list or mapping"
                    if not isinstance(key_node, yaml.ScalarNode)
                    else ("null" if key is None else f"{type(key).__name__} {key_node.value!r}")
                )
                self.problem(
                    key_node,
                    here,
                    ProblemCode.WRONG_TYPE,
                    f"keys must be text, found {shown}; quote it if it is meant as text",
                )
                continue
            if key in first:
                mark = first[key].start_mark
                self.problem(
                    key_node,
                    (*here, key),
                    ProblemCode.DUPLICATE_KEY,
                    f"the key {key!r} appears twice in one mapping (first at line "
                    f"{mark.line + 1}, column {mark.column + 1}); expected each key once",
                )
                continue
            first[key] = key_node
            mapping[key] = self.build(value_node, (*here, key))
        return mapping


def _alias_marks(text: str) -> dict[tuple[PathPart, ...], Any]:
    """Where each alias stands, by the path `_YamlReader.build` meets it at.

    The composer hands back the anchored node itself, marked where the anchor
    is; only the event stream knows where the alias was written. Read only
    when a document has aliases, which it should not.
    """
    marks: dict[tuple[PathPart, ...], Any] = {}
    # One frame per open collection: its path, next index, and (for a
    # mapping) whether a key comes next and the last key read.
    frames: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            here: tuple[PathPart, ...] = ()
            if frames:
                frame = frames[-1]
                if frame[1] is None:  # a mapping
                    if frame[2]:
                        here = frame[0]  # a key: reported at its mapping
                        frame[3] = event.value if isinstance(event, yaml.ScalarEvent) else None
                    else:
                        here = (*frame[0], frame[3])
                    frame[2] = not frame[2]
                else:
                    here = (*frame[0], frame[1])
                    frame[1] += 1
            if isinstance(event, yaml.AliasEvent):
                marks.setdefault(here, event.start_mark)
            elif isinstance(event, yaml.MappingStartEvent):
                frames.append([here, None, True, None])
            elif isinstance(event, yaml.SequenceStartEvent):
                frames.append([here, 0, True, None])
    except yaml.YAMLError:
        pass
    return marks


def compose_yaml(text: str, file: str | None) -> yaml.Node:
    """YAML's node graph of a single-document text; `ValidationError` for bad syntax."""
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise _syntax_error(f"not valid YAML: {reason}", file, line, column) from None
    except yaml.reader.ReaderError as error:
        line, column = _LineIndex(text).position(error.position)
        character = chr(error.character) if isinstance(error.character, int) else error.character
        raise _syntax_error(
            f"not valid YAML: the character {character!r} is not allowed in YAML text",
            file,
            line,
            column,
        ) from None
    except yaml.YAMLError as error:
        raise _syntax_error(f"not valid YAML: {error}", file, None, None) from None
    if root is None:
        raise _empty(file)
    return root


def yaml_marks(
    root: yaml.Node, wanted: Iterable[tuple[PathPart, ...]]
) -> dict[tuple[PathPart, ...], tuple[int, int]]:
    marks: dict[tuple[PathPart, ...], tuple[int, int]] = {}
    for parts in wanted:
        node: yaml.Node | None = root
        for end in range(len(parts) + 1):
            assert node is not None
            marks[parts[:end]] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if end == len(parts):
                break
            node = _child(node, parts[end])
            if node is None:
                break
    return marks


def _child(node: yaml.Node, part: PathPart) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def dump_yaml(document: Any) -> str:
    text: str = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text
