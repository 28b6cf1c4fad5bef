"""The kind a node gets on import, from the roles it plays (docs/interchange.md).

AIF and Argdown describe roles differently (CA/RA nodes; attack, undercut and
support relations), but one rule turns roles into kinds for both.
"""

from __future__ import annotations

from ..model import NodeKind

__all__ = ["kind_by_role"]


def kind_by_role(
    *, attacks: bool, answers_an_attack: bool, supports: bool, is_backed: bool
) -> NodeKind:
    """An attacker is an objection, or a rebuttal when what it attacks is itself an
    attacker or an attack; a premise that nothing supports or attacks is evidence;
    everything else is a claim.
    """
    if attacks:
        return NodeKind.REBUTTAL if answers_an_attack else NodeKind.OBJECTION
    return NodeKind.EVIDENCE if supports and not is_backed else NodeKind.CLAIM
