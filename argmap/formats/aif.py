"""AIF JSON (as AIFdb and OVA write it) to argument maps and back.

The mapping, each way, is documented in docs/interchange.md. In short: I-nodes
become nodes (kind by role, see `_roles.kind_by_role`); each RA node becomes supports from
its premises to its conclusion (several premises share an `argument` id: one
linked argument); each CA node becomes attacks, or undercuts where it attacks an
RA or CA node. Everything else (L, TA, YA, MA, PA nodes, locutions, timestamps,
edge ids, OVA's wrapper) is kept verbatim under `metadata["aif"]`, with a
warning that counts it, so that exporting gives it back.
"""

from __future__ import annotations

import json
import operator
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, compress, product
from pathlib import Path
from typing import Any

import attrs

from .._atomic import write_atomic
from .._collector import collector_paused
from .._expect import expect_map
from .._paths import format_path, parse_path
from .._syntax import locate, parse_text
from .._wording import describe_value, plural, suggest
from ..errors import Problem, ProblemCode, Severity, ValidationError
from ..loader import Report, _check_built, _decode
from ..model import _ID_LENGTH, ID_PATTERN, ArgumentMap, NodeKind, Relation, RelationKind
from ..schema import FORMAT_VERSION
from ._roles import kind_by_role

__all__ = ["check_text", "dump", "dumps", "from_data", "load", "loads", "looks_like_aif", "to_data"]

_ID_OK = re.compile(ID_PATTERN).match
_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")
_SPEAKER = re.compile(r"^([^:\n]{1,80}?)\s+:\s+(.*)$", re.DOTALL)
_DIALOGUE = "dialogue"
# A path into the built map, as the map's checks write them in messages.
_MAP_PATH = re.compile(r"\$\.(?:nodes|relations)\[\d+\](?:\.[a-z_]+|\[\d+\])*")
# The node types of AIF (AIFdb and OVA): information, the scheme applications
# (inference, conflict, rephrase, preference) and the dialogue layer.
_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "TA", "YA")
_TYPE_SET = frozenset(_TYPES)
# Each I-node's kind by its roles: (attacks, answers an attack, supports, is backed).
_KINDS = {
    (attacks, answers, supports, backed): str(
        kind_by_role(
            attacks=attacks, answers_an_attack=answers, supports=supports, is_backed=backed
        )
    )
    for attacks, answers, supports, backed in product((False, True), repeat=4)
}
# Pairs of types at an edge's ends (see _Reader.build): premises, conclusions,
# the words of a locution, what it asserts, the two roles an I-node's kind reads.
_INTO_RA_CA = frozenset({"IRA", "ICA"})
_OUT_OF_RA_CA = frozenset(a + b for a in ("RA", "CA") for b in ("I", "RA", "CA"))
_SAYING, _MEANING = frozenset({"LYA"}), frozenset({"YAI"})
_SUPPORTING, _BACKING = frozenset({"IRA"}), frozenset({"RAI", "CAI"})
# Edges between I, RA and CA nodes but not two I-nodes (held by the map when its RA/CA are).
_HELD = frozenset(a + b for a in ("I", "RA", "CA") for b in ("I", "RA", "CA")) - {"II"}
_RA_CA = frozenset({"RA", "CA"})
_KEPT = _TYPE_SET - {"I", "RA", "CA"}  # the types of the nodes kept in metadata
_NODE_ID, _NODE_TYPE = operator.itemgetter("nodeID"), operator.itemgetter("type")
_NODE_TEXT = operator.methodcaller("get", "text")
_FROM_ID, _TO_ID = operator.itemgetter("fromID"), operator.itemgetter("toID")
# AIFdb's nodeIDs, each after a line break: numbers, or numbers and id characters.
_DIGIT_KEYS = re.compile(r"(?:\n[0-9][A-Za-z0-9_.\-]*)*").fullmatch
_EXPECTED = "AIF JSON: an object with a list 'nodes' and a list 'edges' (or OVA's {\"AIF\": {...}})"


def looks_like_aif(document: object) -> bool:
    """Whether parsed JSON has AIF's shape: `nodes` and `edges` (or OVA's `{"AIF": ...}`)."""
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
        document = document["AIF"]
    return isinstance(document, dict) and "edges" in document and "argmap" not in document


