import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_sales_board_reserve", {
    steps: () => [
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            content: "The board shows the units of the building",
            trigger: ".o_realty_board_cell[data-unit='T-802'][data-state='available']",
        },
        {
            content: "Choose which fields the cells show",
            trigger: ".o_realty_board_fields_toggle",
            run: "click",
        },
        {
            content: "The choice is the server's list of fields, with their labels",
            trigger: ".o_realty_board_field_picker label:contains('Standard Unit Price') input[name='unit_price']",
            run: "click",
        },
        {
            content: "Cells now show the unit price",
            trigger: ".o_realty_board_cell[data-unit='T-802'] .o_realty_board_cell_lines:contains('18,000')",
        },
        {
            content: "Filter on three bedrooms",
            trigger: "select.o_realty_board_filter_bedrooms",
            run: "select 3",
        },
        {
            content: "Two-bedroom units are dimmed, not removed",
            trigger: ".o_realty_board_cell.o_realty_board_dimmed[data-unit='T-1201']",
        },
        {
            content: "A price range upside down: minimum 500 (×10k) ...",
            trigger: "input.o_realty_board_price_min",
            run: "edit 500",
        },
        {
            content: "... maximum 100",
            trigger: "input.o_realty_board_price_max",
            run: "edit 100",
        },
        {
            content: "The board says so and does not dim everything",
            trigger: ".o_realty_board_price_error:contains('minimum price is above the maximum')",
        },
        {
            trigger: ".o_realty_board_cell:not(.o_realty_board_dimmed)[data-unit='T-802']",
        },
        {
            content: "Clear the minimum",
            trigger: "input.o_realty_board_price_min",
            run: "clear",
        },
        {
            content: "Only a maximum is a valid range",
            trigger: ".o_realty_board_toolbar:not(:has(.o_realty_board_price_error))",
        },
        {
            trigger: ".o_realty_board_cell.o_realty_board_dimmed[data-unit='T-802']",
        },
        {
            content: "Clear the maximum",
            trigger: "input.o_realty_board_price_max",
            run: "clear",
        },
        {
            content: "Click the unit another salesperson reserved",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='reserved']",
            run: "click",
        },
        {
            content: "Only who holds it is shown, not the deal",
            trigger: ".o_realty_board_panel:contains('T-1201') .o_realty_board_panel_holder:contains('Other Seller')",
        },
        {
            trigger: ".o_realty_board_panel:contains('T-1201'):not(:has(.o_realty_board_panel_reservation))",
        },
        {
            content: "Click the three-bedroom unit",
            trigger: ".o_realty_board_cell:not(.o_realty_board_dimmed)[data-unit='T-802']",
            run: "click",
        },
        {
            content: "A salesperson is not offered to hold units",
            trigger: ".o_realty_board_panel:contains('T-802'):not(:has(.o_realty_board_hold))",
        },
        {
            content: "The side panel offers to reserve it",
            trigger: ".o_realty_board_panel:contains('T-802') .o_realty_board_reserve",
            run: "click",
        },
        {
            content: "The payment plan is filled in",
            trigger: ".o_form_view .o_field_widget[name='payment_plan_id'] input:value(Full payment)",
        },
        {
            content: "Pick the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit Tour Buyer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Buyer')",
            run: "click",
        },
        {
            content: "Confirm the reservation",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The reservation is confirmed",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Confirmed')",
        },
        {
            content: "Back to the board",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Sales Board')",
            run: "click",
        },
        {
            content: "The unit is reserved",
            trigger: ".o_realty_board_cell[data-unit='T-802'][data-state='reserved']",
            run: "click",
        },
        {
            content: "Its salesperson sees the reservation: customer, salesperson and when the hold ends",
            trigger: ".o_realty_board_panel_reservation [data-field='customer']:contains('Tour Buyer')",
        },
        {
            trigger: ".o_realty_board_panel_reservation [data-field='salesperson']:contains('Tour Salesperson')",
        },
        {
            trigger: ".o_realty_board_panel_reservation [data-field='date_expiry']:contains('in ')",
        },
    ],
});
