"""Governance records: boards and meetings, papers, the agenda and decisions, and the registers."""

from bluelight.governance.models.agenda import AgendaItem, Decision
from bluelight.governance.models.boards import Attendance, Board, BoardMember, LastLooked, Meeting
from bluelight.governance.models.papers import Document
from bluelight.governance.models.registers import SCALE, Action, Milestone, Risk, RiskReview

__all__ = [
    "SCALE", "Action", "AgendaItem", "Attendance", "Board", "BoardMember", "Decision", "Document", "LastLooked", "Meeting",
    "Milestone", "Risk", "RiskReview",
]  # fmt: skip