class _Reader:
    def __init__(
        self, document: Any, kinds: Mapping[str, NodeKind | str] | None, *, owned: bool = False
    ) -> None:
        self.problems: list[Problem] = []
        # Whether the document is this reader's own (parsed for it): then what
        # the map keeps of its nodes and edges is cut out of them, not copied.
        self.owned = owned
        # The RA/CA nodes made into relations that name a scheme.
        self.schemed: set[str] = set()
        if kinds is not None and not isinstance(kinds, Mapping):
            raise TypeError(
                f"kinds maps AIF nodeIDs to node kinds ({{'12': 'evidence'}}), "
                f"got {type(kinds).__name__}"
            )
        self.kinds = dict(kinds or {})
        self.meta: dict[str, Any] = {}
        self.prefix: list[str | int] = []
        # Where the built map's items came from, to point its problems into the AIF.
        self.indexes: dict[str, int] = {}
        self.types: dict[str, str] = {}
        # The ends of every edge, in order (when each is sound: else no map is built).
        self.starts: list[str] = []
        self.ends: list[str] = []
        self.node_keys: list[str] = []
        self.relation_keys: list[tuple[str, str, str]] = []
        self.quote_keys: dict[str, list[str]] = {}
        graph = document
        if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
            graph = document["AIF"]
            self.prefix = ["AIF"]
            self.meta["wrapper"] = {k: v for k, v in document.items() if k != "AIF"}
        self.graph = graph

    def report(
        self,
        parts: list[str | int],
        code: ProblemCode,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        path = format_path([*self.prefix, *parts])
        self.problems.append(Problem(path=path, code=code, message=message, severity=severity))

    def objects(
        self, raw: list[Any], field: str, what: str
    ) -> Iterator[tuple[int, dict[str, Any]]]:
        """Each object in `raw` (the graph's `field`) with its index; a problem for any other."""
        for index, item in enumerate(raw):
            if isinstance(item, dict):
                yield index, item
            else:
                self.report(
                    [field, index],
                    ProblemCode.WRONG_TYPE,
                    f"expected an AIF {what} (an object), found {describe_value(item)}",
                )

    def read(self, title: str) -> dict[str, Any] | None:
        graph = self.graph
        if isinstance(graph, dict) and "argmap" in graph and "edges" not in graph:
            self.report(
                [],
                ProblemCode.NOT_AIF,
                "this is an argmap document, not AIF (it has 'argmap' and no 'edges'); "
                "read it with --from json",
            )
            return None
        if (
            not isinstance(graph, dict)
            or not isinstance(graph.get("nodes"), list)
            or "edges" not in graph
        ):
            found = describe_value(graph.get("nodes") if isinstance(graph, dict) else graph)
            self.report(
                ["nodes"] if isinstance(graph, dict) else [],
                ProblemCode.NOT_AIF,
                f"expected {_EXPECTED}, found {found}",
            )
            return None
        edges = graph["edges"]
        if not isinstance(edges, list):
            self.report(
                ["edges"],
                ProblemCode.NOT_AIF,
                f"expected a list of edges, found {describe_value(edges)}",
            )
            return None
        locutions = graph.get("locutions", [])
        if not isinstance(locutions, list):
            self.report(
                ["locutions"],
                ProblemCode.WRONG_TYPE,
                f"expected a list of AIF locutions, found {describe_value(locutions)}",
            )
        nodes = self.read_nodes(graph["nodes"])
        self.starts, self.ends, start_types, end_types = self.read_edges(edges)
        if any(p.severity is Severity.ERROR for p in self.problems):
            return None
        extra = {k: v for k, v in graph.items() if k not in ("nodes", "edges", "locutions")}
        if extra:
            self.meta["graph"] = extra
        if "locutions" in graph:
            self.meta["locutions"] = graph["locutions"]
        return self.build(title, nodes, start_types, end_types)

    def read_nodes(self, raw: list[Any]) -> dict[str, dict[str, Any]]:
        """The nodes by nodeID (as text), and their `types`; a problem for each unsound one."""
        sound = _sound_nodes(raw)
        if sound is not None:
            nodes, self.types = sound
            return nodes
        # Something is off: each node is looked at alone, to say which and how.
        nodes = {}
        for index, node in self.objects(raw, "nodes", "node"):
            key = node.get("nodeID")
            if isinstance(key, bool) or not isinstance(key, str | int):
                self.report(
                    ["nodes", index, "nodeID"] if "nodeID" in node else ["nodes", index],
                    ProblemCode.MISSING_FIELD if "nodeID" not in node else ProblemCode.WRONG_TYPE,
                    f"expected a nodeID (text or a number), found {describe_value(key)}",
                )
                continue
            if not isinstance(node.get("type"), str):
                self.report(
                    ["nodes", index],
                    ProblemCode.MISSING_FIELD,
                    f"the node {key!r} needs a 'type' (I, RA, CA, MA, PA, L, TA, YA, ...), "
                    f"found {describe_value(node.get('type'))}",
                )
                continue
            if node["type"] not in _TYPES:
                hint = suggest(node["type"].upper(), _TYPES)
                self.report(
                    ["nodes", index, "type"],
                    ProblemCode.UNKNOWN_KIND,
                    f"the node {key!r} has the unknown AIF type {node['type']!r}{hint}; "
                    f"expected one of: {', '.join(_TYPES)}",
                )
                continue
            if node["type"] == "I" and (
                not isinstance(node.get("text"), str) or not node["text"].strip()
            ):
                text = node.get("text")
                self.report(
                    ["nodes", index, "text"] if "text" in node else ["nodes", index],
                    ProblemCode.WRONG_TYPE
                    if "text" in node and not isinstance(text, str)
                    else ProblemCode.MISSING_FIELD
                    if "text" not in node
                    else ProblemCode.BLANK_TEXT,
                    f"the I-node {key!r} needs a proposition text (a non-blank string), "
                    f"found {describe_value(text) if 'text' in node else 'no text field'}",
                )
                continue
            name = str(key)
            if name in nodes:
                first = format_path([*self.prefix, "nodes", self.indexes[name]])
                self.report(
                    ["nodes", index, "nodeID"],
                    ProblemCode.DUPLICATE_ID,
                    f"the nodeID {name!r} already stands at {first}; expected each node once",
                )
                continue
            nodes[name] = node
            self.indexes[name] = index
            self.types[name] = node["type"]
        return nodes

    def read_edges(self, raw: list[Any]) -> tuple[list[str], list[str], list[str], list[str]]:
        """fromID, toID and the types of both of each sound edge; a problem for each unsound."""
        nodes = self.types
        sound = _sound_edges(raw, nodes)
        if sound is not None:
            return sound
        starts: list[str] = []
        ends: list[str] = []
        for index, edge in self.objects(raw, "edges", "edge"):
            named = []
            for field in ("fromID", "toID"):
                value = edge.get(field)
                name = (
                    None
                    if isinstance(value, bool) or not isinstance(value, str | int)
                    else str(value)
                )
                if name is None:
                    self.report(
                        ["edges", index, field] if field in edge else ["edges", index],
                        ProblemCode.MISSING_FIELD,
                        f"the edge needs '{field}' (a nodeID), found {describe_value(value)}",
                    )
                elif name not in nodes:
                    self.report(
                        ["edges", index, field],
                        ProblemCode.DANGLING_REFERENCE,
                        f"no node has the nodeID {name!r}; expected an edge between declared nodes",
                    )
                    name = None
                named.append(name)
            if named[0] is not None and named[1] is not None:
                starts.append(named[0])
                ends.append(named[1])
        return starts, ends, [nodes[a] for a in starts], [nodes[b] for b in ends]

    def build(
        self,
        title: str,
        nodes: dict[str, dict[str, Any]],
        start_types: list[str],
        end_types: list[str],
    ) -> dict[str, Any]:
        """The argmap document of the graph (without metadata, kept in `self.meta`)."""
        types = self.types
        column = list(types.values())
        # The nodeIDs of the types read below, each in order.
        of_type: dict[str, list[str]] = {"I": [], "RA": [], "CA": [], "YA": []}
        list_of = of_type.get
        for key, kind in types.items():
            same = list_of(kind)
            if same is not None:
                same.append(key)
        # The edges a column at a time: each step below needs only the edges
        # between certain types, picked out in bulk (most of a dialogue's edges
        # are its own: L, YA and TA nodes). An edge's pair is the types of its
        # ends written together ("IRA": from an I-node to an RA node), which no
        # two pairs of AIF's types share.
        starts, ends = self.starts, self.ends
        # Where each pair stands among the edges: every step takes the few it needs.
        at_pair: dict[str, list[int]] = {}
        for index, pair in enumerate(map(operator.add, start_types, end_types)):
            here = at_pair.get(pair)
            if here is None:
                at_pair[pair] = [index]
            else:
                here.append(index)

        def picked(wanted: frozenset[str]) -> list[int]:
            """The edges of the `wanted` pairs, in edge order."""
            found = [at_pair[pair] for pair in wanted if pair in at_pair]
            return found[0] if len(found) == 1 else sorted(chain(*found))

        start_of, end_of = starts.__getitem__, ends.__getitem__
        into = picked(_INTO_RA_CA)
        premises_of = _grouped(map(end_of, into), map(start_of, into))  # in edge order
        out = picked(_OUT_OF_RA_CA)
        targets_of = _grouped(map(start_of, out), map(end_of, out))
        ids: dict[str, str] = {}  # argmap id -> nodeID
        taken: set[str] = set()
        inodes = of_type["I"]
        inode = dict(zip(inodes, _names_for(["n"] * len(inodes), inodes, taken), strict=True))
        ids.update(zip(inode.values(), inode, strict=True))
        for key in self.kinds:
            if key not in inode:
                # An override that matches nothing would be lost without a word.
                self.report(
                    [],
                    ProblemCode.DANGLING_REFERENCE,
                    f"kinds= names the nodeID {key!r}, which is no I-node of this AIF "
                    f"({plural(len(inode), 'I-node')} here)",
                )
        # Which RA/CA nodes become relations: an I premise and a conclusion that is
        # an I-node or (for CA) an RA/CA that itself becomes relations.
        placed: dict[str, bool] = {}
        plan_ends: dict[str, tuple[list[str], str]] = {}
        none: list[str] = []
        for key in of_type["RA"]:  # an RA node concludes an I-node: no other node decides
            premises = premises_of.get(key, none)
            targets = targets_of.get(key, none)
            if premises and len(targets) == 1 and types[targets[0]] == "I":
                placed[key] = True
                plan_ends[key] = (premises, targets[0])
            else:
                placed[key] = False
                self.unplaced(key, types, premises, targets, placed)
        for start in of_type["CA"]:
            stack = [start]
            while stack:
                key = stack[-1]
                if key in placed:
                    stack.pop()
                    continue
                premises = premises_of.get(key, none)
                targets = targets_of.get(key, none)
                # Every RA node is placed above: what is left to place is a CA node.
                pending = [
                    t for t in targets if types[t] != "I" and t not in placed and t not in stack
                ]
                if pending:
                    stack.extend(pending)
                    continue
                placed[key] = (
                    bool(premises)
                    and len(targets) == 1
                    and (types[targets[0]] == "I" or placed.get(targets[0], False))
                )
                if placed[key]:
                    plan_ends[key] = (premises, targets[0])
                else:
                    self.unplaced(key, types, premises, targets, placed)
                stack.pop()
        # The relations, in the file's order: one a premise, named after the RA/CA node.
        schemes = list(compress(types, map(_RA_CA.__contains__, column)))
        order = list(compress(schemes, map(placed.__getitem__, schemes)))
        ends_of = list(map(plan_ends.__getitem__, order))
        prefixes: list[str] = []
        keys: list[str] = []
        owners: list[str] = []
        for key, (premises, _) in zip(order, ends_of, strict=True):
            count = len(premises)
            prefixes += ["ra" if types[key] == "RA" else "ca"] * count
            owners += [key] * count
            keys += [key] if count == 1 else [f"{key}.{i + 1}" for i in range(count)]
        names = _names_for(prefixes, keys, taken)
        ids.update(zip(names, owners, strict=True))
        first_relation: dict[str, str] = {}
        plans: list[tuple[str, list[str], list[str], str]] = []
        at = 0
        for key, (premises, target) in zip(order, ends_of, strict=True):
            first_relation[key] = names[at]
            plans.append((key, names[at : at + len(premises)], premises, target))
            at += len(premises)
        attacked_by: dict[str, list[str]] = {}
        for key, _, premises, target in plans:
            if types[key] == "CA":
                for p in premises:
                    attacked_by.setdefault(p, []).append(target)
        # The map is built as its JSON document, which the loader's checks read
        # and turn into model objects once: building model objects here would
        # check every value twice.
        relations: list[dict[str, Any]] = []
        relation_keys = self.relation_keys
        scheme_fields: dict[str, Any] = {}  # after the I-nodes' in `fields`
        schemed = self.schemed
        owned = self.owned
        for key, names, premises, target in plans:
            node = nodes[key]
            scheme = node.get("scheme")
            has_scheme = "scheme" in node
            if has_scheme:
                schemed.add(key)
            if len(node) > 2 + has_scheme or not isinstance(node["nodeID"], str):
                scheme_fields[key] = _rest(node, "scheme", owned=owned)
            if not isinstance(scheme, str) or not scheme or scheme.isspace():
                scheme = None
            t = types[key]
            if t == "RA":
                kind, to = "supports", inode[target]
            elif types[target] == "I":
                kind, to = "attacks", inode[target]
            else:
                kind, to = "undercuts", first_relation[target]
            linked = t == "RA" and len(names) > 1
            for name, premise in zip(names, premises, strict=True):
                relation_keys.append((key, premise, target))
                relation = {"id": name, "from": inode[premise], "to": to, "kind": kind}
                if linked:
                    relation["argument"] = names[0]
                if scheme is not None:
                    relation["scheme"] = scheme
                relations.append(relation)
        # The dialogue layer: an L-node whose YA leads to an I-node holds its verbatim words.
        quotes: dict[str, list[dict[str, str]]] = {}
        speakers: dict[str, str] = {}
        said = picked(_SAYING)
        said_by = _grouped(map(end_of, said), map(start_of, said))
        meant = picked(_MEANING)
        meant_by = _grouped(map(start_of, meant), map(end_of, meant))
        quote_keys = self.quote_keys
        speaker_of = _SPEAKER.match
        for key in of_type["YA"]:
            meant_keys = meant_by.get(key)
            said_keys = said_by.get(key)
            if not meant_keys or not said_keys:
                continue
            for l_key in said_keys:
                text = nodes[l_key].get("text")
                if not isinstance(text, str):
                    continue
                match = speaker_of(text)
                words = match.group(2) if match else text
                if not words or words.isspace():
                    continue
                for i_key in meant_keys:
                    said_here = quotes.get(i_key)
                    if said_here is None:
                        quotes[i_key] = [{"source": _DIALOGUE, "text": words}]
                        quote_keys[i_key] = [l_key]
                    else:
                        said_here.append({"source": _DIALOGUE, "text": words})
                        quote_keys[i_key].append(l_key)
                    if match and i_key not in speakers:
                        speakers[i_key] = match.group(1).strip()
        # Each I-node's kind by its roles (docs/interchange.md), the roles found in bulk.
        supporters = set(map(start_of, picked(_SUPPORTING)))
        backed = set(map(end_of, picked(_BACKING)))
        answering = {
            p
            for p, targets in attacked_by.items()
            if any(types[t] == "CA" or t in attacked_by for t in targets)
        }
        argmap_nodes: list[dict[str, Any]] = []
        fields: dict[str, Any] = {}
        self.node_keys = list(inode)
        kinds = self.kinds
        by_role = map(
            _KINDS.__getitem__,
            zip(
                map(attacked_by.__contains__, inodes),
                map(answering.__contains__, inodes),
                map(supporters.__contains__, inodes),
                map(backed.__contains__, inodes),
                strict=True,
            ),
        )
        for (key, name), kind in zip(inode.items(), by_role, strict=True):
            node = nodes[key]
            chosen = (kinds.get(key) if kinds else None) or kind
            made = {"id": name, "kind": str(chosen), "text": node["text"]}
            said_here = quotes.get(key)
            if said_here is not None:
                made["quotes"] = said_here
            speaker = speakers.get(key)
            if speaker is not None:
                made["attribution"] = speaker
            argmap_nodes.append(made)
            if len(node) > 3 or not isinstance(node["nodeID"], str):
                fields[key] = _rest(node, "text", owned=owned)
        fields.update(scheme_fields)
        represented = set(inode)
        represented.update(order)
        # An edge is held by the map when both its ends are and it is no edge
        # between two I-nodes (which AIF does not draw and the map cannot hold).
        if len(order) == len(of_type["RA"]) + len(of_type["CA"]):
            # Every RA and CA node is held: the types say which nodes and edges.
            kept_nodes = list(compress(nodes.values(), map(_KEPT.__contains__, column)))
            held = picked(_HELD)
            kept = picked(frozenset(at_pair) - _HELD)
        else:
            kept_nodes = [node for key, node in nodes.items() if key not in represented]
            holds = list(
                map(
                    operator.gt,  # (both ends held) and not (both I-nodes)
                    map(
                        operator.and_,
                        map(represented.__contains__, starts),
                        map(represented.__contains__, ends),
                    ),
                    map("II".__eq__, map(operator.add, start_types, end_types)),
                )
            )
            held = list(compress(range(len(holds)), holds))
            kept = list(compress(range(len(holds)), map(operator.not_, holds)))
        edges = self.graph["edges"]  # each sound, when the map is built: ends for each
        edge_fields: dict[str, Any] = {}
        for index, edge in zip(held, map(edges.__getitem__, held), strict=True):
            if len(edge) > 2:
                rest = edge if owned else dict(edge)
                del rest["fromID"], rest["toID"]
                edge_fields[f"{starts[index]}>{ends[index]}"] = rest
        kept_edges = list(map(edges.__getitem__, kept))
        self.meta.update(
            ids=ids, fields=fields, edge_fields=edge_fields, nodes=kept_nodes, edges=kept_edges
        )
        if kept_nodes or kept_edges:
            counts = Counter(map(_NODE_TYPE, kept_nodes))  # each a type of _TYPES
            listed = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
            unplaced = sum(n for t, n in counts.items() if t in ("RA", "CA"))
            why = (
                f"; {unplaced} RA/CA without an I-node premise and one conclusion"
                if unplaced
                else ""
            )
            self.report(
                [],
                ProblemCode.AIF_KEPT_IN_METADATA,
                f"{len(kept_nodes)} nodes ({listed or 'none'}) and {len(kept_edges)} edges have no "
                f"place in an argument map{why}; kept verbatim in metadata.aif, "
                "written back on export",
                Severity.WARNING,
            )
        document: dict[str, Any] = {"argmap": FORMAT_VERSION, "title": title}
        if quotes:
            document["sources"] = [
                {"id": _DIALOGUE, "title": "The dialogue's locutions (AIF L-nodes)"}
            ]
        document["nodes"] = argmap_nodes
        document["relations"] = relations
        return document

    def unplaced(
        self,
        key: str,
        types: Mapping[str, str],
        premises: list[str],
        targets: list[str],
        placed: Mapping[str, bool],
    ) -> None:
        """Warn, at the node, why an RA or CA node becomes no relation."""
        kind = types[key]
        found = []
        if not premises:
            found.append("has no I-node premise (no edge to it from an I-node)")
        if not targets:
            found.append("has no conclusion (no edge from it to an I-node, RA or CA node)")
        elif len(targets) > 1:
            found.append(
                f"has {len(targets)} conclusions ({', '.join(repr(t) for t in targets[:5])})"
            )
        elif kind == "RA" and types[targets[0]] != "I":
            found.append(f"concludes the {types[targets[0]]} node {targets[0]!r}")
        elif kind == "CA" and types[targets[0]] != "I" and not placed.get(targets[0], False):
            found.append(
                f"attacks the {types[targets[0]]} node {targets[0]!r}, which is no relation itself"
            )
        expected = "an I-node" if kind == "RA" else "an I-node, or an RA or CA node it attacks"
        self.report(
            ["nodes", self.index(key)],
            ProblemCode.AIF_KEPT_IN_METADATA,
            f"the {kind} node {key!r} {' and '.join(found)}; expected an I-node premise and "
            f"one conclusion ({expected}); kept verbatim in metadata.aif",
            Severity.WARNING,
        )

    def translate(self, problem: Problem) -> Problem:
        """A problem of the built map, about the AIF item it came from (message included)."""
        message = _MAP_PATH.sub(lambda m: self.aif_path(m.group()), problem.message)
        return attrs.evolve(problem, path=self.aif_path(problem.path), message=message)

    def aif_path(self, path: str) -> str:
        """The AIF item a problem of the built map is about: its node, edge or field."""
        parts = parse_path(path)
        at: list[str | int] = []
        if len(parts) >= 2 and isinstance(parts[1], int):
            rest = parts[2:]
            field = rest[0] if rest else None
            if parts[0] == "nodes" and parts[1] < len(self.node_keys):
                key = self.node_keys[parts[1]]
                said = self.quote_keys.get(key, [])
                if field == "quotes" and len(rest) > 1 and isinstance(rest[1], int):
                    at = self.node_at(said[rest[1]], "text") if rest[1] < len(said) else []
                elif field == "attribution" and said:
                    at = self.node_at(said[0], "text")
                at = at or self.node_at(key, {"text": "text", "id": "nodeID"}.get(str(field)))
            elif parts[0] == "relations" and parts[1] < len(self.relation_keys):
                key, premise, target = self.relation_keys[parts[1]]
                ends = {"from": (premise, key, "fromID"), "to": (key, target, "toID")}
                if field in ends:
                    a, b, end = ends[str(field)]
                    pairs = zip(self.starts, self.ends, strict=True)
                    index = next((i for i, (x, y) in enumerate(pairs) if x == a and y == b), None)
                    at = [*self.prefix, "edges", index, end] if index is not None else []
                scheme = field == "scheme" and key in self.schemed
                at = at or self.node_at(key, "scheme" if scheme else None)
        return format_path(at or self.prefix)

    def node_at(self, key: str, field: str | None = None) -> list[str | int]:
        return [*self.prefix, "nodes", self.index(key), *([field] if field else [])]

    def index(self, key: str) -> int:
        """Where the node `key` stands in the file's list of nodes."""
        if len(self.indexes) < len(self.types):
            # Read a column at a time, every node is sound: each stands where
            # it comes in `types`. Worked out only when a problem needs it.
            self.indexes = dict(zip(self.types, range(len(self.types)), strict=True))
        return self.indexes[key]


def _in_aif_words(problem: Problem) -> Problem:
    """A problem of reading the text, expecting AIF where the parser expects an argument map."""
    if problem.code is not ProblemCode.EMPTY_DOCUMENT:
        return problem
    return attrs.evolve(problem, message=f"the document is empty; expected {_EXPECTED}")


def _rest(node: dict[str, Any], field: str, *, owned: bool) -> dict[str, Any]:
    """What of a node the map does not hold: all but nodeID (unless a number), type, `field`.

    Cut out of `node` itself when the reader `owned` it, else out of a copy.
    """
    rest = node if owned else dict(node)
    rest.pop("type", None)
    rest.pop(field, None)
    if isinstance(rest["nodeID"], str):
        del rest["nodeID"]
    return rest


def _sound_nodes(
    raw: list[Any],
) -> tuple[dict[str, dict[str, Any]], dict[str, str]] | None:
    """`_Reader.read_nodes` when every node is sound, checked column by column; else None.

    Sound: an object with a text nodeID given once and one of AIF's types, and
    a non-blank text if it is an I-node. Real files are, and looking at them a
    column at a time takes a fraction of the time of a node at a time.
    """
    try:
        keys = list(map(_NODE_ID, raw))
        kinds = list(map(_NODE_TYPE, raw))
        if not _TYPE_SET.issuperset(kinds):
            return None
    except (TypeError, KeyError):  # not an object, a field missing, a type unhashable
        return None
    if set(map(type, keys)) - {str}:
        return None
    texts = list(map(_NODE_TEXT, compress(raw, map("I".__eq__, kinds))))
    if set(map(type, texts)) - {str} or not all(texts) or any(map(str.isspace, texts)):
        return None
    nodes = dict(zip(keys, raw, strict=True))
    if len(nodes) != len(raw):
        return None
    return nodes, dict(zip(keys, kinds, strict=True))


def _sound_edges(
    raw: list[Any], types: Mapping[str, str]
) -> tuple[list[str], list[str], list[str], list[str]] | None:
    """`_Reader.read_edges` when every edge joins two declared nodes by text nodeIDs; else None."""
    try:
        starts = list(map(_FROM_ID, raw))
        ends = list(map(_TO_ID, raw))
    except (TypeError, KeyError):
        return None
    # `types` is keyed by text alone: an end that is no text (a number, a
    # list) is found by no lookup, and the careful reading says what it is.
    try:
        start_types = list(map(types.__getitem__, starts))
        end_types = list(map(types.__getitem__, ends))
    except (KeyError, TypeError):  # an end that no node has, or that cannot be a key
        return None
    return starts, ends, start_types, end_types


def _grouped(keys: Iterable[str], values: Iterable[str]) -> dict[str, list[str]]:
    """Each of `values` listed under its key, in order."""
    keys, values = list(keys), list(values)
    # Most keys come once (a YA node's one locution, an RA node's one
    # conclusion): then each list is made in C, one value each.
    single = dict(zip(keys, map(list, zip(values)), strict=True))
    if len(single) == len(keys):
        return single
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for key, value in zip(keys, values, strict=True):
        groups[key].append(value)
    return groups


def _names_for(prefixes: list[str], keys: list[str], taken: set[str]) -> list[str]:
    """An argmap id for each nodeID (with its prefix), none of them `taken` (which gets them).

    The nodeID itself where it is an argmap id; AIFdb's numbers get the
    prefix; else what it holds that an id may, after the prefix. An id taken
    already gets `-2`, `-3`, ... AIFdb's nodeIDs (numbers, `1234.2`) are
    named all at once when that gives the same names as one at a time.
    """
    if (
        keys
        and _DIGIT_KEYS("\n" + "\n".join(keys)) is not None
        and max(map(len, keys)) + max(map(len, prefixes)) <= _ID_LENGTH
    ):
        names = list(map(operator.add, prefixes, keys))
        if len(set(names)) == len(names) and taken.isdisjoint(names):
            taken.update(names)
            return names
    return [_name_for(prefix, key, taken) for prefix, key in zip(prefixes, keys, strict=True)]


def _name_for(prefix: str, key: str, taken: set[str]) -> str:
    if _ID_OK(key):
        wanted = key
    elif _ID_OK(f"{prefix}{key}"):
        wanted = f"{prefix}{key}"
    else:
        wanted = f"{prefix}{_UNSAFE.sub('_', key)[:100]}"
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def from_data(
    document: Any,
    *,
    title: str = "AIF argument map",
    kinds: Mapping[str, NodeKind | str] | None = None,
) -> tuple[ArgumentMap | None, list[Problem]]:
    """The checked map of parsed AIF JSON (None if there are errors) and every problem.

    Each problem's path is into the AIF document. `kinds` overrides the kind
    of I-nodes by their nodeID.
    """
    with collector_paused():
        return _from_data(document, title=title, kinds=kinds)


def _from_data(
    document: Any,
    *,
    title: str,
    kinds: Mapping[str, NodeKind | str] | None,
    owned: bool = False,
) -> tuple[ArgumentMap | None, list[Problem]]:
    reader = _Reader(document, kinds, owned=owned)
    built = reader.read(title)
    problems = list(reader.problems)
    if built is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    # metadata.aif came from parsed JSON and no check reads it: the map is
    # checked without it (walking it was most of the time) and gets it back.
    report = _check_built(built, base=Path.cwd())
    # A problem of the map built from the file is about an AIF node or edge:
    # it is reported there, where the user can fix it.
    problems += [reader.translate(p) for p in report.problems]
    if report.map is None:
        return None, problems
    return attrs.evolve(report.map, metadata={"aif": reader.meta}), problems


def check_text(
    text: str | bytes,
    *,
    file: str | None = None,
    title: str | None = None,
    kinds: Mapping[str, NodeKind | str] | None = None,
) -> Report:
    """Read AIF JSON text: the checked map (or None) and every problem, located in the file."""
    # Parsing and building make many small objects and no cycles: the cycle
    # collector, run again and again over them, took a third of the time.
    with collector_paused():
        try:
            text = _decode(text, file)
            parsed = parse_text(text, "json", file=file)
        except ValidationError as error:
            return Report(map=None, problems=tuple(map(_in_aif_words, error.problems)))
        checked, found = _from_data(
            parsed.document,
            title=title or (Path(file).stem if file else "AIF argument map"),
            kinds=kinds,
            owned=True,  # parsed here, for this reading alone
        )
    problems = [*parsed.problems, *found]
    unplaced = [p.path for p in problems if p.line is None]
    places = locate(text, "json", unplaced) if unplaced else {}
    problems = [
        attrs.evolve(p, file=file)
        if p.line is not None
        else attrs.evolve(p, file=file, line=places[p.path][0], column=places[p.path][1])
        for p in problems
    ]
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    failed = any(p.severity is Severity.ERROR for p in problems)
    return Report(map=None if failed else checked, problems=tuple(problems))


def loads(
    text: str | bytes,
    *,
    title: str | None = None,
    kinds: Mapping[str, NodeKind | str] | None = None,
) -> ArgumentMap:
    """The map of AIF JSON text; `ValidationError` listing every problem."""
    return check_text(text, title=title, kinds=kinds).unwrap()


def load(
    path: str | os.PathLike[str], *, kinds: Mapping[str, NodeKind | str] | None = None
) -> ArgumentMap:
    """The map of an AIF JSON file; its title is the file's name without suffix."""
    data = Path(path).read_bytes()
    return check_text(data, file=str(path), kinds=kinds).unwrap()


def to_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The AIF JSON of a map; what came from AIF (metadata.aif) is written back as it was."""
    expect_map(argument_map)
    meta = _kept(argument_map.metadata)
    ids: Mapping[str, str] = meta.get("ids", {})
    fields: Mapping[str, Mapping[str, Any]] = meta.get("fields", {})
    edge_fields: Mapping[str, Mapping[str, Any]] = meta.get("edge_fields", {})
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    used = {str(n.get("nodeID")) for n in meta.get("nodes", ())}

    def key_of(name: str) -> str:
        return ids.get(name, name)

    def node(key: str, type: str, text: str, **more: Any) -> None:
        extra = dict(fields.get(key, {}))
        node_id = extra.pop("nodeID", key)
        nodes.append(
            {"nodeID": node_id, "text": extra.pop("text", text), "type": type, **more, **extra}
        )
        used.add(key)

    def edge(a: str, b: str) -> None:
        extra = edge_fields.get(f"{a}>{b}", {})
        edges.append(
            {
                **({"edgeID": f"e{len(edges) + 1}"} if "edgeID" not in extra else {}),
                "fromID": a,
                "toID": b,
                **extra,
            }
        )

    for n in argument_map.nodes:
        node(key_of(n.id), "I", n.text)
    groups: dict[str, list[Relation]] = {}
    for r in argument_map.relations:
        group = key_of(r.id) if r.id is not None and r.id in ids else (r.argument or r.id)
        if group is None or (group in used and group not in groups):
            group = f"{'ra' if r.kind is RelationKind.SUPPORTS else 'ca'}{len(groups) + 1}"
            while group in used:
                group += "_"
        groups.setdefault(group, []).append(r)
        used.add(group)
    group_of = {r.id: g for g, rs in groups.items() for r in rs if r.id is not None}
    for group, rs in groups.items():
        first = rs[0]
        type = "RA" if first.kind is RelationKind.SUPPORTS else "CA"
        default = "Default Inference" if type == "RA" else "Default Conflict"
        node(
            group,
            type,
            first.scheme or default,
            **({"scheme": first.scheme} if first.scheme else {}),
        )
    for group, rs in groups.items():
        for r in rs:
            edge(key_of(r.source), group)
        first = rs[0]
        target = (
            group_of.get(first.target, first.target)
            if first.kind is RelationKind.UNDERCUTS
            else key_of(first.target)
        )
        for r in rs[1:]:
            if r.target != first.target:
                edge(group, key_of(r.target))
        edge(group, target)
    nodes.extend(map(dict, meta.get("nodes", ())))
    edges.extend(map(dict, meta.get("edges", ())))
    if not meta:
        _quotes_as_locutions(argument_map, nodes, edges, used)
    graph: dict[str, Any] = {
        "nodes": nodes,
        "edges": edges,
        "locutions": list(meta.get("locutions", [])),
    }
    # What was kept never overwrites what the map itself writes.
    graph.update(_without(meta.get("graph", {}), graph))
    if "wrapper" in meta:
        return {"AIF": graph, **_without(meta["wrapper"], ("AIF",))}
    return graph


def _without(kept: Mapping[str, Any], written: Iterable[str]) -> dict[str, Any]:
    """The entries of `kept` whose keys are not among those `written`."""
    taken = set(written)
    return {key: value for key, value in kept.items() if key not in taken}


def _entries_are(value: object, kind: type) -> bool:
    """Whether `value` is a mapping of text keys to values of `kind`."""
    return isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, kind) for k, v in value.items()
    )


def _objects(value: object) -> bool:
    """Whether `value` is a list of mappings."""
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)


_SHAPES: Mapping[str, Callable[[object], bool]] = {
    "ids": lambda value: _entries_are(value, str),
    "fields": lambda value: _entries_are(value, Mapping),
    "edge_fields": lambda value: _entries_are(value, Mapping),
    "nodes": _objects,
    "edges": _objects,
    "locutions": lambda value: isinstance(value, list),
    "graph": lambda value: _entries_are(value, object),
    "wrapper": lambda value: _entries_are(value, object),
}
"""What an AIF import keeps in metadata["aif"], each part's shape."""


def _kept(metadata: Mapping[str, Any]) -> Mapping[str, Any]:
    """metadata["aif"] where every part has the shape an import gives it, else nothing.

    The parts refer to one another (ids, fields and edges name the same AIF
    nodes): edited into another shape, none of them can be trusted, and the
    map is written as if it had come from argmap.
    """
    meta = metadata.get("aif")
    if isinstance(meta, Mapping) and all(
        key in _SHAPES and _SHAPES[key](value) for key, value in meta.items()
    ):
        return meta
    return {}


def _quotes_as_locutions(
    argument_map: ArgumentMap,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    used: set[str],
) -> None:
    # A map made in argmap: each quote becomes the L-node of its words, asserting the I-node.
    count = 0
    for n in argument_map.nodes:
        for quote in n.quotes:
            count += 1
            said, act = f"L{count}", f"YA{count}"
            while said in used or act in used:
                said, act = said + "_", act + "_"
            used.update((said, act))
            speaker = f"{n.attribution} : " if n.attribution else ""
            nodes.append({"nodeID": said, "text": speaker + quote.text, "type": "L"})
            nodes.append({"nodeID": act, "text": "Asserting", "type": "YA", "scheme": "Asserting"})
            edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": said, "toID": act})
            edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": act, "toID": n.id})


def dumps(argument_map: ArgumentMap) -> str:
    """The AIF JSON text of a map (two-space indents, real Unicode characters)."""
    return json.dumps(to_data(argument_map), indent=2, ensure_ascii=False) + "\n"


def dump(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the AIF JSON of a map to `path`, atomically."""
    write_atomic(path, dumps(argument_map).encode("utf-8"))
