from odoo import api, models

DEMO_RESERVATIONS = ("demo_reservation_zhang", "demo_reservation_wang", "demo_reservation_li")


class RealtyDemo(models.AbstractModel):
    _inherit = "realty.demo"

    @api.model
    def _realty_sales_demo_reservations(self):
        """Confirm the demo reservations (Li's discount waits for a sales manager's approval)."""
        reservations = self.env["realty.reservation"]
        for xml_id in DEMO_RESERVATIONS:
            reservations |= self.env.ref(f"realty_sales.{xml_id}", raise_if_not_found=False) or reservations
        reservations.with_env(self._office_env()).action_confirm()
