from odoo import Command

from odoo.addons.realty_base.tests.common import RealtyCase


class RealtySalesCase(RealtyCase):
    """RealtyCase plus the four usual payment plans, released units and a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "realty_discount_limit": 1.0,
                "realty_mortgage_rate": 3.05,
                "realty_loan_years": 30,
                "realty_income_share": 50.0,
            }
        )
        cls.env["realty.payment.plan"].search([]).action_archive()  # demo plans must not change the results
        cls.plan_full = cls._create_plan("Full payment", "full", discount=2.0, shares=[100])
        cls.plan_installment = cls._create_plan("Installments", "installment", shares=[40, 30, 30])
        cls.plan_mortgage = cls._create_plan("Mortgage 30%", "mortgage", down=30.0, shares=[30, 70])
        cls.plan_provident = cls._create_plan("Provident 20%", "provident", down=20.0, shares=[20, 80])
        cls.customer = cls.env["res.partner"].create({"name": "Chen Jie"})
        cls.unit = cls._create_unit(12, 1)  # 100 m² at 20,000/m²: 2,000,000
        cls.unit.action_release()

    @classmethod
    def _create_plan(cls, name, kind, shares, discount=0.0, down=0.0):
        return cls.env["realty.payment.plan"].create(
            {
                "name": name,
                "kind": kind,
                "discount": discount,
                "down_payment_rate": down,
                "line_ids": [
                    Command.create(
                        {"name": f"Payment {index}", "share": share, "offset_value": index * 3, "offset_unit": "months"}
                    )
                    for index, share in enumerate(shares)
                ],
            }
        )

    def _reservation(self, unit=None, user=None, **values):
        return (
            self.env["realty.reservation"]
            .with_user(user or self.salesperson)
            .create(
                {
                    "unit_id": (unit or self.unit).id,
                    "partner_id": self.customer.id,
                    "payment_plan_id": self.plan_mortgage.id,
                    "deposit_amount": 50000.0,
                    **values,
                }
            )
        )
