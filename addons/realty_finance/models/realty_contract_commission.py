from odoo import api, fields, models

from odoo.addons.realty_finance.models.realty_project import COMMISSION_READERS


class RealtyContract(models.Model):
    """The agency (分销渠道) that brought the buyer, copied from the reservation; signing gives it one commission
    per rule of the project in force that day."""

    _inherit = "realty.contract"

    agency_id = fields.Many2one(
        "res.partner",
        "Agency",
        index="btree_not_null",
        tracking=True,
        help="The sales agency (分销) that brought the buyer; fixed at signing.",
    )
    commission_ids = fields.One2many(
        "realty.commission", "contract_id", "Agency Commissions", readonly=True, groups=COMMISSION_READERS
    )
    commission_count = fields.Integer(compute="_compute_commission_count", groups=COMMISSION_READERS)

    @api.depends("commission_ids")
    def _compute_commission_count(self):
        for contract in self:
            contract.commission_count = len(contract.commission_ids)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_sign(self):
        """EXTENDS realty_contract: the agency's commissions, whoever signs (the salesperson reads no commission)."""
        result = super().action_sign()
        self.sudo()._create_commissions()
        return result

    def action_view_commissions(self):
        self.ensure_one()
        return self.commission_ids._get_records_action(name=self.env._("Agency Commissions"))

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _create_commissions(self):
        Commission = self.env["realty.commission"]
        Rule = self.env["realty.commission.rule"]
        values = [
            Commission._prepare_values(contract, rule)
            for contract in self.filtered("agency_id")
            for rule in Rule._rules_for(contract)
            if not contract.currency_id.is_zero(rule._amount_for(contract.price))
        ]
        return Commission._action_env().create(values)
