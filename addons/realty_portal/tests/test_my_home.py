from odoo.tests import tagged

from .my_home_common import RealtyPortalCase


@tagged("post_install", "-at_install")
class TestMyHome(RealtyPortalCase):
    """我的房产 as each of the buyer, the co-buyer and an anonymous visitor."""

    def test_anonymous_is_sent_to_login(self):
        for url in ("/my/realty", f"/my/realty/contract/{self.contract.id}", f"/my/realty/receipt/{self.receipt.id}"):
            with self.subTest(url=url):
                response = self._get(url)
                self.assertEqual(response.status_code, 303)
                self.assertIn("/web/login", response.headers["Location"])

    def test_buyer_lists_own_contracts_only(self):
        response = self._get("/my/realty", self.portal_buyer)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.contract.name, response.text)
        self.assertNotIn(self.other_contract.name, response.text)
        self.assertRegex(response.text, r"<title>\s*My Properties")

    def test_contract_page_shows_steps_schedule_and_receipts(self):
        response = self._get(f"/my/realty/contract/{self.contract.id}", self.portal_buyer)
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("o_realty_step_done", page, "reservation and signing are done")
        self.assertIn("o_realty_step_current", page, "registration comes next")
        statuses = [self.contract._portal_installment_status(line) for line in self.contract.installment_ids]
        self.assertEqual(statuses[0], "paid", "the deposit was received")
        self.assertIn("overdue", statuses, "the first installment fell due 40 days ago")
        self.assertEqual(page.count('data-status="paid"'), statuses.count("paid"))
        self.assertEqual(page.count('data-status="overdue"'), statuses.count("overdue"))
        self.assertIn(self.receipt.realty_receipt_number, page)
        self.assertIn(f"/my/realty/receipt/{self.receipt.id}", page)
        self.assertIn(f"/my/invoices/{self.contract.installment_ids[0].sudo().move_id.id}", page)
        self.assertIn(f"/my/realty/contract/{self.contract.id}/pdf", page)

    def test_buyer_downloads_pdf_and_receipt(self):
        self.authenticate(self.portal_buyer.login, "buyer-pw-12")
        for url in (f"/my/realty/contract/{self.contract.id}/pdf", f"/my/realty/receipt/{self.receipt.id}"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url, allow_redirects=False).status_code, 200)

    def test_co_buyer_sees_the_contract_but_not_the_invoices(self):
        response = self._get("/my/realty", self.portal_co_buyer)
        self.assertIn(self.contract.name, response.text)
        response = self._get(f"/my/realty/contract/{self.contract.id}", self.portal_co_buyer)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.receipt.realty_receipt_number, response.text)
        self.assertNotIn("/my/invoices/", response.text, "invoices are the main buyer's documents")

    def test_next_payment_due_on_portal_home(self):
        response = self._get("/my/home", self.portal_buyer)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_realty_next_due", response.text)
        self.assertIn(f"/my/realty/contract/{self.contract.id}", response.text)
        due = self.env["realty.installment"].with_user(self.portal_buyer)._portal_next_due()
        self.assertEqual(due, self.contract.installment_ids[1], "the first unpaid installment")

    def test_next_payment_due_is_never_the_loan(self):
        """The bank or the housing fund pays the loan installment: the buyer's next payment is their own."""
        partner = self.env["res.partner"].create({"name": "Zhao Lei"})
        buyer = self._portal_user("zhaolei", partner)
        self.plan_mortgage.line_ids[1].payment_kind = "loan"  # 30 % down payment, 70 % lent
        contract = self._signed_contract(
            unit=self._released_unit(3), partner_id=partner.id, payment_plan_id=self.plan_mortgage.id
        ).with_env(self.env)
        self.env["realty.installment"]._cron_bill_due_installments()
        loan = contract.installment_ids.filtered(lambda installment: installment.kind == "loan")
        own = contract.installment_ids - loan
        self.assertTrue(own and loan)
        NextDue = self.env["realty.installment"].with_user(buyer)
        self.assertEqual(NextDue._portal_next_due(), own[0])
        self._receive(contract, sum(own.mapped("amount")))
        self.assertEqual(loan.billing_state, "invoiced")  # billed to the buyer, paid by the lender
        self.assertFalse(NextDue._portal_next_due())

    def test_home_counter(self):
        self.authenticate(self.portal_buyer.login, "buyer-pw-12")
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["realty_count"]})
        self.assertEqual(result["realty_count"], 1)

    def test_my_home_tour(self):
        """The buyer follows their contract from the portal home, then states their needs."""
        self.portal_buyer.password = "buyer"
        self.start_tour("/my/home", "realty_portal_my_home_tour", login="buyer")
        lead = self.env["crm.lead"]._portal_lead(self.customer)
        self.assertEqual((lead.income_monthly, lead.budget), (45000.0, 2600000.0))
