from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.realty_finance.tests.common import RealtyFinanceCase

# after any record's real creation date, so the units exist "before" it (a fixed day would pass one day), and
# after the demo history, which ends yesterday
DAY = date.today() + timedelta(days=30)
BEFORE = DAY - timedelta(days=1)
AFTER = DAY + timedelta(days=1)


def at(day, hour=3):
    """``hour`` o'clock UTC on ``day``: 03:00 UTC is 11:00 in China (UTC+8)."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)


DURING = at(DAY)
NEXT_MORNING = at(AFTER, 1)  # 09:00 in China on the next day: DAY is yesterday


@tagged("post_install", "-at_install")
class TestDailyReport(RealtyFinanceCase):
    """One hand-counted day of a project: every figure of its snapshot against what was counted by hand below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.project.reservation_hold_hours = 24
        cls.Report = cls.env["realty.daily.report"]
        cls.old_customer = cls.env["res.partner"].create({"name": "Wang Old"})
        cls.li_na = cls.env["res.partner"].create({"name": "Li Na"})
        utm = cls.env["utm.source"], cls.env["utm.medium"], cls.env["utm.campaign"]
        cls.source, cls.source_b = utm[0].create([{"name": "Douyin"}, {"name": "Billboard"}])
        cls.medium, cls.medium_b = utm[1].create([{"name": "Video"}, {"name": "Outdoor"}])
        cls.campaign = utm[2].create({"name": "Spring Opening"})
        # units: u1 100 m² (self.unit), u2 120 m², u3..u6 100 m², u7 150 m² at 22,000/m², u8 held, u9 not released
        cls.u1 = cls.unit
        cls.u2 = cls._create_unit(12, 2, gross_area=120.0, inner_area=100.0)
        cls.u3, cls.u4, cls.u5, cls.u6 = (cls._create_unit(floor, pos) for floor in (13, 14) for pos in (1, 2))
        cls.u7 = cls._create_unit(15, 1, gross_area=150.0, inner_area=120.0, unit_price=22000.0)
        cls.u8 = cls._create_unit(15, 2)
        cls.u9 = cls._create_unit(16, 1)
        (cls.u2 | cls.u3 | cls.u4 | cls.u5 | cls.u6 | cls.u7 | cls.u8).action_release()
        cls.u8.action_hold()

    def _lead(self, name, day, utm=(), project=None):
        source, medium, campaign = (*utm, None, None, None)[:3]
        lead = self.env["crm.lead"].create(
            {
                "name": name,
                "user_id": self.salesperson.id,
                "realty_project_id": (project or self.project).id,
                "source_id": source and source.id,
                "medium_id": medium and medium.id,
                "campaign_id": campaign and campaign.id,
            }
        )
        lead.flush_recordset()
        self.env.cr.execute(SQL("UPDATE crm_lead SET create_date = %s WHERE id = %s", at(day), lead.id))
        return lead

    def _visit(self, lead, when, visitors=1, project=None):
        return self.env["realty.visit"].create(
            {"lead_id": lead.id, "date": when, "visitors": visitors, "project_id": (project or self.project).id}
        )

    def _the_day(self):
        """What happened around DAY (times in UTC, 11:00 in China unless said):

        the day before: Wang Old reserves u4, u5 and u6 (24 h holds); u6 is signed into contract c2.
        DAY: u4's reservation cancelled (10:00), u5's runs out (13:00); c2 terminated; reservations of u1 (Chen
        Jie, lead L1, signed into c1 on 2,000,000 in installments, billed), u2 (Li Na), u3 (Wang Old), u7 (Chen
        Jie, signed into c4 at 3,300,000); received for c1 300,000 by bank and 20,000 in cash, for u2's
        reservation a 50,000 deposit by POS card; leads L1, L2 (Douyin/Video/Spring Opening), L3 (no channel)
        and L4 of another project; L1 visits twice (3 then 1 people), L0 (an older lead) comes back (2 people);
        spend 5,000 on Douyin/Video/Spring Opening, 2,000 on Billboard/Outdoor.
        """
        other = self.env["realty.project"].create({"name": "Elsewhere", "code": "EW"})
        channel = (self.source, self.medium, self.campaign)
        lead0 = self._lead("L0", DAY - timedelta(days=5))
        self._visit(lead0, at(DAY - timedelta(days=5)))
        self.l1 = self._lead("L1", DAY, channel)
        self._lead("L2", DAY, channel)
        self._lead("L3", DAY)
        self._lead("L4", DAY, (self.source_b,), project=other)
        self._visit(self.l1, at(DAY, 2), visitors=3)
        self._visit(self.l1, at(DAY, 6))
        self._visit(self.l1, at(DAY, 7), project=other)
        self._visit(lead0, at(DAY, 4), visitors=2)
        self._visit(lead0, at(DAY, 17))  # 01:00 in China the next day: not DAY's
        Spend = self.env["realty.ad.spend"]
        spend = {"project_id": self.project.id, "date": DAY}
        Spend.create(
            spend
            | {
                "amount": 5000.0,
                "source_id": self.source.id,
                "medium_id": self.medium.id,
                "campaign_id": self.campaign.id,
            }
        )
        Spend.create(spend | {"amount": 2000.0, "source_id": self.source_b.id, "medium_id": self.medium_b.id})
        Spend.create(spend | {"amount": 1000.0, "date": BEFORE})
        with freeze_time(at(BEFORE)):
            self.r4 = self._confirmed_reservation(unit=self.u4, partner_id=self.old_customer.id)
            self.r5 = self._confirmed_reservation(unit=self.u5, partner_id=self.old_customer.id)
            self.c2 = self._signed_contract(unit=self.u6, partner_id=self.old_customer.id)
        with freeze_time(at(DAY, 2)):
            self.r4.action_cancel()
        with freeze_time(at(DAY, 5)):
            self.env["realty.reservation"]._cron_expire()
        with freeze_time(DURING):
            self.c2.write({"termination_reason": "Loan refused"})
            self.c2.with_user(self.manager).action_terminate()
            self.c1 = self._signed_installment_contract(unit=self.u1, lead_id=self.l1.id)
            self.c1.installment_ids.filtered(lambda installment: installment.date_due <= DAY)._bill()
            self.r2 = self._confirmed_reservation(unit=self.u2, partner_id=self.li_na.id)
            self.r3 = self._confirmed_reservation(unit=self.u3, partner_id=self.old_customer.id)
            self.c4 = self._signed_contract(unit=self.u7)
            self._receive(self.c1, 300000.0, date=DAY)
            self._receive(self.c1, 20000.0, date=DAY, method="cash")
            self._receive(self.r2, 50000.0, date=DAY, method="pos")
            self._receive(self.r3, 1000.0, date=BEFORE)  # another day's money

    def _make(self, day=DAY, now=None):
        with freeze_time(now or NEXT_MORNING):
            return self.Report._make(self.project, day)

    # the figures of DAY, counted by hand from _the_day()
    EXPECTED = {
        "leads_new": 3,  # L1, L2, L3 (L4 is another project's)
        "customers_new": 2,  # Chen Jie and Li Na; Wang Old reserved the day before
        "visits_first": 1,  # L1's first
        "visits_repeat": 2,  # L1's second, L0's return
        "visitors": 6,  # 3 + 1 + 2 people
        "reservations_count": 4,  # u1, u2, u3, u7
        "reservations_area": 470.0,  # 100 + 120 + 100 + 150
        "reservations_amount": 9700000.0,  # 2,000,000 + 2,400,000 + 2,000,000 + 3,300,000
        "reservations_cancelled": 1,  # u4's
        "reservations_expired": 1,  # u5's
        "contracts_count": 2,  # c1, c4
        "contracts_area": 250.0,
        "contracts_amount": 5300000.0,
        "contracts_unit_price": 21200.0,  # 5,300,000 / 250
        "contracts_terminated": 1,  # c2
        "received_amount": 370000.0,  # 300,000 + 20,000 + 50,000
        # c1's deposit (50,000) and first installment (780,000) fall due on DAY, billed; 320,000 paid of them
        "overdue_amount": 510000.0,
        "units_total": 9,
        "units_available": 3,  # u4, u5, u6
        "units_held": 1,  # u8
        "units_reserved": 2,  # u2, u3
        "units_sold": 2,  # u1, u7
        "ad_spend": 7000.0,
    }

    def _figures(self, report):
        return {name: report[name] for name in self.EXPECTED}

    def _lines(self, report):
        return {
            (line.kind, line.method or line.source_id.name, line.medium_id.name, line.campaign_id.name): (
                line.leads,
                line.visits,
                line.deals,
                line.amount,
            )
            for line in report.line_ids
        }

    def test_hand_counted_day(self):
        self._the_day()
        self.assertEqual(
            sum(self.c1.installment_ids.filtered(lambda i: i.date_due <= DAY).mapped("amount")),
            830000.0,
            "the deposit and the first installment fall due on the day of signing",
        )
        report = self._make()
        self.assertEqual(self._figures(report), self.EXPECTED)
        self.assertEqual(
            self._lines(report),
            {
                ("method", "bank", False, False): (0, 0, 0, 300000.0),
                ("method", "cash", False, False): (0, 0, 0, 20000.0),
                ("method", "pos", False, False): (0, 0, 0, 50000.0),
                ("channel", "Douyin", "Video", "Spring Opening"): (2, 2, 1, 5000.0),
                ("channel", "Billboard", "Outdoor", False): (0, 0, 0, 2000.0),
            },
        )
        self.assertEqual(report.method_line_ids.mapped("method"), ["bank", "pos", "cash"], "largest amount first")
        self.assertEqual(len(report.channel_line_ids), 2)
        self.assertEqual((report.computed_by_id, report.computed_at), (self.env.user, at(AFTER, 1)))

    def test_a_day_with_nothing(self):
        empty = self.env["realty.project"].create({"name": "Quiet Fields", "code": "QF"})
        with freeze_time(at(AFTER, 1)):
            report = self.Report._make(empty, DAY)
        self.assertTrue(report, "the log of an empty day is made all the same")
        self.assertEqual(self._figures(report), dict.fromkeys(self.EXPECTED, 0))
        self.assertFalse(report.line_ids)
        # a quiet day of the project itself: no flow, its units as they are
        report = self._make(DAY - timedelta(days=3))
        self.assertEqual(
            self._figures(report),
            dict.fromkeys(self.EXPECTED, 0) | {"units_total": 9, "units_available": 7, "units_held": 1},
        )

    def test_snapshot_stays_until_an_explicit_recompute(self):
        self._the_day()
        report = self._make()
        # later: u2's reservation cancelled, u3's runs out, c4 terminated, more money for c1, u8 back on sale, a
        # visit of DAY logged late
        with freeze_time(at(AFTER, 2)):
            self.r2.action_cancel()
            self._receive(self.c1, 100000.0, date=AFTER)
        with freeze_time(at(AFTER, 5)):
            self.env["realty.reservation"]._cron_expire()
        with freeze_time(at(AFTER + timedelta(days=1))):
            self.c4.write({"termination_reason": "Changed their mind"})
            self.c4.with_user(self.manager).action_terminate()
            self.u8.action_unhold()
        self._visit(self.l1, at(DAY, 8), visitors=2)
        self.env.invalidate_all()
        again = self._make(now=at(AFTER + timedelta(days=2)))
        self.assertEqual(again, report, "made once: making it again keeps it")
        self.assertEqual(self._figures(report), self.EXPECTED, "later edits do not change a snapshot")

        messages = report.message_ids
        wizard = (
            self.env["realty.daily.report.make"]
            .with_user(self.manager)
            .create({"project_ids": [(6, 0, self.project.ids)], "date": DAY, "recompute": True})
        )
        with freeze_time(at(AFTER + timedelta(days=2))):
            wizard.action_make()
        # DAY is a past day now: its stock is rebuilt from the documents' dates (u2, u3 reserved and u7 sold at its
        # end; c1's later payment not yet received), except the held units, which are today's
        expected = self.EXPECTED | {
            "visits_repeat": 3,
            "visitors": 8,
            "units_held": 0,
            "units_available": 4,
        }
        self.assertEqual(self._figures(report), expected)
        self.assertEqual(report.computed_by_id, self.manager)
        log = report.message_ids - messages
        self.assertEqual(len(log), 1)
        self.assertIn(self.manager.name, log.body)
        for change in ("Repeat Visits: 2 → 3", "Visitors: 6 → 8", "Units Held: 1 → 0", "Units Available: 3 → 4"):
            self.assertIn(change, log.body)
        self.assertNotIn("Contracts Signed", log.body, "only what changed is listed")

    def test_making_again_without_recompute_changes_nothing(self):
        report = self._make()
        self._lead("late", DAY)
        messages = report.message_ids
        wizard = (
            self.env["realty.daily.report.make"]
            .with_user(self.manager)
            .create({"project_ids": [(6, 0, self.project.ids)], "date": DAY})
        )
        self.assertEqual(wizard.existing_count, 1)
        with freeze_time(at(AFTER, 2)):
            wizard.action_make()
        self.assertEqual(report.leads_new, 0)
        self.assertEqual(report.message_ids, messages)

    def test_only_days_that_are_over(self):
        wizard = self.env["realty.daily.report.make"].with_user(self.manager)
        for day in (DAY, DAY + timedelta(days=3)):
            with self.subTest(day=day), freeze_time(DURING), self.assertRaisesRegex(UserError, "once that day is over"):
                wizard.create({"project_ids": [(6, 0, self.project.ids)], "date": day}).action_make()
        self.assertFalse(self.Report.search([("project_id", "=", self.project.id)]))

    def test_cron_makes_yesterday_once(self):
        Report = self.Report.sudo()  # as the cron's user
        with freeze_time(at(AFTER, 1)):  # 09:00 in China on the next day
            Report._cron_make_yesterday()
            made = Report.search([("date", "=", DAY)])
            self.assertIn(self.project, made.project_id)
            Report._cron_make_yesterday()
            self.assertEqual(Report.search([("date", "=", DAY)]), made, "a second run makes nothing more")
        projects_with_units = self.env["realty.unit"].sudo().search([]).project_id.filtered("active")
        self.assertEqual(made.project_id, projects_with_units)

    def test_query_count_of_one_project_day(self):
        self._the_day()
        counts = {}
        with freeze_time(NEXT_MORNING):
            self.Report._snapshot_values(self.project, BEFORE)  # flushes the fixture, fills the registry caches
            for day in (BEFORE, DAY - timedelta(days=3), DAY):  # warm again, then a quiet day and the busy one
                self.env.invalidate_all()
                with self.assertQueryCount(30):
                    start = self.env.cr.sql_log_count
                    self.Report._snapshot_values(self.project, day)
                    counts[day] = self.env.cr.sql_log_count - start
        self.assertEqual(counts[DAY - timedelta(days=3)], counts[DAY], "as many queries whatever the data")
