"""Award scoring: rules as data (`forms/*.scoring.toml`) and a pure engine that applies them.

    rules = load_rules("kotaku")
    result = score(rules, {"jumlah_bangunan": 50, "v_1a": 13, ...})
    result.total, result.level, [(i.id, i.percent, i.score) for i in result.items]

No Qt, no storage, no reportlab: callers bring the answers (and, for Kencana, the award history).
"""

from kampung_desktop.scoring.engine import score
from kampung_desktop.scoring.errors import AnswerError, RulesError, ScoringError
from kampung_desktop.scoring.kencana import is_kencana, kencana_years, winning_streak
from kampung_desktop.scoring.loader import load_rules_file, parse_rules
from kampung_desktop.scoring.model import Rules
from kampung_desktop.scoring.programs import PROGRAM_FORMS, load_rules, rules_path
from kampung_desktop.scoring.result import GroupResult, ItemResult, Result

__all__ = [
    "PROGRAM_FORMS",
    "AnswerError",
    "GroupResult",
    "ItemResult",
    "Result",
    "Rules",
    "RulesError",
    "ScoringError",
    "is_kencana",
    "kencana_years",
    "load_rules",
    "load_rules_file",
    "parse_rules",
    "rules_path",
    "score",
    "winning_streak",
]
