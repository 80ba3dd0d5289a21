import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_base_unit_kanban", {
    steps: () => [
        {
            content: "Switch the units to the kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Wait for the kanban (its search bar replaces the list's: text typed earlier is lost)",
            trigger: ".o_kanban_view .o_kanban_group",
        },
        {
            content: "Search the unit",
            trigger: ".o_searchview_input",
            run: "edit K-101",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Units are grouped by sales state, with their floorplan thumbnail",
            trigger: ".o_kanban_group .o_kanban_record:contains('K-101') div[name='layout_image'] img",
        },
    ],
});
