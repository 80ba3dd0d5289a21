import uuid
from datetime import date

from odoo import SUPERUSER_ID
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.realty_base.tests.race import RealtyRaceCase
from odoo.addons.realty_finance.models.account_payment_receipt import RECEIPT_SEQUENCE_CODE


@tagged("post_install", "-at_install")
class TestReceiptRace(RealtyRaceCase):
    """The first two receipts of a company issued at the same moment: one receipt sequence is made, and the two
    numbers follow each other (the later transaction waits on the unique index, then is replayed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.committed_env() as env:
            cls.company_id = env["res.company"].create({"name": f"Receipt Race {uuid.uuid4().hex[:8]}"}).id

    @classmethod
    def tearDownClass(cls):
        with cls.committed_env() as env:
            env.cr.execute("DELETE FROM ir_sequence WHERE company_id = %s", [cls.company_id])
            env["res.company"].browse(cls.company_id).unlink()
        super().tearDownClass()

    def test_first_receipts_of_a_company_at_once(self):
        numbers = [None, None]

        def issue(env, index):
            company = env["res.company"].browse(self.company_id)
            numbers[index] = env["account.payment"]._realty_next_receipt_number(company, date(2026, 5, 4))

        with mute_logger("odoo.sql_db"):
            outcomes = self._race(issue, [SUPERUSER_ID, SUPERUSER_ID])
        self.assertEqual(outcomes, ["won", "won"])
        self.assertCountEqual(numbers, ["SJ2026-00001", "SJ2026-00002"])
        rows = self._rows(
            "SELECT count(*) FROM ir_sequence WHERE code = %s AND company_id = %s",
            RECEIPT_SEQUENCE_CODE,
            self.company_id,
        )
        self.assertEqual(rows, [(1,)])
