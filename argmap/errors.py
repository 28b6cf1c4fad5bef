"""Everything argmap raises, and the `Problem` records that validation reports."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

__all__ = [
    "ArgmapError",
    "FormatError",
    "Problem",
    "ProblemCode",
    "RenderError",
    "RenderWarning",
    "Severity",
    "ValidationError",
]


class ProblemCode(enum.StrEnum):
    """The stable name of each kind of problem (the table in docs/checks.md says what each means).

    Values are public and never change; a `Problem` holds one of these, so a
    code that is not declared here cannot be reported.
    """

    NOT_UTF8 = "not-utf8"
    EMPTY_DOCUMENT = "empty-document"
    TOO_LARGE = "too-large"
    BAD_TEXT = "bad-text"
    YAML_TAG = "yaml-tag"
    SYNTAX_ERROR = "syntax-error"
    TOO_DEEP = "too-deep"
    DUPLICATE_KEY = "duplicate-key"
    YAML_ALIAS = "yaml-alias"
    WRONG_TYPE = "wrong-type"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    UNKNOWN_KIND = "unknown-kind"
    UNSUPPORTED_VERSION = "unsupported-version"
    BAD_ID = "bad-id"
    BLANK_TEXT = "blank-text"
    DUPLICATE_ITEM = "duplicate-item"
    OUT_OF_RANGE = "out-of-range"
    DUPLICATE_ID = "duplicate-id"
    DANGLING_REFERENCE = "dangling-reference"
    BAD_REFERENCE = "bad-reference"
    SELF_RELATION = "self-relation"
    DUPLICATE_RELATION = "duplicate-relation"
    BAD_ARGUMENT = "bad-argument"
    UNDERCUT_CYCLE = "undercut-cycle"
    KIND_MISMATCH = "kind-mismatch"
    SOURCE_NOT_FOUND = "source-not-found"
    SOURCE_UNREADABLE = "source-unreadable"
    SOURCE_OUTSIDE_ROOT = "source-outside-root"
    QUOTE_NOT_FOUND = "quote-not-found"
    QUOTE_OFFSET_MISMATCH = "quote-offset-mismatch"
    AMBIGUOUS_QUOTE = "ambiguous-quote"
    UNVERIFIED_QUOTES = "unverified-quotes"
    UNUSED_SOURCE = "unused-source"
    UNUSED_SECTION = "unused-section"
    ISOLATED_NODE = "isolated-node"
    NOT_AIF = "not-aif"
    AIF_KEPT_IN_METADATA = "aif-kept-in-metadata"
    ARGDOWN_KEPT_IN_METADATA = "argdown-kept-in-metadata"
    ARGDOWN_NOT_REPRESENTED = "argdown-not-represented"
    SCHEMA_INVALID = "schema-invalid"
    MODEL_REFUSED = "model-refused"


class Severity(enum.StrEnum):
    """How much a problem matters: errors make a map invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document, and where it is.

    `path` is a JSON path into the document (`$.nodes[3].kind`); `code` is a
    stable, kebab-case name for the kind of problem; `file`, `line` and
    `column` (1-based) locate the offending value in a file, when known.
    """

    path: str
    message: str
    code: ProblemCode = attrs.field(converter=ProblemCode)
    severity: Severity = Severity.ERROR
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """Compiler style: ``file:line:col: code $.path: message``."""
        place = []
        if self.file is not None:
            place.append(self.file)
        if self.line is not None:
            place.append(str(self.line))
            if self.column is not None:
                place.append(str(self.column))
        head = ":".join(place)
        code = self.code if self.severity is Severity.ERROR else f"{self.code} (warning)"
        text = f"{code} {self.path}: {self.message}"
        return f"{head}: {text}" if head else text

    def to_dict(self) -> dict[str, str | int | None]:
        """A JSON-ready mapping of every field."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


_SHOWN = 20


class ValidationError(ArgmapError, ValueError):
    """A document or map is invalid; `problems` lists every problem found at once."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        errors = self.errors
        count = len(errors)
        # Worded here, not in _wording, which imports this module.
        lines = [f"{count} problem{'' if count == 1 else 's'} found"]
        lines += [f"  {p}" for p in errors[:_SHOWN]]
        if count > _SHOWN:
            lines.append(f"  … and {count - _SHOWN} more (see .problems)")
        return "\n".join(lines)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error (warnings ride along but do not fail)."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


class FormatError(ArgmapError, ValueError):
    """An unknown or unsupported file format was asked for."""


class RenderError(ArgmapError, RuntimeError):
    """A diagram could not be rendered (for example, Graphviz is missing)."""


class RenderWarning(UserWarning):
    """Rendering went ahead, but not quite as asked or as usual (for example, engine switched)."""
