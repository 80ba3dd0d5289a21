import {
    Component,
    markRaw,
    onMounted,
    onWillStart,
    onWillUnmount,
    useEffect,
    useExternalListener,
    useRef,
    useState,
} from "@odoo/owl";
import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

import { BoardBuilding } from "./board_building";
import { BoardLegend } from "./board_legend";
import { BoardPanel } from "./board_panel";
import { BoardData } from "./board_data";
import { readFilters } from "./board_utils";

/** Subscribe to a bus notification type for the life of the component. */
function useBusNotification(busService, type, callback) {
    onMounted(() => busService.subscribe(type, callback));
    onWillUnmount(() => busService.unsubscribe(type, callback));
}

/**
 * The sales-control board (销控表): every unit of a project as a coloured cell, one grid per building, with live
 * totals per state, filters that dim rather than hide, and a side panel.
 *
 * The units (thousands) are kept out of OWL's reactivity: `state.board` is raw, and a change of units in place
 * (bus) bumps `state.version`. The first screen of buildings is rendered first, the others right after it.
 */
export class RealtySalesBoard extends Component {
    static template = "realty_sales.SalesBoard";
    static components = { BoardBuilding, BoardLegend, BoardPanel };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.busService = useService("bus_service");
        this.state = useState({
            projects: [],
            projectId: this.props.action.params?.project_id || this.props.action.context?.active_id || false,
            board: null,
            version: 0,
            selectedId: false,
            cellFields: [],
            showFieldPicker: false,
            renderedCount: 0,
            filters: { buildingId: "", bedrooms: "", priceMin: "", priceMax: "", states: [] },
        });
        this.loadSequence = 0;
        this.loading = false;
        this.pendingChanges = [];
        this.missedUpdates = false;
        this.fieldPickerRef = useRef("fieldPicker");
        // stable functions: the buildings get the same props from one render to the next
        this.formatValue = (unit, field) => this.state.board.formatValue(unit, field);
        this.cellLines = (unit, fields) => this.state.board.cellLines(unit, fields);
        this.selectUnit = (unitId) => (this.state.selectedId = unitId);
        this.onUnitStates = (changes) => this.receiveChanges(changes);

