"""Where a big load's time goes: parts of `argmap.loads` beside `json.loads`, in fresh processes.

    python bench/bench_load_parts.py [--runs 5] [--nodes 100000] [--shapes varied ...]

Each part is timed from the text (a `str`, as `argmap.loads` is given it in
bench_load.py) to its result, and the cycle collector's walk over what it made
is included (a list is made after the part, as a program's next step would
make one):

- `json.loads`: the baseline.
- `decode`: msgspec decoding into argmap's typed structs, the text handed over
  as the loader hands it (a big text that is not ASCII encoded to UTF-8 first).
- `decode + build`: that, then the structs' columns read and the model's
  objects made from them, with no check at all.
- `argmap.loads`: the whole load, every check included.
- `argmap.check`: the whole check of the file (read from it), the warnings of
  a map that has some placed in the text, as `argmap validate` reports them.
- `argmap.from_dict`: the map of the document as `json.loads` gives it (made
  before the timer starts).

So `argmap.loads` less `decode + build` is what the checks cost. The parts call
argmap's private functions: this is a diagnostic for whoever works on loading,
not an API. The shapes and their texts are bench_load.py's.

`--baseline DIR` (another checkout, e.g. made with `git worktree add`) adds its
`argmap.loads` and `argmap.check`, timed in the same rounds, and their ratios
to this checkout's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
from bench_load import WRITTEN, _ms  # noqa: E402
from synthetic import SHAPES  # noqa: E402

PARTS = (
    "json.loads",
    "decode",
    "decode + build",
    "argmap.loads",
    "argmap.check",
    "argmap.from_dict",
)
COMPARED = ("argmap.loads", "argmap.check", "argmap.from_dict")
"""The parts timed in the baseline checkout too, given one."""


_BASELINE = ", baseline"


def _baseline(part: str) -> str:
    return part + _BASELINE


def child(part: str, path: str, home: str | None) -> None:
    """Time one part in this fresh process (argmap from `home`, if given); print the seconds."""
    import gc
    import time

    if home is not None:
        sys.path.insert(0, home)
    from msgspec import UNSET

    import argmap
    from argmap import _codec, _typed

    text = Path(path).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text) if part.startswith("argmap.from_dict") else {}

    def decode() -> _typed._Map:
        return _typed._DECODER.decode(_typed._for_decoder(text))

    def build() -> argmap.ArgumentMap:
        document = decode()
        nodes = _typed._columns(document.nodes, _typed._Node.__struct_fields__)
        relations = {}
        if document.relations is not UNSET:
            relations = _typed._columns(document.relations, _typed._Relation.__struct_fields__)
        metadata = {} if document.metadata is UNSET else document.metadata
        return _codec.structure_typed(document, metadata, nodes, relations)

    def paused(part: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            # As the loader runs it: the collector paused while objects are made.
            gc.disable()
            try:
                return part()
            finally:
                gc.enable()

        return run

    actions: dict[str, Callable[[], object]] = {
        "json.loads": lambda: json.loads(text),
        "decode": paused(decode),
        "decode + build": paused(build),
        "argmap.loads": lambda: argmap.loads(text, format="json"),
        "argmap.check": lambda: argmap.check(path),
        "argmap.from_dict": lambda: argmap.from_dict(data),
    }
    actions |= {_baseline(part): actions[part] for part in COMPARED}
    gc.collect()
    start = time.perf_counter()
    kept = actions[part]()
    # Enough new objects for the collector's next young walk, over what was made.
    after: list[list[object]] = [[] for _ in range(1_000)]
    seconds = time.perf_counter() - start
    del kept, after
    print(json.dumps(seconds))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="process rounds per median")
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--shapes", nargs="+", choices=list(WRITTEN), default=list(WRITTEN))
    parser.add_argument("--baseline", type=Path, help="another argmap checkout to time alongside")
    parser.add_argument("--child", nargs=2, metavar=("PART", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.home)
        return 0
    from measure import child_json

    parts = PARTS + (tuple(map(_baseline, COMPARED)) if args.baseline else ())
    columns = [f"`{part}`" for part in parts]
    if args.baseline:
        columns += [f"`{part}`, this checkout / baseline" for part in COMPARED]
    print("| shape | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            made_by, options = WRITTEN[shape]
            path = Path(folder) / f"{shape}.json"
            document = SHAPES[made_by](args.nodes)
            path.write_text(json.dumps(document, ensure_ascii=False, **options), encoding="utf-8")
            times: dict[str, list[float]] = {part: [] for part in parts}
            for _ in range(args.runs):  # the parts in turn, round after round
                for part in parts:
                    command = [sys.executable, __file__, "--child", part, str(path)]
                    if part.endswith(_BASELINE):
                        command += ["--home", str(args.baseline.resolve())]
                    times[part].append(child_json(command))
            base = statistics.median(times["json.loads"])
            cells = []
            for part in parts:
                median = statistics.median(times[part])
                cells.append(f"{_ms(median)} ({median / base:.2f}×)")
            for part in COMPARED if args.baseline else ():
                pairs = zip(times[part], times[_baseline(part)], strict=True)
                cells.append(f"{statistics.median(new / old for new, old in pairs):.2f}×")
            print(f"| {shape}, {args.nodes:,} nodes | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
