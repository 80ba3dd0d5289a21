from odoo import api, fields, models
from odoo.exceptions import UserError

REALTY_GROUPS = (
    "realty_base.group_realty_salesperson,realty_base.group_realty_finance,realty_base.group_realty_executive"
)


class CrmLead(models.Model):
    _inherit = "crm.lead"

    realty_contract_reservation_id = fields.Many2one(
        "realty.reservation",
        "Reservation to Contract",
        compute="_compute_realty_contract_reservation_id",
        groups=REALTY_GROUPS,
        help="The lead's confirmed reservation that a contract can be created from.",
    )

    @api.depends("reservation_ids.state")
    def _compute_realty_contract_reservation_id(self):
        for lead in self:
            confirmed = lead.reservation_ids.filtered(lambda reservation: reservation.state == "confirmed")
            lead.realty_contract_reservation_id = confirmed[:1]

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_create_realty_contract(self):
        """Draft the contract of the lead's confirmed reservation (the same action as on the reservation)."""
        self.ensure_one()
        if not self.realty_contract_reservation_id:
            raise UserError(
                self.env._("Lead %(lead)s has no confirmed reservation to make a contract from.", lead=self.name)
            )
        return self.realty_contract_reservation_id.action_create_contract()
