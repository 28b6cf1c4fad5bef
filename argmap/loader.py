"""Reading maps: text or data in, a checked, quote-anchored `ArgumentMap` out.

One pass finds every problem: the schema's and the semantic checks' together,
each located by JSON path and, for text, by line and column.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import msgspec

from ._checks import check_document
from ._codec import structure_map, unstructure_map
from ._collector import collector_paused
from ._paths import format_path, parse_path
from ._plain import MAX_DEPTH, plain_json
from ._sources import OutsideRootError, confine, read_source_text, remember_base, root_folder
from ._syntax import FORMATS, Format, format_for, locate, parse_text
from ._typed import DROPPED, load_typed
from ._wording import check_format, cut
from .errors import Problem, ProblemCode, Severity, ValidationError
from .model import ArgumentMap
from .schema import validate_data

__all__ = ["Report", "check", "from_dict", "load", "loads", "validate"]


@attrs.frozen(kw_only=True)
class Report:
    """The outcome of checking a map: the map (when it has no errors) and every problem found."""

    map: ArgumentMap | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the map invalid."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems worth a look that do not make the map invalid."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether the map is valid (warnings allowed)."""
        return self.map is not None

    def unwrap(self) -> ArgumentMap:
        """The map, or `ValidationError` listing every problem."""
        if self.map is None:
            raise ValidationError(self.problems)
        return self.map


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> ArgumentMap:
    """Read a map from a `.json`, `.yaml` or `.yml` file (or `format`).

    Args:
        path: the map file.
        format: "json" or "yaml"; default: from the suffix. (Other formats:
            `argmap.formats.load`.)
        sources_root: read quote sources only from inside this folder
            (symbolic links resolved; docs/security.md).

    Returns:
        The map, its quotes anchored (offsets filled in). Quote sources are
        read relative to the file's folder.

    Raises:
        ValidationError: the map is invalid; it lists every problem, each with
            file:line:col, JSON path and code.
        OSError: the file cannot be read.
    """
    if isinstance(path, ArgumentMap):
        raise TypeError("load reads a map from a file; argmap.check or validate checks a map")
    return _check_file(
        path, format=format, base=None, root=root_folder(sources_root), map_only=True
    ).unwrap()


