from odoo import api, fields, models
from odoo.exceptions import UserError


class RealtyContract(models.Model):
    """Late fees (违约金) of a contract: one per month, each billed by its own invoice."""

    _inherit = "realty.contract"

    late_fee_ids = fields.One2many("realty.late.fee", "contract_id", "Late Fees", readonly=True)
    late_fee_count = fields.Integer("Late Fee Count", compute="_compute_late_fee_count")

    @api.depends("late_fee_ids")
    def _compute_late_fee_count(self):
        counts = dict(
            self.env["realty.late.fee"]._read_group([("contract_id", "in", self.ids)], ["contract_id"], ["__count"])
        )
        for contract in self:
            contract.late_fee_count = counts.get(contract, 0)

    def action_bill_late_fees(self):
        """Bill these contracts' late fees of the last month that is over."""
        LateFee = self.env["realty.late.fee"]
        LateFee.check_access("create")
        start, end = LateFee._period()
        fees = LateFee._bill(self, start, end)
        if not fees:
            raise UserError(
                self.env._(
                    "No late fee to bill for %(start)s – %(end)s on %(contracts)s.",
                    start=start,
                    end=end,
                    contracts=self._names() if len(self) <= 5 else self.env._("%(count)s contracts", count=len(self)),
                )
            )
        return fees._get_records_action(name=self.env._("Late Fees"))

    def action_view_late_fees(self):
        self.ensure_one()
        return self.late_fee_ids._get_records_action(name=self.env._("Late Fees"))
