"""The format registry, Mermaid, networkx/GraphML, and convert/validate/render across formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap._wording import IMAGE_FORMATS, MAP_FORMATS
from argmap.analysis import Framework, dumps_iccma
from argmap.cli import main
from argmap.errors import FormatError
from argmap.formats import FORMATS, dumps, format_for, mermaid
from argmap.formats.graphs import dumps_graphml

from .test_aif import LINKED

NATO = Path(__file__).resolve().parents[1] / "examples" / "nato_indo_pacific" / "map.yaml"


def test_json_is_sniffed_and_suffixes_decide_the_rest() -> None:
    assert format_for("m.aif.json", reading=True).name == "aif"
    assert format_for("m.json", reading=True, head=b'{"argmap": "1.1", "nodes": []}').name == "json"
    assert format_for("m.json", reading=True, head=b'{"nodes": [{"nodeID": "1"}]}').name == "aif"
    assert format_for("m.JSON", reading=True, head=b'{"AIF": {}}').name == "aif"
    assert format_for("m.mmd", reading=False).name == "mermaid"
    with pytest.raises(FormatError, match="cannot read the format 'mermaid'"):
        format_for("m.json", "mermaid", reading=True)
    assert all(f.read or f.write for f in FORMATS.values())


def test_mermaid_draws_every_node_and_relation_and_undercuts_through_a_hub() -> None:
    m = argmap.formats.aif.loads(LINKED)
    text = mermaid.dumps(m)
    assert text.startswith("flowchart BT\n")
    assert text.count('|"supports"|') == 3
    assert text.count('|"undercuts"|') == 2
    # The two undercut relations (the CA and the linked RA's first premise) pass through hubs.
    assert text.count("(( ))") == 2
    assert "Socrates is a god." in text
    quoted = argmap.Node(id="q", kind="claim", text='say "hi" #1 <b>')
    assert "&quot;hi&quot; &#35;1 &lt;b&gt;" in mermaid.dumps(
        argmap.ArgumentMap(title="t", nodes=[quoted])
    )


def test_networkx_graph_has_relation_nodes_for_undercut_targets() -> None:
    m = argmap.formats.aif.loads(LINKED)
    graph = argmap.to_networkx(m)
    assert graph.number_of_edges() == len(m.relations)
    undercut_targets = {r.target for r in m.relations if r.kind is argmap.RelationKind.UNDERCUTS}
    for target in undercut_targets:
        assert graph.nodes[target]["kind"] == "relation"
    assert graph.nodes["n1"]["quotes"][0]["text"] == "Socrates is a man"
    root = ET.fromstring(dumps_graphml(m))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert len(root.findall(f"{ns}graph/{ns}node")) == len(m.nodes) + len(undercut_targets)


def test_convert_between_every_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    aif_file = tmp_path / "in.aif.json"
    aif_file.write_text(LINKED, encoding="utf-8")
    assert main(["convert", str(aif_file), "-o", str(tmp_path / "m.yaml")]) == 0
    assert (
        main(
            ["convert", str(tmp_path / "m.yaml"), "-o", str(tmp_path / "back.json"), "--to", "aif"]
        )
        == 0
    )
    back = json.loads((tmp_path / "back.json").read_text("utf-8"))
    assert len(back["nodes"]) == len(json.loads(LINKED)["nodes"])
    # back.json has no .aif suffix: its start says it is AIF.
    assert main(["validate", str(tmp_path / "back.json")]) == 0
    assert main(["convert", str(tmp_path / "back.json"), "-o", str(tmp_path / "m.mmd")]) == 0
    assert main(["convert", str(NATO), "-o", str(tmp_path / "n.graphml")]) == 0
    assert main(["validate", "--from", "aif", str(NATO)]) == 1
    err = capsys.readouterr().err
    assert f"{NATO}:1:1" in err
    assert "Traceback" not in err


def test_bad_aif_exits_1_with_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.aif.json"
    bad.write_text(
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}],\n'
        ' "edges": [{"fromID": "1", "toID": "2"}]}',
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:" in err
    assert "dangling-reference $.edges[0].toID" in err
    assert "Traceback" not in err
    assert main(["render", str(bad), "-o", str(tmp_path / "x.svg")]) == 1


def test_the_registry_and_the_drawing_name_the_formats_as_the_wording_room_does() -> None:
    assert tuple(FORMATS) == MAP_FORMATS
    assert frozenset(IMAGE_FORMATS) == argmap.drawing.FORMATS


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            lambda: dumps(_one_node(), "mermid"),
            "cannot write the format 'mermid' (did you mean 'mermaid'?)",
        ),
        (
            lambda: format_for("m.json", "jsn", reading=True),
            "cannot read the format 'jsn' (did you mean 'json'?)",
        ),
        (
            lambda: argmap.dumps(_one_node(), format="yml"),  # type: ignore[arg-type]
            "cannot use the format 'yml' (did you mean 'yaml'?)",
        ),
        (
            lambda: argmap.drawing.render_bytes(_one_node(), format="sgv"),
            "cannot draw in the format 'sgv' (did you mean 'svg'?)",
        ),
        (
            lambda: dumps_iccma(Framework.of([]), "apz"),  # type: ignore[arg-type]
            "cannot write the format 'apz' (did you mean 'apx'?)",
        ),
    ],
)
def test_every_format_name_is_checked_and_worded_the_same_way(
    call: Callable[[], object], words: str
) -> None:
    with pytest.raises(FormatError) as raised:
        call()
    assert str(raised.value).startswith(words)


def _one_node() -> argmap.ArgumentMap:
    return argmap.ArgumentMap(title="t", nodes=[argmap.Node(id="a", kind="claim", text="x")])
