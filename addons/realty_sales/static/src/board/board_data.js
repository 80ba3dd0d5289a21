import {
    addToTotals,
    buildGrids,
    computeTotals,
    copyTotals,
    formatCellValue,
    stateStyleSheet,
    unitsFromRows,
} from "./board_utils";

const CELL_WIDTH = 95; // px: a cell (5.5rem) and its spacing, to guess how many buildings fit on a screen
const CELLS_PER_STEP = 2000; // the buildings beyond the first screen are rendered this many cells at a time

/**
 * The board of one project, as the server sends it plus what the screen needs: units by id, one grid and one totals
 * object per building, a revision per building. Kept out of OWL's reactivity (thousands of units): changes are
 * applied in place, and each building touched gets a new totals object and revision, so that only it re-renders.
 */
export class BoardData {
    constructor(data) {
        const units = unitsFromRows(data.units);
        this.project = data.project;
        this.states = data.states;
        this.buildings = data.buildings;
        this.selections = data.selections;
        this.cellFieldOptions = data.cell_field_options;
        this.cellFields = data.cell_fields;
        this.actions = data.actions;
        this.units = units;
        this.unitsById = Object.fromEntries(units.map((unit) => [unit.id, unit]));
        this.layoutsById = Object.fromEntries(data.layouts.map((layout) => [layout.id, layout]));
        this.statesByKey = Object.fromEntries(data.states.map((state) => [state.key, state]));
        this.grids = buildGrids(data.buildings, units);
        this.totals = computeTotals(data.states, data.buildings, units);
        this.revisions = Object.fromEntries(data.buildings.map((building) => [building.id, 0]));
        this.bedroomOptions = [...new Set(units.map((unit) => unit.bedrooms).filter(Boolean))].sort((a, b) => a - b);
        this.styleSheet = stateStyleSheet(data.states);
        this.formatted = {};
    }

    /** Apply unit state changes (`{id, state}`, from the bus or an action); returns whether any unit changed. */
    applyChanges(changes) {
        const touched = new Set();
        for (const change of changes) {
            const unit = this.unitsById[change.id];
            if (!unit || unit.state === change.state) {
                continue;
            }
            const buildingId = unit.building_id;
            if (!touched.size) {
                this.totals.project = copyTotals(this.totals.project);
            }
            if (!touched.has(buildingId)) {
                touched.add(buildingId);
                this.totals.buildings[buildingId] = copyTotals(this.totals.buildings[buildingId]);
                this.revisions[buildingId] += 1;
            }
            for (const totals of [this.totals.project, this.totals.buildings[buildingId]]) {
                addToTotals(totals, unit, -1);
                addToTotals(totals, { ...unit, state: change.state }, 1);
            }
            unit.state = change.state;
        }
        return touched.size > 0;
    }

    /** The chosen fields of a cell as one text, a line per field, built once per unit and choice of fields. */
    cellLines(unit, fields) {
        if (fields !== this.linesFields) {
            this.linesFields = fields;
            this.lines = {};
        }
        let lines = this.lines[unit.id];
        if (lines === undefined) {
            lines = this.lines[unit.id] = fields.map((field) => this.formatValue(unit, field)).join("\n");
        }
        return lines;
    }

    /** A cell value as shown, formatted once per unit and field. */
    formatValue(unit, field) {
        const values = (this.formatted[field.name] ||= {});
        let value = values[unit.id];
        if (value === undefined) {
            value = values[unit.id] = formatCellValue(unit, field, this);
        }
        return value;
    }

    selectedIdIn(building, unitId) {
        const unit = this.unitsById[unitId];
        return unit && unit.building_id === building.id ? unit.id : false;
    }

    /** How many buildings a screen of this width shows (at least one): rendered first, so that they paint at once. */
    firstScreenCount(width) {
        let used = 0;
        let count = 0;
        for (const building of this.buildings) {
            count++;
            used += (this.grids[building.id].positions.length + 1) * CELL_WIDTH;
            if (used > width) {
                break;
            }
        }
        return count;
    }

    /** How many buildings to render after `count` of them: a few thousand cells more. */
    nextCount(count) {
        let cells = 0;
        while (count < this.buildings.length && cells < CELLS_PER_STEP) {
            cells += this.grids[this.buildings[count].id].cellCount;
            count++;
        }
        return count;
    }
}
