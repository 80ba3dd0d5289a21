import { Component, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import { deserializeDateTime, formatDateTime } from "@web/core/l10n/dates";
import { useService } from "@web/core/utils/hooks";

/**
 * The side panel of the selected unit: its floorplan, its values, the reservation holding it (as far as the user
 * may read it: record rules decide) and the actions the server offers for its state.
 */
export class BoardPanel extends Component {
    static template = "realty_sales.BoardPanel";
    static props = {
        unit: Object,
        unitState: String,
        state: Object,
        layout: { type: [Object, { value: undefined }], optional: true },
        fields: Array,
        actions: Array,
        formatValue: Function,
        onAction: Function,
        onOpen: Function,
        onClose: Function,
    };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.details = useState({ reservation: false, holder: false, loaded: false });
        this.detailsKey = null;
        this.detailsSequence = 0;
        onWillStart(() => this.loadDetails(this.props));
        onWillUpdateProps((nextProps) => this.loadDetails(nextProps));
    }

    /** The reservation of the unit, fetched again when another unit is selected or when its state changes. */
    async loadDetails({ unit, unitState }) {
        const key = `${unit.id}:${unitState}`;
        if (key === this.detailsKey) {
            return;
        }
        this.detailsKey = key;
        const sequence = ++this.detailsSequence;
        const details = await this.orm.call("realty.unit", "get_board_panel", [[unit.id]]);
        if (sequence === this.detailsSequence) {
            Object.assign(this.details, details, { loaded: true });
        }
    }

    get visibleActions() {
        return this.props.actions.filter((action) => action.states.includes(this.props.unitState));
    }

    get holdEnds() {
        const date = this.details.reservation?.date_expiry;
        if (!date) {
            return false;
        }
        const expiry = deserializeDateTime(date);
        return { date: formatDateTime(expiry), relative: expiry.toRelative() };
    }

    async openReservation() {
        await this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "realty.reservation",
            res_id: this.details.reservation.id,
            views: [[false, "form"]],
        });
    }
}
