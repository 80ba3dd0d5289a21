import base64
from datetime import time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from .res_config_settings import DAILY_REPORT_HOUR_PARAM, DEFAULT_DAILY_REPORT_HOUR, HOUR_PATTERN

LAST_SENT_PARAM = "realty_reports.daily_report_last_sent"
SUBSCRIBER_GROUPS = ("realty_base.group_realty_manager", "realty_base.group_realty_executive")
PDF_REPORT = "realty_reports.realty_daily_report_pdf_report"
XLSX_REPORT = "realty_reports.realty_daily_report_xlsx_report"


class ResUsers(models.Model):
    """Subscribers of the daily log 日报: sales managers and executives who chose to get yesterday's log by mail
    each morning, at the hour set in the settings (realty_reports.daily_report_hour, local time)."""

    _inherit = "res.users"

    realty_daily_report_subscribed = fields.Boolean(
        "Receive the daily log",
        help="Each morning, yesterday's daily log of the projects you may read, by mail with its xlsx and PDF.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["realty_daily_report_subscribed"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["realty_daily_report_subscribed"]

    @api.constrains("realty_daily_report_subscribed")
    def _check_realty_daily_report_subscribed(self):
        refused = self.filtered("realty_daily_report_subscribed") - self._realty_daily_report_eligible()
        if refused:
            raise ValidationError(
                self.env._(
                    "Only sales managers and executives can receive the daily log: %(users)s.",
                    users=", ".join(refused.mapped("name")),
                )
            )

    def _realty_daily_report_eligible(self):
        groups = self.env["res.groups"].browse(self.env.ref(xmlid).id for xmlid in SUBSCRIBER_GROUPS)
        return self.filtered(lambda user: not user.share and user.all_group_ids & groups)

    @api.model
    def _realty_daily_report_subscriber_domain(self):
        """Subscribers still entitled to the log (a role removed later stops the mail) and reachable by mail."""
        groups = [self.env.ref(xmlid).id for xmlid in SUBSCRIBER_GROUPS]
        return Domain(
            [
                ("realty_daily_report_subscribed", "=", True),
                ("share", "=", False),
                ("all_group_ids", "in", groups),
                ("email", "!=", False),
            ]
        )

    # ------------------------------------------------------------------
    # SCHEDULE
    # ------------------------------------------------------------------

    @api.model
    def _realty_daily_report_tz(self):
        return pytz.timezone(self.env.company.partner_id.tz or "Asia/Shanghai")

    @api.model
    def _realty_daily_report_time(self):
        """The configured sending time (a bad stored value falls back to the default)."""
        value = self.env["ir.config_parameter"].sudo().get_param(DAILY_REPORT_HOUR_PARAM, DEFAULT_DAILY_REPORT_HOUR)
        match = HOUR_PATTERN.match(value or "") or HOUR_PATTERN.match(DEFAULT_DAILY_REPORT_HOUR)
        return time(int(match.group(1)), int(match.group(2)))

    @api.model
    def _realty_daily_report_align_cron(self):
        """The mail cron runs hourly; its runs fall on the configured minute, so the log leaves at the set time."""
        cron = self.env.ref("realty_reports.ir_cron_daily_report_mail", raise_if_not_found=False)
        if not cron:
            return
        tz = self._realty_daily_report_tz()
        now = pytz.utc.localize(fields.Datetime.now()).astimezone(tz)
        nextcall = now.replace(minute=self._realty_daily_report_time().minute, second=0, microsecond=0)
        if nextcall <= now:
            nextcall += timedelta(hours=1)
        cron.sudo().nextcall = nextcall.astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------
    # SENDING
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_daily_report(self):
        """Once a day, from the configured time on: yesterday's log to each subscriber. The day sent is
        remembered, so later runs of the same day send nothing; a run before yesterday's snapshots exist waits
        for the next one."""
        params = self.env["ir.config_parameter"].sudo()
        local_now = pytz.utc.localize(fields.Datetime.now()).astimezone(self._realty_daily_report_tz())
        today = local_now.date()
        if local_now.time() < self._realty_daily_report_time() or params.get_param(LAST_SENT_PARAM) == str(today):
            return
        day = today - timedelta(days=1)
        if not self.env["realty.daily.report"].sudo().search_count([("date", "=", day)], limit=1):
            return
        self.search(self._realty_daily_report_subscriber_domain())._realty_daily_report_send(day)
        params.set_param(LAST_SENT_PARAM, str(today))

    def _realty_daily_report_send(self, day):
        """One mail per subscriber, through the outgoing queue; none for whom no project's log of ``day`` is
        readable."""
        template = self.env.ref("realty_reports.mail_template_daily_report")
        mails = self.env["mail.mail"]
        for user in self:
            as_user = user._realty_daily_report_env()
            snapshots = as_user["realty.daily.report"].search([("date", "=", day)])
            if not snapshots:
                continue
            values = as_user["report.realty_reports.report_daily_report"]._daily_log_mail_values(snapshots)
            mails |= template.with_context(realty_daily_log=values).send_mail_batch(
                user.ids, email_values={"attachments": user._realty_daily_report_attachments(snapshots, day)}
            )
        return mails

    def _realty_daily_report_env(self):
        """The environment of this subscriber: their rights, companies and language."""
        self.ensure_one()
        return self.env(
            user=self,
            su=False,
            context=dict(self.env.context, allowed_company_ids=self.company_ids.ids, lang=self.lang),
        )

    def _realty_daily_report_attachments(self, snapshots, day):
        """The xlsx and the PDF of the log, rendered as the subscriber, as (file name, base64 content)."""
        reports = snapshots.env["ir.actions.report"]
        name = reports._get_report(PDF_REPORT).name
        attachments = []
        for report_ref, extension in ((XLSX_REPORT, "xlsx"), (PDF_REPORT, "pdf")):
            content, _kind = reports._render(report_ref, snapshots.ids)
            attachments.append((f"{name} {day}.{extension}", base64.b64encode(content)))
        return attachments
