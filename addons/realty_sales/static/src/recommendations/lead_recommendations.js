import { Component, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/views/fields/formatters";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

/** The units a lead can afford, best first, each with a button that opens a prefilled reservation. */
export class LeadRecommendations extends Component {
    static template = "realty_sales.LeadRecommendations";
    static props = { ...standardWidgetProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ items: [], loaded: false });
        onWillStart(() => this.load(this.props.record));
        onWillUpdateProps((next) => this.load(next.record));
    }

    async load(record) {
        if (!record.resId) {
            this.state.items = [];
            this.state.loaded = true;
            return;
        }
        this.state.items = await this.orm.call("crm.lead", "get_unit_recommendations", [[record.resId]], {
            limit: 20,
        });
        this.state.loaded = true;
    }

    formatAmount(amount) {
        return formatFloat(amount, { digits: [16, 0] });
    }

    async reserve(item) {
        const record = this.props.record;
        if (record.isDirty) {
            await record.save();
        }
        const action = await this.orm.call("crm.lead", "action_reserve_unit", [
            [record.resId],
            item.unit_id,
            item.payment_plan_id,
        ]);
        await this.actionService.doAction(action);
    }
}

registry.category("view_widgets").add("realty_lead_recommendations", { component: LeadRecommendations });
