from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase


@tagged("post_install", "-at_install")
class TestReportSales(RealtyFinanceCase):
    """The sales analysis against the contracts it counts: totals per project, month and salesperson, weighted
    unit prices per group, floor and price bands, terminated contracts, and who sees which rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        # the manager leads both teams: with team-scoped managers (realty_admin) he works on their contracts too
        cls.team = cls.env["crm.team"].sudo().create({"name": "Team East", "user_id": cls.manager.id})
        cls.env["crm.team.member"].sudo().create({"crm_team_id": cls.team.id, "user_id": cls.salesperson.id})
        cls.team_west = cls.env["crm.team"].sudo().create({"name": "Team West", "user_id": cls.manager.id})
        cls.project_2 = cls.env["realty.project"].create({"name": "River Bay", "code": "RB"})
        cls.tower = cls.env["realty.building"].create(
            {"project_id": cls.project_2.id, "name": "Tower A", "code": "A", "floor_count": 30, "position_count": 2}
        )
        cls.layout_rb = cls.env["realty.layout"].create({"project_id": cls.project_2.id, "name": "D", "bedrooms": 4})

    def _sign(self, day, floor, position, area, unit_price, user=None, building=None, layout=None, **values):
        unit = self._create_unit(
            floor,
            position,
            building=building,
            gross_area=area,
            inner_area=area * 0.8,
            unit_price=unit_price,
            layout_id=(layout or self.layout_2br).id,
        )
        unit.action_release()
        with freeze_time(day):
            return self._signed_contract(unit=unit, user=user, **values).with_env(self.env)

    def _contracts(self):
        """January: 2,000,000 for 100 m² (salesperson) and 2,940,000 for 120 m² after the full payment's 2 %
        discount (other salesperson); February: 6,000,000 for 150 m² in River Bay (salesperson) and a contract of
        1,800,000 for 90 m² terminated since."""
        jan_1 = self._sign("2026-01-10", 12, 2, 100.0, 20000.0)
        lead = self.env["crm.lead"].create({"name": "Chen Jie", "user_id": self.other_salesperson.id})
        lead.team_id = self.team_west
        jan_2 = self._sign(
            "2026-01-20",
            3,
            2,
            120.0,
            25000.0,
            user=self.other_salesperson,
            payment_plan_id=self.plan_full.id,
            lead_id=lead.id,
        )
        feb = self._sign("2026-02-05", 20, 1, 150.0, 40000.0, building=self.tower, layout=self.layout_rb)
        terminated = self._sign("2026-02-10", 8, 1, 90.0, 20000.0, layout=self.layout_3br)
        terminated.termination_reason = "Buyer withdrew"
        terminated.with_user(self.manager).action_terminate()
        return jan_1, jan_2, feb, terminated

    def _domain(self, with_terminated=False):
        domain = [("project_id", "in", (self.project | self.project_2).ids)]
        return domain if with_terminated else [*domain, ("state", "!=", "terminated")]

    def test_rows_follow_the_contracts(self):
        jan_1, jan_2, feb, terminated = self._contracts()
        rows = self.env["realty.report.sales"].search(self._domain(with_terminated=True))
        self.assertEqual(rows.contract_id, jan_1 | jan_2 | feb | terminated)
        row = rows.filtered(lambda row: row.contract_id == jan_2)
        self.assertEqual(
            (row.date_signed.isoformat(), row.project_id, row.building_id, row.unit_id, row.layout_id, row.floor),
            ("2026-01-20", self.project, self.building, jan_2.unit_id, self.layout_2br, 3),
        )
        self.assertEqual((row.gross_area, row.list_amount, row.amount), (120.0, 3000000.0, 2940000.0))
        self.assertEqual((row.discount_amount, row.unit_price), (60000.0, 24500.0))
        self.assertAlmostEqual(row.discount_rate, 2.0)
        self.assertEqual(row.user_id, self.other_salesperson)
        self.assertEqual(row.team_id, self.team_west, "the lead's team (its salesperson has none)")
        self.assertEqual(rows.filtered(lambda row: row.contract_id == jan_1).team_id, self.team, "the salesperson's")
        self.assertEqual(rows.filtered(lambda row: row.contract_id == terminated).state, "terminated")

    def test_floor_and_price_bands(self):
        jan_1, jan_2, feb, terminated = self._contracts()
        Report = self.env["realty.report.sales"]
        bands = {row.contract_id: (row.floor_band, row.price_band) for row in Report.search(self._domain(True))}
        self.assertEqual(
            bands,
            {
                jan_1: ("middle", "2m_3m"),  # floor 12; exactly 2,000,000 is in the 2–3M band
                jan_2: ("low", "2m_3m"),  # floor 3; 2,940,000
                feb: ("high", "over_5m"),  # floor 20; 6,000,000
                terminated: ("middle", "1m_2m"),  # floor 8; 1,800,000
            },
        )
        by_band = dict(Report._read_group(self._domain(), ["floor_band"], ["amount:sum"]))
        self.assertEqual(by_band, {"middle": 2000000.0, "low": 2940000.0, "high": 6000000.0})

    def test_totals_per_project_month_and_salesperson(self):
        self._contracts()
        Report = self.env["realty.report.sales"]
        aggregates = ["__count", "gross_area:sum", "amount:sum", "discount_amount:sum", "unit_price:avg"]
        by_month = {
            (project, month.month): rest
            for project, month, *rest in Report._read_group(
                self._domain(), ["project_id", "date_signed:month"], aggregates
            )
        }
        # January: (2,000,000 + 2,940,000) / (100 + 120) m², not the rows' average (20,000 + 24,500) / 2 = 22,250
        jan = by_month.pop((self.project, 1))
        self.assertEqual(jan[:4], [2, 220.0, 4940000.0, 60000.0])
        self.assertAlmostEqual(jan[4], 4940000.0 / 220.0)
        self.assertEqual(by_month, {(self.project_2, 2): [1, 150.0, 6000000.0, 0.0, 40000.0]})

        by_user = {user: rest for user, *rest in Report._read_group(self._domain(), ["user_id"], aggregates)}
        # salesperson: 8,000,000 for 250 m² is 32,000 a m², not (20,000 + 40,000) / 2
        self.assertEqual(by_user[self.salesperson], [2, 250.0, 8000000.0, 0.0, 32000.0])
        self.assertEqual(by_user[self.other_salesperson], [1, 120.0, 2940000.0, 60000.0, 24500.0])

        [(discount_rate,)] = Report._read_group(self._domain(), [], ["discount_rate:avg"])
        self.assertAlmostEqual(discount_rate, 60000.0 / 11000000.0 * 100)

    def test_pivot_reads_the_weighted_average(self):
        """What the web client asks (the field's aggregator, and sum_currency for a monetary field) is the ratio."""
        self._contracts()
        groups = self.env["realty.report.sales"].formatted_read_group(
            self._domain(), ["user_id"], ["unit_price:avg", "unit_price:sum_currency", "amount:sum"]
        )
        mine = next(group for group in groups if group["user_id"][0] == self.salesperson.id)
        self.assertEqual((mine["unit_price:avg"], mine["unit_price:sum_currency"]), (32000.0, 32000.0))

    def test_terminated_contracts_are_kept_apart(self):
        *__, terminated = self._contracts()
        Report = self.env["realty.report.sales"]
        [(count, amount)] = Report._read_group(self._domain(with_terminated=True), [], ["__count", "amount:sum"])
        self.assertEqual((count, amount), (4, 12740000.0))
        [(count, amount)] = Report._read_group(self._domain(), [], ["__count", "amount:sum"])
        self.assertEqual((count, amount), (3, 10940000.0), "without the 1,800,000 terminated since")
        # the action opens with terminated contracts excluded, by its search view's filter
        action = self.env.ref("realty_reports.realty_report_sales_action")
        self.assertIn("search_default_exclude_terminated", action.context)
        arch = etree.fromstring(Report.get_views([(action.search_view_id.id, "search")])["views"]["search"]["arch"])
        [default_filter] = arch.xpath("//filter[@name='exclude_terminated']")
        rows = Report.search(self._domain(with_terminated=True) + safe_eval(default_filter.get("domain")))
        self.assertEqual(len(rows), 3)
        self.assertNotIn(terminated, rows.contract_id)

    def test_grouped_read_by_project_and_month_scans_contracts_only(self):
        """The dimensions are LEFT JOINs on primary keys, which PostgreSQL drops when a grouped read does not use
        them: sales by project and month read the contracts' table alone, as a hand-written GROUP BY would."""
        Report = self.env["realty.report.sales"]
        query = SQL(
            "EXPLAIN SELECT project_id, date_trunc('month', date_signed), SUM(amount), SUM(gross_area)"
            " FROM (%s) report GROUP BY 1, 2",
            Report._table_query,
        )
        plan = "\n".join(row[0] for row in self.env.execute_query(query))
        self.assertIn("realty_contract", plan)
        for table in ("realty_unit", "realty_layout", "realty_reservation", "crm_lead", "res_users", "res_company"):
            self.assertNotIn(table, plan)

    def test_access_per_role(self):
        jan_1, jan_2, feb, terminated = self._contracts()
        domain = self._domain(with_terminated=True)

        def seen(user):
            return self.env["realty.report.sales"].with_user(user).search(domain).contract_id

        self.assertEqual(seen(self.salesperson), jan_1 | feb | terminated, "a salesperson sees their own contracts")
        self.assertEqual(seen(self.other_salesperson), jan_2)
        for user in (self.manager, self.executive, self.admin):
            self.assertEqual(seen(user), jan_1 | jan_2 | feb | terminated, user.login)
        self.assertFalse(seen(self.user_company_b), "a manager of another company sees nothing")
        with self.assertRaises(AccessError):
            seen(self.finance)
        # a salesperson's grouped totals are their own too
        [(amount,)] = (
            self.env["realty.report.sales"].with_user(self.other_salesperson)._read_group(domain, [], ["amount:sum"])
        )
        self.assertEqual(amount, 2940000.0)

    def test_screens_open_for_every_role(self):
        self._contracts()
        for user in (self.salesperson, self.manager, self.executive):
            with self.subTest(user=user.login):
                Report = self.env["realty.report.sales"].with_user(user)
                views = Report.get_views([(False, view) for view in ("list", "pivot", "graph", "search")])
                rows = Report.search_read(self._domain(), list(views["models"]["realty.report.sales"]["fields"]))
                self.assertTrue(rows)
