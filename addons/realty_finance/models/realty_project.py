from odoo import fields, models

FORFEIT_POLICIES = [
    ("none", "Nothing Kept"),
    ("deposit", "Deposit Kept"),
    ("percent", "Share of the Price Kept"),
]
COMMISSION_READERS = (
    "realty_base.group_realty_manager,realty_base.group_realty_finance,realty_base.group_realty_executive"
)


class RealtyProject(models.Model):
    """What the office keeps when a buyer withdraws (退房 / 退定), and the agencies' commission rules.

    By default the deposit (定金) is kept: the reservation agreement (认购书) says so, as the Civil Code's deposit
    rule allows (a party who fails to perform loses the deposit, art. 587). Projects whose purchase contract
    stipulates liquidated damages (违约金) as a share of the price keep that share instead; "nothing kept" suits
    goodwill projects and settlements where the buyer is not at fault."""

    _inherit = "realty.project"

    realty_forfeit_policy = fields.Selection(
        FORFEIT_POLICIES,
        "Kept When a Buyer Withdraws",
        required=True,
        default="deposit",
        help="What the office keeps of the money received when a contract is terminated or a reservation with a "
        "deposit is cancelled; the rest is refunded. Never more than the money received.",
    )
    realty_forfeit_percent = fields.Float(
        "Share Kept (%)", digits=(5, 2), help="Liquidated damages (违约金) as a share of the agreed price."
    )
    commission_rule_ids = fields.One2many(
        "realty.commission.rule", "project_id", "Agency Commission Rules", groups=COMMISSION_READERS
    )

    _realty_forfeit_percent_range = models.Constraint(
        "CHECK(realty_forfeit_percent >= 0 AND realty_forfeit_percent <= 100)",
        "The share kept must be between 0 and 100 %.",
    )

    def _realty_forfeit(self, price, deposit, received):
        """What this project's policy keeps of ``received`` for a deal at ``price`` with ``deposit``."""
        self.ensure_one()
        kept = {
            "none": 0.0,
            "deposit": deposit,
            "percent": price * self.realty_forfeit_percent / 100.0,
        }[self.realty_forfeit_policy]
        return self.currency_id.round(max(min(kept, received), 0.0))