def loads(
    text: str | bytes,
    *,
    format: Format = "yaml",
    base: str | os.PathLike[str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> ArgumentMap:
    """Read a map from JSON or YAML text.

    Args:
        text: the document, as text or UTF-8 bytes.
        format: "json" or "yaml" (YAML also reads JSON).
        base: the folder sources' paths are relative to (default: the
            working directory).
        sources_root: confines the sources read, as for `load`.

    Returns:
        The map, its quotes anchored.

    Raises:
        ValidationError: the map is invalid; it lists every problem, located
            by line:col and JSON path.
        FormatError: `format` is neither "json" nor "yaml" (AIF and Argdown
            text: `argmap.formats.aif.loads`, `argmap.formats.argdown.loads`).
        TypeError: `text` is neither str nor bytes.
    """
    if not isinstance(text, str | bytes):
        hint = "; argmap.load reads a file" if isinstance(text, os.PathLike) else ""
        raise TypeError(f"text must be str or bytes, got {type(text).__name__}{hint}")
    if format != "json" and format != "yaml":
        # (AIF and Argdown text: argmap.formats.aif.loads, argmap.formats.argdown.loads.)
        check_format(format, FORMATS, doing="read")
    # The folder is looked up only if a source needs it: small maps load in microseconds.
    folder = None if base is None else Path(base)
    return _check_text(
        text,
        format=format,
        file=None,
        base=folder,
        root=root_folder(sources_root),
        map_only=True,
    ).unwrap()


def from_dict(
    data: Mapping[str, Any],
    *,
    base: str | os.PathLike[str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> ArgumentMap:
    """Read a map from its document as plain data (what `json.load` gives).

    Args:
        data: the document; any mapping and sequence will do.
        base: as for `loads`.
        sources_root: as for `loads`.

    Returns:
        The map, its quotes anchored.

    Raises:
        ValidationError: the map is invalid, or holds values JSON cannot hold
            (sets, dates, NaN, keys that are not text); every problem is listed
            with its JSON path.
    """
    return _check_data(
        data, base=_base(base), root=root_folder(sources_root), map_only=True
    ).unwrap()


def validate(
    argument_map: ArgumentMap,
    *,
    base: str | os.PathLike[str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> ArgumentMap:
    """Check a map built in code; return it with its quotes anchored.

    Args:
        argument_map: the map.
        base: the folder its sources' paths are relative to (default: the
            folder it was loaded from, else the working directory).
        sources_root: confines the sources read, as for `load`.

    Returns:
        The map, its quotes anchored (offsets filled in).

    Raises:
        ValidationError: the map is invalid; it lists every problem by JSON path.
    """
    return check(argument_map, base=base, sources_root=sources_root).unwrap()


def check(
    target: str | os.PathLike[str] | ArgumentMap,
    *,
    format: Format | None = None,
    base: str | os.PathLike[str] | None = None,
    sources_root: str | os.PathLike[str] | None = None,
) -> Report:
    """Check a map file or a map object; never raises for an invalid map, only reports.

    Args:
        target: a map file's path, or a map built in code.
        format: for a file, "json" or "yaml"; default: from the suffix.
        base: for a map object, the folder its sources' paths are relative to.
        sources_root: confines the sources read, as for `load`.

    Returns:
        A `Report`: every problem (errors and warnings, located), and the map
        when there are no errors. Warnings (unused sources, isolated nodes,
        unusual relations) are in the report only: `load` and `validate` do
        not fail on them.

    Raises:
        OSError: the file cannot be read.
    """
    root = root_folder(sources_root)
    if isinstance(target, ArgumentMap):
        return _check_data(unstructure_map(target), base=_base(base), root=root)
    return _check_file(target, format=format, base=base, root=root)


def _check_file(
    target: str | os.PathLike[str],
    *,
    format: Format | None,
    base: str | os.PathLike[str] | None,
    root: Path | None,
    map_only: bool = False,
) -> Report:
    path = Path(target)
    try:
        _status(path)
    except OSError as error:
        if isinstance(target, str) and _looks_like_text(target):
            # The map's text given for its file name: say so, and not the whole text.
            raise type(error)(
                error.errno,
                f"{error.strerror} (the name looks like map text: argmap.loads reads text)",
                cut(target, 60),
            ) from None
        raise
    chosen = format_for(path.name, format)
    folder = path.parent if base is None else Path(base)
    try:
        data = _read_regular_file(path, MAX_MAP_BYTES)
    except _TooLargeError as error:
        problem = Problem(
            path="$", code=ProblemCode.TOO_LARGE, message=str(error), file=str(target)
        )
        return Report(map=None, problems=(problem,))
    return _check_text(
        data, format=chosen, file=str(target), base=folder, root=root, map_only=map_only
    )


MAX_MAP_BYTES = 512 * 2**20
"""The largest map file argmap reads (a map of 100,000 nodes takes about 40 MB)."""

MAX_SOURCE_BYTES = 64 * 2**20
"""The largest source text argmap reads to anchor quotes."""

MAX_TOTAL_SOURCE_BYTES = 256 * 2**20
"""The most source text argmap reads for one map, all sources together."""


class _TooLargeError(Exception):
    pass


def _looks_like_text(name: str) -> bool:
    """Whether a file name that was not found is more likely a map's text."""
    start = name.lstrip()
    return "\n" in name or start.startswith("argmap:") or (start.startswith("{") and ":" in start)


def _status(path: Path) -> os.stat_result:
    # The OS's own reason (a symlink loop is not "no such file"); a NUL
    # character, which no file name holds, is an OSError too, not a ValueError.
    try:
        status = os.stat(path)
    except ValueError:
        raise OSError(errno.EINVAL, "the file name holds a NUL character", str(path)) from None
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    return status


def _read_regular_file(path: Path, limit: int) -> bytes:
    # Only regular files: /dev/zero would never end, and opening a FIFO would
    # wait for a writer, so the kind of file is asked before it is opened.
    status = _status(path)
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with open(path, "rb") as stream:
        status = os.fstat(stream.fileno())
        if status.st_size > limit:
            raise _TooLargeError(
                f"the file holds {status.st_size / 2**20:.0f} MiB; argmap reads files of "
                f"up to {limit // 2**20} MiB"
            )
        return stream.read()


def _base(base: str | os.PathLike[str] | None) -> Path:
    return Path.cwd() if base is None else Path(base)


def _remember_base(argument_map: ArgumentMap, base: Path | None) -> None:
    # So that `dump` can keep its sources reachable; only source paths need it.
    if any(source.path is not None for source in argument_map.sources):
        remember_base(argument_map, _base(base))


def _without_bom(data: str | bytes) -> str | bytes:
    """`data` without the byte order mark some editors put first."""
    if isinstance(data, bytes):
        return data.removeprefix(b"\xef\xbb\xbf")
    return data.removeprefix("\ufeff")


def _decode(data: str | bytes, file: str | None) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise ValidationError(
            [
                Problem(
                    path="$",
                    code=ProblemCode.NOT_UTF8,
                    message=f"the file is not UTF-8 text: byte {data[error.start]:#04x} at "
                    f"offset {error.start} cannot be decoded (is it binary, or in another "
                    "encoding? save it as UTF-8)",
                    file=file,
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _check_text(
    data: str | bytes,
    *,
    format: Format,
    file: str | None,
    base: Path | None,
    root: Path | None = None,
    typed: bool = True,
    map_only: bool = False,
) -> Report:
    """Check map text; `base` is the sources' folder (None: the current one).

    `map_only` says the caller keeps only the map (`load`, `loads`): the
    warnings of a map that loads are then not looked up in the text.
    """
    if typed and format == "json":
        # The common case, a valid map, at the speed of parsing; anything
        # else takes the wordy path below, which finds and words every problem.
        # Bytes (a file) go to the decoder as they are: it reads UTF-8, and
        # text of other scripts would be decoded only to be encoded again.
        report = _typed_report(
            _without_bom(data),
            base=base,
            root=root,
            map_only=map_only,
            placed=lambda warnings: _placed(
                warnings,
                document=None,
                text=_decode(data, file),
                format=format,
                file=file,
                unique_keys=True,  # counted by the fast path
            ),
        )
        if report is not None:
            return report
    try:
        text = _decode(data, file)
    except ValidationError as error:
        return Report(map=None, problems=error.problems)
    try:
        with collector_paused():
            parsed = parse_text(text, format, file=file)
    except ValidationError as error:
        return Report(map=None, problems=error.problems)
    document, problems = parsed.document, list(parsed.problems)
    if isinstance(document, dict) and "metadata" in document:
        # The parsers make JSON data; only metadata may nest without bound.
        # One level into the document: depth counts from its root, as from_dict counts it.
        document["metadata"], found = plain_json(document["metadata"], at=("metadata",), depth=1)
        problems += found
    return _check_document(
        document,
        early=problems,
        base=_base(base),
        root=root,
        text=text,
        format=format,
        file=file,
        map_only=map_only,
    )


def _check_data(
    data: object, *, base: Path, root: Path | None = None, map_only: bool = False
) -> Report:
    text = _json_text(data)
    if text is not None:
        # Written out by json's C encoder and read by the fast path: many
        # times quicker than walking the data in Python and checking it the
        # wordy way, which remains for what the fast path does not vouch for.
        report = _typed_report(
            text,
            base=base,
            root=root,
            map_only=map_only,
            # Named from the plain copy, as the wordy path names them (made only for warnings).
            placed=lambda warnings: _placed_by_ids(warnings, plain_json(data)[0]),
        )
        if report is not None:
            return report
    document, problems = plain_json(data)
    return _check_document(document, early=problems, base=base, root=root, map_only=map_only)


def _json_text(data: object) -> str | None:
    """`data` as JSON text, if `plain_json` would take it as it is; else None."""
    # (Metadata is one level into the document, as plain_json counts levels.)
    if not isinstance(data, dict) or not _keys_are_text(data.get("metadata"), 1):
        return None
    try:
        # Types JSON lacks (sets, dates, …) and NaN raise; dicts and lists,
        # tuples too, are written as plain_json would copy them. Keys that
        # are not text are written as text, so they are looked for first in
        # metadata, the only free-form part (elsewhere they are unknown fields).
        # Not escaped to ASCII: a surrogate, alone or two making a pair, would
        # be read back as one character; as it is, the fast path declines it.
        return json.dumps(data, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return None


def _keys_are_text(value: object, depth: int = 0) -> bool:
    if depth >= MAX_DEPTH:
        return False  # plain_json reports it
    if isinstance(value, dict):
        # items(), as json and plain_json read a dict.
        return all(
            type(key) is str and _keys_are_text(item, depth + 1) for key, item in value.items()
        )
    if isinstance(value, list | tuple):
        return all(_keys_are_text(item, depth + 1) for item in value)
    return True


def _typed_report(
    text: str | bytes,
    *,
    base: Path | None,
    root: Path | None,
    map_only: bool,
    placed: Callable[[list[Problem]], tuple[Problem, ...]],
) -> Report | None:
    """The report of a map written as JSON `text`, if the fast path takes it (else None).

    Its warnings are made and `placed`, unless the caller keeps only the map
    (`map_only`): then they are not even made.
    """
    warnings: list[Problem] = []
    # Inline rather than `collector_paused`: a small map loads in tens of microseconds.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        argument_map = load_typed(
            text,
            lambda rows: _source_texts(rows, _base(base), root),
            DROPPED if map_only else warnings,
        )
    finally:
        if was_enabled:
            gc.enable()
    if argument_map is None:
        return None
    _remember_base(argument_map, base)
    if not warnings:
        return Report(map=argument_map, problems=())
    return Report(map=argument_map, problems=placed(warnings))


def _placed_by_ids(problems: list[Problem], document: Any) -> tuple[Problem, ...]:
    """`problems` placed in a document that has no text: by the ids they name."""
    return _placed(problems, document=document, text=None, format="json", file=None)


def _check_document(
    document: Any,
    *,
    early: list[Problem],
    base: Path,
    root: Path | None = None,
    text: str | None = None,
    format: Format = "json",
    file: str | None = None,
    map_only: bool = False,
) -> Report:
    with collector_paused():
        problems = validate_data(document)
        shapes_ok = not problems
        if early and problems:
            # A value already reported while reading (an alias, a mistagged or
            # non-JSON value) was read as null: the schema's word on it is noise.
            reported = {p.path for p in early}
            problems = [
                p for p in problems if p.code != ProblemCode.WRONG_TYPE or p.path not in reported
            ]
        problems = early + problems
        texts, source_problems = _read_sources(document, base, root)
        problems += source_problems
        result = check_document(document, texts=texts, shapes_ok=shapes_ok)
        problems += result.problems
        argument_map = None
        if not any(p.severity is Severity.ERROR for p in problems):
            argument_map = _structure(document, problems)
    if argument_map is not None:
        _remember_base(argument_map, base)
        if map_only:
            return Report(map=argument_map, problems=tuple(problems))  # warnings, not placed
    return Report(
        map=argument_map,
        problems=_placed(problems, document=document, text=text, format=format, file=file),
    )


def _placed(
    problems: list[Problem],
    *,
    document: Any,
    text: str | None,
    format: Format,
    file: str | None,
    unique_keys: bool = False,
) -> tuple[Problem, ...]:
    """`problems` with their places (line and column in `text`, else the ids named), in order."""
    unplaced = [p.path for p in problems if p.line is None]
    if text is not None and unplaced:
        # Problems found while parsing know their place already; the rest are looked up.
        positions = locate(text, format, unplaced, unique_keys=unique_keys)
        problems = [
            p
            if p.line is not None
            else attrs.evolve(p, line=positions[p.path][0], column=positions[p.path][1])
            for p in problems
        ]
    if file is not None:
        problems = [attrs.evolve(p, file=file) for p in problems]
    if text is None:
        # Without lines to point at, a position alone is hard to find in a map built in code.
        problems = [_named(p, document) for p in problems]
    problems.sort(key=_document_order)
    return tuple(problems)


def _check_built(document: dict[str, Any], *, base: Path) -> Report:
    """Check a document a program built (not read from text), the fast way when it can.

    The document is written out as JSON and read by the typed fast path;
    what that path cannot vouch for is checked the wordy way.
    """
    text = msgspec.json.encode(document)
    report = _typed_report(
        text,
        base=base,
        root=None,
        map_only=False,
        placed=lambda warnings: _placed_by_ids(warnings, document),
    )
    return _check_document(document, early=[], base=base) if report is None else report


def _structure(document: dict[str, Any], problems: list[Problem]) -> ArgumentMap | None:
    try:
        # Without the model's validators: the schema and the checks tested
        # every value they would (codec.structure_map); the checks wrote the
        # anchored quotes' offsets into the document.
        return structure_map(document)
    except (TypeError, ValueError) as error:
        # The schema and the checks should have refused whatever the model
        # refuses; should they ever disagree, the user still gets a problem.
        problems.append(
            Problem(
                path="$",
                code=ProblemCode.MODEL_REFUSED,
                message=f"the document passed every check but the model refused it: {error} "
                "(please report this as a bug in argmap)",
            )
        )
        return None


def _named(problem: Problem, document: Any) -> Problem:
    """`problem` with the id of the node (or the ends of the relation) it is about."""
    parts = parse_path(problem.path)
    if len(parts) < 2 or parts[0] not in ("nodes", "relations") or not isinstance(parts[1], int):
        return problem
    items = document.get(parts[0]) if isinstance(document, dict) else None
    item = items[parts[1]] if isinstance(items, list) and parts[1] < len(items) else None
    if not isinstance(item, dict):
        return problem
    if parts[0] == "nodes" and isinstance(item.get("id"), str):
        told = f"node {item['id']!r}"
    elif parts[0] == "relations" and isinstance(item.get("id"), str):
        told = f"relation {item['id']!r}"
    elif parts[0] == "relations" and isinstance(item.get("from"), str):
        told = f"relation {item['from']!r} → {item.get('to')!r}"
    else:
        return problem
    if told in problem.message:
        return problem
    return attrs.evolve(problem, message=f"{told}: {problem.message}")


def _document_order(problem: Problem) -> tuple[int, int, list[tuple[int, int | str]]]:
    # Within a line, or where there are no lines, by path: $.nodes[2] before $.nodes[10].
    steps: list[tuple[int, int | str]] = [
        (0, part) if isinstance(part, int) else (1, part) for part in parse_path(problem.path)
    ]
    return (problem.line or 0, problem.column or 0, steps)


def _read_sources(
    document: Any, base: Path, root: Path | None = None
) -> tuple[dict[str, str], list[Problem]]:
    sources = document.get("sources") if isinstance(document, dict) else None
    if not isinstance(sources, list):
        return {}, []
    rows = [
        (index, source["id"], source["path"])
        for index, source in enumerate(sources)
        if isinstance(source, dict)
        and isinstance(source.get("id"), str)
        and isinstance(source.get("path"), str)
    ]
    return _read_source_rows(rows, base, root)


def _source_texts(
    rows: list[tuple[int, str, str]], base: Path, root: Path | None
) -> dict[str, str] | None:
    texts, problems = _read_source_rows(rows, base, root)
    return None if problems else texts


def _read_source_rows(
    rows: list[tuple[int, str, str]], base: Path, root: Path | None
) -> tuple[dict[str, str], list[Problem]]:
    """The texts of the sources `(index, id, path)`, and the problems of reading them."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    # Many sources may name one file: it is looked at once a path as written,
    # read (and held) once a file.
    outcomes: dict[str, str | Exception] = {}
    read_before: dict[tuple[int, int], str] = {}
    total = 0
    for index, id, path in rows:
        if id in texts:
            continue
        outcome = outcomes.get(path)
        if outcome is None:
            try:
                read = base / path if root is None else confine(base / path, root)
                status = _status(read)
                outcome = read_before.get((status.st_dev, status.st_ino))
                if outcome is None:
                    if total + status.st_size > MAX_TOTAL_SOURCE_BYTES:
                        raise _TooLargeError(
                            f"the map's sources hold more than "
                            f"{MAX_TOTAL_SOURCE_BYTES // 2**20} MiB together; argmap reads no more"
                        )
                    outcome = read_source_text(_read_regular_file(read, MAX_SOURCE_BYTES))
                    read_before[status.st_dev, status.st_ino] = outcome
                    total += status.st_size
            except (OutsideRootError, _TooLargeError, UnicodeDecodeError, OSError) as error:
                outcome = error
            outcomes[path] = outcome
        if isinstance(outcome, str):
            texts[id] = outcome
        else:
            problems.append(_source_problem(outcome, index, id, path, base / path))
    return texts, problems


def _source_problem(error: Exception, index: int, id: str, path: str, full: Path) -> Problem:
    """The problem of source `index`, whose text could not be read from `path` (`full`)."""
    where = format_path(["sources", index, "path"])
    if isinstance(error, OutsideRootError):
        return Problem(path=where, code=ProblemCode.SOURCE_OUTSIDE_ROOT, message=str(error))
    if isinstance(error, _TooLargeError):
        return Problem(
            path=where, code=ProblemCode.SOURCE_UNREADABLE, message=f"source {id!r}: {error}"
        )
    if isinstance(error, UnicodeDecodeError):
        return Problem(
            path=where,
            code=ProblemCode.SOURCE_UNREADABLE,
            message=f"the text of source {id!r} ({full}) is not UTF-8: "
            f"byte offset {error.start} cannot be decoded",
        )
    reason = getattr(error, "strerror", None) or type(error).__name__
    return Problem(
        path=where,
        code=ProblemCode.SOURCE_NOT_FOUND,
        message=f"cannot read the text of source {id!r} at {path!r} "
        f"(resolved to {full}): {reason}; paths are relative to the map file",
    )
