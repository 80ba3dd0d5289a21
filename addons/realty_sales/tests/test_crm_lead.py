from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestCrmLead(RealtySalesCase):
    """Leads of the sales office, and plain CRM next to them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.crm_user = new_test_user(cls.env, login="crm_only", groups="sales_team.group_sale_salesman")
        cls.Lead = cls.env["crm.lead"].with_user(cls.salesperson)

    def _lead(self, **values):
        return self.Lead.create({"name": "Chen family, 3 bedrooms", "user_id": self.salesperson.id, **values})

    # ------------------------------------------------------------------
    # plain CRM keeps working
    # ------------------------------------------------------------------

    def test_a_crm_user_without_a_realty_role_opens_and_edits_leads(self):
        lead = self.env["crm.lead"].with_user(self.crm_user).create({"name": "Office chairs", "type": "opportunity"})
        self.env["realty.visit"].create({"lead_id": lead.id})  # a visit the CRM user may not read
        with Form(lead) as form:
            form.expected_revenue = 12000.0
        self.assertEqual(lead.expected_revenue, 12000.0)
        fields = lead.fields_get()
        self.assertNotIn("budget", fields)
        self.assertNotIn("visit_ids", fields)
        self.assertIn("budget", self.Lead.fields_get())

    def test_the_realty_salesperson_fills_in_the_needs_in_the_form(self):
        with Form(self.Lead) as form:
            form.name = "Wang Qiang"
            form.budget = 3_000_000.0
            form.down_payment_available = 900_000.0
            form.bedrooms_wanted = 3
        self.assertEqual((form.record.budget, form.record.bedrooms_wanted), (3_000_000.0, 3))

    def test_negative_means_are_refused_naming_the_field(self):
        lead = self._lead()
        cases = [
            ("income_monthly", "Household Monthly Income cannot be negative"),
            ("budget", "Total Budget cannot be negative"),
            ("down_payment_available", "Cash Available cannot be negative"),
            ("debt_monthly", "Monthly Debt Payments cannot be negative"),
        ]
        for name, message in cases:
            with self.subTest(name), self.assertRaisesRegex(ValidationError, message + r".*Chen family.*5,000\.00"):
                with self.env.cr.savepoint():
                    lead.write({name: -5000.0})
        with self.assertRaisesRegex(ValidationError, "Bedrooms Wanted cannot be negative"), self.env.cr.savepoint():
            self._lead(bedrooms_wanted=-1)
        self.assertEqual(lead.budget, 0.0)

    # ------------------------------------------------------------------
    # the sales office's pipeline
    # ------------------------------------------------------------------

    def test_the_pipeline_holds_the_offices_leads_and_opportunities(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("realty_sales.crm_lead_action_realty")
        Lead = self.Lead.with_context(**safe_eval(action["context"]))
        from_app = Lead.create({"name": "Walk-in", "user_id": self.salesperson.id, "type": "lead"})
        with_project = self._lead(realty_project_id=self.project.id)
        other = self.env["crm.lead"].with_user(self.crm_user).create({"name": "Office chairs"})
        from_app.convert_opportunity(self.customer)
        pipeline = self.env["crm.lead"].with_user(self.manager).search(safe_eval(action["domain"]))
        self.assertIn(from_app, pipeline)
        self.assertEqual(from_app.type, "opportunity")
        self.assertIn(with_project, pipeline)
        self.assertNotIn(other, pipeline)

    def test_a_visit_makes_a_lead_the_offices(self):
        lead = self._lead()
        self.assertFalse(lead.is_realty)
        self.env["realty.visit"].with_user(self.salesperson).create({"lead_id": lead.id})
        self.assertTrue(lead.is_realty)
