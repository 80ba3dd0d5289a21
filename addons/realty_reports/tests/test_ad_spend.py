from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .analyses_common import RealtyAnalysesCase

IMPORT_FIELDS = ["date", "project_id", "source_id", "medium_id", "campaign_id", "amount", "note"]


@tagged("post_install", "-at_install")
class TestAdSpend(RealtyAnalysesCase):
    """Advertising spend: entered or imported by sales managers, never negative, hidden from salespeople."""

    def _rows(self, amount="1200.50", project=None):
        return [
            ["2025-03-05", project or self.project.name, "Source A", "Medium M", "X", amount, "朋友圈 banner"],
            ["2025-03-06", project or self.project.name, "Source B", "Medium M", "Y", "800", ""],
        ]

    def test_negative_spend_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["realty.ad.spend"].create(self._spend_values("03-05", -1.0, self.source_a, self.campaign_x))
            self.env.flush_all()

    def test_import_of_the_list(self):
        Spend = self.env["realty.ad.spend"].with_user(self.manager)
        result = Spend.load(IMPORT_FIELDS, self._rows())
        self.assertFalse(result["messages"])
        spends = Spend.browse(result["ids"])
        self.assertEqual(spends.mapped("amount"), [1200.5, 800.0])
        self.assertEqual(spends.project_id, self.project)
        self.assertEqual(spends.company_id, self.company)
        self.assertEqual(spends.mapped("campaign_id"), self.campaign_x | self.campaign_y)
        self.assertEqual(spends[0].source_id, self.source_a)
        total = self.env["realty.report.advertising"].formatted_read_group(
            [("project_id", "=", self.project.id)], [], ["spend:sum"]
        )
        self.assertEqual(total[0]["spend:sum"], 3600.0 + 2000.5, "the advertising report counts imported spend")

    def test_import_of_a_csv_file(self):
        """What the list's Import button does: headers matched to the fields by their labels, then imported."""
        csv = "Day,Project,Source,Medium,Campaign,Spend\n2025-03-05,Test Garden,Source A,Medium M,X,1200.50\n"
        importer = (
            self.env["base_import.import"]
            .with_user(self.manager)
            .create({"res_model": "realty.ad.spend", "file": csv.encode(), "file_type": "text/csv"})
        )
        options = {"has_headers": True, "separator": ",", "quoting": '"', "date_format": "%Y-%m-%d"}
        preview = importer.parse_preview(options)
        self.assertFalse(preview.get("error"))
        fields = ["/".join(match) for match in preview["matches"].values()]
        self.assertEqual(fields, ["date", "project_id", "source_id", "medium_id", "campaign_id", "amount"])
        result = importer.execute_import(fields, preview["headers"], options)
        self.assertFalse(result["messages"])
        spend = self.env["realty.ad.spend"].browse(result["ids"])
        self.assertEqual(
            (spend.date, spend.project_id, spend.source_id, spend.campaign_id, spend.amount),
            (date(2025, 3, 5), self.project, self.source_a, self.campaign_x, 1200.5),
        )

    def test_import_refuses_bad_rows_whole(self):
        Spend = self.env["realty.ad.spend"].with_user(self.manager)
        before = Spend.search_count([])
        for rows in (self._rows(amount="-5"), self._rows(project="No Such Project")):
            with mute_logger("odoo.sql_db"):
                result = Spend.load(IMPORT_FIELDS, rows)
            self.assertEqual(result["messages"][0]["type"], "error", "a negative spend or an unknown project")
            self.assertFalse(result["ids"])
        self.assertEqual(Spend.search_count([]), before, "nothing half-imported")

    def test_access_per_role(self):
        Spend = self.env["realty.ad.spend"]
        values = self._spend_values("03-07", 300.0, self.source_a, self.campaign_x)
        spend = Spend.with_user(self.manager).create(values)
        spend.amount = 350.0
        self.assertEqual(Spend.with_user(self.executive).search([("id", "=", spend.id)]).amount, 350.0)
        with self.assertRaises(AccessError):
            Spend.with_user(self.executive).create(values)
        for user in (self.sp1, self.finance):
            with self.assertRaises(AccessError, msg=user.login):
                Spend.with_user(user).search([])
        self.assertFalse(Spend.with_user(self.user_company_b).search([]), "another company's spend is hidden")
