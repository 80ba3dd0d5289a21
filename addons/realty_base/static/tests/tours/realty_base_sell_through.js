import { registry } from "@web/core/registry";

/** The kanban card, the list and the form show the same sell-through (run from the projects action). */
registry.category("web_tour.tours").add("realty_base_sell_through", {
    steps: () => [
        {
            content: "The kanban card says one sold of three released",
            trigger: ".o_kanban_record:contains('Test Garden') .o_realty_sell_through:contains('33.33%')",
        },
        {
            content: "and draws a third of the bar",
            trigger: ".o_kanban_record:contains('Test Garden') .o_realty_sell_through .progress-bar[style*='width: 33.3']",
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The list agrees",
            trigger: ".o_list_view .o_data_row:contains('Test Garden') .o_data_cell[name='sell_through_rate']:contains('33.33%')",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Test Garden')",
            run: "click",
        },
        {
            content: "The form agrees",
            trigger: ".o_form_view .o_field_widget[name='sell_through_rate']:contains('33.33%')",
        },
    ],
});
