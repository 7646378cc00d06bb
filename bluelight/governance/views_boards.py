"""The boards' pages: a board, its members, and adding either; and the meeting's board pack."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify

from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.governance import services
from bluelight.governance.forms import (
    BoardForm,
    MemberForm,
)
from bluelight.governance.models import Board
from bluelight.governance.pack import build_pack, render_standalone_html
from bluelight.governance.views import FORM, meeting_of
from bluelight.programmes.access import programme_for, require_admin


def board_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    return form_page(
        request, BoardForm(request.POST or None, initial={"cadence": Board.Cadence.BIMONTHLY}),
        lambda data: services.board_create(actor=Actor(request.user), programmes=[access.programme], **data),
        template=FORM, context={"programme": access.programme, "heading": "Add a board", "caption": access.programme.name,
                                "back": reverse("governance-home", args=[slug]), "button": "Add board"},
        done=lambda board: f"{board.name} added", next_url=lambda board: reverse("board-detail", args=[slug, board.key]),
    )  # fmt: skip


def _board(access, key) -> Board:
    return get_object_or_404(access.programme.boards, key=key)


def board_detail(request, slug, key):
    access = programme_for(request, slug)
    board = _board(access, key)
    return render(request, "governance/board_detail.html", {
        "access": access, "programme": access.programme, "board": board,
        "members": board.members.select_related("organisation", "user"),
        "meetings": board.meetings.filter(programme=access.programme).order_by("-held_on"),
    })  # fmt: skip


def member_add(request, slug, key):
    access = programme_for(request, slug)
    require_admin(access)
    board = _board(access, key)
    return form_page(
        request, MemberForm(request.POST or None, programme=access.programme),
        lambda data: services.member_add(actor=Actor(request.user), board=board, **data),
        template=FORM, context={"programme": access.programme, "heading": "Add a member", "caption": board.name,
                                "back": reverse("board-detail", args=[slug, key]), "button": "Add member"},
        done=lambda member: f"{member.name} added to the {board.name}",
        next_url=reverse("board-detail", args=[slug, key]),
    )  # fmt: skip


def pack_page(request, slug, meeting_id):
    access = programme_for(request, slug)
    pack = build_pack(meeting_of(access, meeting_id), scope=access.scope)
    return render(request, "governance/pack_page.html", {"access": access, "programme": access.programme, "pack": pack})


def pack_text(request, slug, meeting_id):
    from bluelight.governance.pack import PACK_RECOMMENDATION, pack_document_key, pack_title
    from bluelight.reports.views import text_page

    access = programme_for(request, slug)
    meeting = meeting_of(access, meeting_id)

    def computed():
        return {"summary": build_pack(meeting, scope=access.scope).computed_summary,
                "recommendations": PACK_RECOMMENDATION}  # fmt: skip

    return text_page(request, access, document=pack_document_key(meeting), computed=computed,
                     title=pack_title(meeting),
                     back=reverse("pack-page", args=[slug, meeting_id]))  # fmt: skip


def pack_download(request, slug, meeting_id, kind):
    from bluelight.governance.pack_document import pack_document
    from bluelight.reports.views import report_download

    access = programme_for(request, slug)
    pack = build_pack(meeting_of(access, meeting_id), scope=access.scope)
    return report_download(
        request, kind, f"{slugify(pack.meeting.board.name)}-pack-{pack.meeting.held_on:%Y-%m-%d}",
        html=lambda: render_standalone_html(pack), document=lambda: pack_document(pack), marking=pack.marking,
        rows=len(pack.rating_changes) + len(pack.risks) + len(pack.actions),
    )  # fmt: skip
