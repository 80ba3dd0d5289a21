from datetime import date

from odoo.tests import tagged

from odoo.addons.realty_base.tests.common import RealtyCase

# hand-written daily logs: (project key, day) → figures
LOGS = {
    ("garden", date(2027, 3, 8)): {
        "contracts_count": 1,
        "contracts_area": 100.0,
        "contracts_amount": 2000000.0,
        "units_available": 10,
        "overdue_amount": 500.0,
    },
    ("garden", date(2027, 3, 10)): {
        "contracts_count": 2,
        "contracts_area": 150.0,
        "contracts_amount": 3300000.0,
        "units_available": 8,
        "overdue_amount": 700.0,
    },
    ("garden", date(2027, 3, 11)): {"contracts_count": 5, "contracts_area": 500.0, "contracts_amount": 9e6},
    ("garden", date(2027, 3, 2)): {
        "contracts_count": 1,
        "contracts_area": 80.0,
        "contracts_amount": 1200000.0,
        "units_available": 12,
    },
    ("garden", date(2027, 2, 5)): {"received_amount": 100.0},
    ("garden", date(2027, 2, 20)): {"received_amount": 999.0},
    ("garden", date(2027, 1, 31)): {"received_amount": 7.0},
    ("garden", date(2026, 3, 10)): {"contracts_count": 1, "contracts_area": 50.0, "contracts_amount": 900000.0},
    ("court", date(2027, 3, 9)): {
        "contracts_count": 1,
        "contracts_area": 50.0,
        "contracts_amount": 1000000.0,
        "units_available": 5,
        "overdue_amount": 100.0,
    },
    ("elsewhere", date(2027, 3, 10)): {"contracts_count": 50},
}


@tagged("post_install", "-at_install")
class TestDailyReportRollup(RealtyCase):
    """Week and month totals from the daily rows, and the comparison with the previous period and last year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.court = cls.env["realty.project"].create({"name": "Sunny Court"})
        elsewhere = cls.env["realty.project"].create({"name": "Elsewhere"})
        projects = {"garden": cls.project, "court": cls.court, "elsewhere": elsewhere}
        Report = cls.env["realty.daily.report"]._action_env()
        for (key, day), figures in LOGS.items():
            Report.create({"project_id": projects[key].id, "date": day, **figures})
        cls.Report = cls.env["realty.daily.report"]
        cls.projects = cls.project | cls.court

    def _pick(self, totals, *names):
        return {name: totals[name] for name in names}

    def test_week_totals_sum_flows_and_take_stock_from_the_last_day(self):
        totals = self.Report._period_totals(self.projects, date(2027, 3, 8), date(2027, 3, 10))
        self.assertEqual(
            self._pick(totals, "contracts_count", "contracts_area", "contracts_amount", "contracts_unit_price"),
            # 1 + 2 + 1 contracts, 300 m², 6,300,000: 21,000 per m²
            {
                "contracts_count": 4,
                "contracts_area": 300.0,
                "contracts_amount": 6300000.0,
                "contracts_unit_price": 21000.0,
            },
        )
        # the garden's last day is the 10th (8 available, 700 overdue), the court's the 9th (5, 100)
        self.assertEqual(
            self._pick(totals, "units_available", "overdue_amount"), {"units_available": 13, "overdue_amount": 800.0}
        )
        self.assertEqual(totals["received_amount"], 0)

    def test_comparison_by_week(self):
        comparison = self.Report._period_comparison(self.projects, "week", date(2027, 3, 10))  # a Wednesday
        ranges = {key: (values["date_from"], values["date_to"]) for key, values in comparison.items()}
        self.assertEqual(
            ranges,
            {
                "current": (date(2027, 3, 8), date(2027, 3, 10)),  # from Monday
                "previous": (date(2027, 3, 1), date(2027, 3, 3)),
                "last_year": (date(2026, 3, 9), date(2026, 3, 11)),  # 52 weeks earlier: a Monday too
            },
        )
        self.assertEqual(comparison["current"]["contracts_count"], 4)
        self.assertEqual(
            self._pick(comparison["previous"], "contracts_count", "contracts_unit_price", "units_available"),
            {"contracts_count": 1, "contracts_unit_price": 15000.0, "units_available": 12},
        )
        self.assertEqual(
            self._pick(comparison["last_year"], "contracts_count", "contracts_unit_price"),
            {"contracts_count": 1, "contracts_unit_price": 18000.0},
        )

    def test_comparison_by_month_and_day(self):
        month = self.Report._period_comparison(self.projects, "month", date(2027, 3, 10))
        self.assertEqual(
            (month["current"]["date_from"], month["current"]["date_to"]), (date(2027, 3, 1), date(2027, 3, 10))
        )
        # 1 + 1 + 2 + 1 contracts on 380 m² for 7,500,000
        self.assertEqual(
            self._pick(month["current"], "contracts_count", "contracts_amount", "contracts_unit_price"),
            {"contracts_count": 5, "contracts_amount": 7500000.0, "contracts_unit_price": 19736.84},
        )
        self.assertEqual(
            (month["previous"]["date_from"], month["previous"]["date_to"]), (date(2027, 2, 1), date(2027, 2, 10))
        )
        self.assertEqual(month["previous"]["received_amount"], 100.0, "to the same point of February")
        self.assertEqual(month["last_year"]["contracts_count"], 1)
        day = self.Report._period_comparison(self.projects, "day", date(2027, 3, 10))
        self.assertEqual(
            {key: (values["date_from"], values["contracts_count"]) for key, values in day.items()},
            {
                "current": (date(2027, 3, 10), 2),
                "previous": (date(2027, 3, 9), 1),
                "last_year": (date(2026, 3, 10), 1),
            },
        )

    def test_a_whole_month_compares_with_the_whole_previous_month(self):
        month = self.Report._period_comparison(self.projects, "month", date(2027, 2, 28))
        self.assertEqual(
            (month["current"]["date_from"], month["current"]["date_to"]), (date(2027, 2, 1), date(2027, 2, 28))
        )
        self.assertEqual(
            (month["previous"]["date_from"], month["previous"]["date_to"]), (date(2027, 1, 1), date(2027, 1, 31))
        )
        self.assertEqual(month["current"]["received_amount"], 1099.0)
        self.assertEqual(month["previous"]["received_amount"], 7.0)
