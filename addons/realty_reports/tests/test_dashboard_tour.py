import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase

# the names Odoo's browser test looks for on the PATH (odoo/tests/common.py)
CHROME_NAMES = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase, RealtyFinanceCase):
    """A sales manager, in Chinese, opens the dashboard, filters a project, changes the period and drills down
    from a card to its contracts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.name = "Dash Garden"
        cls.building.write({"name": "Dash Tower", "code": "D"})
        cls.salesperson.name = "Dash Seller"
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["realty_reports"], ["zh_CN"])
        cls.manager.lang = "zh_CN"

    def test_manager_opens_filters_and_drills_down(self):
        self.assertTrue(any(map(shutil.which, CHROME_NAMES)), "a browser test needs Chrome: it must not be skipped")
        contract = self._signed_contract()  # D-1201, 2,000,000, today
        lead = self.env["crm.lead"].create({"name": "Dash visitor", "user_id": self.salesperson.id})
        self.env["realty.visit"].create({"lead_id": lead.id, "project_id": self.project.id, "user_id": lead.user_id.id})
        self.start_tour(
            "/odoo/action-realty_reports.realty_dashboard_action", "realty_reports_dashboard", login="realty_manager"
        )
        self.assertEqual(contract.state, "signed", "the dashboard only reads")
