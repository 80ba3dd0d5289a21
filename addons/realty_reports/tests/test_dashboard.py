from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase

SIGNED_ON = date(2026, 1, 15)  # a Thursday
TODAY = date(2026, 1, 25)  # a Sunday: the week is 19–25 January
TZ = "Asia/Shanghai"  # UTC+8
QUERY_BOUND = 15
AMOUNT_FIELDS = {
    "realty.contract": "price",
    "account.payment": "amount_company_currency_signed",
    "realty.report.arrears": "amount_residual",
}


@tagged("post_install", "-at_install")
class TestDashboard(RealtyFinanceCase):
    """The executive dashboard's figures against the records they count, per role, in a bounded number of queries.

    Three contracts of the test project: A (salesperson) and B (another salesperson) signed on 15 January, C
    (salesperson) on 23 January; 150,000 received for A on the 20th, 200,000 for B on the 25th; visits on both
    sides of local midnights; five units, four released, three sold. Read on Sunday 25 January 2026, in UTC+8."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.company.realty_invoice_lead_days = 400  # the whole schedule is invoiced at signing
        cls.lead = cls.env["crm.lead"].create({"name": "Visitor", "user_id": cls.salesperson.id})
        cls.other_lead = cls.env["crm.lead"].create({"name": "Other visitor", "user_id": cls.other_salesperson.id})

    def setUp(self):
        super().setUp()
        self.unit_b = self._released_unit(2, unit_price=25000.0, layout_id=self.layout_3br.id)
        self.unit_c = self._released_unit(3)
        self.unit_free = self._released_unit(4)
        self._create_unit(12, 5)  # not released: not in the sell-through
        self.contract_a = self._billed_contract(SIGNED_ON)
        self.contract_b = self._billed_contract(SIGNED_ON, unit=self.unit_b, user=self.other_salesperson)
        self.contract_c = self._billed_contract(date(2026, 1, 23), unit=self.unit_c)
        with freeze_time(date(2026, 1, 20)):
            self.payment_a = self._receive(self.contract_a, 150000.0)
        with freeze_time(TODAY):
            self.payment_b = self._receive(self.contract_b, 200000.0)
        self.visits = self.env["realty.visit"].create(
            [
                self._visit("2026-01-24 17:00:00"),  # 25 January, 01:00 local: today
                self._visit("2026-01-24 15:00:00", lead=self.other_lead, visitors=3),  # 24th, 23:00 local: week
                self._visit("2026-01-20 04:00:00"),  # this week
                self._visit("2026-01-05 04:00:00"),  # this month
                self._visit("2025-12-31 04:00:00"),  # last year
            ]
        )

    # ------------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------------

    def _released_unit(self, position, floor=12, **values):
        unit = self._create_unit(floor, position, **values)
        unit.action_release()
        return unit

    def _billed_contract(self, day, unit=None, user=None):
        with freeze_time(day):
            contract = self._signed_installment_contract(unit=unit, user=user)
            self.env["realty.installment"]._cron_bill_due_installments()
        return contract

    def _visit(self, when, lead=None, **values):
        lead = lead or self.lead
        return {
            "lead_id": lead.id,
            "user_id": lead.user_id.id,
            "project_id": self.project.id,
            "date": when,
            **values,
        }

    def _dashboard(self, user=None, period="month", project_ids=None, day=TODAY):
        self.env.invalidate_all()
        with freeze_time(TODAY):
            return (
                self.env["realty.dashboard"]
                .with_user(user or self.executive)
                .with_context(tz=TZ)
                .get_dashboard(project_ids=project_ids or self.project.ids, period=period, day=day)
            )

    @staticmethod
    def _cards(data):
        return {card["key"]: card for card in data["cards"]}

    def _figures(self, card):
        return {period: (values["value"], values["count"]) for period, values in card["periods"].items()}

    def _overdue_installments(self, contracts):
        return contracts.installment_ids.filtered(
            lambda line: line.date_due < TODAY and line.billing_state in ("invoiced", "partial")
        )

    def _assert_drill_down(self, card, user):
        """Each period's domain opens exactly the records the card counted, summing to its amount."""
        Model = self.env[card["res_model"]].with_user(user)
        for period, values in card["periods"].items():
            with self.subTest(card=card["key"], period=period), freeze_time(TODAY):
                Model.invalidate_model()
                records = Model.with_context(tz=TZ).search(values["domain"])
                self.assertEqual(len(records), values["count"])
                if card["kind"] == "monetary":
                    total = sum(records.mapped(AMOUNT_FIELDS[card["res_model"]]))
                    self.assertAlmostEqual(total, values["value"], places=2)
        return Model

    # ------------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------------

    def test_cards_count_the_source_records(self):
        cards = self._cards(self._dashboard())
        price_ab = self.contract_a.price + self.contract_b.price
        price_abc = price_ab + self.contract_c.price
        self.assertEqual(
            self._figures(cards["signed"]),
            {"today": (0.0, 0), "week": (self.contract_c.price, 1), "month": (price_abc, 3), "year": (price_abc, 3)},
        )
        self.assertEqual(
            self._figures(cards["received"]),
            {"today": (200000.0, 1), "week": (350000.0, 2), "month": (350000.0, 2), "year": (350000.0, 2)},
        )
        self.assertEqual(
            self._figures(cards["visits"]),
            {"today": (1, 1), "week": (3, 3), "month": (4, 4), "year": (4, 4)},
            "visits are counted by local day: 17:00 UTC on the 24th is the 25th in UTC+8",
        )
        self.assertEqual(self._figures(cards["sell_through"])["month"], (0.75, 3), "3 sold of 4 released units")
        overdue = self._overdue_installments(self.contract_a | self.contract_b | self.contract_c)
        self.assertTrue(overdue)
        self.assertAlmostEqual(cards["overdue"]["periods"]["today"]["value"], sum(overdue.mapped("amount_residual")))
        self.assertEqual(cards["overdue"]["periods"]["today"]["count"], len(overdue))
        self.assertEqual(cards["signed"]["res_model"], "realty.contract")
        self.assertEqual(cards["received"]["res_model"], "account.payment")

    def test_drill_downs_open_exactly_the_counted_records(self):
        cards = self._cards(self._dashboard())
        for card in cards.values():
            self._assert_drill_down(card, self.executive)
        units = self.env["realty.unit"].search(cards["sell_through"]["periods"]["week"]["domain"])
        self.assertEqual(units, self.unit | self.unit_b | self.unit_c)
        payments = self.env["account.payment"].search(cards["received"]["periods"]["week"]["domain"])
        self.assertEqual(payments, self.payment_a | self.payment_b)

    def test_trend_per_day_of_the_month_and_per_month_of_the_year(self):
        data = self._dashboard()
        trend = data["trend"]
        self.assertEqual((trend["granularity"], len(trend["labels"])), ("day", 31))
        self.assertEqual(trend["labels"][14], "2026-01-15")
        self.assertEqual(trend["signed"][14], self.contract_a.price + self.contract_b.price)
        self.assertEqual(trend["received"][24], 200000.0)
        self.assertEqual(sum(trend["signed"]), self._cards(data)["signed"]["periods"]["month"]["value"])
        year = self._dashboard(period="year")["trend"]
        self.assertEqual((year["granularity"], len(year["labels"])), ("month", 12))
        self.assertEqual(year["received"][:2], [350000.0, 0.0])
        week = self._dashboard(period="today")["trend"]
        self.assertEqual(week["labels"][0], "2026-01-19", "today's trend is its week's, from Monday")
        self.assertEqual(len(week["labels"]), 7)

    def test_top_lists_rank_by_amount_signed_in_the_period(self):
        data = self._dashboard()
        self.assertEqual(
            [(row["id"], row["count"]) for row in data["top_salespeople"]],
            [(self.salesperson.id, 2), (self.other_salesperson.id, 1)],
            "4,000,000 on two contracts before 2,500,000 on one",
        )
        self.assertEqual(data["top_layouts"][0]["name"], self.layout_2br.display_name)
        week = self._dashboard(period="week")
        self.assertEqual([row["id"] for row in week["top_salespeople"]], self.salesperson.ids)

    def test_project_filter(self):
        other = self.env["realty.project"].create({"name": "Empty Garden"})
        data = self._dashboard(project_ids=other.ids)
        self.assertEqual(self._cards(data)["signed"]["periods"]["year"]["count"], 0)
        self.assertFalse(data["top_salespeople"])
        self.assertIn(other.id, [project["id"] for project in data["projects"]])

    def test_unknown_period_is_refused(self):
        with self.assertRaises(UserError):
            self._dashboard(period="decade")

    # ------------------------------------------------------------------
    # QUERIES
    # ------------------------------------------------------------------

    def _query_count(self, **kwargs):
        self._dashboard(**kwargs)  # warm the caches of rules and groups
        self.env.flush_all()
        count = self.env.cr.sql_log_count
        self._dashboard(**kwargs)
        return self.env.cr.sql_log_count - count

    def test_query_count_does_not_grow_with_the_data(self):
        for user in (self.executive, self.salesperson):
            with self.subTest(user=user.login):
                self.assertLessEqual(self._query_count(user=user), QUERY_BOUND)
        small = {user: self._query_count(user=user) for user in (self.executive, self.salesperson)}
        self._add_much_more_data()
        for user, count in small.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._query_count(user=user), count)
        cards = self._cards(self._dashboard())
        self.assertEqual(cards["signed"]["periods"]["month"]["count"], 3 + 6, "the new data is counted")
        self.assertEqual(cards["visits"]["periods"]["month"]["count"], 4 + 200)

    def _add_much_more_data(self):
        for index in range(6):
            layout = self._create_layout(f"L{index}", 2, 90.0, 72.0, "south")
            user = self._create_realty_user(f"realty_sales_more_{index}", "realty_base.group_realty_salesperson")
            unit = self._released_unit(index + 6, floor=index + 1, layout_id=layout.id)
            contract = self._billed_contract(date(2026, 1, 10 + index), unit=unit, user=user)
            with freeze_time(date(2026, 1, 10 + index)):
                self._receive(contract, 50000.0)
        start = datetime(2026, 1, 1, 4)
        self.env["realty.visit"].create([self._visit(start + timedelta(hours=3 * index)) for index in range(200)])

    # ------------------------------------------------------------------
    # ACCESS
    # ------------------------------------------------------------------

    def test_salesperson_sees_only_their_own_figures(self):
        data = self._dashboard(user=self.salesperson, project_ids=False)  # every project: still only their own
        cards = self._cards(data)
        own = self.contract_a | self.contract_c
        self.assertEqual(self._figures(cards["signed"])["month"], (sum(own.mapped("price")), 2))
        self.assertEqual(self._figures(cards["visits"])["month"], (3, 3), "not the other salesperson's visit")
        self.assertEqual(
            cards["overdue"]["periods"]["month"]["count"], len(self._overdue_installments(own)), "their arrears"
        )
        self.assertNotIn("received", cards, "no accounting right: no payments")
        self.assertIsNone(data["trend"]["received"])
        self.assertEqual([row["id"] for row in data["top_salespeople"]], self.salesperson.ids)
        for card in cards.values():
            self._assert_drill_down(card, self.salesperson)

    def test_manager_sees_all_contracts_but_no_ledger(self):
        cards = self._cards(self._dashboard(user=self.manager))
        self.assertEqual(cards["signed"]["periods"]["month"]["count"], 3)
        self.assertEqual(cards["visits"]["periods"]["month"]["count"], 4)
        self.assertNotIn("received", cards, "sales managers have no accounting right")

    def test_finance_and_executive_see_the_money_received(self):
        for user in (self.finance, self.executive, self.admin):
            with self.subTest(user=user.login):
                cards = self._cards(self._dashboard(user=user))
                self.assertEqual(cards["received"]["periods"]["month"]["value"], 350000.0)
                self.assertEqual(cards["signed"]["periods"]["month"]["count"], 3)

    def test_other_company_and_other_users_see_nothing(self):
        data = self._dashboard(user=self.user_company_b, project_ids=False)
        self.assertEqual(self._cards(data)["signed"]["periods"]["year"]["count"], 0)
        self.assertNotIn(self.project.id, [project["id"] for project in data["projects"]])
        employee = new_test_user(self.env, login="plain_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self._dashboard(user=employee)
