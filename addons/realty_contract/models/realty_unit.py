from odoo import api, fields, models
from odoo.exceptions import UserError


class RealtyUnit(models.Model):
    _inherit = "realty.unit"

    contract_ids = fields.One2many("realty.contract", "unit_id", "Contracts")

    # ------------------------------------------------------------------
    # STATE MACHINE (EXTENDS realty_sales)
    # ------------------------------------------------------------------

    @api.model
    def _get_state_transitions(self):
        return super()._get_state_transitions() | {
            ("reserved", "contracted"),  # contract signed
            ("contracted", "delivered"),  # handed over (交房)
            ("contracted", "available"),  # contract terminated (退房)
            ("available", "contracted"),  # an amendment moves a signed contract to this unit (换房)
        }

    # ------------------------------------------------------------------
    # SALES BOARD (EXTENDS realty_sales)
    # ------------------------------------------------------------------

    @api.model
    def _board_actions(self):
        """Reserved units offer to draft their contract, to whoever may create contracts."""
        actions = super()._board_actions()
        if self.env["realty.contract"].has_access("create"):
            label = self.env._("Create Contract")
            actions.append(
                {
                    "key": "create_contract",
                    "method": "action_board_create_contract",
                    "label": label,
                    "states": ["reserved"],
                    "opens_form": True,
                }
            )
        return actions

    def action_board_create_contract(self):
        """Draft the contract of the unit's confirmed reservation (as far as the user may read it) and open it."""
        self.ensure_one()
        reservation = self.env["realty.reservation"].search(
            [("unit_id", "=", self.id), ("state", "=", "confirmed")], limit=1
        )
        if not reservation:
            raise UserError(
                self.env._(
                    "Unit %(unit)s has no confirmed reservation of yours to make a contract from.", unit=self.name
                )
            )
        return reservation.action_create_contract()
