from odoo import models


class IrWebsocket(models.AbstractModel):
    _inherit = "ir.websocket"

    # EXTENDS bus
    def _build_bus_channel_list(self, channels):
        """Users who may read units listen to the sales boards of their companies, and only those."""
        channels = list(channels)
        if self.env.uid and self.env["realty.unit"].has_access("read"):
            units = self.env["realty.unit"]
            channels.extend(units._board_channel(company) for company in self.env.user.company_ids)
        return super()._build_bus_channel_list(channels)
