from odoo import fields, models

from odoo.addons.realty_contract.models.crm_lead import REALTY_GROUPS


class CrmLead(models.Model):
    _inherit = "crm.lead"

    agency_id = fields.Many2one(
        "res.partner",
        "Agency",
        index="btree_not_null",
        tracking=True,
        groups=REALTY_GROUPS,
        help="The sales agency (分销) that brought the customer; its reservations and contract name it too.",
    )
