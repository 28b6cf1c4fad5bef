"""Asking a map questions: a summary, which claims stand, lints, diffs, ICCMA files.

Pure functions on `ArgumentMap`; the answers are frozen attrs classes whose
`str()` is a table and whose `as_dict()` is JSON-ready. See docs/analysis.md.
"""

from .diff import AcceptanceChange, Change, MapDiff, diff
from .evaluation import SEMANTICS, Evaluation, NodeStatus, evaluate
from .extensions import (
    EXTENSION_SEMANTICS,
    complete_extensions,
    extensions,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    stable_extensions,
)
from .framework import SUPPORT_RULES, Framework, framework
from .gradual import DEFAULT_BASE_SCORE, GRADUAL_SEMANTICS, Strengths, strengths
from .iccma import ICCMA_FORMATS, dumps_iccma, loads_iccma, read_solver_answer
from .lints import Lint, LintCode, Lints, lint
from .summary import Summary, summary

__all__ = [
    "DEFAULT_BASE_SCORE",
    "EXTENSION_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "ICCMA_FORMATS",
    "SEMANTICS",
    "SUPPORT_RULES",
    "AcceptanceChange",
    "Change",
    "Evaluation",
    "Framework",
    "Lint",
    "LintCode",
    "Lints",
    "MapDiff",
    "NodeStatus",
    "Strengths",
    "Summary",
    "complete_extensions",
    "diff",
    "dumps_iccma",
    "evaluate",
    "extensions",
    "framework",
    "grounded_extension",
    "grounded_labelling",
    "lint",
    "loads_iccma",
    "preferred_extensions",
    "read_solver_answer",
    "stable_extensions",
    "strengths",
    "summary",
]
