import { Component, onMounted, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/views/fields/formatters";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

export const CELL_FIELDS = [
    { name: "unit_price", label: _t("Standard Unit Price") },
    { name: "gross_area", label: _t("Gross Area") },
    { name: "inner_area", label: _t("Inner Area") },
    { name: "total_price", label: _t("Standard Total Price") },
    { name: "layout_id", label: _t("Layout") },
    { name: "orientation", label: _t("Orientation") },
];

/**
 * The sales-control board (销控表): every unit of a project as a coloured cell, floors top to bottom,
 * positions left to right, one grid per building, with live totals per state.
 */
export class RealtySalesBoard extends Component {
    static template = "realty_sales.SalesBoard";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.notification = useService("notification");
        this.busService = useService("bus_service");
        this.cellFieldOptions = CELL_FIELDS;
        this.state = useState({
            projects: [],
            projectId: this.props.action.params?.project_id || this.props.action.context?.active_id || false,
            data: null,
            summary: null,
            selectedId: false,
            cellFields: [],
            showFieldPicker: false,
            filters: { buildingId: "", bedrooms: "", priceMin: "", priceMax: "", states: [] },
        });
        this.onUnitStates = this.onUnitStates.bind(this);
        this.onFocus = () => this.state.projectId && this.load();
        onWillStart(async () => {
            this.isManager = await user.hasGroup("realty_base.group_realty_manager");
            this.isSalesperson = await user.hasGroup("realty_base.group_realty_salesperson");
            this.state.projects = await this.orm.searchRead("realty.project", [], ["name"]);
            this.state.projectId ||= this.state.projects[0]?.id || false;
            if (this.state.projectId) {
                await this.load();
            }
        });
        onMounted(() => {
            this.busService.subscribe("realty.unit/state", this.onUnitStates);
            window.addEventListener("focus", this.onFocus);
        });
        onWillUnmount(() => {
            this.busService.unsubscribe("realty.unit/state", this.onUnitStates);
            window.removeEventListener("focus", this.onFocus);
        });
    }

    // ------------------------------------------------------------------
    // Data
    // ------------------------------------------------------------------

    async load() {
        const data = await this.orm.call("realty.project", "get_sales_board_data", [[this.state.projectId]]);
        this.layoutsById = Object.fromEntries(data.layouts.map((layout) => [layout.id, layout]));
        this.state.data = data;
        this.state.cellFields = data.cell_fields;
        this.refreshSummary();
    }

    /** Totals per state (units, area, amount) for the project and for each building. */
    refreshSummary() {
        const { buildings, units } = this.state.data;
        const byBuilding = Object.fromEntries(
            buildings.map((b) => [b.id, this.totals(units.filter((unit) => unit.building_id === b.id))])
        );
        this.state.summary = { project: this.totals(units), buildings: byBuilding };
    }

    onUnitStates(payload) {
        const units = this.state.data?.units || [];
        const byId = Object.fromEntries(units.map((unit) => [unit.id, unit]));
        for (const change of payload) {
            if (byId[change.id]) {
                byId[change.id].state = change.state;
            }
        }
        this.refreshSummary();
    }

    get units() {
        return this.state.data?.units || [];
    }

    get selectedUnit() {
        return this.units.find((unit) => unit.id === this.state.selectedId);
    }

    get bedroomOptions() {
        return [...new Set(this.units.map((unit) => unit.bedrooms).filter(Boolean))].sort();
    }

    get visibleBuildings() {
        const buildingId = parseInt(this.state.filters.buildingId);
        return (this.state.data?.buildings || []).filter((b) => !buildingId || b.id === buildingId);
    }

    gridOf(building) {
        const units = this.units.filter((unit) => unit.building_id === building.id);
        const floors = [...new Set(units.map((unit) => unit.floor))].sort((a, b) => b - a);
        const positions = [...new Set(units.map((unit) => unit.position))].sort((a, b) => a - b);
        const cells = Object.fromEntries(units.map((unit) => [`${unit.floor}:${unit.position}`, unit]));
        return { floors, positions, cells };
    }

    matches(unit) {
        const { bedrooms, priceMin, priceMax, states } = this.state.filters;
        return (
            (!bedrooms || unit.bedrooms === parseInt(bedrooms)) &&
            (!priceMin || unit.total_price >= parseFloat(priceMin) * 10000) &&
            (!priceMax || unit.total_price <= parseFloat(priceMax) * 10000) &&
            (!states.length || states.includes(unit.state))
        );
    }

    totals(units) {
        const totals = Object.fromEntries(
            (this.state.data?.states || []).map((s) => [s.key, { count: 0, area: 0, amount: 0 }])
        );
        for (const unit of units) {
            const total = totals[unit.state];
            total.count += 1;
            total.area += unit.gross_area;
            total.amount += unit.total_price;
        }
        return totals;
    }

    stateColor(key) {
        return this.state.data.states.find((s) => s.key === key)?.color;
    }

    stateTextColor(key) {
        return this.state.data.states.find((s) => s.key === key)?.text_color;
    }

    stateLabel(key) {
        return this.state.data.states.find((s) => s.key === key)?.label;
    }

    // ------------------------------------------------------------------
    // Formatting
    // ------------------------------------------------------------------

    cellValue(unit, field) {
        switch (field) {
            case "unit_price":
                return formatFloat(unit.unit_price, { digits: [16, 0] });
            case "total_price":
                return this.formatWan(unit.total_price);
            case "gross_area":
            case "inner_area":
                return `${formatFloat(unit[field], { digits: [16, 2] })} m²`;
            case "layout_id":
                return this.layoutsById[unit.layout_id]?.name || "";
            default:
                return unit[field] || "";
        }
    }

    formatWan(amount) {
        return _t("%s 10k", formatFloat(amount / 10000, { digits: [16, 1] }));
    }

    formatArea(area) {
        return formatFloat(area, { digits: [16, 0] });
    }

    layoutOf(unit) {
        return this.layoutsById[unit.layout_id];
    }

    // ------------------------------------------------------------------
    // Handlers
    // ------------------------------------------------------------------

    async onProjectChange(ev) {
        this.state.projectId = parseInt(ev.target.value);
        this.state.selectedId = false;
        await this.load();
    }

    toggleState(key) {
        const states = this.state.filters.states;
        const index = states.indexOf(key);
        if (index >= 0) {
            states.splice(index, 1);
        } else {
            states.push(key);
        }
    }

    async toggleCellField(name) {
        const fields = this.state.cellFields.includes(name)
            ? this.state.cellFields.filter((field) => field !== name)
            : CELL_FIELDS.map((f) => f.name).filter((f) => f === name || this.state.cellFields.includes(f));
        this.state.cellFields = await this.orm.call("res.users", "realty_set_board_fields", [fields]);
    }

    selectUnit(unit) {
        this.state.selectedId = unit.id;
    }

    closePanel() {
        this.state.selectedId = false;
    }

    async runUnitAction(method) {
        try {
            await this.orm.call("realty.unit", method, [[this.state.selectedId]]);
        } finally {
            await this.load();
        }
    }

    async reserve() {
        const action = await this.orm.call("realty.unit", "action_new_reservation", [[this.state.selectedId]]);
        await this.actionService.doAction(action);
    }

    async openUnit() {
        await this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "realty.unit",
            res_id: this.state.selectedId,
            views: [[false, "form"]],
        });
    }

    async exportXlsx() {
        await download({
            url: "/realty_sales/board/xlsx",
            data: { project_id: this.state.projectId },
        });
    }
}

registry.category("actions").add("realty_sales.board", RealtySalesBoard);
