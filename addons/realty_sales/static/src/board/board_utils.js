import { _t } from "@web/core/l10n/translation";
import { formatFloat } from "@web/views/fields/formatters";

/**
 * Pure helpers of the sales board: turn the server's rows into units and grids, count totals per state, read the
 * filters, format cell values. Nothing here knows a state key or a field name: both come from the server.
 */

/** One plain object per unit, from the server's rows (`fields` names the columns). */
export function unitsFromRows({ fields, rows }) {
    const units = new Array(rows.length);
    for (let index = 0; index < rows.length; index++) {
        const row = rows[index];
        const unit = {};
        for (let column = 0; column < fields.length; column++) {
            unit[fields[column]] = row[column];
        }
        units[index] = unit;
    }
    return units;
}

/**
 * For each building: its floors (top first) and one row per floor with the floor's units by position (null where
 * the building has no unit).
 */
export function buildGrids(buildings, units) {
    const byBuilding = Object.fromEntries(buildings.map((building) => [building.id, []]));
    for (const unit of units) {
        byBuilding[unit.building_id]?.push(unit);
    }
    const grids = {};
    for (const building of buildings) {
        const buildingUnits = byBuilding[building.id];
        const floors = [...new Set(buildingUnits.map((unit) => unit.floor))].sort((a, b) => b - a);
        const positions = [...new Set(buildingUnits.map((unit) => unit.position))].sort((a, b) => a - b);
        const floorIndex = new Map(floors.map((floor, index) => [floor, index]));
        const positionIndex = new Map(positions.map((position, index) => [position, index]));
        const rows = floors.map(() => new Array(positions.length).fill(null));
        for (const unit of buildingUnits) {
            rows[floorIndex.get(unit.floor)][positionIndex.get(unit.position)] = unit;
        }
        grids[building.id] = { floors, positions, rows, cellCount: buildingUnits.length };
    }
    return grids;
}

export function emptyTotals(states) {
    return Object.fromEntries(states.map((state) => [state.key, { count: 0, area: 0, amount: 0 }]));
}

/** Totals per state (units, area, amount) for the project and for each building, in one pass. */
export function computeTotals(states, buildings, units) {
    const totals = { project: emptyTotals(states), buildings: {} };
    for (const building of buildings) {
        totals.buildings[building.id] = emptyTotals(states);
    }
    for (const unit of units) {
        addToTotals(totals.project, unit, 1);
        addToTotals(totals.buildings[unit.building_id], unit, 1);
    }
    return totals;
}

/** Count a unit in (sign 1) or out of (sign -1) a totals object, under its current state. */
export function addToTotals(totals, unit, sign) {
    const total = totals?.[unit.state];
    if (total) {
        total.count += sign;
        total.area += sign * unit.gross_area;
        total.amount += sign * unit.total_price;
    }
}

export function copyTotals(totals) {
    return Object.fromEntries(Object.entries(totals).map(([key, total]) => [key, { ...total }]));
}

/**
 * The filters as a test of one unit: `match` is null when nothing is filtered. A price range whose minimum is above
 * its maximum is refused: it is left out of the test and `error` says why.
 */
export function readFilters({ bedrooms, priceMin, priceMax, states }) {
    const wanted = {
        bedrooms: bedrooms ? parseInt(bedrooms) : null,
        min: priceMin !== "" && priceMin !== null ? parseFloat(priceMin) * 10000 : null,
        max: priceMax !== "" && priceMax !== null ? parseFloat(priceMax) * 10000 : null,
        states: new Set(states),
    };
    let error = false;
    if (wanted.min !== null && wanted.max !== null && wanted.min > wanted.max) {
        error = _t("The minimum price is above the maximum: the price filter is not applied.");
        wanted.min = wanted.max = null;
    }
    const active =
        wanted.bedrooms !== null || wanted.min !== null || wanted.max !== null || wanted.states.size > 0;
    const match = active
        ? (unit) =>
              (wanted.bedrooms === null || unit.bedrooms === wanted.bedrooms) &&
              (wanted.min === null || unit.total_price >= wanted.min) &&
              (wanted.max === null || unit.total_price <= wanted.max) &&
              (!wanted.states.size || wanted.states.has(unit.state))
        : null;
    return { match, error };
}

export function formatWan(amount) {
    return _t("%s 10k", formatFloat(amount / 10000, { digits: [16, 1] }));
}

export function formatArea(area) {
    return formatFloat(area, { digits: [16, 0] });
}

/** How a cell shows a value, by the `format` the server gives each cell field. */
const CELL_FORMATS = {
    integer: (value) => formatFloat(value, { digits: [16, 0] }),
    wan: (value) => formatWan(value),
    area: (value) => `${formatFloat(value, { digits: [16, 2] })} m²`,
    layout: (value, field, board) => board.layoutsById[value]?.name || "",
    selection: (value, field, board) => board.selections[field.name]?.[value] || "",
};

export function formatCellValue(unit, field, board) {
    const value = unit[field.name];
    const format = CELL_FORMATS[field.format];
    if (value === null || value === undefined || value === false) {
        return "";
    }
    return format ? format(value, field, board) : String(value);
}

/**
 * The colours of the states, as a style sheet: cells, swatches and badges carry `data-state`, so a cell needs no
 * inline style, and a dimmed cell is a pale tint of its colour (cheap to paint, unlike opacity).
 */
export function stateStyleSheet(states) {
    const safe = (value) => (/^[#(),.%\w\s-]+$/.test(value || "") ? value : "transparent");
    return states
        .map((state) => {
            const key = JSON.stringify(String(state.key));
            const color = safe(state.color);
            return (
                `.o_realty_board :is(.o_realty_board_cell,.o_realty_board_badge)[data-state=${key}]` +
                `{background-color:${color};color:${safe(state.text_color)}}` +
                `.o_realty_board .o_realty_board_swatch[data-state=${key}]{background-color:${color}}` +
                `.o_realty_board .o_realty_board_cell.o_realty_board_dimmed[data-state=${key}]{background-color:` +
                `color-mix(in srgb,${color} 22%,var(--bs-body-bg,#fff));color:#6c757d}`
            );
        })
        .join("\n");
}
