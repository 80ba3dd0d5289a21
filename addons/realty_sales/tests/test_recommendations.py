from odoo.tests import tagged

from .common import RealtySalesCase


@tagged("post_install", "-at_install")
class TestRecommendations(RealtySalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 3-bedroom units of 120 m² on floors 2–6 at 20,000/m²: 2,400,000 each; one 2-bedroom of 89 m²
        cls.big_units = cls.env["realty.unit"].create(
            [
                {
                    "building_id": cls.building.id,
                    "floor": floor,
                    "position": 2,
                    "layout_id": cls.layout_3br.id,
                    "gross_area": 120.0,
                    "inner_area": 98.0,
                    "unit_price": 20000.0,
                    "orientation": "south_north",
                }
                for floor in range(2, 7)
            ]
        )
        cls.big_units.action_release()
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Family Chen", "partner_id": cls.customer.id, "realty_project_id": cls.project.id}
        )

    def _recommend(self, **needs):
        self.lead.write(needs)
        return self.lead.get_unit_recommendations(limit=20)

    def test_budget_alone_offers_full_payment(self):
        results = self._recommend(budget=2_500_000.0)
        self.assertEqual({r["unit_id"] for r in results}, set((self.unit | self.big_units).ids))
        self.assertEqual({r["payment_plan_id"] for r in results}, {self.plan_full.id})
        self.assertIn("budget", results[0]["reason"])
        self.assertEqual(results[0]["monthly_payment"], 0.0)

    def test_income_too_low_means_no_mortgage(self):
        results = self._recommend(budget=0.0, down_payment_available=800_000.0, income_monthly=6000.0)
        self.assertEqual(results, [])

    def test_enough_income_offers_a_mortgage_with_its_monthly_payment(self):
        results = self._recommend(
            budget=0.0, down_payment_available=800_000.0, income_monthly=30000.0, debt_monthly=2000.0
        )
        self.assertTrue(results)
        best = results[0]
        self.assertEqual(best["payment_plan_id"], self.plan_mortgage.id)
        price = best["price"]
        self.assertAlmostEqual(best["monthly_payment"], round(0.7 * price * 0.0042430544, 2), delta=1.0)
        self.assertLessEqual(best["monthly_payment"], (30000 - 2000) * 0.5)
        self.assertIn("down payment", best["reason"])

    def test_down_payment_too_small_means_no_loan(self):
        results = self._recommend(budget=0.0, down_payment_available=100_000.0, income_monthly=90000.0)
        self.assertEqual(results, [])

    def test_provident_cap_limits_the_loan(self):
        self.plan_mortgage.active = False
        self.company.realty_provident_loan_cap = 1_000_000.0
        results = self._recommend(budget=0.0, down_payment_available=600_000.0, income_monthly=60000.0)
        self.assertEqual(results, [])  # 80 % of 2,000,000 is above the cap
        self.company.realty_provident_loan_cap = 2_000_000.0
        results = self._recommend(budget=0.0, down_payment_available=600_000.0, income_monthly=60000.0)
        self.assertEqual({r["payment_plan_id"] for r in results}, {self.plan_provident.id})

    def test_bedrooms_and_area_filters(self):
        results = self._recommend(budget=5_000_000.0, bedrooms_wanted=3)
        self.assertEqual({r["unit_id"] for r in results}, set(self.big_units.ids))
        results = self._recommend(budget=5_000_000.0, bedrooms_wanted=0, area_min=90.0, area_max=110.0)
        self.assertEqual([r["unit_id"] for r in results], self.unit.ids)

    def test_floor_filter_and_only_available_units(self):
        self.big_units[0].action_hold()  # floor 2
        results = self._recommend(budget=5_000_000.0, floor_min=2, floor_max=4)
        self.assertEqual({r["unit_id"] for r in results}, set(self.big_units[1:3].ids))

    def test_best_first_and_limited(self):
        results = self._recommend(budget=5_000_000.0, orientation_wanted="south_north")
        scores = [r["score"] for r in results]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertIn(results[0]["unit_id"], self.big_units.ids)
        self.assertEqual(len(self.lead.get_unit_recommendations(limit=2)), 2)

    def test_bounded_queries(self):
        self.lead.write({"budget": 5_000_000.0, "down_payment_available": 1_000_000.0, "income_monthly": 40000.0})
        self.env.invalidate_all()
        with self.assertQueryCount(5):
            self.lead.get_unit_recommendations()
