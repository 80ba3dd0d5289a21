from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .common import RealtySalesCase

NO_NEEDS = dict.fromkeys(
    ["budget", "down_payment_available", "income_monthly", "debt_monthly", "bedrooms_wanted", "area_min", "area_max"],
    0,
) | {"floor_min": 0, "floor_max": 0, "orientation_wanted": False}


@tagged("post_install", "-at_install")
class TestRecommendations(RealtySalesCase):
    """Recommendations as the lead's salesperson sees them, from what the buyer has and wants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # self.unit: 2 bedrooms, 100 m² at 20,000/m² = 2,000,000 (floor 12)
        # 3 bedrooms, 120 m² at 20,000/m² = 2,400,000 each, floors 2–6
        cls.big_units = cls._create_units(cls.layout_3br, range(2, 7), position=2, area=120.0, unit_price=20000.0)
        # 2 bedrooms, 89 m² at 15,000/m² = 1,335,000 each, floors 3–5
        cls.small_units = cls._create_units(cls.layout_2br, range(3, 6), position=1, area=89.0, unit_price=15000.0)
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Family Chen",
                "partner_id": cls.customer.id,
                "user_id": cls.salesperson.id,
                "realty_project_id": cls.project.id,
            }
        )

    @classmethod
    def _create_units(cls, layout, floors, position, area, unit_price):
        units = cls.env["realty.unit"].create(
            [
                {
                    "building_id": cls.building.id,
                    "floor": floor,
                    "position": position,
                    "layout_id": layout.id,
                    "gross_area": area,
                    "inner_area": area * 0.8,
                    "unit_price": unit_price,
                    "orientation": layout.orientation,
                }
                for floor in floors
            ]
        )
        units.action_release()
        return units

    def _recommend(self, limit=20, **needs):
        lead = self.lead.with_user(self.salesperson)
        lead.write(NO_NEEDS | needs)
        return lead.get_unit_recommendations(limit=limit)

    def _plans(self, results):
        return {result["payment_plan_id"] for result in results}

    def _units(self, results):
        return {result["unit_id"] for result in results}

    # ------------------------------------------------------------------
    # what the buyer can pay
    # ------------------------------------------------------------------

    def test_a_budget_is_not_cash(self):
        self.assertEqual(self._recommend(budget=2_500_000.0), [])

    def test_full_payment_needs_the_cash_not_the_budget(self):
        # the buyer: 800,000 in cash and a budget of 2,080,000 was offered 2,080,000 paid at once
        results = self._recommend(budget=2_080_000.0, down_payment_available=800_000.0, income_monthly=30000.0)
        self.assertTrue(results)
        self.assertNotIn(self.plan_full.id, self._plans(results))
        self.assertNotIn(self.plan_installment.id, self._plans(results))
        for result in results:
            self.assertLessEqual(result["down_payment"], 800_000.0)
            self.assertGreater(result["monthly_payment"], 0.0)
            self.assertLessEqual(result["price"], 2_080_000.0)

    def test_cash_for_the_whole_price_buys_outright(self):
        results = self._recommend(down_payment_available=2_000_000.0)
        self.assertEqual(self._units(results), set((self.unit | self.small_units).ids))
        by_unit = {result["unit_id"]: result for result in results}
        self.assertEqual(by_unit[self.unit.id]["payment_plan_id"], self.plan_full.id)
        self.assertEqual(by_unit[self.unit.id]["price"], 1_960_000.0)  # 2 % off for paying at once
        self.assertEqual(by_unit[self.unit.id]["monthly_payment"], 0.0)
        self.assertIn("cash", by_unit[self.unit.id]["reason"])

    def test_installments_need_the_cash_too(self):
        self.plan_full.action_archive()
        self.assertEqual(
            self._recommend(budget=2_500_000.0, down_payment_available=1_900_000.0, bedrooms_wanted=2, area_min=95.0),
            [],
        )
        results = self._recommend(down_payment_available=2_050_000.0, bedrooms_wanted=2, area_min=95.0)
        self.assertEqual(
            [(r["unit_id"], r["payment_plan_id"]) for r in results], [(self.unit.id, self.plan_installment.id)]
        )
        self.assertEqual(results[0]["down_payment"], 800_000.0)  # the first of 40/30/30

    def test_no_plan_whose_fixed_amounts_exceed_the_price(self):
        (self.plan_full | self.plan_installment).action_archive()
        down, loan = self.plan_mortgage.line_ids
        self.plan_mortgage.write(
            {
                "line_ids": [
                    Command.update(down.id, {"amount_type": "fixed", "fixed_amount": 1_500_000.0, "share": 0.0}),
                    Command.update(loan.id, {"share": 100.0}),
                ]
            }
        )
        results = self._recommend(down_payment_available=1_000_000.0, income_monthly=90000.0)
        by_plan = {
            plan: {r["unit_id"] for r in results if r["payment_plan_id"] == plan.id}
            for plan in (self.plan_mortgage, self.plan_provident)
        }
        self.assertEqual(by_plan[self.plan_mortgage], set((self.unit | self.big_units).ids))  # not 1,335,000
        self.assertEqual(by_plan[self.plan_provident], set(self.small_units.ids))

    def test_the_budget_caps_loans_too(self):
        results = self._recommend(budget=2_100_000.0, down_payment_available=1_000_000.0, income_monthly=90000.0)
        self.assertEqual(self._units(results), set((self.unit | self.small_units).ids))

    def test_income_too_low_means_no_loan(self):
        self.assertEqual(self._recommend(down_payment_available=800_000.0, income_monthly=4000.0), [])

    def test_enough_income_offers_a_mortgage_with_its_monthly_payment(self):
        results = self._recommend(down_payment_available=800_000.0, income_monthly=30000.0, debt_monthly=2000.0)
        by_unit = {result["unit_id"]: result for result in results}
        big = by_unit[self.big_units[0].id]
        self.assertEqual(big["payment_plan_id"], self.plan_mortgage.id)  # 20 % down of 2,400,000 is too much
        self.assertAlmostEqual(big["monthly_payment"], round(0.7 * 2_400_000 * 0.0042430544, 2), delta=1.0)
        self.assertLessEqual(big["monthly_payment"], (30000 - 2000) * 0.5)
        self.assertIn("down payment", big["reason"])

    def test_down_payment_too_small_means_no_loan(self):
        self.assertEqual(self._recommend(down_payment_available=100_000.0, income_monthly=90000.0), [])

    def test_provident_cap_limits_the_loan(self):
        self.plan_mortgage.action_archive()
        self.company.realty_provident_loan_cap = 1_000_000.0
        needs = {"down_payment_available": 600_000.0, "income_monthly": 60000.0}
        self.assertEqual(self._recommend(**needs), [])  # 80 % of the cheapest (1,335,000) is 1,068,000
        self.company.realty_provident_loan_cap = 1_200_000.0
        results = self._recommend(**needs)
        self.assertEqual(self._units(results), set(self.small_units.ids))
        self.assertEqual(self._plans(results), set(self.plan_provident.ids))

    # ------------------------------------------------------------------
    # what the buyer wants, and a mix to choose from
    # ------------------------------------------------------------------

    def test_bedrooms_and_area_filters(self):
        rich = {"down_payment_available": 5_000_000.0}
        self.assertEqual(self._units(self._recommend(bedrooms_wanted=3, **rich)), set(self.big_units.ids))
        results = self._recommend(area_min=95.0, area_max=110.0, **rich)
        self.assertEqual([r["unit_id"] for r in results], self.unit.ids)

    def test_floor_filter_and_only_available_units(self):
        self.big_units[0].action_hold()  # floor 2
        results = self._recommend(down_payment_available=5_000_000.0, bedrooms_wanted=3, floor_min=2, floor_max=4)
        self.assertEqual(self._units(results), set(self.big_units[1:3].ids))

    def test_a_mix_of_plans_and_layouts(self):
        results = self._recommend(down_payment_available=2_000_000.0, income_monthly=30000.0)
        layouts = set(self.env["realty.unit"].browse(self._units(results)).layout_id.ids)
        self.assertEqual(layouts, {self.layout_2br.id, self.layout_3br.id})
        plans = self._plans(results)
        self.assertTrue(plans & {self.plan_full.id, self.plan_installment.id}, "no unit paid with cash")
        self.assertTrue(plans & {self.plan_mortgage.id, self.plan_provident.id}, "no unit paid with a loan")
        self.assertEqual(len(results), len(self._units(results)), "a unit is listed twice")
        # even when only four are shown, every plan and layout has its best unit among them
        short = self._recommend(limit=4, down_payment_available=2_000_000.0, income_monthly=30000.0)
        self.assertEqual(
            self._plans(short),
            set((self.plan_full | self.plan_installment | self.plan_mortgage | self.plan_provident).ids),
        )

    def test_cheap_units_reach_scoring_behind_many_dear_ones(self):
        # Only three candidates are scored: the dearest unit of each layout under each plan's price cap comes
        # before the next dear one, so the cash buyer still gets a unit paid at once.
        with patch("odoo.addons.realty_sales.models.crm_lead.CANDIDATE_LIMIT", 3):
            results = self._recommend(down_payment_available=1_400_000.0, income_monthly=60000.0, bedrooms_wanted=0)
        self.assertIn(self.plan_full.id, self._plans(results))
        self.assertTrue(self._plans(results) & {self.plan_mortgage.id, self.plan_provident.id})

    def test_best_first_and_limited(self):
        results = self._recommend(down_payment_available=5_000_000.0, orientation_wanted="south_north")
        scores = [r["score"] for r in results]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertIn(results[0]["unit_id"], self.big_units.ids)
        self.assertEqual(len(self._recommend(limit=2, down_payment_available=5_000_000.0)), 2)

    def test_unsaved_needs_from_the_form(self):
        lead = self.lead.with_user(self.salesperson)
        answer = lead.get_recommendations_for_form(needs={"down_payment_available": 2_000_000.0, "name": "ignored"})
        self.assertIn("down_payment_available", answer["need_fields"])
        self.assertEqual({r["unit_id"] for r in answer["items"]}, set((self.unit | self.small_units).ids))
        self.assertEqual(lead.down_payment_available, 0.0)  # nothing was written
        self.assertEqual(lead.name, "Family Chen")
        new_lead = self.env["crm.lead"].with_user(self.salesperson).browse()
        needs = {"down_payment_available": 1_400_000.0, "realty_project_id": self.project.id}
        answer = new_lead.get_recommendations_for_form(needs=needs)
        self.assertEqual({r["unit_id"] for r in answer["items"]}, set(self.small_units.ids))

    def test_bounded_queries(self):
        lead = self.lead.with_user(self.salesperson)
        lead.write({"budget": 5_000_000.0, "down_payment_available": 1_000_000.0, "income_monthly": 40000.0})
        self.env.invalidate_all()
        lead.get_unit_recommendations()  # fills the access rules' caches, as any earlier request would
        self.env.invalidate_all()
        with self.assertQueryCount(5):
            self.assertTrue(lead.get_unit_recommendations())
