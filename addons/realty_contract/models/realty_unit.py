from odoo import api, fields, models


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
        }
