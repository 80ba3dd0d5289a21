import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_portal_showcase_tour", {
    steps: () => [
        {
            content: "Open the project",
            trigger: "a.o_realty_project_card:contains('Test Garden')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Add layout B to the comparison",
            trigger: ".o_realty_layout_card:has(h3 a:contains('B')) .o_realty_add_compare",
            run: "click",
        },
        { content: "One selected", trigger: ".o_realty_compare_count:contains('1')" },
        {
            content: "B says it is in the comparison",
            trigger: ".o_realty_layout_card:has(h3 a:contains('B')) .o_realty_added_label",
        },
        {
            content: "Open layout C",
            trigger: ".o_realty_layout_card h3 a:contains('C')",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "Add layout C", trigger: "button.o_realty_add_compare", run: "click" },
        { content: "Two selected (the choice survived navigation)", trigger: ".o_realty_compare_count:contains('2')" },
        { content: "Compare", trigger: "a.o_realty_compare_link", run: "click", expectUnloadPage: true },
        { content: "The table", trigger: ".o_realty_compare_table th:contains('Efficiency')" },
        { content: "Differences highlighted", trigger: ".o_realty_compare_table tr.o_realty_differs" },
        { content: "Both layouts compared", trigger: ".o_realty_compare_table thead th:contains('B') + th:contains('C')" },
    ],
});
