import { Component, markRaw, onMounted, onWillStart, onWillUnmount, useState } from "@odoo/owl";
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
        // Thousands of units: kept out of OWL's reactivity (a proxy per unit makes every render slow). The board
        // re-renders when `state.data` or `state.summary` is replaced, or when a filter changes.
        const data = markRaw(await this.orm.call("realty.project", "get_sales_board_data", [[this.state.projectId]]));
        this.layoutsById = Object.fromEntries(data.layouts.map((layout) => [layout.id, layout]));
        this.unitsById = Object.fromEntries(data.units.map((unit) => [unit.id, unit]));
        this.statesByKey = Object.fromEntries(data.states.map((s) => [s.key, s]));
        this.grids = this.buildGrids(data);
        this.formatted = new Map();
        this.bedroomOptions = [...new Set(data.units.map((unit) => unit.bedrooms).filter(Boolean))].sort();
        this.state.data = data;
        this.state.cellFields = data.cell_fields;
        this.refreshSummary();
    }

    /** For each building: its floors (top first), its positions, and its units by "floor:position". */
    buildGrids(data) {
        const grids = Object.fromEntries(data.buildings.map((b) => [b.id, { floors: new Set(), positions: new Set(), cells: {} }]));
        for (const unit of data.units) {
            const grid = grids[unit.building_id];
            grid.floors.add(unit.floor);
            grid.positions.add(unit.position);
            grid.cells[`${unit.floor}:${unit.position}`] = unit;
        }
        for (const grid of Object.values(grids)) {
            grid.floors = [...grid.floors].sort((a, b) => b - a);
            grid.positions = [...grid.positions].sort((a, b) => a - b);
        }
        return grids;
    }

    /** Totals per state (units, area, amount) for the project and for each building, in one pass. */
    refreshSummary() {
        const { buildings, units } = this.state.data;
        const summary = { project: this.emptyTotals(), buildings: {} };
        for (const building of buildings) {
            summary.buildings[building.id] = this.emptyTotals();
        }
        for (const unit of units) {
            for (const totals of [summary.project, summary.buildings[unit.building_id]]) {
                const total = totals[unit.state];
                total.count += 1;
                total.area += unit.gross_area;
                total.amount += unit.total_price;
            }
        }
        this.state.summary = summary;
    }

    emptyTotals() {
        return Object.fromEntries(this.state.data.states.map((s) => [s.key, { count: 0, area: 0, amount: 0 }]));
    }

    onUnitStates(payload) {
        if (!this.state.data) {
            return;
        }
        for (const change of payload) {
            const unit = this.unitsById[change.id];
            if (unit) {
                unit.state = change.state;
            }
        }
        this.refreshSummary();
    }

    get selectedUnit() {
        return this.state.selectedId ? this.unitsById[this.state.selectedId] : undefined;
    }

    get visibleBuildings() {
        const buildingId = parseInt(this.state.filters.buildingId);
        return (this.state.data?.buildings || []).filter((b) => !buildingId || b.id === buildingId);
    }

    gridOf(building) {
        return this.grids[building.id];
    }

    /** What every cell needs, read from the reactive state once per render rather than once per cell. */
    renderInfo() {
        const { bedrooms, priceMin, priceMax, states } = this.state.filters;
        const wanted = {
            bedrooms: bedrooms ? parseInt(bedrooms) : null,
            min: priceMin ? parseFloat(priceMin) * 10000 : null,
            max: priceMax ? parseFloat(priceMax) * 10000 : null,
            states: new Set(states),
        };
        return {
            fields: [...this.state.cellFields],
            selectedId: this.state.selectedId,
            isDimmed: (unit) => !this.matches(unit, wanted),
        };
    }

    matches(unit, wanted) {
        return (
            (wanted.bedrooms === null || unit.bedrooms === wanted.bedrooms) &&
            (wanted.min === null || unit.total_price >= wanted.min) &&
            (wanted.max === null || unit.total_price <= wanted.max) &&
            (!wanted.states.size || wanted.states.has(unit.state))
        );
    }

    cellStyle(unit) {
        const s = this.statesByKey[unit.state];
        return `background-color: ${s.color}; color: ${s.text_color}`;
    }

    stateLabel(key) {
        return this.statesByKey[key]?.label;
    }

    // ------------------------------------------------------------------
    // Formatting
    // ------------------------------------------------------------------

    cellValue(unit, field) {
        const key = `${unit.id}:${field}`;
        if (!this.formatted.has(key)) {
            this.formatted.set(key, this.formatCellValue(unit, field));
        }
        return this.formatted.get(key);
    }

    formatCellValue(unit, field) {
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
