import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

DAILY_REPORT_HOUR_PARAM = "realty_reports.daily_report_hour"
DEFAULT_DAILY_REPORT_HOUR = "09:30"
HOUR_PATTERN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    realty_daily_report_hour = fields.Char(
        "Daily log sending time",
        config_parameter=DAILY_REPORT_HOUR_PARAM,
        default=DEFAULT_DAILY_REPORT_HOUR,
        help="Local time (HH:MM, 24 hours) at which the subscribers receive yesterday's daily log by mail.",
    )

    @api.constrains("realty_daily_report_hour")
    def _check_realty_daily_report_hour(self):
        for settings in self:
            if not HOUR_PATTERN.match(settings.realty_daily_report_hour or ""):
                raise ValidationError(
                    self.env._(
                        "The daily log sending time must be a time of day as HH:MM (24 hours), e.g. 09:30; got “%(value)s”.",
                        value=settings.realty_daily_report_hour or "",
                    )
                )

    def set_values(self):
        super().set_values()
        self.env["res.users"]._realty_daily_report_align_cron()
