from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestReportSellthrough(RealtyFinanceCase):
    """Sell-through 去化率 and stock 存量 against the units they count, as of today and as of a past day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        # on sale: the fixture's unit (100 m², 2,000,000), one more like it and a 200 m² one; one not released
        cls.unit_stock = cls._create_unit(12, 2)
        cls.unit_large = cls._create_unit(
            5, 1, gross_area=200.0, inner_area=160.0, layout_id=cls.layout_3br.id
        )  # 4,000,000
        (cls.unit_stock | cls.unit_large).action_release()
        cls.unit_draft = cls._create_unit(6, 1)

    def _sell(self):
        """The fixture's unit reserved on 5 January (Shanghai time) and contracted on 1 February; the large unit
        reserved on 1 February, 04:00 in Shanghai (still 31 January in UTC)."""
        with freeze_time("2026-01-05 02:00:00"):
            reservation = self._confirmed_reservation()
        with freeze_time("2026-02-01 08:00:00"):
            action = reservation.with_user(self.salesperson).action_create_contract()
            self.env["realty.contract"].browse(action["res_id"]).buyer_ids.write({"id_number": "11010519491231002X"})
            self.env["realty.contract"].browse(action["res_id"]).with_user(self.salesperson).action_sign()
        with freeze_time("2026-01-31 20:00:00"):
            self._confirmed_reservation(unit=self.unit_large, payment_plan_id=self.plan_full.id)

    def _report(self, **context):
        return self.env["realty.report.sellthrough"].with_context(**context)

    def _totals(self, groupby=(), **context):
        aggregates = [
            "unit_count:sum",
            "sold_count:sum",
            "sell_through:avg",
            "sell_through_area:avg",
            "stock_area:sum",
            "stock_value:sum",
        ]
        return self._report(**context)._read_group([("project_id", "=", self.project.id)], list(groupby), aggregates)

    def test_rows_are_the_units_on_sale(self):
        self._sell()
        rows = self._report().search([("project_id", "=", self.project.id)])
        self.assertEqual(rows.unit_id, self.unit | self.unit_stock | self.unit_large, "not the unit not released")
        sold = {row.unit_id: (row.state, row.is_sold, row.date_sold) for row in rows}
        self.assertEqual(
            sold,
            {
                self.unit: ("contracted", True, date(2026, 1, 5)),  # its reservation's day, not the signing's
                self.unit_large: ("reserved", True, date(2026, 2, 1)),  # the day in Shanghai
                self.unit_stock: ("available", False, False),
            },
        )
        large = rows.filtered(lambda row: row.unit_id == self.unit_large)
        self.assertEqual((large.sold_value, large.stock_value), (3920000.0, 0.0), "sold at the 2 % discount")
        self.assertEqual(large.layout_category_id, self.layout_3br.category_id)
        stock = rows.filtered(lambda row: row.unit_id == self.unit_stock)
        self.assertEqual((stock.sold_value, stock.stock_value, stock.stock_area), (0.0, 2000000.0, 100.0))

    def test_rates_per_group_by_units_and_area(self):
        self._sell()
        # 2 of 3 units; 300 of 400 m², where an average of the units' 100/0 would say 66.7 % again
        [(units, sold, rate, area_rate, stock_area, stock_value)] = self._totals()
        self.assertEqual((units, sold, stock_area, stock_value), (3, 2, 100.0, 2000000.0))
        self.assertAlmostEqual(rate, 200 / 3)
        self.assertAlmostEqual(area_rate, 75.0)
        by_layout = {layout: rest for layout, *rest in self._totals(["layout_id"])}
        self.assertEqual(by_layout[self.layout_2br][:3], [2, 1, 50.0])
        self.assertEqual(by_layout[self.layout_3br][:4], [1, 1, 100.0, 100.0])
        by_building = {building: rest[2] for building, *rest in self._totals(["building_id"])}
        self.assertAlmostEqual(by_building[self.building], 200 / 3)

    def test_sold_over_time_and_before_a_day(self):
        self._sell()
        by_month = dict(
            self._report()._read_group(
                [("project_id", "=", self.project.id), ("is_sold", "=", True)], ["date_sold:month"], ["__count"]
            )
        )
        self.assertEqual(by_month, {date(2026, 1, 1): 1, date(2026, 2, 1): 1})
        # as of 1 February: the large unit (sold that day) is still stock; every unit stays on sale
        [(units, sold, rate, area_rate, stock_area, stock_value)] = self._totals(realty_sold_before=["2026-02-01"])
        self.assertEqual((units, sold, stock_area, stock_value), (3, 1, 300.0, 6000000.0))
        self.assertAlmostEqual(rate, 100 / 3)
        self.assertAlmostEqual(area_rate, 25.0)
        [(units, sold, *__)] = self._totals(realty_sold_before="2026-01-05")
        self.assertEqual((units, sold), (3, 0))
        with self.assertRaises(UserError):
            self._totals(realty_sold_before="not a day")

    def test_terminated_sale_returns_to_stock(self):
        self._sell()
        contract = self.unit.contract_ids.with_env(self.env)
        contract.termination_reason = "Buyer withdrew"
        contract.with_user(self.manager).action_terminate()
        [(units, sold, *__, stock_value)] = self._totals()
        self.assertEqual((units, sold, stock_value), (3, 1, 4000000.0))

    def test_access_per_role(self):
        self._sell()
        domain = [("project_id", "=", self.project.id)]
        units = self.unit | self.unit_stock | self.unit_large
        for user in (self.salesperson, self.manager, self.executive, self.admin):
            rows = self._report().with_user(user).search(domain)
            self.assertEqual(rows.unit_id, units, f"{user.login}: stock has no owner, everyone selling sees it")
        self.assertFalse(self._report().with_user(self.user_company_b).search(domain), "another company's")
        with self.assertRaises(AccessError):
            self._report().with_user(self.finance).search(domain)

    def test_screens_open_for_every_role(self):
        self._sell()
        for user in (self.salesperson, self.manager, self.executive):
            with self.subTest(user=user.login):
                Report = self.env["realty.report.sellthrough"].with_user(user)
                views = Report.get_views([(False, view) for view in ("list", "pivot", "graph", "search")])
                fields = list(views["models"]["realty.report.sellthrough"]["fields"])
                self.assertTrue(Report.search_read([("project_id", "=", self.project.id)], fields))
