from odoo import Command

from .common import RealtyFinanceCase


class RealtyPayablesCase(RealtyFinanceCase):
    """RealtyFinanceCase plus an agency, a mortgage plan (30 % down, 70 % bank loan) and helpers that end deals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create({"name": "Sunshine Realty Agency", "is_company": True})
        cls.bank = cls.env["res.partner"].create({"name": "ICBC Hangzhou Branch", "is_company": True})
        cls.plan_loan = cls.env["realty.payment.plan"].create(
            {
                "name": "Bank mortgage 30%",
                "kind": "mortgage",
                "down_payment_rate": 30.0,
                "line_ids": [
                    Command.create({"name": "Down payment", "payment_kind": "down_payment", "share": 30}),
                    Command.create(
                        {
                            "name": "Bank loan",
                            "payment_kind": "loan",
                            "share": 70,
                            "offset_value": 3,
                            "offset_unit": "months",
                        }
                    ),
                ],
            }
        )

    def _contract_with_deposit(self, unit=None, user=None, **values):
        """A contract signed from a reservation whose 50,000 deposit was received (an advance payment)."""
        reservation = self._confirmed_reservation(unit=unit, user=user, **values)
        self._receive(reservation, 50000.0)
        action = reservation.with_user(user or self.salesperson).action_create_contract()
        contract = self.env["realty.contract"].browse(action["res_id"])
        contract.buyer_ids.write({"id_number": "11010519491231002X"})
        contract.with_user(user or self.salesperson).action_sign()
        return contract

    def _terminate(self, contract):
        contract.termination_reason = "The buyer withdrew"
        contract.with_user(self.manager).action_terminate()
        self.assertEqual(contract.state, "terminated")

    def _bill_all(self):
        self.company.realty_invoice_lead_days = 400
        self.env["realty.installment"]._cron_bill_due_installments()

    def _available_unit(self, floor=12, position=2):
        unit = self._create_unit(floor, position)
        unit.action_release()
        return unit

    @staticmethod
    def _open_receivables(moves):
        return moves.line_ids.filtered(lambda line: line.account_type == "asset_receivable" and not line.reconciled)
