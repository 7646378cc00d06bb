"""The demo's OFFICIAL-SENSITIVE risk (vetting fire staff, on a workstream the PFCC leads), as the
programme office and as the fire service's lead see it: in the register, the board pack and its
marking, and the workbook export."""

from __future__ import annotations

from django.urls import reverse

from bluelight.core.models import User
from bluelight.governance.models import Meeting, Risk
from bluelight.governance.pack import build_pack
from bluelight.programmes.access import access_for
from bluelight.programmes.models import Programme

VETTING = "Vetting fire staff to police standards delays co-location"


def test_the_office_sees_the_sensitive_risk_and_a_partner_does_not(demo, client):
    escp = Programme.objects.get(slug="essex-escp")
    vetting = Risk.objects.get(title=VETTING)
    office, fire = User.objects.get(username="programme.office"), User.objects.get(username="fire.lead")
    meeting = Meeting.objects.filter(programme=escp).order_by("held_on").last()

    client.force_login(fire)
    register = client.get(reverse("risk-register", args=["essex-escp"]) + "?show=all").content.decode()
    assert VETTING not in register
    assert client.get(reverse("risk-detail", args=["essex-escp", vetting.number])).status_code == 404

    for_office = build_pack(meeting, scope=access_for(office, escp).scope)
    for_fire = build_pack(meeting, scope=access_for(fire, escp).scope)
    open_risks = Risk.objects.filter(programme=escp, status="open").count()
    assert sum(for_office.heat_map.counts.values()) == open_risks
    assert sum(for_fire.heat_map.counts.values()) == open_risks - 1  # the vetting risk is not counted
    assert for_office.marking == "OFFICIAL-SENSITIVE"
    assert for_fire.marking == "OFFICIAL"
    # Asking for a lower marking does not lower it below what the document holds.
    assert build_pack(meeting, marking="OFFICIAL", scope=access_for(office, escp).scope).marking == (
        "OFFICIAL-SENSITIVE"
    )

    client.force_login(office)
    assert VETTING in client.get(reverse("risk-register", args=["essex-escp"]) + "?show=all").content.decode()


def test_an_action_on_a_sensitive_workstream_is_not_found_on_its_edit_page_even_for_its_owner(demo, client):
    from bluelight.governance.models import Action

    escp = Programme.objects.get(slug="essex-escp")
    police = User.objects.get(username="police.lead")
    hidden = escp.workstreams.exclude(lead_organisation=police.organisation).first()
    hidden.marking = "OFFICIAL-SENSITIVE"
    hidden.save(update_fields=["marking"])
    action = Action.objects.filter(programme=escp).first()
    Action.objects.filter(pk=action.pk).update(workstream=hidden, owner_organisation=police.organisation)

    client.force_login(police)
    # The action is the police's to update, but it hangs off a workstream the police may not see.
    assert client.get(reverse("action-edit", args=["essex-escp", action.number])).status_code == 404
    assert client.post(reverse("action-edit", args=["essex-escp", action.number]), {"status": "done"}).status_code == 404
    client.force_login(User.objects.get(username="programme.office"))
    assert client.get(reverse("action-edit", args=["essex-escp", action.number])).status_code == 200


def test_the_governance_home_counts_what_the_registers_it_links_to_list_for_that_person(demo, client):
    import datetime

    from django.utils import timezone

    from bluelight.governance.models import Action

    escp = Programme.objects.get(slug="essex-escp")
    vetting = Risk.objects.get(title=VETTING)
    Risk.objects.filter(pk=vetting.pk).update(residual_likelihood=5, residual_impact=5)  # above any threshold
    # The overdue actions hang off a workstream marked OFFICIAL-SENSITIVE, which the PFCC leads.
    type(vetting.workstream).objects.filter(pk=vetting.workstream_id).update(marking="OFFICIAL-SENSITIVE")
    Action.objects.filter(programme=escp).update(workstream=vetting.workstream, status="open",
                                                 due_on=timezone.localdate() - datetime.timedelta(days=3))  # fmt: skip
    home = reverse("governance-home", args=["essex-escp"])
    for username in ("programme.office", "fire.lead"):
        client.force_login(User.objects.get(username=username))
        page = client.get(home).content.decode()
        register = client.get(reverse("risk-register", args=["essex-escp"])).content.decode()
        above = sum(1 for r in Risk.objects.filter(programme=escp, status="open") if r.residual_score > escp.risk_threshold
                    and r.title in register)  # fmt: skip
        assert f"({above} above the threshold of {escp.risk_threshold})" in page, username
        log = client.get(reverse("action-log", args=["essex-escp"]) + "?show=overdue").content.decode()
        overdue = sum(1 for a in Action.objects.filter(programme=escp) if f">{a.reference}<" in log)
        assert (f"{overdue} overdue" in page) == (overdue > 0), username
        # The board pack counts the same actions as the log, open and overdue, for the same person.
        open_log = client.get(reverse("action-log", args=["essex-escp"])).content.decode()
        still_open = sum(1 for a in Action.objects.filter(programme=escp) if f">{a.reference}<" in open_log)
        meeting = escp.meetings.order_by("-held_on").first()
        pack = client.get(reverse("pack-page", args=["essex-escp", meeting.pk])).content.decode()
        assert f"{still_open} open action{'s' if still_open != 1 else ''}, {overdue} overdue." in pack, username
    # The fire lead sees neither the sensitive risk nor the actions on the sensitive workstream.
    assert VETTING not in register
    assert overdue == 0 and "overdue" not in page.split("Action log", 1)[1].split("</li>", 1)[0]
