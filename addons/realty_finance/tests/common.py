from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.realty_contract.tests.common import RealtyContractCase


class RealtyFinanceCase(RealtyContractCase, AccountTestInvoicingCommon):
    """The realty fixtures in a company with a real chart of accounts (Odoo's accounting test setup).

    The class environment is the accounting test user; it gets the realty administrator role as well, so that it
    builds the realty fixtures as before."""

    @classmethod
    def get_default_groups(cls):
        return super().get_default_groups() | cls.env.ref("realty_base.group_realty_admin")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance.group_ids |= cls.env.ref("realty_base.group_realty_finance")  # re-implies Billing rights
        cls.bank_journal = cls.company_data["default_journal_bank"]

    def _signed_installment_contract(self, **values):
        """2,000,000 on three installments (40 / 30 / 30 %, now, +3 and +6 months) after a 50,000 deposit."""
        contract = self._signed_contract(payment_plan_id=self.plan_installment.id, **values)
        return contract.with_env(self.env)  # the accounting test user (realty administrator too)

    def _receive(self, document, amount, user=None, **values):
        """Money received through the wizard, as ``user`` (default: finance)."""
        field = "contract_id" if document._name == "realty.contract" else "reservation_id"
        wizard = (
            self.env["realty.payment.receive"]
            .with_user(user or self.finance)
            .with_context(**{f"default_{field}": document.id})
            .create({"amount": amount, **values})
        )
        action = wizard.action_confirm()
        return self.env["account.payment"].browse(action["res_id"])
