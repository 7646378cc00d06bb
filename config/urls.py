from django.contrib.auth import views as auth_views
from django.urls import include, path

from bluelight.api import pages as api_pages
from bluelight.benefits import views as benefits
from bluelight.benefits import views_setup as benefits_setup
from bluelight.core import views as core
from bluelight.core.forms_auth import SignInForm
from bluelight.cover import views as cover
from bluelight.demand import views as demand
from bluelight.demand import views_setup as demand_setup
from bluelight.exchange import views as exchange
from bluelight.governance import views as governance
from bluelight.governance import views_actions as actions
from bluelight.governance import views_boards as boards
from bluelight.governance import views_papers as papers
from bluelight.governance import views_registers as registers
from bluelight.hotspots import views as hotspots
from bluelight.practice import views as practice
from bluelight.programmes import views as programmes
from bluelight.programmes import views_setup as setup
from bluelight.reports import views as reports
from bluelight.status import views as status

P = "programmes/<slug:slug>/"
W = P + "workstreams/<slug:key>/"
M = P + "meetings/<int:meeting_id>/"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(template_name="registration/sign_in.html", authentication_form=SignInForm),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("session/keep-alive/", core.session_keep_alive, name="session-keep-alive"),
    path("security-log/", core.security_log, name="security-log"),
    path("accessibility/", core.accessibility, name="accessibility"),
    path("public/<slug:slug>/", reports.public_page, name="public-page"),
    path("public/<slug:slug>/<path:label>/", reports.public_report, name="public-report"),
    path("api/v1/", include("bluelight.api.urls")),
    path("account/tokens/", api_pages.tokens, name="api-tokens"),
    path("account/tokens/<int:token_id>/revoke/", api_pages.token_revoke, name="api-token-revoke"),
    path("", programmes.programme_list, name="programme-list"),
    path("practice/", practice.library, name="practice-library"),
    path("practice/areas/", practice.areas, name="practice-areas"),
    path("practice/<slug:key>/", practice.entry_detail, name="practice-entry"),
    path("practice/<slug:key>/adopt/", practice.adopt_choose, name="practice-adopt-choose"),
    path("practice/<slug:key>/adopt/<slug:slug>/", practice.adopt, name="practice-adopt"),
    path("practice/<slug:key>/approve/", practice.approve, name="practice-approve"),
    path(W + "publish/", practice.publish, name="practice-publish"),
    path("organisations/", core.organisation_list, name="organisation-list"),
    path("organisations/new/", core.organisation_create, name="organisation-create"),
    path("programmes/new/", setup.programme_create, name="programme-create"),
    path(P, programmes.programme_dashboard, name="programme-dashboard"),
    path("workbook/template.xlsx", exchange.template, name="workbook-template"),
    path(P + "workbook/", exchange.workbook, name="workbook"),
    path(P + "hotspots/", hotspots.analysis_list, name="hotspot-list"),
    path(P + "hotspots/new/", hotspots.analysis_start, name="hotspot-start"),
    path(P + "hotspots/<int:pk>/", hotspots.analysis_detail, name="hotspot-detail"),
    path(P + "hotspots/<int:pk>/progress/", hotspots.analysis_progress, name="hotspot-progress"),
    path(P + "hotspots/<int:pk>/attach/", hotspots.analysis_attach, name="hotspot-attach"),
    path(P + "hotspots/<int:pk>/cells.<str:extension>", hotspots.analysis_download, name="hotspot-download"),
    path(P + "cover/", cover.scenario_list, name="cover-list"),
    path(P + "cover/new/", cover.scenario_start, name="cover-start"),
    path(P + "cover/<int:pk>/", cover.scenario_detail, name="cover-detail"),
    path(P + "cover/<int:pk>/progress/", cover.scenario_progress, name="cover-progress"),
    path(P + "cover/<int:pk>/attach/", cover.scenario_attach, name="cover-attach"),
    path(P + "cover/<int:pk>/benefit/", cover.scenario_benefit, name="cover-benefit"),
    path(P + "demand/", demand.demand_home, name="demand-home"),
    path(P + "demand/load/", demand.demand_load, name="demand-load"),
    path(P + "demand/requests/<int:pk>/", demand.request_edit, name="demand-request-edit"),
    path(P + "demand/protocols/new/", demand_setup.protocol_set, name="demand-protocol"),
    path(P + "demand/issues/new/", demand_setup.issue_create, name="demand-issue"),
    path(P + "demand/feeds/new/", demand_setup.feed_create, name="demand-feed"),
    path(P + "workbook/export/", exchange.export_start, name="workbook-export"),
    path(P + "workbook/import/", exchange.import_start, name="workbook-import"),
    path(P + "tasks/<int:task_id>/", exchange.task_detail, name="task-detail"),
    path(P + "tasks/<int:task_id>/progress.json", exchange.task_progress, name="task-progress"),
    path(P + "tasks/<int:task_id>/import/", exchange.task_confirm, name="task-confirm"),
    path(P + "tasks/<int:task_id>/download/", exchange.task_download, name="task-download"),
    path(P + "settings/", setup.programme_settings, name="programme-settings"),
    path(P + "settings/edit/", setup.programme_edit, name="programme-edit"),
    path(P + "workstreams/new/", programmes.workstream_create, name="workstream-create"),
    path(W, programmes.workstream_detail, name="workstream-detail"),
    path(W + "edit/", programmes.workstream_edit, name="workstream-edit"),
    path(W + "ratings/<path:label>/correct/", status.assessment_correct, name="assessment-correct"),
    path(W + "ratings/<path:label>/", status.assessment_record, name="assessment-record"),
    path(P + "benefits/", benefits.benefits_dashboard, name="benefits-dashboard"),
    path(P + "benefits/settings/", benefits_setup.benefit_settings, name="benefit-settings"),
    path(P + "benefits/unit-costs/", benefits_setup.unit_costs, name="unit-costs"),
    path(P + "benefits/new/", benefits_setup.benefit_create, name="benefit-create"),
    path(P + "benefits/costs/", benefits_setup.costs, name="benefit-costs"),
    path(P + "benefits/<slug:key>/edit/", benefits_setup.benefit_edit, name="benefit-edit"),
    path(P + "benefits/<slug:key>/", benefits.benefit_detail, name="benefit-detail"),
    path(P + "benefits/<slug:key>/actuals/", benefits.actual_record, name="actual-record"),
    path(P + "benefits/<slug:key>/actuals/<int:year>/sign-off/", benefits.actual_sign_off, name="actual-sign-off"),
    path(P + "governance/", governance.governance_home, name="governance-home"),
    path(P + "boards/new/", boards.board_create, name="board-create"),
    path(P + "boards/<slug:key>/", boards.board_detail, name="board-detail"),
    path(P + "boards/<slug:key>/members/new/", boards.member_add, name="member-add"),
    path(P + "meetings/new/", governance.meeting_create, name="meeting-create"),
    path(M, governance.meeting_detail, name="meeting-detail"),
    path(M + "edit/", governance.meeting_edit, name="meeting-edit"),
    path(M + "attendance/", governance.attendance_record, name="attendance-record"),
    path(M + "agenda/new/", governance.agenda_item_add, name="agenda-item-add"),
    path(M + "agenda/<int:number>/decision/", governance.decision_record, name="decision-record"),
    path(M + "pack/", boards.pack_page, name="pack-page"),
    path(M + "pack/text/", boards.pack_text, name="pack-text"),
    path(M + "pack.<str:kind>", boards.pack_download, name="pack-download"),
    path(P + "actions/", actions.action_log, name="action-log"),
    path(P + "actions/new/", actions.action_create, name="action-create"),
    path(P + "actions/<int:number>/", actions.action_edit, name="action-edit"),
    path(P + "risks/", registers.risk_register, name="risk-register"),
    path(P + "risks/new/", registers.risk_create, name="risk-create"),
    path(P + "risks/<int:number>/", registers.risk_detail, name="risk-detail"),
    path(P + "risks/<int:number>/edit/", registers.risk_edit, name="risk-edit"),
    path(P + "papers/", papers.paper_list, name="paper-list"),
    path(P + "papers/new/<slug:kind>/", papers.paper_create, name="paper-create"),
    path(P + "papers/<int:paper_id>/", papers.paper_detail, name="paper-detail"),
    path(P + "papers/<int:paper_id>/edit/", papers.paper_edit, name="paper-edit"),
    path(P + "papers/<int:paper_id>/file/", papers.paper_file, name="paper-file"),
    path(W + "milestones/new/", registers.milestone_create, name="milestone-create"),
    path(W + "milestones/<int:milestone_id>/", registers.milestone_edit, name="milestone-edit"),
    path(P + "periods/", status.period_list, name="period-list"),
    path(P + "periods/new/", status.period_create, name="period-create"),
    path(P + "periods/<path:label>/publish/", status.period_publish, name="period-publish"),
    path(P + "periods/<path:label>/overall/", status.overall_record, name="overall-record"),
    path(P + "reports/annual/<path:label>/download/", reports.annual_report_download, name="annual-report-download"),
    path(P + "reports/annual/<path:label>/text/", reports.annual_report_text, name="annual-report-text"),
    path(P + "reports/annual/<path:label>/", reports.annual_report, name="annual-report"),
]
