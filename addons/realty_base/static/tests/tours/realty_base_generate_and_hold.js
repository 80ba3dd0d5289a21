import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_base_generate_and_hold", {
    steps: () => [
        {
            content: "Open the building",
            trigger: ".o_list_view .o_data_cell:contains('Tour Tower')",
            run: "click",
        },
        {
            content: "Open the unit generator",
            trigger: ".o_form_view button[name='action_open_unit_generator']",
            run: "click",
        },
        {
            content: "Positions are prefilled from the building and the project's layouts",
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row:nth-child(2)",
        },
        {
            content: "Set the base price per m²",
            trigger: ".modal .o_field_widget[name='base_unit_price'] input",
            run: "edit 20000",
        },
        {
            content: "Six units will be created",
            trigger: ".modal .o_field_widget[name='unit_count']:contains('6')",
        },
        {
            content: "Generate",
            trigger: ".modal button[name='action_generate']",
            run: "click",
        },
        {
            content: "Open unit T-101",
            trigger: ".o_list_view .o_data_cell:contains('T-101')",
            run: "click",
        },
        {
            content: "Release it for sale",
            trigger: ".o_form_view button[name='action_release']",
            run: "click",
        },
        {
            content: "Hold it back",
            trigger: ".o_form_view button[name='action_hold']",
            run: "click",
        },
        {
            content: "The unit is held",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Held')",
        },
    ],
});
