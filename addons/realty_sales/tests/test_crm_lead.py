from odoo import Command
from odoo.exceptions import UserError, ValidationError
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

    # ------------------------------------------------------------------
    # reserving from a lead
    # ------------------------------------------------------------------

    def _reserve_from(self, lead):
        action = lead.action_reserve_unit(self.unit.id, self.plan_mortgage.id)
        reservation_form = Form(
            self.env["realty.reservation"].with_user(self.salesperson).with_context(action["context"])
        )
        reservation_form.deposit_amount = 50000.0
        return reservation_form.save()

    def test_reserving_makes_the_leads_contact_its_customer_once(self):
        lead = self._lead(contact_name="Chen Jing", phone="138 0000 1111", email_from="chen.jing@example.com")
        reservation = self._reserve_from(lead)
        customer = lead.partner_id
        self.assertEqual((customer.name, customer.phone), ("Chen Jing", "138 0000 1111"))
        self.assertEqual(reservation.partner_id, customer)
        self._reserve_from(lead)
        wizard = (
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.salesperson)
            .with_context(active_model="crm.lead", active_id=lead.id, active_ids=lead.ids)
            .create({})
        )
        wizard.action_apply()
        self.assertEqual(lead.partner_id, customer)
        self.assertEqual(self.env["res.partner"].search_count([("email", "=", "chen.jing@example.com")]), 1)

    def test_reserving_reuses_the_contact_the_email_matches(self):
        self.customer.email = "chen.jie@example.com"
        lead = self._lead(contact_name="Chen Jie", email_from="Chen Jie <chen.jie@example.com>")
        self._reserve_from(lead)
        self.assertEqual(lead.partner_id, self.customer)

    def test_reserving_needs_someone_to_reserve_for(self):
        lead = self._lead()
        with self.assertRaisesRegex(UserError, "Chen family, 3 bedrooms has no customer yet"):
            lead.action_reserve_unit(self.unit.id, self.plan_mortgage.id)

    # ------------------------------------------------------------------
    # the lead follows its reservations
    # ------------------------------------------------------------------

    def _team_stages(self):
        """A team with its own stages, after any other stage: first, middle, last open, won."""
        team = self.env["crm.team"].create({"name": "Sales office", "member_ids": [Command.link(self.salesperson.id)]})
        stages = self.env["crm.stage"].create(
            [
                {"name": name, "sequence": sequence, "is_won": name == "Signed", "team_ids": [Command.link(team.id)]}
                for name, sequence in [("Visited", 901), ("Negotiating", 902), ("Deposit paid", 903), ("Signed", 904)]
            ]
        )
        return team, stages

    def test_confirming_moves_the_lead_forward_and_cancelling_back(self):
        team, (visited, negotiating, deposit, _signed) = self._team_stages()
        lead = self._lead(contact_name="Chen Jing", team_id=team.id, type="lead", stage_id=visited.id)
        reservation = self._reserve_from(lead)
        self.assertEqual(lead.stage_id, visited, "a draft reservation is no deal yet")
        reservation.with_user(self.salesperson).action_confirm()
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.stage_id, deposit)
        self.assertEqual(lead.expected_revenue, reservation.price)
        reservation.with_user(self.salesperson).action_cancel()
        self.assertEqual(lead.stage_id, negotiating)

    def test_a_second_deal_adds_up_and_keeps_the_lead_forward(self):
        team, (visited, _negotiating, deposit, _signed) = self._team_stages()
        lead = self._lead(contact_name="Chen Jing", team_id=team.id, stage_id=visited.id)
        second_unit = self._create_unit(11, 1)
        second_unit.action_release()
        first = self._reserve_from(lead)
        first.with_user(self.salesperson).action_confirm()
        action = lead.action_reserve_unit(second_unit.id, self.plan_full.id)
        second = self.env["realty.reservation"].with_user(self.salesperson).with_context(action["context"]).create({})
        second.action_confirm()
        self.assertEqual(lead.expected_revenue, first.price + second.price)
        first.with_user(self.salesperson).action_cancel()
        self.assertEqual(lead.stage_id, deposit)
        self.assertEqual(lead.expected_revenue, second.price)

    def test_a_won_lead_stays_won(self):
        team, (_visited, _negotiating, _deposit, signed) = self._team_stages()
        lead = self._lead(contact_name="Chen Jing", team_id=team.id, stage_id=signed.id)
        reservation = self._reserve_from(lead)
        reservation.with_user(self.salesperson).action_confirm()
        self.assertEqual(lead.stage_id, signed)
        reservation.with_user(self.salesperson).action_cancel()
        self.assertEqual(lead.stage_id, signed)
