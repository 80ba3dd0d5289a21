import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { useRecordObserver } from "@web/model/relational_model/utils";
import { formatFloat } from "@web/views/fields/formatters";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

const SCALAR_TYPES = new Set(["boolean", "char", "float", "integer", "monetary", "selection"]);

/**
 * The units a lead can afford, best first, each with a button that opens a prefilled reservation.
 *
 * They follow the form: whenever one of the needs changes (typed, discarded or saved) the server is asked
 * again with the form's current values. The server says which fields are needs, so no list is kept here.
 */
export class LeadRecommendations extends Component {
    static template = "realty_sales.LeadRecommendations";
    static props = { ...standardWidgetProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ items: [], loaded: false });
        this.needFields = null; // learnt from the first answer
        this.loadedKey = null; // the needs the items were computed for
        this.requestCount = 0; // only the newest request may fill the table
        this.canReserve = false; // finance and executives read leads but do not reserve
        onWillStart(async () => {
            this.canReserve = await user.hasGroup("realty_base.group_realty_salesperson");
        });
        useRecordObserver((record) => this.refresh(record));
    }

    /** The form's current values of the needs (of every scalar field until the server has named the needs). */
    readNeeds(record) {
        const needs = {};
        for (const name of this.needFields || Object.keys(record.activeFields)) {
            const value = record.data[name];
            const type = record.fields[name]?.type;
            if (type === "many2one") {
                needs[name] = value ? value.id ?? value[0] : false;
            } else if (SCALAR_TYPES.has(type)) {
                needs[name] = value;
            }
        }
        return needs;
    }

    keyOf(record, needs) {
        const names = this.needFields || Object.keys(needs);
        return JSON.stringify([record.resId, names.map((name) => needs[name])]);
    }

    async refresh(record) {
        const needs = this.readNeeds(record);
        if (this.keyOf(record, needs) === this.loadedKey) {
            return;
        }
        const request = ++this.requestCount;
        const result = await this.orm.call(
            "crm.lead",
            "get_recommendations_for_form",
            [record.resId ? [record.resId] : []],
            { needs, limit: 20 }
        );
        if (request !== this.requestCount) {
            return; // a newer change is being answered
        }
        this.needFields = result.need_fields;
        this.loadedKey = this.keyOf(record, needs);
        this.state.items = result.items;
        this.state.loaded = true;
    }

    formatAmount(amount) {
        return formatFloat(amount, { digits: [16, 0] });
    }

    async reserve(item) {
        const record = this.props.record;
        if (record.isDirty || !record.resId) {
            if (!(await record.save())) {
                return;
            }
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
