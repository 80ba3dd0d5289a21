import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

import { DashboardCard } from "./dashboard_card";
import { DashboardTopList } from "./dashboard_top_list";
import { DashboardTrend } from "./dashboard_trend";

/**
 * The executive dashboard 经营看板: KPI cards, a trend chart and top lists, with project and period filters. All
 * figures come from one server call (`realty.dashboard.get_dashboard`), computed under the user's own rights.
 */
export class RealtyDashboard extends Component {
    static template = "realty_reports.Dashboard";
    static components = { DashboardCard, DashboardTopList, DashboardTrend };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ period: "month", projectId: false, data: null });
        this.periods = [
            { key: "today", label: _t("Today") },
            { key: "week", label: _t("This Week") },
            { key: "month", label: _t("This Month") },
            { key: "year", label: _t("This Year") },
        ];
        this.request = 0;
        onWillStart(() => this.load());
    }

    async load() {
        const request = ++this.request;
        const data = await this.orm.call("realty.dashboard", "get_dashboard", [], {
            project_ids: this.state.projectId ? [this.state.projectId] : null,
            period: this.state.period,
        });
        if (request === this.request) {
            // a late answer to an earlier filter never replaces a newer one
            this.state.data = data;
        }
    }

    onPeriodChange(period) {
        this.state.period = period;
        return this.load();
    }

    onProjectChange(ev) {
        this.state.projectId = parseInt(ev.target.value) || false;
        return this.load();
    }

    openRecords(card) {
        const period = card.periods[this.state.period];
        return this.action.doAction({
            type: "ir.actions.act_window",
            name: card.label,
            res_model: card.res_model,
            domain: period.domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            target: "current",
        });
    }
}

registry.category("actions").add("realty_reports.dashboard", RealtyDashboard);
