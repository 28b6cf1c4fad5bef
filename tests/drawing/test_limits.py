"""What Graphviz cannot read or must not be handed: over-long strings, unvalidated ids, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

import argmap
from argmap import ArgumentMap, Node, Quote, RenderError, RenderWarning, Source
from argmap.cli import main
from argmap.drawing import MAX_STRING, THEMES, render_bytes, to_dot


def _quoting(text: str, *, url: str | None = None) -> ArgumentMap:
    return ArgumentMap(
        title="Long",
        sources=[Source(id="s", title="S", url=url)],
        nodes=[Node(id="n", kind="claim", text="Short.", quotes=[Quote(source="s", text=text)])],
    )


def test_a_tooltip_over_graphvizs_limit_is_shortened_with_a_warning() -> None:
    m = _quoting("word " * 4_000)  # five paragraphs' worth: ~20k characters
    with pytest.warns(RenderWarning, match=r"node 'n': its tooltip .* shortened") as caught:
        dot = to_dot(m)
    assert caught[0].filename == __file__  # the caller's line, not argmap's
    assert "\u2026" in dot
    assert max(len(line) for line in dot.splitlines()) < MAX_STRING + 2_000


@pytest.mark.exe
def test_a_shortened_tooltip_is_drawn_by_graphviz() -> None:
    m = _quoting("a" * 17_000)
    with pytest.warns(RenderWarning):
        svg = render_bytes(m, format="svg", engine="dot")
    assert b"\xe2\x80\xa6" in svg  # the visible "…"


def test_an_overlong_url_is_left_unlinked_with_a_warning() -> None:
    m = _quoting("fine", url="https://example.org/" + "a" * 17_000)
    with pytest.warns(RenderWarning, match="drawn without the link"):
        dot = to_dot(m)
    assert "URL=" not in dot


def test_a_label_line_graphviz_cannot_read_is_refused_naming_the_node() -> None:
    accents = "a" + "\u0301" * 17_000  # one grapheme cluster: wrapping keeps it whole
    m = ArgumentMap(title="T", nodes=[Node(id="accents", kind="claim", text=accents)])
    with pytest.raises(RenderError, match="node 'accents'"):
        to_dot(m)


def test_an_id_that_escaped_validation_cannot_inject_dot() -> None:
    node = Node(id="n", kind="claim", text="x")
    m = ArgumentMap(title="T", nodes=[node])
    # As if built with attrs' validators off: the id breaks out of its quotes.
    object.__setattr__(node, "id", 'n" URL="javascript:alert(1)')
    with pytest.raises(RenderError, match="cannot draw the id"):
        to_dot(m, legend=False)


def test_a_font_name_that_escaped_validation_cannot_inject_dot() -> None:
    theme = attrs.evolve(THEMES["default"])
    object.__setattr__(theme, "font", 'x" URL="javascript:alert(1)')
    m = ArgumentMap(title="T", nodes=[Node(id="n", kind="claim", text="x")])
    with pytest.raises(RenderError, match="font name"):
        to_dot(m, theme=theme)


def test_rendering_a_map_without_nodes_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text('argmap: "1.0"\ntitle: Nothing yet\nnodes: []\n', encoding="utf-8")
    assert main(["render", str(empty), "-o", str(tmp_path / "e.dot")]) == 0
    assert "the map has no nodes" in capsys.readouterr().err


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.exe
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads child processes from /proc")
def test_sigterm_ends_graphviz_too(tmp_path: Path) -> None:
    # Dense enough that `dot` runs for many seconds when forced to.
    nodes = [Node(id=f"n{i}", kind="claim", text=f"Claim {i}.") for i in range(300)]
    relations = [
        argmap.Relation(source=f"n{i}", target=f"n{(i * 7 + k) % 300}", kind="supports")
        for i in range(300)
        for k in (1, 2, 3, 5)
        if (i * 7 + k) % 300 != i
    ]
    m = ArgumentMap(title="Dense", nodes=nodes, relations=relations)
    source = tmp_path / "dense.json"
    argmap.dump(m, source)
    command = [sys.executable, "-m", "argmap", "render", str(source), "-o", str(tmp_path / "d.svg")]
    process = subprocess.Popen([*command, "--engine", "dot"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not (children := _children(process.pid)):
            assert process.poll() is None, "render ended before Graphviz started"
            assert time.monotonic() < deadline, "Graphviz never started"
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 128 + signal.SIGTERM
        for child in children:
            with pytest.raises(ProcessLookupError):
                os.kill(child, 0)
    finally:
        process.kill()
        process.wait()
    assert not (tmp_path / "d.svg").exists()


def test_a_sigterm_while_graphviz_starts_is_held_until_the_child_can_be_ended() -> None:
    from argmap.drawing.layout import _termination_deferred

    class StopError(Exception):
        pass

    def stop(signum: int, frame: object) -> None:
        raise StopError

    previous = signal.signal(signal.SIGTERM, stop)
    steps = []
    try:
        try:
            with _termination_deferred():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)  # delivered here, but held
                steps.append("block ended")
        except StopError:
            steps.append("raised after")
        assert steps == ["block ended", "raised after"]
        assert signal.getsignal(signal.SIGTERM) is stop
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.mark.exe
def test_a_sigterm_held_while_graphviz_starts_ends_graphviz_when_it_is_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The race the subprocess test above can only hit by chance: the signal
    # lands while Popen is starting dot, is held, and is raised as the start
    # ends. The dot started must be killed and reaped, not left running.
    from argmap.drawing import layout

    class StopError(Exception):
        pass

    def stop(signum: int, frame: object) -> None:
        raise StopError

    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def popen_then_terminated(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process: subprocess.Popen[bytes] = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        started.append(process)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)  # delivered here, but held
        return process

    monkeypatch.setattr(subprocess, "Popen", popen_then_terminated)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(StopError):
            layout.run_graphviz("digraph { a -> b }", engine="dot", format="svg")
    finally:
        signal.signal(signal.SIGTERM, previous)
    (process,) = started
    assert process.returncode is not None  # killed and waited for
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
