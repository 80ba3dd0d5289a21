from odoo import api, fields, models


class RealtyContract(models.Model):
    """The buyer's loan as the contract shows it: a contract with a loan installment gets its mortgage at signing,
    followed by finance; everyone who reads the contract reads its stage."""

    _inherit = "realty.contract"

    mortgage_ids = fields.One2many("realty.mortgage", "contract_id", "Mortgages", readonly=True)
    mortgage_id = fields.Many2one("realty.mortgage", "Mortgage", compute="_compute_mortgage_id", store=True)
    mortgage_stage = fields.Selection(related="mortgage_id.stage", string="Mortgage Stage")
    mortgage_lender_id = fields.Many2one(related="mortgage_id.lender_id", string="Lender")
    mortgage_loan_kind = fields.Selection(related="mortgage_id.loan_kind", string="Loan Kind")
    mortgage_loan_amount = fields.Monetary(related="mortgage_id.loan_amount", string="Loan Amount")
    mortgage_date_stage = fields.Date(related="mortgage_id.date_stage", string="In Stage Since")

    @api.depends("mortgage_ids")
    def _compute_mortgage_id(self):
        for contract in self:
            contract.mortgage_id = contract.mortgage_ids[:1]

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_sign(self):
        """EXTENDS realty_contract: a contract paid partly by a loan starts its mortgage (资料收集)."""
        result = super().action_sign()
        self.sudo()._create_mortgages()
        return result

    def action_open_mortgage(self):
        """Open the contract's mortgage; finance starts one for a contract that has none yet."""
        self.ensure_one()
        if not self.mortgage_id:
            self.env["realty.mortgage"].check_access("create")
            self._check_state("signed", "registered", "delivered")
            self._create_mortgages(force=True)
        return self.mortgage_id._get_records_action(name=self.env._("Mortgage"))

    def action_register_disbursement(self):
        self.ensure_one()
        return self.mortgage_id.action_register_disbursement()

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _create_mortgages(self, force=False):
        """A mortgage for each of these contracts that has a loan installment (any, with ``force``) and none yet."""
        contracts = self.filtered(
            lambda contract: (
                not contract.mortgage_ids and (force or any(line.kind == "loan" for line in contract.installment_ids))
            )
        )
        Mortgage = self.env["realty.mortgage"]
        return Mortgage._action_env().create([Mortgage._prepare_values(contract) for contract in contracts])