        onWillStart(() => this.load(() => this.fetchStart()));
        useBusNotification(this.busService, "realty.unit/state", this.onUnitStates);
        useBus(this.busService, "BUS:DISCONNECT", () => (this.missedUpdates = true));
        useBus(this.busService, "BUS:RECONNECT", () => this.reloadIfMissed());
        useExternalListener(window, "focus", () => this.reloadIfMissed());
        useExternalListener(window, "click", (ev) => this.closeFieldPicker(ev), { capture: true });
        useEffect(
            () => this.renderNextBuildings(),
            () => [this.state.board, this.state.renderedCount]
        );
    }

    // ------------------------------------------------------------------
    // Data
    // ------------------------------------------------------------------

    /** The board, read again when units changed in place (the buildings skip a render unless theirs did). */
    get shownBoard() {
        this.state.version; // eslint-disable-line no-unused-expressions
        return this.state.board;
    }

    fetchStart() {
        return this.orm.call("realty.project", "get_sales_board", [], { project_id: this.state.projectId });
    }

    async fetchBoard() {
        return { board: await this.orm.call("realty.project", "get_sales_board_data", [[this.state.projectId]]) };
    }

    /**
     * Run one load. A load started later wins: an earlier one that answers last is dropped, and bus changes that
     * arrive meanwhile are applied again on top of the new data.
     */
    async load(fetch) {
        const sequence = ++this.loadSequence;
        this.loading = true;
        this.pendingChanges = [];
        try {
            const result = await fetch();
            if (sequence !== this.loadSequence) {
                return;
            }
            if (result.projects) {
                this.state.projects = result.projects;
            }
            this.setBoard(result.board);
        } finally {
            if (sequence === this.loadSequence) {
                this.loading = false;
            }
        }
    }

    setBoard(data) {
        this.missedUpdates = false;
        const board = data ? markRaw(new BoardData(data)) : null;
        if (board) {
            this.state.projectId = board.project.id;
            this.state.cellFields = board.cellFields;
            this.state.renderedCount = board.firstScreenCount(window.innerWidth);
        }
        if (!board?.unitsById[this.state.selectedId]) {
            this.state.selectedId = false;
        }
        this.state.board = board;
        const pending = this.pendingChanges;
        this.pendingChanges = [];
        this.applyChanges(pending);
    }

    reloadIfMissed() {
        if (this.missedUpdates && this.state.projectId) {
            this.load(() => this.fetchBoard());
        }
    }

    receiveChanges(changes) {
        if (this.loading) {
            this.pendingChanges.push(...changes);
        }
        this.applyChanges(changes);
    }

    /** Apply unit state changes (from the bus, or after an action of this board) to the board in place. */
    applyChanges(changes) {
        if (this.state.board?.applyChanges(changes)) {
            this.state.version++;
        }
    }

    // ------------------------------------------------------------------
    // Rendering
    // ------------------------------------------------------------------

    /** After a paint, render the next buildings, a few thousand cells at a time. */
    renderNextBuildings() {
        const board = this.state.board;
        if (!board || this.state.renderedCount >= board.buildings.length) {
            return;
        }
        const timeout = setTimeout(() => (this.state.renderedCount = board.nextCount(this.state.renderedCount)));
        return () => clearTimeout(timeout);
    }

    get visibleBuildings() {
        const buildings = this.shownBoard?.buildings || [];
        const buildingId = parseInt(this.state.filters.buildingId);
        if (buildingId) {
            return buildings.filter((building) => building.id === buildingId);
        }
        return buildings.slice(0, this.state.renderedCount);
    }

    /** The filters as a test of a unit, the same object as long as the filters do not change. */
    get activeFilter() {
        const { bedrooms, priceMin, priceMax, states } = this.state.filters;
        const key = JSON.stringify([bedrooms, priceMin, priceMax, states]);
        if (key !== this.filterKey) {
            this.filterKey = key;
            this.filterResult = readFilters({ bedrooms, priceMin, priceMax, states: [...states] });
        }
        return this.filterResult;
    }

    /** The cell fields the user shows, the same array as long as the choice does not change. */
    get cellFieldList() {
        const board = this.shownBoard;
        const names = this.state.cellFields;
        const key = `${board.project.id}:${names.join(",")}`;
        if (key !== this.cellFieldKey) {
            this.cellFieldKey = key;
            this.cellFieldResult = board.cellFieldOptions.filter((field) => names.includes(field.name));
        }
        return this.cellFieldResult;
    }

    get selectedUnit() {
        return this.state.selectedId ? this.shownBoard?.unitsById[this.state.selectedId] : undefined;
    }

    // ------------------------------------------------------------------
    // Handlers
    // ------------------------------------------------------------------

    async onProjectChange(ev) {
        this.state.projectId = parseInt(ev.target.value);
        this.state.selectedId = false;
        await this.load(() => this.fetchBoard());
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
        const names = this.state.cellFields.includes(name)
            ? this.state.cellFields.filter((field) => field !== name)
            : [...this.state.cellFields, name];
        this.state.cellFields = await this.orm.call("res.users", "realty_set_board_fields", [names]);
    }

    closeFieldPicker(ev) {
        if (this.state.showFieldPicker && !this.fieldPickerRef.el?.contains(ev.target)) {
            this.state.showFieldPicker = false;
        }
    }

    closePanel() {
        this.state.selectedId = false;
    }

    /** A panel action: the ones that open a form open it; the others run, then the board applies the change. */
    async runAction(action) {
        const unitIds = [this.state.selectedId];
        if (action.opens_form) {
            const windowAction = await this.orm.call("realty.unit", action.method, [unitIds]);
            await this.actionService.doAction(windowAction);
            return;
        }
        try {
            await this.orm.call("realty.unit", action.method, [unitIds]);
        } finally {
            this.applyChanges(await this.orm.call("realty.unit", "get_board_changes", [unitIds]));
        }
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
